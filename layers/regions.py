"""Layers ``syunik``, ``karabakh``, ``neighbors``, ``enclaves`` and ``water``."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd

from geo.measure import area_km2
from layers._atoms import atom_rows, frame

__all__ = ["enclaves", "karabakh", "neighbors", "syunik", "water"]

KARABAKH_HISTORY = (
    "Run by ethnic-Armenian authorities from the early 1990s (first war 1988–94). "
    "The surrounding districts were retaken by Azerbaijan in the 2020 war; the whole region "
    "has been under Azerbaijani control since the offensive of 19–20 September 2023."
)

KARABAKH_BOUNDARY = {
    "Karabakh: former oblast area": (
        "Approximates the former Nagorno-Karabakh Autonomous Oblast (4,388 km²) with the "
        "Natural Earth districts wholly inside it (Khankendi, Khojaly, Shusha, Khojavend); "
        "its northern part, now in the Tartar and Kalbajar districts, is not included."
    ),
    "Karabakh: surrounding districts": (
        "The seven districts around the former oblast, as whole districts: Kalbajar, Lachin, "
        "Qubadli, Zangilan, Jabrayil, Fuzuli, Agdam. Armenian forces held Agdam and Fuzuli only in part."
    ),
}


def _with_area(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    out = gdf.copy()
    out["area_km2"] = [round(area_km2(g), 1) for g in out.geometry]
    return out


def syunik() -> gpd.GeoDataFrame:
    """Syunik province, the Armenian province the route crosses."""
    rows = atom_rows("syunik")[["name", "source", "geometry"]]
    out = _with_area(rows)
    out["alt_names"] = "Սյունիք;Siunik;Zangezur"
    out["country"] = "Armenia"
    return out


def karabakh() -> gpd.GeoDataFrame:
    """Karabakh in two parts: the former oblast's area and the surrounding districts.

    Two parts, because the two were lost and retaken at different times, and a
    class needs to see the difference between them.
    """
    rows = []
    for atom in ("karabakh_core", "karabakh_districts"):
        part = atom_rows(atom).iloc[0]
        rows.append(
            {
                "name": part["name"],
                "alt_names": "Nagorno-Karabakh;Artsakh;Qarabağ;Արցախ",
                "source": part["source"],
                "boundary": KARABAKH_BOUNDARY[part["name"]],
                "history": KARABAKH_HISTORY,
                "retaken": "2023" if atom == "karabakh_core" else "2020",
                "geometry": part.geometry,
            }
        )
    return _with_area(frame(rows))


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
