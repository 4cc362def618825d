"""EXIF blocks: IFD0, the Exif and GPS sub-IFDs, IFD1 (thumbnail) and the maker note.

This module owns parsing one TIFF-structured EXIF block. Pillow's IFD reader (fuzzed, bounded
reads, tolerant of bad offsets) reads the standard IFDs; its complaints become warnings.
exifread, which knows the maker-note layouts of Canon, Nikon, Olympus, Sony, Fujifilm …, is used
only on the maker note (serial numbers, owner, preview images), only on the EXIF block itself
(never the whole file, except for TIFF files whose EXIF *is* the file), and any failure there
costs the maker-note values, nothing else.
"""

from __future__ import annotations

import io
import logging
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from PIL import ExifTags, Image

from prepub.core.metadata import values
from prepub.core.metadata.container import ExifBlock
from prepub.core.metadata.errors import collected_warnings

EXIF_IFD = int(ExifTags.IFD.Exif)
GPS_IFD = int(ExifTags.IFD.GPSInfo)
IFD1 = int(ExifTags.IFD.IFD1)
MAKER_NOTE = 0x927C

_MAKER_SERIALS = ("SerialNumber", "InternalSerialNumber", "BodySerialNumber", "LensSerialNumber",
                  "CameraSerialNumber")
# exifread decodes these makers' notes and they hold serials, owner names or previews
_DECODED_MAKERS = ("CANON", "NIKON", "OLYMPUS", "FUJIFILM", "SONY")
# reads+seeks exifread may spend on one block (~0.1 s); the largest sane note here needs 21,000
_IO_BUDGET = 40_000
_PAST_END_BUDGET = 64  # reads beyond the end of the block before we call the note garbage
# what may follow a JPEG start-of-image marker (FF D8 FF xx) in a real embedded JPEG
_JPEG_SECOND_MARKERS = {bytes([m]) for m in (0xC0, 0xC4, 0xDB, 0xDD, 0xFE, *range(0xE0, 0xF0))}
# maker-note tags that hold (or give the length of) an embedded preview image; a pointer alone
# (Nikon's NikonPreview, Olympus' PreviewImageStart) is not evidence: the data is often gone
_MAKER_PREVIEWS = ("PreviewImage", "PreviewImageLength", "JpgFromRaw")


@dataclass
class ExifData:
    """The tags of one EXIF block, by IFD. ``gps`` is None when there is no GPS pointer."""

    where: str
    ifd0: dict[int, Any] = field(default_factory=dict)
    exif: dict[int, Any] = field(default_factory=dict)
    gps: dict[int, Any] | None = None
    thumbnail: bool = False
    maker_note: bool = False
    maker: dict[str, str] = field(default_factory=dict)  # exifread "MakerNote X" -> printable
    maker_preview: bool = False
    warnings: list[str] = field(default_factory=list)

    def get(self, tag: int) -> Any:
        """A tag from IFD0 or the Exif IFD (IFD0 first)."""
        v = self.ifd0.get(tag)
        return self.exif.get(tag) if v is None else v


def read_exif(block: ExifBlock, image: Image.Image | None = None) -> ExifData:
    """Parse ``block``; for a TIFF file, ``image`` is its header-only Pillow image."""
    out = ExifData(block.where)
    try:
        with collected_warnings(out.warnings, "exif.corrupt"):
            _read_standard(block, image, out)
    except Exception as e:  # Pillow gave up on this block: keep what we have
        out.warnings.append(f"exif.corrupt: {type(e).__name__}: {e}")
    if out.maker_note:
        _read_maker_note(block, out)
    return out


def _read_standard(block: ExifBlock, image: Image.Image | None, out: ExifData) -> None:
    if block.data is not None:
        ex = Image.Exif()
        ex.load(block.data)
    elif image is not None:
        ex = image.getexif()
    else:
        return
    out.ifd0 = {k: v for k, v in ex.items() if k not in (EXIF_IFD, GPS_IFD)}
    if EXIF_IFD in ex:
        out.exif = _safe_ifd(ex, EXIF_IFD, out)
    if GPS_IFD in ex:
        if not isinstance(ex.get(GPS_IFD), int):
            out.warnings.append("exif.corrupt: the GPS pointer is not an offset")
        out.gps = _safe_ifd(ex, GPS_IFD, out)
    out.maker_note = isinstance(out.exif.get(MAKER_NOTE), (bytes, bytearray)) and len(
        out.exif[MAKER_NOTE]) > 0
    ifd1 = _safe_ifd(ex, IFD1, out)
    out.thumbnail = _has_thumbnail(ifd1, block.data, out)
    if block.data is not None and out.maker_note:
        out.maker_preview = _hidden_jpeg(block.data, ifd1.get(0x0201))


def _hidden_jpeg(data: bytes, thumb_offset: Any) -> bool:
    """A JPEG inside the EXIF block other than the IFD1 thumbnail: a maker-note preview.

    Nikon (PreviewIFD), Olympus, Casio, Pentax … put a preview of the unedited picture there;
    scanning for a start-of-image marker followed by a JPEG segment finds them all.
    """
    pos = data.find(b"\xff\xd8\xff")
    while pos >= 0:
        if pos != thumb_offset and data[pos + 3:pos + 4] in _JPEG_SECOND_MARKERS:
            return True
        pos = data.find(b"\xff\xd8\xff", pos + 1)
    return False


def _safe_ifd(ex: Image.Exif, tag: int, out: ExifData) -> dict[int, Any]:
    try:
        return dict(ex.get_ifd(tag))
    except Exception as e:
        out.warnings.append(f"exif.corrupt: IFD {tag:#x}: {type(e).__name__}: {e}")
        return {}


def _has_thumbnail(ifd1: dict[int, Any], data: bytes | None, out: ExifData) -> bool:
    if not ifd1:
        return False
    if data is None:  # a TIFF file's second IFD: a thumbnail when marked reduced-resolution
        sub = ifd1.get(0x00FE)
        return isinstance(sub, int) and bool(sub & 1)
    off, length = ifd1.get(0x0201), ifd1.get(0x0202)
    if isinstance(off, int) and isinstance(length, int) and length > 0:
        if off + 2 <= len(data) and data[off:off + 2] == b"\xff\xd8":
            if off + length > len(data):
                out.warnings.append("exif.thumbnail_truncated: thumbnail runs past the block")
            return True
        return False  # a pointer to nothing (common in edited files): no thumbnail to leak
    strips = ifd1.get(0x0111)  # uncompressed thumbnail
    first = strips[0] if isinstance(strips, tuple) and strips else strips
    return ifd1.get(0x0103) == 1 and isinstance(first, int) and 0 < first < len(data)


class _Collector(logging.Handler):
    """Routes exifread's log records into the warnings of the read in progress (per context)."""

    def emit(self, record: logging.LogRecord) -> None:
        sink = _SINK.get()
        if sink is not None and record.levelno >= logging.WARNING:
            sink.append(f"makernote: {record.getMessage()}")


_SINK: ContextVar[list[str] | None] = ContextVar("prepub_exifread_sink", default=None)


@cache
def _install_collector() -> None:
    # exifread logs problems at WARNING; without a handler they would reach stderr.
    logging.getLogger("exifread").addHandler(_Collector())


class _OverBudget(Exception):
    pass


class _Budgeted:
    """A file wrapper that stops exifread after a fixed number of reads and seeks.

    exifread walks whatever IFD counts and offsets a file claims; this bounds its work on a
    hostile or garbled maker note, so a read can never take more than a fraction of a second.
    """

    def __init__(self, fh: Any, budget: int) -> None:
        self._fh = fh
        self._left = budget
        self._past_end = _PAST_END_BUDGET

    def _tick(self) -> None:
        self._left -= 1
        if self._left < 0:
            raise _OverBudget

    def read(self, n: int = -1) -> bytes:
        self._tick()
        data = self._fh.read(n)
        if 0 < n and len(data) < n:  # an IFD that claims more entries than the block holds
            self._past_end -= 1
            if self._past_end < 0:
                raise _OverBudget
        return data

    def seek(self, pos: int, whence: int = 0) -> int:
        self._tick()
        return self._fh.seek(pos, whence)

    def tell(self) -> int:
        return self._fh.tell()


def _read_maker_note(block: ExifBlock, out: ExifData) -> None:
    make = values.text(out.ifd0.get(0x010F)) or ""
    if not any(m in make.upper() for m in _DECODED_MAKERS):
        return
    import exifread

    _install_collector()
    token = _SINK.set(out.warnings)
    try:
        if block.data is not None:
            fh: Any = io.BytesIO(block.data)
        elif block.file is not None:
            fh = block.file
        else:
            return
        fh.seek(0)
        tags = exifread.process_file(_Budgeted(fh, _IO_BUDGET), details=True,
                                     extract_thumbnail=False, truncate_tags=False, strict=False)
    except _OverBudget:
        out.warnings.append("makernote.not_decoded: maker note layout not understood")
        return
    except Exception as e:  # exifread has known crashes on odd maker notes
        out.warnings.append(f"makernote.unreadable: {type(e).__name__}: {e}")
        return
    finally:
        _SINK.reset(token)
    for name, tag in tags.items():
        if not name.startswith("MakerNote "):
            continue
        short = name[len("MakerNote "):].strip()
        if short in _MAKER_SERIALS or short == "OwnerName":
            try:
                out.maker[short] = str(getattr(tag, "printable", tag)).strip()
            except Exception:
                continue
        elif short in _MAKER_PREVIEWS:
            out.maker_preview = out.maker_preview or _nonzero(tag)


def _nonzero(tag: Any) -> bool:
    """An exifread tag holding preview bytes, or a positive preview length."""
    vals = getattr(tag, "values", None)
    if isinstance(vals, (bytes, bytearray)):
        return any(vals)
    if isinstance(vals, (list, tuple)):
        return any(isinstance(v, int) and v > 0 for v in vals)
    return False
