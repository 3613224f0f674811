"""How each layer is drawn, kept apart from what it holds.

Colours are the Okabe–Ito palette, safe for the common colour-vision
deficiencies; line status is carried by dash pattern as well as colour, so it
reads in grey on a washed-out projector too. Overrides are merged onto copies.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

__all__ = [
    "BACKGROUND",
    "LAYER_STYLES",
    "LAYER_TITLES",
    "PALETTE",
    "SEA",
    "STATUS_LINES",
    "legend_entries",
    "merged",
    "style_for",
]

PALETTE = MappingProxyType(
    {
        "orange": "#E69F00",
        "sky": "#56B4E9",
        "green": "#009E73",
        "yellow": "#F0E442",
        "blue": "#0072B2",
        "vermillion": "#D55E00",
        "purple": "#CC79A7",
        "black": "#000000",
        "grey": "#8c8c8c",
    }
)

BACKGROUND = "#efece6"  # beyond the mapped region
SEA = "#c6dcec"

LAYER_TITLES = MappingProxyType(
    {
        "neighbors": "Neighbouring countries",
        "water": "Lakes and reservoirs",
        "azerbaijan": "Azerbaijan (mainland)",
        "nakhchivan": "Nakhchivan (exclave of Azerbaijan)",
        "armenia": "Armenia",
        "karabakh": "Karabakh",
        "syunik": "Syunik province (Armenia)",
        "enclaves": "Border enclaves (de jure / held)",
        "corridors": "Connected rail and ferry links",
        "tripp_route": "TRIPP route",
        "places": "Places and stations",
        "excerpts": "Article excerpts",
    }
)

_POLY = {"weight": 1.2, "opacity": 1.0, "fillOpacity": 0.35}

LAYER_STYLES: Mapping[str, Mapping[str, object]] = MappingProxyType(
    {
        "neighbors": {**_POLY, "color": "#9a9a9a", "fillColor": "#d9d6cf", "fillOpacity": 1.0, "weight": 0.8},
        "water": {**_POLY, "color": "#7fa7c4", "fillColor": SEA, "fillOpacity": 1.0, "weight": 0.6},
        "azerbaijan": {**_POLY, "color": PALETTE["green"], "fillColor": "#d3ebe2", "fillOpacity": 1.0},
        "nakhchivan": {**_POLY, "color": PALETTE["green"], "fillColor": "#a8d8c5", "fillOpacity": 1.0, "weight": 2},
        "armenia": {**_POLY, "color": PALETTE["orange"], "fillColor": "#f7e3bd", "fillOpacity": 1.0},
        "karabakh": {
            **_POLY,
            "color": PALETTE["purple"],
            "fillColor": PALETTE["purple"],
            "fillOpacity": 0.25,
            "dashArray": "6 4",
        },
        "syunik": {
            **_POLY,
            "color": PALETTE["vermillion"],
            "fillColor": PALETTE["orange"],
            "fillOpacity": 0.3,
            "weight": 2,
            "dashArray": "8 4",
        },
        "enclaves": {**_POLY, "weight": 2.5, "fillOpacity": 0.85, "dashArray": "3 3"},
        "places": {"radius": 4, "color": "#222222", "weight": 1.5, "fillColor": "#ffffff", "fillOpacity": 1.0},
    }
)

# Status is told by dash and weight as well as colour.
STATUS_LINES: Mapping[str, Mapping[str, object]] = MappingProxyType(
    {
        "proposed": {"color": PALETTE["vermillion"], "weight": 6, "dashArray": "14 8", "opacity": 1.0},
        "under construction": {"color": PALETTE["purple"], "weight": 5, "dashArray": "4 6", "opacity": 1.0},
        "existing": {"color": "#222222", "weight": 3.5, "opacity": 0.9},
        "historical": {"color": PALETTE["grey"], "weight": 2.5, "dashArray": "1 6", "opacity": 0.9},
    }
)

_ROAD_BAND = {
    "color": PALETTE["vermillion"],
    "weight": 1.5,
    "dashArray": "2 5",
    "fillColor": PALETTE["vermillion"],
    "fillOpacity": 0.12,
}

_COUNTRY_FILL = {"Armenia": "#f7e3bd", "Azerbaijan": "#d3ebe2"}
_COUNTRY_LINE = {"Armenia": PALETTE["orange"], "Azerbaijan": PALETTE["green"]}


def merged(base: Mapping[str, object], overrides: Mapping[str, object] | None = None) -> dict[str, object]:
    """A new style: ``base`` with ``overrides`` on top (neither is changed)."""
    return {**base, **(overrides or {})}


def style_for(layer: str, props: Mapping[str, object], overrides: Mapping[str, object] | None = None) -> dict:
    """The Leaflet path style of one feature."""
    if layer in ("tripp_route", "corridors"):
        if props.get("mode") == "road":
            return merged(_ROAD_BAND, overrides)
        base = STATUS_LINES.get(str(props.get("status")), STATUS_LINES["existing"])
        if layer == "corridors":
            base = merged(base, {"weight": max(2.0, float(base["weight"]) - 2)})
        if props.get("mode") == "ferry":
            base = merged(base, {"dashArray": "2 8", "color": PALETTE["blue"]})
        return merged(base, overrides)
    if layer == "enclaves":
        de_jure = str(props.get("de_jure", ""))
        held = str(props.get("held_by", ""))
        fill = _COUNTRY_FILL["Armenia"] if de_jure.startswith("Armenia") else _COUNTRY_FILL["Azerbaijan"]
        line = _COUNTRY_LINE["Armenia"] if held.startswith("Armenia") else _COUNTRY_LINE["Azerbaijan"]
        return merged(merged(LAYER_STYLES["enclaves"], {"fillColor": fill, "color": line}), overrides)
    if layer == "karabakh" and props.get("retaken") == "2020":
        return merged(merged(LAYER_STYLES["karabakh"], {"fillOpacity": 0.12}), overrides)
    return merged(LAYER_STYLES.get(layer, _POLY), overrides)


def legend_entries() -> list[tuple[str, dict[str, object], str]]:
    """(label, style, kind) rows for the legend; kind is 'line', 'fill' or 'point'."""
    rows: list[tuple[str, dict[str, object], str]] = [
        ("Rail: proposed (TRIPP through Armenia)", dict(STATUS_LINES["proposed"]), "line"),
        ("Rail: under construction", dict(STATUS_LINES["under construction"]), "line"),
        ("Rail: existing", dict(STATUS_LINES["existing"]), "line"),
        ("Rail: historical (Soviet line, closed 1992)", dict(STATUS_LINES["historical"]), "line"),
        ("Caspian ferry", style_for("corridors", {"mode": "ferry", "status": "existing"}), "line"),
        ("Road / pipeline corridor: not settled (band)", dict(_ROAD_BAND), "fill"),
        ("Armenia", dict(LAYER_STYLES["armenia"]), "fill"),
        ("Syunik province", dict(LAYER_STYLES["syunik"]), "fill"),
        ("Azerbaijan", dict(LAYER_STYLES["azerbaijan"]), "fill"),
        ("Nakhchivan (Azerbaijan)", dict(LAYER_STYLES["nakhchivan"]), "fill"),
        ("Karabakh: former oblast area (Azerbaijani control since 2023)", dict(LAYER_STYLES["karabakh"]), "fill"),
        ("Karabakh: surrounding districts (retaken 2020)", style_for("karabakh", {"retaken": "2020"}), "fill"),
        (
            "Enclave: fill = de jure country, dashed edge = holder",
            style_for("enclaves", {"de_jure": "Azerbaijan", "held_by": "Armenia"}),
            "fill",
        ),
        ("Neighbouring country", dict(LAYER_STYLES["neighbors"]), "fill"),
        ("Place or station", dict(LAYER_STYLES["places"]), "point"),
        ("Article excerpt (number = paragraph)", {"color": "#1a1a1a", "fillColor": "#1a1a1a"}, "excerpt"),
    ]
    return rows
