"""Shared helper: layers are unions of the data file's coverage atoms.

Because every atom belongs to one simplified coverage, any two layers built
from them share their borders exactly.
"""

from __future__ import annotations

import geopandas as gpd
import shapely
from shapely.geometry.base import BaseGeometry

from geo.load import regions

__all__ = ["atom_rows", "atom_union", "frame"]


def atom_rows(atom: str, name: str | None = None) -> gpd.GeoDataFrame:
    """Atoms of one kind, optionally only the one with a given name."""
    gdf = regions(atom)
    if name is not None:
        gdf = gdf[gdf["name"] == name].reset_index(drop=True)
    if gdf.empty:
        raise LookupError(f"no {atom!r} atom named {name!r} in the data file")
    return gdf


def atom_union(*selectors: tuple[str, str | None]) -> BaseGeometry:
    """Union of the atoms picked by ``(atom, name)`` pairs (``name`` None for all)."""
    geoms = []
    for atom, name in selectors:
        geoms.extend(atom_rows(atom, name).geometry)
    return shapely.coverage_union_all(geoms)


def frame(rows: list[dict]) -> gpd.GeoDataFrame:
    """A layer frame in EPSG:4326 from dicts holding a ``geometry`` key."""
    return gpd.GeoDataFrame(rows, geometry="geometry", crs=4326)
