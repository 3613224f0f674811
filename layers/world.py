"""Layers ``world`` and ``rivers``: the world around the region, and its rivers drawn as water.

The world is Natural Earth's 1:50m countries beyond the data box (inside it the detailed layers are
drawn), so that the map never ends at a rectangle; the rivers are GSHHG's WDBII rivers
(``geo/data/manifest.json`` has both sources and the command that rebuilds them).
"""

from __future__ import annotations

import geopandas as gpd

from geo.load import read_geojson
from layers.palette import POLYGON, RIVER, merged
from layers.spec import SOURCE, Layer, LegendRow

__all__ = ["RIVERS", "WORLD", "rivers", "world"]


def world() -> gpd.GeoDataFrame:
    """Every country in the map's world box, less the data box."""
    return read_geojson("world.geojson")


def rivers() -> gpd.GeoDataFrame:
    """Permanent rivers in the data box, one row per WDBII level (1 = largest)."""
    gdf = read_geojson("rivers.geojson")
    gdf["name"] = [f"River (WDBII level {level})" for level in gdf["level"]]
    return gdf


_WORLD_STYLE = merged(
    POLYGON, {"color": "#8f8a80", "fillColor": "#e4e0d8", "fillOpacity": 1.0, "weight": 0.7, "interactive": False}
)


def _river_style(record) -> dict[str, object]:
    # Larger rivers are drawn wider; the smallest thin enough to stay behind the story.
    width = {1: 2.2, 2: 2.0, 3: 1.4, 4: 0.9}.get(int(record.get("level") or 4), 0.9)
    return {**RIVER, "weight": width}


WORLD = Layer(
    name="world",
    title="The world around (Natural Earth 1:50m)",
    kind="polygon",
    build=lambda _: world(),
    style=_WORLD_STYLE,
    popup=(SOURCE,),
)

RIVERS = Layer(
    name="rivers",
    title="Rivers",
    kind="line",
    build=lambda _: rivers(),
    style=_river_style,
    legend=(LegendRow("River", {**RIVER, "weight": 2}, "line"),),
    popup=(SOURCE,),
)
