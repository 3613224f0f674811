"""Other spellings of a settlement's name that the press writes and the sources leave out.

- English romanisation of Azerbaijani Latin, as English Wikipedia and the wires write village names:
  "Kiçik Qaladərəsi" is "Kichik Galadarasi", "Ağbulaq" is "Aghbulag", "Cəmilli" is "Jamilli".
- A name without its apostrophe of aspiration: GeoNames' "K'araglukh" is written "Karaglukh".
- Armenian letters in Latin (BGN/PCGN, as GeoNames and Who's On First spell villages with no Armenian
  name): "Կուրիս" is "Kuris", "Լեհվազ" is "Lehvaz".
- Russian letters in Latin, as the region's names are romanised from Armenian and Azerbaijani: "Цахкаван"
  is "Tsaghkavan" (Armenian ղ, Russian х), "Беркабер" is "Berkaber".
- How a one-word Azerbaijani name sounds, for the villages the data spells in a Russian romanisation:
  "Kolluqışlaq" and "Kollugıslaq", "Vəliqulubəyli" and "Velikulubeyli", "Üdgün" and "Udkun" sound alike.
- A descriptive name ("İstisu qəsəbəsi", the settlement of İstisu) is the name of the place it
  describes, not another one: such a name is not kept as a settlement's own.
"""

from __future__ import annotations

import re

__all__ = ["SOUND_MIN", "armenian_latin", "descriptive", "russian_latin", "sound", "variants"]

# Azerbaijani letter → its English romanisation (Wikipedia's convention for the region's villages).
_ENGLISH = str.maketrans(
    {"ə": "a", "Ə": "A", "ç": "ch", "Ç": "Ch", "ş": "sh", "Ş": "Sh", "ğ": "gh", "Ğ": "Gh", "x": "kh", "X": "Kh",
     "q": "g", "Q": "G", "c": "j", "C": "J", "ı": "i", "I": "I", "ö": "o", "Ö": "O", "ü": "u", "Ü": "U"}
)  # fmt: skip
# Letters that mark a Latin name as Azerbaijani: a name without any is already spelled as in English.
_AZERBAIJANI = re.compile(r"[əƏçÇşŞğĞıöÖüÜqQxX]")
_LATIN = re.compile(r"[\sa-zA-ZəƏçÇşŞğĞıİöÖüÜ'’ʼ-]+")
_APOSTROPHE = re.compile(r"(?<=\w)['’ʼ](?=\w)")
# "X qəsəbəsi", "X kəndi", "X şəhəri": the settlement, village or town of X.
_DESCRIPTIVE = re.compile(r"\s(?:qəsəbəsi|kəndi|şəhəri)$", re.IGNORECASE)


# BGN/PCGN for Armenian, lower case (the gazetteer's keys are): ու is u; ե and ո are ye and vo at a word's start.
_ARMENIAN = dict(
    zip(
        "աբգդեզէըթժիլխծկհձղճմյնշոչպջռսվտրցփքօֆ",
        "a b g d e z e y t zh i l kh ts k h dz gh ch m y n sh o ch p j r s v t r ts p k o f".split(),
        strict=True,
    )
)


def armenian_latin(word: str) -> str:
    """An Armenian word in Latin letters, lower case ("" if it holds other letters)."""
    low = word.lower().replace("ու", "u").replace("և", "ev")
    out = []
    for i, c in enumerate(low):
        if c in "եո" and i == 0:
            out.append("ye" if c == "ե" else "vo")
        elif c in _ARMENIAN:
            out.append(_ARMENIAN[c])
        elif c in "uev":  # from ու and և above
            out.append(c)
        else:
            return ""
    return "".join(out)


_RUSSIAN = dict(
    zip(
        "абвгдеёжзийклмнопрстуфцчшщыэюя",
        "a b v g d e yo zh z i y k l m n o p r s t u f ts ch sh shch y e yu ya".split(),
        strict=True,
    )
)


def russian_latin(word: str) -> tuple[str, ...]:
    """A Russian word in Latin letters, lower case: х as kh and as gh (Armenian ղ, Azerbaijani ğ, written х in
    Russian); () if it holds other letters."""
    low = word.lower()
    if not low or any(c not in _RUSSIAN and c not in "хьъ" for c in low):
        return ()
    out = []
    for x in ("kh", "gh"):
        table = {**_RUSSIAN, "х": x, "ь": "", "ъ": ""}
        # е after a vowel or at the start is ye ("Ереван", "Шиен")
        latin = "".join(
            "ye" if c == "е" and (i == 0 or low[i - 1] in "аеиоуыэюя") else table[c] for i, c in enumerate(low)
        )
        if latin not in out:
            out.append(latin)
    return tuple(out) if "х" in low else tuple(out[:1])


def descriptive(name: str) -> bool:
    """Whether a name describes a place by another's name ("İstisu qəsəbəsi")."""
    return _DESCRIPTIVE.search(name) is not None


def variants(name: str) -> tuple[str, ...]:
    """Spellings of ``name`` the press writes besides it, without it (empty when there are none)."""
    out: list[str] = []
    if _APOSTROPHE.search(name):
        out.append(_APOSTROPHE.sub("", name))
    if _LATIN.fullmatch(name) and _AZERBAIJANI.search(name):
        out.append(name.replace("İ", "I").translate(_ENGLISH))
    return tuple(dict.fromkeys(v for v in out if v != name))


# Spellings of one sound, longest first, on a normalised key (ə is e, ı is i, ç is c, ş is s already).
_SOUNDS = (
    ("dzh", "j"), ("kh", "h"), ("gh", "k"), ("ch", "c"), ("sh", "s"), ("zh", "j"), ("yu", "u"), ("yo", "o"),
    ("ya", "a"), ("ye", "e"), ("x", "h"), ("q", "k"), ("g", "k"), ("y", "i"), ("a", "e"), ("j", "c"),
)  # fmt: skip
_DOUBLE = re.compile(r"(.)\1+")
SOUND_MIN = 5  # letters: shorter names sound like too many words


def sound(key: str) -> str:
    """A normalised one-word name reduced to how it sounds (see the module's notes)."""
    for spelled, said in _SOUNDS:
        key = key.replace(spelled, said)
    return _DOUBLE.sub(r"\1", key)
