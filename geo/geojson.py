"""Deterministic RFC 7946 GeoJSON text from a GeoDataFrame."""

from __future__ import annotations

import json

import geopandas as gpd
import shapely
from shapely.geometry import mapping

from geo.clean import clean_for_web

__all__ = ["feature_collection", "to_geojson"]

# 6 decimals is 0.1 m: finer than any source, and it keeps bytes stable.
_DECIMALS = 6


def feature_collection(gdf: gpd.GeoDataFrame, decimals: int = _DECIMALS) -> dict:
    """A GeoJSON FeatureCollection dict: EPSG:4326, right-hand rule, no empty geometry."""
    clean = clean_for_web(gdf)
    geom_col = clean.geometry.name
    features = []
    for record in clean.to_dict("records"):
        geom = shapely.orient_polygons(record.pop(geom_col))
        coords = mapping(geom)
        features.append(
            {
                "type": "Feature",
                "properties": record,
                "geometry": {**coords, "coordinates": _round_to(coords["coordinates"], decimals)},
            }
        )
    return {"type": "FeatureCollection", "features": features}


def _round_to(value, decimals: int):
    if isinstance(value, float):
        return round(value, decimals)
    if isinstance(value, (list, tuple)):
        return [_round_to(v, decimals) for v in value]
    return value


def to_geojson(gdf: gpd.GeoDataFrame) -> str:
    """Compact, key-sorted GeoJSON text (same frame, same bytes)."""
    return json.dumps(feature_collection(gdf), ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"
