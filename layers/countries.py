"""Layers ``armenia``, ``azerbaijan`` and ``nakhchivan``: de jure territory.

The border enclaves are counted with the country they belong to de jure and
are drawn on top by the ``enclaves`` layer, which says who holds them.
"""

from __future__ import annotations

import geopandas as gpd

from geo.measure import area_km2
from layers._atoms import atom_rows, atom_union, frame

__all__ = ["armenia", "azerbaijan", "nakhchivan"]


def _row(name: str, geom, source: str, **extra: str) -> dict:
    return {"name": name, "source": source, "area_km2": round(area_km2(geom), 1), **extra, "geometry": geom}


def armenia() -> gpd.GeoDataFrame:
    """Armenia de jure, Lake Sevan included, Artsvashen included."""
    geom = atom_union(("armenia", None), ("syunik", None), ("enclave", "Artsvashen"))
    source = atom_rows("armenia")["source"].iloc[0]
    return frame(
        [
            _row(
                "Armenia",
                geom,
                source,
                alt_names="Հայաստան;Hayastan",
                note=(
                    "De jure territory. Includes Lake Sevan and the Artsvashen exclave "
                    "(held by Azerbaijan since 1992); excludes the Azerbaijani exclaves held by Armenia."
                ),
            )
        ]
    )


def azerbaijan() -> gpd.GeoDataFrame:
    """Mainland Azerbaijan with its small exclaves, without Nakhchivan."""
    geom = atom_union(
        ("azerbaijan", None),
        ("karabakh_core", None),
        ("karabakh_districts", None),
        ("enclave", "Yukhari Askipara"),
        ("enclave", "Barkhudarly"),
    )
    source = atom_rows("azerbaijan")["source"].iloc[0]
    return frame(
        [
            _row(
                "Azerbaijan",
                geom,
                source,
                alt_names="Azərbaycan",
                note=(
                    "Mainland, de jure: includes Karabakh and the exclaves Yukhari Askipara and Barkhudarly "
                    "(held by Armenia since the early 1990s); excludes Artsvashen and the Nakhchivan exclave."
                ),
            )
        ]
    )


def nakhchivan() -> gpd.GeoDataFrame:
    """The Nakhchivan Autonomous Republic, Azerbaijan's exclave, Karki included."""
    geom = atom_union(("nakhchivan", None), ("enclave", "Karki"))
    source = atom_rows("nakhchivan")["source"].iloc[0]
    return frame(
        [
            _row(
                "Nakhchivan",
                geom,
                source,
                sovereign="Azerbaijan",
                alt_names="Naxçıvan;Nakhichevan;Нахичевань;Նախիջևան",
                note="Autonomous republic of Azerbaijan, cut off from the mainland by Armenia's Syunik. "
                "Includes Karki (held by Armenia since the early 1990s).",
            )
        ]
    )
