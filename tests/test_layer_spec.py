"""A layer is declared once: a throwaway spec added to the registry reaches every consumer."""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import pytest
import shapely
from streamlit.testing.v1 import AppTest

from layers import registry
from layers.spec import SOURCE, Field, Layer, LegendRow
from outputs.cli import main
from outputs.export import export_html
from outputs.server import map_page
from render.mapbuilder import MapOptions, build_map, legend_rows

APP = str(Path(__file__).parent.parent / "app.py")

_STYLE = {"color": "#123456", "fillColor": "#abcdef", "weight": 2, "fillOpacity": 0.5}

THROWAWAY = Layer(
    name="throwaway_test",
    title="Throwaway test layer",
    kind="polygon",
    build=lambda _: gpd.GeoDataFrame(
        [
            {
                "name": "Test square",
                "source": "made by the test",
                "note": "a note",
                "geometry": shapely.box(45, 39, 45.1, 39.1),
            }
        ],
        geometry="geometry",
        crs=4326,
    ),
    style=_STYLE,
    legend=(LegendRow("Throwaway legend row", _STYLE, "fill"),),
    popup=(Field("Note", "note"), SOURCE),
)


@pytest.fixture
def throwaway(monkeypatch):
    # The one line a new layer needs: its spec in the registry's list.
    monkeypatch.setattr(registry, "LAYERS", (*registry.LAYERS, THROWAWAY))
    return THROWAWAY


def test_it_is_a_layer(throwaway):
    assert "throwaway_test" in registry.layer_names()
    assert registry.build_layer("throwaway_test")["name"].tolist() == ["Test square"]


def test_it_is_drawn_on_the_map_with_its_legend_and_title(throwaway):
    page = export_html(layers=("armenia", "throwaway_test"))
    assert "Throwaway test layer" in page  # the layer list
    assert "Throwaway legend row" in page  # the legend
    assert '"throwaway_test"' in page  # the features, drawn with class layer-throwaway_test
    assert "a note" in page and "made by the test" in page  # the popup
    assert "Throwaway legend row" in [label for label, _, _ in legend_rows(registry.LAYERS)]


def test_it_is_in_the_default_map(throwaway):
    assert "throwaway_test" in MapOptions().layers
    assert "Throwaway test layer" in build_map().get_root().render()


def test_it_is_written_by_the_cli(throwaway, tmp_path):
    assert main(["layers", "--out", str(tmp_path)]) == 0
    doc = json.loads((tmp_path / "throwaway_test.geojson").read_text(encoding="utf-8"))
    assert doc["features"][0]["properties"]["name"] == "Test square"


def test_it_is_a_toggle_in_the_app(throwaway):
    at = AppTest.from_file(APP, default_timeout=180).run()
    assert not at.exception
    (frame,) = at.get("iframe")
    script = map_page(frame.proto.src.rsplit("/", 1)[1].removesuffix(".html")).decode("utf-8")
    # The app's toggles are the map's own layer control: the layer is listed there, under its title.
    listed = '"\\u003cspan data-t\\u003eThrowaway test layer\\u003c/span\\u003e"'  # its title, marked for the menu
    assert "L.control.layers" in script and listed in script
    assert "Throwaway legend row" in script


def test_unknown_layers_are_one_error_type_everywhere():
    with pytest.raises(registry.LayerError, match="unknown layer atlantis; known layers: "):
        registry.spec("atlantis")
    with pytest.raises(registry.LayerError, match="unknown layer atlantis; known layers: "):
        build_map(MapOptions(layers=("atlantis",)))
    with pytest.raises(registry.LayerError, match="unknown layer atlantis; known layers: "):
        export_html(layers=("atlantis",))
