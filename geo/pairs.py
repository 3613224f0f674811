"""Two names written for one place: "Hin Shen/Kichik Galadarasi", "Kichik Galadarasi (formerly Kirov)".

Articles about Karabakh and its corridor give a village its Armenian and its Azerbaijani name side by side,
and a Soviet name after "formerly". Each name is looked up on its own, and a name the gazetteer holds for
another place (a namesake in Syunik, a city in Russia) would draw a second, wrong point. So:

- of two names joined by a slash, when they land more than 10 km apart, the one nearer the paragraph's
  other places is kept (when neither has a place around it, both are);
- a name right after another and "formerly", "previously", "romanized:", "ранее", "бывш.", "keçmiş" or
  "նախկինում" renames it: near it (25 km), it is that place; farther, it is left out ("the former village of
  Agarak", "նախկին Ագարակ գյուղ", with words between, is a place of its own);
- a name, its glosses in other languages and its other name after "or", as an encyclopaedia's first line
  gives them ("Sarnaghbyur (Armenian: Սառնաղբյուր) or Aghbulag (Azerbaijani: Ağbulaq) is a village"), are
  one place: the one most of them may mean, and of those the nearest the paragraph's other places. The
  rest of the article then reads those names as that place too (:func:`names_learned`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol, TypeVar

from geo.evidence import km
from geo.gazetteer import BROAD_KINDS, Place, normalise, same_place

__all__ = ["names_learned", "one_place_per_pair"]

_SLASH = re.compile(r"\s*/\s*")
# Between a name and its other name: "Kichik Galadarasi (formerly Kirov)", "Lachin corridor (…; romanized: …".
_FORMERLY = re.compile(
    r"(?i)[\s,;(]*(?:formerly|previously|once called|former name|roman[iy]zed:|also spelled(?: as)?|also known as|"
    r"also called|ранее|прежде|бывш\.?|keçmiş|"
    r"əvvəlki adı|նախկինում)\s*"
)
_LIST = re.compile(r"[\s,;]+")
_LANGUAGES = r"(?:Armenian|Azerbaijani|Russian|Georgian|Turkish|Persian|Kurdish|Talysh|Lezgian|Udi)"
# "Sarnaghbyur (Armenian: Սառնաղբյուր", "…; Azerbaijani: Ağbulaq": a name and its gloss.
_GLOSS = re.compile(rf"\s*[(,;]\s*{_LANGUAGES}(?:\s+language)?\s*:\s*")
_GLOSS_IN = re.compile(rf"\(\s*{_LANGUAGES}(?:\s+language)?\s*:")
# "…) or Aghbulag": the gloss (with no name found in it, or closing) then "or".
_OR = re.compile(r"\s*(?:\([^()]{0,80}\)|\))?\s*,?\s*(?:or|или|либо|və ya|yaxud|կամ)\s+")
_PAIR_KM = 10.0
_RENAMED_KM = 25.0


class _Mention(Protocol):
    place: Place
    start: int
    end: int
    surface: str
    rivals: tuple[Place, ...]
    confidence: str
    why: str


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


def _groups(text: str, mentions: Sequence[_Mention]) -> list[list[int]]:
    """Runs of mentions that are one place's names: a name, its glosses, and its other name after "or"
    (only beside a gloss: "Yerevan or Baku" are two places)."""
    groups: list[list[int]] = []
    glossed = False
    for i in range(1, len(mentions)):
        a, b = mentions[i - 1], mentions[i]
        gloss = _GLOSS.fullmatch(text, a.end, b.start) is not None
        other = _OR.fullmatch(text, a.end, b.start) is not None and (
            glossed or _GLOSS_IN.search(text, a.end, b.start) is not None or _GLOSS.match(text, b.end) is not None
        )
        if not (gloss or other):
            glossed = False
            continue
        if groups and groups[-1][-1] == i - 1:
            groups[-1].append(i)
        else:
            groups.append([i - 1, i])
        glossed = glossed or gloss or _GLOSS.match(text, b.end) is not None
    return groups


def _one_place(group: list[_Mention], others: list[Place]) -> tuple[Place, int]:
    """The place a group of names most likely shares, and how many of them may mean it."""
    options: list[Place] = []
    for m in group:
        for p in (m.place, *m.rivals):
            if not any(same_place(p, q) for q in options):
                options.append(p)
    votes = [sum(any(same_place(p, q) for q in (m.place, *m.rivals)) for m in group) for p in options]
    gaps = [min((km(p, o) for o in others), default=0.0) for p in options]
    best = min(range(len(options)), key=lambda j: (-votes[j], gaps[j], j))
    return options[best], votes[best]


def names_learned(text: str, mentions: Sequence[M]) -> tuple[tuple[M, ...], dict[str, Place]]:
    """``mentions`` with each group of one place's names (see :func:`_groups`) drawn at that place, and the
    names so learned (normalised surface → place) for the rest of the article."""
    out = list(mentions)
    learned: dict[str, Place] = {}
    for group in _groups(text, mentions):
        members = [mentions[j] for j in group]
        if all(km(members[0].place, m.place) <= _PAIR_KM for m in members[1:]):
            continue
        others = [m.place for j, m in enumerate(mentions) if j not in group and m.place.kind not in BROAD_KINDS]
        place, votes = _one_place(members, others)
        if votes < 2:
            continue
        for j, m in zip(group, members, strict=True):
            if not same_place(m.place, place):
                names = ", ".join(x.surface for x in members if x is not m)
                out[j] = replace(
                    m, place=place, rivals=(), confidence="likely", why=f"one place with {names}, beside it"
                )
                learned[normalise(m.surface)] = place
    return tuple(out), learned
