"""The standalone HTML export: one file, the same map the app shows, the same bytes every time."""

from __future__ import annotations

import base64
import hashlib
import re

import folium
import geopandas as gpd

from geo.articles import Article
from geo.i18n import LANGUAGES
from layers.registry import corpus_excerpts, layer_names, spec
from render.mapbuilder import MapOptions, build_map

__all__ = ["content_policy", "excerpt_frames", "export_html", "export_page", "render_html", "stable_ids"]

_FOLIUM_VIEWPORT = re.compile(r'\s*<meta name="viewport"[^>]*user-scalable=no[^>]*/>')
_RANDOM_ID = re.compile(r"\b([a-z_]+?)_([0-9a-f]{32})(?![0-9a-f])")


def stable_ids(page: str) -> str:
    """Replace folium's random element ids with numbered ones, in order of appearance."""
    seen: dict[str, str] = {}

    def number(match: re.Match) -> str:
        full = match.group(0)
        if full not in seen:
            seen[full] = f"{match.group(1)}_{len(seen) + 1}"
        return seen[full]

    return _RANDOM_ID.sub(number, page)


def render_html(m: folium.Map) -> str:
    """A built map as a complete, deterministic HTML page that fills its container."""
    page = m.get_root().render()
    # folium's own viewport tag blocks pinch-zoom; one tag that allows it replaces it.
    page = _FOLIUM_VIEWPORT.sub("", page)
    # An embedding iframe may be any size: the map fills it, phone-sized included.
    page = page.replace("<head>", '<head>\n<meta name="viewport" content="width=device-width, initial-scale=1">', 1)
    return stable_ids(page)


_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.S)
_INLINE_STYLE = re.compile(r"<style[^>]*>(.*?)</style>", re.S)
_SCRIPT_SRC = re.compile(r'<script[^>]*\bsrc="(https://[^"/]+)/')
_LINK_HREF = re.compile(r'<link[^>]*\bhref="(https://[^"/]+)/')


def _hashes(pattern: re.Pattern, page: str) -> list[str]:
    found = []
    for body in pattern.findall(page):
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
        token = f"'sha256-{digest}'"
        if token not in found:
            found.append(token)
    return found


def content_policy(page: str) -> str:
    """A Content-Security-Policy for the page: its own inline scripts and style sheets by their hashes, nothing
    else (with ``--cdn``, Leaflet's host too); images and fonts only from the page itself (``data:``)."""
    hosts = sorted(set(_SCRIPT_SRC.findall(page)) | set(_LINK_HREF.findall(page)))
    scripts = " ".join([*_hashes(_INLINE_SCRIPT, page), *hosts])
    styles = " ".join([*_hashes(_INLINE_STYLE, page), *hosts])
    return (
        f"default-src 'none'; script-src {scripts}; style-src-elem {styles}; style-src-attr 'unsafe-inline'; "
        "img-src data: blob:; font-src data:; base-uri 'none'; form-action 'none'"
    )


def with_policy(page: str) -> str:
    """The page with its policy as the first element of its head, before any script runs."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{content_policy(page)}">'
    return page.replace("<head>", "<head>\n" + meta, 1)


def excerpt_frames(excerpts: gpd.GeoDataFrame | None) -> dict[str, gpd.GeoDataFrame]:
    """The frames that replace the registry's for an article: its excerpts under each excerpt layer's name."""
    if excerpts is None:
        return {}
    return {name: excerpts for name in layer_names() if spec(name).kind == "excerpt"}


def export_html(
    layers: tuple[str, ...] | None = None,
    article: Article | None = None,
    title: str = "The TRIPP corridor",
    cdn: bool = False,
    articles: tuple[Article, ...] = (),
    lang: str = "en",
    languages: tuple[str, ...] = tuple(LANGUAGES),
) -> str:
    """The map as one HTML document.

    Parameters
    ----------
    layers : layer names to include (default: all).
    article : annotate this article instead of the seed.
    title : the page title.
    cdn : load Leaflet from a CDN (lighter; needs the internet) instead of inlining it.
    articles : annotate these articles (more than one: grouped by place, with filters) instead of the seed.
    lang : the language the page opens in; ``languages``: those its menu offers (default: all four).
    """
    chosen = (*((article,) if article is not None else ()), *articles)
    excerpts = corpus_excerpts(chosen) if chosen else None
    return export_page(layers, excerpts, title=title, cdn=cdn, lang=lang, languages=languages)


def export_page(
    layers: tuple[str, ...] | None,
    excerpts: gpd.GeoDataFrame | None,
    title: str = "The TRIPP corridor",
    cdn: bool = False,
    opening_date: str = "",
    lang: str = "en",
    languages: tuple[str, ...] = tuple(LANGUAGES),
) -> str:
    """The export page of already annotated excerpts (the seed's when None): what the CLI and the app write."""
    options = MapOptions(
        layers=tuple(layers or layer_names()),
        assets="cdn" if cdn else "inline",
        title=title,
        text_version=True,
        opening_date=opening_date,
        lang=lang,
        languages=languages,
    )
    # The file is opened anywhere, embedded in other people's pages: it runs only its own code.
    return with_policy(render_html(build_map(options, excerpt_frames(excerpts))))
