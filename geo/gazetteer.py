"""An offline gazetteer: names in any spelling and script, each with its ranked candidate places.

The bulk is prebuilt with the data (``geo/data/gazetteer.json``, see :mod:`geo.gazetteer_build`)
and loaded in milliseconds; the project's own places and the layers an article may name are laid
over it when the finder is made, and win over every other candidate of their names.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from geo.names import COUNTRY, REGION, TOWN, WIDE
from geo.region import in_region

__all__ = [
    "COUNTRY",
    "REGION",
    "TOWN",
    "WIDE",
    "Gazetteer",
    "Place",
    "gazetteer",
    "normalise",
    "prebuilt",
]

_FOLD = str.maketrans({"ı": "i", "ə": "e", "ğ": "g", "ş": "s", "ç": "c", "ö": "o", "ü": "u", "’": "'", "ʻ": "'"})
_WORDS = re.compile(r"\w+")


@lru_cache(maxsize=65536)
def normalise(text: str) -> str:
    """Case- and accent-insensitive key: 'Naxçıvan' and 'naxcivan' match; 'Xi'an' is 'xi an'."""
    folded = text.casefold().translate(_FOLD)
    stripped = "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))
    return " ".join(_WORDS.findall(stripped))


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
    kind: str = "town"  # town, village, country, province, river, lake, mountain, pass, sea, corridor, route, …
    country: str = ""
    population: int = 0

    @property
    def in_region(self) -> bool:
        return in_region(self.lon, self.lat)


NamedPlaces = tuple[tuple[Place, tuple[str, ...]], ...]


class Gazetteer:
    """Name key (see :func:`normalise`) → ranked candidate :class:`Place` objects."""

    def __init__(
        self,
        entries: dict[str, tuple[Place, ...]],
        case_sensitive: frozenset[str],
        stand_in: dict[str, Place] | None = None,
    ):
        self._entries = entries
        self._stand_in = dict(stand_in or {})
        self.case_sensitive = case_sensitive
        # First word of a name → the most words a name starting with it has:
        # most words in a text start no name, and are passed over at once.
        self.first_words: dict[str, int] = {}
        for key in self._entries:
            words = key.split()
            self.first_words[words[0]] = max(self.first_words.get(words[0], 0), len(words))
        self.max_words = max(self.first_words.values(), default=1)

    def get(self, key: str) -> Place | None:
        """The best candidate for a name, or None."""
        found = self.candidates(key)
        return found[0] if found else None

    def candidates(self, key: str) -> tuple[Place, ...]:
        """Every candidate for a name, best first."""
        found = self._entries.get(key, ())
        if not self._stand_in or not any(p.key in self._stand_in for p in found):
            return found
        out: dict[str, Place] = {}
        for p in found:
            q = self._stand_in.get(p.key, p)
            out.setdefault(q.key, q)
        return tuple(out.values())

    def names(self) -> list[str]:
        """Every name key, normalised."""
        return list(self._entries)

    def __len__(self) -> int:
        return len(self._entries)


@cache
def prebuilt() -> tuple[dict[str, tuple[Place, ...]], int]:
    """The prebuilt names (checked against the manifest) and how many places they point at."""
    from geo.load import DataError, verify

    path = verify("gazetteer.json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        places = [
            Place(key, name, lon, lat, tier, None, source, kind, country, pop)
            for key, name, lon, lat, tier, kind, country, pop, source in data["records"]
        ]
        names = {key: tuple(places[i] for i in ids) for key, ids in data["names"].items()}
    except (ValueError, KeyError, TypeError, IndexError) as exc:
        raise DataError(f"{path}: not a gazetteer file ({exc}); rebuild with: python -m geo.gazetteer_build") from exc
    return names, len(places)


@cache
def gazetteer(project: NamedPlaces, layers: NamedPlaces) -> Gazetteer:
    """The gazetteer, built once per set of inputs.

    Parameters
    ----------
    project : pairs of a place and its aliases, from the project's ``places`` layer;
        they win over every other source (they carry both names of contested places).
    layers : pairs of a layer's place and its aliases (from the layer specs); they win
        over a town of the same name (bare "Nakhchivan" is the exclave).
    """
    names, _ = prebuilt()
    entries = dict(names)
    project_keys: dict[str, Place] = {}
    for place, aliases in project:
        for alias in aliases:
            key = normalise(alias)
            if key and key not in project_keys:
                project_keys[key] = place
    # A GeoNames record of a project place (same name, within 5 km) stands for it under every one
    # of its alternate names too: "Вашингтон" is the project's Washington, D.C.
    stand_in: dict[str, Place] = {}
    for key, place in project_keys.items():
        stand_in.update({p.key: place for p in names.get(key, ()) if _same(p, place)})
        entries[key] = (place, *(p for p in entries.get(key, ()) if not _same(p, place)))
    for place, aliases in layers:
        for alias in aliases:
            key = normalise(alias)
            if key:
                entries[key] = (place, *(p for p in entries.get(key, ()) if p.key != place.key))
    return Gazetteer(entries, frozenset({"us", "usa", "u s", "u s a"}), stand_in)


def _same(a: Place, b: Place) -> bool:
    """Whether a prebuilt candidate is the project's own place under another record (within 5 km)."""
    return a.key == b.key or (abs(a.lon - b.lon) < 0.06 and abs(a.lat - b.lat) < 0.045)
