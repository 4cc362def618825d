"""Reading an exported image back and listing everything in it that must not be published.

:func:`verify_clean` is the export's last line of defence: it scans the file's raw structure
(JPEG segments, PNG chunks), parses any EXIF block and XMP packet against an allow-list (only
what :mod:`prepub.core.export.xmp` writes may be there), cross-checks with exifread and, when
present, with Prepub's own metadata reader. An embedded colour profile must be byte for byte one
of the app's own (:func:`prepub.core.export.xmp.own_profiles`): a source's profile can carry
device names, owners, serial numbers and GPS text in its description or private tags. Any hit is
returned as a short technical label (``"EXIF GPS IFD"``, ``"JPEG COM segment"``, ``"XMP
exif:GPSLatitude"``, ``"ICC profile not Prepub's own"``); the bundle aborts the export if the
list is not empty. See ``../shared/research/metadata_and_law.md`` §1.4.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path
from typing import Any, Callable

from prepub.core.export.xmp import EXIF_TAGS_WRITTEN, NS, WRITTEN_PROPERTIES, own_profiles

ALLOWED_EXIF_TAGS = EXIF_TAGS_WRITTEN  # IFD0 Artist, Copyright, ImageDescription, resolution
_TAG_NAMES = {0x8825: "EXIF GPS IFD", 0x8769: "EXIF Exif IFD (camera data)", 0x927C: "MakerNote",
              0xA431: "serial number", 0xA435: "lens serial number", 0xA430: "owner name",
              0x013C: "host computer", 0x9C9D: "XPAuthor", 0x9C9C: "XPComment", 0x02BC: "embedded XMP in EXIF",
              0x83BB: "IPTC in EXIF", 0x8773: "ICC in EXIF"}
_PNG_ALLOWED = frozenset({b"IHDR", b"PLTE", b"tRNS", b"IDAT", b"IEND", b"iCCP", b"sRGB", b"gAMA",
                          b"cHRM", b"pHYs", b"sBIT", b"bKGD", b"cICP"})
_XMP_ID = b"http://ns.adobe.com/xap/1.0/\x00"
_ICC_ID = b"ICC_PROFILE\x00"
_ICC_FOREIGN = "ICC profile not Prepub's own (may name a device, owner, serial number or place)"
_ICC_DAMAGED = "ICC profile damaged (JPEG APP2 chunks or PNG iCCP)"
_MAX_ICC = 1 << 20  # larger than any profile Prepub writes; a bigger iCCP is not inflated
_PREFIX = {uri: p for p, uri in NS.items()}
_PREFIX.update({
    "http://ns.adobe.com/exif/1.0/": "exif", "http://cipa.jp/exif/1.0/": "exifEX",
    "http://ns.adobe.com/exif/1.0/aux/": "aux", "http://ns.adobe.com/xap/1.0/mm/": "xmpMM",
    "http://www.metadataworkinggroup.com/schemas/regions/": "mwg-rs",
    "http://ns.microsoft.com/photo/1.2/": "MP", "http://ns.adobe.com/camera-raw-settings/1.0/": "crs",
    "http://ns.adobe.com/tiff/1.0/": "tiff", "http://ns.adobe.com/xap/1.0/": "xmp",
})
_RDF = NS["rdf"]


def verify_clean(path: str | Path, *, read_metadata: Callable[[Path], Any] | None = None) -> list[str]:
    """Every forbidden item in the exported file at ``path``; an empty list means clean.

    ``read_metadata`` defaults to ``prepub.core.metadata.read_metadata`` when that module exists."""
    p = Path(path)
    data = p.read_bytes()
    problems: list[str] = []
    if data.startswith(b"\xff\xd8"):
        _check_jpeg(data, problems)
    elif data.startswith(b"\x89PNG\r\n\x1a\n"):
        _check_png(data, problems)
    else:
        problems.append("not a JPEG or PNG file")
    _check_exifread(p, problems)
    _check_reader(p, problems, read_metadata)
    out: list[str] = []
    for item in problems:  # unique, in order
        if item not in out:
            out.append(item)
    return out


# --- JPEG ----------------------------------------------------------------------------------------

def _check_jpeg(data: bytes, problems: list[str]) -> None:
    i, n = 2, len(data)
    exif_seen = xmp_seen = 0
    icc_chunks: list[bytes] = []
    while i < n:
        if data[i] != 0xFF:
            problems.append("JPEG structure damaged")
            return
        marker = data[i + 1] if i + 1 < n else 0
        if marker == 0xFF:
            i += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            i += 2
            continue
        if marker == 0xD9:
            _check_trailer(data[i + 2:], problems)
            _check_icc_chunks(icc_chunks, problems)
            return
        if i + 4 > n:
            problems.append("JPEG structure damaged")
            return
        length = struct.unpack(">H", data[i + 2:i + 4])[0]
        body = data[i + 4:i + 2 + length]
        if marker == 0xDA:  # start of scan: skip the entropy-coded data up to the next marker
            j = i + 2 + length
            while True:
                j = data.find(b"\xff", j)
                if j < 0 or j + 1 >= n:
                    problems.append("JPEG structure damaged (no end of image)")
                    return
                nxt = data[j + 1]
                if nxt == 0x00 or 0xD0 <= nxt <= 0xD7 or nxt == 0xFF:
                    j += 1  # stuffed byte, restart marker or fill byte
                    continue
                break
            i = j
            continue
        if marker == 0xE0:
            if not body.startswith(b"JFIF\x00"):
                problems.append("JPEG APP0 segment other than JFIF (e.g. a JFXX thumbnail)")
            elif len(body) >= 14 and (body[12] or body[13]):
                problems.append("JFIF thumbnail")
        elif marker == 0xE1:
            if body.startswith(b"Exif\x00\x00"):
                exif_seen += 1
                _check_tiff(body[6:], problems)
            elif body.startswith(_XMP_ID):
                xmp_seen += 1
                _check_xmp(body[len(_XMP_ID):], problems)
            elif body.startswith(b"http://ns.adobe.com/xmp/extension/"):
                problems.append("Extended XMP (second XMP block)")
            else:
                problems.append("unknown JPEG APP1 segment")
        elif marker == 0xE2:
            if body.startswith(b"MPF\x00"):
                problems.append("MPF second image / PreviewImage (APP2 MPF)")
            elif body.startswith(_ICC_ID):
                icc_chunks.append(body[len(_ICC_ID):])
            else:
                problems.append("unknown JPEG APP2 segment (e.g. FlashPix)")
        elif marker == 0xED:
            problems.append("APP13 Photoshop IRB / IPTC-IIM (may hold a PhotoshopThumbnail)")
        elif marker == 0xFE:
            problems.append("JPEG COM segment (Comment)")
        elif 0xE3 <= marker <= 0xEF and marker != 0xEE:
            problems.append(f"JPEG APP{marker - 0xE0} segment (maker data or preview)")
        i += 2 + length
    _check_icc_chunks(icc_chunks, problems)
    if exif_seen > 1 or xmp_seen > 1:
        problems.append("more than one EXIF or XMP block")


def _check_icc_chunks(chunks: list[bytes], problems: list[str]) -> None:
    """The APP2 ``ICC_PROFILE`` chunks (sequence number, count, data each) joined in order
    must be exactly one of the app's own profiles."""
    if not chunks:
        return
    count = chunks[0][1] if len(chunks[0]) >= 2 else 0
    if count != len(chunks) or any(len(c) < 2 or c[0] != k + 1 or c[1] != count
                                   for k, c in enumerate(chunks)):
        problems.append(_ICC_DAMAGED)
        return
    _check_icc(b"".join(c[2:] for c in chunks), problems)


def _check_icc(profile: bytes, problems: list[str]) -> None:
    if profile not in own_profiles().values():
        problems.append(_ICC_FOREIGN)


def _check_trailer(rest: bytes, problems: list[str]) -> None:
    if b"\xff\xd8\xff" in rest:
        problems.append("second image after the end of the JPEG (MPF/preview)")
    elif rest.strip(b"\x00\r\n "):
        problems.append("data after the end of the JPEG image")


# --- PNG -----------------------------------------------------------------------------------------

def _check_png(data: bytes, problems: list[str]) -> None:
    i = 8
    while i + 8 <= len(data):
        length, ctype = struct.unpack(">I4s", data[i:i + 8])
        body = data[i + 8:i + 8 + length]
        if ctype == b"iTXt" and body.startswith(b"XML:com.adobe.xmp\x00"):
            rest = body[len(b"XML:com.adobe.xmp\x00"):]
            if rest[:1] != b"\x00":
                problems.append("compressed XMP chunk")
            else:  # compression flag, method, language tag \0, translated keyword \0, text
                parts = rest[2:].split(b"\x00", 2)
                _check_xmp(parts[2] if len(parts) == 3 else b"", problems)
        elif ctype == b"eXIf":
            _check_tiff(body, problems)
        elif ctype == b"iCCP":
            _check_iccp(body, problems)
        elif ctype in (b"tEXt", b"zTXt", b"iTXt"):
            key = body.split(b"\x00", 1)[0].decode("latin-1", "replace")
            problems.append(f"PNG text chunk {ctype.decode()} '{key}'")
        elif ctype not in _PNG_ALLOWED:
            problems.append(f"PNG chunk {ctype.decode('latin-1')}")
        if ctype == b"IEND":
            if data[i + 12 + length:].strip(b"\x00"):
                problems.append("data after the end of the PNG image")
            return
        i += 12 + length
    problems.append("PNG structure damaged")


def _check_iccp(body: bytes, problems: list[str]) -> None:
    """A PNG ``iCCP`` chunk: profile name, NUL, compression method 0, zlib data."""
    _name, sep, rest = body.partition(b"\x00")
    if not sep or rest[:1] != b"\x00":
        problems.append(_ICC_DAMAGED)
        return
    try:
        z = zlib.decompressobj()
        profile = z.decompress(rest[1:], _MAX_ICC)
        if z.unconsumed_tail:
            problems.append(_ICC_FOREIGN)  # bigger than any profile of ours
            return
    except zlib.error:
        problems.append(_ICC_DAMAGED)
        return
    _check_icc(profile, problems)


# --- EXIF (TIFF structure) -----------------------------------------------------------------------

def _check_tiff(tiff: bytes, problems: list[str]) -> None:
    if len(tiff) < 8 or tiff[:2] not in (b"II", b"MM"):
        problems.append("EXIF block damaged")
        return
    e = "<" if tiff[:2] == b"II" else ">"
    try:
        ifd = struct.unpack(e + "I", tiff[4:8])[0]
        count = struct.unpack(e + "H", tiff[ifd:ifd + 2])[0]
        for k in range(count):
            off = ifd + 2 + 12 * k
            tag = struct.unpack(e + "H", tiff[off:off + 2])[0]
            if tag not in ALLOWED_EXIF_TAGS:
                problems.append(_TAG_NAMES.get(tag, f"EXIF tag 0x{tag:04X}"))
        nxt = ifd + 2 + 12 * count
        if struct.unpack(e + "I", tiff[nxt:nxt + 4])[0] != 0:
            problems.append("EXIF IFD1 (ThumbnailImage)")
    except struct.error:
        problems.append("EXIF block damaged")


# --- XMP -----------------------------------------------------------------------------------------

def _check_xmp(packet: bytes, problems: list[str]) -> None:
    from defusedxml import ElementTree as ET

    text = packet.decode("utf-8", "replace")
    start, end = text.find("<x:xmpmeta"), text.rfind("</x:xmpmeta>")
    if start < 0 or end < 0:
        problems.append("XMP packet damaged")
        return
    try:
        root = ET.fromstring(text[start:end + len("</x:xmpmeta>")])
    except Exception:  # noqa: BLE001 - defusedxml raises several kinds
        problems.append("XMP packet damaged")
        return
    for desc in root.iter(f"{{{_RDF}}}Description"):
        names = [_qname(k) for k in desc.attrib if not k.startswith(f"{{{_RDF}}}")]
        names += [_qname(child.tag) for child in desc]
        for name in names:
            if name not in WRITTEN_PROPERTIES:
                problems.append(f"XMP {name}")
    if "PersonInImage" in text:
        problems.append("XMP Iptc4xmpExt:PersonInImage")


def _qname(tag: str) -> str:
    if tag.startswith("{"):
        uri, local = tag[1:].split("}", 1)
        return f"{_PREFIX.get(uri, uri)}:{local}"
    return tag


# --- cross-checks with the readers ---------------------------------------------------------------

def _check_exifread(p: Path, problems: list[str]) -> None:
    try:
        import exifread

        with open(p, "rb") as fh:
            tags = exifread.process_file(fh, details=True, extract_thumbnail=True)
    except Exception:  # noqa: BLE001 - exifread is a second opinion; the raw scan stands
        return
    for key in tags:
        if key.startswith("GPS "):
            problems.append("EXIF GPS IFD")
        elif key.startswith("MakerNote"):
            problems.append("MakerNote")
        elif key.startswith("Thumbnail ") or key == "JPEGThumbnail":
            problems.append("EXIF IFD1 (ThumbnailImage)")
        elif "SerialNumber" in key:
            problems.append("serial number")
        elif "OwnerName" in key:
            problems.append("owner name")


def _check_reader(p: Path, problems: list[str], read: Callable[[Path], Any] | None) -> None:
    if read is None:
        try:
            from prepub.core.metadata import read_metadata as read
        except ImportError:
            return
    try:
        md = read(p)
    except Exception:  # noqa: BLE001 - the raw scan above already covers a file it cannot read
        return
    checks = (("gps_present", "GPS (metadata reader)"), ("serial_numbers", "serial number"),
              ("owner_name", "owner name"), ("has_thumbnail", "EXIF IFD1 (ThumbnailImage)"),
              ("has_preview", "embedded preview image"), ("has_face_regions", "face regions"),
              ("has_maker_note", "MakerNote"), ("persons_shown", "XMP Iptc4xmpExt:PersonInImage"),
              ("has_iptc", "APP13 Photoshop IRB / IPTC-IIM (may hold a PhotoshopThumbnail)"))
    for attr, label in checks:
        if getattr(md, attr, None):
            problems.append(label)
