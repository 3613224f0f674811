"""Layer ``places``: capitals, towns and stations as points, with their sources."""

from __future__ import annotations

import geopandas as gpd
import shapely

from geo.load import read_csv_rows

__all__ = ["places"]


def places() -> gpd.GeoDataFrame:
    """Every place in ``geo/data/places.csv``, transcribed from the shared reference."""
    rows = read_csv_rows("places.csv")
    records = [
        {
            **{k: v for k, v in row.items() if k not in ("lat", "lon")},
            "geometry": shapely.Point(float(row["lon"]), float(row["lat"])),
        }
        for row in rows
    ]
    return gpd.GeoDataFrame(records, geometry="geometry", crs=4326)
