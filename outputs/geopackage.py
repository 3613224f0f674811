"""Every layer in one GeoPackage, for QGIS and other desktop GIS."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import geopandas as gpd

from geo.clean import clean_for_file
from outputs.files import atomic_write
from outputs.notice import notice_text

__all__ = ["write_geopackage"]


def write_geopackage(frames: Mapping[str, gpd.GeoDataFrame], path: Path) -> None:
    """Write each frame as a layer of one GeoPackage, atomically, numbers as numbers, the licence notice inside."""
    notice = notice_text()

    def write(tmp: Path) -> None:
        tmp.unlink()
        for name, gdf in frames.items():
            clean_for_file(gdf).to_file(
                tmp, layer=name, driver="GPKG", dataset_metadata={"LICENCE": notice}, layer_metadata={"LICENCE": notice}
            )

    atomic_write(path, write)
