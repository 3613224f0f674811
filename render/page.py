"""The page around the map: language, a main landmark, and the text version after the map."""

from __future__ import annotations

from branca.element import Element, Figure
from jinja2 import Template

__all__ = ["Page"]


class Page(Figure):
    """A branca Figure whose page says its language and puts the map and its text in ``<main>``.

    ``after`` holds what follows the map inside ``<main>`` (the text version); its
    HTML is escaped by whoever builds it.
    """

    _template = Template(
        "<!DOCTYPE html>\n"
        '<html lang="{{ this.lang }}">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        "{% if this.title %}<title>{{ this.title }}</title>{% endif %}"
        "    {{ this.header.render(**kwargs) }}\n"
        "</head>\n"
        "<body>\n"
        '<main class="tripp-main">\n'
        "    {{ this.html.render(**kwargs) }}\n"
        "    {{ this.after.render(**kwargs) }}\n"
        "</main>\n"
        "</body>\n"
        "<script>\n"
        "    {{ this.script.render(**kwargs) }}\n"
        "</script>\n"
        "</html>\n",
    )

    def __init__(self, title: str, lang: str = "en"):
        super().__init__(title=title)
        self._name = "Page"
        self.lang = lang
        self.after = Element()
        self.after._parent = self

    def add_after(self, html: str) -> None:
        """Put escaped HTML after the map, inside ``<main>``."""
        # branca compiles an Element's text as Jinja: a brace written as a character reference is no template
        # code, and reads as "{" (the HTML holds no script or style, whose braces would need to stay).
        self.after.add_child(Element(html.replace("{", "&#123;")))
