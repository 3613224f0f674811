"""Karabakh over time, and the audit's corrections: who held what on which date, checked at towns."""

from __future__ import annotations

import csv
import itertools
import json

import pytest
import shapely

from geo.load import DATA_DIR
from geo.measure import area_km2, length_km
from layers import periods
from layers.corridors import soviet_line
from layers.karabakh import PUBLISHED_HELD, held_area_km2, held_at, zones
from layers.places import place_points
from layers.registry import build_layer
from layers.shapes import country_shapes

ARMENIAN = "ethnic Armenian forces"

PEACEKEEPERS = "Russian peacekeepers"
AZ = "Azerbaijan"

# Places the sources date, by zone; coordinates from places.csv or as given (GeoNames, Wikipedia).
POINTS = {
    "martakert": (46.8128, 40.2153),
    "talish": (46.741, 40.381),
    "sugovushan": (46.729, 40.331),
    "vank": (46.5442, 40.0528),  # eastern Kalbajar district, former Martakert district (GeoNames)
    "kalbajar": (46.0445, 40.1098),
    "agdam": (46.9274, 39.9910),
    "askeran": (46.830, 39.935),
    "khankendi": (46.7519, 39.8153),
    "khojavend": (47.113, 39.795),
    "hadrut": (47.031, 39.520),
    "shusha": (46.7499, 39.7601),
    "mets_shen": (46.64, 39.70),  # a village west of Shusha on the 2022 road (approximate)
    "lachin": (46.5498, 39.6374),
    "old_road": (46.585, 39.655),  # on the 2020–2022 road between Lachin town and Sus
    "new_road": (46.60, 39.575),  # on the 2022–2023 road, south of Lachin town
    "qubadli": (46.5818, 39.3444),
    "jabrayil": (47.028, 39.399),  # GeoNames, as the issue measured
    "fuzuli": (47.1453, 39.6009),
    "horadiz": (47.3364, 39.4478),
    "zangilan": (46.6599, 39.0837),
    "mincivan": (46.7186, 39.0300),
    "aghband": (46.567, 38.90),
}

# (place, date, who held it): before and after each change of hands, in every zone.
PLACE_DATES = [
    ("martakert", "2000-01-01", ARMENIAN),
    ("martakert", "2021-06-01", ARMENIAN),
    ("martakert", "2023-09-19", ARMENIAN),
    ("martakert", "2023-09-21", AZ),
    ("talish", "2020-10-02", ARMENIAN),
    ("talish", "2020-10-04", AZ),
    ("sugovushan", "2020-10-02", ARMENIAN),
    ("sugovushan", "2021-06-01", AZ),
    ("vank", "2020-11-26", ARMENIAN),
    ("vank", "2023-09-21", AZ),
    ("kalbajar", "2020-11-24", ARMENIAN),
    ("kalbajar", "2020-11-26", AZ),
    ("agdam", "2020-11-19", ARMENIAN),
    ("agdam", "2020-11-21", AZ),
    ("askeran", "2021-06-01", ARMENIAN),
    ("askeran", "2023-09-21", AZ),
    ("khankendi", "1994-05-12", ARMENIAN),
    ("khankendi", "2023-09-19", ARMENIAN),
    ("khankendi", "2023-09-21", AZ),
    ("khojavend", "2021-06-01", ARMENIAN),
    ("khojavend", "2023-09-21", AZ),
    ("hadrut", "2020-10-08", ARMENIAN),
    ("hadrut", "2020-10-16", AZ),
    ("shusha", "2020-11-07", ARMENIAN),
    ("shusha", "2020-11-09", AZ),
    ("mets_shen", "2020-11-09", ARMENIAN),
    ("mets_shen", "2022-09-01", ARMENIAN),
    ("mets_shen", "2023-09-21", AZ),
    ("lachin", "2020-11-01", ARMENIAN),
    ("lachin", "2021-06-01", PEACEKEEPERS),
    ("lachin", "2022-08-25", PEACEKEEPERS),
    ("lachin", "2022-08-27", AZ),
    ("old_road", "2021-06-01", PEACEKEEPERS),
    ("old_road", "2022-09-01", AZ),
    ("new_road", "2020-11-20", ARMENIAN),
    ("new_road", "2021-06-01", AZ),
    ("new_road", "2022-09-01", PEACEKEEPERS),
    ("new_road", "2023-09-21", AZ),
    ("qubadli", "2020-10-24", ARMENIAN),
    ("qubadli", "2020-10-26", AZ),
    ("jabrayil", "2020-10-08", ARMENIAN),
    ("jabrayil", "2020-10-10", AZ),
    ("fuzuli", "2020-10-16", ARMENIAN),
    ("fuzuli", "2020-10-18", AZ),
    ("zangilan", "2020-10-19", ARMENIAN),
    ("zangilan", "2020-10-21", AZ),
    ("mincivan", "2020-10-20", ARMENIAN),
    ("mincivan", "2020-10-22", AZ),
    ("aghband", "2020-10-21", ARMENIAN),
    ("aghband", "2020-10-23", AZ),
    ("horadiz", "2005-01-01", AZ),  # in the Fuzuli district, never held by ethnic Armenian forces
]


@pytest.mark.parametrize(("place", "date", "holder"), PLACE_DATES)
def test_who_held_each_place_on_each_date(place, date, holder):
    assert held_at(shapely.Point(POINTS[place]), date) == [holder]


def test_the_place_dates_cover_every_kind_of_zone():
    zone_of = {}
    layer = build_layer("karabakh").drop_duplicates("zone")
    for place in {p for p, _, _ in PLACE_DATES}:
        zone_of[place] = next(r.zone for r in layer.itertuples() if r.geometry.covers(shapely.Point(POINTS[place])))
    zones_hit = set(zone_of.values())
    assert len(PLACE_DATES) >= 25 and len(zones_hit) >= 18
    for needed in ("Martakert", "Talish", "Shusha / Shushi: the west", "2020–2022 road", "2022–2023 road", "Jabrayil"):
        assert any(needed in z for z in zones_hit), needed


@pytest.mark.parametrize(("date", "published", "source"), PUBLISHED_HELD, ids=["2000-01-01", "2021-06-01"])
def test_held_area_matches_the_published_figures(date, published, source):
    """Within 5 % of the published figure before 2020, within 15 % after November 2020."""
    tolerance = 0.05 if date < "2020" else 0.15
    assert held_area_km2(date) == pytest.approx(published, rel=tolerance), source
    assert f"{published:,}" in source


def test_the_corridor_is_five_km_wide():
    layer = build_layer("karabakh")
    band = layer[(layer["zone"] == "Lachin corridor: the 2020–2022 road") & (layer["held_by"] == PEACEKEEPERS)]
    # Inscribed width: twice the largest distance from the band's inside to its edge, in metres.
    from geo.measure import to_utm

    utm = to_utm(band.geometry.iloc[0])
    widest = max(shapely.ops.polylabel(p, 10).distance(p.exterior) for p in shapely.get_parts(utm))
    assert 2 * widest == pytest.approx(5_000, rel=0.1)


def test_every_part_says_who_since_until_how_and_source():
    layer = build_layer("karabakh")
    assert set(layer["held_by"]) == {ARMENIAN, AZ, PEACEKEEPERS}
    assert layer["since"].min() == "1994-05-12"
    assert (layer["until"] == "").sum() == len(zones())  # each zone's last period lasts until today
    for column in ("how", "source", "boundary"):
        assert layer[column].map(bool).all(), column
    assert layer["name"].str.contains("Shusha / Shushi").any() and layer["name"].str.contains("Lachin / Berdzor").any()
    assert (layer["boundary"].str.contains("approximate") | layer["boundary"].str.startswith("the whole")).all()


def test_zones_are_disjoint_and_cover_the_districts_and_the_north():
    parts = [geom for geom, _ in zones().values()]
    for a, b in itertools.combinations(parts, 2):
        assert area_km2(a.intersection(b)) < 0.5
    districts = build_layer("karabakh").drop_duplicates("zone")
    covered = shapely.union_all(districts.geometry.values)
    # The eleven districts (11,860 km²) and the former Martakert district's part north of them.
    assert 11_860 + 800 < area_km2(covered) < 11_860 + 1_300
    martakert = shapely.Point(POINTS["martakert"])
    assert covered.contains(martakert)


def test_on_any_date_the_parts_in_force_do_not_overlap():
    layer = build_layer("karabakh")
    for date in ("1994-05-12", "2020-10-16", "2020-11-09", "2021-06-01", "2022-09-01", "2023-09-21", "2026-01-01"):
        live = periods.live(layer, ("since", "until"), date)
        assert live["zone"].is_unique, date
        assert len(live) == len(zones()), date


def test_yeraskh_lies_in_armenia_and_the_other_position_is_kept():
    places = build_layer("places").set_index("id")
    assert country_shapes()["Armenia"].contains(places.geometry["yeraskh"])
    assert places.loc["yeraskh", "alt_lat"] and "121 m" in places.loc["yeraskh", "note"]


def test_the_soviet_line_is_simple_passes_sadarak_and_has_its_sections_statuses():
    line = soviet_line()
    assert line.is_simple
    sadarak = place_points()["sadarak"]
    assert length_km(shapely.shortest_line(line, sadarak)) < 3
    corridors = build_layer("corridors")
    soviet = corridors[corridors["name"].str.startswith("Soviet-era line")]
    statuses = dict(zip(soviet["name"], soviet["status"], strict=True))
    assert any("Nakhchivan" in n and s == "existing" for n, s in statuses.items())
    assert any("Meghri" in n and s == "historical" for n, s in statuses.items())
    assert not any("closed 1992" in n for n in corridors["name"])


def test_the_enclave_holding_sofulu_is_named_with_it():
    enclaves = build_layer("enclaves")
    sofulu = place_points()["sofulu"]
    holding = enclaves[enclaves.geometry.contains(sofulu)]
    assert list(holding["name"]) == ["Barkhudarly and Sofulu"]


@pytest.mark.parametrize(
    "pair",
    [
        "Shusha / Shushi",
        "Lachin / Berdzor",
        "Kalbajar / Karvachar",
        "Aghdara / Martakert",
        "Khojavend / Martuni",
        "Askeran / Əsgəran",
        "Hadrut",
        "Sugovushan / Madaghis",
    ],
)
def test_contested_towns_carry_both_names(pair):
    assert pair in set(build_layer("places")["name"])


def test_events_are_corrected():
    events = {e["id"]: e for e in csv.DictReader((DATA_DIR / "events.csv").open(encoding="utf-8"))}
    assert "TRIPP" in events["summit_2025"]["title"] + events["summit_2025"]["description"]
    assert events["railway_1908"]["date"] == "1908" and events["railway_1941"]["date"] == "1941"
    assert events["ceasefire_1994"]["date"] == "1994-05-12" and "9–11 May" in events["war_1988"]["description"]
    text = json.dumps(events, ensure_ascii=False)
    for word in ("retook", "retaken", "separatist government", "cut off", "region-facts.md"):
        assert word not in text, word


def test_martuni_in_karabakh_is_not_martuni_in_gegharkunik():
    khojavend = place_points()["khojavend"]
    assert abs(khojavend.x - 47.113) < 0.01 and abs(khojavend.y - 39.795) < 0.01
    assert held_at(khojavend, "2021-06-01") == [ARMENIAN]


def test_zangilan_stands_at_geonames_point_and_keeps_the_other():
    places = build_layer("places").set_index("id")
    zangilan = places.geometry["zangilan"]
    assert length_km(shapely.LineString([zangilan, shapely.Point(46.6599, 39.0837)])) < 0.1
    assert places.loc["zangilan", "alt_source"].startswith("Wikipedia")


def test_the_missing_events_are_there_and_framing_is_named_as_whose():
    events = {e["id"]: e for e in csv.DictReader((DATA_DIR / "events.csv").open(encoding="utf-8"))}
    assert events["blockade_2022"]["date"] == "2022-12-12"
    assert events["hakari_2023"]["date"] == "2023-04-23"
    assert events["crossroads_2023"]["date"] == "2023-10-26" and "Armenia" in events["crossroads_2023"]["description"]
    assert "30 Aug 2022" in events["lachin_2022"]["description"]
    syunik = build_layer("syunik").iloc[0]
    assert "Zangezur" not in syunik["alt_names"]  # not in the map's own voice
    assert "Azerbaijan's usage" in syunik["others_names"]
    from layers.route import FRAMING

    assert "Azerbaijan's framing" in FRAMING and "Armenia's plan" in FRAMING and "Crossroads of Peace" in FRAMING


def test_wikipedia_is_credited_with_its_licence():
    from render.mapbuilder import CREDITS

    assert any("Wikipedia (CC BY-SA)" in c for c in CREDITS)
