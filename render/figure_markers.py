"""A step's numbered markers on paper, as the web map draws them: lifted off the route with a leader line to
their place, drawn once where several would cover each other (declutter.js's ``mergeNear``), and never cut by
the map's edge (one whose place is off the map is not drawn)."""

from __future__ import annotations

from collections.abc import Iterable

import shapely
from matplotlib.axes import Axes
from shapely.geometry.base import BaseGeometry

__all__ = ["draw_markers", "extent"]

Box = tuple[float, float, float, float]  # display pixels: left, bottom, right, top
Frame = tuple[tuple[float, float], tuple[float, float]]  # ((south, west), (north, east))

_STYLE = {"boxstyle": "circle,pad=0.3", "facecolor": "#1a1a1a", "edgecolor": "white", "linewidth": 1.2}


def extent(artist, renderer) -> Box:
    """An artist's box in display pixels, a text's bubble or halo included."""
    box = artist.get_window_extent(renderer)
    patch = artist.get_bbox_patch() if hasattr(artist, "get_bbox_patch") else None
    if patch is not None:
        artist.update_bbox_position_size(renderer)
        outer = patch.get_window_extent(renderer)
        return (min(box.x0, outer.x0), min(box.y0, outer.y0), max(box.x1, outer.x1), max(box.y1, outer.y1))
    return tuple(box.extents)


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def draw_markers(
    ax: Axes, markers: Iterable[tuple], subject: BaseGeometry | None, frame: Frame
) -> list[tuple[object, tuple[str, ...]]]:
    """Draw ``markers`` ((lon, lat, text) or (lon, lat, text, names), in order) on ``ax``; return each disc drawn
    (what the map's names keep clear of) with the names of the places it stands for, those of the markers drawn
    once with it included."""
    (south, west), (north, east) = frame
    renderer = ax.figure.canvas.get_renderer()
    edge = ax.get_window_extent(renderer)
    to_data = ax.transData.inverted().transform
    to_px = ax.transData.transform
    kept: list[Box] = []
    artists: list[tuple[object, tuple[str, ...]]] = []
    for x, y, text, *more in markers:
        names = tuple(more[0]) if more else ()
        if not (west <= x <= east and south <= y <= north):
            continue  # its place is off this map: a marker at the edge would point at nothing shown
        # Off the route, as on the web map, with a leader line to its place.
        lifted = subject is not None and subject.distance(shapely.Point(x, y)) < (north - south) * 0.04
        at = (x, y + (north - south) * 0.1) if lifted else (x, y)
        disc = ax.text(*at, text, fontsize=9, color="white", fontweight="bold", ha="center", va="center")
        disc.set(zorder=70, bbox=_STYLE)
        box = extent(disc, renderer)
        # Moved in by as much as the map's edge would cut it.
        dx = max(edge.x0 + 1 - box[0], 0.0) - max(box[2] - (edge.x1 - 1), 0.0)
        dy = max(edge.y0 + 1 - box[1], 0.0) - max(box[3] - (edge.y1 - 1), 0.0)
        if dx or dy:
            px, py = to_px(at)
            at = tuple(to_data((px + dx, py + dy)))
            disc.set_position(at)
            box = (box[0] + dx, box[1] + dy, box[2] + dx, box[3] + dy)
        covered = next((n for n, other in enumerate(kept) if _overlap(box, other)), None)
        if covered is not None:
            disc.remove()  # it would cover one already drawn: the paragraph's number is there once
            artists[covered] = (artists[covered][0], artists[covered][1] + names)
            continue
        kept.append(box)
        artists.append((disc, names))
        if lifted or dx or dy:
            start = (x, y + (north - south) * 0.02) if lifted else (x, y)
            ax.plot([start[0], at[0]], [start[1], at[1]], color="#1a1a1a", linewidth=1, zorder=69)
    return artists
