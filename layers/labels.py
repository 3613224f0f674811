"""The map's names, as data: countries, the exclave, provinces, water, mountains, places, the route.

Each label has a priority (1 is placed first), the zooms where it shows, the layer it names (shown only
while that layer is), and, for Karabakh, the days it holds. A label may have several anchors (rows
sharing an ``id``): the first that fits the view is used, so a country is named wherever the view
shows it. Styles are data too (``LABEL_STYLES``): the web map and paper draw from the same table.
Where each label goes is decided by one placement pass (``render/placement.py``, ``static/labels.js``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType

import shapely
from shapely.ops import polylabel

from geo.i18n import N_
from geo.load import read_csv_rows
from geo.region import NEAR_BOX
from layers import periods
from layers.karabakh import ARMENIAN_FORCES, KARABAKH, held_union, karabakh
from layers.palette import ROUTE_COLOUR
from layers.places import PLACES, places
from layers.route import TRIPP_ROUTE, tripp_route
from layers.world import rivers

__all__ = ["LABEL_STYLES", "Label", "held_labels", "map_labels", "place_labels", "route_label"]

# How each kind of label is drawn, and how it is anchored: "area" centred on its point, "line" centred
# and turned to ``angle``, "point" beside a symbol (a place's dot, a peak's triangle).
LABEL_STYLES = MappingProxyType(
    {
        "country": {"size": 15, "weight": 700, "caps": True, "spacing": 0.2, "colour": "#4a4338", "anchor": "area"},
        "exclave": {"size": 14, "weight": 700, "caps": True, "spacing": 0.12, "colour": "#1d5a44", "anchor": "area"},
        "province": {"size": 14, "weight": 700, "italic": True, "colour": "#7a3b00", "anchor": "area"},
        "region": {"size": 14, "weight": 700, "italic": True, "colour": "#5a2350", "anchor": "area"},
        "held": {"size": 13, "weight": 700, "colour": "#5a1d48", "anchor": "area"},
        "sea": {"size": 15, "italic": True, "caps": True, "spacing": 0.2, "colour": "#285f8c", "anchor": "area"},
        "lake": {"size": 13, "italic": True, "weight": 600, "colour": "#285f8c", "anchor": "area"},
        "river": {"size": 13, "italic": True, "weight": 600, "colour": "#235a88", "anchor": "line"},
        "range": {"size": 13, "italic": True, "caps": True, "spacing": 0.12, "colour": "#6b4a28", "anchor": "line"},
        "peak": {"size": 13, "weight": 600, "colour": "#6b4a28", "anchor": "point", "symbol": "▲"},
        "capital": {"size": 14, "weight": 700, "colour": "#1a1a1a", "anchor": "point"},
        "town": {"size": 13, "weight": 600, "colour": "#262626", "anchor": "point"},
        "route": {"size": 14, "weight": 700, "colour": ROUTE_COLOUR, "anchor": "subject", "gap": 14},
    }
)


@dataclass(frozen=True)
class Label:
    """One anchor of one label. ``sub`` is a second, smaller line; ``{date}`` in it is the map's date."""

    id: str
    text: str
    kind: str
    lon: float
    lat: float
    priority: float
    zooms: tuple[float, float]
    layer: str | None = None
    sub: str = ""
    angle: float = 0.0
    since: str | None = None
    until: str | None = None
    source: str = ""


def _mercator(lon: float, lat: float) -> tuple[float, float]:
    return math.radians(lon), math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def river_anchor(lon: float, lat: float, lines: shapely.Geometry) -> tuple[float, float, float, float]:
    """The point of ``lines`` nearest (lon, lat), the angle of the line there as drawn (degrees
    clockwise, within ±90 so the text reads left to right), and how far the point moved (degrees)."""
    here = shapely.Point(lon, lat)
    at = lines.project(here)
    snapped = lines.interpolate(at)
    before, after = lines.interpolate(max(0.0, at - 0.06)), lines.interpolate(at + 0.06)
    (x0, y0), (x1, y1) = _mercator(before.x, before.y), _mercator(after.x, after.y)
    angle = math.degrees(math.atan2(-(y1 - y0), x1 - x0))  # screen y grows downward
    if angle > 90:
        angle -= 180
    elif angle <= -90:
        angle += 180
    return snapped.x, snapped.y, round(angle, 1), here.distance(snapped)


def _nearest_line(lon: float, lat: float, lines: list[shapely.Geometry]) -> shapely.Geometry:
    here = shapely.Point(lon, lat)
    parts = [p for g in lines for p in shapely.get_parts(g)]
    return min(parts, key=here.distance)


RIVER_SNAP = 0.15  # degrees a river label may move onto its drawn line


@cache
def _curated() -> tuple[Label, ...]:
    river_lines = list(rivers().geometry.values)
    out = []
    for row in read_csv_rows("labels.csv"):
        lon, lat = float(row["lon"]), float(row["lat"])
        angle = float(row["angle"] or 0)
        if row["kind"] == "river":
            lon, lat, angle, moved = river_anchor(lon, lat, _nearest_line(lon, lat, river_lines))
            if moved > RIVER_SNAP:
                continue  # no drawn river there: a name on nothing would mislead
        out.append(
            Label(
                id=row["id"],
                text=row["text"],
                kind=row["kind"],
                lon=round(lon, 5),
                lat=round(lat, 5),
                priority=float(row["priority"]),
                zooms=(float(row["min_zoom"]), float(row["max_zoom"])),
                layer=row["layer"] or None,
                sub=row["sub"],
                angle=angle,
                source=row["source"],
            )
        )
    return tuple(out)


# Places on the line the TRIPP would revive, or at its ends: named from the route's zooms on.
_ON_THE_LINE = frozenset(
    {"yeraskh", "sadarak", "sharur", "julfa", "ordubad", "agarak", "meghri", "nrnadzor", "aghband", "horadiz"}
)


def place_labels() -> tuple[Label, ...]:
    """A label for every place of the places layer in the region: capitals first, then the line's towns."""
    out = []
    west, south, east, north = NEAR_BOX
    for row in places().itertuples():
        point = row.geometry
        if not (west <= point.x <= east and south <= point.y <= north):
            continue
        if row.kind == "capital":
            kind, priority, zooms = "capital", 2.0, (5.0 if row.id != "nakhchivan_city" else 7.0, 14.0)
        elif row.id == "meghri":
            # The town the Armenian section runs through, and its old station: named before its neighbours.
            kind, priority, zooms = "town", 2.8, (7.75, 14.0)
        elif row.id in _ON_THE_LINE:
            kind, priority, zooms = "town", 3.0, (7.75, 14.0)
        elif " / " in row.name:
            kind, priority, zooms = "town", 3.5, (8.0, 14.0)
        else:
            kind, priority, zooms = "town", 4.5, (8.5, 14.0)
        out.append(
            Label(f"place-{row.id}", row.name, kind, point.x, point.y, priority, zooms, PLACES.name, source=row.source)
        )
    return tuple(out)


def route_label() -> Label:
    """The story's subject named beside it: the TRIPP railway through Armenia."""
    route = tripp_route()
    row = route[(route["mode"] == "rail") & (route["country"] == "Armenia")].iloc[0]
    middle = row.geometry.interpolate(0.5, normalized=True)
    return Label(
        "route",
        N_("TRIPP railway"),
        "route",
        middle.x,
        middle.y,
        0.0,
        (6.5, 14.0),
        TRIPP_ROUTE.name,
        N_("(proposed)"),
        since=periods.iso_day(row["since"]) or None,
    )


def held_labels() -> tuple[Label, ...]:
    """Who held Karabakh's parts, on the map: one label per period of the held area (and of the corridor),
    at the middle of its largest part, saying who held it and on which date (the map's)."""
    gdf = karabakh()
    days = sorted({d for d in (*gdf["since"], *gdf["until"]) if d})
    out = []
    texts = {
        ARMENIAN_FORCES: (N_("Held by ethnic Armenian forces"), N_("on {date}")),
        "Russian peacekeepers": (N_("Lachin corridor"), N_("Russian peacekeepers")),
    }
    for holder, (text, sub) in texts.items():
        for since, until in zip(days, [*days[1:], None], strict=True):
            area = held_union(since, holder)
            if area is None or area.is_empty:
                continue
            largest = max(shapely.get_parts(area), key=lambda p: p.area)
            spot = polylabel(largest, tolerance=0.005)
            out.append(
                Label(
                    f"held-{holder}",
                    text,
                    "held",
                    round(spot.x, 4),
                    round(spot.y, 4),
                    1.5 if holder == ARMENIAN_FORCES else 2.5,
                    (7.0, 12.0),
                    KARABAKH.name,
                    sub,
                    since=since,
                    until=until,
                    source="tripp-map: the middle of the largest part held on these days (karabakh layer)",
                )
            )
    return tuple(out)


@cache
def _all() -> tuple[Label, ...]:
    labels = [route_label(), *_curated(), *place_labels(), *held_labels()]
    order = {id(label): n for n, label in enumerate(labels)}
    return tuple(sorted(labels, key=lambda lab: (lab.priority, order[id(lab)])))


def map_labels(layers: frozenset[str] | set[str] | None = None) -> tuple[Label, ...]:
    """Every label, in the order they are placed; only those of ``layers`` (and of no layer) when given."""
    return tuple(lab for lab in _all() if layers is None or lab.layer is None or lab.layer in layers)
