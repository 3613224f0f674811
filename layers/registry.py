"""Every layer, in drawing order, as a list of specs; each built once per process.

Adding a layer: write its module (the function that builds the frame and its
:class:`~layers.spec.Layer` spec beside it) and add the spec to ``LAYERS``.
Nothing else in the project names it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from functools import cache

import geopandas as gpd
import shapely

from geo.articles import Article
from geo.gazetteer import REGION, Gazetteer, Place
from layers import anchors, corridors, countries, excerpts, karabakh, places, regions, route, world
from layers.spec import Layer, LayerError

__all__ = [
    "LAYERS",
    "LayerError",
    "anchored_names",
    "article_excerpts",
    "build_layer",
    "check_names",
    "corpus_excerpts",
    "layer_names",
    "place_finder",
    "spec",
    "worked_out_place",
]

# Drawing order: context first, the story's subject last (on top).
LAYERS: tuple[Layer, ...] = (
    world.WORLD,
    regions.NEIGHBORS,
    world.BORDERS,
    regions.WATER,
    countries.AZERBAIJAN,
    countries.NAKHCHIVAN,
    countries.ARMENIA,
    karabakh.KARABAKH,
    regions.SYUNIK,
    world.RIVERS,
    regions.ENCLAVES,
    corridors.CORRIDORS,
    route.TRIPP_ROUTE,
    places.PLACES,
    excerpts.EXCERPTS,
)


def layer_names() -> list[str]:
    """All layer names in drawing order."""
    return [layer.name for layer in LAYERS]


def spec(name: str) -> Layer:
    """The spec of one layer."""
    for layer in LAYERS:
        if layer.name == name:
            return layer
    raise LayerError(f"unknown layer {name}; known layers: {', '.join(layer_names())}")


def check_names(names: Iterable[str]) -> tuple[str, ...]:
    """``names`` as given, after checking each is a layer (one message naming every unknown one)."""
    wanted = tuple(names)
    unknown = [n for n in wanted if n not in layer_names()]
    if unknown:
        raise LayerError(f"unknown layer {', '.join(unknown)}; known layers: {', '.join(layer_names())}")
    return wanted


class _Catalogue:
    """What the registry offers a layer's ``build``."""

    def place_finder(self) -> Gazetteer:
        return place_finder()


@cache
def _built(layer: Layer) -> gpd.GeoDataFrame:
    try:
        return layer.build(_Catalogue())
    except LayerError:
        raise
    except Exception as exc:
        raise LayerError(f"layer {layer.name}: cannot be built: {exc}") from exc


def build_layer(name: str) -> gpd.GeoDataFrame:
    """A copy of one layer, so callers cannot change the cached one."""
    return _built(spec(name)).copy()


@cache
def layer_place(name: str) -> Place:
    """The place an article's mention of a layer is drawn at: the layer's anchor; or a project place whose
    position is worked out from the layers (the Dilucu gate). Read from the prebuilt anchors while the data
    they were worked out from is unchanged (see :mod:`layers.anchors`); otherwise worked out (builds the layer)."""
    kept = anchors.stored(name)
    return worked_out_place(name) if kept is None else _place_at(name, kept)


def anchored_names() -> tuple[str, ...]:
    """Every name :func:`layer_place` is asked for: the layers an article may name, and the lazy places."""
    return (*(layer.name for layer in LAYERS if layer.aliases), *excerpts.LAZY_PLACES)


def worked_out_place(name: str) -> Place:
    """:func:`layer_place`, worked out from the layers (building the one named)."""
    lazy = excerpts.lazy_place(name)
    if lazy is not None:
        return lazy
    layer = spec(name)
    gdf = _built(layer)
    point = layer.anchor(gdf) if layer.anchor else shapely.union_all(gdf.geometry.values).representative_point()
    return _place_at(name, (point.x, point.y))


def _place_at(name: str, at: tuple[float, float]) -> Place:
    lazy = excerpts.lazy_place(name, at)
    return lazy if lazy is not None else replace(_stand_in(spec(name)), lon=at[0], lat=at[1])


@cache
def _stand_in(layer: Layer) -> Place:
    """A layer's place before its anchor is known: coordinates NaN, resolved by :func:`layer_place`."""
    nan = float("nan")
    kind = layer.place_kind
    return Place(layer.name, layer.aliases[0], nan, nan, REGION, layer=layer.name, source="tripp-map layer", kind=kind)


def place_finder() -> Gazetteer:
    """The gazetteer joined with the project's places and the layers an article may name."""
    named = tuple((_stand_in(layer), layer.aliases) for layer in LAYERS if layer.aliases)
    return excerpts.place_finder(named, layer_place)


def article_excerpts(article: Article) -> gpd.GeoDataFrame:
    """The excerpts layer of any article."""
    return excerpts.excerpts_layer(article, place_finder())


def corpus_excerpts(articles: Iterable[Article], budget_s: float | None = None) -> gpd.GeoDataFrame:
    """The excerpts layer of many articles, each row keeping its article (``budget_s``: for them all)."""
    return excerpts.corpus_excerpts(articles, place_finder(), budget_s)
