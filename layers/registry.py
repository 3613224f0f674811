"""Every layer by name, in drawing order, built once per process."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import geopandas as gpd

from layers import countries, places, regions

__all__ = ["LAYERS", "LayerError", "build_layer", "layer_names"]


class LayerError(RuntimeError):
    """A layer could not be built."""


def _lazy(module: str, func: str) -> Callable[[], gpd.GeoDataFrame]:
    # Route, corridors and excerpts import more; load them only when asked.
    def build() -> gpd.GeoDataFrame:
        import importlib

        return getattr(importlib.import_module(f"layers.{module}"), func)()

    return build


# Drawing order: context first, the story's subject last (on top).
LAYERS: dict[str, Callable[[], gpd.GeoDataFrame]] = {
    "neighbors": regions.neighbors,
    "water": regions.water,
    "azerbaijan": countries.azerbaijan,
    "nakhchivan": countries.nakhchivan,
    "armenia": countries.armenia,
    "karabakh": regions.karabakh,
    "syunik": regions.syunik,
    "enclaves": regions.enclaves,
    "corridors": _lazy("corridors", "corridors"),
    "tripp_route": _lazy("route", "tripp_route"),
    "places": places.places,
    "excerpts": _lazy("excerpts", "seed_excerpts"),
}


def layer_names() -> list[str]:
    """All layer names in drawing order."""
    return list(LAYERS)


@cache
def _built(name: str) -> gpd.GeoDataFrame:
    try:
        return LAYERS[name]()
    except Exception as exc:
        raise LayerError(f"cannot build layer {name!r}: {exc}") from exc


def build_layer(name: str) -> gpd.GeoDataFrame:
    """A copy of one layer, so callers cannot change the cached one."""
    if name not in LAYERS:
        raise LayerError(f"unknown layer {name!r}; known layers: {', '.join(LAYERS)}")
    return _built(name).copy()
