"""Dictionary forms of inflected place names: Russian, Armenian and Azerbaijani.

- Russian: ``pymorphy3`` with its OpenCorpora dictionaries. Case forms go to the nominative
  (Ереване → ереван) and adjectives of places to their place (Нахичеванской → нахичеванский,
  whose stem names Нахичевань).
- Armenian and Azerbaijani: case endings are taken off a name (Երևանում → Երևան, Naxçıvana →
  Naxçıvan); the finder accepts a stem only when it names a place of the region. ``simplemma`` was
  tried for Armenian: it gives the same stems for the region's names, but loading its Armenian
  dictionary costs about half a second at the first Armenian word, and it has no Azerbaijani.

pymorphy3 is imported the first time a Cyrillic text is read, so an English article does not pay for it.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

__all__ = ["armenian_forms", "azerbaijani_stems", "has_azerbaijani", "russian_forms"]

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_ARMENIAN = re.compile(r"[\u0530-\u058f]")
# Azerbaijani case and possessive endings on a normalised key (ə → e, ı → i, ş → s, ç → c, ğ → g).
_AZ_ENDINGS = (
    "daki", "deki", "nin", "nun", "dan", "den", "tan", "ten", "yla", "yle",
    "da", "de", "ta", "te", "ya", "ye", "na", "ne", "in", "un", "a", "e", "i", "u",
)  # fmt: skip
_AZ_LETTERS = re.compile(r"[əƏıİğĞşŞçÇ]")
# Adjective endings of Russian place adjectives in the dictionary form: нахичеванский, бакинский.
_RU_ADJ = ("ский", "цкий")
_RU_NOUN_ENDINGS = ("", "ь", "ия", "а", "я", "и", "с")  # "с": аракский → Аракс


@cache
def _morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


def is_cyrillic(word: str) -> bool:
    return bool(_CYRILLIC.search(word))


@lru_cache(maxsize=65536)
def russian_forms(word: str) -> tuple[str, ...]:
    """Dictionary forms a Russian word may stand for, most likely first (lower case).

    A noun gives its nominative; an adjective of a place gives its dictionary form and the
    nouns its stem may name (сюникский → сюник, нахичеванский → нахичевань …).
    """
    low = word.lower().rstrip(".")
    forms: list[str] = []
    for parse in _morph().parse(low)[:3]:
        normal = parse.normal_form
        if normal not in forms:
            forms.append(normal)
        if "ADJF" in parse.tag and normal.endswith(_RU_ADJ):
            stem = normal[:-4]
            if len(stem) >= 3:
                forms.extend(stem + ending for ending in _RU_NOUN_ENDINGS if stem + ending not in forms)
    # a name in -ай/-ей/-ой the dictionary does not know, in another case: "Нахчыванчая" is Нахчыванчай
    for ending in ("ем", "ю", "я", "е"):
        if low.endswith(ending) and len(low) > len(ending) + 3 and low[-len(ending) - 1] in "аеоу":
            guess = low[: -len(ending)] + "й"
            if guess not in forms:
                forms.append(guess)
            break
    return tuple(f for f in forms if f != low)


# Armenian case endings and the definite article, longest first: -ում (in), -ից (from), -ով (by), -ին, -ի (of/to),
# -ը, -ն (the); "Սյունիքի" → Սյունիք.
_HY_ENDINGS = ("ներում", "ներից", "ում", "ից", "ով", "ին", "ու", "ի", "ը", "ն")


@lru_cache(maxsize=65536)
def armenian_forms(word: str) -> tuple[str, ...]:
    """Stems of an Armenian word with a case ending taken off (longest ending first)."""
    if not _ARMENIAN.search(word):
        return ()
    return tuple(word[: -len(e)] for e in _HY_ENDINGS if word.endswith(e) and len(word) - len(e) >= 3)


def has_azerbaijani(text: str) -> bool:
    """Whether a text uses letters only Azerbaijani (or Turkish) writes."""
    return bool(_AZ_LETTERS.search(text))


def azerbaijani_stems(key: str) -> tuple[str, ...]:
    """Candidate stems of a normalised word with a case ending taken off (longest ending first)."""
    return tuple(key[: -len(e)] for e in _AZ_ENDINGS if key.endswith(e) and len(key) - len(e) >= 4)
