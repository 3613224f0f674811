"""What a person reads, in their language: the message catalogue, place names, dates and numbers.

The catalogue's source is gettext: ``geo/locale/messages.pot`` (extracted from the code by Babel) and one
``geo/locale/<lang>/LC_MESSAGES/tripp_map.po`` per language. ``scripts/catalogue.py compile`` turns them into
``geo/data/catalogue.json``, which Python reads here and the map's scripts are handed (render/elements.py),
so both read the same compiled catalogue. Place names by language are data: ``geo/data/names.csv``.

A message is an English sentence with ``{name}`` slots; a missing translation reads as the English.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Mapping
from datetime import date
from functools import cache

__all__ = [
    "DEFAULT",
    "LANGUAGES",
    "N_",
    "check_language",
    "environment_language",
    "format_day",
    "format_number",
    "is_message",
    "is_place_name",
    "language_of_text",
    "month_names",
    "place_name",
    "prefer_language",
    "scripts_catalogue",
    "tr",
]

DEFAULT = "en"
# Each language under its own name: what the language menu offers.
LANGUAGES: Mapping[str, str] = {"en": "English", "hy": "Հայերեն", "az": "Azərbaycanca", "ru": "Русский"}

# A day as each language writes it, in Babel's (CLDR) medium form; English keeps the map's "18 Sep 2023".
_DAY_PATTERNS = {"en": "{d} {MMM} {y}"}


def N_(message: str) -> str:
    """Mark a string for the catalogue where it is data (a layer's title, a key's row): translated when shown."""
    return message


def check_language(lang: str) -> str:
    """``lang`` when it is one of :data:`LANGUAGES`; a ValueError naming them otherwise."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}: choose one of {', '.join(LANGUAGES)}")
    return lang


@cache
def _catalogue() -> dict[str, dict[str, dict[str, str]]]:
    from geo.load import read_bytes  # geopandas comes with it: not on the command line's quick paths

    return json.loads(read_bytes("catalogue.json").decode("utf-8"))


def tr(message: str, lang: str = DEFAULT, /, **slots: object) -> str:
    """``message`` in ``lang`` (English when it has no translation there), its ``{slots}`` filled."""
    text = _catalogue()["messages"].get(lang, {}).get(message) or message
    return text.format(**slots) if slots else text


@cache
def _names() -> dict[str, dict[str, str]]:
    from geo.load import read_bytes

    out: dict[str, dict[str, str]] = {}
    for row in csv.DictReader(io.StringIO(read_bytes("names.csv").decode("utf-8"))):
        out.setdefault(row["lang"], {})[row["key"]] = row["name"]
    return out


def place_name(name: str, lang: str = DEFAULT) -> str:
    """A place's name in ``lang`` (``names.csv``), keyed by its English name; the English name when there is none.

    Contested places are keyed by both names ("Khankendi / Stepanakert") and keep both in every language."""
    return _names().get(lang, {}).get(name, name)


@cache
def _known() -> tuple[frozenset[str], frozenset[str]]:
    """Every English key of the names, and of the translated messages (asked of every popup cell)."""
    names = frozenset(k for named in _names().values() for k in named)
    return names, frozenset(k for messages in _catalogue()["messages"].values() for k in messages)


def is_place_name(name: str) -> bool:
    """Whether ``names.csv`` names this place in some language."""
    return name in _known()[0]


def is_message(text: str) -> bool:
    """Whether the catalogue translates ``text`` into some language."""
    return text in _known()[1]


@cache
def month_names(lang: str) -> tuple[str, ...]:
    """The twelve months, abbreviated, in the form a day is written with (CLDR's, through Babel)."""
    from babel import Locale

    if lang == "en":
        return ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
    months = Locale.parse(lang).months["format"]["abbreviated"]
    return tuple(months[n] for n in range(1, 13))


@cache
def day_pattern(lang: str) -> str:
    """How a day is written in ``lang``: CLDR's medium date pattern with ``{d}``, ``{MMM}`` and ``{y}`` slots."""
    if lang in _DAY_PATTERNS:
        return _DAY_PATTERNS[lang]
    from babel import Locale

    pattern = Locale.parse(lang).date_formats["medium"].pattern
    # Quoted literals ('г.') first, so their letters are not read as fields.
    pieces = re.split(r"('[^']*')", pattern)
    out = []
    for piece in pieces:
        if piece.startswith("'"):
            out.append(piece.strip("'"))
        else:
            out.append(re.sub(r"d+", "{d}", re.sub(r"M{3,}|L{3,}", "{MMM}", re.sub(r"y+", "{y}", piece))))
    return "".join(out)


def format_day(iso: str, lang: str = DEFAULT) -> str:
    """An ISO day ("2023-09-19") as ``lang`` writes it; a year or a month alone, or anything else, as given."""
    try:
        day = date.fromisoformat(str(iso))
    except ValueError:
        return str(iso)
    return day_pattern(lang).format(d=day.day, MMM=month_names(lang)[day.month - 1], y=day.year)


def format_number(value: float, lang: str = DEFAULT, digits: int = 0) -> str:
    """A number with ``lang``'s group and decimal separators (Babel)."""
    from babel.numbers import format_decimal

    return format_decimal(round(value, digits), format=f"#,##0{'.' + '0' * digits if digits else ''}", locale=lang)


def environment_language(environ: Mapping[str, str]) -> str:
    """The command line's language, as gettext reads it: the first of LANGUAGE (a list, "hy:ru"), LC_ALL,
    LC_MESSAGES and LANG that is set ("hy_AM.UTF-8"); English for none of ours, or "C"."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            return prefer_language(",".join(part.split(".")[0] for part in value.split(":")))
    return DEFAULT


def prefer_language(accepted: str | None) -> str:
    """The first of :data:`LANGUAGES` an Accept-Language header (or a locale such as "hy-AM") asks for."""
    ranked = []
    for n, part in enumerate((accepted or "").split(",")):
        tag, _, q = part.strip().partition(";q=")
        try:
            weight = float(q) if q else 1.0
        except ValueError:
            weight = 0.0
        ranked.append((-weight, n, tag.strip().lower().replace("_", "-").split("-")[0]))
    for _, _, tag in sorted(ranked):
        if tag in LANGUAGES:
            return tag
    return DEFAULT


_ARMENIAN = re.compile(r"[\u0531-\u058f]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_AZERBAIJANI = re.compile(r"[əƏ]|\b(və|üçün|ilə|bu|olan|da|də)\b", re.IGNORECASE)
_LATIN = re.compile(r"[A-Za-z]")


def language_of_text(text: str) -> str:
    """The language a paragraph is written in, of the four, from its letters: Armenian letters are Armenian,
    Cyrillic Russian, Latin with ə (or Azerbaijani's commonest words) Azerbaijani, other Latin English.
    The most frequent script wins; "" when the text has no letters of these scripts."""
    counts = {
        "hy": len(_ARMENIAN.findall(text)),
        "ru": len(_CYRILLIC.findall(text)),
        "latin": len(_LATIN.findall(text)),
    }
    best = max(counts, key=lambda k: counts[k])
    if not counts[best]:
        return ""
    if best != "latin":
        return best
    return "az" if len(_AZERBAIJANI.findall(text)) >= 2 else "en"


# What only a map of many articles says.
_CORPUS_FILES = frozenset({"render/corpus.py", "render/static/corpus.js"})


def scripts_catalogue(langs: tuple[str, ...], corpus: bool = False) -> dict[str, object]:
    """What the map's scripts need for each of ``langs``: its messages, place names, months and day pattern,
    and each language under its own name (the menu). The messages' and names' English keys are listed once
    (``keys``, ``names``), each language's texts in their order ("" for none): a page carries four languages.
    Only the map's messages are carried (those of ``render``, ``layers`` and ``geo``), not the app's or paper's;
    a map of many articles' own only with ``corpus``."""
    on_map = {k for k, files in _catalogue()["map"].items() if corpus or not set(files) <= _CORPUS_FILES}
    keys = sorted({k for lang in langs for k in _catalogue()["messages"].get(lang, {}) if k in on_map})
    names = sorted({k for lang in langs for k in _names().get(lang, {})})
    out: dict[str, object] = {"keys": keys, "names": names, "langs": {}}
    for lang in langs:
        messages, named = _catalogue()["messages"].get(lang, {}), _names().get(lang, {})
        out["langs"][lang] = {  # type: ignore[index]
            "name": LANGUAGES[lang],
            # A language with no translations (English) carries none: "" for every key is left out.
            "messages": [messages.get(k, "") for k in keys] if messages else [],
            "names": [named.get(k, "") for k in names] if named else [],
            "months": list(month_names(lang)),
            "day": day_pattern(lang),
        }
    return out
