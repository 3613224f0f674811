"""Geodesic measures on known shapes."""

import shapely

from geo.measure import area_km2, border_lengths, hausdorff_m, length_km, shared_border_km


def test_one_degree_of_meridian():
    assert abs(length_km(shapely.LineString([(45, 39), (45, 40)])) - 111.04) < 0.1


def test_area_of_a_degree_cell_at_40n():
    # 1°×1° between 39° and 40° N is about 9,540 km² on WGS84.
    cell = shapely.box(45, 39, 46, 40)
    assert 9_400 < area_km2(cell) < 9_700


def test_shared_border_of_two_squares():
    a, b = shapely.box(45, 39, 46, 40), shapely.box(46, 39, 47, 40)
    assert abs(shared_border_km(a, b) - 111.04) < 0.2
    assert border_lengths({"a": a, "b": b, "c": shapely.box(50, 50, 51, 51)}).keys() == {("a", "b")}


def test_hausdorff_of_a_shifted_square():
    a = shapely.box(45, 39, 46, 40)
    b = shapely.box(45, 39, 46, 40.001)  # 111 m further north along the top edge
    assert 100 < hausdorff_m(a, b) < 120
