"""The bundled vector basemap: sea and a background, so the map reads with no tiles."""

from __future__ import annotations

from functools import cache

import geopandas as gpd
import shapely

from geo.load import regions
from geo.region import DATA_BOX

__all__ = ["TILE_BASEMAPS", "sea"]

# Tile basemaps for users who are online; never the default.
TILE_BASEMAPS = {
    "osm": (
        "OpenStreetMap",
        "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
        '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
    ),
    "light": (
        "Light (CARTO)",
        "https://{s}.basemaps.cartocdn.com/light_all/{z}/{x}/{y}{r}.png",
        '&copy; OpenStreetMap contributors &copy; <a href="https://carto.com/attributions">CARTO</a>',
    ),
}


@cache
def _sea() -> gpd.GeoDataFrame:
    box = shapely.box(*DATA_BOX)
    land = shapely.union_all(regions().geometry.values)
    # Within the data's box all land belongs to one of the six countries, so
    # what is left is the Caspian Sea.
    water = box.difference(land)
    parts = [p for p in shapely.get_parts(water) if p.area > 0.01]
    geom = shapely.MultiPolygon(parts) if len(parts) > 1 else parts[0]
    source = "derived: the data box less every land polygon"
    return gpd.GeoDataFrame([{"name": "Caspian Sea", "source": source, "geometry": geom}], crs=4326)


def sea() -> gpd.GeoDataFrame:
    """The Caspian Sea inside the data's box."""
    return _sea().copy()
