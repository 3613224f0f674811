"""The project's one GeoJSON writer: deterministic RFC 7946 text.

Layers (:func:`to_geojson`) and the data build (:func:`features_text`) both
write through it, so every GeoJSON file the project makes has the same form:
EPSG:4326, right-hand rule, compact, keys sorted, coordinates rounded.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping

import geopandas as gpd
import shapely
from shapely.geometry import mapping
from shapely.geometry.base import BaseGeometry

from geo.clean import clean_for_web

__all__ = ["feature", "feature_collection", "features_text", "to_geojson"]

# 6 decimals is 0.1 m: finer than any source, and it keeps bytes stable.
_DECIMALS = 6


def _round_to(value, decimals: int):
    if isinstance(value, float):
        return round(value, decimals)
    if isinstance(value, (list, tuple)):
        return [_round_to(v, decimals) for v in value]
    return value


def feature(properties: Mapping[str, object], geom: BaseGeometry | None, decimals: int = _DECIMALS) -> dict:
    """One GeoJSON Feature dict, polygons oriented by the right-hand rule; a missing geometry is null."""
    if geom is None:
        return {"type": "Feature", "properties": dict(properties), "geometry": None}
    coords = mapping(shapely.orient_polygons(geom))
    return {
        "type": "Feature",
        "properties": dict(properties),
        "geometry": {"type": coords["type"], "coordinates": _round_to(coords["coordinates"], decimals)},
    }


def feature_collection(gdf: gpd.GeoDataFrame, decimals: int = _DECIMALS) -> dict:
    """A FeatureCollection dict of a frame: EPSG:4326, JSON-safe values; a row with no geometry
    (a paragraph that names no place) is a feature with a null geometry."""
    clean = clean_for_web(gdf, keep_unplaced=True)
    geom_col = clean.geometry.name
    features = []
    for record in clean.to_dict("records"):
        geom = record.pop(geom_col)
        features.append(feature(record, geom, decimals))
    return {"type": "FeatureCollection", "features": features}


def _text(doc: dict) -> str:
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"


def features_text(items: Iterable[tuple[Mapping[str, object], BaseGeometry]], decimals: int = _DECIMALS) -> str:
    """GeoJSON text of ``(properties, geometry)`` pairs."""
    return _text({"type": "FeatureCollection", "features": [feature(p, g, decimals) for p, g in items]})


def to_geojson(gdf: gpd.GeoDataFrame, decimals: int = _DECIMALS, about: Mapping[str, object] | None = None) -> str:
    """Compact, key-sorted GeoJSON text of a frame (same frame, same bytes); ``about`` adds top-level members
    (RFC 7946 foreign members: the file's attribution and licence travel with it)."""
    return _text({**(about or {}), **feature_collection(gdf, decimals)})
