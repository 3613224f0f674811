"""Karabakh over time, and the audit's corrections: who held what on which date, checked at towns."""

from __future__ import annotations

import csv
import itertools
import json

import pytest
import shapely

from geo.load import DATA_DIR
from geo.measure import area_km2, length_km
from layers.corridors import soviet_line
from layers.karabakh import held_at, zones
from layers.places import place_points
from layers.registry import build_layer
from layers.shapes import country_shapes

ARMENIAN = "ethnic Armenian forces"

# (town, date, who held it): each town just before and just after it changed hands.
PLACE_DATES = [
    ("shusha", "2020-11-07", ARMENIAN),
    ("shusha", "2020-11-09", "Azerbaijan"),
    ("agdam", "2020-11-19", ARMENIAN),
    ("agdam", "2020-11-21", "Azerbaijan"),
    ("kalbajar", "2020-11-24", ARMENIAN),
    ("kalbajar", "2020-11-26", "Azerbaijan"),
    ("lachin", "2020-11-01", ARMENIAN),
    ("lachin", "2021-06-01", "Russian peacekeepers"),
    ("lachin", "2022-08-25", "Russian peacekeepers"),
    ("lachin", "2022-08-27", "Azerbaijan"),
    ("qubadli", "2020-10-24", ARMENIAN),
    ("qubadli", "2020-10-26", "Azerbaijan"),
    ("fuzuli", "2020-10-16", ARMENIAN),
    ("fuzuli", "2020-10-18", "Azerbaijan"),
    ("jabrayil", "1999-01-01", ARMENIAN),
    ("zangilan", "2020-10-21", "Azerbaijan"),
    ("khankendi", "1994-05-12", ARMENIAN),
    ("khankendi", "2023-09-19", ARMENIAN),
    ("khankendi", "2023-09-21", "Azerbaijan"),
    ("horadiz", "2005-01-01", "Azerbaijan"),  # in Fuzuli district, never held by ethnic Armenian forces
]


@pytest.mark.parametrize(("town", "date", "holder"), PLACE_DATES)
def test_who_held_each_town_on_each_date(town, date, holder):
    assert held_at(place_points()[town], date) == [holder]


def test_every_part_says_who_since_until_how_and_source():
    layer = build_layer("karabakh")
    assert set(layer["held_by"]) == {ARMENIAN, "Azerbaijan", "Russian peacekeepers"}
    assert layer["since"].min() == "1994-05-12"
    assert (layer["until"] == "").sum() == len(zones())  # each zone's last period lasts until today
    for column in ("how", "source", "boundary"):
        assert layer[column].map(bool).all(), column
    assert layer["name"].str.contains("Shusha / Shushi").any() and layer["name"].str.contains("Lachin / Berdzor").any()
    assert (layer["boundary"].str.contains("approximate") | layer["boundary"].str.startswith("the whole")).all()


def test_zones_are_disjoint_and_cover_the_districts():
    parts = [geom for geom, _ in zones().values()]
    for a, b in itertools.combinations(parts, 2):
        assert area_km2(a.intersection(b)) < 0.5
    districts = build_layer("karabakh").drop_duplicates("zone")
    assert area_km2(shapely.union_all(districts.geometry.values)) == pytest.approx(11_860, rel=0.01)


def test_on_any_date_the_parts_in_force_do_not_overlap():
    layer = build_layer("karabakh")
    for date in ("1994-05-12", "2020-10-16", "2020-11-09", "2021-06-01", "2022-09-01", "2023-09-21", "2026-01-01"):
        live = layer[(layer["since"] <= date) & ((layer["until"] == "") | (date < layer["until"]))]
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


@pytest.mark.parametrize("pair", ["Shusha / Shushi", "Lachin / Berdzor", "Kalbajar / Karvachar"])
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
