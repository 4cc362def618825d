"""Decoding photos for analysis: upright, RGB, at a bounded size, and never silently broken.

This module owns turning a file into pixels. :func:`load_upright` opens a file read-only,
decodes large JPEGs at reduced scale (JPEG draft mode) instead of at full size, applies the
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
import os
import re
import threading
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import numpy as np
from PIL import Image, ImageFile, ImageOps, UnidentifiedImageError

# Largest image, in pixels, that is decoded at all. A 200-megapixel phone photo passes; a
# "decompression bomb" claiming gigapixels does not. Pillow's own process-wide guard
# (Image.MAX_IMAGE_PIXELS) may be lower; whichever is lower wins, and both give DecodeError.
MAX_PIXELS = 250_000_000

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
        with open(p, "rb") as fp:
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
        orientation = _orientation(im)
        upright_full = (h, w) if orientation in (5, 6, 7, 8) else (w, h)
        target = _target_size((w, h), max_side)
        if target is not None and fmt in _JPEG_FORMATS:
            im.draft("RGB", target)
        im.load()
        rgb = to_rgb(im)
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


def _orientation(im: Image.Image) -> int:
    """The EXIF orientation 1..8 (1 when absent or unreadable). HEIF decoders apply the
    container's rotation themselves and pillow-heif resets the EXIF tag accordingly."""
    try:
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
    arr = np.asarray(im)
    if arr.dtype.kind == "f":
        lo, hi = float(np.nanmin(arr)), float(np.nanmax(arr))
        span = hi - lo if hi > lo else 1.0
        arr8 = np.clip((np.nan_to_num(arr, nan=lo) - lo) * (255.0 / span), 0, 255).astype(np.uint8)
    else:
        a = arr.astype(np.int64)
        if im.mode.startswith("I;16") or a.max(initial=0) > 255:
            arr8 = np.clip(a, 0, 65535) // 257  # 16-bit data: 65535 -> 255
        else:
            arr8 = np.clip(a, 0, 255)
        arr8 = arr8.astype(np.uint8)
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
    """The SHA-256 of a file's bytes as lowercase hex, read in chunks (never whole)."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(chunk_size):
            h.update(chunk)
    return h.hexdigest()
