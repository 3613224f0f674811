"""Layer ``tripp_route``: the railway along the Aras, and the unsettled road corridor.

How the line is drawn
---------------------
The railway restores the Soviet line that ran along the Aras on the north
bank. The Aras is the border with Iran all the way from Horadiz to the Turkish
tripoint, so the line is derived from the border the map itself draws: the
shared border of Iran with mainland Azerbaijan, Armenia and Nakhchivan,
offset 1.2 km inland. Between consecutive stations the line follows that
offset curve; each station is joined to it by the shortest link. The result is
then cut by the country polygons, so every segment lies in the country it is
attributed to and the whole line agrees with the borders at every zoom.
"""

from __future__ import annotations

from functools import cache

import geopandas as gpd
import shapely
import shapely.ops
from shapely.geometry.base import BaseGeometry

from geo.i18n import N_
from geo.measure import from_utm, length_km, to_utm
from layers._atoms import frame
from layers.palette import PALETTE, ROUTE_COLOUR, merged, status_line
from layers.periods import PERIOD, WHEN_FIELDS, Dated
from layers.places import place_points
from layers.regions import syunik, water
from layers.shapes import country_shapes
from layers.spec import SOURCE, Field, Layer, LegendRow

__all__ = ["QUOTED_LENGTHS", "RAIL_STATIONS", "TRIPP_ROUTE", "line_style", "rail_line", "station_points", "tripp_route"]

# West to east, as in the reference file's station table (ids in places.csv).
RAIL_STATIONS = (
    "sadarak",
    "sharur",
    "nakhchivan_city",
    "julfa",
    "ordubad",
    "agarak",
    "meghri",
    "nrnadzor",
    "aghband",
    "mincivan",
    "horadiz",
)

INLAND_OFFSET_M = 1_200
OFF_RIVER_M = 1_600

QUOTED_LENGTHS = {
    "Armenia": [
        ("42 km", "Russian Deputy PM Overchuk"),
        ("43 km (about $200m)", "Armenian Economy Ministry"),
        ("45 km of a 340 km Yeraskh–Horadiz line", "Armenian Deputy PM Mher Grigoryan"),
    ],
    "Azerbaijan": [("110.4 km main line (140.6 km with access tracks), Horadiz–Aghband", "Trend, Sept 2025")],
}

SOURCE_RAIL = (
    "Derived by tripp-map: Iran's border (OpenStreetMap) offset 1.2 km inland, through the stations "
    "(Wikipedia coordinates)"
)


def station_points() -> dict[str, shapely.Point]:
    """Station id → point, from the ``places`` layer."""
    points = place_points()
    return {sid: points[sid] for sid in RAIL_STATIONS}


def _polygons() -> dict[str, BaseGeometry]:
    shapes = country_shapes()
    return {
        "Azerbaijan": shapes["Azerbaijan (mainland)"],
        "Armenia": shapes["Armenia"],
        "Nakhchivan": shapes["Nakhchivan"],
        "Iran": shapes["Iran"],
        "Turkey": shapes["Turkey"],
    }


def _river_line(polys: dict[str, BaseGeometry]) -> BaseGeometry:
    """The north bank of the Aras as the map draws it, in UTM metres, west to east.

    It is the edge of Nakhchivan, Armenia and Azerbaijan that faces Iran or a
    border reservoir (Araz, Khudafarin): the line goes round a reservoir on
    the north shore, as the railway does, rather than across it.
    """
    water_bodies = water().geometry.values
    land = shapely.union_all([polys[c] for c in ("Nakhchivan", "Armenia", "Azerbaijan")])
    south = shapely.union_all([polys["Iran"], *water_bodies]).buffer(0.005)
    outline = shapely.union_all([shapely.LineString(p.exterior.coords) for p in shapely.get_parts(land)])
    facing = shapely.line_merge(outline.intersection(south))
    line = max(shapely.get_parts(facing), key=lambda g: g.length)
    if line.coords[0][0] > line.coords[-1][0]:
        line = line.reverse()
    return to_utm(line)


def _inland(line: BaseGeometry, land: BaseGeometry) -> BaseGeometry:
    """The offset of ``line`` that lies on the land side."""
    land_utm = to_utm(land)
    best = None
    for distance in (INLAND_OFFSET_M, -INLAND_OFFSET_M):
        candidate = line.offset_curve(distance, join_style="round")
        candidate = shapely.line_merge(candidate) if candidate.geom_type == "MultiLineString" else candidate
        if candidate.geom_type == "MultiLineString":
            candidate = max(candidate.geoms, key=lambda g: g.length)
        inside = candidate.intersection(land_utm).length
        if best is None or inside > best[0]:
            best = (inside, candidate)
        if inside >= 0.99 * candidate.length:
            break  # the left of a west-to-east line is the north bank: the other side need not be tried
    curve = best[1]
    if curve.coords[0][0] > curve.coords[-1][0]:
        curve = curve.reverse()
    return curve


@cache
def _rail_utm() -> BaseGeometry:
    polys = _polygons()
    land = shapely.union_all([polys["Azerbaijan"], polys["Armenia"], polys["Nakhchivan"]])
    curve = _inland(_river_line(polys), land)
    stations = [to_utm(p) for p in station_points().values()]
    at = [curve.project(p) for p in stations]
    # A station on the river bank is passed by the offset curve itself; one off
    # the river (Nakhchivan city, Sharur, Ordubad) is reached by a chord that
    # leaves the river earlier and rejoins it later, never by a spur.
    off = [curve.distance(p) > OFF_RIVER_M or i in (0, len(stations) - 1) for i, p in enumerate(stations)]
    reach = [1.5 * curve.distance(p) if o else 0.0 for p, o in zip(stations, off, strict=True)]
    coords: list[tuple[float, float]] = []
    for i, station in enumerate(stations):
        if off[i]:
            coords.append(station.coords[0])
        if i + 1 < len(stations):
            middle = (at[i] + at[i + 1]) / 2
            start = min(at[i] + reach[i], middle) if off[i] else at[i]
            end = max(at[i + 1] - reach[i + 1], middle) if off[i + 1] else at[i + 1]
            coords.extend(shapely.ops.substring(curve, start, end).coords)
    line = shapely.LineString(coords)
    return line.simplify(20)


def rail_line() -> BaseGeometry:
    """The whole railway, Sadarak to Horadiz, lon/lat."""
    return from_utm(_rail_utm())


def _segment(
    name: str, geom: BaseGeometry, *, mode: str, status: str, country: str, source: str, dated: Dated, **extra
) -> dict:
    return {
        "name": name,
        "mode": mode,
        "status": status,
        "country": country,
        "length_km": round(length_km(geom), 2),
        "source": source,
        **dated.columns(),
        **extra,
        "geometry": geom,
    }


def _pieces(line: BaseGeometry, poly: BaseGeometry) -> BaseGeometry:
    part = line.intersection(poly)
    lines = [g for g in shapely.get_parts(part) if g.geom_type == "LineString" and g.length > 0]
    return shapely.line_merge(shapely.MultiLineString(lines)) if lines else shapely.LineString()


# The days of each status: the TRIPP from the summit that named it, Azerbaijan's line from its first works.
PROPOSED = Dated("2025-08-08", "", "named and launched at the White House summit", "")
BUILDING = Dated("2021-02-14", "", "construction began (foundation laid; reporting of 14 Feb 2021)", "")
NAKHCHIVAN_LINE = Dated("1908", "", "opened to Julfa (the Yerevan–Julfa line); on to Ordubad with the Aras line", "")
DATED = {"existing": NAKHCHIVAN_LINE, "proposed": PROPOSED, "under construction": BUILDING}

# The railway by the polygon it lies in: (polygon, name, status, jurisdiction, note).
RAIL_SEGMENTS = (
    (
        "Nakhchivan",
        "Sadarak – Sharur – Nakhchivan – Julfa – Ordubad railway",
        "existing",
        "Azerbaijan (Nakhchivan)",
        "Nakhchivan's own network on the Soviet alignment; the Sharur–Sadarak end meets the planned 7 km "
        "Dilucu–Sadarak link to Turkey. 'existing' is tripp-map's reading: the reference gives no date for this "
        "section's service or its upgrade.",
    ),
    (
        "Armenia",
        "TRIPP railway through Syunik (Agarak – Meghri – Nrnadzor)",
        "proposed",
        "Armenia",
        "Restores the Soviet line along the Iran border (closed 1992). Quoted lengths: "
        + "; ".join(f"{q} ({s})" for q, s in QUOTED_LENGTHS["Armenia"])
        + ".",
    ),
    (
        "Azerbaijan",
        "Horadiz – Aghband railway (to the Armenian border)",
        "under construction",
        "Azerbaijan",
        "Completion planned 2026; Sept 2025: design 84 %, construction 67 % (Trend). Quoted: "
        + QUOTED_LENGTHS["Azerbaijan"][0][0]
        + ".",
    ),
)


@cache
def _route() -> gpd.GeoDataFrame:
    polys = _polygons()
    line = rail_line()
    rows = [
        _segment(
            name,
            _pieces(line, polys[part]),
            mode="rail",
            status=status,
            country=country,
            source=SOURCE_RAIL,
            dated=DATED[status],
            note=note,
        )
        for part, name, status, country, note in RAIL_SEGMENTS
    ]
    in_iran = _pieces(line, polys["Iran"])
    if not in_iran.is_empty:
        rows.append(
            _segment(
                "Railway where it touches Iran's polygon",
                in_iran,
                mode="rail",
                status="proposed",
                country="Iran",
                source=SOURCE_RAIL,
                dated=PROPOSED,
                note="Where the drawn line meets Iran's simplified polygon at a river bend.",
            )
        )
    rows.append(_road_band(line, polys["Armenia"]))
    return frame(rows)


def _road_band(line: BaseGeometry, armenia: BaseGeometry) -> dict:
    """The road as what it is: an unsettled corridor north of the railway, not a line."""
    province = syunik().geometry.iloc[0]
    rail_in_armenia = to_utm(_pieces(line, armenia))
    band = from_utm(rail_in_armenia.buffer(8_000, cap_style="flat").simplify(200))
    band = band.intersection(province)
    return {
        "name": "TRIPP road, pipeline and power corridor (alignment not settled)",
        "mode": "road",
        "status": "proposed",
        "country": "Armenia",
        "length_km": None,
        **PROPOSED.columns(),
        "source": "PM Pashinyan, 12 Nov 2025: road, pipeline and power lines may run further north than the railway",
        "note": "Indicative band within 8 km of the railway in Syunik; sources give no alignment. "
        "Shown as a band so it is not mistaken for a route.",
        "geometry": band,
    }


def tripp_route() -> gpd.GeoDataFrame:
    """The railway segments by country, and the road corridor band."""
    return _route().copy()


_ROAD_BAND = {
    "color": PALETTE["vermillion"],
    "weight": 1.5,
    "dashArray": "2 5",
    "fillColor": PALETTE["vermillion"],
    "fillOpacity": 0.12,
}


def line_style(record, thinner: bool = False) -> dict[str, object]:
    """A rail, road or ferry feature's style: status by dash and weight as well as colour."""
    if record.get("mode") == "road":
        return dict(_ROAD_BAND)
    style = status_line(record.get("status"))
    if thinner:
        style = merged(style, {"weight": max(2.0, float(style["weight"]) - 2)})
    if record.get("mode") == "ferry":
        style = merged(style, {"dashArray": "2 8", "color": PALETTE["blue"]})
    return style


# Drawn on top of every other layer, on a pale casing, and kept clear of markers and labels.
SUBJECT_STYLE = {
    **status_line("proposed"),
    "color": ROUTE_COLOUR,
    "weight": 6,
    "casing": {"color": "#ffffff", "weight": 11, "opacity": 0.95},
    "pane": "tripp-top",
    "keepClear": True,
}


def _route_style(record) -> dict[str, object]:
    if record.get("mode") == "rail" and record.get("status") == "proposed":
        return dict(SUBJECT_STYLE)
    return line_style(record)


def _length(record) -> str:
    length = record.get("length_km")
    if isinstance(length, float) and length == length:
        return f"{length:,.1f} km"
    return "not a line: alignment not settled"


# Whose words each name of the route is: none is the map's own.
FRAMING = (
    'TRIPP: the name given at the White House summit of 8 Aug 2025. "Zangezur corridor": Azerbaijan\'s framing '
    "of a route across Syunik. \"Crossroads of Peace\": Armenia's plan for the region's links (26 Oct 2023). "
    "Each is its side's word; the map calls it the TRIPP railway, after the agreement that named it."
)


def _framing(record) -> str | None:
    return FRAMING if record.get("country") == "Armenia" else None


# The popup of a rail, road or ferry line; the corridors layer shares it.
LINE_POPUP = (
    Field(N_("Status"), "status"),
    Field(N_("Mode"), "mode"),
    Field(N_("In"), "country"),
    Field(N_("Length (measured)"), _length),
    Field(N_("Length quoted"), "quoted_length"),
    Field(N_("Drawn as"), "geometry_basis"),
    Field(N_("Note"), "note"),
    Field(N_("Names"), _framing),
    *WHEN_FIELDS,
    SOURCE,
)


def line_tip(record) -> str:
    return f"{record['name']} ({record['status']})"


def _anchor(gdf: gpd.GeoDataFrame) -> BaseGeometry:
    """A mention of the TRIPP is drawn at the middle of its segment through Armenia."""
    rail = gdf[(gdf["mode"] == "rail") & (gdf["country"] == "Armenia")]
    return rail.geometry.iloc[0].interpolate(0.5, normalized=True)


TRIPP_ROUTE = Layer(
    name="tripp_route",
    title=N_("TRIPP route"),
    kind="line",
    build=lambda _: tripp_route(),
    style=_route_style,
    legend=(
        LegendRow(N_("TRIPP railway through Armenia: proposed"), SUBJECT_STYLE, "line"),
        LegendRow(N_("Rail: under construction"), status_line("under construction"), "line"),
        LegendRow(N_("Rail: operating"), status_line("existing"), "line"),
        LegendRow(N_("Road / pipeline corridor: not settled (band)"), _ROAD_BAND, "fill"),
    ),
    popup=LINE_POPUP,
    tooltip=line_tip,
    period=PERIOD,
    aliases=(
        "TRIPP route",
        "TRIPP",
        "Trump Route",
        "Trump Route for International Peace and Prosperity",
        "Zangezur corridor",
        "Zangezur route",
        "Zəngəzur dəhlizi",
        "Zangezur dahlizi",
        "Зангезурский коридор",
        "Meghri corridor",
        "Syunik corridor",
        "TRIPP railway",
        "TRIPP corridor",
    ),
    place_kind="route",
    anchor=_anchor,
)
