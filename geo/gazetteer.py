"""An offline gazetteer: names in any spelling and script, each with its ranked candidate places.

The bulk is prebuilt with the data (``geo/data/gazetteer.json``, see :mod:`geo.gazetteer_build`)
and loaded in milliseconds; the project's own places and the layers an article may name are laid
over it when the finder is made, and win over every other candidate of their names.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Collection
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache

from geo.names import COUNTRY, REGION, TOWN, WIDE
from geo.region import in_region
from geo.spellings import SOUND_MIN
from geo.spellings import sound as _sound

__all__ = [
    "BROAD_KINDS",
    "COUNTRY",
    "REGION",
    "TOWN",
    "WIDE",
    "Gazetteer",
    "Place",
    "Prebuilt",
    "gazetteer",
    "normalise",
    "partial_names",
    "prebuilt",
    "same_place",
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

    @cached_property
    def in_region(self) -> bool:
        return in_region(self.lon, self.lat)


NamedPlaces = tuple[tuple[Place, tuple[str, ...]], ...]

_MEMO_MAX = 100_000

# Kinds whose point says little of where a text is (a country's or a sea's middle): no context for a homonym.
BROAD_KINDS = frozenset({"country", "region", "sea", "corridor", "route", "exclave"})


class Prebuilt:
    """The prebuilt names: name key → ids of its candidate records ("3,17"), turned into places when asked."""

    def __init__(
        self,
        records: list[list],
        names: dict[str, str],
        first: dict[str, int],
        sounds: dict[str, str] | None = None,
        partial: frozenset[str] = frozenset(),
    ):
        self._records = records
        self._places: dict[int, Place] = {}
        self.names = names
        self.first_words = first
        self.sounds = sounds or {}
        self.partial = partial

    def place(self, i: int) -> Place:
        found = self._places.get(i)
        if found is None:
            key, name, lon, lat, tier, kind, country, pop, source = self._records[i]
            found = self._places[i] = Place(key, name, lon, lat, tier, None, source, kind, country, pop)
        return found

    def candidates(self, key: str) -> tuple[Place, ...]:
        ids = self.names.get(key)
        return tuple(self.place(int(i)) for i in ids.split(",")) if ids else ()

    def __len__(self) -> int:
        return len(self._records)


class Gazetteer:
    """Name key (see :func:`normalise`) → ranked candidate :class:`Place` objects: the project's own
    places and layers (``overrides``) over the prebuilt names."""

    def __init__(
        self,
        base: Prebuilt,
        overrides: dict[str, tuple[Place, ...]],
        case_sensitive: frozenset[str],
        stand_in: dict[str, Place] | None = None,
        resolve: Callable[[str], Place] | None = None,
    ):
        self._base = base
        self._resolve = resolve
        self._prefixes: frozenset[str] | None = None
        self._overrides = overrides
        self._stand_in = dict(stand_in or {})
        self.case_sensitive = case_sensitive
        # First word of a name → the most words a name starting with it has:
        # most words in a text start no name, and are passed over at once.
        self.first_words = dict(base.first_words)
        for key in overrides:
            words = key.split()
            self.first_words[words[0]] = max(self.first_words.get(words[0], 0), len(words))
        self._partial = base.partial | frozenset(partial_names(overrides))
        # Names found, by key: an article names the same places again and again.
        self._found: dict[str, tuple[Place, ...]] = {}
        self._sounded: dict[str, tuple[Place, ...]] = {}

    def continues(self, key: str) -> bool:
        """Whether ``key`` (two or more words) is a name or the start of a longer one."""
        return key in self._partial or key in self._overrides or key in self._base.names

    def get(self, key: str) -> Place | None:
        """The best candidate for a name, or None."""
        found = self.candidates(key)
        return found[0] if found else None

    def cyrillic_prefixes(self) -> frozenset[str]:
        """The first four letters of every Cyrillic name: a lower-case Russian word starting otherwise
        (most of them) cannot be an adjective of a place, and is not looked up in the dictionary."""
        if self._prefixes is None:
            self._prefixes = frozenset(
                key[:4] for key in (*self._base.names, *self._overrides) if "\u0400" <= key[:1] <= "\u04ff"
            )
        return self._prefixes

    def candidates(self, key: str) -> tuple[Place, ...]:
        """Every candidate for a name, best first."""
        found = self._found.get(key)
        if found is None:
            found = self._candidates(key)
            if found:
                self._found[key] = found
        return found

    def _candidates(self, key: str) -> tuple[Place, ...]:
        found = self._overrides.get(key)
        if found is None:
            found = self._base.candidates(key)
        elif self._resolve is not None and any(p.lon != p.lon for p in found):
            # A layer's place is drawn at its anchor, worked out (by building the layer) when first named; so is
            # a project place placed on a drawn border.
            found = tuple(self._resolve(p.layer or p.key) if p.lon != p.lon else p for p in found)
        if not self._stand_in or not any(p.key in self._stand_in for p in found):
            return found
        out: dict[str, Place] = {}
        for p in found:
            q = self._stand_in.get(p.key, p)
            out.setdefault(q.key, q)
        return tuple(out.values())

    def sounding(self, key: str) -> tuple[Place, ...]:
        """Azerbaijan's deep-list villages whose one-word name sounds like ``key`` (see :func:`geo.spellings.sound`)."""
        found = self._sounded.get(key)
        if found is None:
            ids = self._base.sounds.get(_sound(key)) if len(key) >= SOUND_MIN else None
            found = tuple(self._base.place(int(i)) for i in ids.split(",")) if ids else ()
            if len(self._sounded) < _MEMO_MAX:  # a text of made-up words cannot fill the memory
                self._sounded[key] = found
        return found

    def names(self) -> list[str]:
        """Every name key, normalised."""
        return list({**dict.fromkeys(self._base.names), **dict.fromkeys(self._overrides)})

    def __len__(self) -> int:
        return len(self.names())


def partial_names(names: Collection[str]) -> list[str]:
    """The first two or more words of a longer name that are no name themselves ("republic of"): a
    finder reading "Republic of Armenia" word by word stops at the first run of words no name starts with."""
    out: set[str] = set()
    for key in names:
        words = key.split()
        out.update(p for n in range(2, len(words)) if (p := " ".join(words[:n])) not in names)
    return sorted(out)


@cache
def prebuilt() -> Prebuilt:
    """The prebuilt names, checked against the manifest."""
    from geo.load import DataError, verify

    path = verify("gazetteer.json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        names = dict(zip(data["keys"].split("\n"), data["ids"].split("\n"), strict=True))
        first = dict(zip(data["first_words"].split("\n"), map(int, data["first_counts"]), strict=True))
        sounds = dict(zip(data["sounds"].split("\n"), data["sound_ids"].split("\n"), strict=True))
        base = Prebuilt(data["records"], names, first, sounds, frozenset(data["partial"].split("\n")))
        base.place(len(data["records"]) - 1)  # a malformed record fails here, not mid-article
    except (ValueError, KeyError, TypeError, IndexError) as exc:
        raise DataError(f"{path}: not a gazetteer file ({exc}); rebuild with: python -m geo.gazetteer_build") from exc
    return base


@cache
def gazetteer(project: NamedPlaces, layers: NamedPlaces, resolve: Callable[[str], Place] | None = None) -> Gazetteer:
    """The gazetteer, built once per set of inputs.

    Parameters
    ----------
    project : pairs of a place and its aliases, from the project's ``places`` layer;
        they win over every other source (they carry both names of contested places).
    layers : pairs of a layer's place and its aliases (from the layer specs); they win
        over a town of the same name (bare "Nakhchivan" is the exclave). A place with no
        coordinates (NaN) is a stand-in, replaced by ``resolve(layer name)`` when first named.
    resolve : a layer's name (or a stand-in place's key) → the place, with its coordinates.
    """
    base = prebuilt()
    overrides: dict[str, tuple[Place, ...]] = {}
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
        others = base.candidates(key)
        stand_in.update({p.key: place for p in others if same_place(p, place)})
        overrides[key] = (place, *(p for p in others if not same_place(p, place)))
    for place, aliases in layers:
        for alias in aliases:
            key = normalise(alias)
            if key:
                current = overrides.get(key) or base.candidates(key)
                overrides[key] = (place, *(p for p in current if p.key != place.key))
    return Gazetteer(base, overrides, frozenset({"us", "usa", "u s", "u s a"}), stand_in, resolve)


def same_place(a: Place, b: Place) -> bool:
    """Whether two records are one place (the same key, or within 5 km): a prebuilt candidate that is the
    project's own place under another record, or a namesake listed twice."""
    return a.key == b.key or (abs(a.lon - b.lon) < 0.06 and abs(a.lat - b.lat) < 0.045)
