"""Where each page or figure of an article looks: the region, or a step framed on its places with
the route in view (the handout's pages and ``tripp-map figure --step``)."""

from __future__ import annotations

import json
from dataclasses import dataclass

import geopandas as gpd
import shapely

from geo.region import VIEW_BOUNDS, in_region
from layers.route import tripp_route
from render.figure_map import Frame, frame_around
from render.story import step_title

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
    markers: tuple[tuple[float, float, str], ...]


def region_frame() -> Frame:
    return VIEW_BOUNDS


def _route_in_armenia() -> shapely.Geometry:
    route = tripp_route()
    return route[(route["mode"] == "rail") & (route["country"] == "Armenia")].geometry.iloc[0]


def figure_steps(excerpts: gpd.GeoDataFrame) -> list[FigureStep]:
    """A step per paragraph, framed on its places in the region and on the route, which is always in view."""
    route = _route_in_armenia()
    out = []
    for row in excerpts.itertuples():
        near = [p for p in shapely.get_parts(row.geometry) if in_region(p.x, p.y)] if row.geometry is not None else []
        frame = frame_around([route, *near])
        places = tuple(json.loads(row.places))
        out.append(
            FigureStep(
                number=int(row.paragraph),
                title=step_title(list(places), int(row.paragraph)),
                text=row.text,
                date=str(row.date or ""),
                source=str(row.source or ""),
                places=places,
                frame=frame,
                markers=tuple((p.x, p.y, str(row.paragraph)) for p in near),
            )
        )
    return out
