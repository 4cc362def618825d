"""prepub.core.metadata: XMP (JPEG, PNG, WebP, extended, UTF-16, hostile) and IPTC-IIM."""

from __future__ import annotations

import hashlib
import io
import struct
import zlib
from pathlib import Path

import piexif
import pytest
from PIL import Image
from PIL.PngImagePlugin import PngInfo

from prepub.core.metadata import read_metadata
from prepub.core.metadata.iptc import parse_iim, parse_irb
from prepub.core.metadata.xmp import parse_xmp

XMP = """<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:exif="http://ns.adobe.com/exif/1.0/"
    xmlns:aux="http://ns.adobe.com/exif/1.0/aux/"
    xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"
    xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/"
    xmlns:mwg-rs="http://www.metadataworkinggroup.com/schemas/regions/"
    xmlns:stArea="http://ns.adobe.com/xmp/sType/Area#"
    xmlns:MP="http://ns.microsoft.com/photo/1.2/"
    xmlns:MPRI="http://ns.microsoft.com/photo/1.2/t/RegionInfo#"
    xmlns:MPReg="http://ns.microsoft.com/photo/1.2/t/Region#"
    photoshop:DateCreated="2023-06-06T10:00:00+02:00"
    aux:SerialNumber="XMP-SERIAL-42"
    exif:GPSLatitude="59,19.7594N" exif:GPSLongitude="18,4.1149E">
   <dc:creator><rdf:Seq><rdf:li>Lena Lind</rdf:li><rdf:li>Ola Ek</rdf:li></rdf:Seq></dc:creator>
   <dc:rights><rdf:Alt><rdf:li xml:lang="sv-SE">Alla rättigheter förbehållna</rdf:li>
     <rdf:li xml:lang="x-default">All rights reserved</rdf:li></rdf:Alt></dc:rights>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">Sommarfest i parken</rdf:li>
     </rdf:Alt></dc:description>
   <exif:GPSAltitude>1255/10</exif:GPSAltitude>
   <exif:GPSAltitudeRef>1</exif:GPSAltitudeRef>
   <aux:OwnerName>Region Norr</aux:OwnerName>
   <Iptc4xmpExt:PersonInImage><rdf:Bag><rdf:li>Anna Svensson</rdf:li>
     <rdf:li>Björn Ek</rdf:li></rdf:Bag></Iptc4xmpExt:PersonInImage>
   <mwg-rs:Regions rdf:parseType="Resource">
    <mwg-rs:RegionList><rdf:Bag>
     <rdf:li><rdf:Description mwg-rs:Name="Anna Svensson" mwg-rs:Type="Face">
       <mwg-rs:Area stArea:x="0.3" stArea:y="0.4" stArea:w="0.1" stArea:h="0.2"/>
     </rdf:Description></rdf:li>
     <rdf:li rdf:parseType="Resource"><mwg-rs:Name>Fido</mwg-rs:Name>
       <mwg-rs:Type>Pet</mwg-rs:Type></rdf:li>
    </rdf:Bag></mwg-rs:RegionList>
   </mwg-rs:Regions>
   <MP:RegionInfo rdf:parseType="Resource"><MPRI:Regions><rdf:Bag>
     <rdf:li MPReg:PersonDisplayName="Carl Dahl" MPReg:Rectangle="0.1, 0.1, 0.2, 0.2"/>
   </rdf:Bag></MPRI:Regions></MP:RegionInfo>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""

XMP_NS = b"http://ns.adobe.com/xap/1.0/\x00"


def _jpeg_with(segments: list[tuple[int, bytes]], *, exif: bytes | None = None) -> bytes:
    buf = io.BytesIO()
    kw = {"exif": exif} if exif else {}
    Image.new("RGB", (40, 30), "gray").save(buf, "JPEG", **kw)
    data = buf.getvalue()
    extra = b"".join(b"\xff" + bytes([m]) + struct.pack(">H", len(p) + 2) + p for m, p in segments)
    return data[:2] + extra + data[2:]


def _read(tmp_path: Path, data: bytes, name: str = "x.jpg"):
    p = tmp_path / name
    p.write_bytes(data)
    return read_metadata(p)


def _iim(*records: tuple[int, int, bytes]) -> bytes:
    return b"".join(b"\x1c" + bytes([r, d]) + struct.pack(">H", len(v)) + v for r, d, v in records)


def _irb(resources: dict[int, bytes]) -> bytes:
    out = b"Photoshop 3.0\x00"
    for rid, data in resources.items():
        out += b"8BIM" + struct.pack(">H", rid) + b"\x00\x00" + struct.pack(">I", len(data)) + data
        out += b"\x00" * (len(data) % 2)
    return out


def test_xmp_values_people_regions_and_gps(tmp_path: Path) -> None:
    md = _read(tmp_path, _jpeg_with([(0xE1, XMP_NS + XMP.encode())]))
    assert md.has_xmp and not md.has_exif
    assert (md.photographer.value, md.photographer.source) == ("Lena Lind; Ola Ek",
                                                               "XMP:dc:creator")
    assert md.copyright.value == "All rights reserved"  # x-default wins over document order
    assert (md.caption.value, md.caption.source) == ("Sommarfest i parken", "XMP:dc:description")
    assert [(p.value, p.source) for p in md.persons_shown] == [
        ("Anna Svensson", "XMP:Iptc4xmpExt:PersonInImage"),
        ("Björn Ek", "XMP:Iptc4xmpExt:PersonInImage"),
        ("Carl Dahl", "XMP:MP:RegionInfo")]  # Fido is a Pet region, not a person
    assert md.has_face_regions
    assert md.gps is not None and md.gps.source == "XMP:exif:GPS"
    assert md.gps.lat == pytest.approx(59 + 19.7594 / 60) and md.gps.lon == pytest.approx(
        18 + 4.1149 / 60)
    assert md.gps.alt == pytest.approx(-125.5)
    assert md.gps_present and not md.gps_empty
    assert [(s.value, s.source) for s in md.serial_numbers] == [("XMP-SERIAL-42",
                                                                 "XMP:aux:SerialNumber")]
    assert (md.owner_name.value, md.owner_name.source) == ("Region Norr", "XMP:aux:OwnerName")
    assert md.taken_at.source == "XMP:photoshop:DateCreated"
    assert md.taken_at.value.isoformat() == "2023-06-06T10:00:00+02:00"


def test_exif_wins_over_xmp_as_the_mwg_guidance_says(tmp_path: Path) -> None:
    exif = piexif.dump({"0th": {piexif.ImageIFD.Artist: b"Exif Person",
                                piexif.ImageIFD.ImageDescription: b"OLYMPUS DIGITAL CAMERA"}})
    md = _read(tmp_path, _jpeg_with([(0xE1, XMP_NS + XMP.encode())], exif=exif))
    assert (md.photographer.value, md.photographer.source) == ("Exif Person", "EXIF:Artist")
    # a junk EXIF description does not count, so the XMP description is used
    assert md.caption.source == "XMP:dc:description"


def test_iptc_utf8_latin1_and_preview(tmp_path: Path) -> None:
    thumb = b"\x00" * 28 + b"\xff\xd8\xff\xd9"
    utf8 = _iim((1, 90, b"\x1b%G"), (2, 80, "Åsa Öberg".encode()),
                (2, 120, "Bild från Sundsvall".encode()), (2, 116, b"(c) TT"),
                (2, 55, b"20240501"), (2, 60, b"140300+0200"))
    md = _read(tmp_path, _jpeg_with([(0xED, _irb({0x0404: utf8, 0x040C: thumb}))]))
    assert md.has_iptc and md.has_preview
    assert (md.photographer.value, md.photographer.source) == ("Åsa Öberg", "IPTC:By-line")
    assert (md.caption.value, md.caption.source) == ("Bild från Sundsvall",
                                                     "IPTC:Caption-Abstract")
    assert md.copyright.source == "IPTC:CopyrightNotice"
    assert md.taken_at.value.isoformat() == "2024-05-01T14:03:00+02:00"
    latin1 = _iim((2, 80, "Jörgen Åström".encode("latin-1")))
    md = _read(tmp_path, _jpeg_with([(0xED, _irb({0x0404: latin1}))]), "l.jpg")
    assert md.photographer.value == "Jörgen Åström" and not md.has_preview


def test_iptc_beats_xmp_only_when_its_digest_says_it_was_edited(tmp_path: Path) -> None:
    iim = _iim((2, 80, b"IPTC Person"))
    digest_ok = hashlib.md5(iim).digest()
    synced = _jpeg_with([(0xE1, XMP_NS + XMP.encode()),
                         (0xED, _irb({0x0404: iim, 0x0425: digest_ok}))])
    assert _read(tmp_path, synced, "a.jpg").photographer.source == "XMP:dc:creator"
    edited = _jpeg_with([(0xE1, XMP_NS + XMP.encode()),
                         (0xED, _irb({0x0404: iim, 0x0425: b"\x01" * 16}))])
    assert _read(tmp_path, edited, "b.jpg").photographer.source == "IPTC:By-line"


def test_png_xmp_itxt_plain_and_compressed(tmp_path: Path) -> None:
    for zipped in (False, True):
        info = PngInfo()
        info.add_itxt("XML:com.adobe.xmp", XMP, zip=zipped)
        p = tmp_path / f"x{zipped}.png"
        Image.new("RGB", (20, 10), "red").save(p, "PNG", pnginfo=info)
        md = read_metadata(p)
        assert md.format == "PNG" and md.has_xmp and md.has_face_regions
        assert md.photographer.value == "Lena Lind; Ola Ek"


def test_png_exif_after_the_pixel_data_is_found(tmp_path: Path) -> None:
    buf = io.BytesIO()
    Image.new("RGB", (20, 10), "red").save(buf, "PNG")
    tiff = piexif.dump({"0th": {piexif.ImageIFD.Artist: b"Late Chunk"}})[6:]
    chunk = struct.pack(">I", len(tiff)) + b"eXIf" + tiff + struct.pack(
        ">I", zlib.crc32(b"eXIf" + tiff) & 0xFFFFFFFF)
    data = buf.getvalue()
    iend = data.rindex(b"IEND") - 4
    md = _read(tmp_path, data[:iend] + chunk + data[iend:], "late.png")
    assert md.photographer.value == "Late Chunk" and md.has_exif


def test_webp_xmp(tmp_path: Path) -> None:
    p = tmp_path / "x.webp"
    Image.new("RGB", (20, 10), "red").save(p, "WEBP", xmp=XMP.encode())
    md = read_metadata(p)
    assert md.has_xmp and md.persons_shown and md.gps is not None


def test_utf16_xmp_packet(tmp_path: Path) -> None:
    md = _read(tmp_path, _jpeg_with([(0xE1, XMP_NS + XMP.encode("utf-16-be"))]))
    assert md.photographer.value == "Lena Lind; Ola Ek"


def test_extended_xmp_is_reassembled(tmp_path: Path) -> None:
    main = ('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
            'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
            'xmlns:xmpNote="http://ns.adobe.com/xmp/note/" xmpNote:HasExtendedXMP="'
            + "A" * 32 + '"/></rdf:RDF></x:xmpmeta>').encode()
    ext = XMP.encode()
    half = len(ext) // 2
    ns = b"http://ns.adobe.com/xmp/extension/\x00" + b"A" * 32 + struct.pack(">I", len(ext))
    segs = [(0xE1, XMP_NS + main), (0xE1, ns + struct.pack(">I", half) + ext[half:]),
            (0xE1, ns + struct.pack(">I", 0) + ext[:half])]  # out of order on purpose
    md = _read(tmp_path, _jpeg_with(segs))
    assert md.has_face_regions and [p.value for p in md.persons_shown][0] == "Anna Svensson"


def test_hostile_or_broken_xmp_is_a_warning(tmp_path: Path) -> None:
    bomb = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
            '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
            '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
            'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
            'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>&lol2;</dc:title>'
            '</rdf:Description></rdf:RDF></x:xmpmeta>').encode()
    exif = piexif.dump({"0th": {piexif.ImageIFD.Artist: b"Still Read"}})
    for name, packet in (("bomb.jpg", bomb), ("cut.jpg", XMP.encode()[:700])):
        md = _read(tmp_path, _jpeg_with([(0xE1, XMP_NS + packet)], exif=exif), name)
        assert md.has_xmp and md.photographer.value == "Still Read"
        assert any(w.startswith("xmp.unreadable") for w in md.warnings), md.warnings


def test_attribute_and_empty_xmp_forms() -> None:
    x = parse_xmp(b'<x:xmpmeta xmlns:x="adobe:ns:meta/"/>')
    assert x.props == {}
    x = parse_xmp(XMP.encode())
    assert x.text("aux", "SerialNumber") == "XMP-SERIAL-42"
    assert x.texts("dc", "creator") == ["Lena Lind", "Ola Ek"]


def test_iim_and_irb_parsers_survive_truncation() -> None:
    iim = _iim((2, 80, b"Name"), (2, 120, b"A caption"))
    for cut in range(len(iim)):
        r = parse_iim(iim[:cut])
        assert r.corrupt or cut == 0 or r.first(2, 80) in (None, "Name")
    irb = _irb({0x0404: iim, 0x040C: b"x" * 50})
    for cut in range(len(irb)):
        assert isinstance(parse_irb(irb[:cut]).resources, dict)
    assert parse_irb(irb).resources[0x0404] == iim and not parse_irb(irb).corrupt
