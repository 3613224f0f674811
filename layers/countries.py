"""Layers ``armenia``, ``azerbaijan`` and ``nakhchivan``: de jure territory.

The border enclaves are counted with the country they belong to de jure and
are drawn on top by the ``enclaves`` layer, which says who holds them.
"""

from __future__ import annotations

import geopandas as gpd

from geo.i18n import N_
from geo.measure import area_km2
from layers._atoms import atom_rows, frame
from layers.palette import COUNTRY_FILL, COUNTRY_LINE, POLYGON, merged
from layers.shapes import country_shapes
from layers.spec import AREA, SOURCE, Field, Layer, LegendRow, listed

__all__ = ["ARMENIA", "AZERBAIJAN", "NAKHCHIVAN", "armenia", "azerbaijan", "nakhchivan"]


def _row(name: str, geom, source: str, **extra: str) -> dict:
    return {"name": name, "source": source, "area_km2": round(area_km2(geom), 1), **extra, "geometry": geom}


def armenia() -> gpd.GeoDataFrame:
    """Armenia de jure, Lake Sevan included, Artsvashen included."""
    return frame(
        [
            _row(
                "Armenia",
                country_shapes()["Armenia"],
                atom_rows("armenia")["source"].iloc[0],
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
    return frame(
        [
            _row(
                "Azerbaijan",
                country_shapes()["Azerbaijan (mainland)"],
                atom_rows("azerbaijan")["source"].iloc[0],
                alt_names="Azərbaycan",
                note=(
                    "Mainland, de jure: includes Karabakh and the exclaves Yukhari Askipara and Barkhudarly and Sofulu "
                    "(held by Armenia since the early 1990s); excludes Artsvashen and the Nakhchivan exclave."
                ),
            )
        ]
    )


def nakhchivan() -> gpd.GeoDataFrame:
    """The Nakhchivan Autonomous Republic, Azerbaijan's exclave, Karki included."""
    return frame(
        [
            _row(
                "Nakhchivan",
                country_shapes()["Nakhchivan"],
                atom_rows("nakhchivan")["source"].iloc[0],
                sovereign="Azerbaijan",
                alt_names="Naxçıvan;Nakhichevan;Нахичевань;Նախիջևան",
                note="Autonomous republic of Azerbaijan, separated from the mainland by Armenia's Syunik. "
                "Includes Karki (held by Armenia since the early 1990s).",
            )
        ]
    )


_COUNTRY_POPUP = (AREA, Field(N_("Also called"), listed("alt_names")), Field(N_("Note"), "note"), SOURCE)

_ARMENIA_STYLE = merged(
    POLYGON, {"color": COUNTRY_LINE["Armenia"], "fillColor": COUNTRY_FILL["Armenia"], "fillOpacity": 1.0}
)
_AZERBAIJAN_STYLE = merged(
    POLYGON, {"color": COUNTRY_LINE["Azerbaijan"], "fillColor": COUNTRY_FILL["Azerbaijan"], "fillOpacity": 1.0}
)
_NAKHCHIVAN_STYLE = merged(
    POLYGON, {"color": COUNTRY_LINE["Azerbaijan"], "fillColor": "#a8d8c5", "fillOpacity": 1.0, "weight": 2}
)

AZERBAIJAN = Layer(
    name="azerbaijan",
    title=N_("Azerbaijan (mainland)"),
    kind="polygon",
    build=lambda _: azerbaijan(),
    style=_AZERBAIJAN_STYLE,
    legend=(LegendRow(N_("Azerbaijan"), _AZERBAIJAN_STYLE, "fill", direct=True),),
    popup=_COUNTRY_POPUP,
)

NAKHCHIVAN = Layer(
    name="nakhchivan",
    title=N_("Nakhchivan (exclave of Azerbaijan)"),
    kind="polygon",
    build=lambda _: nakhchivan(),
    style=_NAKHCHIVAN_STYLE,
    legend=(LegendRow(N_("Nakhchivan (Azerbaijan)"), _NAKHCHIVAN_STYLE, "fill", direct=True),),
    popup=_COUNTRY_POPUP,
    tooltip=lambda _: "Nakhchivan (exclave of Azerbaijan)",
    aliases=(
        "Nakhchivan",
        "Naxçıvan",
        "Nakhichevan",
        "Nakhjavan",
        "Nahçıvan",
        "Нахичевань",
        "Նախիջևան",
        "Nakhchivan exclave",
        "Nakhchivan Autonomous Republic",
        "Naxçıvan Muxtar Respublikası",
        "Nakhijevan",
        "Nakhitchevan",
        "Нахичеванская Автономная Республика",
        "Нахчыванская Автономная Республика",
    ),
    place_kind="exclave",
)

ARMENIA = Layer(
    name="armenia",
    title=N_("Armenia"),
    kind="polygon",
    build=lambda _: armenia(),
    style=_ARMENIA_STYLE,
    legend=(LegendRow(N_("Armenia"), _ARMENIA_STYLE, "fill", direct=True),),
    popup=_COUNTRY_POPUP,
)
