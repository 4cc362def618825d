"""Decoding photos for analysis: upright, RGB, at a bounded size, and never silently broken.

This module owns turning a file into pixels. :func:`load_upright` opens a file read-only,
decodes large JPEGs at reduced scale (JPEG draft mode) and large PNGs in bands of rows instead
of at full size, refuses other formats whose full-size pixels would pass a memory cap
(:data:`MAX_DECODE_BYTES`), box-reduces before converting pixel modes, applies the
EXIF orientation so the result is the image as people see it, converts every pixel mode
(palette, alpha, 16-bit, CMYK, 32-bit PNG) to RGB with transparency composited on white, and
raises :class:`DecodeError` with a plain-English reason for anything it cannot read: a truncated
file, something that is not an image, a format without its plug-in, a decompression bomb.

Truncation is detected even when another library has set Pillow's process-wide
``ImageFile.LOAD_TRUNCATED_IMAGES`` (``face_recognition`` does so on import): the flag is forced
off from open to load of every decode. Decodes share that state (several may run at once);
code that sets the flag, like the lazy ``face_recognition`` import, runs inside
:func:`decode_lock`, which waits for running decodes and holds new ones back.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import struct
import sys
import threading
import zlib
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import numpy as np
from PIL import Image, ImageFile, ImageOps, UnidentifiedImageError

from prepub.core.inputfiles import NotRegularFile, open_regular

# Largest image, in pixels, that is decoded at all. A 200-megapixel phone photo passes; a
# "decompression bomb" claiming gigapixels does not. Pillow's own process-wide guard
# (Image.MAX_IMAGE_PIXELS) may be lower; whichever is lower wins, and both give DecodeError.
MAX_PIXELS = 250_000_000

#: Largest pixel buffer, in bytes, that a format without reduced decoding (everything but JPEG,
#: and PNGs too large for :data:`PNG_BANDS_FROM_PIXELS` that are interlaced) may take at full
#: size. This is the per-format pixel cap: Pillow keeps RGB, RGBA, CMYK and 32-bit pixels in 4
#: bytes, 16-bit grey in 2 and 8-bit grey or palette in 1, so the cap is 64 megapixels of RGB,
#: 128 of 16-bit grey and 250 (:data:`MAX_PIXELS`) of 8-bit grey. With the models loaded a check
#: stays under 600 MB; JPEGs are decoded at 1/2-1/8 scale and large PNGs in bands instead.
MAX_DECODE_BYTES = 256 * 2**20

_HEIF_LOCK = threading.Lock()
_heif_state: dict[str, bool] = {}

_JPEG_FORMATS = frozenset({"JPEG", "MPO"})
_TRANSPOSE_FOR_ORIENTATION = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


class DecodeError(Exception):
    """A file could not be decoded; ``reason`` says why in plain English."""

    def __init__(self, reason: str, *, path: str | os.PathLike[str] | None = None) -> None:
        super().__init__(reason if path is None else f"{os.fspath(path)}: {reason}")
        self.reason = reason
        self.path = None if path is None else os.fspath(path)


@dataclass(frozen=True)
class Decoded:
    """An upright RGB image, possibly reduced from the file's full resolution.

    ``full_size`` is (width, height) of the upright image at full resolution, ``scale`` is
    decoded width / full width (1.0 when not reduced). Use :meth:`to_full` to map a box found
    on ``image`` back to full-resolution pixels.
    """

    image: Image.Image
    full_size: tuple[int, int]
    scale: float
    orientation: int = 1  # the EXIF orientation that was applied (1 = none)
    format: str | None = None  # Pillow's format name of the file

    @property
    def size(self) -> tuple[int, int]:
        return self.image.size

    def to_full(self, box: tuple[float, float, float, float]) -> tuple[int, int, int, int]:
        """Map (left, top, right, bottom) on ``image`` to integer full-resolution pixels,
        clipped to the image."""
        sx = self.full_size[0] / self.image.width
        sy = self.full_size[1] / self.image.height
        fw, fh = self.full_size
        left = min(max(int(round(box[0] * sx)), 0), fw)
        top = min(max(int(round(box[1] * sy)), 0), fh)
        right = min(max(int(round(box[2] * sx)), left), fw)
        bottom = min(max(int(round(box[3] * sy)), top), fh)
        return left, top, right, bottom

    def point_to_full(self, x: float, y: float) -> tuple[float, float]:
        return (x * self.full_size[0] / self.image.width, y * self.full_size[1] / self.image.height)

    def array(self) -> np.ndarray:
        """The pixels as a C-contiguous ``[H, W, 3]`` uint8 array."""
        return np.ascontiguousarray(np.asarray(self.image, dtype=np.uint8))


class _TruncationGuard:
    """Readers-writer guard around Pillow's global ``LOAD_TRUNCATED_IMAGES``.

    Decodes are readers: the first one in saves the flag and forces it off, the last one out
    restores it. A writer (:func:`decode_lock`) waits until no decode runs and keeps new ones
    out while it may change the flag.
    """

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writer = False
        self._saved = False

    @contextmanager
    def strict(self) -> Iterator[None]:
        with self._cond:
            self._cond.wait_for(lambda: not self._writer)
            if self._readers == 0:
                self._saved = ImageFile.LOAD_TRUNCATED_IMAGES
            ImageFile.LOAD_TRUNCATED_IMAGES = False
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                if self._readers == 0:
                    ImageFile.LOAD_TRUNCATED_IMAGES = self._saved
                    self._cond.notify_all()

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        with self._cond:
            self._cond.wait_for(lambda: not self._writer and self._readers == 0)
            self._writer = True
        try:
            yield
        finally:
            with self._cond:
                self._writer = False
                self._cond.notify_all()


_GUARD = _TruncationGuard()


def decode_lock() -> AbstractContextManager[None]:
    """Exclusive against every running decode. Import modules that set Pillow's
    ``ImageFile.LOAD_TRUNCATED_IMAGES`` on import (face_recognition) inside it."""
    return _GUARD.exclusive()


def register_heif() -> bool:
    """Register pillow-heif's opener once; False when pillow-heif is unavailable."""
    with _HEIF_LOCK:
        if "ok" not in _heif_state:
            try:
                import pillow_heif

                pillow_heif.register_heif_opener()
                _heif_state["ok"] = True
            except Exception:  # noqa: BLE001 - a missing or broken plug-in means "no HEIC"
                _heif_state["ok"] = False
        return _heif_state["ok"]


def load_upright(
    path: str | os.PathLike[str],
    *,
    max_side: int | None = None,
    max_pixels: int = MAX_PIXELS,
) -> Decoded:
    """Decode ``path`` upright and in RGB, with its longer side at most ``max_side`` pixels.

    Raises :class:`DecodeError` for a missing, unreadable, truncated, corrupt, unsupported or
    oversized file. The file is opened read-only and never written.
    """
    if max_side is not None and max_side < 1:
        raise ValueError("max_side must be positive")
    register_heif()
    p = Path(path)
    try:
        with open_regular(p) as fp:  # a FIFO or a device is refused, never waited on
            head = fp.read(32)
            if not head:
                raise DecodeError("the file is empty", path=p)
            fp.seek(0)
            # Strict from open to load: some plug-ins read pixels early (PNG's getexif loads
            # the image to find an eXIf chunk after the data).
            with _GUARD.strict():
                return _decode(fp, head, p, max_side=max_side, max_pixels=max_pixels)
    except DecodeError:
        raise
    except FileNotFoundError:
        raise DecodeError("the file does not exist", path=p) from None
    except IsADirectoryError:
        raise DecodeError("this is a folder, not an image file", path=p) from None
    except NotRegularFile as e:
        raise DecodeError(f"this is {e.kind}, not a regular file", path=p) from None
    except PermissionError:
        raise DecodeError("the file cannot be read (permission denied)", path=p) from None
    except MemoryError:
        raise DecodeError("the image is too large to decode in the available memory", path=p) from None
    except Exception as e:  # noqa: BLE001 - any decoder failure is a reason, never a crash
        raise DecodeError(_reason_for(e), path=p) from e


def _decode(fp: Any, head: bytes, p: Path, *, max_side: int | None, max_pixels: int) -> Decoded:
    try:
        im = Image.open(fp)
    except UnidentifiedImageError:
        raise DecodeError(_unidentified_reason(head), path=p) from None
    except Image.DecompressionBombError as e:
        raise DecodeError(f"the image is too large to check safely ({e})", path=p) from None
    with im:
        fmt = im.format
        w, h = im.size
        if w < 1 or h < 1:
            raise DecodeError("the image has no pixels", path=p)
        if w * h > max_pixels:
            raise DecodeError(
                f"the image is too large to check safely ({w * h / 1e6:.0f} megapixels; "
                f"the limit is {max_pixels / 1e6:.0f})",
                path=p,
            )
        png = _png_layout(fp) if fmt == "PNG" else None
        orientation = _orientation(im, png)
        upright_full = (h, w) if orientation in (5, 6, 7, 8) else (w, h)
        target = _target_size((w, h), max_side)
        factor = max(1, min(w, h, max(w, h) // max_side)) if target is not None and max_side else 1
        if png is not None and not png.interlaced and factor > 1 and w * h > PNG_BANDS_FROM_PIXELS:
            rgb = _png_reduced(fp, png, factor)
        else:
            if target is not None and fmt in _JPEG_FORMATS:
                im.draft("RGB", target)
            elif w * h * _bytes_per_pixel(im.mode) > MAX_DECODE_BYTES:
                raise DecodeError(
                    f"the image is too large to check safely ({w * h / 1e6:.0f} megapixels of "
                    f"{im.mode} {fmt}; the limit is {_pixel_cap(im.mode) / 1e6:.0f})", path=p)
            im.load()
            rgb = to_rgb(_reduced(im, target))
    if target is not None and rgb.size != target:
        rgb = rgb.resize(target, Image.Resampling.BILINEAR, reducing_gap=2.0)
    if orientation in _TRANSPOSE_FOR_ORIENTATION:
        rgb = rgb.transpose(_TRANSPOSE_FOR_ORIENTATION[orientation])
    scale = rgb.width / upright_full[0]
    return Decoded(image=rgb, full_size=upright_full, scale=scale, orientation=orientation, format=fmt)


def _target_size(size: tuple[int, int], max_side: int | None) -> tuple[int, int] | None:
    w, h = size
    if max_side is None or max(w, h) <= max_side:
        return None
    f = max_side / max(w, h)
    return max(1, round(w * f)), max(1, round(h * f))


def _bytes_per_pixel(mode: str) -> int:
    return {"1": 1, "L": 1, "P": 1, "I;16": 2, "I;16L": 2, "I;16B": 2, "I;16N": 2}.get(mode, 4)


def _pixel_cap(mode: str) -> int:
    """The largest number of pixels a fully decoded image of ``mode`` may have."""
    return min(MAX_PIXELS, MAX_DECODE_BYTES // _bytes_per_pixel(mode))


def _reduced(im: Image.Image, target: tuple[int, int] | None) -> Image.Image:
    """``im`` box-reduced by the largest whole factor that keeps it at least ``target``, so
    mode conversions run on the smaller image (the caller resizes exactly afterwards)."""
    if target is None:
        return im
    factor = min(im.width // target[0], im.height // target[1])
    if factor < 2:
        return im
    if im.mode in ("L", "LA", "RGB", "RGBA", "RGBa", "La", "I", "F", "CMYK"):
        return im.reduce(factor)
    if im.mode.startswith("I;16"):
        arr = np.asarray(im)[::factor, ::factor]  # a view: every factor-th pixel
        return Image.fromarray(arr.astype(np.uint16))  # mode I;16
    return im


def _orientation(im: Image.Image, png: "_PngLayout | None" = None) -> int:
    """The EXIF orientation 1..8 (1 when absent or unreadable). HEIF decoders apply the
    container's rotation themselves and pillow-heif resets the EXIF tag accordingly. A PNG's
    eXIf chunk after the pixel data is read from ``png`` (Pillow would decode the whole image
    to find it)."""
    try:
        if png is not None and "exif" not in im.info:
            exif = Image.Exif()
            if png.exif:
                exif.load(png.exif)
            value = exif.get(0x0112)
        else:
            value = im.getexif().get(0x0112)
    except Exception:  # noqa: BLE001 - a broken EXIF block must not stop decoding
        return 1
    if value is None:
        # ImageOps.exif_transpose also honours XMP tiff:Orientation (PNG, WebP, AVIF).
        xmp = im.info.get("xmp") or im.info.get("XML:com.adobe.xmp")
        value = _xmp_orientation(xmp)
    try:
        o = int(value) if value is not None else 1
    except (TypeError, ValueError):
        return 1
    return o if 1 <= o <= 8 else 1


def _xmp_orientation(xmp: Any) -> int | None:
    if not xmp:
        return None
    text = xmp.decode("utf-8", "replace") if isinstance(xmp, (bytes, bytearray)) else str(xmp)
    m = re.search(r'tiff:Orientation(?:="|>)([0-9])', text)
    return int(m.group(1)) if m else None


def to_rgb(im: Image.Image) -> Image.Image:
    """Convert any Pillow mode to 8-bit RGB; transparency is composited on white and 16/32-bit
    greyscale is scaled down rather than clipped."""
    mode = im.mode
    if mode == "RGB":
        return im.copy()  # a closed Pillow image loses its pixels: never hand out the original
    if mode in ("I;16", "I;16L", "I;16B", "I;16N", "I", "F"):
        return _wide_grey_to_rgb(im)
    has_alpha = mode in ("RGBA", "LA", "PA", "RGBa", "La") or (
        mode in ("P", "L", "RGB", "1") and "transparency" in im.info
    )
    if has_alpha:
        rgba = im.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(white, rgba).convert("RGB")
    return im.convert("RGB")


def _wide_grey_to_rgb(im: Image.Image) -> Image.Image:
    """16/32-bit integer or float grey to RGB, in the array's own width (never through 64-bit
    copies: a 16-bit image stays 2 bytes a pixel)."""
    arr = np.asarray(im)
    if arr.dtype.kind == "f":
        arr = arr.astype(np.float32, copy=False)
        lo, hi = float(np.nanmin(arr)), float(np.nanmax(arr))
        if not np.isfinite(lo) or not np.isfinite(hi):
            lo, hi = (lo, hi) if np.isfinite(lo) and np.isfinite(hi) else (0.0, 1.0)
        span = hi - lo if hi > lo else 1.0
        arr8 = np.clip((np.nan_to_num(arr, nan=lo, posinf=hi, neginf=lo) - lo) * np.float32(255.0 / span),
                       0, 255).astype(np.uint8)
    elif arr.dtype.kind == "u" and arr.itemsize == 2:
        arr8 = (arr // 257).astype(np.uint8)  # 16-bit data: 65535 -> 255
    else:
        top = int(arr.max(initial=0))
        if im.mode.startswith("I;16") or top > 255:
            arr8 = (np.clip(arr, 0, 65535) // 257).astype(np.uint8)
        else:
            arr8 = np.clip(arr, 0, 255).astype(np.uint8)
    return Image.fromarray(np.ascontiguousarray(arr8), "L").convert("RGB")


def _unidentified_reason(head: bytes) -> str:
    brand = head[4:12] if len(head) >= 12 else b""
    if brand[:4] == b"ftyp" and brand[4:8] in (b"heic", b"heix", b"hevc", b"hevx", b"mif1", b"msf1", b"heim", b"heis"):
        if not register_heif():
            return "unsupported format HEIC without pillow-heif"
        return "the HEIC/HEIF file is damaged or uses an unsupported encoding"
    if brand[:4] == b"ftyp" and brand[4:8] in (b"avif", b"avis"):
        return "unsupported format AVIF (this installation cannot decode AVIF)"
    if head.startswith(b"\xff\xd8"):
        return "the JPEG file is damaged (its header cannot be read)"
    if head.startswith(b"\x89PNG"):
        return "the PNG file is damaged (its header cannot be read)"
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return "the TIFF file is damaged or uses an unsupported layout"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "the WebP file is damaged"
    return "not an image (or an image format Prepub cannot read)"


def _reason_for(e: BaseException) -> str:
    text = str(e)
    low = text.lower()
    if "truncated" in low or isinstance(e, EOFError) or "premature end" in low:
        return "the file is truncated"
    if isinstance(e, Image.DecompressionBombError):
        return f"the image is too large to check safely ({text})"
    if isinstance(e, SyntaxError):
        return f"the image data is corrupt ({text})" if text else "the image data is corrupt"
    return f"the image data is corrupt ({type(e).__name__}: {text})" if text else (
        f"the image data is corrupt ({type(e).__name__})"
    )


def sha256_file(path: str | os.PathLike[str], *, chunk_size: int = 1 << 20) -> str:
    """The SHA-256 of a file's bytes as lowercase hex, read in chunks (never whole). Only a
    regular file is read (:class:`prepub.core.inputfiles.NotRegularFile`, an OSError, else)."""
    h = hashlib.sha256()
    with open_regular(path) as f:
        while chunk := f.read(chunk_size):
            h.update(chunk)
    return h.hexdigest()


# --- large PNGs, decoded in bands ------------------------------------------------------------------
# Pillow decodes a PNG whole: a 13000 x 13000 RGBA file of 657 KB takes 676 MB before any
# conversion. Large non-interlaced PNGs are instead inflated here in bands of rows; each band
# is handed to Pillow as a small PNG of its own (its first row the previous band's last,
# unfiltered, so every filter finds the row it refers to), declared as 8-bit samples of the
# same byte width, so Pillow undoes the filters and returns the raw bytes; they are then read
# as the real pixel format, composited on white and box-reduced. 16-bit samples keep their
# high byte (PNG filters work byte by byte, so the high bytes alone are a valid stream).

#: PNGs with more pixels than this are decoded in bands when a reduced size is asked for.
PNG_BANDS_FROM_PIXELS = 16_000_000
_BAND_BYTES = 8 << 20
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PNG_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}
_RAW_TYPE_FOR_BPP = {1: 0, 2: 4, 3: 2, 4: 6}  # colour type whose 8-bit pixels are this many bytes


@dataclass(frozen=True)
class _PngLayout:
    width: int
    height: int
    depth: int
    colour: int
    interlaced: bool
    palette: bytes | None
    trns: bytes | None
    idat: tuple[tuple[int, int], ...]  # (offset, length) of each IDAT payload
    exif: bytes | None


def _png_layout(fp: Any) -> _PngLayout | None:
    """Walk a PNG's chunks without inflating anything (None when it is not a sane PNG)."""
    fp.seek(0)
    if fp.read(8) != _PNG_SIGNATURE:
        return None
    ihdr: bytes | None = None
    palette = trns = exif = None
    idat: list[tuple[int, int]] = []
    while True:
        head = fp.read(8)
        if len(head) < 8:
            break
        length, kind = struct.unpack(">I4s", head)
        pos = fp.tell()
        if kind == b"IHDR":
            ihdr = fp.read(13)
        elif kind == b"PLTE":
            palette = fp.read(min(length, 768))
        elif kind == b"tRNS":
            trns = fp.read(min(length, 256))
        elif kind == b"eXIf":
            exif = fp.read(min(length, 1 << 20))
        elif kind == b"IDAT":
            idat.append((pos, length))
        elif kind == b"IEND":
            break
        fp.seek(pos + length + 4)  # payload and CRC
    if ihdr is None or len(ihdr) < 13 or not idat:
        return None
    w, h, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", ihdr)
    if colour not in _PNG_CHANNELS or depth not in (1, 2, 4, 8, 16):
        return None
    return _PngLayout(w, h, depth, colour, interlace == 1, palette, trns, tuple(idat), exif)


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _png_reduced(fp: Any, png: _PngLayout, factor: int) -> Image.Image:
    """The PNG as RGB (alpha on white), each ``factor`` x ``factor`` block averaged."""
    ch = _PNG_CHANNELS[png.colour]
    row_bytes = (png.width * ch * png.depth + 7) // 8
    bpp = max(1, ch * png.depth // 8)
    if png.depth == 16:
        row_bytes, bpp = row_bytes // 2, bpp // 2
    band = max(1, _BAND_BYTES // max(row_bytes, 1) // factor) * factor
    inflate = zlib.decompressobj()
    pending = bytearray()
    chunks = iter(png.idat)
    previous = bytes(row_bytes)  # the row "above" the first: zeros, as PNG defines it
    out: list[np.ndarray] = []
    done = 0
    in_row = (png.width * ch * png.depth + 7) // 8 + 1
    while done < png.height:
        n = min(band, png.height - done)
        need = n * in_row
        while len(pending) < need:
            if inflate.unconsumed_tail:
                data = inflate.unconsumed_tail
            else:
                offset_length = next(chunks, None)
                if offset_length is None:
                    raise EOFError("the PNG data ends early")  # reported as truncated
                fp.seek(offset_length[0])
                data = fp.read(offset_length[1])
            pending += inflate.decompress(data, need - len(pending))
        rows = np.frombuffer(bytes(pending[:need]), dtype=np.uint8).reshape(n, in_row)
        del pending[:need]
        if png.depth == 16:
            rows = np.concatenate([rows[:, :1], rows[:, 1::2]], axis=1)
        raw = _png_unfilter(rows, previous, row_bytes, bpp)
        previous = raw[-1].tobytes()
        out.append(_png_band(raw, png, factor))
        done += n
    return Image.fromarray(np.ascontiguousarray(np.concatenate(out)), "RGB")


def _png_unfilter(rows: np.ndarray, previous: bytes, row_bytes: int, bpp: int) -> np.ndarray:
    """Raw bytes [n, row_bytes] of filtered rows, by Pillow's own PNG decoder."""
    body = b"\x00" + previous + rows.tobytes()
    ihdr = struct.pack(">IIBBBBB", row_bytes // bpp, rows.shape[0] + 1, 8, _RAW_TYPE_FOR_BPP[bpp], 0, 0, 0)
    data = _PNG_SIGNATURE + _png_chunk(b"IHDR", ihdr) + _png_chunk(b"IDAT", zlib.compress(body, 0)) \
        + _png_chunk(b"IEND", b"")
    with Image.open(io.BytesIO(data)) as im:
        im.load()
        arr = np.asarray(im)
    return arr.reshape(rows.shape[0] + 1, row_bytes)[1:]


def _png_band(raw: np.ndarray, png: _PngLayout, factor: int) -> np.ndarray:
    """Raw rows of the real pixel format -> uint8 RGB [ceil(n / factor), ceil(w / factor), 3],
    alpha composited on white after a premultiplied box reduction (Pillow's RGBa)."""
    size = (png.width, raw.shape[0])
    depth, colour = min(png.depth, 8), png.colour
    data = raw.tobytes()
    key: list[int] | None = None
    if colour == 3:
        im = Image.frombytes("P", size, data, "raw", "P" if depth == 8 else f"P;{depth}")
        pal = np.zeros((256, 4), dtype=np.uint8)
        pal[:, 3] = 255
        rgb = np.frombuffer(png.palette or b"", dtype=np.uint8)
        rgb = rgb[: min(len(rgb) // 3, 256) * 3].reshape(-1, 3)
        pal[: len(rgb), :3] = rgb
        if png.trns:
            pal[: len(png.trns), 3] = np.frombuffer(png.trns[:256], dtype=np.uint8)
        im.putpalette(pal.tobytes(), "RGBA")
        im = im.convert("RGBA")
    elif colour == 0:
        im = Image.frombytes("1", size, data, "raw", "1").convert("L") if depth == 1 else \
            Image.frombytes("L", size, data, "raw", "L" if depth == 8 else f"L;{depth}")
        if png.trns and len(png.trns) >= 2:
            k = int.from_bytes(png.trns[:2], "big")
            key = [k >> 8 if png.depth == 16 else k * (255 // ((1 << depth) - 1))]
    else:
        im = Image.frombytes({2: "RGB", 4: "LA", 6: "RGBA"}[colour], size, data)
        if colour == 2 and png.trns and len(png.trns) >= 6:
            key = [int.from_bytes(png.trns[i:i + 2], "big") >> (8 if png.depth == 16 else 0) for i in (0, 2, 4)]
    if key is not None:  # a colour-key transparency (tRNS on grey or RGB)
        arr = np.asarray(im).reshape(size[1], size[0], -1)
        clear = (arr == np.asarray(key, dtype=np.uint8)).all(axis=2)
        im = im.convert("RGBA")
        im.putalpha(Image.fromarray(np.where(clear, 0, 255).astype(np.uint8), "L"))
    if im.mode in ("RGBA", "LA"):
        small = np.asarray(im.convert("RGBA").convert("RGBa").reduce(factor), dtype=np.uint16)
        return (small[:, :, :3] + (255 - small[:, :, 3:4])).clip(0, 255).astype(np.uint8)
    return np.asarray(im.convert("RGB").reduce(factor))


# --- a memory limit for the process that decodes -------------------------------------------------

def limit_memory(extra_bytes: int) -> int | None:
    """Cap this process's address space at what it uses now plus ``extra_bytes``, so a file
    that still slips past the pixel caps makes the decoder fail with MemoryError (reported as
    "too large to decode in the available memory") instead of exhausting the machine. Call it
    once, early, in a worker process that only analyses (the limit holds for the whole process
    and its threads; onnxruntime and Qt reserve much address space they never touch, hence
    "now plus"). Returns the limit set, or None where the platform has no such limit (Windows)
    or refuses it."""
    try:
        import resource
    except ImportError:  # Windows
        return None
    current = _address_space_bytes()
    if current is None:
        return None
    limit = current + int(extra_bytes)
    try:
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        if soft != resource.RLIM_INFINITY and soft < limit:
            return soft  # already stricter
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ValueError, OSError):
        return None
    return limit


def _address_space_bytes() -> int | None:
    """This process's virtual memory size in bytes (Linux: /proc; elsewhere psutil if present)."""
    if sys.platform.startswith("linux"):
        try:
            with open("/proc/self/statm", "rb") as f:
                return int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, ValueError, IndexError):
            return None
    try:
        import psutil
    except ImportError:
        return None
    return int(psutil.Process().memory_info().vms)
