"""The one function that builds the Folium map; the app, the CLI and the export all call it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import folium
import geopandas as gpd

from geo.i18n import DEFAULT, LANGUAGES, N_, check_language, scripts_catalogue
from geo.load import read_bytes
from geo.region import MAP_CENTRE, RELIEF_BOX, WORLD_BOX
from layers import registry
from layers.excerpts import events
from layers.route import TRIPP_ROUTE
from layers.spec import Layer
from layers.story import OPENING_VIEW, views
from render.assets import Delivery, apply_leaflet
from render.basemap import TILE_BASEMAPS
from render.corpus import article_steps, corpus_payload, corpus_story_options, is_corpus
from render.elements import (
    CompactGeoJson,
    CorpusExcerpts,
    DataAttribution,
    LanguageMenu,
    LocatorInset,
    MapAccessibility,
    MapLabels,
    MapLanguages,
    MapLegend,
    ReliefOverlay,
    StoryControl,
    TimeControl,
    WheelAfterClick,
)
from render.excerpts import excerpt_features
from render.features import layer_features
from render.html import esc, isolate
from render.i18n import say
from render.inset import inset_options
from render.labels import label_payload
from render.page import Page
from render.story import DEFAULT_TITLE, story_options
from render.text_version import text_version_html

__all__ = ["CREDITS", "MapOptions", "build_map", "legend_rows"]

CREDITS = [
    N_("© OpenStreetMap contributors (ODbL)"),
    N_("Natural Earth (relief, the world around)"),
    N_("GSHHG rivers (LGPL)"),
    N_("GeoNames (CC BY 4.0)"),
    N_("places and dates: Wikipedia (CC BY-SA) and reporting, cited per feature"),
    N_("route derived by tripp-map"),
]


@dataclass(frozen=True)
class MapOptions:
    """What a map shows. Frozen and hashable, so the app can cache on it."""

    layers: tuple[str, ...] = field(default_factory=lambda: tuple(registry.layer_names()))
    basemap: str = "bundled"
    assets: Delivery = "inline"
    title: str = "The TRIPP corridor"
    # In the app the map is a frame of the page: the page's keys step its story too.
    in_app: bool = False
    # The page carries the map in words below it (the export; the app shows it in a tab).
    text_version: bool = False
    # A lesson's opening date: the day the title step shows ("" for today).
    opening_date: str = ""
    # The language the map opens in, and the others its page carries (its menu and #lang= switch to them).
    lang: str = DEFAULT
    languages: tuple[str, ...] = ()

    def carried(self) -> tuple[str, ...]:
        """Every language the page carries, the opening one first, then the menu's order."""
        wanted = {check_language(self.lang), *(check_language(lang) for lang in self.languages)}
        return (self.lang, *(lang for lang in LANGUAGES if lang in wanted and lang != self.lang))


FIRST_DAY = "1900-01-01"  # the time control's first day: before the oldest event of the timeline


def _timeline(lang: str) -> list[dict[str, str]]:
    """The events as the time control's ticks: a full ISO day to sort by, the date as written, the title (HTML)."""
    out = []
    for event in events():
        year, month, day = ([*event["date"].split("-"), "01", "01"])[:3]
        title = event["title"]  # a message of the catalogue (its data strings)
        out.append({"date": f"{year}-{month}-{day}", "when": esc(event["date"]), "title": say(title, lang)})
    return out


def legend_rows(layers: tuple[Layer, ...]) -> list[tuple[str, dict, str]]:
    """The legend of these layers, topmost first; a row two layers share is listed once."""
    rows: dict[str, tuple[str, dict, str]] = {}
    for layer in reversed(layers):
        for row in layer.legend:
            rows.setdefault(row.label, (row.label, dict(row.style), row.kind))
    return list(rows.values())


def key_entries(layers: tuple[Layer, ...]) -> list[tuple[str, dict, str, tuple[str, ...], tuple | None]]:
    """The key in view: :func:`legend_rows` less what the map names directly, each with its layers."""
    rows: dict[str, list] = {}
    for layer in reversed(layers):
        for row in layer.legend:
            if row.direct:
                continue
            entry = rows.setdefault(row.label, [row.label, dict(row.style), row.kind, (), row.when])
            entry[3] = (*entry[3], layer.name)
    return [tuple(entry) for entry in rows.values()]  # type: ignore[misc]


def build_map(options: MapOptions | None = None, frames: Mapping[str, gpd.GeoDataFrame] | None = None) -> folium.Map:
    """The map: layers, legend, tooltips and popups, excerpts and the story control.

    Parameters
    ----------
    options : what to show and how to load Leaflet (see :class:`MapOptions`).
    frames : layer frames to draw instead of the registry's (an article's excerpts).
    """
    options = options or MapOptions()
    wanted = set(registry.check_names(options.layers))
    shown = tuple(layer for layer in registry.LAYERS if layer.name in wanted)
    delivery = options.assets
    lang = options.lang
    figure = Page(title=esc(options.title), lang=lang)
    # Arrow keys step the story rather than pan the map (the zoom buttons and the mouse still move it).
    m = folium.Map(
        location=[MAP_CENTRE[1], MAP_CENTRE[0]],
        zoom_start=7,
        tiles=None,
        control_scale=True,
        zoom_snap=0.25,
        keyboard=False,
        # The world around is drawn this far: no zoom or pan shows the edge of the data.
        min_zoom=5,
        max_bounds=True,
        min_lon=WORLD_BOX[0],
        min_lat=WORLD_BOX[1],
        max_lon=WORLD_BOX[2],
        max_lat=WORLD_BOX[3],
    )
    figure.add_child(m)
    apply_leaflet(m, delivery)
    catalogue = MapLanguages(lang, {}, delivery, options.in_app)  # its messages once the layers say what the map is
    m.add_child(catalogue)

    bundled = folium.FeatureGroup(
        name=say("Bundled basemap (offline)", lang), overlay=False, show=options.basemap == "bundled"
    )
    bundled.add_child(ReliefOverlay(read_bytes("relief.webp"), RELIEF_BOX, delivery))
    m.add_child(bundled)
    if options.basemap in TILE_BASEMAPS:
        title, url, attribution = TILE_BASEMAPS[options.basemap]
        folium.TileLayer(url, name=title, attr=attribution, overlay=False, control=True).add_to(m)

    # The story's options, and what the text version lists: one article's excerpts, or many articles' places.
    story = None
    excerpts = corpus = None
    link = "#tripp-text" if options.text_version else ""
    for layer in shown:
        gdf = (frames or {}).get(layer.name)
        gdf = gdf if gdf is not None else registry.build_layer(layer.name)
        group = folium.FeatureGroup(name=say(layer.title, lang), show=layer.shown)
        if layer.kind == "excerpt" and is_corpus(gdf):
            corpus = corpus_payload(gdf)
            group.add_child(CorpusExcerpts(corpus, options.title, delivery))
            story = corpus_story_options(options.title, corpus, article_steps(corpus), options.in_app, link, lang)
        elif layer.kind == "excerpt":
            feats, places = excerpt_features(layer, gdf, lang)
            excerpts = gdf
            story = story_options(options.title, gdf, places, options.in_app, link, options.opening_date, lang)
            group.add_child(CompactGeoJson(feats, layer.name, delivery))
        else:
            group.add_child(CompactGeoJson(layer_features(layer, gdf, lang), layer.name, delivery))
        m.add_child(group)

    catalogue.carry(scripts_catalogue(options.carried(), corpus=corpus is not None))
    m.add_child(MapLabels(label_payload(layer.name for layer in shown), delivery))
    folium.LayerControl(collapsed=True, position="topleft").add_to(m)
    m.add_child(LocatorInset(inset_options(), delivery))
    dated = tuple(layer.name for layer in shown if layer.period)
    m.add_child(MapLegend(key_entries(shown), delivery=delivery, dated=dated, lang=lang))
    m.add_child(DataAttribution(CREDITS, delivery, lang))
    if any(layer.period for layer in shown):
        m.add_child(TimeControl(_timeline(lang), FIRST_DAY, delivery))
    label = N_("Map of {title}: the proposed railway across Armenia's Syunik province and its region")
    title = {"msg": options.title} if options.title == DEFAULT_TITLE else isolate(options.title)
    m.add_child(MapAccessibility((label, {"title": title}), delivery))
    m.add_child(WheelAfterClick(delivery))
    if story is not None:
        m.add_child(StoryControl(story, delivery))
    else:
        south_west, north_east = views()[OPENING_VIEW]
        m.fit_bounds([list(south_west), list(north_east)])
    # Last: the address's language (#lang=) is applied once every control is on the map.
    m.add_child(LanguageMenu(delivery))
    if options.text_version:
        route = registry.build_layer(TRIPP_ROUTE.name) if TRIPP_ROUTE.name in wanted else None
        figure.add_after(text_version_html(options.title, route, excerpts, corpus, lang))
    return m
