"""The TRIPP railway and corridors against the polygons the map draws."""

from __future__ import annotations

import shapely

from geo.measure import length_km
from layers.corridors import corridors
from layers.registry import build_layer
from layers.route import RAIL_STATIONS, rail_line, station_points
from layers.shapes import country_shapes


def rail_segments():
    route = build_layer("tripp_route")
    return route[route["mode"] == "rail"]


def test_armenian_part_is_38_to_48_km_inside_syunik():
    shapes = country_shapes()
    line = rail_line()
    in_armenia = line.intersection(shapes["Armenia"])
    assert 38 <= length_km(in_armenia) <= 48
    assert abs(length_km(in_armenia.intersection(shapes["Syunik"])) - length_km(in_armenia)) < 0.01
    assert length_km(line.intersection(shapes["Iran"])) < 0.5


def test_segments_lie_in_the_country_they_are_attributed_to():
    shapes = country_shapes()
    polygon = {
        "Armenia": shapes["Armenia"],
        "Azerbaijan": shapes["Azerbaijan (mainland)"],
        "Azerbaijan (Nakhchivan)": shapes["Nakhchivan"],
    }
    for row in rail_segments().itertuples():
        assert length_km(row.geometry.difference(polygon[row.country].buffer(1e-6))) < 0.05, row.name


def test_one_continuous_line_from_mainland_through_armenia_to_nakhchivan():
    line = rail_line()
    assert line.geom_type == "LineString" and line.is_simple
    shapes = country_shapes()
    assert line.intersects(shapes["Azerbaijan (mainland)"])
    assert line.intersects(shapes["Nakhchivan"])
    total = sum(rail_segments()["length_km"])
    assert abs(total - length_km(line)) < 0.5


def test_stations_within_2_km_in_reference_order():
    line = rail_line()
    positions = []
    for sid, point in station_points().items():
        near = shapely.ops.nearest_points(line, point)[0]
        assert length_km(shapely.LineString([near, point])) <= 2.0, sid
        positions.append(line.project(point))
    assert positions == sorted(positions)
    assert list(station_points()) == list(RAIL_STATIONS)


def test_every_feature_has_status_source_and_true_length():
    statuses = {"proposed", "under construction", "existing", "historical"}
    for frame in (build_layer("tripp_route"), corridors()):
        assert set(frame["status"]) <= statuses
        assert frame["source"].map(bool).all()
        for row in frame.itertuples():
            if row.geometry.geom_type in ("LineString", "MultiLineString"):
                assert abs(row.length_km - length_km(row.geometry)) < 0.1, row.name


def test_road_is_an_unsettled_band_not_a_line():
    road = build_layer("tripp_route").query("mode == 'road'")
    assert len(road) == 1
    assert road.geometry.iloc[0].geom_type in ("Polygon", "MultiPolygon")
    assert "not settled" in road["name"].iloc[0]


def test_corridors_cover_the_connected_projects():
    names = " ".join(corridors()["name"])
    for needle in ("Horadiz", "Kars", "Dilucu", "Soviet-era", "Tbilisi", "Aktau", "Türkmenbaşy"):
        assert needle in names
    turkish = corridors().set_index("name").geometry["Kars – Iğdır – Aralık – Dilucu railway"]
    shapes = country_shapes()
    assert length_km(turkish.intersection(shapes["Armenia"])) == 0
    assert length_km(turkish.intersection(shapes["Iran"])) == 0


def test_nrnadzor_disagreement_is_said():
    nrnadzor = build_layer("places").set_index("id").loc["nrnadzor"]
    assert "differ" in nrnadzor["note"]
