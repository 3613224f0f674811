"""The cartographic base files (the world around, its borders, the rivers, the relief, the inset's land)
checked against what they are said to be in the manifest."""

from __future__ import annotations

import io
import math

import shapely
from PIL import Image

from geo.load import manifest, read_bytes, read_geojson
from geo.region import DATA_BOX, INSET_BOX, RELIEF_BOX, WORLD_BOX
from layers.registry import build_layer

FILES = ("world.geojson", "inset.geojson", "rivers.geojson", "relief.webp")


def test_each_file_names_its_source_licence_and_rebuild():
    files = manifest()["files"]
    for name in FILES:
        entry = files[name]
        assert entry["rebuild"] == "python -m geo.cartography_build", name
        for source in entry["sources"]:
            assert source["licence"] and source["attribution"] and source["version"], name


def test_the_world_surrounds_the_data_box_without_entering_it():
    world = shapely.union_all(read_geojson("world.geojson").geometry.values)
    west, south, east, north = WORLD_BOX
    assert world.within(shapely.box(west, south, east, north).buffer(1e-6))
    assert world.intersection(shapely.box(*DATA_BOX)).area < 1e-6
    names = set(read_geojson("world.geojson")["name"])
    assert {"Iran", "Turkey", "Russia", "Georgia", "Kazakhstan", "Turkmenistan"} <= names
    # Across the box's inland west edge (Turkey, Georgia) the coarse world meets the detailed neighbours:
    # land on both sides, no gap the sea-coloured background shows through.
    neighbours = shapely.union_all(build_layer("neighbors").geometry.values)
    for lat in (38.2, 39.0, 39.8, 40.6, 41.4):
        assert world.contains(shapely.Point(DATA_BOX[0] - 0.02, lat)), lat
        assert neighbours.contains(shapely.Point(DATA_BOX[0] + 0.02, lat)), lat


def test_the_rivers_lie_in_the_data_box_and_the_aras_follows_the_iran_border():
    rivers = shapely.union_all(read_geojson("rivers.geojson").geometry.values)
    assert rivers.within(shapely.box(*DATA_BOX).buffer(1e-6))
    iran = build_layer("neighbors").set_index("name").geometry["Iran"]
    armenia = build_layer("armenia").geometry.iloc[0]
    border = iran.boundary.intersection(armenia.buffer(0.01))
    assert border.length > 0.3
    # Every sample of the Armenia–Iran border lies within 2 km of a drawn river: the Aras.
    samples = [border.interpolate(f, normalized=True) for f in (i / 20 for i in range(21))]
    assert all(rivers.distance(p) < 0.02 for p in samples)


def test_the_relief_covers_its_box_in_web_mercator_and_is_light_where_flat():
    image = Image.open(io.BytesIO(read_bytes("relief.webp")))
    west, south, east, north = RELIEF_BOX
    assert image.width == round((east - west) * 30)  # 2 arc-minutes a pixel
    merc = math.log(math.tan(math.pi / 4 + math.radians(north) / 2)) - math.log(
        math.tan(math.pi / 4 + math.radians(south) / 2)
    )
    assert abs(image.height - image.width * merc / math.radians(east - west)) <= 1
    grey = image.convert("L")

    # The Caspian (flat water) stays white; the Greater Caucasus is shaded.
    def pixel(lon, lat):
        y = (
            (
                math.log(math.tan(math.pi / 4 + math.radians(north) / 2))
                - math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))
            )
            / merc
            * image.height
        )
        return grey.getpixel((int((lon - west) * 30), int(y)))

    assert pixel(51.0, 41.0) > 240
    ridge = [pixel(lon, 42.7) for lon in (44.0, 44.5, 45.0, 45.5, 46.0)]
    assert min(ridge) < 200


def test_the_inset_land_is_in_its_box():
    land = shapely.union_all(read_geojson("inset.geojson").geometry.values)
    assert land.within(shapely.box(*INSET_BOX).buffer(1e-6))
    assert land.contains(shapely.Point(45.0, 40.0)) and not land.contains(shapely.Point(51.0, 41.0))
