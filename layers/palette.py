"""Colours and line styles every layer draws with: style as data, no drawing code.

Colours are the Okabe–Ito palette, safe for the common colour-vision
deficiencies; line status is carried by dash pattern as well as colour, so it
reads in grey on a washed-out projector too.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

__all__ = [
    "BACKGROUND",
    "COUNTRY_FILL",
    "COUNTRY_LINE",
    "LAND",
    "PALETTE",
    "POLYGON",
    "RIVER",
    "ROUTE_COLOUR",
    "SEA",
    "STATUS_LINES",
    "merged",
    "status_line",
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

# The story's subject, in a colour no other layer uses: 4.3:1 or more against every fill it crosses.
ROUTE_COLOUR = "#B0006E"
SEA = "#c6dcec"
# Land outside Armenia and Azerbaijan: one fill, the world around and the neighbours alike, no outline.
LAND = MappingProxyType({"stroke": False, "fillColor": "#e4e0d8", "fillOpacity": 1.0})
# Rivers in a blue darker than the sea, so a river reads as water on every fill.
RIVER = MappingProxyType({"color": "#3a7cb8", "weight": 2, "opacity": 0.9, "interactive": False})

POLYGON = MappingProxyType({"weight": 1.2, "opacity": 1.0, "fillOpacity": 0.35})

COUNTRY_FILL = MappingProxyType({"Armenia": "#f7e3bd", "Azerbaijan": "#d3ebe2"})
# Borders darker than the palette's fills, so each reads at 3:1 or more against its own fill.
COUNTRY_LINE = MappingProxyType({"Armenia": "#9A6200", "Azerbaijan": "#00704F"})

STATUS_LINES: Mapping[str, Mapping[str, object]] = MappingProxyType(
    {
        "proposed": {"color": PALETTE["vermillion"], "weight": 6, "dashArray": "14 8", "opacity": 1.0},
        "under construction": {"color": PALETTE["purple"], "weight": 5, "dashArray": "4 6", "opacity": 1.0},
        "existing": {"color": "#222222", "weight": 3.5, "opacity": 0.9},
        "historical": {"color": PALETTE["grey"], "weight": 2.5, "dashArray": "1 6", "opacity": 0.9},
    }
)


def merged(base: Mapping[str, object], overrides: Mapping[str, object] | None = None) -> dict[str, object]:
    """A new style: ``base`` with ``overrides`` on top (neither is changed)."""
    return {**base, **(overrides or {})}


def status_line(status: object) -> dict[str, object]:
    """The line style of a status ("existing" when unknown)."""
    return dict(STATUS_LINES.get(str(status), STATUS_LINES["existing"]))
