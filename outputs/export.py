"""The standalone HTML export: one file, the same map the app shows, the same bytes every time."""

from __future__ import annotations

import re

import folium
import geopandas as gpd

from geo.articles import Article
from layers.registry import corpus_excerpts, layer_names, spec
from render.mapbuilder import MapOptions, build_map

__all__ = ["excerpt_frames", "export_html", "export_page", "render_html", "stable_ids"]

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
) -> str:
    """The map as one HTML document.

    Parameters
    ----------
    layers : layer names to include (default: all).
    article : annotate this article instead of the seed.
    title : the page title.
    cdn : load Leaflet from a CDN (lighter; needs the internet) instead of inlining it.
    articles : annotate these articles (more than one: grouped by place, with filters) instead of the seed.
    """
    chosen = (*((article,) if article is not None else ()), *articles)
    excerpts = corpus_excerpts(chosen) if chosen else None
    return export_page(layers, excerpts, title=title, cdn=cdn)


def export_page(
    layers: tuple[str, ...] | None,
    excerpts: gpd.GeoDataFrame | None,
    title: str = "The TRIPP corridor",
    cdn: bool = False,
) -> str:
    """The export page of already annotated excerpts (the seed's when None): what the CLI and the app write."""
    options = MapOptions(
        layers=tuple(layers or layer_names()), assets="cdn" if cdn else "inline", title=title, text_version=True
    )
    return render_html(build_map(options, excerpt_frames(excerpts)))
