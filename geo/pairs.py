"""Two names written for one place: "Hin Shen/Kichik Galadarasi", "Kichik Galadarasi (formerly Kirov)".

Articles about Karabakh and its corridor give a village its Armenian and its Azerbaijani name side by side,
and a Soviet name after "formerly". Each name is looked up on its own, and a name the gazetteer holds for
another place (a namesake in Syunik, a city in Russia) would draw a second, wrong point. So:

- of two names joined by a slash, when they land more than 10 km apart, the one nearer the paragraph's
  other places is kept (when neither has a place around it, both are);
- a name right after another and "formerly", "previously", "romanized:", "ранее", "бывш.", "keçmiş" or
  "նախկինում" renames it: near it (25 km), it is that place; farther, it is left out ("the former village of
  Agarak", "նախկին Ագարակ գյուղ", with words between, is a place of its own).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol, TypeVar

from geo.evidence import km
from geo.gazetteer import BROAD_KINDS, Place

__all__ = ["one_place_per_pair"]

_SLASH = re.compile(r"\s*/\s*")
# Between a name and its other name: "Kichik Galadarasi (formerly Kirov)", "Lachin corridor (…; romanized: …".
_FORMERLY = re.compile(
    r"(?i)[\s,;(]*(?:formerly|previously|once called|former name|roman[iy]zed:|also spelled(?: as)?|also known as|"
    r"also called|ранее|прежде|бывш\.?|keçmiş|"
    r"əvvəlki adı|նախկինում)\s*"
)
_LIST = re.compile(r"[\s,;]+")
_PAIR_KM = 10.0
_RENAMED_KM = 25.0


class _Mention(Protocol):
    place: Place
    start: int
    end: int


M = TypeVar("M", bound=_Mention)


def one_place_per_pair(text: str, mentions: Sequence[M]) -> tuple[M, ...]:
    """``mentions`` (in text order) less the names of a pair or a renaming that point at a wrong place."""
    dropped: set[int] = set()
    out = list(mentions)
    renamed: M | None = None  # the place a list of other names is of ("also spelled as A, B, C")
    for i in range(1, len(mentions)):
        a, b = mentions[i - 1], mentions[i]
        if _FORMERLY.fullmatch(text, a.end, b.start) or (renamed and _LIST.fullmatch(text, a.end, b.start)):
            renamed = renamed or a
            if km(renamed.place, b.place) > _RENAMED_KM:
                dropped.add(i)
            else:
                out[i] = replace(b, place=renamed.place)
            continue
        renamed = None
        if _SLASH.fullmatch(text, a.end, b.start) and km(a.place, b.place) > _PAIR_KM:
            others = [
                m.place for j, m in enumerate(mentions) if j not in (i - 1, i) and m.place.kind not in BROAD_KINDS
            ]
            if others:
                gap = [min(km(m.place, o) for o in others) for m in (a, b)]
                dropped.add(i if gap[1] > gap[0] else i - 1)
    return tuple(m for j, m in enumerate(out) if j not in dropped)
