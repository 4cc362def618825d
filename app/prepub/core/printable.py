"""Text from files made safe to print: a file name, a caption or an EXIF field can hold ANSI
escapes, carriage returns, newlines or bidirectional overrides that forge or hide lines of a
report in a terminal. :func:`printable` shows each such character as a visible escape instead
(``\\x1b``, ``\\n``, ``\\u202e``); ordinary text, accents and emoji pass unchanged.
"""

from __future__ import annotations

import unicodedata

# Unicode's format characters that reorder or hide text (Trojan-Source style).
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(ch: str) -> str:
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(value: object) -> str:
    """``str(value)`` with control, line-breaking and bidi characters escaped."""
    s = str(value)
    if s.isprintable() and not (_BIDI & set(s)):
        return s
    return "".join(_escape(c) if (not c.isprintable() and c != " ") or c in _BIDI
                   or unicodedata.category(c) in ("Cc", "Zl", "Zp") else c for c in s)
