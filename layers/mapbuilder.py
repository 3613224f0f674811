"""The one function that builds the Folium map; the app, the CLI and the export all call it."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field

import folium
import geopandas as gpd
import shapely
from branca.element import Figure
from pyproj import Geod

from geo.gazetteer import in_region
from layers.assets import apply_assets
from layers.basemap import TILE_BASEMAPS, region_bounds, sea
from layers.elements import CompactGeoJson, DataAttribution, MapLegend, PageStyle, StoryControl, esc
from layers.registry import build_layer, layer_names
from layers.styles import BACKGROUND, LAYER_TITLES, SEA, legend_entries, style_for

__all__ = ["CREDITS", "DEFAULT_HIDDEN", "MapOptions", "build_map", "excerpt_view"]

# Shown on open unless the user asks; the others start hidden but listed.
DEFAULT_HIDDEN = frozenset({"water"})

CREDITS = [
    "© OpenStreetMap contributors (ODbL)",
    "Natural Earth",
    "GeoNames (CC BY 4.0)",
    "places and dates: Wikipedia and reporting, cited per feature",
    "route derived by tripp-map",
]

_GEOD = Geod(ellps="WGS84")
_CENTRE = (45.9, 40.1)  # lon, lat


@dataclass(frozen=True)
class MapOptions:
    """What a map shows. Frozen and hashable, so the app can cache on it."""

    layers: tuple[str, ...] = field(default_factory=lambda: tuple(layer_names()))
    basemap: str = "bundled"
    focus: int | None = None
    assets: str = "inline"
    title: str = "The TRIPP corridor"
    # In the app the sidebar toggles layers and steps the story, so the map's
    # own layer list and story panel are left out; the map itself is the same.
    in_app: bool = False


def _pop(title: str, rows: Iterable[tuple[str, object]], body: str = "") -> str:
    cells = "".join(f"<tr><th>{esc(k)}</th><td>{esc(v)}</td></tr>" for k, v in rows if v not in (None, "", "nan"))
    return f'<div class="tripp-pop"><h4>{esc(title)}</h4>{body}<table>{cells}</table></div>'


def _area_rows(row) -> list[tuple[str, object]]:
    area = getattr(row, "area_km2", None)
    return [("Area (measured)", f"{area:,.0f} km²")] if area else []


def _polygon_features(name: str, gdf: gpd.GeoDataFrame) -> list[dict]:
    feats = []
    for row in gdf.itertuples():
        props = row._asdict()
        tip = row.name
        rows: list[tuple[str, object]] = [*_area_rows(row)]
        if name == "enclaves":
            tip = f"{row.name}: de jure {row.de_jure}, held by {row.held_by} since the {row.held_since}"
            rows += [
                ("Also called", row.alt_names.replace(";", ", ")),
                ("De jure", row.de_jure),
                ("Held by", f"{row.held_by}, since the {row.held_since}"),
                ("Note", row.note),
            ]
        elif name == "karabakh":
            rows += [("Boundary drawn", row.boundary), ("History", row.history)]
        elif name in ("armenia", "azerbaijan", "nakhchivan", "syunik"):
            rows += [
                ("Also called", str(getattr(row, "alt_names", "")).replace(";", ", ")),
                ("Note", getattr(row, "note", "")),
            ]
            if name == "nakhchivan":
                tip = "Nakhchivan (exclave of Azerbaijan)"
        rows.append(("Source", row.source))
        feats.append(
            {"geometry": row.geometry, "style": style_for(name, props), "tip": esc(tip), "pop": _pop(row.name, rows)}
        )
    return feats


def _line_features(name: str, gdf: gpd.GeoDataFrame) -> list[dict]:
    feats = []
    for row in gdf.itertuples():
        props = row._asdict()
        length = row.length_km if isinstance(row.length_km, float) and row.length_km == row.length_km else None
        rows = [
            ("Status", row.status),
            ("Mode", row.mode),
            ("In", getattr(row, "country", "")),
            ("Length (measured)", f"{length:,.1f} km" if length else "not a line: alignment not settled"),
            ("Length quoted", getattr(row, "quoted_length", "")),
            ("Drawn as", getattr(row, "geometry_basis", "")),
            ("Note", getattr(row, "note", "")),
            ("Source", row.source),
        ]
        label = name == "tripp_route" and row.country == "Armenia" and row.mode == "rail"
        tip = f"{row.name} ({row.status})"
        feats.append(
            {
                "geometry": row.geometry,
                "style": style_for(name, props),
                "tip": esc("TRIPP railway through Armenia (proposed)" if label else tip),
                "label": label,
                "pop": _pop(row.name, rows),
            }
        )
    return feats


def _place_features(gdf: gpd.GeoDataFrame) -> list[dict]:
    feats = []
    for row in gdf.itertuples():
        style = style_for("places", {})
        if row.kind == "capital":
            style = {**style, "radius": 6, "fillColor": "#222222"}
        alt = str(row.alt_names).replace(";", ", ")
        rows = [
            ("Also written", alt),
            ("Role", row.role),
            ("Country", row.country),
            ("Position", f"{row.geometry.y:.4f}, {row.geometry.x:.4f}"),
            ("Note", row.note),
            ("Source", row.source),
        ]
        labelled = row.kind == "capital" or " / " in row.name
        feats.append(
            {
                "geometry": row.geometry,
                "style": style,
                "tip": esc(row.name),
                "label": labelled,
                "pop": _pop(row.name, rows),
                "key": f"place-{row.id}",
            }
        )
        if getattr(row, "alt_lat", ""):
            other = shapely.Point(float(row.alt_lon), float(row.alt_lat))
            _, _, metres = _GEOD.inv(row.geometry.x, row.geometry.y, other.x, other.y)
            note = f"{row.name} as placed by {row.alt_source}: {metres / 1000:.1f} km from the position above"
            feats.append(
                {
                    "geometry": other,
                    "style": {**style, "fillColor": "#ffffff", "dashArray": "2 2"},
                    "tip": esc(note),
                    "pop": _pop(f"{row.name} (other source)", [("Note", note), ("Source", row.alt_source)]),
                }
            )
            feats.append(
                {
                    "geometry": shapely.LineString([row.geometry, other]),
                    "style": {"color": "#222222", "weight": 1, "dashArray": "2 3"},
                    "tip": esc(note),
                }
            )
    return feats


@dataclass(frozen=True)
class ExcerptView:
    """Where an excerpt is drawn and what its popup and story step say."""

    paragraph: int
    point: shapely.Geometry | None
    html: str
    zoom: int
    far_note: str
    callout: bool


def excerpt_view(row) -> ExcerptView:
    """Placement of one excerpt: at its places, or at a callout toward far ones."""
    places = json.loads(row.places)
    far = json.loads(row.far_places)
    point = row.geometry
    far_note = ""
    callout = False
    parts = shapely.get_parts(point) if point is not None else []
    if len(parts) and not any(in_region(p.x, p.y) for p in parts):
        # Only far places: draw a callout at the region's edge, pointing at them.
        target = parts[0]
        azimuth, _, metres = _GEOD.inv(_CENTRE[0], _CENTRE[1], target.x, target.y)
        lon, lat, _ = _GEOD.fwd(_CENTRE[0], _CENTRE[1], azimuth, 280_000)
        far_note = f"{', '.join(far)}: about {metres / 1000:,.0f} km away, outside this map (arrow shows the way)"
        point = shapely.Point(lon, lat)
        callout = True
    elif far:
        far_note = f"Also names {', '.join(far)}, far outside this map"
    events = json.loads(row.events)
    meta = [
        ("Date", row.date),
        ("Source", row.source),
        ("Places named", ", ".join(places) or "none"),
        ("Drawn at", row.placed_at),
        ("Far away", far_note),
        ("Events", ", ".join(events)),
    ]
    body = f'<p class="tripp-quote">{esc(row.text)}</p>'
    html = _pop(f"Paragraph {row.paragraph}", meta, body)
    zoom = 9 if point is not None and len(shapely.get_parts(point)) == 1 else 7
    return ExcerptView(int(row.paragraph), point, html, zoom, far_note, callout)


def _excerpt_features(gdf: gpd.GeoDataFrame) -> tuple[list[dict], list[dict]]:
    feats, steps = [], []
    # Excerpts at the same place sit side by side instead of on top of each other.
    used: dict[tuple[float, float], int] = {}
    for row in gdf.itertuples():
        view = excerpt_view(row)
        key = f"excerpt-{view.paragraph}"
        step = {"key": key, "html": view.html, "zoom": view.zoom, "bounds": None}
        if view.point is not None:
            arrow = "&#10140;" if view.callout else ""
            icon = f'<span class="tripp-num">{view.paragraph}{arrow}</span>'
            spots = [(round(p.x, 3), round(p.y, 3)) for p in shapely.get_parts(view.point)]
            slot = max(used.get(spot, 0) for spot in spots)
            for spot in spots:
                used[spot] = slot + 1
            feats.append(
                {
                    "geometry": view.point,
                    "icon": icon,
                    "icon_class": "tripp-icon",
                    "pop": view.html,
                    "key": key,
                    "tip": esc(f"Paragraph {view.paragraph}"),
                    "title": f"Paragraph {view.paragraph}",
                    "slot": slot,
                }
            )
            minx, miny, maxx, maxy = view.point.bounds
            step["bounds"] = [[miny, minx], [maxy, maxx]]
            step["html"] = None  # the story panel shows the marker's popup text: no second copy
        steps.append(step)
    return feats, steps


CSS = f"""
.leaflet-container {{ background: {BACKGROUND};
  font: 15px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }}
.tripp-legend {{ background: rgba(255,255,255,.95); padding: 6px 10px; border-radius: 6px; max-height: 45vh;
  overflow: auto; box-shadow: 0 1px 4px rgba(0,0,0,.3); max-width: 340px; font-size: 14px; }}
.tripp-legend ul {{ list-style: none; margin: 4px 0 0; padding: 0; }}
.tripp-legend li {{ display: flex; align-items: center; gap: 6px; margin: 2px 0; }}
.tripp-legend summary {{ font-weight: 600; cursor: pointer; }}
.tripp-label {{ background: rgba(255,255,255,.85); border: 0; box-shadow: none; font-weight: 600; font-size: 14px;
  padding: 1px 4px; }}
.tripp-label::before {{ display: none; }}
.tripp-icon {{ background: none; border: 0; }}
.tripp-num {{ display: flex; align-items: center; justify-content: center; min-width: 30px; height: 30px;
  border-radius: 15px; background: #1a1a1a; color: #fff; font-weight: 700; font-size: 15px;
  border: 2px solid #fff; box-shadow: 0 1px 4px rgba(0,0,0,.5); padding: 0 4px; box-sizing: border-box; }}
.tripp-pop h4 {{ margin: 0 0 4px; font-size: 16px; }}
.tripp-pop table {{ border-collapse: collapse; font-size: 13px; }}
.tripp-pop th {{ text-align: left; vertical-align: top; padding: 1px 6px 1px 0; color: #444; white-space: nowrap; }}
.tripp-quote {{ font-size: 15px; margin: 4px 0 8px; white-space: pre-wrap; overflow-wrap: anywhere;
  max-height: 40vh; overflow: auto; }}
.tripp-story {{ background: rgba(255,255,255,.97); padding: 8px 10px; border-radius: 6px; width: 360px;
  max-width: calc(100vw - 80px); box-shadow: 0 1px 5px rgba(0,0,0,.35); }}
.tripp-story-bar {{ display: flex; justify-content: space-between; align-items: center; gap: 6px; }}
.tripp-story-bar button {{ font-size: 15px; padding: 5px 10px; cursor: pointer; }}
.tripp-story-text {{ font-size: 17px; margin-top: 6px; max-height: 35vh; overflow: auto; }}
.tripp-story-text .tripp-pop table {{ display: none; }}
.tripp-story-text .tripp-pop h4 {{ font-size: 14px; color: #555; }}
.leaflet-control-layers {{ font-size: 14px; max-height: 50vh; overflow: auto; }}
.leaflet-control-attribution {{ font-size: 11px; }}
.tripp-story.tripp-hidden {{ display: none; }}
@media (max-width: 600px) {{
  .tripp-legend details:not([open]) ul {{ display: none; }}
  .tripp-legend {{ max-width: 60vw; font-size: 12px; }}
  .tripp-story {{ width: auto; }}
  .tripp-story-text {{ font-size: 15px; max-height: 25vh; }}
}}
"""


def build_map(options: MapOptions | None = None, excerpts: gpd.GeoDataFrame | None = None) -> folium.Map:
    """The map: layers, legend, tooltips and popups, excerpts and the story control.

    Parameters
    ----------
    options : what to show and how to load Leaflet (see :class:`MapOptions`).
    excerpts : an article's excerpts layer; the seed article's when None.
    """
    options = options or MapOptions()
    unknown = [n for n in options.layers if n not in layer_names()]
    if unknown:
        raise ValueError(f"unknown layer {', '.join(unknown)}")
    figure = Figure(title=esc(options.title))
    bounds = region_bounds()
    m = folium.Map(location=[40.1, 46.9], zoom_start=7, tiles=None, control_scale=True, zoom_snap=0.25)
    figure.add_child(m)
    apply_assets(m, options.assets)
    m.add_child(PageStyle(CSS))

    bundled = folium.FeatureGroup(name="Bundled basemap (offline)", overlay=False, show=options.basemap == "bundled")
    bundled.add_child(
        CompactGeoJson(
            [
                {
                    "geometry": sea().geometry.iloc[0],
                    "style": {
                        "color": "#7fa7c4",
                        "weight": 0.6,
                        "fillColor": SEA,
                        "fillOpacity": 1.0,
                        "interactive": False,
                    },
                }
            ]
        )
    )
    m.add_child(bundled)
    if options.basemap in TILE_BASEMAPS:
        title, url, attribution = TILE_BASEMAPS[options.basemap]
        folium.TileLayer(url, name=title, attr=attribution, overlay=False, control=True).add_to(m)

    steps: list[dict] = []
    for name in layer_names():
        if name not in options.layers:
            continue
        if name == "excerpts":
            gdf = excerpts if excerpts is not None else build_layer("excerpts")
            feats, steps = _excerpt_features(gdf)
        else:
            gdf = build_layer(name)
            if name in ("tripp_route", "corridors"):
                feats = _line_features(name, gdf)
            elif name == "places":
                feats = _place_features(gdf)
            else:
                feats = _polygon_features(name, gdf)
        group = folium.FeatureGroup(name=esc(LAYER_TITLES[name]), show=name not in DEFAULT_HIDDEN)
        group.add_child(CompactGeoJson(feats))
        m.add_child(group)

    if not options.in_app:
        folium.LayerControl(collapsed=True, position="topleft").add_to(m)
    m.add_child(MapLegend(legend_entries()))
    m.add_child(DataAttribution(CREDITS))
    if "excerpts" in options.layers:
        start = None
        if options.focus is not None:
            matching = [i for i, s in enumerate(steps) if s["key"] == f"excerpt-{options.focus}"]
            start = matching[0] if matching else None
        m.add_child(
            StoryControl(
                steps,
                bounds,
                "Press Next or the → key to step through the article.",
                start,
                show_panel=not options.in_app,
            )
        )
    m.fit_bounds(bounds)
    return m
