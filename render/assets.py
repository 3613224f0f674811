"""Leaflet and the map's own scripts and styles, from installed files, never from a CDN unless asked.

``xstatic-leaflet`` 1.9.3 is the Leaflet folium 0.20 was built against; the
map's own JavaScript and CSS are the files in ``render/static/``. Three ways
to deliver them:

- ``inline``: written into the page, images as data URIs (the offline export,
  and tests);
- ``served``: URLs the app's server answers from the installed files
  (``outputs.server``), so nothing leaves the machine;
- ``cdn``: Leaflet from the public CDN, for a lighter export that needs the
  internet; the map's own files are still inlined.

An element declares the files it needs next to itself (``scripts``,
``styles``, see :class:`AssetElement`); each file is put in the page once.
"""

from __future__ import annotations

import base64
import re
from functools import cache
from pathlib import Path
from typing import ClassVar, Literal

import folium
import xstatic.pkg.leaflet as xleaflet
from branca.element import Element, MacroElement
from folium.elements import JSCSSMixin

__all__ = [
    "CDN",
    "LEAFLET_VERSION",
    "SERVED_PREFIX",
    "STATIC_DIR",
    "AssetElement",
    "Delivery",
    "apply_leaflet",
    "leaflet_css",
    "leaflet_js",
    "served_file",
    "served_files",
    "static_text",
]

Delivery = Literal["inline", "served", "cdn"]

LEAFLET_VERSION = xleaflet.VERSION
_LEAFLET_DIR = Path(xleaflet.BASE_DIR)
STATIC_DIR = Path(__file__).parent / "static"
SERVED_PREFIX = "/tripp-map/static"  # where the app's server answers with these files (outputs.server)
CDN = {
    "js": f"https://cdn.jsdelivr.net/npm/leaflet@{LEAFLET_VERSION}/dist/leaflet.js",
    "css": f"https://cdn.jsdelivr.net/npm/leaflet@{LEAFLET_VERSION}/dist/leaflet.css",
}


@cache
def leaflet_js() -> str:
    """Leaflet's minified script from the installed package."""
    return (_LEAFLET_DIR / "leaflet.js").read_text(encoding="utf-8")


@cache
def leaflet_css() -> str:
    """Leaflet's stylesheet with its images inlined as data URIs."""
    css = (_LEAFLET_DIR / "leaflet.css").read_text(encoding="utf-8")

    def inline(match: re.Match) -> str:
        data = base64.b64encode((_LEAFLET_DIR / "images" / match.group(1)).read_bytes()).decode("ascii")
        return f"url(data:image/png;base64,{data})"

    return re.sub(r"url\(images/([\w.-]+\.png)\)", inline, css)


@cache
def static_text(name: str) -> str:
    """One of the map's own script or style files."""
    return (STATIC_DIR / name).read_text(encoding="utf-8")


_COMMENT_BLOCK = re.compile(r"^[ \t]*/\*.*?\*/[ \t]*\n", re.S | re.M)
_COMMENT_LINE = re.compile(r"^[ \t]*//[^\n]*\n", re.M)
_INDENT = re.compile(r"^[ \t]+", re.M)
_BLANK = re.compile(r"\n{2,}")


def compact(text: str) -> str:
    """A script or style as a page carries it inline: without its comment lines and indentation (a fifth of
    the files; they stay in the files the app serves). Our files write no multi-line strings, so a line that
    starts a comment is one."""
    return _BLANK.sub("\n", _INDENT.sub("", _COMMENT_LINE.sub("", _COMMENT_BLOCK.sub("", text))))


def _raw(text: str) -> str:
    # branca compiles an Element's text as a Jinja template: keep the asset out of it.
    if "{% endraw %}" in text:
        raise ValueError("asset text cannot be wrapped in a Jinja raw block")
    return "{% raw %}" + text + "{% endraw %}"


def _script(text: str) -> Element:
    safe = text.replace("</script", "<\\/script")  # no asset may end the script element early
    return Element(_raw(f"<script>{safe}</script>"))


def _style(text: str) -> Element:
    return Element(_raw(f"<style>{text}</style>"))


def apply_leaflet(m: folium.Map, mode: Delivery = "inline") -> None:
    """Point the map at Leaflet by ``mode``; drop folium's other CDN assets.

    The map draws with Leaflet alone: no jQuery, Bootstrap or icon fonts are
    used by any element the builder adds.
    """
    if mode == "inline":
        m.default_js = []
        m.default_css = []
        header = m.get_root().header
        header.add_child(_style(compact(leaflet_css())), name="leaflet_css")
        header.add_child(_script(leaflet_js()), name="leaflet_js")
    elif mode == "served":
        m.default_js = [("leaflet", f"{SERVED_PREFIX}/leaflet/leaflet.js")]
        m.default_css = [("leaflet_css", f"{SERVED_PREFIX}/leaflet/leaflet.css")]
    elif mode == "cdn":
        m.default_js = [("leaflet", CDN["js"])]
        m.default_css = [("leaflet_css", CDN["css"])]
    else:
        raise ValueError(f"unknown asset mode {mode!r}")


class AssetElement(JSCSSMixin, MacroElement):
    """A map element with the script and style files it needs, put in the page once each."""

    scripts: ClassVar[tuple[str, ...]] = ()
    styles: ClassVar[tuple[str, ...]] = ()

    def __init__(self, delivery: Delivery = "inline"):
        super().__init__()
        self.delivery = delivery
        if delivery == "served":
            self.default_js = [(f"tripp_{n}", f"{SERVED_PREFIX}/tripp/{n}") for n in self.scripts]
            self.default_css = [(f"tripp_{n}", f"{SERVED_PREFIX}/tripp/{n}") for n in self.styles]
        else:
            self.default_js = []
            self.default_css = []

    def render(self, **kwargs) -> None:
        if self.delivery != "served":
            header = self.get_root().header
            for name in self.styles:
                header.add_child(_style(compact(static_text(name))), name=f"tripp_{name}")
            for name in self.scripts:
                header.add_child(_script(compact(static_text(name))), name=f"tripp_{name}")
        super().render(**kwargs)


@cache
def served_files() -> dict[str, Path]:
    """Every file the app serves under ``SERVED_PREFIX``, by its name there."""
    files = {f"leaflet/{name}": _LEAFLET_DIR / name for name in ("leaflet.js", "leaflet.css")}
    files |= {f"leaflet/images/{png.name}": png for png in sorted((_LEAFLET_DIR / "images").glob("*.png"))}
    files |= {f"tripp/{f.name}": f for f in sorted(STATIC_DIR.glob("*.*")) if f.suffix in (".js", ".css")}
    return files


def served_file(name: str) -> Path | None:
    """The installed file behind ``SERVED_PREFIX/name``, or None: only these names, so no path leaves them."""
    return served_files().get(name)
