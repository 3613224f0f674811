"""Every layer in one GeoPackage, for QGIS and other desktop GIS."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import geopandas as gpd
import pandas as pd
from pandas.api.types import is_numeric_dtype

from geo.clean import clean_for_file
from outputs.files import atomic_write
from outputs.notice import notice_text

__all__ = ["write_geopackage"]


# A table holds one kind of geometry (GeoPackage readers expect it): a layer mixing lines and an area (the route
# and its road band) is written as a table per kind, the first kind under the layer's name.
_FAMILY = {"Point": "points", "LineString": "lines", "Polygon": "areas"}


def _family(geom) -> str:
    if geom is None or geom.is_empty:
        return ""
    return _FAMILY.get(geom.geom_type.removeprefix("Multi"), "other")


def _tables(name: str, gdf: gpd.GeoDataFrame) -> list[tuple[str, gpd.GeoDataFrame]]:
    families = [_family(g) for g in gdf.geometry]
    order = list(dict.fromkeys(f for f in families if f))
    if len(order) <= 1:
        return [(name, gdf)]
    return [
        (name if n == 0 else f"{name}_{family}", gdf[[f == family for f in families]]) for n, family in enumerate(order)
    ]


def _numbers(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Coordinates kept as text in the data (``alt_lat``, empty where there is none) written as numbers."""
    out = gdf.copy()
    for column in out.columns:
        if column != out.geometry.name and column.endswith(("_lat", "_lon")) and not is_numeric_dtype(out[column]):
            out[column] = pd.to_numeric(out[column].replace("", None), errors="raise")
    return out


def write_geopackage(frames: Mapping[str, gpd.GeoDataFrame], path: Path) -> None:
    """Write each frame as a layer of one GeoPackage, atomically, numbers as numbers, one geometry type per table
    (multi-part), the licence notice inside."""
    notice = notice_text()

    def write(tmp: Path) -> None:
        tmp.unlink()
        for name, gdf in frames.items():
            for table, part in _tables(name, gdf):
                clean_for_file(_numbers(part)).to_file(
                    tmp,
                    layer=table,
                    driver="GPKG",
                    # Multi-part where any part is: one type for the table, not LineString and MultiLineString.
                    promote_to_multi=any(g is not None and g.geom_type.startswith("Multi") for g in part.geometry),
                    dataset_metadata={"LICENCE": notice},
                    layer_metadata={"LICENCE": notice},
                )

    atomic_write(path, write)
