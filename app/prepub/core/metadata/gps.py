"""GPS position from an EXIF GPS IFD or from XMP ``exif:GPS*`` properties.

This module owns what counts as a usable position: both coordinates present and in range, and
not exactly 0,0 (which cameras write when they had no fix — "location data present but empty").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from prepub.core.metadata import values
from prepub.core.metadata.xmp import Xmp, key
from prepub.core.model import GpsFix

# EXIF GPS IFD tags
_LAT_REF, _LAT, _LON_REF, _LON, _ALT_REF, _ALT = 1, 2, 3, 4, 5, 6


@dataclass(frozen=True)
class GpsResult:
    fix: GpsFix | None
    present: bool  # a GPS block exists at all
    note: str | None = None  # why an existing block gave no position


def from_exif(gps: dict[int, Any] | None) -> GpsResult:
    """``gps`` is the GPS IFD (None: no GPS pointer; empty: pointer to nothing)."""
    if gps is None:
        return GpsResult(None, False)
    lat, lon = values.dms(gps.get(_LAT)), values.dms(gps.get(_LON))
    lat = _signed(lat, gps.get(_LAT_REF), "S")
    lon = _signed(lon, gps.get(_LON_REF), "W")
    alt = values.number(gps.get(_ALT))
    if alt is not None and _ref_below_sea(gps.get(_ALT_REF)):
        alt = -alt
    return _result(lat, lon, alt, "EXIF:GPS")


def from_xmp(xmp: Xmp) -> GpsResult:
    props = xmp.props
    ns = key("exif", "GPS")
    if not any(k.startswith(ns) for k in props):
        return GpsResult(None, False)
    lat = values.xmp_coord(xmp.value("exif", "GPSLatitude"))
    lon = values.xmp_coord(xmp.value("exif", "GPSLongitude"))
    alt = values.rational_text(xmp.value("exif", "GPSAltitude"))
    if alt is not None and _ref_below_sea(xmp.value("exif", "GPSAltitudeRef")):
        alt = -alt
    return _result(lat, lon, alt, "XMP:exif:GPS")


def _result(lat: float | None, lon: float | None, alt: float | None, source: str) -> GpsResult:
    if lat is None or lon is None:
        return GpsResult(None, True, "no coordinates")
    if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
        return GpsResult(None, True, "coordinates out of range")
    if lat == 0.0 and lon == 0.0:
        return GpsResult(None, True, "coordinates are 0,0")
    return GpsResult(GpsFix(lat=lat, lon=lon, alt=alt, source=source), True)


def _signed(v: float | None, ref: Any, negative: str) -> float | None:
    if v is None:
        return None
    r = values.text(ref)
    return -v if r and r[:1].upper() == negative else v


def _ref_below_sea(ref: Any) -> bool:
    if isinstance(ref, (bytes, bytearray)):
        return len(ref) > 0 and ref[0] in (1, ord("1"))
    if isinstance(ref, (tuple, list)) and ref:
        ref = ref[0]
    if isinstance(ref, str):
        return ref.strip() == "1"
    return ref == 1
