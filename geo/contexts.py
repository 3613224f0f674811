"""When a place's name does not mean the place: people, products, treaties, groups, clubs, streets.

"Ararat brandy", "the Paris Agreement", "the OSCE Minsk Group", "Qarabağ FK", "George Washington",
"Washington's portrait", "Ararat Mirzoyan" name no place, nor does a language's name ("Russian: Лачинский
коридор", "Russian-speaking") or a former state's ("the Russian Empire"); "Moscow-brokered" and "the
Baku–Tbilisi–Ceyhan pipeline" still point at theirs.
"""

from __future__ import annotations

import re

from geo.gazetteer import normalise
from geo.names import (
    NAME_QUALIFIERS,
    NOT_PLACE_AFTER,
    NOT_PLACE_BEFORE,
    PERSON_AFTER,
    PERSON_CUES,
    SPORTS_CLUBS,
    SPORTS_CUES,
    SPORTS_SENTENCE_CUES,
)

__all__ = ["not_a_place"]

_SURNAME = re.compile(r"\w{2,}(?:yan|ian|ov|ova|ev|eva|dze|shvili|enko)$")
_GIVEN_BEFORE = {"Irving", "Post", "Jr", "Sr"}
_BILL = re.compile(r"\s+on\s+the\s+(?:one[\s-])?(?:dollar\s+)?(?:bill|banknote|note)\b", re.IGNORECASE)
_WORDS = re.compile(r"\w+")
# The word before a space, read backwards from the mention: "Nor " of "Nor Meghri".
_LAST_WORD_BACK = re.compile(r"[ \u00a0-](\w+)")  # "Nor Meghri", "Нор-Гетик"
_AHEAD = re.compile(r"\W*(\w+)")
_NEXT_WORD = re.compile(r"\s+(\w+)")
_PUNCT_AFTER = re.compile(r"\s*[-–—,;:(]")
_POSSESSIVE = re.compile(r"['’]s\b")
_LIKENESS_BEFORE = re.compile(r"\b(?:portrait|bust|statue|likeness|face)\s+of\s+$", re.IGNORECASE)
# After a people's adjective: its language ("Armenian: Մեղրի", "Russian-language"), or a state gone ("Empire").
_LANGUAGE_AFTER = re.compile(r"\s*:|[\s-](?:language|speaking|speakers?|romanized|transliteration)\b", re.IGNORECASE)
# "սբ. Ամենափրկիչ" (the church of the Holy Saviour), "Surb Astvatsatsin": a church, whatever village is so named.
_SAINT_BEFORE = re.compile(r"(?:(?<!\w)[Սս]բ\.|Սուրբ|\bSurb|\bSurp)\s+$")
_PEOPLES = frozenset(
    "armenian azerbaijani azeri russian georgian turkish persian iranian kurdish ukrainian english french".split()
)
# (An SSR is kept: the Armenian SSR is Armenia's land; the Russian Empire is not Russia's.)
_FORMER_STATE_AFTER = re.compile(
    r"\s+(?:Empire|Khanate|импери[яиюей]|империей|ханств[оауе]|imperiyası|xanlığı|կայսրություն\w*)(?!\w)", re.IGNORECASE
)
_FORMER_STATE_BEFORE = frozenset({"imperial", "tsarist"})  # "ceded to Imperial Russia"
# "an Armenian-majority population", "ethnic Azerbaijani refugees", "two Armenian churches": who lives or
# lived there, not which state.
_PEOPLE_AFTER = re.compile(
    r"[\s-](?:majority|minority|population|inhabitants|residents|villagers|refugees|community|communities|"
    r"church(?:es)?|monaster(?:y|ies)|cemeter(?:y|ies)|khachkars?|thinkers?|writers?|poets?|people)\b"
    # and in Russian: "армянским мыслителем", "армянских переселенцев", "армянский народ", "армянская церковь"
    r"|\s+(?:мыслител|писател|поэт|народ|населени|беженц|переселенц|общин|церк|монастыр|кладбищ|хачкар)\w*",
    re.IGNORECASE,
)


def _cued(text: str, cues: frozenset[str]) -> bool:
    return any(re.search(rf"\b{re.escape(cue)}\b", text) for cue in cues)


def _sentence(text: str, start: int) -> str:
    begin = max(text.rfind(c, 0, start) for c in ".!?;") + 1
    stops = [i for i in (text.find(c, start) for c in ".!?;") if i >= 0]
    return text[begin : min(stops) if stops else len(text)]


def _next_word(text: str, end: int) -> str:
    """The normalised word right after a mention (an English possessive 's is skipped)."""
    found = _AHEAD.match(text, end, end + 60)
    if found and found.group(1) == "s" and text[end : end + 1] in "'’":
        found = _AHEAD.match(text, found.end(), end + 60)
    return normalise(found.group(1)) if found else ""


def not_a_place(text: str, start: int, end: int, key: str, country: bool = False) -> str:
    """Why the name at ``text[start:end]`` (normalised ``key``) is not a place here, or ''.

    ``country``: the name is a country's (or its people's), which a product or a treaty after it
    does not undo.
    """
    before = text[max(0, start - 40) : start]
    prev = normalise(before).split()
    if prev and prev[-1] in PERSON_CUES:
        return "a person's name"
    qualifier = _LAST_WORD_BACK.match(before[::-1])
    if qualifier and qualifier.group(1)[::-1] in NAME_QUALIFIERS:
        return "part of a longer name"
    after = text[end : end + 120]  # what follows a name, within the few words the rules look at
    nxt = _NEXT_WORD.match(after)
    following = nxt.group(1) if nxt and not _PUNCT_AFTER.match(after) else ""
    # "Ararat Mirzoyan": a place name used as a given name, before a surname of the region.
    if following[:1].isupper() and (following in _GIVEN_BEFORE or _SURNAME.search(following)):
        return "a person's name"
    if country and ((prev and prev[-1] in _FORMER_STATE_BEFORE) or _FORMER_STATE_AFTER.match(after)):
        return "a former state"
    # a people's adjective: English "Armenian", Russian "армянским" (lower case)
    if country and (key in _PEOPLES or text[start].islower()):
        if _LANGUAGE_AFTER.match(after):
            return "a language's name"
        if _PEOPLE_AFTER.match(after) or (prev and prev[-1] in {"ethnic", "этнический", "этнических"}):
            return "a people, not its state"
    if _POSSESSIVE.match(after) and _next_word(text, end) in PERSON_AFTER:
        return "a person's likeness"
    if _BILL.match(after) or (before.rstrip()[-2:].lower() == "of" and _LIKENESS_BEFORE.search(before)):
        return "a person's likeness"
    # "Armenian wine" is still Armenia's; "Ararat brandy" and "Paris Agreement" are not the places.
    if following and not country and normalise(following) in NOT_PLACE_AFTER:
        return f"names a {normalise(following)}"
    tail = " ".join(prev[-2:])
    if prev and (prev[-1] in NOT_PLACE_BEFORE or tail in NOT_PLACE_BEFORE):
        return "names a treaty or a club"
    if key in SPORTS_CLUBS:
        # A paragraph about football makes every club's name in it the club's, not the place's.
        if _cued(normalise(text), SPORTS_CUES) or _cued(normalise(_sentence(text, start)), SPORTS_SENTENCE_CUES):
            return "a sports club"
    if ("բ" in before or "Sur" in before) and _SAINT_BEFORE.search(before):
        return "a church or a saint"
    return ""
