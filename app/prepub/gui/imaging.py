"""Pixels for the GUI: decoding thumbnails and previews off the GUI thread into QImages.

Decoding goes through :func:`prepub.core.imageio.load_upright` (read-only, upright, RGB, bounded
size), so the GUI shows exactly what the analysis saw. A ``QImage`` may be built on any thread;
only the conversion to ``QPixmap`` happens on the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QImage

THUMB_SIDE = 160
PREVIEW_SIDE = 2048


@dataclass(frozen=True)
class DecodedImage:
    """A decoded picture for display: ``image`` at ``scale`` times the full upright size."""

    path: str
    image: QImage
    full_size: tuple[int, int]
    scale: float


def decode_for_display(path: str, *, max_side: int) -> DecodedImage:
    """Decode ``path`` upright into a QImage whose longer side is at most ``max_side``.

    Raises :class:`prepub.core.imageio.DecodeError` with a plain reason when it cannot be read.
    """
    from prepub.core.imageio import load_upright

    decoded = load_upright(path, max_side=max_side)
    rgb = decoded.image
    data = rgb.tobytes("raw", "RGB")
    qimg = QImage(data, rgb.width, rgb.height, rgb.width * 3, QImage.Format.Format_RGB888).copy()
    return DecodedImage(path=path, image=qimg, full_size=decoded.full_size, scale=decoded.scale)
