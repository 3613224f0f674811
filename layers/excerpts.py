"""Layer ``excerpts``: each paragraph of an article, drawn at the places it names."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable
from functools import cache

import geopandas as gpd
import shapely

from geo.annotate import BUDGET_S, annotate, link_events
from geo.articles import SEED, Article, read_article
from geo.corpus import article_title
from geo.gazetteer import TOWN, Gazetteer, Place, gazetteer
from geo.i18n import N_
from geo.load import DataError, read_csv_rows
from layers.corridors import dilucu_point
from layers.places import places
from layers.spec import Catalogue, Layer, LegendRow

__all__ = [
    "EXCERPTS",
    "LAZY_PLACES",
    "corpus_excerpts",
    "event_text",
    "event_titles",
    "events",
    "excerpts_layer",
    "place_finder",
    "seed_article",
]

# The seed's text matches word for word a Daily Sabah report (probably agency copy): credited so.
SEED_SOURCE = (
    'Daily Sabah, 10 Feb 2026, "Vance arrives in Azerbaijan as US aims to boost Caucasus peace efforts" '
    "(the seed's text matches it word for word; probably agency copy)"
)

NamedPlaces = tuple[tuple[Place, tuple[str, ...]], ...]


@cache
def _project_places() -> NamedPlaces:
    """The ``places`` layer and the Dilucu gate as place-finder entries, with their aliases."""
    entries = []
    for row in places().itertuples():
        kind = "exclave" if row.kind == "enclave" else "town"
        place = Place(row.id, row.name, row.geometry.x, row.geometry.y, TOWN, source=row.source, kind=kind)
        aliases = [row.name, *row.name.split(" / "), *str(row.alt_names).split(";")]
        if row.id == "washington":
            aliases += ["Washington", "White House"]
        if row.id == "nakhchivan_city":
            aliases = ["Nakhchivan city", "city of Nakhchivan", "Nakhchivan City"]
        entries.append((place, tuple(a.strip() for a in aliases if a.strip())))
    # Placed on a border worked out from the country shapes: a stand-in, resolved by lazy_place when first named.
    nan = float("nan")
    entries.append(
        (Place("dilucu", "Dilucu", nan, nan, TOWN, source=_DILUCU_SOURCE), ("Dilucu", "Dilucu gate", "Diluju"))
    )
    return tuple(entries)


_DILUCU_SOURCE = "placed on the Nakhchivan–Turkey border (no published coordinate)"


# Project places whose position is worked out when first named.
LAZY_PLACES = ("dilucu",)


def lazy_place(key: str, at: tuple[float, float] | None = None) -> Place | None:
    """A project place whose position is worked out when first named (the Dilucu gate), or None; ``at``: its
    position (lon, lat) when already known."""
    if key not in LAZY_PLACES:
        return None
    lon, lat = at if at is not None else dilucu_point().coords[0]
    return Place("dilucu", "Dilucu", lon, lat, TOWN, source=_DILUCU_SOURCE)


def place_finder(
    named_layers: Iterable[tuple[Place, tuple[str, ...]]], resolve: Callable[[str], Place] | None = None
) -> Gazetteer:
    """The gazetteer: the project's places, the layers an article may name, and GeoNames.

    Parameters
    ----------
    named_layers : a place for each layer with aliases, and the aliases (from the layer specs).
    resolve : a layer's name → its place, for layer places given without coordinates.
    """
    return gazetteer(_project_places(), tuple(named_layers), resolve)


@cache
def events() -> list[dict[str, str]]:
    """The timeline of events, with dates and sources."""
    return read_csv_rows("events.csv")


def event_text(event_id: str, lang: str = "en") -> str:
    """An event's title in ``lang`` (the catalogue's), with its date: "White House summit: the TRIPP named,
    2025-08-08"; an unknown id as it is."""
    from geo.i18n import tr

    for e in events():
        if e["id"] == event_id:
            return f"{tr(e['title'], lang)}, {e['date']}"
    return event_id


def event_titles() -> dict[str, str]:
    """Event id → its title with its date, in the words a reader sees ("White House summit, 2025-08-08")."""
    return {e["id"]: f"{e['title']}, {e['date']}" for e in events()}


def excerpts_layer(article: Article, finder: Gazetteer) -> gpd.GeoDataFrame:
    """One feature per paragraph: verbatim text, the places found, a geometry at them.

    A paragraph naming no place is kept with an empty geometry and ``placed`` False.
    Places far outside the region are kept in ``far_places``; the excerpt is drawn
    at them only when it names nothing nearer.
    """
    return corpus_excerpts((article,), finder)


def corpus_excerpts(articles: Iterable[Article], finder: Gazetteer, budget_s: float | None = None) -> gpd.GeoDataFrame:
    """The excerpts of many articles in one layer: each row keeps its article (number, title, date, source).

    ``budget_s``, when given, is the seconds all the articles may take together (the app's bound on one
    job); without it each article has its own (``geo.annotate.BUDGET_S``). What the budget leaves out
    shows as fewer excerpts than paragraphs, as for one article.
    """
    rows = []
    deadline = None if budget_s is None else time.monotonic() + budget_s
    for number, article in enumerate(articles, start=1):
        left = BUDGET_S if deadline is None else max(0.0, deadline - time.monotonic())
        rows += _rows(article, number, finder, left)
    if not rows:
        return gpd.GeoDataFrame({"paragraph": [], "article": []}, geometry=gpd.GeoSeries([], crs=4326))
    return gpd.GeoDataFrame(rows, geometry="geometry", crs=4326)


def _rows(article: Article, number: int, finder: Gazetteer, budget_s: float) -> list[dict]:
    title = article_title(article)
    rows = []
    for excerpt in annotate(article, finder, budget_s):
        focus = excerpt.focus()
        sure = excerpt.confidence()
        geom = shapely.MultiPoint([(p.lon, p.lat) for p in focus]) if focus else None
        rows.append(
            {
                "article": number,
                "title": title,
                "paragraph": excerpt.paragraph,
                "text": excerpt.text,
                "places": json.dumps([p.name for p in excerpt.places], ensure_ascii=False),
                "confidence": json.dumps(
                    [
                        {"place": p.name, "level": sure[p.key].confidence, "why": sure[p.key].why}
                        for p in excerpt.places
                    ],
                    ensure_ascii=False,
                ),
                # Every place with its point, so a teacher's correction redraws the excerpt (layers.corrections).
                "points": json.dumps(
                    [[p.name, round(p.lon, 5), round(p.lat, 5), p.tier, p.layer or ""] for p in excerpt.places],
                    ensure_ascii=False,
                ),
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
    return rows


@cache
def seed_article() -> Article:
    """The article the project started from, with the metadata recorded beside it."""
    meta = json.loads(SEED.with_suffix(".json").read_text(encoding="utf-8"))
    article = read_article(SEED, source=SEED_SOURCE)
    if article.date != meta["date"]:
        raise DataError(f"{SEED.name}: date {article.date!r} disagrees with its metadata {meta['date']!r}")
    return article


def excerpt_key(article: int, paragraph: int) -> str:
    """The key scripts find an excerpt by: ``excerpt-3`` in a one-article map, ``excerpt-2-3`` after that."""
    return f"excerpt-{paragraph}" if int(article) == 1 else f"excerpt-{int(article)}-{paragraph}"


def _seed_excerpts(catalogue: Catalogue) -> gpd.GeoDataFrame:
    return excerpts_layer(seed_article(), catalogue.place_finder())


_MARKER = {"color": "#1a1a1a", "fillColor": "#1a1a1a"}

EXCERPTS = Layer(
    name="excerpts",
    title=N_("Article excerpts"),
    kind="excerpt",
    build=_seed_excerpts,
    style={"color": "#1a1a1a", "fillColor": "#1a1a1a"},
    legend=(
        LegendRow(N_("Article excerpt (number = paragraph)"), {"color": "#1a1a1a", "fillColor": "#1a1a1a"}, "excerpt"),
    ),
    key=lambda record: excerpt_key(record.get("article", 1), record["paragraph"]),
)
