"""What a layer is: one small description, declared once, next to the code that builds it.

The registry (:mod:`layers.registry`) is a list of these. The map builder, the
app, the command line and the tests read them and know no layer by name.
A layer's style is data here (see :mod:`layers.palette`); how a style becomes
pixels is the renderer's business (:mod:`render`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, Protocol

import geopandas as gpd
from shapely.geometry.base import BaseGeometry

from geo.errors import TrippError
from geo.i18n import N_

if TYPE_CHECKING:
    from geo.gazetteer import Gazetteer

__all__ = ["AREA", "SOURCE", "Catalogue", "Field", "Layer", "LayerError", "LegendRow", "Record", "listed"]

Record = Mapping[str, object]
"""One feature's properties, its geometry under ``"geometry"``."""

Kind = Literal["polygon", "line", "point", "excerpt"]


class LayerError(TrippError):
    """A layer is unknown or could not be built."""


class Catalogue(Protocol):
    """What a layer's ``build`` may ask of the others (only excerpts ask anything)."""

    def place_finder(self) -> Gazetteer: ...


@dataclass(frozen=True)
class LegendRow:
    """One row of the legend: a swatch drawn in ``style`` and its label.

    ``direct``: the map names what the row explains on the map itself (a country's fill), so the key in
    view leaves the row out; paper's key keeps it. ``when``: the days the row's features exist
    ([since, until), ISO), so the key lists it only on those days.
    """

    label: str
    style: Mapping[str, object]
    kind: Literal["line", "fill", "point", "excerpt"]
    direct: bool = False
    when: tuple[str | None, str | None] | None = None


@dataclass(frozen=True)
class Field:
    """One row of a feature's popup: a label and a column name or a function of the record."""

    label: str
    value: str | Callable[[Record], object]

    def read(self, record: Record) -> object:
        if callable(self.value):
            return self.value(record)
        return record.get(self.value)


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: styles hold dicts
class Layer:
    """A layer: what it holds, how it is built, and how it is drawn, as data.

    Attributes
    ----------
    name : the layer's id (file names, CLI, CSS class ``layer-<name>``).
    title : what a person reads in the layer list.
    kind : ``polygon``, ``line``, ``point`` or ``excerpt`` (an article's paragraphs).
    build : makes the frame; receives a :class:`Catalogue`.
    style : a Leaflet path style, or a function of the record giving one.
    legend : the rows this layer adds to the legend.
    popup : the popup's rows, under the feature's ``name``.
    tooltip : hover text; the feature's ``name`` when None.
    label : a permanent label's text for a record, or None for no label.
    key : a name scripts can find a drawn feature by (story steps, links).
    shown : drawn when the map opens (otherwise listed, off).
    period : the columns holding each feature's first day and the day it ends (ISO dates, the end
        empty while it lasts); the map's time control shows a feature only on its days.
    aliases : what an article may call the whole layer ("Karabakh", "the TRIPP");
        the first is the place's name in the place finder.
    place_kind : what kind of place the layer is to the place finder ("route", "exclave", "province" …):
        "the route" or "the exclave" in an article points back to the last place of that kind named.
    anchor : where a mention of the layer is drawn; a point on the layer when None.
    """

    name: str
    title: str
    kind: Kind
    build: Callable[[Catalogue], gpd.GeoDataFrame]
    style: Mapping[str, object] | Callable[[Record], Mapping[str, object]]
    legend: tuple[LegendRow, ...] = ()
    popup: tuple[Field, ...] = ()
    tooltip: Callable[[Record], str] | None = None
    label: Callable[[Record], str | None] | None = None
    key: Callable[[Record], str] | None = None
    shown: bool = True
    period: tuple[str, str] | None = None
    aliases: tuple[str, ...] = ()
    place_kind: str = "region"
    anchor: Callable[[gpd.GeoDataFrame], BaseGeometry] | None = None

    def style_of(self, record: Record) -> dict[str, object]:
        """A new style dict for one record."""
        return dict(self.style(record) if callable(self.style) else self.style)


def listed(column: str) -> Callable[[Record], str]:
    """A popup value: a ``;``-separated column shown as a list."""
    return lambda record: str(record.get(column) or "").replace(";", ", ")


def _area(record: Record) -> str | None:
    area = record.get("area_km2")
    return f"{area:,.0f} km²" if isinstance(area, (int, float)) and area else None


# Values a popup shows that are words of the map, not data: translated where shown (render/i18n.py).
VALUE_WORDS = (
    N_("existing"),
    N_("proposed"),
    N_("under construction"),
    N_("historical"),
    N_("rail"),
    N_("road"),
    N_("ferry"),
    N_("ethnic Armenian forces"),
)

AREA = Field(N_("Area (measured)"), _area)
SOURCE = Field(N_("Source"), "source")
