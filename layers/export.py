"""The standalone HTML export: one file, the same map the app shows, the same bytes every time."""

from __future__ import annotations

import re

from geo.articles import Article
from layers.mapbuilder import MapOptions, build_map
from layers.registry import layer_names

__all__ = ["export_html", "render_html", "stable_ids"]

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


def render_html(m) -> str:
    """A built map as a complete, deterministic HTML page that fills its container."""
    page = m.get_root().render()
    # An embedding iframe may be any size: the map fills it, phone-sized included.
    page = page.replace("<head>", '<head>\n<meta name="viewport" content="width=device-width, initial-scale=1">', 1)
    return stable_ids(page)


def export_html(
    layers: tuple[str, ...] | None = None,
    article: Article | None = None,
    title: str = "The TRIPP corridor",
    cdn: bool = False,
) -> str:
    """The map as one HTML document.

    Parameters
    ----------
    layers : layer names to include (default: all).
    article : annotate this article instead of the seed.
    title : the page title.
    cdn : load Leaflet from a CDN (lighter; needs the internet) instead of inlining it.
    """
    options = MapOptions(layers=tuple(layers or layer_names()), assets="cdn" if cdn else "inline", title=title)
    excerpts = None
    if article is not None:
        from layers.excerpts import excerpts_layer

        excerpts = excerpts_layer(article)
    return render_html(build_map(options, excerpts))
