"""GPS position from an EXIF GPS IFD, from XMP (``exif:GPS*``, or any other latitude/longitude
pair, e.g. a drone's ``drone-dji:GpsLatitude`` or a location struct), from a FLIR GPS record or
from a second reader (ExifTool).

This module owns what counts as a usable position: both coordinates present and in range, and
not exactly 0,0 (which cameras write when they had no fix — "location data present but empty").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterator

from prepub.core.metadata import values
from prepub.core.metadata.flir import FlirGps
from prepub.core.metadata.xmp import NS, Xmp, key
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
    first = GpsResult(None, False)
    if any(k.startswith(ns) for k in props):
        lat = values.xmp_coord(xmp.value("exif", "GPSLatitude"))
        lon = values.xmp_coord(xmp.value("exif", "GPSLongitude"))
        alt = values.rational_text(xmp.value("exif", "GPSAltitude"))
        if alt is not None and _ref_below_sea(xmp.value("exif", "GPSAltitudeRef")):
            alt = -alt
        first = _result(lat, lon, alt, "XMP:exif:GPS")
        if first.fix is not None:
            return first
    for source, lat_v, lon_v in _xmp_pairs(props, 0):  # coordinates anywhere else in the XMP
        r = _result(values.xmp_coord(lat_v), values.xmp_coord(lon_v), None, source)
        if r.fix is not None:
            return r
        first = GpsResult(None, True, first.note or r.note)
    return first


def from_flir(g: FlirGps | None) -> GpsResult:
    """A FLIR camera's GPS record (see :mod:`.flir`); None means the file has none."""
    if g is None:
        return GpsResult(None, False)
    return _result(g.lat, g.lon, g.alt, "FLIR:GPSInfo")


def from_coordinates(lat: float | None, lon: float | None, alt: float | None,
                     source: str) -> GpsResult:
    """Signed decimal coordinates another reader found, judged like ours."""
    return _result(lat, lon, alt, source)


_PREFIXES = {uri: p for p, uri in NS.items()}


def _xmp_pairs(node: Any, depth: int) -> Iterator[tuple[str, Any, Any]]:
    """``(source, latitude, longitude)`` for every XMP property named like ``*Latitude`` with a
    ``*Longitude`` sibling, in structs and arrays too (top-level ``exif:GPS*`` excluded)."""
    if depth > 8:
        return
    if isinstance(node, list):
        for item in node:
            yield from _xmp_pairs(item, depth + 1)
        return
    if not isinstance(node, dict):
        return
    for k, v in node.items():
        uri, _, local = k[1:].partition("}") if k.startswith("{") else ("", "", k)
        low = local.lower()
        if isinstance(v, str) and low.endswith("latitude"):
            if depth == 0 and uri == NS["exif"] and local == "GPSLatitude":
                continue  # read above, with its altitude
            lon_key = k[:len(k) - len("latitude")] + _case_like(local[-8:], "longitude")
            if lon_key in node:
                yield f"XMP:{_PREFIXES.get(uri) or _short(uri)}:{local}", v, node[lon_key]
        elif isinstance(v, (dict, list)):
            yield from _xmp_pairs(v, depth + 1)


def _short(uri: str) -> str:
    """A readable name for an unknown namespace: ``http://www.dji.com/drone-dji/1.0/`` ->
    ``drone-dji``."""
    parts = [p for p in re.split(r"[/#]", uri) if p and not re.fullmatch(r"[\d.]+", p)]
    return parts[-1] if parts else uri


def _case_like(sample: str, word: str) -> str:
    """``word`` with the capitalisation of ``sample`` (``Latitude`` -> ``Longitude``)."""
    if sample.isupper():
        return word.upper()
    return word.capitalize() if sample[:1].isupper() else word


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
