"""How the story is told, as data: its views, and which layers a step shows or hides.

A step (one paragraph of an article) applies every rule whose layer or event
the paragraph names, in order; a later rule's view wins. The map builder
turns these into each step's ``show``, ``hide`` and ``view``
(see :func:`render.excerpts.excerpt_features`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import shapely

from geo.i18n import N_
from layers.corridors import CORRIDORS
from layers.countries import NAKHCHIVAN, armenia, azerbaijan, nakhchivan
from layers.karabakh import KARABAKH, karabakh
from layers.regions import SYUNIK, syunik
from layers.route import TRIPP_ROUTE, tripp_route

__all__ = ["HEADLINE", "OPENING_VIEW", "STEP_RULES", "StepRule", "area_extents", "views"]

# The story in two sentences, for the title step and the handout.
HEADLINE = N_(
    "The TRIPP (Trump Route for International Peace and Prosperity) is a proposed road-and-rail route of "
    "about 42–45 km across Armenia's Syunik province. It would restore a Soviet-era railway along the "
    "Iranian border and link mainland Azerbaijan with its Nakhchivan exclave."
)

OPENING_VIEW = "route"


@dataclass(frozen=True)
class StepRule:
    """When a paragraph names ``layer`` (or links ``event``), its step shows, hides and frames these,
    and sets the map's date (the time control)."""

    layer: str | None = None
    event: str | None = None
    show: tuple[str, ...] = ()
    hide: tuple[str, ...] = ()
    view: str | None = None
    date: str | None = None


STEP_RULES = (
    StepRule(layer=KARABAKH.name, show=(KARABAKH.name,), view="karabakh area"),
    # The eve of the offensive: what was still held, and then taken.
    StepRule(event="offensive_2023", show=(KARABAKH.name,), view="karabakh area", date="2023-09-18"),
    StepRule(event="war_2020", show=(KARABAKH.name,)),
    StepRule(layer=NAKHCHIVAN.name, show=(NAKHCHIVAN.name, TRIPP_ROUTE.name), view="route"),
    # The TRIPP's own steps: the route and Syunik, without the far corridors.
    StepRule(layer=TRIPP_ROUTE.name, show=(TRIPP_ROUTE.name, SYUNIK.name), hide=(CORRIDORS.name,), view="route"),
)


def _box(geom: shapely.Geometry, margin: float, south: float = 0.0) -> tuple[tuple[float, float], tuple[float, float]]:
    minx, miny, maxx, maxy = geom.bounds
    south_west = (round(miny - margin - south, 4), round(minx - margin, 4))
    return (south_west, (round(maxy + margin, 4), round(maxx + margin, 4)))


@cache
def views() -> dict[str, tuple[tuple[float, float], tuple[float, float]]]:
    """Named views, as ((south, west), (north, east)): the route (the opening view) and Karabakh.

    The route's view frames Syunik and the railway through it, with a little
    of Nakhchivan and mainland Azerbaijan on either side, and reaches as far
    south of the railway (into Iran) as the controls at the map's foot need,
    so the railway is never at the edge.
    """
    segments = tripp_route()
    through_armenia = segments[(segments["mode"] == "rail") & (segments["country"] == "Armenia")].geometry.iloc[0]
    return {
        "route": _box(shapely.union(syunik().geometry.iloc[0], through_armenia), 0.12, south=0.3),
        "karabakh area": _box(shapely.union_all(karabakh().geometry.values), 0.05),
    }


@cache
def area_extents() -> dict[str, tuple[tuple[float, float], tuple[float, float]]]:
    """The extent of each area a paragraph may name, by the name the place finder gives it: a step that
    names a country or a province frames all of it, not a point at its middle."""
    whole_azerbaijan = shapely.union(azerbaijan().geometry.iloc[0], nakhchivan().geometry.iloc[0])
    return {
        "Armenia": _box(armenia().geometry.iloc[0], 0.05),
        "Azerbaijan": _box(whole_azerbaijan, 0.05),
        NAKHCHIVAN.aliases[0]: _box(nakhchivan().geometry.iloc[0], 0.05),
        KARABAKH.aliases[0]: _box(shapely.union_all(karabakh().geometry.values), 0.05),
        SYUNIK.aliases[0]: _box(syunik().geometry.iloc[0], 0.05),
    }
