"""The app's own ICC colour profiles, built here byte for byte from their published definitions.

An export embeds only these (``prepub.core.export.xmp.own_profile``), so verification can
compare a written profile with them exactly. They are small ICC v2 display profiles: a
description, a copyright line, the D50 white point, the three colorants (the colour space's
primaries, Bradford-adapted from its D65 white to the ICC's D50) and one tone curve (the sRGB
transfer function of IEC 61966-2-1, sampled at 1024 points) shared by red, green and blue. Display
P3 uses the DCI-P3 primaries with the same white and curve (Apple's definition).

Nothing in them varies between runs (no creation date, no profile id), so the files in
``resources/icc`` are exactly what :func:`build_profile` returns; a test holds them equal.
Regenerate with ``uv run python -m prepub.core.export.icc resources/icc``.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

D50 = (0.9642, 1.0, 0.8249)
D65_XY = (0.3127, 0.3290)
BRADFORD = ((0.8951, 0.2664, -0.1614), (-0.7502, 1.7135, 0.0367), (0.0389, -0.0685, 1.0296))

#: colour space -> (file name, description, primaries (x, y) for red, green, blue)
SPACES: dict[str, tuple[str, str, tuple[tuple[float, float], ...]]] = {
    "srgb": ("prepub-sRGB.icc", "sRGB (Prepub)", ((0.64, 0.33), (0.30, 0.60), (0.15, 0.06))),
    "display-p3": ("prepub-DisplayP3.icc", "Display P3 (Prepub)",
                   ((0.680, 0.320), (0.265, 0.690), (0.150, 0.060))),
}
COPYRIGHT = "No copyright, use freely (CC0)"
CURVE_POINTS = 1024


def _mat_mul(a: tuple[tuple[float, ...], ...], b: tuple[tuple[float, ...], ...]) -> tuple[tuple[float, ...], ...]:
    return tuple(tuple(sum(a[i][k] * b[k][j] for k in range(3)) for j in range(3)) for i in range(3))


def _mat_vec(a: tuple[tuple[float, ...], ...], v: tuple[float, ...]) -> tuple[float, ...]:
    return tuple(sum(a[i][k] * v[k] for k in range(3)) for i in range(3))


def _inverse(m: tuple[tuple[float, ...], ...]) -> tuple[tuple[float, ...], ...]:
    (a, b, c), (d, e, f), (g, h, i) = m
    det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g)
    return ((( e * i - f * h) / det, -(b * i - c * h) / det, (b * f - c * e) / det),
            (-(d * i - f * g) / det, (a * i - c * g) / det, -(a * f - c * d) / det),
            (( d * h - e * g) / det, -(a * h - b * g) / det, (a * e - b * d) / det))


def _xyz(xy: tuple[float, float]) -> tuple[float, float, float]:
    x, y = xy
    return (x / y, 1.0, (1 - x - y) / y)


def colorants(primaries: tuple[tuple[float, float], ...]) -> tuple[tuple[float, ...], ...]:
    """The D50-adapted XYZ of each primary (columns of the RGB->XYZ matrix), red, green, blue."""
    p = [_xyz(xy) for xy in primaries]
    m = tuple(tuple(p[j][i] for j in range(3)) for i in range(3))
    white = _xyz(D65_XY)
    s = _mat_vec(_inverse(m), white)
    rgb_to_xyz = tuple(tuple(m[i][j] * s[j] for j in range(3)) for i in range(3))
    src, dst = _mat_vec(BRADFORD, white), _mat_vec(BRADFORD, D50)
    scale = ((dst[0] / src[0], 0, 0), (0, dst[1] / src[1], 0), (0, 0, dst[2] / src[2]))
    adapt = _mat_mul(_mat_mul(_inverse(BRADFORD), scale), BRADFORD)
    adapted = _mat_mul(adapt, rgb_to_xyz)
    # a colorant component below zero (P3's red Z is -0.001) is written as 0: strict readers
    # refuse negative colorants, and the difference is far below what 8 bits can show
    return tuple(tuple(max(0.0, adapted[i][j]) for i in range(3)) for j in range(3))


def _s15(v: float) -> bytes:
    return struct.pack(">i", round(v * 65536))


def _xyz_tag(xyz: tuple[float, ...]) -> bytes:
    return b"XYZ \0\0\0\0" + b"".join(_s15(c) for c in xyz)


def _desc_tag(text: str) -> bytes:
    ascii_ = text.encode("ascii") + b"\0"
    body = b"desc\0\0\0\0" + struct.pack(">I", len(ascii_)) + ascii_
    body += b"\0" * 8  # no Unicode description (language code, count 0)
    body += b"\0\0" + b"\0" + b"\0" * 67  # no ScriptCode description
    return body


def _text_tag(text: str) -> bytes:
    return b"text\0\0\0\0" + text.encode("ascii") + b"\0"


def _curve_tag() -> bytes:
    def srgb(v: float) -> float:
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    pts = [round(srgb(i / (CURVE_POINTS - 1)) * 65535) for i in range(CURVE_POINTS)]
    return b"curv\0\0\0\0" + struct.pack(">I", CURVE_POINTS) + struct.pack(f">{CURVE_POINTS}H", *pts)


def _pad(b: bytes) -> bytes:
    return b + b"\0" * (-len(b) % 4)


def build_profile(space: str) -> bytes:
    """The profile for ``space`` (``"srgb"`` or ``"display-p3"``), the same bytes every time."""
    _name, description, primaries = SPACES[space]
    r, g, b = colorants(primaries)
    curve = _curve_tag()
    blocks = [(b"desc", _desc_tag(description)), (b"cprt", _text_tag(COPYRIGHT)),
              (b"wtpt", _xyz_tag(D50)), (b"rXYZ", _xyz_tag(r)), (b"gXYZ", _xyz_tag(g)),
              (b"bXYZ", _xyz_tag(b)), (b"rTRC", curve)]
    shared = [b"gTRC", b"bTRC"]  # the three channels share the one curve
    count = len(blocks) + len(shared)
    offset = 128 + 4 + 12 * count
    table, data = [], b""
    trc_at = 0
    for sig, body in blocks:
        at = offset + len(data)
        if sig == b"rTRC":
            trc_at = at
        table.append(struct.pack(">4sII", sig, at, len(body)))
        data += _pad(body)
    table += [struct.pack(">4sII", sig, trc_at, len(curve)) for sig in shared]
    size = offset + len(data)
    header = struct.pack(">I4sI4s4s4s", size, b"\0\0\0\0", 0x02100000, b"mntr", b"RGB ", b"XYZ ")
    header += b"\0" * 12 + b"acsp" + b"\0" * 4 + b"\0" * 4 + b"\0" * 4 + b"\0" * 4 + b"\0" * 8
    header += struct.pack(">I", 0) + b"".join(_s15(c) for c in D50) + b"\0" * 4
    header += b"\0" * (128 - len(header))
    return header + struct.pack(">I", count) + b"".join(table) + data


def main(argv: list[str]) -> int:
    folder = Path(argv[0] if argv else "resources/icc")
    folder.mkdir(parents=True, exist_ok=True)
    for space, (name, _d, _p) in SPACES.items():
        (folder / name).write_bytes(build_profile(space))
        print(f"wrote {folder / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
