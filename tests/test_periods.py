"""One rule for "in force on this date": the layers, paper and the web map's script agree; every line is dated."""

from __future__ import annotations

import json
import random

import pytest

from geo.geojson import to_geojson
from layers import periods
from layers.registry import LAYERS, build_layer
from outputs.notice import data_about
from tests.node import run_node

SCRIPT = """
const {load} = require(process.argv[1]);
const T = load('time.js');
const cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));
process.stdout.write(JSON.stringify(cases.map(([a, b, d]) => T.inForce(a, b, d))));
"""


def test_python_and_the_page_agree_on_what_is_in_force():
    rng = random.Random(7)
    days = ["", "1908", "1941", "1992-04", "1993", "2020-10-09", "2020-11-10", "2022-08-26", "2025-08-08"]
    cases = [(rng.choice(days), rng.choice(days), rng.choice(days[1:]) + rng.choice(["", "-01", "-04-01"]))
             for _ in range(300)]  # fmt: skip
    cases = [(a, b, periods.iso_day(d)) for a, b, d in cases]
    assert run_node(SCRIPT, cases) == [periods.in_force(a, b, d) for a, b, d in cases]


LINES = [layer for layer in LAYERS if layer.kind == "line" and layer.name in ("corridors", "tripp_route")]


@pytest.mark.parametrize("layer", LINES, ids=lambda layer: layer.name)
def test_every_line_is_dated_and_says_what_its_dates_mean(layer):
    assert layer.period == periods.PERIOD
    gdf = build_layer(layer.name)
    for column in ("since", "until", "since_means", "until_means"):
        assert column in gdf, column
    assert gdf["since_means"].map(bool).all() and gdf["until_means"].map(bool).all()
    assert {"From", "Until"} <= {f.label for f in layer.popup}


def names_on(layer: str, day: str) -> set[tuple[str, str]]:
    live = periods.live(build_layer(layer), periods.PERIOD, day)
    return set(zip(live["name"], live["status"], strict=True))


def test_the_map_on_a_date_shows_what_existed_then():
    route_1995, route_today = names_on("tripp_route", "1995-06-01"), names_on("tripp_route", "2026-12-01")
    assert not any(status == "proposed" for _, status in route_1995)  # the TRIPP from 8 Aug 2025
    assert any(status == "proposed" for _, status in route_today)
    corridors_1990 = names_on("corridors", "1990-01-01")
    assert ("Soviet-era line: Meghri section (Armenia)", "existing") in corridors_1990
    assert ("Kars – Gyumri railway (Doğukapı – Akhuryan)", "existing") in corridors_1990
    assert not any("Baku – Tbilisi – Kars" in n for n, _ in corridors_1990)  # opened 2017
    now = names_on("corridors", "2026-12-01")
    assert ("Soviet-era line: Meghri section (Armenia)", "historical") in now
    assert ("Soviet-era line: Yerevan – Yeraskh", "existing") in now  # an operating line
    assert ("Kars – Gyumri railway (Doğukapı – Akhuryan)", "historical") in now
    assert ("Horadiz – Aghband railway", "under construction") in now
    assert not any("Aghband – Horadiz" in n for n, _ in now)  # its closed line is being rebuilt
    assert names_on("corridors", "1930-01-01").isdisjoint({n for n in now if "Meghri" in n[0]})


def test_the_meghri_section_gives_both_opening_dates():
    corridors = build_layer("corridors")
    meghri = corridors[corridors["name"].str.contains("Meghri section")]
    assert meghri["since_means"].str.contains("1941").any() and meghri["since_means"].str.contains("1943").any()


@pytest.mark.parametrize("name", ["tripp_route", "karabakh", "places"])
def test_an_exported_data_file_carries_its_attribution(name):
    gdf = build_layer(name)
    doc = json.loads(to_geojson(gdf, about=data_about(gdf)))
    assert doc["type"] == "FeatureCollection" and doc["features"]
    assert "OpenStreetMap" in doc["attribution"] and "CC BY-SA" in doc["attribution"]
    assert "ODbL" in doc["license"] and doc["sources"] == sorted(set(gdf["source"]))
