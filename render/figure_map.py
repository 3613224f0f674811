"""The map drawn with matplotlib from the layers' own specs: the same colours, dashes and casing as
the web map, for handouts and figures (no browser needed).

Web styles are in CSS pixels; here 1 px is ``PX`` points.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

import geopandas as gpd
import numpy as np
import shapely
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection, PatchCollection
from matplotlib.patches import PathPatch
from matplotlib.path import Path
from shapely.geometry.base import BaseGeometry

from geo.measure import GEOD
from layers import periods, registry
from layers.labels import map_labels
from layers.palette import SEA
from layers.spec import Layer
from render.features import key_row
from render.figure_labels import HALO, draw_key, draw_labels, draw_relief
from render.figure_markers import draw_markers, extent

__all__ = ["PX", "Frame", "draw_map", "fit_frame", "frame_around"]

PX = 0.6  # points per web pixel: a map on paper is read closer than a screen
Frame = tuple[tuple[float, float], tuple[float, float]]  # ((south, west), (north, east))


def frame_around(geoms: Iterable[BaseGeometry], margin: float = 0.25, min_span: float = 0.6) -> Frame:
    """A frame holding every geometry, with a margin and at least ``min_span`` degrees each way."""
    minx, miny, maxx, maxy = shapely.union_all([g for g in geoms if g is not None and not g.is_empty]).bounds
    cx, cy = (minx + maxx) / 2, (miny + maxy) / 2
    half_w = max((maxx - minx) / 2 + margin, min_span / 2)
    half_h = max((maxy - miny) / 2 + margin, min_span / 2)
    return ((cy - half_h, cx - half_w), (cy + half_h, cx + half_w))


def fit_frame(frame: Frame, width: float, height: float) -> Frame:
    """``frame`` grown in one direction so that it fills an axes of ``width`` by ``height`` exactly."""
    (south, west), (north, east) = frame
    squeeze = math.cos(math.radians((south + north) / 2))
    shown = (east - west) * squeeze / (north - south)  # width over height as drawn
    want = width / height
    cx, cy = (west + east) / 2, (south + north) / 2
    if shown < want:
        half = (north - south) * want / squeeze / 2
        return ((south, cx - half), (north, cx + half))
    half = (east - west) * squeeze / want / 2
    return ((cy - half, west), (cy + half, east))


def _dashes(style: Mapping[str, object]) -> str | tuple:
    dash = str(style.get("dashArray") or "").split()
    if not dash:
        return "solid"
    weight = max(float(style.get("weight", 1)), 0.5)
    # matplotlib scales dashes by the line width; the web's are in pixels.
    return (0, tuple(float(d) / weight for d in dash))


def _records_in_force(gdf: gpd.GeoDataFrame, live: gpd.GeoDataFrame):
    """Each record of ``gdf`` with whether it is drawn on the map's date (in ``live``)."""
    drawn = set(live.index)
    geom = gdf.geometry.name
    for index, record in zip(gdf.index, gdf.to_dict("records"), strict=True):
        yield {**record, "geometry": record[geom]}, index in drawn


def _polygon(ax: Axes, geom: BaseGeometry, style: Mapping[str, object], zorder: float) -> None:
    if geom.is_empty:
        return
    patches = []
    for part in shapely.get_parts(geom):
        if part.geom_type != "Polygon":
            continue
        # Arrays, not coordinate tuples: a page's polygons hold tens of thousands of vertices.
        rings = [shapely.get_coordinates(ring) for ring in (part.exterior, *part.interiors)]
        codes = np.concatenate(
            [
                np.array([Path.MOVETO, *[Path.LINETO] * (len(ring) - 2), Path.CLOSEPOLY], dtype=Path.code_type)
                for ring in rings
            ]
        )
        patches.append(PathPatch(Path(np.concatenate(rings), codes)))
    fill = str(style.get("fillColor", style.get("color", "#888888")))
    ax.add_collection(
        PatchCollection(
            patches, facecolor=fill, alpha=float(style.get("fillOpacity", 0.2)), edgecolor="none", zorder=zorder
        ),
        autolim=False,  # the frame sets the limits: measuring every patch's would only cost time
    )
    if style.get("stroke", True) is not False:
        _line(ax, geom.boundary, style, zorder + 0.01)


def _line(ax: Axes, geom: BaseGeometry, style: Mapping[str, object], zorder: float) -> None:
    """Every part of a line as one artist (a border of many parts draws as fast as one)."""
    merged = shapely.line_merge(geom) if geom.geom_type == "MultiLineString" else geom
    parts = [
        shapely.get_coordinates(part)
        for part in shapely.get_parts(merged)
        if not part.is_empty and part.geom_type in ("LineString", "LinearRing")
    ]
    if not parts:
        return
    ax.add_collection(
        LineCollection(
            parts,
            colors=str(style.get("color", "#333333")),
            linewidths=float(style.get("weight", 1)) * PX,
            linestyles=_dashes(style),
            alpha=float(style.get("opacity", 1.0)),
            capstyle="round",
            joinstyle="round",
            zorder=zorder,
        ),
        autolim=False,
    )


def _draw_layer(
    ax: Axes,
    layer: Layer,
    gdf: gpd.GeoDataFrame,
    zorder: float,
    clip: tuple[float, ...],
    keep_clear: list[BaseGeometry],
) -> dict[str, object]:
    """Draw one layer, clipped a little beyond the frame and simplified to what the page can show; the
    lines to keep clear are added to ``keep_clear``. Returns the dots of a point layer's keyed records, by key."""
    dots: dict[str, object] = {}
    tolerance = (clip[2] - clip[0]) / 3000  # a third of a point across a page-wide map
    for record in gdf.to_dict("records"):
        geom = record[gdf.geometry.name]
        if geom is None or geom.is_empty:
            continue
        if layer.kind != "point":
            geom = shapely.clip_by_rect(geom, *clip)
            if geom.is_empty:
                continue
            geom = shapely.simplify(geom, tolerance, preserve_topology=True)
        style = layer.style_of(record)
        top = zorder + (20 if style.get("keepClear") else 0)
        if style.get("keepClear"):
            keep_clear.append(geom)
        if layer.kind == "point":
            size = float(style.get("radius", 4)) * 2 * PX
            (dot,) = ax.plot(
                [geom.x],
                [geom.y],
                marker="o",
                markersize=size * 1.6,
                markerfacecolor=str(style.get("fillColor", "#ffffff")),
                markeredgecolor=str(style.get("color", "#222222")),
                markeredgewidth=float(style.get("weight", 1)) * PX,
                zorder=top + 0.5,
            )
            if layer.key:
                dots[layer.key(record)] = dot
        elif geom.geom_type in ("Polygon", "MultiPolygon"):
            _polygon(ax, geom, style, top)
        else:
            if style.get("casing"):
                _line(ax, geom, {**style, **style["casing"]}, top - 0.05)  # type: ignore[dict-item]
            _line(ax, geom, style, top)
    return dots


def _scale_bar(ax: Axes, frame: Frame):
    (south, west), (north, east) = frame
    lat = south + (north - south) * 0.06
    _, _, width_m = GEOD.inv(west, lat, east, lat)
    target = width_m / 5 / 1000
    km = next(k for k in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000) if k >= target * 0.6)
    lon1 = west + (east - west) * 0.04
    lon2, _, _ = GEOD.fwd(lon1, lat, 90, km * 1000)
    ax.plot([lon1, lon2], [lat, lat], color="#1a1a1a", linewidth=3, solid_capstyle="butt", zorder=60)
    return ax.text(
        (lon1 + lon2) / 2,
        lat + (north - south) * 0.012,
        f"{km:g} km",
        ha="center",
        va="bottom",
        fontsize=8,
        zorder=60,
        bbox=HALO,
    )


def _north_arrow(ax: Axes):
    return ax.annotate(
        "N",
        xy=(0.95, 0.93),
        xytext=(0.95, 0.83),
        xycoords="axes fraction",
        ha="center",
        va="center",
        fontsize=11,
        fontweight="bold",
        zorder=60,
        arrowprops={"arrowstyle": "-|>", "color": "#1a1a1a", "lw": 1.6},
    )


def draw_map(
    ax: Axes,
    frame: Frame,
    *,
    frames: Mapping[str, gpd.GeoDataFrame] | None = None,
    date: str | None = None,
    labels: bool = True,
    blank_labels: bool = False,
    markers: Iterable[tuple[float, float, str]] = (),
    key: str | None = "inside",
    lang: str = "en",
) -> list[str]:
    """Draw every shown layer (not the excerpts) inside ``frame`` on ``ax``, with the relief, the map's
    names placed as on the web map, its key, a scale and a north arrow. Returns the names drawn.

    Parameters
    ----------
    frames : layer frames to draw instead of the registry's.
    date : the day a layer over time is drawn at (its latest state when None).
    labels : draw the map's names.
    blank_labels : draw a line to write on where each place's name would be (a worksheet).
    markers : numbered markers to draw, (lon, lat, text): an excerpt's places.
    key : where the key of what the map shows goes: ``"inside"`` the map (a figure), ``"below"`` it (a
        page, in columns), or None.
    lang : the language of the names and the key.
    """
    (south, west), (north, east) = frame
    pad_x, pad_y = (east - west) * 0.1, (north - south) * 0.1
    clip = (west - pad_x, south - pad_y, east + pad_x, north + pad_y)
    ax.set_facecolor(SEA)
    keep_clear: list[BaseGeometry] = []
    dots: dict[str, object] = {}
    drawn_layers: list[Layer] = []
    in_view: list[Layer] = []
    # The key's rows drawn by features, and which of them a feature in view and in force draws (as on the web).
    rows_drawn: set[str] = set()
    rows_of_features: set[str] = set()
    view = shapely.box(west, south, east, north)
    last_fill = 1.0
    for z, layer in enumerate(registry.LAYERS, start=1):
        if not layer.shown or layer.kind == "excerpt":
            continue
        gdf = (frames or {}).get(layer.name)
        gdf = gdf if gdf is not None else registry.build_layer(layer.name)
        live = periods.live(gdf, layer.period, date)
        dots.update(_draw_layer(ax, layer, live, float(z), clip, keep_clear))
        drawn_layers.append(layer)
        if any(g is not None and g.intersects(view) for g in live.geometry.values):
            in_view.append(layer)
        for record, is_live in _records_in_force(gdf, live):
            row = key_row(layer, layer.style_of(record))
            if row is None:
                continue
            rows_of_features.add(row)
            geom = record["geometry"]
            if is_live and geom is not None and geom.intersects(view):
                rows_drawn.add(row)
        if layer.kind == "polygon":
            last_fill = float(z)
    draw_relief(ax, last_fill + 0.5)
    ax.set_xlim(west, east)
    ax.set_ylim(south, north)
    ax.set_aspect(1 / math.cos(math.radians((south + north) / 2)))
    ax.set_xticks([])
    ax.set_yticks([])
    ax.apply_aspect()  # the axes' final box, before anything is placed in pixels
    subject = shapely.union_all(keep_clear) if keep_clear else None
    drawn_discs = draw_markers(ax, markers, subject, frame)
    discs = [disc for disc, _ in drawn_discs]
    artists = [*discs, _scale_bar(ax, frame), _north_arrow(ax)]
    if key == "inside":
        artists.append(draw_key(ax, in_view, date, hidden=rows_of_features - rows_drawn, lang=lang))
    elif key == "below":
        draw_key(ax, in_view, date, below=True, hidden=rows_of_features - rows_drawn, lang=lang)
    if not labels:
        return []
    renderer = ax.figure.canvas.get_renderer()
    boxes = [extent(a, renderer) for a in artists]
    names = {layer.name for layer in drawn_layers}
    steps = [(disc.get_position(), named) for disc, named in drawn_discs if named]
    drawn = draw_labels(
        ax, names, date, keep_clear, boxes, boxes[: len(discs)], blank_places=blank_labels, lang=lang, steps=steps
    )
    # A place's dot is drawn only with its name, as on the web map: a dot the map does not name is noise.
    named = {lab.id for lab in map_labels(frozenset(names))}
    for key, dot in dots.items():
        if key in named and key not in drawn:
            dot.remove()
    return list(drawn.values())
