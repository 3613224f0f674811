"""Clean a GeoDataFrame for the web map, in geopandas ``explore``'s order.

1. reproject to EPSG:4326;
2. turn values JSON cannot hold (dates, lists, numpy scalars) into strings;
3. drop empty and missing geometry, unless asked to keep such rows (an article's paragraph that
   names no place stays, with a null geometry).

The input is never changed; a cleaned copy is returned.
"""

from __future__ import annotations

import json

import geopandas as gpd
import pandas as pd

__all__ = ["clean_for_file", "clean_for_web"]


def _json_safe(value: object) -> object:
    if value is None or isinstance(value, (str, bool, int, float)):
        if isinstance(value, float) and pd.isna(value):
            return None
        return value
    if hasattr(value, "item") and not isinstance(value, (list, tuple)):
        return _json_safe(value.item())
    if isinstance(value, (list, tuple)):
        return json.dumps(list(value), ensure_ascii=False, default=str)
    return str(value)


def clean_for_web(gdf: gpd.GeoDataFrame, keep_unplaced: bool = False) -> gpd.GeoDataFrame:
    """Return a copy ready for GeoJSON and Leaflet.

    Parameters
    ----------
    gdf : GeoDataFrame
        Any CRS; a frame with no CRS is taken to be EPSG:4326.
    keep_unplaced : keep rows with a missing or empty geometry, as a missing one.
    """
    out = gdf.copy()
    if out.crs is None:
        out = out.set_crs(4326)
    elif out.crs.to_epsg() != 4326:
        out = out.to_crs(4326)
    geom_col = out.geometry.name
    for column in out.columns:
        if column == geom_col:
            continue
        out[column] = out[column].map(_json_safe).astype(object)
    placed = out.geometry.notna() & ~out.geometry.is_empty
    if keep_unplaced:
        out[geom_col] = out.geometry.where(placed, None)
        return out.reset_index(drop=True)
    return out.loc[placed].reset_index(drop=True)


def clean_for_file(gdf: gpd.GeoDataFrame, keep_unplaced: bool = True) -> gpd.GeoDataFrame:
    """A copy for a typed file (GeoPackage): like :func:`clean_for_web`, but numbers stay numbers.

    Only columns holding values a file field cannot (lists, dates, mixed objects) become text.
    """
    out = clean_for_web(gdf, keep_unplaced)
    for column in gdf.columns:
        if column == gdf.geometry.name or column not in out.columns:
            continue
        if pd.api.types.is_numeric_dtype(gdf[column]) or pd.api.types.is_bool_dtype(gdf[column]):
            rows = gdf.geometry.notna() & ~gdf.geometry.is_empty
            kept = (gdf[column] if keep_unplaced else gdf.loc[rows, column]).reset_index(drop=True)
            out[column] = kept.astype(gdf[column].dtype)
    return out
