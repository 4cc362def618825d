"""Turning raw tag values into clean Python values: text, dates, GPS coordinates, integers.

This module owns the small conversions every metadata source shares, and what counts as junk
(camera-default captions, blank strings, invalid dates, impossible coordinates). Every function
returns ``None`` for a value it cannot make sense of rather than raising.
"""

from __future__ import annotations

import math
import re
from datetime import datetime, timedelta, timezone
from fractions import Fraction
from typing import Any

# Descriptions cameras write on their own; they say nothing about the picture.
_JUNK_CAPTION = re.compile(
    r"^(?:(?:[\w.&\-]+ ){0,3}(?:digital (?:still )?camera|digital image|camera pictures?|dsc)"
    r"|default|image|picture|photo|untitled|no description|\.+|-+|_+"
    r"|dcim[\\/].*|dcf \d.*)$",
    re.IGNORECASE,
)


def text(v: Any) -> str | None:
    """A clean string from a tag value (str, bytes, or a one-element sequence), or None.

    Cuts at the first NUL, strips whitespace, and repairs UTF-8 that was decoded as Latin-1.
    """
    if isinstance(v, (list, tuple)):
        if len(v) != 1:
            return None
        v = v[0]
    if isinstance(v, (bytes, bytearray)):
        raw = bytes(v).split(b"\x00", 1)[0]
        try:
            v = raw.decode("utf-8")
        except UnicodeDecodeError:
            v = raw.decode("latin-1")
    elif isinstance(v, str):
        v = v.split("\x00", 1)[0]
        if any(ord(ch) > 0x7F for ch in v):
            try:  # Pillow decodes EXIF ASCII as Latin-1; most writers meant UTF-8
                v = v.encode("latin-1").decode("utf-8")
            except (UnicodeEncodeError, UnicodeDecodeError):
                pass
    else:
        return None
    v = v.strip()
    if not v or not any(ch.isprintable() and not ch.isspace() for ch in v):
        return None
    return v


def ucs2(v: Any) -> str | None:
    """Windows XP* tags: UCS-2 little-endian bytes (Pillow may give a tuple of ints)."""
    if isinstance(v, tuple) and all(isinstance(x, int) for x in v):
        try:
            v = bytes(v)
        except ValueError:
            return None
    if not isinstance(v, (bytes, bytearray)):
        return None
    return text(bytes(v).decode("utf-16-le", "replace").split("\x00", 1)[0])


def caption(v: Any, *, make: str | None = None, model: str | None = None) -> str | None:
    """Like :func:`text`, but camera-default descriptions ("OLYMPUS DIGITAL CAMERA") are None."""
    t = text(v)
    if t is None or _JUNK_CAPTION.match(t):
        return None
    if t.lower() in {s.lower() for s in (make, model) if s}:
        return None
    return t


def serial(v: Any) -> str | None:
    """A serial number as text; None for blanks and all-zero placeholders."""
    if isinstance(v, int) and not isinstance(v, bool):
        return str(v) if v > 0 else None
    t = text(v)
    if t is None or set(t) <= {"0", " ", "-", "."}:
        return None
    return t


def integer(v: Any) -> int | None:
    if isinstance(v, (list, tuple)) and len(v) >= 1:
        v = v[0]
    if isinstance(v, bool):
        return None
    if isinstance(v, int):
        return v
    if isinstance(v, str) and v.strip().lstrip("+-").isdigit():
        return int(v.strip())
    return None


def number(v: Any) -> float | None:
    """A finite float from an int, float, Fraction-like or IFDRational; None if not finite."""
    try:
        if hasattr(v, "numerator") and hasattr(v, "denominator"):
            if not v.denominator:
                return None
            f = float(Fraction(int(v.numerator), int(v.denominator)))
        elif isinstance(v, (tuple, list)) and len(v) == 2 and all(isinstance(x, int) for x in v):
            if not v[1]:
                return None
            f = v[0] / v[1]
        else:
            f = float(v)
    except (TypeError, ValueError, ZeroDivisionError, OverflowError):
        return None
    return f if math.isfinite(f) else None


def dms(v: Any) -> float | None:
    """Degrees from an EXIF GPS coordinate: 1 to 3 rationals (degrees, minutes, seconds)."""
    if not isinstance(v, (tuple, list)):
        v = (v,)
    if not 1 <= len(v) <= 3:
        return None
    parts = [number(x) for x in v]
    if any(p is None for p in parts):
        return None
    total = 0.0
    for p, scale in zip(parts, (1.0, 60.0, 3600.0)):
        total += p / scale  # type: ignore[operator]
    return total


_XMP_COORD = re.compile(
    r"^\s*(\d+(?:\.\d+)?)(?:,(\d+(?:\.\d+)?))?(?:,(\d+(?:\.\d+)?))?\s*([NSEW])\s*$", re.IGNORECASE)


def xmp_coord(v: Any) -> float | None:
    """An XMP GPS coordinate ``"DDD,MM,SSk"`` or ``"DDD,MM.mmk"`` (or a signed decimal)."""
    if not isinstance(v, str):
        return None
    m = _XMP_COORD.match(v)
    if m is None:
        try:
            f = float(v)
        except ValueError:
            return None
        return f if math.isfinite(f) else None
    deg = float(m[1]) + float(m[2] or 0) / 60 + float(m[3] or 0) / 3600
    return -deg if m[4].upper() in "SW" else deg


def rational_text(v: Any) -> float | None:
    """An XMP rational ``"1234/10"`` or decimal text."""
    if not isinstance(v, str):
        return number(v)
    v = v.strip()
    if "/" in v:
        a, _, b = v.partition("/")
        try:
            return number(Fraction(int(a), int(b))) if int(b) else None
        except ValueError:
            return None
    try:
        f = float(v)
    except ValueError:
        return None
    return f if math.isfinite(f) else None


_OFFSET = re.compile(r"^\s*([+-])(\d{1,2}):?(\d{2})\s*$")


def tz_offset(v: Any) -> timezone | None:
    """An EXIF OffsetTime* value ``"+02:00"`` as a timezone."""
    t = text(v)
    if t is None:
        return None
    if t.upper() == "Z":
        return timezone.utc
    m = _OFFSET.match(t)
    if m is None:
        return None
    hours, minutes = int(m[2]), int(m[3])
    if hours > 14 or minutes > 59:
        return None
    delta = timedelta(hours=hours, minutes=minutes)
    return timezone(-delta if m[1] == "-" else delta)


_EXIF_DT = re.compile(r"^\s*(\d{4})[:\-/](\d{2})[:\-/](\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?")


def exif_datetime(v: Any, *, offset: Any = None, subsec: Any = None) -> datetime | None:
    """An EXIF ``"YYYY:MM:DD HH:MM:SS"``; aware when ``offset`` is a valid OffsetTime value."""
    t = text(v)
    if t is None:
        return None
    m = _EXIF_DT.match(t)
    if m is None:
        return None
    micro = 0
    sub = text(subsec)
    if sub and sub.isdigit():
        micro = int((sub + "000000")[:6])
    try:
        dt = datetime(int(m[1]), int(m[2]), int(m[3]), int(m[4]), int(m[5]), int(m[6] or 0),
                      micro)
    except ValueError:
        return None
    if dt.year < 1800:
        return None
    tz = tz_offset(offset)
    return dt.replace(tzinfo=tz) if tz else dt


_ISO = re.compile(r"^\s*(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})"
                  r"(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}:?\d{2})?)?)?)?\s*$")


def iso_datetime(v: Any) -> datetime | None:
    """An XMP date (ISO 8601, possibly only a year or a date); aware when it has an offset."""
    t = text(v)
    if t is None:
        return None
    m = _ISO.match(t)
    if m is None and re.match(r"^\s*\d{4}:\d{2}:\d{2}", t):  # EXIF-style dates in XMP
        m = _ISO.match(t.replace(":", "-", 2))
    if m is None:
        return None
    try:
        dt = datetime(int(m[1]), int(m[2] or 1), int(m[3] or 1), int(m[4] or 0), int(m[5] or 0),
                      int(m[6] or 0), int((m[7] or "0")[:6].ljust(6, "0")))
    except ValueError:
        return None
    if dt.year < 1800:
        return None
    tz = tz_offset(m[8]) if m[8] else None
    return dt.replace(tzinfo=tz) if tz else dt


def iptc_datetime(date: str | None, time: str | None) -> datetime | None:
    """IPTC 2:55 ``CCYYMMDD`` and 2:60 ``HHMMSS±HHMM``."""
    if not date or not re.fullmatch(r"\d{8}", date.strip()):
        return None
    d = date.strip()
    hh = mm = ss = 0
    tz = None
    if time:
        m = re.fullmatch(r"(\d{2}):?(\d{2}):?(\d{2})?([+-]\d{2}:?\d{2})?", time.strip())
        if m:
            hh, mm, ss = int(m[1]), int(m[2]), int(m[3] or 0)
            tz = tz_offset(m[4]) if m[4] else None
    try:
        dt = datetime(int(d[:4]), int(d[4:6]), int(d[6:8]), hh, mm, ss)
    except ValueError:
        return None
    return dt.replace(tzinfo=tz) if tz else dt
