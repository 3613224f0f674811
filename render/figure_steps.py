"""Where each page or figure of an article looks: the region, or a step framed on its places with
the route in view (the handout's pages and ``tripp-map figure --step``)."""

from __future__ import annotations

import json
from dataclasses import dataclass

import geopandas as gpd
import shapely

from geo.region import VIEW_BOUNDS, in_region
from layers.route import tripp_route
from render.excerpts import part_names
from render.figure_map import Frame, frame_around
from render.paper_text import paper_text
from render.story import rules_for, step_frame, step_title

__all__ = ["FigureStep", "figure_steps", "region_frame"]


@dataclass(frozen=True)
class FigureStep:
    """One paragraph as a page or a figure: its frame, markers, title and words."""

    number: int
    title: str
    text: str
    date: str
    source: str
    places: tuple[str, ...]
    frame: Frame
    markers: tuple[tuple[float, float, str, tuple[str, ...]], ...]  # lon, lat, number, the places it stands for
    map_date: str = ""  # the day the map shows: the event the step tells, or the article's date
    note: str = ""  # a lesson's note and questions for the class
    questions: tuple[str, ...] = ()
    own_title: bool = False  # the title is a lesson's, as its author wrote it (else made of the places)


def region_frame() -> Frame:
    return VIEW_BOUNDS


def _route_in_armenia() -> shapely.Geometry:
    route = tripp_route()
    return route[(route["mode"] == "rail") & (route["country"] == "Armenia")].geometry.iloc[0]


def _frame(row, near: list, route: shapely.Geometry) -> Frame:
    """The web step's frame (:func:`render.story.step_frame`); the route's when the paragraph names no place."""
    parts = shapely.get_parts(row.geometry) if row.geometry is not None else []
    bounds = None
    if near:
        minx, miny, maxx, maxy = shapely.MultiPoint(near).bounds
        bounds = [[miny, minx], [maxy, maxx]]
    where = {"bounds": bounds, "zoom": 9, "callout": bool(len(parts)) and not near}
    view = rules_for({"layers": row.layers, "events": row.events})[2]
    box, _ = step_frame(list(json.loads(row.places)), where, view, frozenset(json.loads(row.far_places)))
    if box is None:
        return frame_around([route])
    (south, west), (north, east) = box
    # A margin in proportion, as the web map's padding: a place at the frame's edge keeps room for its name.
    margin = max(0.05, 0.06 * max(east - west, north - south))
    return frame_around([shapely.box(west, south, east, north)], margin=margin)


def figure_steps(excerpts: gpd.GeoDataFrame) -> list[FigureStep]:
    """A step per paragraph, framed as the web map's story frames it."""
    route = _route_in_armenia()
    out = []
    for row in excerpts.itertuples():
        near = [p for p in shapely.get_parts(row.geometry) if in_region(p.x, p.y)] if row.geometry is not None else []
        frame = _frame(row, near, route)
        places = tuple(json.loads(row.places))
        out.append(
            FigureStep(
                number=int(row.paragraph),
                title=paper_text(getattr(row, "step_title", "") or step_title(list(places), int(row.paragraph))),
                text=paper_text(row.text),
                date=str(row.date or ""),
                source=paper_text(row.source or ""),
                places=tuple(paper_text(p) for p in places),
                frame=frame,
                markers=tuple(
                    (p.x, p.y, str(row.paragraph), tuple(named))
                    for p, named in zip(near, part_names(row, near), strict=True)
                ),
                map_date=getattr(row, "step_date", "")
                or rules_for({"layers": row.layers, "events": row.events})[3]
                or str(row.date or ""),
                note=paper_text(getattr(row, "note", "") or ""),
                questions=tuple(paper_text(q) for q in json.loads(getattr(row, "questions", "") or "[]")),
                own_title=bool(getattr(row, "step_title", "")),
            )
        )
    return out
