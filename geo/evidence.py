"""Whether the text bears out a village only the deep list of settlements holds.

Most of the 13,000 villages of ``villages.csv`` are spelled like a word, a person or a far namesake; one
is kept only with evidence: a word beside it that calls it a settlement ("the village of Kuris",
"село Сус", "Zabux kəndi", "Լեհվազ գյուղը"), or a place of the region named near it: in its paragraph
within 60 km, elsewhere in the article within 30 km.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from geo.gazetteer import Place

__all__ = ["deep", "has_evidence", "km"]

_SETTLEMENT_CUE = re.compile(
    r"(?i)\b(?:villages?|hamlets?|settlements?|communit(?:y|ies)|town|села?|сёл|селе|сел[оа]м?|деревн\w*|посёл\w*|"
    r"посел\w*|kənd\w*|qəsəbə\w*|kend\w*)\b|գյուղ\w*|բնակավայր\w*|համայնք\w*"
)
_NEAR_KM = 60.0
_ARTICLE_KM = 30.0
_REACH = 24  # characters either side of the name where a cue word counts


def deep(place: Place) -> bool:
    """A settlement only the deep list (Who's On First) holds."""
    return place.source.startswith("Who's On First")


def km(a: Place, b: Place) -> float:
    """An equirectangular distance: enough to rank namesakes a few to a few hundred kilometres apart."""
    x = math.radians(b.lon - a.lon) * math.cos(math.radians((a.lat + b.lat) / 2))
    return 6371.0 * math.hypot(x, math.radians(b.lat - a.lat))


def has_evidence(
    place: Place, text: str, start: int, end: int, paragraph: Iterable[Place], article: Iterable[Place]
) -> bool:
    """Whether a mention of ``place`` at ``text[start:end]`` stands: any place not of the deep list does; a deep
    one with a cue word beside it, or near a place named in its paragraph or article."""
    if not deep(place):
        return True
    if _SETTLEMENT_CUE.search(text, max(0, start - _REACH), start) or _SETTLEMENT_CUE.search(text, end, end + _REACH):
        return True
    return any(km(place, a) <= _NEAR_KM for a in paragraph) or any(km(place, a) <= _ARTICLE_KM for a in article)
