"""The map in words: the route described from its layer data, and the excerpts as a plain list.

For screen readers, for print, and for anyone without the map. Every text is escaped here.
"""

from __future__ import annotations

import json

import geopandas as gpd

from layers.story import HEADLINE
from render.html import esc, isolate

__all__ = ["route_sentences", "text_version_html"]


def route_sentences(route: gpd.GeoDataFrame) -> list[str]:
    """One sentence per segment of the route layer: what, where, how long, what status."""
    sentences = []
    for row in route.itertuples():
        if row.mode == "rail":
            sentences.append(
                f"{row.name}: {row.length_km:,.1f} km of railway in {row.country}, measured on the line this map "
                f"draws; status: {row.status}."
            )
        else:
            sentences.append(f"{row.name}: {row.mode} corridor in {row.country}; status: {row.status}. {row.note}")
    return sentences


def text_version_html(
    title: str,
    route: gpd.GeoDataFrame | None,
    excerpts: gpd.GeoDataFrame | None,
    corpus: dict | None = None,
) -> str:
    """A section with the route in words and every excerpt with its places, in order; for a map of many
    articles (``corpus``, see :mod:`render.corpus`), the places with how many excerpts name each (the
    articles' text is read in the story, one article at a time)."""
    parts = [
        f'<section id="tripp-text" class="tripp-text" aria-labelledby="tripp-text-h">'
        f'<h2 id="tripp-text-h">{esc(isolate(title))}: text version</h2><p>{esc(HEADLINE)}</p>'
    ]
    if route is not None and len(route):
        items = "".join(f"<li>{esc(s)}</li>" for s in route_sentences(route))
        parts.append(f"<h3>The route</h3><ul>{items}</ul>")
    if excerpts is not None and len(excerpts):
        rows = []
        for row in excerpts.itertuples():
            places = ", ".join(json.loads(row.places)) or "no place named"
            meta = " · ".join(isolate(x) for x in (row.date, row.source) if x)
            rows.append(
                f'<li><p class="tripp-text-para" dir="auto">{esc(row.text)}</p>'
                f'<p class="tripp-text-meta">Places: {esc(places)}{" · " + esc(meta) if meta else ""}</p></li>'
            )
        parts.append(f"<h3>The article, paragraph by paragraph</h3><ol>{''.join(rows)}</ol>")
    if corpus is not None:
        ranked = sorted(corpus["spots"], key=lambda p: (-len(p["e"]), p["n"]))
        items = "".join(f"<li>{p['n']}: {len(p['e']):,}</li>" for p in ranked)
        parts.append(
            f"<h3>{len(corpus['articles']):,} articles: the places they name, with how many excerpts</h3>"
            f"<p>Each article is a step of the story above; “Read this article step by step” shows its "
            f"paragraphs.</p><ul>{items}</ul>"
        )
    parts.append("</section>")
    return "".join(parts)
