"""Layer ``excerpts``: each paragraph of an article, drawn at the places it names."""

from __future__ import annotations

import json
from functools import cache

import geopandas as gpd
import shapely

from geo.annotate import annotate, link_events
from geo.articles import SEED, Article, read_article
from geo.gazetteer import LAYER_NAMES, TOWN, Gazetteer, Place, gazetteer
from geo.load import read_csv_rows
from layers.registry import build_layer

__all__ = ["events", "excerpts_layer", "project_gazetteer", "seed_article", "seed_excerpts"]

SEED_SOURCE = "Seed article (outlet not named in the file), seeds/000_93121d9abb5efbbd.txt"


@cache
def project_gazetteer() -> Gazetteer:
    """The gazetteer joined with the project's places and layers."""
    places = build_layer("places")
    project = []
    for row in places.itertuples():
        place = Place(row.id, row.name, row.geometry.x, row.geometry.y, TOWN, source=row.source)
        aliases = [row.name, *row.name.split(" / "), *str(row.alt_names).split(";")]
        if row.id == "washington":
            aliases += ["Washington", "White House"]
        if row.id == "nakhchivan_city":
            aliases = ["Nakhchivan city", "city of Nakhchivan", "Nakhchivan City"]
        project.append((place, tuple(a.strip() for a in aliases if a.strip())))
    from layers.corridors import dilucu_point

    dilucu = dilucu_point()
    project.append(
        (
            Place(
                "dilucu",
                "Dilucu",
                dilucu.x,
                dilucu.y,
                TOWN,
                source="placed on the Nakhchivan–Turkey border (no published coordinate)",
            ),
            ("Dilucu", "Dilucu gate", "Diluju"),
        )
    )
    layer_places = []
    for layer, (name, tier, aliases) in LAYER_NAMES.items():
        geom = build_layer(layer).geometry
        if layer == "tripp_route":
            point = geom.iloc[1].interpolate(0.5, normalized=True)  # the segment through Armenia
        else:
            point = shapely.union_all(geom.values).representative_point()
        layer_places.append((Place(layer, name, point.x, point.y, tier, layer=layer), tuple(aliases)))
    return gazetteer(tuple(project), tuple(layer_places))


@cache
def events() -> list[dict[str, str]]:
    """The timeline of events, with dates and sources."""
    return read_csv_rows("events.csv")


def excerpts_layer(article: Article) -> gpd.GeoDataFrame:
    """One feature per paragraph: verbatim text, the places found, a geometry at them.

    A paragraph naming no place is kept with an empty geometry and ``placed`` False.
    Places far outside the region are kept in ``far_places``; the excerpt is drawn
    at them only when it names nothing nearer.
    """
    rows = []
    for excerpt in annotate(article, project_gazetteer()):
        focus = excerpt.focus()
        geom = shapely.MultiPoint([(p.lon, p.lat) for p in focus]) if focus else None
        rows.append(
            {
                "paragraph": excerpt.paragraph,
                "text": excerpt.text,
                "places": json.dumps([p.name for p in excerpt.places], ensure_ascii=False),
                "far_places": json.dumps([p.name for p in excerpt.places if not p.in_region], ensure_ascii=False),
                "layers": json.dumps(sorted({p.layer for p in excerpt.places if p.layer}), ensure_ascii=False),
                "placed": bool(focus),
                "placed_at": "; ".join(p.name for p in focus) if focus else "not placed: names no place",
                "events": json.dumps(link_events(excerpt.text, events()), ensure_ascii=False),
                "date": article.date,
                "source": article.source or article.name,
                "geometry": geom,
            }
        )
    return gpd.GeoDataFrame(rows, geometry="geometry", crs=4326)


@cache
def seed_article() -> Article:
    """The article the project started from, with the metadata recorded beside it."""
    meta = json.loads(SEED.with_suffix(".json").read_text(encoding="utf-8"))
    article = read_article(SEED, source=SEED_SOURCE)
    if article.date != meta["date"]:
        raise ValueError(f"{SEED.name}: date {article.date!r} disagrees with its metadata {meta['date']!r}")
    return article


def seed_excerpts() -> gpd.GeoDataFrame:
    """The seed article's excerpts."""
    return excerpts_layer(seed_article())
