"""Clean exported images: only new metadata, faces obscured before resizing, originals untouched."""

from __future__ import annotations

import hashlib
import io
import shutil
import subprocess
from pathlib import Path

import numpy as np
import piexif
import pytest
from PIL import Image, ImageCms

from prepub.core.export.errors import ExportError
from prepub.core.export.images import prepare, render, write_clean_image
from prepub.core.export.verify import verify_clean
from prepub.core.export.xmp import ExportMeta, build_xmp, release_status_for, source_type_for

EXIFTOOL = shutil.which("exiftool")
MUST_BE_EMPTY = ["-a", "-G1", "-gps:all", "-xmp-exif:gps*", "-makernotes:all", "-SerialNumber",
                 "-LensSerialNumber", "-OwnerName", "-ThumbnailImage", "-PreviewImage",
                 "-PhotoshopThumbnail", "-MPImage2", "-RegionInfo", "-RegionInfoMP", "-ImageRegion",
                 "-Comment"]

META = ExportMeta(creators=("Åsa Öberg",), credit="Foto: Åsa Öberg", rights="© 2026 Åsa Öberg",
                  caption="Invigning av kajen", alt_text="Två personer klipper ett band vid kajen",
                  language="sv", release_status="MR-UMR", release_ids=("c0ffee-1",),
                  digital_source_type="humanEdits", web_statement="https://example.se/bildrattigheter")
ASCII_META = ExportMeta(creators=("Anna Berg",), credit="Photo: Anna Berg", rights="(c) 2026 Anna Berg",
                        caption="Opening of the quay", alt_text="Two people cut a ribbon", language="en")

DIRTY_XMP = b"""<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/"
 xmlns:exif="http://ns.adobe.com/exif/1.0/" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
 xmlns:mwg-rs="http://www.metadataworkinggroup.com/schemas/regions/"
 exif:GPSLatitude="59,19.76N" exif:GPSLongitude="18,4.12E">
<Iptc4xmpExt:PersonInImage><rdf:Bag><rdf:li>Lisa Barnsson</rdf:li></rdf:Bag></Iptc4xmpExt:PersonInImage>
<mwg-rs:Regions rdf:parseType="Resource"><mwg-rs:RegionList><rdf:Bag><rdf:li rdf:parseType="Resource">
<mwg-rs:Name>Lisa Barnsson</mwg-rs:Name></rdf:li></rdf:Bag></mwg-rs:RegionList></mwg-rs:Regions>
<xmpMM:History><rdf:Seq><rdf:li rdf:parseType="Resource"/></rdf:Seq></xmpMM:History>
</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>"""


def _sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def _icc() -> bytes:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def dirty_jpeg(path: Path, *, size: tuple[int, int] = (400, 200), orientation: int = 1) -> Path:
    """A JPEG carrying everything a scrub must remove: GPS, serials, owner, maker note, IFD1
    thumbnail, XPAuthor, XMP names/regions/history/GPS, a COM comment and an APP13 block."""
    w, h = size
    arr = np.zeros((h, w, 3), np.uint8)
    arr[:, : w // 2] = (220, 30, 30)  # left half red
    arr[:, w // 2:] = (30, 30, 220)  # right half blue
    im = Image.fromarray(arr)
    thumb = io.BytesIO()
    im.resize((80, 40)).save(thumb, "JPEG")
    exif = {
        "0th": {piexif.ImageIFD.Make: b"Canon", piexif.ImageIFD.Model: b"EOS 5D",
                piexif.ImageIFD.Artist: b"Secret Owner", piexif.ImageIFD.Orientation: orientation,
                piexif.ImageIFD.XPAuthor: "Secret Owner".encode("utf-16le"),
                piexif.ImageIFD.HostComputer: b"anna-laptop"},
        "Exif": {piexif.ExifIFD.BodySerialNumber: b"SN-123456", piexif.ExifIFD.CameraOwnerName: b"Secret Owner",
                 piexif.ExifIFD.LensSerialNumber: b"LS-999", piexif.ExifIFD.MakerNote: b"MAKERNOTE-SERIAL-42",
                 piexif.ExifIFD.UserComment: b"ASCII\x00\x00\x00hemlig kommentar"},
        "GPS": {piexif.GPSIFD.GPSLatitudeRef: b"N", piexif.GPSIFD.GPSLatitude: ((59, 1), (19, 1), (4560, 100)),
                piexif.GPSIFD.GPSLongitudeRef: b"E", piexif.GPSIFD.GPSLongitude: ((18, 1), (4, 1), (720, 100))},
        "1st": {piexif.ImageIFD.JPEGInterchangeFormat: 0, piexif.ImageIFD.JPEGInterchangeFormatLength: 0},
        "thumbnail": thumb.getvalue(),
    }
    buf = io.BytesIO()
    im.save(buf, "JPEG", exif=piexif.dump(exif), xmp=DIRTY_XMP, comment=b"hemlig kommentar",
            icc_profile=_icc())
    data = buf.getvalue()
    app13 = b"Photoshop 3.0\x008BIM\x04\x04\x00\x00\x00\x00\x00\x0c\x1c\x02\x50\x00\x07Hemlisa"
    seg = b"\xff\xed" + (len(app13) + 2).to_bytes(2, "big") + app13
    path.write_bytes(data[:2] + seg + data[2:])
    return path


def exiftool(*args: str) -> str:
    assert EXIFTOOL is not None
    out = subprocess.run([EXIFTOOL, *args], capture_output=True, text=True, timeout=120)
    return out.stdout


def test_dirty_source_is_flagged_and_export_is_clean(tmp_path: Path) -> None:
    src = dirty_jpeg(tmp_path / "dirty.jpg")
    before = _sha(src)
    found = verify_clean(src)
    for item in ("EXIF GPS IFD", "EXIF IFD1 (ThumbnailImage)", "JPEG COM segment (Comment)",
                 "XMP Iptc4xmpExt:PersonInImage", "XMP mwg-rs:Regions", "XMP xmpMM:History"):
        assert item in found
    assert any(p.startswith("APP13") for p in found)
    out = write_clean_image(src, tmp_path / "out.jpg", meta=META)
    assert verify_clean(out.path) == []
    data = out.path.read_bytes()
    for secret in (b"Secret Owner", b"SN-123456", b"LS-999", b"MAKERNOTE", b"hemlig", b"Lisa",
                   b"Hemlisa", b"anna-laptop", b"Canon"):
        assert secret not in data
    assert _sha(src) == before  # the original is never written


@pytest.mark.skipif(EXIFTOOL is None, reason="exiftool is not installed")
def test_exiftool_sees_only_new_metadata(tmp_path: Path) -> None:
    src = dirty_jpeg(tmp_path / "dirty.jpg")
    out = write_clean_image(src, tmp_path / "out.jpg", meta=META)
    assert exiftool(*MUST_BE_EMPTY, str(out.path)).strip() == ""
    assert exiftool("-iptc:all", str(out.path)).strip() == ""
    xmp = exiftool("-xmp:all", "-a", "-G1", "-s", "-lang", "sv", str(out.path))
    for expected in ("Creator                         : Åsa Öberg", "Credit                          : Foto: Åsa Öberg",
                     "AltTextAccessibility", "Två personer klipper ett band vid kajen",
                     "ModelReleaseStatus              : Unlimited Model Releases",
                     "ModelReleaseID                  : c0ffee-1", "digitalsourcetype/humanEdits",
                     "WebStatement", "Rights", "Description"):
        assert expected in xmp, xmp
    assert "PersonInImage" not in xmp and "Regions" not in xmp and "History" not in xmp
    # non-ASCII values are not mirrored to EXIF (EXIF text is ASCII)
    assert "Artist" not in exiftool("-exif:all", "-s", str(out.path))
    assert "Validate                        : OK" in exiftool("-validate", "-warning", "-a", str(out.path))


@pytest.mark.skipif(EXIFTOOL is None, reason="exiftool is not installed")
def test_ascii_values_are_mirrored_to_exif_ifd0_only(tmp_path: Path) -> None:
    src = dirty_jpeg(tmp_path / "dirty.jpg")
    out = write_clean_image(src, tmp_path / "out.jpg", meta=ASCII_META)
    exif = exiftool("-exif:all", "-a", "-G1", "-s", str(out.path))
    assert "[IFD0]          Artist                          : Anna Berg" in exif
    assert "Copyright                       : (c) 2026 Anna Berg" in exif
    assert "ImageDescription                : Opening of the quay" in exif
    groups = {line.split("]")[0] + "]" for line in exif.splitlines() if line.startswith("[")}
    assert groups == {"[IFD0]"}  # no ExifIFD, GPS or IFD1


def test_orientation_applied_and_icc_kept(tmp_path: Path) -> None:
    from prepub.core.export.xmp import own_profile

    src = dirty_jpeg(tmp_path / "rot.jpg", size=(400, 200), orientation=6)
    out = write_clean_image(src, tmp_path / "out.jpg", meta=ASCII_META)
    with Image.open(out.path) as im:
        assert im.size == (200, 400)  # orientation 6: rotated 90° clockwise
        top = np.asarray(im.convert("RGB"))[20, 100]
        bottom = np.asarray(im.convert("RGB"))[380, 100]
        assert top[0] > 150 and top[2] < 100  # the red left half is now on top
        assert bottom[2] > 150 and bottom[0] < 100
        # the source's profile is not copied: the app's own sRGB replaces it (issue 17, item 3)
        assert im.info.get("icc_profile") == own_profile("srgb") != _icc()
        assert im.getexif().get(0x0112) is None  # no orientation tag left to apply twice


def test_faces_obscured_before_resize_in_every_rendition(tmp_path: Path) -> None:
    rng = np.random.default_rng(1)
    arr = rng.integers(0, 255, (1200, 1600, 3), dtype=np.uint8)
    src = tmp_path / "noise.png"
    Image.fromarray(arr).save(src)
    box = (600, 400, 800, 650)
    prepared = prepare(src, blur_boxes=[box])
    assert prepared.blurred == 1
    for max_side in (None, 800, 400):
        w = render(prepared, tmp_path / f"r{max_side}.jpg", meta=ASCII_META, max_side=max_side)
        with Image.open(w.path) as im:
            px = np.asarray(im.convert("L"), dtype=np.float32)
        f = im.width / 1600
        inside = px[int(420 * f):int(630 * f), int(620 * f):int(780 * f)]
        outside = px[int(50 * f):int(250 * f), int(50 * f):int(250 * f)]
        assert inside.std() < 0.15 * outside.std(), (max_side, inside.std(), outside.std())
    assert source_type_for(None, blurred=True) == "humanEdits"


def test_png_kept_only_for_transparency(tmp_path: Path) -> None:
    rgba = Image.new("RGBA", (120, 80), (255, 0, 0, 0))
    rgba.paste((0, 0, 255, 255), (30, 20, 90, 60))
    src = tmp_path / "logo.png"
    rgba.save(src)
    png = write_clean_image(src, tmp_path / "out.png", meta=META, fmt="PNG")
    assert png.format == "PNG" and png.mime == "image/png"
    with Image.open(png.path) as im:
        assert im.mode == "RGBA" and im.getpixel((0, 0))[3] == 0
        assert b"Foto: \xc3\x85sa" in png.path.read_bytes()  # the XMP iTXt chunk
    assert verify_clean(png.path) == []
    jpg = write_clean_image(src, tmp_path / "flat.jpg", meta=META, fmt="JPEG")
    with Image.open(jpg.path) as im:
        assert im.format == "JPEG" and im.getpixel((2, 2))[0] > 240  # composited on white
    opaque = tmp_path / "opaque.png"
    Image.new("RGB", (50, 50), "green").save(opaque)
    assert write_clean_image(opaque, tmp_path / "o.png", meta=META, fmt="PNG").format == "JPEG"


def test_max_bytes_lowers_quality_then_size(tmp_path: Path) -> None:
    rng = np.random.default_rng(2)
    src = tmp_path / "noise.png"
    Image.fromarray(rng.integers(0, 255, (600, 800, 3), dtype=np.uint8)).save(src)
    w = write_clean_image(src, tmp_path / "small.jpg", meta=ASCII_META, max_bytes=120_000)
    assert w.bytes <= 120_000 and w.path.stat().st_size == w.bytes
    assert w.quality is not None and w.quality <= 90


def test_undecodable_file_is_an_export_error(tmp_path: Path) -> None:
    bad = tmp_path / "broken.jpg"
    bad.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    with pytest.raises(ExportError) as e:
        write_clean_image(bad, tmp_path / "out.jpg", meta=META)
    assert e.value.rule == "export.decode_failed"
    assert not (tmp_path / "out.jpg").exists()


def test_xmp_packet_vocabulary() -> None:
    packet = build_xmp(META).decode("utf-8")
    assert "http://ns.useplus.org/ldf/vocab/MR-UMR" in packet
    assert "<rdf:Seq>" in packet and '<rdf:li xml:lang="x-default">' in packet
    assert release_status_for(identifiable=0, covered=0) == "MR-NAP"
    assert release_status_for(identifiable=2, covered=2) == "MR-UMR"
    assert release_status_for(identifiable=2, covered=1) == "MR-LMR"
    assert release_status_for(identifiable=2, covered=0) == "MR-NON"
    # an AI-generated original stays declared as such, even after a blur
    assert source_type_for("trainedAlgorithmicMedia", blurred=True) == "trainedAlgorithmicMedia"
    with pytest.raises(ValueError):
        ExportMeta(release_status="MR-ULR")  # does not exist in PLUS


def test_a_huge_blur_box_is_clamped_to_the_picture() -> None:
    """Issue 17.8: a face box of 10^10 px from a hostile draft crashed Pillow's blur."""
    from PIL import Image

    from prepub.core.export.images import obscure

    im = Image.new("RGB", (200, 150), "#fff")
    im.paste((0, 0, 0), (90, 60, 110, 90))
    obscure(im, (-10**10, -10**10, 10**10, 10**10))
    assert im.size == (200, 150)
    obscure(im, (10**10, 10**10, 2 * 10**10, 2 * 10**10))  # wholly outside: nothing to do
    before = im.copy()
    obscure(im, (300, 300, 400, 400))
    assert list(im.getdata()) == list(before.getdata())
