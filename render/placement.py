"""The one label placement pass, for paper: the same rules, in the same order, as ``static/labels.js``
places labels on the web map (a test runs both on the same input and compares them).

Labels are taken in priority order; each tries its candidate positions in turn and takes the first that
lies wholly inside the frame and touches no obstacle (controls, markers, symbols), no label already
placed and no line to keep clear (the route). A label that fits nowhere is left out, never drawn over
another or cut by an edge. Labels sharing a ``group`` are one label's alternative anchors: the first
that is placed wins. Coordinates are pixels, y downward.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["Item", "Placed", "Quad", "Rect", "candidates", "gap_beside", "place_labels", "quad_of", "quads_overlap"]

Rect = tuple[float, float, float, float]  # left, top, right, bottom
PAD = 2.0  # pixels kept free around every label
LINE_PAD = 3.0
SAMPLE = 4.0  # pixels between the samples of a line to keep clear


@dataclass(frozen=True)
class Item:
    """A label to place: its anchor (x, y), its unrotated size, how it is anchored."""

    group: str
    x: float
    y: float
    w: float
    h: float
    anchor: str = "area"  # "area", "line", "point" or "subject"
    angle: float = 0.0
    gap: float = 8.0


@dataclass(frozen=True)
class Placed:
    index: int  # into the items
    left: float
    top: float
    right: float
    bottom: float
    candidate: int


Quad = tuple[float, float, float, float, float, float]  # centre x, y; half width, height; cos, sin of the turn


def quad_of(rect: Rect, angle: float = 0.0, w: float = 0.0, h: float = 0.0) -> Quad:
    """A rectangle as a turned box: ``rect``'s centre, and ``w`` by ``h`` turned by ``angle`` (degrees)
    when given, else ``rect`` itself."""
    cx, cy = (rect[0] + rect[2]) / 2, (rect[1] + rect[3]) / 2
    if angle:
        a = math.radians(angle)
        return (cx, cy, w / 2, h / 2, math.cos(a), math.sin(a))
    return (cx, cy, (rect[2] - rect[0]) / 2, (rect[3] - rect[1]) / 2, 1.0, 0.0)


def _axes(q: Quad) -> list[tuple[float, float]]:
    return [(q[4], q[5]), (-q[5], q[4])]


def _extent(q: Quad, ax: float, ay: float) -> tuple[float, float]:
    centre = q[0] * ax + q[1] * ay
    reach = q[2] * abs(q[4] * ax + q[5] * ay) + q[3] * abs(-q[5] * ax + q[4] * ay)
    return centre - reach, centre + reach


def quads_overlap(a: Quad, b: Quad, pad: float) -> bool:
    """Whether two turned boxes overlap, ``pad`` apart at least (separating axes)."""
    for ax, ay in (*_axes(a), *_axes(b)):
        a0, a1 = _extent(a, ax, ay)
        b0, b1 = _extent(b, ax, ay)
        if not (a0 - pad < b1 and b0 - pad < a1):
            return False
    return True


def quad_touches(q: Quad, lines: Sequence[Sequence[tuple[float, float]]], pad: float) -> bool:
    """Whether a turned box, grown by ``pad``, touches a polyline (sampled every few pixels)."""
    cx, cy, hw, hh, c, s = q
    for pts in lines:
        for (ax, ay), (bx, by) in itertools.pairwise(pts):
            n = max(1, math.ceil(max(abs(bx - ax), abs(by - ay)) / SAMPLE))
            for k in range(n + 1):
                dx, dy = ax + (bx - ax) * k / n - cx, ay + (by - ay) * k / n - cy
                if abs(dx * c + dy * s) <= hw + pad and abs(-dx * s + dy * c) <= hh + pad:
                    return True
    return False


def gap_beside(x: float, y: float, gap: float, discs: Sequence[Rect]) -> float:
    """A place's gap to its name, grown past a marker drawn on the place (labels.js's ``gapBeside``): else every
    spot beside the place is under the marker, and the place a step names goes unnamed."""
    out = gap
    for left, top, right, bottom in discs:
        if left <= x <= right and top <= y <= bottom:
            out = max(out, max(x - left, right - x, y - top, bottom - y) + gap)
    return out


def candidates(item: Item) -> list[Rect]:
    """Where a label may go, in the order tried (a turned label: the box around it)."""
    x, y, w, h, g = item.x, item.y, item.w, item.h, item.gap
    if item.anchor == "line":
        a = math.radians(item.angle)
        bw = abs(w * math.cos(a)) + abs(h * math.sin(a))
        bh = abs(w * math.sin(a)) + abs(h * math.cos(a))
        return [(x - bw / 2, y - bh / 2, x + bw / 2, y + bh / 2)]
    if item.anchor == "subject":
        # The story's subject is named off its line: below it first (into the empty side), then above.
        spots = [
            (x - w / 2, y + g),
            (x - w / 2, y - g - h),
            (x - w / 2, y + 2 * g),
            (x - w / 2, y - 2 * g - h),
            (x - w / 2, y + 3 * g),
            (x - w, y + 2 * g),
            (x, y + 2 * g),
        ]
        return [(left, top, left + w, top + h) for left, top in spots]
    if item.anchor == "point":
        d = g * 0.7
        spots = [
            (x + g, y - h / 2),
            (x - g - w, y - h / 2),
            (x - w / 2, y - g - h),
            (x - w / 2, y + g),
            (x + d, y - d - h),
            (x + d, y + d),
            (x - d - w, y - d - h),
            (x - d - w, y + d),
            # Further off, for a place on a line (a station on the route): a leader is not needed at this gap.
            (x - w / 2, y + 2.2 * g),
            (x - w / 2, y - 2.2 * g - h),
            (x + 2.2 * g, y - h / 2),
            (x - 2.2 * g - w, y - h / 2),
        ]
        return [(left, top, left + w, top + h) for left, top in spots]
    shifts = [(0.0, 0.0), (0.0, -h), (0.0, h), (-w / 3, 0.0), (w / 3, 0.0)]
    return [(x - w / 2 + dx, y - h / 2 + dy, x + w / 2 + dx, y + h / 2 + dy) for dx, dy in shifts]


def _inside(q: Quad, frame: Rect) -> bool:
    x0, x1 = _extent(q, 1.0, 0.0)
    y0, y1 = _extent(q, 0.0, 1.0)
    return x0 >= frame[0] and y0 >= frame[1] and x1 <= frame[2] and y1 <= frame[3]


def place_labels(
    items: Sequence[Item],
    frame: Rect,
    obstacles: Sequence[Rect] = (),
    lines: Sequence[Sequence[tuple[float, float]]] = (),
) -> list[Placed]:
    """Place ``items`` in their order; return those placed."""
    taken: list[Quad] = [quad_of(o) for o in obstacles]
    done: set[str] = set()
    out: list[Placed] = []
    for index, item in enumerate(items):
        if item.group in done:
            continue
        turned = item.anchor == "line" and bool(item.angle)
        for number, rect in enumerate(candidates(item)):
            q = quad_of(rect, item.angle, item.w, item.h) if turned else quad_of(rect)
            if not _inside(q, frame) or any(quads_overlap(q, other, PAD) for other in taken):
                continue
            if lines and quad_touches(q, lines, LINE_PAD):
                continue
            taken.append(q)
            done.add(item.group)
            out.append(Placed(index, *rect, number))
            break
    return out
