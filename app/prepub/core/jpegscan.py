"""Checking a JPEG's compressed picture data, which the decoder does not.

libjpeg (inside Pillow) decodes a damaged scan without a word: a flipped bit in the
Huffman-coded data throws the decoder off, the rest of the picture comes out as garbled
blocks, and Pillow suppresses the "Corrupt JPEG data" warnings. A face in the garbled part can
then be missed. :func:`scan_damage` walks the Huffman codes of a baseline JPEG (the layout of
nearly every camera and phone photo) the way the decoder does, without computing a pixel, and
says when they do not fit, where libjpeg would warn: a code that no table holds, a restart
marker out of place, data that ends before the last block or goes on after it.

It is pure Python, about a quarter of a second per megabyte of picture data on a slow core,
so scans larger than :data:`MAX_SCAN_BYTES` and progressive or arithmetic-coded files are not
walked (``None``: nothing found).
"""

from __future__ import annotations

import array
import re
import struct

import numpy as np

MAX_SCAN_BYTES = 8 * 1024 * 1024

_BAD = 4000  # a code no table holds: k jumps past any block and the walk flags it
_INVALID = 0xFF | (_BAD << 8)
_EOB = 128  # k jumps past 64: the block ended early, as it should
_RST = re.compile(rb"\xff[\xd0-\xd7]")
_END = re.compile(rb"\xff[^\x00\xd0-\xd7\xff]")
_PAD = b"\xff" * 4096  # a desynchronised walk may read past the data within one MCU

__all__ = ["scan_damage", "MAX_SCAN_BYTES"]


class _Damaged(Exception):
    pass


class _Skip(Exception):
    pass


def scan_damage(data: bytes) -> str | None:
    """What is wrong with the JPEG ``data``'s picture data, in plain words, or None when
    nothing is (or the file is not a baseline JPEG this walk covers)."""
    try:
        _walk_file(data)
    except _Damaged as e:
        return str(e)
    except (_Skip, IndexError, struct.error, ValueError, KeyError, ZeroDivisionError):
        return None  # headers the decoder judges; nothing to add here
    return None


def _walk_file(data: bytes) -> None:
    if not data.startswith(b"\xff\xd8"):
        raise _Skip
    tables: dict[tuple[int, int], tuple[list[int], list[int]]] = {}
    frame: tuple[int, int, dict[int, tuple[int, int]]] | None = None
    dri = 0
    i = 2
    n = len(data)
    while i + 4 <= n:
        if data[i] != 0xFF:
            raise _Skip  # the container parser reports a broken layout
        marker = data[i + 1]
        if marker == 0xFF:
            i += 1
            continue
        if marker == 0xD9:
            return
        if 0xD0 <= marker <= 0xD7 or marker in (0x01, 0xD8):
            i += 2
            continue
        length = struct.unpack(">H", data[i + 2:i + 4])[0]
        seg = data[i + 4:i + 2 + length]
        if marker == 0xC4:
            _read_tables(seg, tables)
        elif marker in (0xC0, 0xC1):
            _, height, width, count = struct.unpack(">BHHB", seg[:6])
            if not height or not width:
                raise _Skip  # height given later (DNL): rare, not walked
            comps = {seg[6 + 3 * k]: (seg[7 + 3 * k] >> 4, seg[7 + 3 * k] & 15) for k in range(count)}
            frame = (width, height, comps)
        elif 0xC2 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            raise _Skip  # progressive, lossless or arithmetic coding: not walked
        elif marker == 0xDD:
            dri = struct.unpack(">H", seg[:2])[0]
        elif marker == 0xDA:
            if frame is None:
                raise _Skip
            start = i + 2 + length
            end_match = _END.search(data, start)
            end = end_match.start() if end_match else n
            if end - start > MAX_SCAN_BYTES:
                raise _Skip
            _walk_scan(data[start:end], seg, frame, tables, dri)
            if end_match is None:
                raise _Damaged("the picture data ends without an end-of-image marker")
            i = end
            continue
        i += 2 + length


def _read_tables(seg: bytes, tables: dict[tuple[int, int], tuple[list[int], list[int]]]) -> None:
    j = 0
    while j + 17 <= len(seg):
        cls, ident = seg[j] >> 4, seg[j] & 15
        counts = seg[j + 1:j + 17]
        total = sum(counts)
        symbols = seg[j + 17:j + 17 + total]
        tables[(cls, ident)] = _lookup(counts, symbols, ac=cls == 1)
        j += 17 + total


def _lookup(counts: bytes, symbols: bytes, *, ac: bool) -> tuple[list[int], list[int]]:
    """Two tables over every 16-bit look-ahead. The first decodes one symbol: bits to advance
    (code and value bits) | coefficients covered << 8 (EOB: a jump past the block's end; a
    code no table holds: a huge jump). The second decodes as many AC symbols as the 16 bits
    hold whole, | (k must be below this) << 20: applying them is right only while none but
    the last ends the block; otherwise the walk takes one symbol at a time."""
    single = _single(counts, symbols, ac=ac)
    if not ac:
        out = single.tolist()
        return out, out
    adv, kinc = single & 0xFF, single >> 8
    window = np.arange(65536, dtype=np.int64)
    total_adv, total_k = adv.copy(), kinc.copy()
    limit = np.full(65536, 64, dtype=np.int64)
    going = (kinc != _EOB) & (kinc != _BAD)
    for _ in range(4):
        nxt = single[(window << total_adv) & 0xFFFF]
        a, k = nxt & 0xFF, nxt >> 8
        ok = going & (k != _BAD) & (total_adv + a <= 16)
        limit = np.where(ok, np.minimum(limit, 64 - total_k), limit)
        total_adv = np.where(ok, total_adv + a, total_adv)
        total_k = np.where(ok, total_k + k, total_k)
        going = ok & (k != _EOB)
    multi = total_adv | (total_k << 8) | (np.clip(limit, 0, 64) << 20)
    return single.tolist(), multi.tolist()


def _single(counts: bytes, symbols: bytes, *, ac: bool) -> np.ndarray:
    table = np.full(65536, _INVALID, dtype=np.int64)
    code = k = 0
    for length in range(1, 17):
        for _ in range(counts[length - 1]):
            if k >= len(symbols):
                raise _Damaged("a Huffman table is cut short")
            s = symbols[k]
            k += 1
            if ac:
                run, size = s >> 4, s & 15
                step = (length, _EOB) if s == 0 else (length, 16) if s == 0xF0 else (length + size, run + 1)
            else:
                step = (length + s, 0)
            lo, hi = code << (16 - length), (code + 1) << (16 - length)
            if hi > 65536:
                raise _Damaged("a Huffman table holds more codes than fit")
            table[lo:hi] = step[0] | (step[1] << 8)
            code += 1
        code <<= 1
    return table


def _walk_scan(ecs: bytes, sos: bytes, frame: tuple[int, int, dict[int, tuple[int, int]]],
               tables: dict[tuple[int, int], tuple[list[int], list[int]]], dri: int) -> None:
    width, height, comps = frame
    hmax = max(h for h, _ in comps.values())
    vmax = max(v for _, v in comps.values())
    count = sos[0]
    blocks: list[tuple[list[int], list[int], list[int]]] = []
    for k in range(count):
        cid, sel = sos[1 + 2 * k], sos[2 + 2 * k]
        h, v = comps[cid]
        try:
            dc, ac = tables[(0, sel >> 4)][0], tables[(1, sel & 15)]
            pair = (dc, ac[0], ac[1])
        except KeyError:
            raise _Damaged("the scan uses a Huffman table the file does not define") from None
        blocks += [pair] * (h * v if count > 1 else 1)
    if count > 1:
        total = -(-width // (8 * hmax)) * -(-height // (8 * vmax))
    else:
        h, v = comps[sos[1]]
        total = -(-(-(-width * h // hmax)) // 8) * -(-(-(-height * v // vmax)) // 8)
    parts = _RST.split(ecs)
    per = dri or total
    expected = -(-total // per)
    if len(parts) != expected:
        raise _Damaged(f"the picture data has {len(parts) - 1} restart markers where "
                       f"{expected - 1} belong")
    for n, m in enumerate(_RST.finditer(ecs)):
        if m.group()[1] - 0xD0 != n % 8:
            raise _Damaged("the restart markers are out of sequence")
    for n, part in enumerate(parts):
        data = part.rstrip(b"\xff").replace(b"\xff\x00", b"\xff")  # fill bytes, stuffing
        _walk_interval(data, blocks, min(per, total - n * per))


def _walk_interval(seg: bytes, blocks: list[tuple[list[int], list[int], list[int]]],
                   mcus: int) -> None:
    nbits = len(seg) * 8
    a = np.frombuffer(seg + _PAD, dtype=np.uint8).astype(np.uint32)
    words = array.array("I", ((a[:-2] << 16) | (a[1:-1] << 8) | a[2:]).tobytes())
    p = 0
    for _ in range(mcus):
        for dc, ac, multi in blocks:
            e = dc[(words[p >> 3] >> (8 - (p & 7))) & 0xFFFF]
            p += e & 0xFF
            if e >> 8:
                raise _Damaged("the picture data holds a code no table defines (a flipped bit?)")
            k = 1
            while k < 64:
                window = (words[p >> 3] >> (8 - (p & 7))) & 0xFFFF
                e = multi[window]
                if k < e >> 20:  # several symbols at once, none but the last ends the block
                    p += e & 0xFF
                    k += (e >> 8) & 0xFFF
                else:
                    e = ac[window]
                    p += e & 0xFF
                    k += e >> 8
            if k > 1000:  # (a run past coefficient 64 is let pass: libjpeg does too)
                raise _Damaged("the picture data holds a code no table defines (a flipped bit?)")
        if p > nbits:
            raise _Damaged("the picture data ends before the picture does (cut short or "
                           "damaged)")
    if nbits - p >= 8:
        raise _Damaged(f"{(nbits - p) // 8} bytes of picture data are left over after the "
                       "last block (a flipped bit?)")
