"""Paper's names, key and relief: the web map's labels placed by the same pass (``render/placement.py``),
the key of what is drawn, and the shaded relief, for handouts and figures.

Text stays text (no path effects, so an SVG keeps it selectable): a label's halo is a pale box.
"""

from __future__ import annotations

import io
import math
from collections.abc import Iterable, Mapping, Sequence
from functools import cache

import numpy as np
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, PathPatch, Rectangle
from matplotlib.path import Path as MplPath
from PIL import Image

from geo.i18n import format_day, place_name, tr
from geo.load import read_bytes
from geo.region import RELIEF_BOX
from layers.labels import LABEL_STYLES, Label, map_labels
from layers.periods import in_force
from layers.spec import Layer
from render.i18n import words_text
from render.inset import INSET_SIZE, inset_options, inset_rings, inset_xy
from render.placement import Item, gap_beside, place_labels

__all__ = ["draw_inset", "draw_key", "draw_labels", "draw_relief", "label_date", "web_zoom"]

WEB_DPI = 96  # a web pixel on paper, for the labels' zoom ranges
HALO = {"boxstyle": "round,pad=0.12", "facecolor": (1, 1, 1, 0.72), "edgecolor": "none"}


def label_date(day: str | None, lang: str = "en") -> str:
    """ "18 Sep 2023" from an ISO day, as the web map writes it in ``lang`` (``T.day``)."""
    return format_day(str(day or ""), lang)


def web_zoom(ax: Axes, west: float, east: float) -> float:
    """The web map's zoom that shows ``west``–``east`` across this axes' width."""
    width_px = ax.get_position().width * ax.figure.get_figwidth() * WEB_DPI
    return math.log2(width_px * 360 / (256 * max(east - west, 1e-6)))


def _in_force(label: Label, day: str) -> bool:
    return in_force(label.since, label.until, day)


def _text_of(label: Label, day: str, lang: str = "en") -> str:
    text = words_text(label.text, lang)
    text = text.upper() if LABEL_STYLES[label.kind].get("caps") else text
    when = label_date(day, lang) if day != "9999-12-31" else tr("today", lang)
    sub = tr(label.sub, lang, date=when) if "{date}" in label.sub else tr(label.sub, lang)
    return f"{text}\n{sub}" if sub else text


def _step_labels(steps, lang: str) -> list[Label]:
    """A label beside each of a step's markers: the places it stands for, two to a line (labels.js's)."""
    out = []
    for n, ((lon, lat), named) in enumerate(steps):
        words = [place_name(name, lang) for name in dict.fromkeys(named)]
        lines = [", ".join(words[i : i + 2]) for i in range(0, len(words), 2)]
        out.append(Label(f"step-{n}", ",\n".join(lines), "town", lon, lat, -1.0, (0.0, 99.0)))
    return out


def _flipped(boxes, height: float) -> list[tuple[float, float, float, float]]:
    """Display boxes (left, bottom, right, top) as the placement's (left, top, right, bottom), y downward."""
    return [(left, height - top, right, height - bottom) for left, bottom, right, top in boxes]


def _clear_of_edge(lab: Label, to_px, box, margin: float = 8.0) -> bool:
    x, y = to_px((lab.lon, lab.lat))
    return box.x0 + margin <= x <= box.x1 - margin and box.y0 + margin <= y <= box.y1 - margin


def draw_labels(
    ax: Axes,
    layers: Iterable[str],
    date: str | None,
    keep_clear: Sequence,
    obstacles: Sequence[tuple[float, float, float, float]] = (),
    discs: Sequence[tuple[float, float, float, float]] = (),
    blank_places: bool = False,
    scale: float = 0.62,
    lang: str = "en",
    steps: Sequence[tuple[tuple[float, float], tuple[str, ...]]] = (),
) -> dict[str, str]:
    """Place and draw the labels of ``layers`` in the axes' view; return the texts drawn, by label id.

    ``obstacles`` are display-pixel boxes (left, bottom, right, top) to keep clear, ``discs`` those of them that
    are markers (a place under one is named beside it); ``steps``, each marker's place (lon, lat) and the names
    of the places it stands for, named beside it first (a town among them is not named twice); ``blank_places``
    draws a line to write on where a place's name would be (a worksheet). Sizes are the web's, times
    ``scale`` points per pixel.
    """
    fig = ax.figure
    renderer = fig.canvas.get_renderer()
    (west, east), (south, north) = ax.get_xlim(), ax.get_ylim()
    zoom = web_zoom(ax, west, east)
    day = date or "9999-12-31"
    height = fig.bbox.height
    box = ax.get_window_extent(renderer)
    frame = (box.x0 + 3, height - box.y1 + 3, box.x1 - 3, height - box.y0 - 3)
    to_px = ax.transData.transform
    wanted = [
        lab
        for lab in map_labels(frozenset(layers))
        if lab.zooms[0] <= zoom <= lab.zooms[1]
        and _in_force(lab, day)
        and west <= lab.lon <= east
        and south <= lab.lat <= north
    ]
    flipped_discs = _flipped(discs, height)
    # A place whose dot the map's edge cuts is not named (nor its dot drawn), as on the web map.
    wanted = [lab for lab in wanted if LABEL_STYLES[lab.kind]["anchor"] != "point" or _clear_of_edge(lab, to_px, box)]
    in_step = {name for _, named in steps for name in named}
    said = {lab.id: lab.text for lab in wanted if lab.kind in ("town", "capital") and lab.text in in_step}
    wanted = [*_step_labels(steps, lang), *(lab for lab in wanted if lab.id not in said)]
    artists, items = [], []
    for lab in wanted:
        style = LABEL_STYLES[lab.kind]
        blank = blank_places and lab.kind in ("capital", "town")
        text = "_" * 12 if blank else _text_of(lab, day, lang)
        x, y = to_px((lab.lon, lab.lat))
        gap = float(style.get("gap", 8)) * scale * WEB_DPI / 72
        if style["anchor"] == "point":
            gap = gap_beside(x, height - y, gap, flipped_discs)
        artist = ax.text(
            lab.lon,
            lab.lat,
            text,
            fontsize=style["size"] * scale,
            fontweight="bold" if style.get("weight", 400) >= 600 else "normal",
            fontstyle="italic" if style.get("italic") else "normal",
            color=style["colour"],
            ha="center",
            va="center",
            multialignment="center",
            rotation=-float(lab.angle or 0),
            rotation_mode="anchor",
            bbox=HALO,
            zorder=58,
        )
        # The unrotated size (the placement turns the box itself), measured while visible: matplotlib gives
        # a hidden text no extent.
        artist.set_rotation(0)
        plain = artist.get_window_extent(renderer)
        artist.set_rotation(-float(lab.angle or 0))
        artist.set_visible(False)
        items.append(
            Item(
                lab.id,
                x,
                height - y,
                plain.width,
                plain.height,
                style["anchor"],
                float(lab.angle or 0),
                gap,
            )
        )
        artists.append((lab, artist))
    lines = []
    for geom in keep_clear:
        for part in getattr(geom, "geoms", [geom]):
            if part.geom_type in ("LineString", "LinearRing"):
                pts = to_px(np.asarray(part.coords))
                lines.append([(float(px), float(height - py)) for px, py in pts])
    dots = [
        (x - 4, height - y - 4, x + 4, height - y + 4)
        for lab, (x, y) in ((lab, to_px((lab.lon, lab.lat))) for lab in wanted)
        if LABEL_STYLES[lab.kind]["anchor"] == "point"
    ]
    placed = place_labels(items, frame, [*_flipped(obstacles, height), *dots], lines)
    inverse = ax.transData.inverted()
    drawn = {}
    for spot in placed:
        lab, artist = artists[spot.index]
        cx, cy = (spot.left + spot.right) / 2, (spot.top + spot.bottom) / 2
        artist.set_position(tuple(inverse.transform((cx, height - cy))))
        artist.set_visible(True)
        drawn[lab.id] = artist.get_text()
        if LABEL_STYLES[lab.kind].get("symbol"):
            ax.text(
                lab.lon,
                lab.lat,
                LABEL_STYLES[lab.kind]["symbol"],
                fontsize=8,
                color=LABEL_STYLES[lab.kind]["colour"],
                ha="center",
                va="center",
                zorder=58,
            )
    for _, artist in artists:
        if not artist.get_visible():
            artist.remove()
    return {**said, **drawn}


def draw_key(
    ax: Axes,
    layers: Sequence[Layer],
    date: str | None,
    below: bool = False,
    hidden: frozenset | set = frozenset(),
    lang: str = "en",
) -> object:
    """The key of what this map shows (the rows of the layers in view, on their days, less what the map
    names on itself and the ``hidden`` rows no feature in view and in force draws, as on the web), and its
    date."""
    day = date or "9999-12-31"
    handles, seen = [], set()
    for layer in reversed(layers):
        for row in layer.legend:
            if row.direct or row.label in seen or row.label in hidden:
                continue
            if row.when and not in_force(row.when[0], row.when[1], day):
                continue
            seen.add(row.label)
            style: Mapping[str, object] = row.style
            colour = str(style.get("color", "#333333"))
            if row.kind == "line":
                dash = str(style.get("dashArray") or "").split()
                handles.append(
                    Line2D(
                        [],
                        [],
                        color=colour,
                        linewidth=min(float(style.get("weight", 2)), 5) * 0.6,
                        linestyle=(0, tuple(float(d) / 3 for d in dash)) if dash else "solid",
                        label=tr(row.label, lang),
                    )
                )
            elif row.kind in ("point", "excerpt"):
                handles.append(
                    Line2D(
                        [],
                        [],
                        marker="o",
                        linestyle="none",
                        markersize=5 if row.kind == "point" else 8,
                        markerfacecolor=str(style.get("fillColor", "#1a1a1a")),
                        markeredgecolor=colour,
                        label=tr(row.label, lang),
                    )
                )
            else:
                handles.append(
                    Patch(
                        facecolor=str(style.get("fillColor", colour)),
                        alpha=max(float(style.get("fillOpacity", 0.4)), 0.35),
                        edgecolor=colour,
                        label=tr(row.label, lang),
                    )
                )
    if any(layer.period for layer in layers):
        when = label_date(date, lang) if date else tr("today", lang)  # no date: the latest state of every layer
        handles.insert(0, Patch(facecolor="none", edgecolor="none", label=f"{tr('Map date:', lang)} {when}"))
    where = {"loc": "upper left", "bbox_to_anchor": (0.0, -0.01), "ncol": 3} if below else {"loc": "lower right"}

    def legend(size: float):
        return ax.legend(
            handles=handles,
            **where,
            fontsize=size,
            framealpha=0.95,
            title=tr("Key", lang),
            title_fontsize=size + 1,
            borderpad=0.5,
            labelspacing=0.3,
            handlelength=2.2,
            alignment="left",
        )

    key = legend(6.5)
    # A key wider than a narrow map (a phone-sized figure) is set smaller, not cut at the map's left edge.
    renderer = ax.figure.canvas.get_renderer()
    room = ax.get_window_extent(renderer).width - 4
    wide = key.get_window_extent(renderer).width
    if wide > room:
        key.remove()
        key = legend(max(4.5, 6.5 * room / wide))
    key.set_zorder(80)
    return key


def _merc(lat: float | np.ndarray) -> float | np.ndarray:
    return np.log(np.tan(np.pi / 4 + np.radians(lat) / 2))


@cache
def _relief_rgba(strength: float) -> np.ndarray:
    """The shading as a black of its depth, its Web Mercator rows put back on plate carrée rows: made once
    per process, not once per page."""
    grey = np.asarray(Image.open(io.BytesIO(read_bytes("relief.webp"))).convert("L"), dtype=float)
    _, south, _, north = RELIEF_BOX
    rows = grey.shape[0]
    lats = np.linspace(north, south, rows)
    src = (_merc(north) - _merc(lats)) / (_merc(north) - _merc(south)) * (rows - 1)
    linear = grey[np.clip(np.round(src).astype(int), 0, rows - 1)]
    rgba = np.zeros((*linear.shape, 4))
    rgba[..., 3] = (1 - linear / 255) * strength
    rgba.setflags(write=False)
    return rgba


def draw_relief(ax: Axes, zorder: float, strength: float = 0.3) -> None:
    """The shaded relief as darkening over the fills (the web multiplies it; here a black of the
    shading's depth)."""
    west, south, east, north = RELIEF_BOX
    ax.imshow(
        _relief_rgba(strength),
        extent=(west, east, south, north),
        origin="upper",
        interpolation="bilinear",
        zorder=zorder,
        aspect="auto",
    )


def draw_inset(ax: Axes, frame: tuple[tuple[float, float], tuple[float, float]], lang: str = "en") -> Axes:
    """The locator inset in the map's top right corner: the region's part of the world, the frame's box
    on it (the web inset's own drawing)."""
    options = inset_options()
    width, height = INSET_SIZE
    fig = ax.figure
    box = ax.get_position()
    w = 0.24 * box.width
    h = w * fig.get_figwidth() * height / width / fig.get_figheight()
    inset = fig.add_axes((box.x1 - w - 0.004, box.y1 - h - 0.004, w, h), zorder=90)
    inset.set_xlim(0, width)
    inset.set_ylim(height, 0)
    inset.set_facecolor("#c6dcec")
    inset.set_xticks([])
    inset.set_yticks([])
    vertices: list[tuple[float, float]] = []
    codes: list[int] = []
    for ring in inset_rings():
        vertices += ring
        codes += [MplPath.MOVETO, *[MplPath.LINETO] * (len(ring) - 2), MplPath.CLOSEPOLY]
    inset.add_patch(PathPatch(MplPath(vertices, codes), facecolor="#e4e0d8", edgecolor="#8f8a80", linewidth=0.4))
    for sea in options["seas"]:
        name = place_name(sea["name"], lang)
        inset.text(*sea["xy"], name, fontsize=6, style="italic", color="#285f8c", ha="center", va="center")
    (south, west), (north, east) = frame
    x0, y0 = inset_xy(west, north)
    x1, y1 = inset_xy(east, south)
    inset.add_patch(
        Rectangle((x0, y0), x1 - x0, y1 - y0, facecolor=(0.69, 0, 0.43, 0.18), edgecolor="#B0006E", linewidth=1.2)
    )
    return inset
