"""The locator inset's drawing: the land of the region's part of the world as one SVG path, in the
same Web Mercator as the map, so that ``static/inset.js`` can draw the view's box on it."""

from __future__ import annotations

import math
from functools import cache

import shapely

from geo.load import read_geojson
from geo.region import INSET_BOX

__all__ = ["INSET_SIZE", "inset_options", "inset_rings", "inset_xy"]

INSET_SIZE = (180, 118)  # pixels; the box's own aspect in Web Mercator
# Seas named on the inset: where the region lies is read from them.
_SEAS = (("Black Sea", 34.5, 43.2), ("Caspian", 50.6, 41.8))


def _merc(lat: float) -> float:
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def inset_xy(lon: float, lat: float) -> tuple[float, float]:
    """A point's pixel on the inset."""
    west, south, east, north = INSET_BOX
    width, height = INSET_SIZE
    x = (lon - west) / (east - west) * width
    y = (_merc(north) - _merc(lat)) / (_merc(north) - _merc(south)) * height
    return round(x, 1), round(y, 1)


@cache
def inset_rings() -> tuple[tuple[tuple[float, float], ...], ...]:
    """The inset's land as rings of pixels (the web draws them as one SVG path, paper as one patch)."""
    land = shapely.union_all(read_geojson("inset.geojson").geometry.values)
    return tuple(
        tuple(inset_xy(lon, lat) for lon, lat in ring.coords)
        for poly in shapely.get_parts(land)
        for ring in (poly.exterior, *poly.interiors)
    )


@cache
def inset_options() -> dict:
    """The inset's land path, its box, size and seas."""
    path = "".join("M" + "L".join(f"{x:g} {y:g}" for x, y in ring) + "Z" for ring in inset_rings())
    seas = [{"name": name, "xy": inset_xy(lon, lat)} for name, lon, lat in _SEAS]
    return {"box": list(INSET_BOX), "size": list(INSET_SIZE), "land": path, "seas": seas}
