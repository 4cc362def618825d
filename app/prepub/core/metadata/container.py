"""Open an image file's header and pull out its raw metadata blocks, per container format.

This module owns "where does the metadata live": JPEG/MPO APP segments (Exif, XMP, extended XMP,
Photoshop IRB, MPF), PNG chunks (eXIf, iTXt XMP, ImageMagick raw profiles, also after IDAT),
WebP and AVIF (via Pillow), TIFF tags, and HEIC/HEIF (via pillow-heif); in JPEGs also the
maker segments that hold their own metadata (FLIR's APP1 "FLIR" chunks, joined here and read by
:mod:`.flir`). It never decodes pixels:
``Image.open`` only parses headers, and an image over Pillow's decompression-bomb limit is
re-opened without that check because we only need its header. The bytes found here are parsed by
:mod:`.exif`, :mod:`.xmp` and :mod:`.iptc`.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass, field
from functools import cache
from typing import BinaryIO

from PIL import Image, UnidentifiedImageError

from prepub.core.metadata.errors import UnreadableImage, collected_warnings

#: Formats we read. Pillow also opens EPS, PSD, ICO … which a photo checker has no business with.
FORMATS = ("JPEG", "PNG", "WEBP", "TIFF", "HEIF", "AVIF")

_XMP_NS = b"http://ns.adobe.com/xap/1.0/\x00"
_XMP_EXT_NS = b"http://ns.adobe.com/xmp/extension/\x00"
_TIFF_HEADS = (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+")
_PNG_SIG = b"\x89PNG\r\n\x1a\n"
_PNG_MAX_CHUNKS = 100_000
_PNG_MAX_TEXT = 16 * 1024 * 1024  # cap on a decompressed text chunk (zip-bomb guard)


@dataclass
class ExifBlock:
    """One EXIF (TIFF-structured) block: its bytes, or for TIFF files the open file itself."""

    where: str  # container location, e.g. "APP1", "eXIf", "HEIF", "TIFF"
    data: bytes | None = None  # TIFF header onwards; None when ``file`` is the TIFF file
    file: BinaryIO | None = None


@dataclass
class Container:
    """Everything the header told us, still raw."""

    format: str
    size: tuple[int, int]
    size_is_upright: bool = False  # HEIF: libheif already applied irot/imir
    stored_orientation: int | None = None  # HEIF: EXIF orientation before pillow-heif reset it
    image: Image.Image | None = None  # the header-only Pillow image (TIFF EXIF reads from it)
    exif: list[ExifBlock] = field(default_factory=list)
    exif_found: int = 0  # EXIF blocks seen, including ones too broken to parse
    xmp: list[bytes] = field(default_factory=list)
    extended_xmp: bytes | None = None
    irb: bytes = b""
    iim: bytes | None = None
    frames: int = 1
    heif_thumbnails: int = 0
    jfif_thumbnail: bool = False  # JPEG APP0: a JFIF or JFXX thumbnail
    flir: bytes | None = None  # JPEG APP1 "FLIR" chunks joined: a FLIR FFF file
    warnings: list[str] = field(default_factory=list)


@cache
def _register_plugins() -> None:
    import pillow_heif

    pillow_heif.register_heif_opener()


def open_container(fp: BinaryIO, name: str) -> Container:
    """Parse the header of the image in ``fp``. Raises :class:`UnreadableImage`."""
    _register_plugins()
    fp.seek(0, 2)
    if fp.tell() == 0:
        raise UnreadableImage("empty", "the file has zero bytes")
    fp.seek(0)
    notes: list[str] = []
    im = _open(fp, name, notes)
    c = Container(format=str(im.format), size=(int(im.size[0]), int(im.size[1])), image=im)
    c.warnings.extend(notes)
    if c.format in ("JPEG", "MPO"):
        _jpeg(im, c)
    elif c.format == "PNG":
        _png(fp, c)
    elif c.format == "TIFF":
        _tiff(im, fp, c)
    elif c.format == "HEIF":
        _heif(im, c)
    else:  # WEBP, AVIF: Pillow hands us the blocks
        _info_blocks(im, c)
    return c


def _open(fp: BinaryIO, name: str, notes: list[str]) -> Image.Image:
    caught: list[str] = []
    with collected_warnings(caught, "header"):
        try:
            im = Image.open(fp, formats=FORMATS)
        except Image.DecompressionBombError:
            caught.append("pixels.over_limit: larger than the decompression-bomb limit")
            im = _open_unchecked(fp, name)
        except UnidentifiedImageError:
            raise UnreadableImage("unsupported", "not an image in a supported format") from None
        except Exception as e:  # the header is broken in a way the plugin noticed
            raise UnreadableImage("broken_header", f"{type(e).__name__}: {e}") from None
    for w in caught:
        if "decompression bomb" in w.lower() or w.startswith("pixels."):
            w = "pixels.over_limit: larger than the decompression-bomb limit"
        elif "exif" in w.lower():  # Pillow peeks at EXIF while opening; say it once, as EXIF's
            w = "exif.corrupt: " + w.partition(": ")[2]
        if w not in notes:
            notes.append(w)
    return im


def _open_unchecked(fp: BinaryIO, name: str) -> Image.Image:
    """What ``Image.open`` does, minus the pixel-count check (we never decode pixels)."""
    fp.seek(0)
    prefix = fp.read(16)
    for fmt in FORMATS:
        factory, accept = Image.OPEN[fmt]
        if accept is not None and not accept(prefix):
            continue
        fp.seek(0)
        try:
            return factory(fp, name)
        except Exception:
            continue
    raise UnreadableImage("broken_header", "cannot parse the header of a very large image")


def _add_exif(c: Container, raw: bytes | None, where: str) -> None:
    if not raw:
        return
    c.exif_found += 1
    raw = bytes(raw)
    i = raw.find(b"Exif\x00\x00", 0, 16)
    if i >= 0:
        raw = raw[i + 6:]
    if raw[:4] not in _TIFF_HEADS:
        fixed = _salvage_tiff_header(raw)
        if fixed is None:
            c.warnings.append(f"exif.corrupt: {where} block has no TIFF header")
            return
        c.warnings.append(f"exif.corrupt: {where} block has a broken byte-order mark; read anyway")
        raw = fixed
    c.exif.append(ExifBlock(where, data=raw))


def _salvage_tiff_header(raw: bytes) -> bytes | None:
    """Repair a broken TIFF byte-order mark when exactly one byte order gives a sane IFD0.

    Lenient readers (exifread, some browsers) read such blocks, so what they hold still leaks.
    """
    if len(raw) < 14:
        return None
    fits = []
    for head, fmt in ((b"MM\x00*", ">"), (b"II*\x00", "<")):
        (off,) = struct.unpack(fmt + "I", raw[4:8])
        if 8 <= off <= len(raw) - 2:
            (count,) = struct.unpack(fmt + "H", raw[off:off + 2])
            if 1 <= count <= 512 and off + 2 + 12 * count <= len(raw):
                fits.append(head)
    return fits[0] + raw[4:] if len(fits) == 1 else None


def _jpeg(im: Image.Image, c: Container) -> None:
    ext: dict[bytes, dict[int, bytes]] = {}
    flir: dict[int, bytes] = {}
    flir_total = 0
    for marker, data in getattr(im, "applist", []):
        if marker == "APP1" and data.startswith(b"Exif"):
            if c.exif and c.exif[-1].data is not None and data[6:10] not in _TIFF_HEADS:
                # a multi-segment EXIF block (over 64 KB): this segment continues the last one
                c.exif[-1].data += data[6:]
                c.warnings.append("exif.multi_segment: EXIF continues in another APP1 segment")
            else:
                _add_exif(c, data, "APP1")
        elif marker == "APP1" and data.startswith(_XMP_EXT_NS):
            body = data[len(_XMP_EXT_NS):]
            if len(body) >= 40:  # GUID(32) + full length(4) + offset(4)
                (off,) = struct.unpack(">I", body[36:40])
                ext.setdefault(body[:32], {})[off] = body[40:]
        elif marker == "APP1" and (data.startswith(_XMP_NS) or b"<x:xmpmeta" in data[:256]):
            c.xmp.append(data)
        elif marker == "APP1" and data.startswith(b"FLIR\x00") and len(data) >= 8:
            # byte 6: chunk number, byte 7: last chunk number (ExifTool's JPEG reader)
            flir_total = max(flir_total, data[7] + 1)
            flir[data[6]] = flir.get(data[6], b"") + data[8:]
        elif marker == "APP13" and data.startswith(b"Photoshop 3.0\x00"):
            c.irb += data[14:]
        elif marker == "APP0" and data.startswith(b"JFXX\x00") and len(data) > 16:
            c.jfif_thumbnail = True
        elif marker == "APP0" and data.startswith(b"JFIF\x00") and len(data) >= 14:
            c.jfif_thumbnail = c.jfif_thumbnail or data[12] * data[13] > 0
    if len(c.exif) > 1:
        c.warnings.append(f"exif.multiple: {len(c.exif)} EXIF blocks")
    if flir:
        c.flir = _join_flir(flir, flir_total, c)
    if ext:
        parts = max(ext.values(), key=len)
        c.extended_xmp = b"".join(parts[k] for k in sorted(parts))
    c.frames = int(getattr(im, "n_frames", 1) or 1)


def _join_flir(chunks: dict[int, bytes], total: int, c: Container) -> bytes:
    """The chunks from number 0 up to the first missing one (offsets past a gap are wrong)."""
    parts = []
    for i in range(max(total, max(chunks) + 1)):
        if i not in chunks:
            c.warnings.append(f"flir.incomplete: FLIR chunk {i + 1} of {total} is missing")
            break
        parts.append(chunks[i])
    return b"".join(parts)


def _info_blocks(im: Image.Image, c: Container) -> None:
    _add_exif(c, im.info.get("exif"), c.format)
    xmp = im.info.get("xmp")
    if isinstance(xmp, str):
        xmp = xmp.encode("utf-8")
    if xmp:
        c.xmp.append(xmp)
    c.frames = int(getattr(im, "n_frames", 1) or 1)


def _heif(im: Image.Image, c: Container) -> None:
    _info_blocks(im, c)
    c.size_is_upright = True
    orient = im.info.get("original_orientation")
    c.stored_orientation = int(orient) if isinstance(orient, int) else None
    c.heif_thumbnails = len(im.info.get("thumbnails") or [])
    c.frames = 1


def _tiff(im: Image.Image, fp: BinaryIO, c: Container) -> None:
    c.exif.append(ExifBlock("TIFF", file=fp))
    c.exif_found += 1
    tags = getattr(im, "tag_v2", {})
    xmp = tags.get(700)
    if isinstance(xmp, (bytes, bytearray)) and xmp:
        c.xmp.append(bytes(xmp))
    for tag, attr in ((33723, "iim"), (34377, "irb")):
        v = tags.get(tag)
        if isinstance(v, (tuple, list)):  # IPTC is often declared as LONG: undo the split
            try:
                v = b"".join(struct.pack(">I" if im.tag_v2._endian == ">" else "<I", x) for x in v)
            except (struct.error, TypeError):
                v = None
        if isinstance(v, (bytes, bytearray)) and v:
            setattr(c, attr, bytes(v))


def _png(fp: BinaryIO, c: Container) -> None:
    fp.seek(0, 2)
    size = fp.tell()
    fp.seek(0)
    if fp.read(8) != _PNG_SIG:
        raise UnreadableImage("broken_header", "not a PNG signature")
    for _ in range(_PNG_MAX_CHUNKS):
        head = fp.read(8)
        if len(head) < 8:
            c.warnings.append("png.truncated: file ends before IEND")
            return
        length, ctype = struct.unpack(">I4s", head)
        if fp.tell() + length > size:
            c.warnings.append(f"png.truncated: {ctype.decode('latin-1')} chunk runs past the end")
            return
        if ctype in (b"IDAT", b"fdAT") or ctype not in (b"eXIf", b"iTXt", b"tEXt", b"zTXt",
                                                        b"IEND"):
            fp.seek(length + 4, 1)
            continue
        if ctype == b"IEND":
            return
        data = fp.read(length)
        fp.read(4)  # CRC
        if len(data) < length:
            c.warnings.append(f"png.truncated: {ctype.decode('latin-1')} chunk cut short")
            return
        if ctype == b"eXIf":
            _add_exif(c, data, "eXIf")
        else:
            _png_text(ctype, data, c)
    c.warnings.append("png.chunks: too many chunks, stopped looking")


def _png_text(ctype: bytes, data: bytes, c: Container) -> None:
    keyword, _, rest = data.partition(b"\x00")
    try:
        if ctype == b"tEXt":
            text = rest
        elif ctype == b"zTXt":
            text = _inflate(rest[1:])
        else:  # iTXt: compression flag, method, language\0, translated keyword\0, text
            flag = rest[:1] == b"\x01"
            body = rest[2:].split(b"\x00", 2)
            text = body[2] if len(body) == 3 else b""
            if flag:
                text = _inflate(text)
    except zlib.error:
        c.warnings.append(f"png.text: cannot inflate {keyword.decode('latin-1')!r}")
        return
    kw = keyword.decode("latin-1").strip()
    if kw == "XML:com.adobe.xmp":
        c.xmp.append(text)
    elif kw.lower() == "exif" and text[:6] == b"Exif\x00\x00":  # binary EXIF in a text chunk:
        _add_exif(c, text, f"PNG {ctype.decode('latin-1')} exif")  # Pillow reads it, so do we
    elif kw.lower().startswith("raw profile type "):
        _raw_profile(kw[17:].lower(), text, c)


def _inflate(data: bytes) -> bytes:
    d = zlib.decompressobj()
    out = d.decompress(data, _PNG_MAX_TEXT)
    return out


def _raw_profile(kind: str, text: bytes, c: Container) -> None:
    """ImageMagick's hex-encoded profiles: ``\\n<name>\\n<length>\\n<hex…>``."""
    parts = text.split(b"\n", 3)
    if len(parts) < 4:
        return
    try:
        blob = bytes.fromhex(parts[3].decode("ascii", "replace").replace("\n", "").strip())
    except ValueError:
        c.warnings.append(f"png.raw_profile: {kind} profile is not valid hex")
        return
    if kind in ("exif", "app1") and blob.lstrip(b"\x00")[:4] in (b"Exif", b"II*\x00", b"MM\x00*"):
        _add_exif(c, blob.lstrip(b"\x00"), f"PNG raw profile {kind}")
    elif kind in ("xmp", "app1"):
        c.xmp.append(blob)
    elif kind in ("iptc", "8bim"):
        if blob.startswith((b"8BIM", b"Photoshop 3.0")):
            c.irb += blob
        elif blob[:1] == b"\x1c":
            c.iim = blob
