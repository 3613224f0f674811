"""The map's names as data, and the one placement pass (Python for paper, labels.js for the web)."""

from __future__ import annotations

import random

import pytest
import shapely

from geo.load import read_csv_rows
from layers.karabakh import ARMENIAN_FORCES, karabakh
from layers.labels import LABEL_STYLES, RIVER_SNAP, held_labels, map_labels
from layers.registry import build_layer, layer_names
from layers.world import countries, rivers
from render.labels import label_payload
from render.placement import Item, gap_beside, place_labels, quad_of, quads_overlap
from tests.node import run_node

# A label of a country or area names a point inside it.
INSIDE = {
    "armenia": lambda: build_layer("armenia").geometry.iloc[0],
    "azerbaijan": lambda: build_layer("azerbaijan").geometry.iloc[0],
    "nakhchivan": lambda: build_layer("nakhchivan").geometry.iloc[0],
    "syunik": lambda: build_layer("syunik").geometry.iloc[0],
    "karabakh": lambda: shapely.union_all(build_layer("karabakh").geometry.values),
    "iran": lambda: shapely.union_all(
        [
            *countries().query("name == 'Iran'").geometry,
            build_layer("neighbors").set_index("name").geometry["Iran"],
        ]
    ),
    "turkey": lambda: shapely.union_all(
        [
            *countries().query("name == 'Turkey'").geometry,
            build_layer("neighbors").set_index("name").geometry["Turkey"],
        ]
    ),
    "georgia": lambda: build_layer("neighbors").set_index("name").geometry["Georgia"],
    "lake_sevan": lambda: build_layer("water").set_index("name").geometry["Lake Sevan"],
}


def test_every_area_label_lies_inside_what_it_names():
    labels = map_labels()
    checked = 0
    for label_id, area in INSIDE.items():
        shape = area()
        anchors = [lab for lab in labels if lab.id == label_id]
        assert anchors, label_id
        for lab in anchors:
            assert shape.contains(shapely.Point(lab.lon, lab.lat)), (label_id, lab.lon, lab.lat)
            checked += 1
    assert checked >= 20


def test_seas_are_named_on_water_and_rivers_on_their_drawn_line():
    land = shapely.union_all(
        [
            *build_layer("world").geometry.values,
            *build_layer("neighbors").geometry.values,
            build_layer("azerbaijan").geometry.iloc[0],
        ]
    )
    seas = [lab for lab in map_labels() if lab.kind == "sea"]
    assert {lab.id for lab in seas} == {"caspian", "black_sea"}
    for lab in seas:
        assert not land.contains(shapely.Point(lab.lon, lab.lat)), lab
    lines = shapely.union_all(rivers().geometry.values)
    river_labels = [lab for lab in map_labels() if lab.kind == "river"]
    assert {lab.id for lab in river_labels} >= {"aras", "kura"}
    for lab in river_labels:
        assert lines.distance(shapely.Point(lab.lon, lab.lat)) < 1e-4, lab  # snapped onto it
        assert -90 < lab.angle <= 90
    rows = [r for r in read_csv_rows("labels.csv") if r["kind"] == "river"]
    for row in rows:
        moved = lines.distance(shapely.Point(float(row["lon"]), float(row["lat"])))
        assert moved <= RIVER_SNAP, row["id"]


def test_every_label_has_a_style_a_source_and_a_real_layer():
    names = set(layer_names())
    for lab in map_labels():
        assert lab.kind in LABEL_STYLES
        assert lab.source or lab.id == "route", lab.id
        assert lab.layer is None or lab.layer in names, lab
        assert lab.zooms[0] < lab.zooms[1]


def test_contested_places_carry_both_names():
    texts = {lab.text for lab in map_labels()}
    for both in (
        "Khankendi / Stepanakert",
        "Shusha / Shushi",
        "Lachin / Berdzor",
        "Kalbajar / Karvachar",
        "Aras / Araz / Araks",
        "Ararat / Ağrı Dağı",
    ):
        assert both in texts


def test_the_held_area_is_labelled_with_who_held_it_on_each_period():
    gdf = karabakh()
    held = [lab for lab in held_labels() if lab.text.startswith("Held by ethnic Armenian forces")]
    assert held and all(lab.sub == "on {date}" for lab in held)
    for day in ("2000-01-01", "2021-06-01", "2023-09-18"):
        live = [lab for lab in held if lab.since <= day and (lab.until is None or day < lab.until)]
        assert len(live) == 1, day
        area = gdf[
            (gdf["since"] <= day) & ((gdf["until"] == "") | (day < gdf["until"])) & (gdf["held_by"] == ARMENIAN_FORCES)
        ]
        assert shapely.union_all(area.geometry.values).contains(shapely.Point(live[0].lon, live[0].lat)), day
    assert not [lab for lab in held if lab.until is None or lab.until > "2023-09-20"]


def test_the_payload_holds_only_the_shown_layers_labels_escaped():
    payload = label_payload(["armenia", "syunik"])
    groups = {row["g"] for row in payload["labels"]}
    assert {"armenia", "syunik", "caspian"} <= groups  # the seas belong to no layer
    assert "iran" not in groups and "route" not in groups
    assert set(payload["styles"]) == {row["k"] for row in payload["labels"]}


def _random_items(seed: int) -> tuple[list[Item], list, list]:
    rnd = random.Random(seed)
    anchors = ("area", "line", "point", "subject")
    items = [
        Item(
            f"g{rnd.randrange(30)}",
            rnd.uniform(0, 800),
            rnd.uniform(0, 600),
            rnd.uniform(20, 160),
            rnd.uniform(10, 30),
            rnd.choice(anchors),
            rnd.choice((0.0, 0.0, 35.5, -60.0)),
            rnd.choice((8.0, 14.0)),
        )
        for _ in range(120)
    ]
    obstacles = [
        (x, y, x + rnd.uniform(20, 200), y + rnd.uniform(20, 120))
        for x, y in ((rnd.uniform(0, 800), rnd.uniform(0, 600)) for _ in range(6))
    ]
    lines = [[(rnd.uniform(0, 800), rnd.uniform(0, 600)) for _ in range(5)]]
    return items, obstacles, lines


def test_placed_labels_are_in_the_frame_and_overlap_nothing():
    for seed in range(5):
        items, obstacles, lines = _random_items(seed)
        placed = place_labels(items, (0, 0, 800, 600), obstacles, lines)
        assert len(placed) > 10
        quads = []
        for spot in placed:
            item = items[spot.index]
            rect = (spot.left, spot.top, spot.right, spot.bottom)
            q = quad_of(rect, item.angle, item.w, item.h) if item.anchor == "line" and item.angle else quad_of(rect)
            assert not any(quads_overlap(q, quad_of(o), 0) for o in obstacles)
            assert not any(quads_overlap(q, other, 0) for other in quads)
            quads.append(q)
        assert len({items[s.index].group for s in placed}) == len(placed)  # one anchor per label


PLACE = """
const {load} = require(process.argv[1]);
const T = load('labels.js');
let input = '';
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  const runs = JSON.parse(input).map((r) => T.placeNames(r.items, r.frame, r.obstacles, r.lines));
  process.stdout.write(JSON.stringify(runs));
});
"""


def test_the_web_and_paper_place_labels_alike():
    runs, expected = [], []
    for seed in range(8):
        items, obstacles, lines = _random_items(seed)
        runs.append(
            {
                "items": [item.__dict__ for item in items],
                "frame": [0, 0, 800, 600],
                "obstacles": [list(o) for o in obstacles],
                "lines": [[list(p) for p in ln] for ln in lines],
            }
        )
        expected.append([(s.index, s.candidate) for s in place_labels(items, (0, 0, 800, 600), obstacles, lines)])
    got = [[(s["index"], s["candidate"]) for s in run] for run in run_node(PLACE, runs)]
    assert got == expected
    assert sum(len(run) for run in expected) > 100


BESIDE = """
const {load} = require(process.argv[1]);
const T = load('labels.js');
let input = '';
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  const runs = JSON.parse(input).map((r) => T.gapBeside({x: r.x, y: r.y}, r.gap, r.discs));
  process.stdout.write(JSON.stringify(runs));
});
"""


def test_a_place_under_a_marker_is_named_beside_the_marker_alike_on_web_and_paper():
    rnd = random.Random(7)
    runs = []
    for _ in range(200):
        discs = []
        for _ in range(rnd.randint(0, 3)):
            left, top = rnd.uniform(0, 100), rnd.uniform(0, 100)
            discs.append([left, top, left + 24, top + 24])
        runs.append({"x": rnd.uniform(0, 124), "y": rnd.uniform(0, 124), "gap": 8.0, "discs": discs})
    expected = [gap_beside(r["x"], r["y"], r["gap"], [tuple(d) for d in r["discs"]]) for r in runs]
    assert run_node(BESIDE, runs) == pytest.approx(expected)
    # A place at a 24-pixel marker's centre is named 12 + 8 pixels off; one under no marker, 8.
    assert gap_beside(12, 12, 8.0, [(0, 0, 24, 24)]) == 20.0
    assert gap_beside(40, 12, 8.0, [(0, 0, 24, 24)]) == 8.0
    assert sum(e > 8.0 for e in expected) >= 10
