"""Layer ``places``: capitals, towns and stations as points, with their sources.

A place two sources put in different spots carries the second position in
``alt_lat``/``alt_lon``/``alt_source``; the map draws both, linked.
"""

from __future__ import annotations

from functools import cache

import geopandas as gpd
import shapely

from geo.i18n import N_
from geo.load import read_csv_rows
from layers.spec import SOURCE, Field, Layer, LegendRow, listed

__all__ = ["PLACES", "place_points", "places"]


@cache
def _places() -> gpd.GeoDataFrame:
    rows = read_csv_rows("places.csv")
    records = [
        {
            **{k: v for k, v in row.items() if k not in ("lat", "lon")},
            "geometry": shapely.Point(float(row["lon"]), float(row["lat"])),
        }
        for row in rows
    ]
    return gpd.GeoDataFrame(records, geometry="geometry", crs=4326)


def places() -> gpd.GeoDataFrame:
    """Every place in ``geo/data/places.csv``, transcribed from the shared reference."""
    return _places().copy()


def place_points() -> dict[str, shapely.Point]:
    """Place id → point."""
    return dict(_places().set_index("id").geometry.items())


_STYLE = {"radius": 4, "color": "#222222", "weight": 1.5, "fillColor": "#ffffff", "fillOpacity": 1.0}


def _style(record) -> dict[str, object]:
    if record.get("kind") == "capital":
        return {**_STYLE, "radius": 6, "fillColor": "#222222"}
    return dict(_STYLE)


def _position(record) -> str:
    point = record["geometry"]
    return f"{point.y:.4f}, {point.x:.4f}"


PLACES = Layer(
    name="places",
    title=N_("Places and stations"),
    kind="point",
    build=lambda _: places(),
    style=_style,
    legend=(LegendRow(N_("Place or station"), _STYLE, "point"),),
    popup=(
        Field(N_("Also written"), listed("alt_names")),
        Field(N_("Role"), "role"),
        Field(N_("Country"), "country"),
        Field(N_("Position"), _position),
        Field(N_("Note"), "note"),
        SOURCE,
    ),
    key=lambda record: f"place-{record['id']}",
)
