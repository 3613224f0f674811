"""Layers ``world`` and ``rivers``: the world around the region, and its rivers drawn as water.

The world is Natural Earth's 1:50m countries beyond the data box (inside it the detailed layers are
drawn), so that the map never ends at a rectangle; the rivers are GSHHG's WDBII rivers
(``geo/data/manifest.json`` has both sources and the command that rebuilds them).
"""

from __future__ import annotations

import geopandas as gpd
import shapely

from geo.i18n import N_
from geo.load import read_geojson, regions
from geo.region import DATA_BOX
from layers.palette import LAND, RIVER
from layers.spec import SOURCE, Layer, LegendRow

__all__ = ["BORDERS", "RIVERS", "WORLD", "borders", "countries", "rivers", "world"]


def countries() -> gpd.GeoDataFrame:
    """Every country in the map's world box, less the data box, one row each."""
    return read_geojson("world.geojson")


def world() -> gpd.GeoDataFrame:
    """The land of the world around, as one feature: it is filled alike and drawn without outlines (the
    ``borders`` layer draws those), so the page makes one shape of it, not a hundred."""
    land = shapely.union_all(countries().geometry.values)
    source = "Natural Earth 1:50m admin-0 countries, via world-atlas 2.0.2 (public domain)"
    return gpd.GeoDataFrame([{"name": "The world around", "source": source, "geometry": land}], crs=4326)


def borders() -> gpd.GeoDataFrame:
    """The borders and coasts of the world around and of the neighbouring countries, without the data
    box's edge, where the coarse world meets the detailed region (that seam is no line on the ground)."""
    polygons = [*countries().geometry.values, *regions("neighbor").geometry.values]
    lines = shapely.union_all([shapely.boundary(p) for p in polygons])
    # Not the seam, nor the borders Armenia's and Azerbaijan's own outlines already draw.
    own = regions()
    own = own[~own["atom"].isin(["neighbor", "water", "lake"])]
    drawn = shapely.union_all([shapely.boundary(g) for g in own.geometry.values])
    seam = shapely.union(shapely.box(*DATA_BOX).exterior.buffer(1e-3), drawn.buffer(2e-3))
    return gpd.GeoDataFrame(
        [
            {
                "name": "Borders and coasts",
                "source": "Natural Earth 1:50m; OpenStreetMap contributors (ODbL)",
                "geometry": shapely.simplify(lines.difference(seam), 0.01),
            }
        ],
        geometry="geometry",
        crs=4326,
    )


def rivers() -> gpd.GeoDataFrame:
    """Permanent rivers in the data box, one row per WDBII level (1 = largest)."""
    gdf = read_geojson("rivers.geojson")
    gdf["name"] = [f"River (WDBII level {level})" for level in gdf["level"]]
    return gdf


# Land beyond the six countries is filled without an outline: its borders are the ``borders`` layer, which
# leaves out the data box's edge.
_WORLD_STYLE = {**LAND, "interactive": False}
_BORDER_STYLE = {"color": "#7a746a", "weight": 0.8, "opacity": 1.0, "interactive": False}


def _river_style(record) -> dict[str, object]:
    # Larger rivers are drawn wider; the smallest thin enough to stay behind the story.
    width = {1: 2.2, 2: 2.0, 3: 1.4, 4: 0.9}.get(int(record.get("level") or 4), 0.9)
    return {**RIVER, "weight": width}


WORLD = Layer(
    name="world",
    title=N_("The world around (Natural Earth 1:50m)"),
    kind="polygon",
    build=lambda _: world(),
    style=_WORLD_STYLE,
    popup=(SOURCE,),
)

BORDERS = Layer(
    name="borders",
    title=N_("Borders of the world around"),
    kind="line",
    build=lambda _: borders(),
    style=_BORDER_STYLE,
    popup=(SOURCE,),
)

RIVERS = Layer(
    name="rivers",
    title=N_("Rivers"),
    kind="line",
    build=lambda _: rivers(),
    style=_river_style,
    legend=(LegendRow(N_("River"), {**RIVER, "weight": 2}, "line"),),
    popup=(SOURCE,),
)
