"""How a name is read at a word of a text: the longest name starting there, as written or in a dictionary form.

A name is looked up as written; then, for one word, in its dictionary forms (Russian cases and adjectives,
Armenian and Azerbaijani case endings), in Latin letters for an Armenian word, and for a capitalised
Azerbaijani word by how it sounds against the villages the data spells otherwise (see :mod:`geo.spellings`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from geo.evidence import deep as _deep
from geo.gazetteer import Gazetteer, Place, normalise, same_place
from geo.morphology import armenian_forms, azerbaijani_stems, is_cyrillic, russian_forms
from geo.spellings import armenian_latin, russian_latin

__all__ = ["is_proper", "match_at", "may_start"]

_ARMENIAN = re.compile(r"[\u0531-\u0587]")
# A word of an enumeration: after a comma, or before a comma or "and".
_LISTED_BEFORE = re.compile(r",\s*$")
_LISTED_AFTER = re.compile(r"\s*(?:,|və\b|and\b|и\b)")


def _lookup(keys: list[str], gaz: Gazetteer) -> tuple[Place, ...]:
    return gaz.candidates(keys[0] if len(keys) == 1 else " ".join(filter(None, keys)))


@lru_cache(maxsize=65536)
def _forms(word: str, key: str, azerbaijani: bool) -> tuple[str, ...]:
    """Other keys a word may stand for: its dictionary forms."""
    if is_cyrillic(word):
        return tuple(normalise(f) for f in russian_forms(word))
    stems = armenian_forms(word)
    # then in Latin letters: many villages have no Armenian name in the data ("Կուրիս" is Kuris)
    latin = tuple(x for x in map(armenian_latin, (word, *stems)) if x)
    forms = tuple(normalise(f) for f in stems) + latin
    if azerbaijani and word[:1].isupper():
        forms += azerbaijani_stems(key)
    return forms


def may_start(groups: list[str], keys: list[str], gaz: Gazetteer, azerbaijani: bool) -> list[int]:
    """The words (as written, and normalised) a name may start at: :func:`match_at` passes over every other
    word at once (most words of a text), so the finder asks it only about these."""
    first_words = gaz.first_words
    return [
        i
        for i, (word, key) in enumerate(zip(groups, keys, strict=True))
        if not ("a" <= word[0] <= "z" and key != "the")
        and (
            (head := key.partition(" ")[0]) in first_words or not head.isascii() or (azerbaijani and word[0].isupper())
        )
    ]


def match_at(text: str, words: list, keys: list[str], joins: list[bool], i: int, gaz: Gazetteer, azerbaijani: bool):
    """The longest name starting at word ``i`` (one of the words :func:`may_start` lists): (words, candidates,
    how it was read) or None."""
    head = keys[i].split(" ", 1)[0]
    forms = None
    longest = gaz.first_words.get(head, 0)
    if not longest:
        # Most words start no name: only a word in another script, or a capitalised Azerbaijani one with an
        # ending (may_start passes no other), or a Russian adjective of a place, may still.
        word = words[i].group()
        if word[:1].islower() and is_cyrillic(head) and head[:4] not in gaz.cyrillic_prefixes():
            return None
        forms = _forms(words[i].group(), keys[i], azerbaijani)
        longest = max((gaz.first_words.get(f.split(" ", 1)[0], 0) for f in forms), default=0)
        if not longest:
            if is_cyrillic(head) and word[:1].isupper():
                found = _with_latin((), word, gaz)
                if found:
                    return 1, found, f"read as {found[0].name}"
            listed = _LISTED_BEFORE.search(text, 0, words[i].start()) or _LISTED_AFTER.match(text, words[i].end())
            return _sounding(word, keys[i], gaz, azerbaijani) if listed else None
    longest = min(longest, len(words) - i)
    if longest > 1 and not is_cyrillic(head):
        longest = _reach(keys, joins, i, longest, gaz)
    for n in range(longest, 0, -1):
        if not all(joins[i : i + n - 1]):
            continue
        surface = text[words[i].start() : words[i + n - 1].end()]
        proper = is_proper(surface, keys[i], gaz) or (
            n > 1 and is_cyrillic(surface) and words[i + n - 1].group()[0].isupper()
        )
        # ("озеро Гош": a Russian feature's name starts with its lower-case kind)
        if not proper and not (n == 1 and is_cyrillic(surface)):
            continue
        found = _lookup(keys[i : i + n], gaz) if proper else ()
        if not found and proper and " " in keys[i] and n == 1:
            found = gaz.candidates(keys[i].split(" ", 1)[0])  # Bakü'den: the name before a Turkish suffix
        if found and n == 1 and _ARMENIAN.search(surface) and all(map(_deep, found)):
            # "Սյունիքի" is a hamlet of the deep list and the genitive of Syunik: the province's form wins.
            forms = forms if forms is not None else _forms(words[i].group(), keys[i], azerbaijani)
            for form in forms:
                better = tuple(p for p in _lookup([form], gaz) if not _deep(p))
                if better and _trusted(better[0]):
                    return 1, better, f"read as {form.title()}"
        if not found and n > 1 and proper and _ARMENIAN.search(surface):
            for stem in armenian_forms(keys[i + n - 1]):
                found = _lookup([*keys[i : i + n - 1], stem], gaz)
                if found:
                    return n, found, f"read as {' '.join([*keys[i : i + n - 1], stem])}"
        if found and n == 1 and proper and is_cyrillic(surface):
            # its namesakes the data names only in Latin letters ("Цахкаван" the town, and Tsaghkavan the village)
            found = _with_latin(found, words[i].group(), gaz)
        if found:
            return n, found, ""
        if proper and is_cyrillic(surface):  # one of its words is
            lemmas = [
                (russian_forms(w.group()) or (k,))[0] for w, k in zip(words[i : i + n], keys[i : i + n], strict=True)
            ]
            found = _lookup([normalise(x) for x in lemmas], gaz)
            if found:
                return n, found, f"read as {' '.join(lemmas).title()}"
        if n == 1 and proper and is_cyrillic(surface):
            found = _with_latin((), words[i].group(), gaz)
            if found:
                return 1, found, f"read as {found[0].name}"
        if n == 1:
            # The first form that names a place of the region, else the first that names any trusted place:
            # "Аракское" is of the Araks (аракс), not of the Iranian city Arak (арак).
            far = None
            for form in forms if forms is not None else _forms(words[i].group(), keys[i], azerbaijani):
                found = _lookup([form], gaz)
                if found and (proper or not found[0].population) and _trusted(found[0]):
                    if found[0].in_region:
                        return 1, found, f"read as {form.title()}"
                    far = far or (1, found, f"read as {form.title()}")
            if far:
                return far
    return None


def _with_latin(found: tuple[Place, ...], word: str, gaz: Gazetteer) -> tuple[Place, ...]:
    """``found`` and the villages of the full list (which then need evidence) that ``word`` in Latin letters
    names: the data gives most of them no Russian name."""
    more = [p for key in russian_latin(word.rstrip(".")) for p in gaz.candidates(key) if _deep(p)]
    return found + tuple(dict.fromkeys(p for p in more if not any(same_place(p, q) for q in found)))


def _reach(keys: list[str], joins: list[bool], i: int, longest: int, gaz: Gazetteer) -> int:
    """How many words from ``i`` on may still be one name: the run stops at the first that starts none.
    (A Russian run is read word by word in its dictionary forms too, so it is not cut short here.)"""
    n = 1
    while n < longest and joins[i + n - 1] and gaz.continues(" ".join(filter(None, keys[i : i + n + 1]))):
        n += 1
    if n < longest and joins[i + n - 1] and _ARMENIAN.search(keys[i + n]):
        # "Վայոց ձորի": a two-word name with a case ending on its last word ends there
        head = " ".join(filter(None, keys[i : i + n]))
        if any(gaz.candidates(f"{head} {stem}") for stem in armenian_forms(keys[i + n])):
            n += 1
    return n


def _sounding(word: str, key: str, gaz: Gazetteer, azerbaijani: bool):
    """A capitalised one-word Azerbaijani name of a list ("…, Kolluqışlaq, …") the data spells otherwise: a
    deep-list village that sounds like it (or like it without a case ending), which then needs evidence like
    any such village."""
    if not (azerbaijani and word[:1].isupper() and " " not in key):
        return None
    for form in (key, *azerbaijani_stems(key)):
        found = gaz.sounding(form)
        if found:
            return 1, found, f"spelled {found[0].name} in the data"
    return None


def _trusted(place: Place) -> bool:
    """Whether a name reached through a word form may stand: a place of the region, a country, a
    layer or a large city (so that no stem of a Russian word lands on a far village)."""
    return (
        place.in_region
        or place.kind == "country"
        or place.population >= 400_000
        or place.tier == 1
        or (not place.source.startswith("GeoNames"))
    )


def is_proper(surface: str, key: str, gaz: Gazetteer) -> bool:
    """A name as written in prose: capitalised in scripts with case; exact case for short ones."""
    if key in gaz.case_sensitive:
        return surface.rstrip(".").replace(".", "") in {"US", "USA", "U S", "US A"} or surface in {"U.S.", "U.S.A."}
    first = surface[0]
    if surface.startswith(("the ", "The ")):
        return True
    return not first.isalpha() or not first.islower() or (not first.isascii() and first.upper() == first)
