"""Layers ``syunik``, ``neighbors``, ``enclaves`` and ``water``."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd

from geo.i18n import N_
from geo.measure import area_km2
from layers._atoms import atom_rows
from layers.palette import COUNTRY_FILL, COUNTRY_LINE, LAND, PALETTE, POLYGON, SEA, merged
from layers.spec import AREA, SOURCE, Field, Layer, LegendRow, listed

__all__ = [
    "ENCLAVES",
    "NEIGHBORS",
    "SYUNIK",
    "WATER",
    "enclaves",
    "neighbors",
    "syunik",
    "water",
]


def _with_area(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    out = gdf.copy()
    out["area_km2"] = [round(area_km2(g), 1) for g in out.geometry]
    return out


def syunik() -> gpd.GeoDataFrame:
    """Syunik province, the Armenian province the route crosses."""
    rows = atom_rows("syunik")[["name", "source", "geometry"]]
    out = _with_area(rows)
    out["alt_names"] = "Սյունիք;Siunik"
    out["others_names"] = (
        'Zangezur: the name of the historical district; in Azerbaijan\'s usage also the "Zangezur corridor", '
        "its framing of the route (Armenia's plan is the \"Crossroads of Peace\"). Others' words, not the map's."
    )
    out["country"] = "Armenia"
    return out


def neighbors() -> gpd.GeoDataFrame:
    """Iran, Turkey, Georgia and Russia, clipped to the region."""
    return _with_area(atom_rows("neighbor")[["name", "source", "geometry"]])


def enclaves() -> gpd.GeoDataFrame:
    """The border enclaves: de jure of one country, held by the other."""
    rows = atom_rows("enclave")
    cols = ["name", "alt_names", "de_jure", "held_by", "held_since", "note", "locator_source", "source", "geometry"]
    return _with_area(rows[cols])


def water() -> gpd.GeoDataFrame:
    """Lakes and reservoirs, for the bundled basemap."""
    rows = pd.concat([atom_rows("lake"), atom_rows("water")], ignore_index=True)
    return _with_area(gpd.GeoDataFrame(rows[["name", "source", "geometry"]], geometry="geometry", crs=4326))


# Filled like the world around, without an outline: their borders are drawn by the ``borders`` layer.
_NEIGHBORS_STYLE = merged(POLYGON, {**LAND, "color": "#7a746a", "weight": 0.8})
_WATER_STYLE = merged(POLYGON, {"color": "#3f7096", "fillColor": SEA, "fillOpacity": 1.0, "weight": 0.6})
_SYUNIK_STYLE = merged(
    POLYGON,
    {
        "color": "#A33F00",
        "fillColor": PALETTE["orange"],
        "fillOpacity": 0.3,
        "weight": 2,
        "dashArray": "8 4",
    },
)
_ENCLAVE_STYLE = merged(POLYGON, {"weight": 2.5, "fillOpacity": 0.85, "dashArray": "3 3"})


def _enclave_style(record) -> dict[str, object]:
    """Fill in the de jure country's colour, edge in the holder's."""
    de_jure = "Armenia" if str(record.get("de_jure", "")).startswith("Armenia") else "Azerbaijan"
    held = "Armenia" if str(record.get("held_by", "")).startswith("Armenia") else "Azerbaijan"
    return merged(_ENCLAVE_STYLE, {"fillColor": COUNTRY_FILL[de_jure], "color": COUNTRY_LINE[held]})


def _enclave_tip(record) -> str:
    return (
        f"{record['name']}: de jure {record['de_jure']}, held by {record['held_by']} since the {record['held_since']}"
    )


NEIGHBORS = Layer(
    name="neighbors",
    title=N_("Neighbouring countries"),
    kind="polygon",
    build=lambda _: neighbors(),
    style=_NEIGHBORS_STYLE,
    legend=(LegendRow(N_("Neighbouring country"), _NEIGHBORS_STYLE, "fill", direct=True),),
    popup=(AREA, SOURCE),
)

WATER = Layer(
    name="water",
    title=N_("Lakes and reservoirs"),
    kind="polygon",
    build=lambda _: water(),
    style=_WATER_STYLE,
    legend=(LegendRow(N_("Lake or reservoir"), _WATER_STYLE, "fill"),),
    popup=(AREA, SOURCE),
)

SYUNIK = Layer(
    name="syunik",
    title=N_("Syunik province (Armenia)"),
    kind="polygon",
    build=lambda _: syunik(),
    style=_SYUNIK_STYLE,
    legend=(LegendRow(N_("Syunik province"), _SYUNIK_STYLE, "fill", direct=True),),
    popup=(AREA, Field(N_("Also called"), listed("alt_names")), Field(N_("In others' usage"), "others_names"), SOURCE),
    aliases=(
        "Syunik",
        "Siunik",
        "Syunik Province",
        "Zangezur",
        "Zangazur",
        "Zəngəzur",
        "Сюник",
        "Сюникская область",
        "Սյունիք",
    ),
    place_kind="province",
)

ENCLAVES = Layer(
    name="enclaves",
    title=N_("Border enclaves (de jure / held)"),
    kind="polygon",
    build=lambda _: enclaves(),
    style=_enclave_style,
    legend=(
        LegendRow(
            N_("Enclave: fill = de jure country, dashed edge = holder"),
            _enclave_style({"de_jure": "Azerbaijan", "held_by": "Armenia"}),
            "fill",
        ),
    ),
    popup=(
        AREA,
        Field(N_("Also called"), listed("alt_names")),
        Field(N_("De jure"), "de_jure"),
        Field(N_("Held by"), lambda r: f"{r['held_by']}, since the {r['held_since']}"),
        Field(N_("Note"), "note"),
        SOURCE,
    ),
    tooltip=_enclave_tip,
)
