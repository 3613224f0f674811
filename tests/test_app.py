"""The app's logic with ``streamlit.testing.v1.AppTest``."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).parent.parent / "app.py")


def map_args(at: AppTest) -> dict:
    components = [c for c in at.get("component_instance") if c.proto.component_name.endswith("st_folium")]
    assert len(components) == 1
    return json.loads(components[0].proto.json_args)


@pytest.fixture
def app() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=180).run()
    assert not at.exception
    return at


def test_runs_and_draws_from_this_machine(app):
    args = map_args(app)
    assert args["returned_objects"] == []  # panning and zooming do not rerun the script
    assert args["js_links"][0] == "/app/static/leaflet/leaflet.js"
    assert all(link.startswith("/app/static/") for link in args["js_links"])
    assert all(link.startswith("/app/static/") for link in args["css_links"])
    assert "Boundary drawn" in args["script"]  # the Karabakh layer's popup


def test_toggling_a_layer_changes_the_map(app):
    app.checkbox(key="layer_karabakh").uncheck().run()
    assert not app.exception
    assert "Boundary drawn" not in map_args(app)["script"]
    app.checkbox(key="layer_karabakh").check().run()
    assert "Boundary drawn" in map_args(app)["script"]


def test_story_steps_move_the_map(app):
    app.radio(key="mode").set_value("Story").run()
    assert '"start":0' in map_args(app)["script"]
    app.button(key="next").click().run()
    assert app.session_state.step == 1
    assert '"start":1' in map_args(app)["script"]
    assert any("The visit follows" in m.value for m in app.markdown)
    app.button(key="prev").click().run()
    assert app.session_state.step == 0


def test_choosing_an_excerpt_focuses_it(app):
    labels = app.radio(key="excerpt_choice").options
    app.radio(key="excerpt_choice").set_value(labels[3]).run()
    assert '"start":2' in map_args(app)["script"]


def test_submitting_an_article_annotates_it(app):
    app.text_area(key="pasted").input("Trains will run from Meghri to Ordubad.\n\nTalks were held in Tbilisi.")
    app.button(key="annotate").click().run()
    assert not app.exception and not app.error
    labels = app.radio(key="excerpt_choice").options
    assert len(labels) == 3 and "Meghri" in labels[1]
    assert "Talks were held in Tbilisi" in map_args(app)["script"]


@pytest.mark.parametrize("text", ["", "   \n  ", "a\x00b"])
def test_bad_article_shows_an_error_and_the_app_keeps_running(app, text):
    app.text_area(key="pasted").input(text)
    app.button(key="annotate").click().run()
    assert not app.exception
    assert app.error and ("empty" in app.error[0].value or "binary" in app.error[0].value)
    assert len(app.radio(key="excerpt_choice").options) == 14  # still the seed's 13 excerpts
    assert "Boundary drawn" in map_args(app)["script"]


def test_hostile_article_text_is_escaped_in_the_page(app):
    app.text_area(key="pasted").input("<script>alert(1)</script> Yerevan")
    app.button(key="annotate").click().run()
    app.radio(key="excerpt_choice").set_value(app.radio(key="excerpt_choice").options[1]).run()
    shown = [m.value for m in app.markdown if "alert(1)" in m.value]
    assert shown and all("&lt;script&gt;" in v and "<script>" not in v for v in shown)


def test_facts_panel_shows_measured_and_published(app):
    frames = app.dataframe
    assert frames
    table = frames[0].value
    assert {"measured", "published", "source"} <= set(table.columns)
    assert any("Armenia – Iran" in m for m in table["measure"])
    route = frames[1].value
    armenia = route[route["in"] == "Armenia"].iloc[0]
    assert armenia["status"] == "proposed" and "42 km" in armenia["quoted"]


def test_each_view_gets_the_same_map():
    # A folium map rendered twice repeats its layers; each run must build its own.
    first = map_args(AppTest.from_file(APP, default_timeout=180).run())
    second = map_args(AppTest.from_file(APP, default_timeout=180).run())
    assert first["header"] == second["header"]
    strip = re.compile(r"_[0-9a-f]{32}")
    assert strip.sub("", first["script"]) == strip.sub("", second["script"])


def test_online_basemap_is_an_option_not_the_default(app):
    assert "tile.openstreetmap.org" not in map_args(app)["script"]
    app.radio(key="basemap").set_value("OpenStreetMap (online)").run()
    assert "tile.openstreetmap.org" in map_args(app)["script"]


def test_markdown_in_an_article_is_shown_literally(app):
    app.text_area(key="pasted").input("[click](javascript:alert(1)) **bold** :smile: in Yerevan")
    app.button(key="annotate").click().run()
    label = app.radio(key="excerpt_choice").options[1]
    assert "\\[click\\]\\(javascript\\:alert\\(1\\)\\)" in label and "\\*\\*bold\\*\\*" in label
    app.radio(key="excerpt_choice").set_value(label).run()
    assert not app.exception
