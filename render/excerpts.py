"""An article's excerpts as numbered markers and story steps.

An excerpt is drawn at the places it names; one naming only far places is
drawn as a callout at the region's edge, pointing toward them.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass

import geopandas as gpd
import shapely

from geo.i18n import N_
from geo.measure import GEOD
from geo.region import MAP_CENTRE, VIEW_BOUNDS, in_region
from layers.excerpts import event_text
from layers.spec import Layer
from render.features import popup_html
from render.html import esc
from render.i18n import say, say_text

__all__ = [
    "ExcerptView",
    "callout_bearing",
    "callout_point",
    "excerpt_features",
    "excerpt_view",
    "part_names",
    "places_in_words",
]

CALLOUT_INSET = 0.85  # a callout sits this far from the centre toward the region view's edge (1 = on it)


@dataclass(frozen=True)
class ExcerptView:
    """Where an excerpt is drawn and what its popup and story step say."""

    paragraph: int
    point: shapely.Geometry | None
    html: str
    zoom: int
    far_note: str
    callout: bool
    bearing: float = 0.0


def _merc(lon: float, lat: float) -> tuple[float, float]:
    return math.radians(lon), math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def _unmerc(x: float, y: float) -> tuple[float, float]:
    return math.degrees(x), math.degrees(2 * math.atan(math.exp(y)) - math.pi / 2)


def callout_bearing(target: shapely.Point) -> float:
    """The direction of a far place as the map draws it (Web Mercator), in degrees clockwise from east."""
    x0, y0 = _merc(*MAP_CENTRE)
    x1, y1 = _merc(target.x, target.y)
    return round(math.degrees(math.atan2(-(y1 - y0), x1 - x0)), 1)


def callout_point(target: shapely.Point) -> shapely.Point:
    """Where a callout toward a far place sits: toward it from the map's centre, near the edge of the
    region's view, so it shows in that view and its arrow points the way the map draws the place."""
    (south, west), (north, east) = VIEW_BOUNDS
    x0, y0 = _merc(*MAP_CENTRE)
    angle = math.radians(-callout_bearing(target))
    dx, dy = math.cos(angle), math.sin(angle)
    (xw, ys), (xe, yn) = _merc(west, south), _merc(east, north)
    reach = min(
        ((xe if dx > 0 else xw) - x0) / dx if dx else math.inf,
        ((yn if dy > 0 else ys) - y0) / dy if dy else math.inf,
    )
    lon, lat = _unmerc(x0 + dx * reach * CALLOUT_INSET, y0 + dy * reach * CALLOUT_INSET)
    return shapely.Point(round(lon, 4), round(lat, 4))


def places_in_words(places: list[str], confidence: str) -> str:
    """The places an excerpt names, each with how sure the finder is, in plain words:
    "Kajaran (sure), Agarak (likely: one of 4 places so named …), TRIPP route (inferred: “the route” …)"."""
    said = {c["place"]: c for c in json.loads(confidence or "[]")}
    parts = []
    for name in places:
        level = said.get(name, {}).get("level", "")
        why = said.get(name, {}).get("why", "")
        parts.append(f"{name} ({level}{': ' + why if why else ''})" if level else name)
    return ", ".join(parts)


def excerpt_view(row, lang: str = "en") -> ExcerptView:
    """Placement of one excerpt: at its places, or at a callout toward far ones; its words in ``lang``."""
    places = json.loads(row.places)
    far = json.loads(row.far_places)
    point = row.geometry
    far_note = ""
    callout = False
    parts = shapely.get_parts(point) if point is not None else []
    bearing = 0.0
    if len(parts) and not any(in_region(p.x, p.y) for p in parts):
        target = parts[0]
        metres = GEOD.inv(MAP_CENTRE[0], MAP_CENTRE[1], target.x, target.y)[2]
        far_note = say_text(
            "{places}: about {km} km away, outside this map (arrow shows the way)",
            lang,
            places=", ".join(far),
            km={"num": round(metres / 1000)},
        )
        point = callout_point(target)
        bearing = callout_bearing(target)
        callout = True
    elif far:
        far_note = say_text("Also names {places}, far outside this map", lang, places=", ".join(far))
    events = [event_text(e, lang) for e in json.loads(row.events)]
    meta = [
        ("Date", row.date),
        ("Source", row.source),
        ("Places named", places_in_words(places, getattr(row, "confidence", "[]")) or N_("none")),
        ("Drawn at", row.placed_at),
        ("Far away", far_note),
        ("Events", "; ".join(events)),
        ("Teacher’s note", getattr(row, "note", "") or ""),
        ("Questions", " · ".join(json.loads(getattr(row, "questions", "") or "[]"))),
    ]
    body = f'<p class="tripp-quote" dir="auto">{esc(row.text)}</p>'
    title = getattr(row, "step_title", "") or ""
    heading = say("Paragraph {n}", lang, n=int(row.paragraph)) + (f": {esc(title)}" if title else "")
    html = popup_html("", meta, body, lang, heading)
    zoom = 9 if point is not None and len(shapely.get_parts(point)) == 1 else 7
    return ExcerptView(int(row.paragraph), point, html, zoom, far_note, callout, bearing)


def part_names(row, parts) -> list[list[str]]:
    """For each marker of a paragraph (one per point of ``parts``), the villages and towns it stands for: a step
    names them beside its marker."""
    points = json.loads(getattr(row, "points", "") or "[]")
    return [
        [
            name
            for name, lon, lat, tier, layer in points
            if tier == 0 and not layer and abs(lon - p.x) < 1e-4 and abs(lat - p.y) < 1e-4
        ]
        for p in parts
    ]


def excerpt_features(layer: Layer, gdf: gpd.GeoDataFrame, lang: str = "en") -> tuple[list[dict], list[dict]]:
    """The markers of an excerpts layer, and where each paragraph is: ``{key, bounds, zoom}`` in order."""
    feats, places = [], []
    # Excerpts at the same place sit side by side instead of on top of each other.
    used: dict[tuple[float, float], int] = {}
    for row in gdf.itertuples():
        view = excerpt_view(row, lang)
        key = layer.key({"paragraph": view.paragraph}) if layer.key else f"paragraph-{view.paragraph}"
        where = {"key": key, "zoom": view.zoom, "bounds": None, "callout": view.callout}
        named = json.loads(row.places)
        title_slots = {"n": view.paragraph, "named": {"names": named} if named else {"msg": "no place named"}}
        if view.point is not None:
            # The arrow turns about the marker's centre to point the way the far place lies on the map.
            arrow = (
                f'<span class="tripp-arrow" style="transform: rotate({view.bearing:g}deg)" aria-hidden="true"></span>'
                if view.callout
                else ""
            )
            parts = shapely.get_parts(view.point)
            spots = [(round(p.x, 3), round(p.y, 3)) for p in parts]
            names = part_names(row, parts)
            slot = max(used.get(spot, 0) for spot in spots)
            for spot in spots:
                used[spot] = slot + 1
            feats.append(
                {
                    "geometry": view.point,
                    "icon": f'<span class="tripp-num">{view.paragraph}</span>{arrow}',
                    "icon_class": "tripp-icon tripp-callout" if view.callout else "tripp-icon",
                    "pop": view.html,
                    "key": key,
                    "tip": say("Paragraph {n}", lang, n=view.paragraph),
                    "title": say_text("Paragraph {n}: {named}", lang, **title_slots),
                    "title_message": ["Paragraph {n}: {named}", title_slots],
                    "slot": slot,
                    **({"names": names} if any(names) else {}),
                }
            )
            minx, miny, maxx, maxy = view.point.bounds
            where["bounds"] = [[miny, minx], [maxy, maxx]]
        places.append(where)
    return feats, places
