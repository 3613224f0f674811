"""Text made safe for HTML, and data made safe for a script inside the page."""

from __future__ import annotations

import html
import json
import re

__all__ = ["esc", "isolate", "js_json", "md_literal"]


def esc(value: object) -> str:
    """Text made safe to place in HTML."""
    return html.escape("" if value is None else str(value), quote=True)


def isolate(value: object) -> str:
    """A person's text set apart for direction (U+2068 FIRST STRONG ISOLATE … U+2069 POP DIRECTIONAL
    ISOLATE): a right-to-left name, or a stray U+202E in one, cannot reorder the map's own words after it.
    Works in text, attributes and <option>s alike; empty stays empty."""
    text = "" if value is None else str(value)
    return f"\u2068{text}\u2069" if text else ""


# branca compiles each element's rendered script as a Jinja template once more,
# so "{{", "{%" and "{#" in data would be evaluated as template code. JSON's own
# structure never puts "{", "%" or "#" after "{", so only text inside strings
# matches, where \u007b still reads as "{".
_JINJA_OPENER = re.compile(r"\{(?=[{%#])")


def js_json(value: object) -> str:
    """JSON safe inside a <script> and inside branca's second Jinja pass.

    Every "<" is escaped: a script's text ends only at "</script", and "<!--" is what else changes how it is
    read. A ">" alone changes nothing there, and the map's popups carry thousands (35 KB escaped), so it
    stays as written."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    text = (
        text.replace("<", "\\u003c").replace("&", "\\u0026").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    )
    return _JINJA_OPENER.sub(r"\\u007b", text)


_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def md_literal(text: str) -> str:
    """Text that a Markdown renderer (Streamlit's) shows as written: no link, image or emphasis."""
    return _MARKDOWN.sub(r"\\\1", text)
