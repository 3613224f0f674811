"""The map's scripts against the Python that feeds them: encode in Python, decode in geometry.js."""

from __future__ import annotations

import shapely

from layers.registry import build_layer, layer_names
from render.encoding import SCALE, encode_geometry
from render.mapbuilder import MapOptions, build_map
from tests.node import run_node

DECODE = """
const {load} = require(process.argv[1]);
const T = load('geometry.js');
let input = '';
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => { process.stdout.write(JSON.stringify(JSON.parse(input).map(T.decodeGeometry))); });
"""


def node_decode(encoded: list[dict]) -> list[dict]:
    return run_node(DECODE, encoded)


def test_python_encode_then_javascript_decode_gives_the_same_coordinates():
    geoms = [g for name in layer_names() for g in build_layer(name).geometry if g is not None and not g.is_empty]
    assert {g.geom_type for g in geoms} >= {"Point", "MultiPoint", "LineString", "Polygon", "MultiPolygon"}
    decoded = node_decode([encode_geometry(g) for g in geoms])
    assert len(decoded) == len(geoms)
    worst = 0.0
    for geom, back in zip(geoms, decoded, strict=True):
        shape = shapely.geometry.shape(back)
        assert shape.geom_type == geom.geom_type
        ours = shapely.get_coordinates(geom)
        theirs = shapely.get_coordinates(shape)
        assert ours.shape == theirs.shape
        worst = max(worst, float(abs(ours - theirs).max()))
    # Half a grid step, and a little for the float division.
    assert worst <= 0.5 / SCALE + 1e-9


def test_each_script_is_in_the_page_once():
    page = build_map(MapOptions()).get_root().render()
    for marker in ("T.decodeGeometry = function", "T.drawFeatures = function", "T.addStory = function"):
        assert page.count(marker) == 1, marker
    assert page.count("TrippMap.drawFeatures(") == len(layer_names())  # every layer (the sea is the background)
