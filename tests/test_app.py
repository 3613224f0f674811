"""The app's logic with ``streamlit.testing.v1.AppTest``."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from outputs.server import map_page
from render.html import md_literal

APP = str(Path(__file__).parent.parent / "app.py")


def map_src(at: AppTest) -> str:
    (frame,) = at.get("iframe")
    return frame.proto.src


def map_page_of(at: AppTest) -> str:
    """The map's page the app's frame shows (kept by the app's server, in this process)."""
    src = map_src(at)
    assert src.startswith("/tripp-map/map/") and src.endswith(".html")
    return map_page(src.rsplit("/", 1)[1].removesuffix(".html")).decode("utf-8")


def story_options(at: AppTest) -> dict:
    script = map_page_of(at)
    match = re.search(r"TrippMap\.addStory\(\w+, (\{.*\})\);", script)
    assert match, "the map carries its story"
    return json.loads(match.group(1))


def html_shown(at: AppTest) -> str:
    return "".join(e.proto.body for e in at.get("html"))


@pytest.fixture
def app() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=180).run()
    assert not at.exception
    return at


def test_runs_and_draws_from_this_machine(app):
    page = map_page_of(app)
    assert not app.get("component_instance")  # a plain frame: panning, zooming and story steps rerun nothing
    scripts = re.findall(r'<script src="([^"]+)"', page)
    styles = re.findall(r'<link rel="stylesheet" href="([^"]+)"', page)
    assert scripts[0] == "/tripp-map/static/leaflet/leaflet.js"
    assert all(link.startswith("/tripp-map/static/") for link in scripts + styles) and styles
    assert "/tripp-map/static/tripp/story.js" in scripts
    assert "Boundary drawn" in page  # the Karabakh layer's popup


def test_layers_and_story_are_inside_the_map_not_streamlit_widgets(app):
    script = map_page_of(app)
    assert "L.control.layers" in script  # toggles in the map: a toggle reruns nothing
    options = story_options(app)
    assert options["parentKeys"] is True  # the page's arrow keys step the map's story
    assert len(options["steps"]) == 14 and options["steps"][0]["key"] is None  # a title step and 13 paragraphs
    # The only buttons are the article box's and the lesson box's: no widget reruns the script for a step, a
    # toggle or an excerpt.
    assert not app.get("checkbox")
    assert {b.key for b in app.get("button")} == {
        "annotate",
        "reset_article",
        "own_page",
        "dl_handout_make",
        "dl_figure_make",
        "lesson_create",
        "lesson_import",
    }


def test_submitting_an_article_annotates_it(app):
    app.text_area(key="pasted").input("Trains will run from Meghri to Ordubad.\n\nTalks were held in Tbilisi.")
    app.button(key="annotate").click().run()
    assert not app.exception and not app.error
    steps = story_options(app)["steps"]
    assert len(steps) == 3 and "Meghri" in steps[1]["title"]
    assert "Talks were held in Tbilisi" in map_page_of(app)
    assert "Talks were held in Tbilisi" in html_shown(app)  # the text version follows the article


@pytest.mark.parametrize("text", ["", "   \n  ", "a\x00b"])
def test_bad_article_shows_an_error_and_the_app_keeps_running(app, text):
    app.text_area(key="pasted").input(text)
    app.button(key="annotate").click().run()
    assert not app.exception
    assert len(app.error) == 1 and not app.warning  # one message, said once
    assert "empty" in app.error[0].value or "binary" in app.error[0].value
    assert len(story_options(app)["steps"]) == 14  # still the seed's 13 paragraphs
    assert "military court in Baku" in map_page_of(app)


def test_hostile_article_text_is_escaped_in_the_page(app):
    app.text_area(key="pasted").input("<script>alert(1)</script> Yerevan")
    app.button(key="annotate").click().run()
    script = map_page_of(app)
    assert "<script>alert(1)" not in script and "\\u0026lt;script\\u0026gt;alert(1)" in script
    shown = html_shown(app)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in shown and "<script>alert(1)" not in shown


def test_facts_panel_shows_measured_and_published(app):
    frames = app.table
    assert frames
    table = frames[0].value
    assert {"measured", "published", "source"} <= set(table.columns)
    assert any("Armenia – Iran" in m for m in table["measure"])
    route = frames[1].value
    armenia = route[route["in"] == "Armenia"].iloc[0]
    assert armenia["status"] == "proposed" and "42 km" in armenia["quoted"]


def test_text_version_describes_the_route_and_lists_every_paragraph(app):
    shown = html_shown(app)
    assert "TRIPP railway through Syunik" in shown and "km of railway in Armenia" in shown
    # Each paragraph says its language, so a screen reader reads the article's English as English.
    assert shown.count('<p class="tripp-text-para" dir="auto" lang="en">') == 13


def test_each_view_gets_the_same_map():
    # A folium map rendered twice repeats its layers; each run must build its own.
    first = AppTest.from_file(APP, default_timeout=180).run()
    second = AppTest.from_file(APP, default_timeout=180).run()
    assert map_src(first) == map_src(second)  # one page for both, named by its bytes
    page = map_page_of(first)
    assert page.count("L.map(") == 1 and page.count("TrippMap.addStory(") == 1
    assert hashlib.sha256(page.encode("utf-8")).hexdigest()[:16] in map_src(first)


def test_online_basemap_is_an_option_not_the_default(app):
    assert "tile.openstreetmap.org" not in map_page_of(app)
    app.radio(key="basemap").set_value("OpenStreetMap (online)").run()
    assert "tile.openstreetmap.org" in map_page_of(app)


def test_a_file_name_in_an_error_is_shown_literally(app):
    app.text_area(key="pasted").input("")
    app.button(key="annotate").click().run()
    shown = app.error[0].value
    assert shown.startswith(md_literal("pasted text: the article is empty"))
    assert "5 MB" in shown and "](" not in shown


def test_markdown_characters_are_escaped():
    name = "![t](http://example.invalid/x.png).txt"
    assert md_literal(name) == "\\!\\[t\\]\\(http\\://example\\.invalid/x\\.png\\)\\.txt"


def test_the_map_on_its_own_page_is_built_when_asked(app):
    assert not app.get("link_button")
    app.button(key="own_page").click().run()
    (link,) = app.get("link_button")
    url = link.proto.url
    assert url.startswith("tripp-map/map/") and url.endswith(".html#present")
    page = map_page(url.split("/")[-1].split(".")[0]).decode("utf-8")  # kept in memory: no file beside the code
    assert not (Path(APP).parent / "static" / "maps").exists()
    assert "TrippMap.addStory" in page and 'id="tripp-text"' in page
    assert not re.search(r"<(?:script|link)\b[^>]*\b(?:src|href)\s*=\s*[\"']?(?:https?:)?//", page)  # offline


def test_handout_and_figure_downloads_are_offered(app):
    labels = [b.proto.label for b in app.get("download_button")]
    assert any("HTML" in label for label in labels) and any("zip" in label for label in labels)
    # The slow ones are made first, by a button; their download then never has to wait or fail.
    assert not any("handout" in label for label in labels)
    app.button(key="dl_handout_make").click().run()
    app.button(key="dl_figure_make").click().run()
    assert not app.exception and not app.error
    labels = [b.proto.label for b in app.get("download_button")]
    assert any("handout" in label and "PDF" in label for label in labels)
    assert any("PNG" in label for label in labels)
    # A click on a download reruns nothing, so the next click finds its file: however fast they come.
    assert all(b.proto.ignore_rerun for b in app.get("download_button"))


def test_several_articles_are_drawn_grouped_by_place(app):
    app.session_state["article"] = (
        ("Trains will run from Meghri to Ordubad.", "a.txt", "2026-02-01", ""),
        ("Talks were held in Baku and in Meghri.", "b.txt", "2026-03-01", "TASS"),
    )
    app.session_state["article_summary"] = "2 articles"
    app.run()
    assert not app.exception and not app.error
    script = map_page_of(app)
    assert "TrippMap.addCorpus" in script and "Talks were held in Baku" in script
    assert md_literal("On the map: 2 articles, 2 excerpts") in [c.value for c in app.caption]
    keys = {b.key for b in app.get("download_button")} | {b.key for b in app.get("button")}
    assert "dl_html" in keys and "dl_handout_make" not in keys
    assert "TASS" in script  # the outlet the text gives, for the filter by source


def test_the_basemap_and_the_article_box_are_in_the_page_not_a_hidden_sidebar(app):
    assert app.radio(key="basemap") in list(app.main.radio)
    assert not app.sidebar.radio and not app.sidebar.text_area
    assert app.text_area(key="pasted") in list(app.main.text_area)


def test_paste_and_upload_together_are_both_read_and_said(app, monkeypatch):
    class Upload:
        name = "tass.txt"

        def getvalue(self):
            return "МОСКВА, 9 февраля. /ТАСС/. Переговоры прошли в Ереване.".encode()

    app.text_area(key="pasted").input("Trains will run from Meghri to Ordubad.")
    monkeypatch.setattr("streamlit.file_uploader", lambda *a, **k: [Upload()])
    app.button(key="annotate").click().run()
    assert not app.exception and not app.error
    arts = app.session_state["article"]
    assert [a[1] for a in arts] == ["tass.txt", "pasted text"] and arts[0][3] == "TASS"
    said = md_literal("read together: the pasted text and 1 uploaded file(s)")
    assert any(said in w.value for w in app.warning)
