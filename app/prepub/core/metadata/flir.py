"""FLIR thermal cameras' own metadata: the FFF record directory in the JPEG's APP1 "FLIR" segments.

A FLIR JPEG carries, besides its EXIF, a FLIR "FFF" file split over APP1 segments that start
``FLIR\\0`` (:mod:`.container` joins them). Its record directory holds the raw thermal image, a
camera record (model, camera/lens/filter serial numbers, the time taken) and a GPS record with
the position, often where the EXIF has none. Layout as documented in ExifTool's FLIR.pm:

* header (0x40 bytes): ``FFF\\0`` or ``AFF\\0``, creator[16], int32 version (100..199; its byte
  order is the file's), int32 offset of the record directory, int32 number of entries;
* directory entry (0x20 bytes): int16 type, int16 subtype, int32 version, int32 index id,
  int32 offset (from the start of the FFF data), int32 length, …;
* record 0x20 CameraInfo (byte order: int16 at 0 reads 2), strings at 0xd4 CameraModel[32],
  0x104 CameraSerialNumber[16], 0x1a0 LensSerialNumber[16], 0x21c FilterSerialNumber[32] and
  the time at 0x384 (int32 Unix time, int32 milliseconds in the low 16 bits, int16 minutes
  west of UTC);
* record 0x2b GPSInfo: int32 GPSValid, refs at 0x08/0x0a, signed double latitude at 0x10 and
  longitude at 0x18, float altitude at 0x20. ExifTool reads it little-endian; some cameras (a
  Vue Pro here) write the valid flag big-endian, so the byte order the flag shows is used, and
  the other one when only it gives coordinates in range.

Everything is bounds-checked: a damaged record costs that record, never the file.
"""

from __future__ import annotations

import math
import struct
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from prepub.core.metadata import values

_MAGIC = (b"FFF\x00", b"AFF\x00")
_HEADER = 0x40
_ENTRY = 0x20
_MAX_RECORDS = 4096  # real files have ~14 directory entries
REC_CAMERA_INFO = 0x20
REC_GPS_INFO = 0x2B

#: CameraInfo strings we read: name, offset, length
_CAMERA_STRINGS = (("CameraModel", 0xD4, 32), ("CameraSerialNumber", 0x104, 16),
                   ("LensSerialNumber", 0x1A0, 16), ("FilterSerialNumber", 0x21C, 32))
SERIAL_NAMES = ("CameraSerialNumber", "LensSerialNumber", "FilterSerialNumber")


@dataclass(frozen=True)
class FlirGps:
    """The GPS record as stored; coordinates are checked by :mod:`.gps`."""

    valid: bool  # the camera's GPSValid flag
    lat: float | None
    lon: float | None
    alt: float | None


@dataclass
class FlirInfo:
    gps: FlirGps | None = None  # None: no GPS record
    strings: dict[str, str] = field(default_factory=dict)  # CameraModel, *SerialNumber
    taken_at: datetime | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def serials(self) -> list[tuple[str, str]]:
        return [(n, self.strings[n]) for n in SERIAL_NAMES if n in self.strings]


def parse_fff(data: bytes) -> FlirInfo:
    """Read the records we care about from the joined FLIR segment data (never raises)."""
    out = FlirInfo()
    try:
        _parse(data, out)
    except (struct.error, ValueError, OverflowError) as e:  # a bug of ours on odd data
        out.warnings.append(f"flir.corrupt: {type(e).__name__}: {e}")
    return out


def _parse(data: bytes, out: FlirInfo) -> None:
    if len(data) < _HEADER or data[:4] not in _MAGIC:
        out.warnings.append("flir.corrupt: FLIR segment without an FFF header")
        return
    order = None
    for bo in (">", "<"):
        (ver,) = struct.unpack_from(bo + "I", data, 0x14)
        if 100 <= ver < 200:
            order = bo
            break
    if order is None:
        out.warnings.append("flir.unsupported: unknown FFF version")
        return
    pos, num = struct.unpack_from(order + "II", data, 0x18)
    if num > _MAX_RECORDS or pos >= len(data):
        out.warnings.append("flir.corrupt: FFF record directory out of range")
        return
    fits = min(num, (len(data) - pos) // _ENTRY)
    if fits < num:
        out.warnings.append("flir.truncated: FFF record directory cut short")
    for i in range(fits):
        entry = pos + i * _ENTRY
        (rtype,) = struct.unpack_from(order + "H", data, entry)
        if rtype not in (REC_CAMERA_INFO, REC_GPS_INFO):
            continue
        off, length = struct.unpack_from(order + "II", data, entry + 0x0C)
        if off >= len(data):
            out.warnings.append(f"flir.truncated: record {rtype:#x} lies past the end")
            continue
        rec = data[off:off + length]
        if len(rec) < length:
            out.warnings.append(f"flir.truncated: record {rtype:#x} cut short")
        if rtype == REC_CAMERA_INFO:
            _camera_info(rec, order, out)
        elif out.gps is None:
            out.gps = _gps_info(rec)


def _camera_info(rec: bytes, order: str, out: FlirInfo) -> None:
    if len(rec) >= 2:
        (bom,) = struct.unpack_from(order + "H", rec, 0)
        if bom >= 0x100:
            order = "<" if order == ">" else ">"
    for name, off, size in _CAMERA_STRINGS:
        if off < len(rec):
            v = values.serial(rec[off:off + size]) if name in SERIAL_NAMES else \
                values.text(rec[off:off + size])
            if v:
                out.strings[name] = v
    if len(rec) >= 0x384 + 10:
        tm, ms, tz = struct.unpack_from(order + "IIh", rec, 0x384)
        ms &= 0xFFFF
        if 0 < tm and ms < 1000 and abs(tz) <= 14 * 60:
            try:
                dt = datetime.fromtimestamp(tm, timezone(timedelta(minutes=-tz)))
            except (OverflowError, OSError, ValueError):
                return
            if 1990 <= dt.year <= 2100:
                out.taken_at = dt.replace(microsecond=ms * 1000)


def _gps_info(rec: bytes) -> FlirGps | None:
    if len(rec) < 0x20:
        return FlirGps(valid=bool(rec[:4].strip(b"\x00")), lat=None, lon=None, alt=None)
    flag = rec[:4]
    orders = ["<", ">"]
    if flag == b"\x00\x00\x00\x01":  # the flag reads 1 big-endian: the record is big-endian
        orders.reverse()
    best: FlirGps | None = None
    for bo in orders:
        lat, lon = struct.unpack_from(bo + "dd", rec, 0x10)
        alt = struct.unpack_from(bo + "f", rec, 0x20)[0] if len(rec) >= 0x24 else None
        g = FlirGps(valid=any(flag), lat=_finite(lat), lon=_finite(lon), alt=_finite(alt))
        if best is None:
            best = g
        if g.lat is not None and g.lon is not None and abs(g.lat) <= 90 and abs(g.lon) <= 180:
            return g
    return best


def _finite(v: float | None) -> float | None:
    if v is None or not math.isfinite(v):
        return None
    if v != 0 and abs(v) < 1e-30:  # a denormal: the other byte order, or garbage
        return None
    return v
