"""Layer ``corridors``: the rail projects and trade routes the TRIPP joins.

Lines other than the Aras railway are schematic: stations joined in order,
with a waypoint where a straight chord would cross a country the line does
not enter. Each feature says so in ``geometry_basis``.
"""

from __future__ import annotations

from functools import cache

import geopandas as gpd
import shapely

from geo.i18n import N_
from geo.measure import from_utm, length_km, shared_border, to_utm
from layers._atoms import frame
from layers.palette import status_line
from layers.periods import ALWAYS, PERIOD, Dated
from layers.places import place_points
from layers.route import BUILDING, LINE_POPUP, NAKHCHIVAN_LINE, line_style, line_tip, rail_line
from layers.shapes import country_shapes
from layers.spec import Layer, LegendRow

__all__ = ["CORRIDORS", "corridors", "dilucu_point"]

SCHEMATIC = "schematic: stations joined in order, not a surveyed alignment"


def dilucu_point() -> shapely.Point:
    """The Dilucu gate: no published coordinate, so the Turkish side of the
    Nakhchivan–Turkey border nearest Sadarak, 1 km into Turkey."""
    shapes = country_shapes()
    border = shared_border(shapes["Nakhchivan"], shapes["Turkey"])
    sadarak = place_points()["sadarak"]
    on_border = shapely.ops.nearest_points(border, sadarak)[0]
    turkey = to_utm(shapes["Turkey"])
    p = to_utm(on_border)
    inside = shapely.ops.nearest_points(turkey.buffer(-1_000), p)[0]
    return from_utm(inside)


def _line(*ids_or_points) -> shapely.LineString:
    points = place_points()
    pts = [points[x] if isinstance(x, str) else x for x in ids_or_points]
    return shapely.LineString([(p.x, p.y) for p in pts])


def _row(name, geom, status, mode, source, basis, *, dated: Dated, **extra) -> dict:
    return {
        "name": name,
        "status": status,
        "mode": mode,
        "source": source,
        "geometry_basis": basis,
        "length_km": round(length_km(geom), 1),
        **dated.columns(),
        **extra,
        "geometry": geom,
    }


def _horadiz_aghband() -> shapely.LineString:
    line = rail_line()
    points = place_points()
    start, end = sorted((line.project(points["aghband"]), line.project(points["horadiz"])))
    return shapely.ops.substring(line, start, end)


@cache
def _corridors() -> gpd.GeoDataFrame:
    # Waypoints keep schematic chords out of Armenia: the Kars–Iğdır line runs
    # south of the Aras via Tuzluca and Aralık, Baku–Tbilisi–Kars via Akhalkalaki.
    tuzluca = shapely.Point(43.66, 40.05)
    akhalkalaki = shapely.Point(43.49, 41.41)
    aralik = shapely.Point(44.52, 39.87)
    dilucu = dilucu_point()
    rows = [
        _row(
            "Horadiz – Aghband railway",
            _horadiz_aghband(),
            "under construction",
            "rail",
            "Trend, 5 Sep 2025",
            "derived along the Aras, as the TRIPP railway",
            dated=BUILDING,
            quoted_length="110.4 km main line (140.6 km with access tracks)",
            note="Completion planned 2026; Sept 2025: design 84 %, construction 67 %. Other planned stations "
            "(no coordinates found): Bartaz, Hakari, Gumlagh, Soltanli, Shukurbayli, Yukhari Marjanli.",
        ),
        _row(
            "Kars – Iğdır – Aralık – Dilucu railway",
            _line("kars", tuzluca, "igdir", aralik, dilucu),
            "under construction",
            "rail",
            "News.az",
            SCHEMATIC + "; Tuzluca and Aralık waypoints; Dilucu placed on the border",
            dated=Dated("2025-08-22", "", "construction began", ""),
            quoted_length="about 224 km",
            note="Construction began 22 Aug 2025; 6 stations, 5 tunnels; "
            "4–5 years to build. A 7 km Dilucu–Sadarak link is planned.",
        ),
        _row(
            "Dilucu – Sadarak link",
            _line(dilucu, "sadarak"),
            "proposed",
            "rail",
            "News.az",
            SCHEMATIC,
            dated=Dated("2025-08-22", "", "reported as planned when work on the Kars line began (at the latest)", ""),
            quoted_length="7 km",
            note="Planned link to Nakhchivan.",
        ),
        _row(
            "Baku – Tbilisi – Kars railway",
            _line("alat", "baku", "tbilisi", akhalkalaki, "kars"),
            "existing",
            "rail",
            "Middle Corridor nodes (public reference works, compiled for tripp-map)",
            SCHEMATIC + "; Akhalkalaki waypoint",
            dated=Dated("2017-10-30", "", "opened", ""),
            note="Opened 30 Oct 2017. Part of the Middle Corridor.",
        ),
        _row(
            "Middle Corridor: Kars – Istanbul",
            _line("kars", "istanbul"),
            "existing",
            "rail",
            "Middle Corridor nodes (public reference works, compiled for tripp-map)",
            SCHEMATIC,
            dated=ALWAYS,
            note="On toward Europe.",
        ),
        _row(
            "Caspian ferry Aktau – Alat",
            _line("aktau", "alat"),
            "existing",
            "ferry",
            "Middle Corridor nodes (public reference works, compiled for tripp-map)",
            SCHEMATIC,
            dated=ALWAYS,
            note="Trans-Caspian International Transport Route.",
        ),
        _row(
            "Caspian ferry Kuryk – Alat",
            _line("kuryk", "alat"),
            "existing",
            "ferry",
            "Middle Corridor nodes (public reference works, compiled for tripp-map)",
            SCHEMATIC,
            dated=ALWAYS,
            note="Kuryk position approximate.",
        ),
        _row(
            "Caspian ferry Türkmenbaşy – Alat",
            _line("turkmenbasy", "alat"),
            "existing",
            "ferry",
            "Middle Corridor nodes (public reference works, compiled for tripp-map)",
            SCHEMATIC,
            dated=ALWAYS,
            note="Trans-Caspian International Transport Route.",
        ),
    ]
    return frame(rows + soviet_line_sections())


SOVIET_SOURCE = (
    "Public reference works on the Soviet-era line (Yerevan–Julfa 1908; Julfa–Horadiz 1941); "
    "Wikipedia, Rail transport in Armenia (CC BY-SA); urbanista.am/meghri-railway"
)
# Sources disagree on when the Aras line through Meghri opened: both are said.
MEGHRI_OPENED = "completed 1941 in most sources; put into operation in autumn 1943 in others (urbanista.am)"
CLOSED_1992 = "service stopped (April 1992 in most sources; some say 1995)"


def soviet_line() -> shapely.LineString:
    """The whole Soviet-era line: Yerevan to Yeraskh, then the Aras line from Sadarak (as the TRIPP railway)."""
    points = place_points()
    west = [points["yerevan"].coords[0], points["yeraskh"].coords[0]]
    return shapely.LineString([*west, *rail_line().coords])


def soviet_line_sections() -> list[dict]:
    """The Soviet-era line by section and by period: open, then closed where service stopped."""
    shapes = country_shapes()
    line = soviet_line()
    armenia = [g for g in shapely.get_parts(line.intersection(shapes["Armenia"])) if g.length > 0]
    west = max(armenia, key=lambda g: -g.centroid.x)  # Yerevan – Yeraskh
    meghri = shapely.line_merge(shapely.MultiLineString([g for g in armenia if g is not west]))
    horadiz = line.intersection(shapes["Azerbaijan (mainland)"])
    sections = [
        (
            "Yerevan – Yeraskh",
            west,
            "existing",
            Dated("1908", "", "opened (the Yerevan–Julfa line)", ""),
            "An operating line of the South Caucasus Railway (Wikipedia, Rail transport in Armenia); only the "
            "crossing beyond Yeraskh into Nakhchivan, closed since the early 1990s, and the Meghri section are closed.",
        ),
        (
            "Sadarak – Nakhchivan – Julfa – Ordubad (Nakhchivan)",
            line.intersection(shapes["Nakhchivan"]),
            "existing",
            NAKHCHIVAN_LINE,
            "The Nakhchivan section still carries trains.",
        ),
        (
            "Meghri section (Armenia)",
            meghri,
            "existing",
            Dated("1941", "1992-04", MEGHRI_OPENED, CLOSED_1992),
            "Part of the Julfa–Meghri–Horadiz line: " + MEGHRI_OPENED + ".",
        ),
        (
            "Meghri section (Armenia)",
            meghri,
            "historical",
            Dated("1992-04", "", CLOSED_1992, ""),
            f"S{CLOSED_1992[1:]}; the TRIPP railway would restore it. Opened: {MEGHRI_OPENED}.",
        ),
        (
            "Aghband – Horadiz (Azerbaijan)",
            horadiz,
            "existing",
            Dated("1941", "1992-04", MEGHRI_OPENED, CLOSED_1992),
            "Part of the Julfa–Meghri–Horadiz line.",
        ),
        (
            "Aghband – Horadiz (Azerbaijan)",
            horadiz,
            "historical",
            Dated("1992-04", "2021-02-14", CLOSED_1992, "work on the Horadiz – Aghband railway began on it"),
            f"S{CLOSED_1992[1:]}.",
        ),
    ]
    rows = [
        _row(
            f"Soviet-era line: {name}",
            geom,
            status,
            "rail",
            SOVIET_SOURCE,
            "along the TRIPP railway east of Sadarak; " + SCHEMATIC + " from Yerevan to Yeraskh",
            dated=dated,
            note=note,
        )
        for name, geom, status, dated, note in sections
    ]
    kars_gyumri = _line("kars", "gyumri")
    for status, dated in (
        ("existing", Dated("", "1993", "", "closed")),
        ("historical", Dated("1993", "", "closed", "")),
    ):
        rows.append(
            _row(
                "Kars – Gyumri railway (Doğukapı – Akhuryan)",
                kars_gyumri,
                status,
                "rail",
                "Wikipedia, Rail transport in Armenia (CC BY-SA)",
                SCHEMATIC,
                dated=dated,
                note="Closed since 1993, with the Turkey–Armenia border.",
            )
        )
    return rows


def corridors() -> gpd.GeoDataFrame:
    """The connected projects, each with status, name, source and how it was drawn."""
    return _corridors().copy()


CORRIDORS = Layer(
    name="corridors",
    title=N_("Connected rail and ferry links"),
    kind="line",
    build=lambda _: corridors(),
    style=lambda record: line_style(record, thinner=True),
    legend=(
        LegendRow(N_("Rail: proposed (other links)"), status_line("proposed"), "line"),
        LegendRow(N_("Rail: under construction"), status_line("under construction"), "line"),
        LegendRow(N_("Rail: operating"), status_line("existing"), "line"),
        LegendRow(N_("Rail: closed (Soviet lines, 1992–93)"), status_line("historical"), "line"),
        LegendRow(N_("Caspian ferry"), line_style({"mode": "ferry", "status": "existing"}, thinner=True), "line"),
    ),
    popup=LINE_POPUP,
    tooltip=line_tip,
    period=PERIOD,
)
