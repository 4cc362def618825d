"""Photoshop image resource blocks (IRB) and IPTC-IIM records.

This module owns the binary parsing of the Photoshop "8BIM" resource list (JPEG APP13, TIFF tag
34377, PNG raw profiles) and of the IPTC-IIM datasets inside resource 0x0404 (or TIFF tag 33723).
Text is decoded as UTF-8 when record 1:90 says so, otherwise UTF-8 if valid and Latin-1 if not.
Both parsers are bounded by the input length and never raise on malformed data: they return
what they could read plus a flag saying the data was cut short.
"""

from __future__ import annotations

import hashlib
import struct
from dataclasses import dataclass, field

IRB_IPTC = 0x0404
IRB_IPTC_DIGEST = 0x0425
IRB_THUMBNAILS = (0x0409, 0x040C)  # Photoshop 4 and 5+ thumbnails

_UTF8_ESCAPES = (b"\x1b%G", b"\x1b%/G", b"\x1b%/I")


@dataclass(frozen=True)
class Irb:
    """Resources by id (first one wins) and whether the list was malformed."""

    resources: dict[int, bytes] = field(default_factory=dict)
    corrupt: bool = False


def parse_irb(data: bytes) -> Irb:
    """Parse a Photoshop resource list (with or without the ``Photoshop 3.0\\0`` prefix)."""
    if data.startswith(b"Photoshop 3.0\x00"):
        data = data[14:]
    res: dict[int, bytes] = {}
    pos, n = 0, len(data)
    corrupt = False
    while pos + 12 <= n:
        sig = data[pos:pos + 4]
        if sig not in (b"8BIM", b"PHUT", b"AgHg", b"DCSR", b"MeSa"):
            corrupt = data[pos:].strip(b"\x00") != b""
            break
        (rid,) = struct.unpack(">H", data[pos + 4:pos + 6])
        name_len = data[pos + 6]
        p = pos + 7 + name_len
        if (name_len + 1) % 2:
            p += 1  # Pascal name padded to even length
        if p + 4 > n:
            corrupt = True
            break
        (size,) = struct.unpack(">I", data[p:p + 4])
        p += 4
        if p + size > n:
            corrupt = True
            res.setdefault(rid, data[p:n])
            break
        res.setdefault(rid, data[p:p + size])
        pos = p + size + (size % 2)
    return Irb(res, corrupt)


@dataclass(frozen=True)
class Iim:
    """IPTC-IIM datasets: ``(record, dataset) -> list of decoded strings``."""

    datasets: dict[tuple[int, int], list[str]] = field(default_factory=dict)
    corrupt: bool = False
    digest: str = ""  # MD5 of the raw IIM block, to compare with IRB 0x0425

    def first(self, record: int, dataset: int) -> str | None:
        for v in self.datasets.get((record, dataset), []):
            if v.strip():
                return v.strip()
        return None


def parse_iim(data: bytes) -> Iim:
    """Parse IPTC-IIM records. Text datasets are decoded per the 1:90 coded character set."""
    raw: list[tuple[int, int, bytes]] = []
    pos, n = 0, len(data)
    corrupt = False
    while pos < n:
        if data[pos] != 0x1C:
            # padding at the end is normal; anything else means we lost sync
            corrupt = data[pos:].strip(b"\x00") != b""
            break
        if pos + 5 > n:
            corrupt = True
            break
        rec, ds = data[pos + 1], data[pos + 2]
        (length,) = struct.unpack(">H", data[pos + 3:pos + 5])
        pos += 5
        if length & 0x8000:  # extended dataset: the low bits give the size of the length field
            nbytes = length & 0x7FFF
            if nbytes > 4 or pos + nbytes > n:
                corrupt = True
                break
            length = int.from_bytes(data[pos:pos + nbytes], "big")
            pos += nbytes
        if pos + length > n:
            corrupt = True
            raw.append((rec, ds, data[pos:n]))
            break
        raw.append((rec, ds, data[pos:pos + length]))
        pos += length
    utf8 = any(rec == 1 and ds == 90 and any(v.startswith(e) for e in _UTF8_ESCAPES)
               for rec, ds, v in raw)
    out: dict[tuple[int, int], list[str]] = {}
    for rec, ds, v in raw:
        if rec == 2 and ds == 0:
            continue  # record version: binary
        out.setdefault((rec, ds), []).append(_decode(v, utf8))
    return Iim(out, corrupt, hashlib.md5(data).hexdigest() if data else "")


def _decode(v: bytes, utf8: bool) -> str:
    v = v.rstrip(b"\x00")
    if utf8:
        return v.decode("utf-8", "replace")
    try:
        return v.decode("utf-8")
    except UnicodeDecodeError:
        return v.decode("latin-1")
