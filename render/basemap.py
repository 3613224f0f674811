"""Tile basemaps for users who are online (the bundled one is the layers, the relief and the sea-coloured
background)."""

from __future__ import annotations

__all__ = ["TILE_BASEMAPS"]

# Tile basemaps for users who are online; never the default.
TILE_BASEMAPS = {
    "osm": (
        "OpenStreetMap",
        "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
        '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
    ),
    "light": (
        "Light (CARTO)",
        "https://{s}.basemaps.cartocdn.com/light_all/{z}/{x}/{y}{r}.png",
        '&copy; OpenStreetMap contributors &copy; <a href="https://carto.com/attributions">CARTO</a>',
    ),
}
