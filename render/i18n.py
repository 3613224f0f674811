"""The map's words as HTML in a language, marked so the page can change language in place (``static/i18n.js``).

``say`` writes a message as ``<span data-t>…</span>`` (with its slots, the message and their values) and
``say_name`` a place's name as ``data-tn``: the text is in the map's opening language, the mark tells the
script to write it in another. Every text is escaped here.
"""

from __future__ import annotations

import json

from geo.i18n import format_day, format_number, is_message, is_place_name, place_name, tr
from render.html import esc

__all__ = ["element", "say", "say_name", "say_text", "word_list", "words", "words_text"]


def _slot(value: object, lang: str) -> str:
    """A slot's text: ``{"day": iso}``, ``{"name": english}``, ``{"num": n}`` and ``{"msg": m}`` in ``lang``."""
    if isinstance(value, dict):
        if "day" in value:
            return format_day(str(value["day"]), lang)
        if "name" in value:
            return place_name(str(value["name"]), lang)
        if "num" in value:
            return format_number(float(value["num"]), lang)  # type: ignore[arg-type]
        if "msg" in value:
            return tr(str(value["msg"]), lang)
        if "names" in value:
            return ", ".join(words_text(n, lang) for n in value["names"])  # type: ignore[union-attr]
    return str(value)


def say_text(message: str, lang: str, **slots: object) -> str:
    """A message's text in ``lang`` with its slots filled (not HTML)."""
    return tr(message, lang, **{k: _slot(v, lang) for k, v in slots.items()})


def say(message: str, lang: str, **slots: object) -> str:
    """A message as escaped HTML in ``lang``, marked for the page's language menu: with its slots, the message
    and the slots' values; without, a bare mark (the script reads the message back from the text)."""
    if not slots:
        return f"<span data-t>{esc(tr(message, lang))}</span>"
    args = esc(json.dumps(slots, ensure_ascii=False, sort_keys=True))
    return f'<span data-t="{esc(message)}" data-ta="{args}">{esc(say_text(message, lang, **slots))}</span>'


def say_name(name: str, lang: str) -> str:
    """A place's name as escaped HTML in ``lang``, marked for the language menu."""
    return f"<span data-tn>{esc(place_name(name, lang))}</span>"


def element(tag: str, text: object, lang: str) -> str:
    """``<tag>text</tag>``, escaped, its text in ``lang`` (:func:`words_text`) and unmarked: a popup's cells and a
    tooltip are read back from their text by the script on a change of language (``.tripp-pop`` cells, tooltips),
    so a thousand of them add nothing to the page."""
    return f"<{tag}>{esc(words_text(text, lang))}</{tag}>"


def words_text(text: object, lang: str) -> str:
    """A place's name or a message in ``lang``, other data as it is (text, not HTML)."""
    value = "" if text is None else str(text)
    if is_place_name(value):
        return place_name(value, lang)
    return tr(value, lang) if is_message(value) else value


def words(text: object, lang: str) -> str:
    """A place's name or a message in ``lang``, marked for the language menu (``data-tn``, ``data-t``); other data
    as it is. Escaped HTML."""
    value = "" if text is None else str(text)
    if is_place_name(value):
        return say_name(value, lang)
    return say(value, lang) if is_message(value) else esc(value)


def word_list(texts: list[str], lang: str) -> str:
    """Places as a finder lists them ("Meghri, Armenia"), in ``lang``, as one element the script rewrites."""
    return f"<span data-tl>{esc(', '.join(words_text(t, lang) for t in texts))}</span>"
