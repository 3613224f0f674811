"""Places a text names without their names: "the route", "the corridor", "the exclave", "the river" and
"the lake" point at the last such place named before them in the article; in an article that opens with
a village's name (an encyclopaedia's), "the village" is that village.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace

from geo.gazetteer import Place
from geo.mentions import Excerpt, Mention

__all__ = ["GENERIC", "remember", "the_village", "with_generic"]

# Generic references and the kinds of place they point back to.
GENERIC: Mapping[str, frozenset[str]] = {
    "route": frozenset({"route", "corridor"}),
    "corridor": frozenset({"route", "corridor"}),
    "exclave": frozenset({"exclave"}),
    "river": frozenset({"river"}),
    "lake": frozenset({"lake"}),
}
_GENERIC = re.compile(r"\b[Tt]he (" + "|".join(GENERIC) + r")\b(?!\s+(?:of|to|from|that|which)\b)")


def with_generic(text: str, found: list[Mention], last: dict[str, Place]) -> list[Mention]:
    """Add "the route" and the like, each pointing at the last place of its kinds named before it."""
    generic = list(_GENERIC.finditer(text))
    if not generic:
        return found
    extra = []
    events = sorted(
        [(m.start, "named", m) for m in found] + [(g.start(), "generic", g) for g in generic],
        key=lambda e: e[0],
    )
    for start, what, item in events:
        if what == "named":
            remember(last, item.place)
            continue
        if any(m.start <= start < m.end for m in found):
            continue
        kinds = GENERIC[item.group(1).lower()]
        antecedents = [p for k, p in last.items() if k in kinds]
        if antecedents:
            place = antecedents[-1]
            extra.append(
                Mention(place, item.start(), item.end(), item.group(), "inferred", f"“{item.group()}” → {place.name}")
            )
            remember(last, place)
    return sorted(found + extra, key=lambda m: m.start)


def remember(last: dict[str, Place], place: Place) -> None:
    """Make ``place`` the most recent of its kind (``last`` is the caller's own running record)."""
    last.pop(place.kind, None)
    last[place.kind] = place


# "The village was occupied in 1992", "close to the village"; not "the village of Dahraz".
# In Russian "в селе", "с селом", not "село Севкар"; in Azerbaijani "Kənd" opening a sentence ("Kənd dağlıq
# ərazidə yerləşir"), not "Hayad kəndi" nor "kənd təsərrüfatı" (farming).
_THE_VILLAGE = re.compile(
    r"\b[Tt]he village\b(?!\s+(?:of|to|from|that|which|where)\b)"
    r"|(?<!\w)(?:село|села|селу|селом|селе)(?!\w)(?!\s+[А-ЯЁ])"
    r"|(?:^|(?<=[.!?]\s))Kənd(?:də|in|i)?(?!\w)(?!\s+təsərrüfat)",
    re.MULTILINE,
)


def _village_like(place: Place) -> bool:
    """A settlement a text may call "the village": a village, or a town of under 10,000 (GeoNames calls every
    settlement a town); not Goris or Kapan, whose article's "the village" is another."""
    return place.kind == "village" or (place.kind == "town" and place.population < _VILLAGE_MAX)


_VILLAGE_MAX = 10_000


def the_village(excerpts: list[Excerpt]) -> list[Excerpt]:
    """In an article that opens with a settlement's name, as an encyclopaedia's does ("Qorçu (Gorchu) is a
    village in …"), "the village" is that settlement. (The last one named would often be another: "64 km
    from Lachin. The village …".)"""
    first = excerpts[0].mentions[:1] if excerpts else ()
    if not (first and first[0].start == 0 and _village_like(first[0].place)):
        return excerpts
    subject, lead = first[0].place, first[0].surface
    if lead.isupper():
        return excerpts  # a dateline ("YEREVAN, Feb 9"), not the article's subject
    out = []
    for e in excerpts:
        extra = [
            Mention(
                subject,
                g.start(),
                g.end(),
                g.group(),
                "inferred",
                f"“{g.group()}” → {subject.name}, which the article is about",
            )
            for g in _THE_VILLAGE.finditer(e.text)
            if not any(m.start <= g.start() < m.end for m in e.mentions)
        ]
        out.append(replace(e, mentions=tuple(sorted((*e.mentions, *extra), key=lambda m: m.start))) if extra else e)
    return out
