"""Colours with a meaning (image states, face states, severities) and the small painted badges.

Everything else takes its colours from the system palette, so light and dark mode both work.
The meaning colours are drawn as filled pills with their own text colour (contrast at least
4.5:1 against the fill), and always come with a symbol, so they read on a light or dark window,
on top of a photo, and for people who do not see the colour difference.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette

# fill, text — every pair has a contrast ratio >= 4.5
STATE_COLOURS: dict[str, tuple[str, str]] = {
    "ready": ("#1B7A36", "#FFFFFF"),      # 5.6:1
    "attention": ("#F4B400", "#000000"),  # 11.5:1
    "blocked": ("#B3261E", "#FFFFFF"),    # 6.5:1
    "pending": ("#5F6368", "#FFFFFF"),    # 6.0:1
}
STATE_SYMBOLS = {"ready": "✓", "attention": "!", "blocked": "✕", "pending": "…"}

SEVERITY_STATE = {"block": "blocked", "warn": "attention", "info": "pending"}

# face boxes over a photo: a bright stroke with a dark outline around it
FACE_COLOURS: dict[str, str] = {
    "ok": "#2ECC71",
    "unknown": "#FFB300",
    "minor": "#FF3D7F",
    "problem": "#FF5252",
    "blurred": "#4FC3F7",
    "not_identifiable": "#B0BEC5",
    "small": "#90A4AE",
}


def state_colours(state: str) -> tuple[QColor, QColor]:
    fill, text = STATE_COLOURS.get(state, STATE_COLOURS["pending"])
    return QColor(fill), QColor(text)


def paint_pill(painter: QPainter, rect: QRectF, text: str, state: str, *, font: QFont) -> QRectF:
    """Draw a rounded badge with ``text`` left-aligned in ``rect``; returns the area used."""
    fill, fg = state_colours(state)
    label = f"{STATE_SYMBOLS.get(state, '')} {text}".strip()
    fm = QFontMetrics(font)
    w = min(rect.width(), fm.horizontalAdvance(label) + fm.height())
    h = fm.height() + 4
    pill = QRectF(rect.left(), rect.top(), w, h)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(fill)
    painter.drawRoundedRect(pill, h / 2, h / 2)
    painter.setPen(fg)
    painter.setFont(font)
    elided = fm.elidedText(label, Qt.TextElideMode.ElideRight, int(w - fm.height() / 2))
    painter.drawText(pill.adjusted(fm.height() / 4, 0, 0, 0),
                     int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), elided)
    painter.restore()
    return pill


def pill_stylesheet(state: str) -> str:
    fill, fg = STATE_COLOURS.get(state, STATE_COLOURS["pending"])
    return (f"QLabel {{ background: {fill}; color: {fg}; border-radius: 9px; padding: 2px 9px; "
            f"font-weight: 600; }}")


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def muted(palette: QPalette) -> QColor:
    """Secondary text colour that keeps contrast in both light and dark palettes."""
    c = palette.color(QPalette.ColorRole.WindowText)
    c.setAlphaF(0.72)
    return c
