"""The bundled vector basemap: sea and a background, so the map reads with no tiles."""

from __future__ import annotations

from functools import cache

import geopandas as gpd
import shapely

from geo.load import manifest, regions
from layers._atoms import frame

__all__ = ["TILE_BASEMAPS", "region_bounds", "sea"]

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
    box = shapely.box(*manifest()["files"]["regions.geojson"]["region_box"])
    land = shapely.union_all(regions().geometry.values)
    # Within the data's box all land belongs to one of the six countries, so
    # what is left is the Caspian Sea.
    water = box.difference(land)
    parts = [p for p in shapely.get_parts(water) if p.area > 0.01]
    return frame(
        [
            {
                "name": "Caspian Sea",
                "source": "derived: the data box less every land polygon",
                "geometry": shapely.MultiPolygon(parts) if len(parts) > 1 else parts[0],
            }
        ]
    )


def sea() -> gpd.GeoDataFrame:
    """The Caspian Sea inside the data's box."""
    return _sea().copy()


def region_bounds() -> list[list[float]]:
    """[[south, west], [north, east]] of the story's region, for fitting the map on open."""
    return [[38.3, 43.0], [41.9, 50.4]]
