"""A layer's frame as the features the map draws: geometry, style, tooltip, popup, label.

Generic over the layer specs: every choice specific to a layer is in its spec.
Every piece of text is escaped here, before it reaches JavaScript.
"""

from __future__ import annotations

from collections.abc import Iterable

import geopandas as gpd
import shapely

from geo.measure import GEOD
from layers.periods import iso_day
from layers.spec import Layer
from render.html import esc
from render.i18n import element, say, words_text

__all__ = ["layer_features", "popup_html"]


def popup_html(
    title: str, rows: Iterable[tuple[str, object]], body: str = "", lang: str = "en", title_html: str = ""
) -> str:
    """A popup: a heading (``title_html`` if given, else ``title`` as data), optional body HTML (already
    escaped), then a table of the rows with a value, their labels in ``lang``."""
    cells = "".join(
        f"<tr>{element('th', k, lang)}{element('td', v, lang)}</tr>" for k, v in rows if v not in (None, "", "nan")
    )
    heading = f"<h4>{title_html}</h4>" if title_html else element("h4", title, lang)
    return f'<div class="tripp-pop">{heading}{body}<table>{cells}</table></div>'


def key_row(layer: Layer, style: dict) -> str | None:
    """The key's row a feature is drawn as: the layer's row of the same colour and dashes (a line), fill (an
    area) or its one point row; None when no row matches."""
    for row in layer.legend:
        if row.kind == "line" and layer.kind == "line":
            if str(row.style.get("color")).lower() == str(style.get("color")).lower() and (
                row.style.get("dashArray") or ""
            ) == (style.get("dashArray") or ""):
                return row.label
        elif row.kind == "fill" and layer.kind in ("polygon", "line") and style.get("fillColor"):
            if str(row.style.get("fillColor")).lower() == str(style.get("fillColor")).lower():
                return row.label
        elif row.kind == "point" and layer.kind == "point":
            return row.label
    return None


def _records(gdf: gpd.GeoDataFrame) -> list[dict]:
    geom_col = gdf.geometry.name
    records = gdf.to_dict("records")
    return [{**r, "geometry": r[geom_col]} for r in records]


def layer_features(layer: Layer, gdf: gpd.GeoDataFrame, lang: str = "en") -> list[dict]:
    """The drawn features of a polygon, line or point layer (see :class:`render.elements.CompactGeoJson`)."""
    feats = []
    for record in _records(gdf):
        if record["geometry"] is None or record["geometry"].is_empty:
            continue
        name = str(record.get("name", ""))
        label = layer.label(record) if layer.label else None
        tip = label or (layer.tooltip(record) if layer.tooltip else name)
        style = layer.style_of(record)
        feats.append(
            {
                "geometry": record["geometry"],
                "style": style,
                "keyrow": key_row(layer, style),
                "tip": esc(words_text(tip, lang)),
                "label": bool(label),
                "pop": popup_html(name, [(f.label, f.read(record)) for f in layer.popup], lang=lang),
                "key": layer.key(record) if layer.key else None,
                "when": [iso_day(record[c]) or None for c in layer.period] if layer.period else None,
            }
        )
        if layer.kind == "point" and record.get("alt_lat"):
            # Keyed as the place: drawn, and set aside, with its dot.
            key = feats[-1]["key"]
            feats += [{**f, "key": key} if key else f for f in _second_position(record, feats[-1]["style"], lang)]
    return feats


def _second_position(record: dict, style: dict, lang: str) -> list[dict]:
    """Where two sources put a place in different spots: the other spot, and a line between."""
    here = record["geometry"]
    other = shapely.Point(float(record["alt_lon"]), float(record["alt_lat"]))
    _, _, metres = GEOD.inv(here.x, here.y, other.x, other.y)
    name = record["name"]
    slots = {"name": {"name": name}, "source": record["alt_source"], "km": f"{metres / 1000:.1f}"}
    note = say("{name} as placed by {source}: {km} km from the position above", lang, **slots)
    heading = say("{name} (other source)", lang, name={"name": name})
    return [
        {
            "geometry": other,
            "style": {**style, "fillColor": "#ffffff", "dashArray": "2 2"},
            "tip": note,
            "pop": popup_html("", [("Source", record["alt_source"])], f"<p>{note}</p>", lang, heading),
        },
        {
            "geometry": shapely.LineString([here, other]),
            "style": {"color": "#222222", "weight": 1, "dashArray": "2 3"},
            "tip": note,
        },
    ]
