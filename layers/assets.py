"""Leaflet from installed packages, never from a CDN unless asked.

``xstatic-leaflet`` 1.9.3 is the Leaflet folium 0.20 was built against. Three
ways to deliver it:

- ``inline``: script and stylesheet written into the page, images as data
  URIs (the offline export, and tests);
- ``served``: URLs under a prefix the app serves from the same machine
  (Streamlit's static serving), so nothing leaves the machine;
- ``cdn``: the public CDN, for a lighter export that needs the internet.
"""

from __future__ import annotations

import base64
import re
import shutil
from functools import cache
from pathlib import Path

import folium
import xstatic.pkg.leaflet as xleaflet
from branca.element import Element

__all__ = ["CDN", "LEAFLET_VERSION", "apply_assets", "copy_served_assets", "leaflet_css", "leaflet_js"]

LEAFLET_VERSION = xleaflet.VERSION
_DIR = Path(xleaflet.BASE_DIR)
CDN = {
    "js": f"https://cdn.jsdelivr.net/npm/leaflet@{LEAFLET_VERSION}/dist/leaflet.js",
    "css": f"https://cdn.jsdelivr.net/npm/leaflet@{LEAFLET_VERSION}/dist/leaflet.css",
}


@cache
def leaflet_js() -> str:
    """Leaflet's minified script from the installed package."""
    return (_DIR / "leaflet.js").read_text(encoding="utf-8")


@cache
def leaflet_css() -> str:
    """Leaflet's stylesheet with its images inlined as data URIs."""
    css = (_DIR / "leaflet.css").read_text(encoding="utf-8")

    def inline(match: re.Match) -> str:
        data = base64.b64encode((_DIR / "images" / match.group(1)).read_bytes()).decode("ascii")
        return f"url(data:image/png;base64,{data})"

    return re.sub(r"url\(images/([\w.-]+\.png)\)", inline, css)


def _no_script_end(text: str) -> str:
    # Leaflet's source holds no "</script"; keep it that way if it ever does.
    return text.replace("</script", "<\\/script")


def _raw(text: str) -> str:
    if "{% endraw %}" in text:
        raise ValueError("asset text cannot be wrapped in a Jinja raw block")
    return "{% raw %}" + text + "{% endraw %}"


def apply_assets(m: folium.Map, mode: str = "inline", prefix: str = "/app/static/leaflet") -> None:
    """Point the map at Leaflet by ``mode``; drop folium's other CDN assets.

    The map draws with Leaflet alone: no jQuery, Bootstrap or icon fonts are
    used by any element the builder adds.
    """
    if mode == "inline":
        m.default_js = []
        m.default_css = []
        header = m.get_root().header
        # branca compiles an Element's text as a Jinja template: keep Leaflet out of it.
        header.add_child(Element(_raw(f"<style>{leaflet_css()}</style>")), name="leaflet_css")
        header.add_child(Element(_raw(f"<script>{_no_script_end(leaflet_js())}</script>")), name="leaflet_js")
    elif mode == "served":
        m.default_js = [("leaflet", f"{prefix}/leaflet.js")]
        m.default_css = [("leaflet_css", f"{prefix}/leaflet.css")]
    elif mode == "cdn":
        m.default_js = [("leaflet", CDN["js"])]
        m.default_css = [("leaflet_css", CDN["css"])]
    else:
        raise ValueError(f"unknown asset mode {mode!r}")


def copy_served_assets(folder: Path) -> None:
    """Put Leaflet where the app serves static files (idempotent)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("leaflet.js", "leaflet.css"):
        target = folder / name
        source = _DIR / name
        if not target.exists() or target.stat().st_size != source.stat().st_size:
            shutil.copyfile(source, target)
    images = folder / "images"
    images.mkdir(exist_ok=True)
    for png in (_DIR / "images").glob("*.png"):
        if not (images / png.name).exists():
            shutil.copyfile(png, images / png.name)
