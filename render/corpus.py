"""Many articles on one map: excerpts grouped by place, as data for ``static/corpus.js``.

One symbol per place (drawn on a canvas, sized by how many excerpts name it) instead of one
marker per excerpt; a place's popup lists its excerpts newest first, built when it is opened.
An excerpt naming only far places is grouped at a callout on the region's edge, toward them.
Every text is escaped here.
"""

from __future__ import annotations

import json

import geopandas as gpd
import shapely

from geo.i18n import N_
from geo.region import in_region
from layers.story import OPENING_VIEW, views
from render.excerpts import callout_point
from render.html import esc, isolate
from render.i18n import say
from render.story import title_html, title_step

__all__ = ["article_steps", "corpus_payload", "corpus_story_options", "is_corpus"]


def is_corpus(gdf: gpd.GeoDataFrame) -> bool:
    """Whether an excerpts frame holds more than one article (and is drawn grouped by place)."""
    return "article" in gdf.columns and gdf["article"].nunique() > 1


def _spots(row) -> list[tuple[str, float, float, bool]]:
    """(name, lat, lon, far) of each place an excerpt is drawn at."""
    if row.geometry is None or row.geometry.is_empty:
        return []
    parts = list(shapely.get_parts(row.geometry))
    names = str(row.placed_at).split("; ")
    if len(names) != len(parts):
        names = [f"{p.y:.2f}, {p.x:.2f}" for p in parts]
    out = []
    for name, point in zip(names, parts, strict=True):
        if in_region(point.x, point.y):
            out.append((name, round(point.y, 4), round(point.x, 4), False))
        else:
            edge = callout_point(point)
            out.append((name, round(edge.y, 4), round(edge.x, 4), True))
    return out


def corpus_payload(gdf: gpd.GeoDataFrame) -> dict:
    """``{articles, spots, excerpts}`` for ``TrippMap.addCorpus`` (see ``static/corpus.js``).

    A spot is a place excerpts are drawn at, with the excerpts naming it, newest first.
    """
    articles: dict[int, dict] = {}
    places: dict[tuple, dict] = {}
    order: dict[tuple, int] = {}
    excerpts = []
    for row in gdf.sort_values(["article", "paragraph"], kind="stable").itertuples():
        number = int(row.article)
        art = articles.setdefault(
            number,
            {
                "t": esc(isolate(row.title)),
                "d": esc(row.date or ""),
                "s": esc(isolate(row.source or "")),
                "n": 0,
                "e": len(excerpts),
            },
        )
        art["n"] += 1
        ids = []
        for name, lat, lon, far in _spots(row):
            key = (name, lat, lon)
            if key not in places:
                order[key] = len(order)
                places[key] = {"n": esc(name), "ll": [lat, lon], "f": int(far), "e": []}
            places[key]["e"].append(len(excerpts))
            ids.append(order[key])
        named = json.loads(row.places)
        excerpts.append(
            {
                "a": list(articles).index(number),
                "p": int(row.paragraph),
                "x": esc(row.text),
                "q": esc(", ".join(named) or "no place named"),
                "g": ids,
            }
        )
    dates = [a["d"] for a in articles.values()]
    for place in places.values():
        # Newest first, undated last ("" sorts below every date); the stable sort keeps reading order within a day.
        place["e"].sort(key=lambda i: dates[excerpts[i]["a"]], reverse=True)
    return {"articles": list(articles.values()), "spots": list(places.values()), "excerpts": excerpts}


def article_steps(payload: dict) -> list[dict]:
    """One story step per article (the corpus's contents): its title, date, source and places, framed."""
    steps = []
    for number, art in enumerate(payload["articles"]):
        span = range(art["e"], art["e"] + art["n"])
        ids = sorted({g for i in span for g in payload["excerpts"][i]["g"]})
        points = [payload["spots"][g]["ll"] for g in ids]
        bounds = None
        if points:
            lats, lons = [p[0] for p in points], [p[1] for p in points]
            bounds = [[min(lats), min(lons)], [max(lats), max(lons)]]
        names = ", ".join(payload["spots"][g]["n"] for g in ids[:8]) + (" …" if len(ids) > 8 else "")
        meta = " · ".join(x for x in (art["d"] or "undated", art["s"], f"{art['n']} paragraphs") if x)
        html = (
            f'<p class="tripp-step-meta">{meta}</p><p class="tripp-step-text">Places: {names or "none"}</p>'
            f'<p><button type="button" class="tripp-read-article" data-article="{number}">'
            "Read this article step by step</button></p>"
        )
        steps.append(
            {
                "key": None,
                "title": art["t"],
                "html": html,
                "bounds": bounds,
                "view": None if bounds else "route",
                "zoom": 9 if len(points) == 1 else None,
                "show": [],
                "hide": [],
                "date": None,
                "spots": ids,
            }
        )
    return steps


CORPUS_HOW_TO = N_(
    "Each step is one article: Next and → go through them, and “Read this article step by step” opens its "
    "paragraphs. On the map each circle is a place, sized by how many excerpts name it; click one for the list, "
    "newest first. Filter the articles by words of their title or source, and by date, at the top left."
)


def corpus_story_options(
    title: str, payload: dict, article_steps: list[dict], parent_keys: bool, text_link: str, lang: str = "en"
) -> dict:
    """The story of a map of many articles: a title step, then one step per article (see ``corpus.js``)."""
    dates = sorted(a["d"] for a in payload["articles"] if a["d"])
    span = say("from {first} to {last}", lang, first=dates[0], last=dates[-1]) if dates else say("undated", lang)
    counts = say(
        "{articles} articles · {excerpts} excerpts",
        lang,
        articles={"num": len(payload["articles"])},
        excerpts={"num": len(payload["excerpts"])},
    )
    first = title_step(title, f"{counts} · {span}", CORPUS_HOW_TO, lang)
    named_views = {name: [list(corner) for corner in box] for name, box in views().items()}
    return {
        "title": title_html(title, lang),
        "steps": [first, *article_steps],
        "views": named_views,
        "opening": OPENING_VIEW,
        "parentKeys": parent_keys,
        "textLink": text_link,
    }
