"""Render tests on the Folium output: the one map builder, and the export built from it."""

from __future__ import annotations

import json
import re

import pytest

from geo.articles import decode_article
from layers.registry import LAYERS, LayerError
from outputs.export import export_html
from render.mapbuilder import CREDITS, MapOptions, build_map, legend_rows

EXTERNAL = re.compile(r"<(?:script|link)\b[^>]*\b(?:src|href)\s*=\s*[\"']?(?:https?:)?//", re.I)


@pytest.fixture(scope="module")
def page() -> str:
    return export_html()


def test_offline_page_has_no_remote_script_or_stylesheet(page):
    assert not EXTERNAL.search(page)
    assert "L.map(" in page and "Leaflet" in page  # Leaflet itself is inline


def test_every_layer_is_listed_with_its_title(page):
    for layer in LAYERS:
        assert json.dumps(layer.title, ensure_ascii=False)[1:-1] in page or layer.title in page


def test_legend_explains_statuses_and_enclaves(page):
    labels = [label for label, _, _ in legend_rows(LAYERS)]
    assert any("proposed" in x for x in labels) and any("under construction" in x for x in labels)
    assert any("closed" in x for x in labels) and any("de jure" in x for x in labels)
    direct = {row.label for layer in LAYERS for row in layer.legend if row.direct}
    assert {"Armenia", "Azerbaijan", "Syunik province"} <= direct
    for label in labels:
        if label in direct:
            # Named on the map itself, not in the key: its name is among the map's labels.
            name = {"Neighbouring country": "Iran"}.get(label, label.split(" ")[0])
            assert f'"t":"{name}"' in page, label
        else:
            assert label.replace("&", "\\u0026") in page or label in page


def test_every_dataset_is_attributed(page):
    for credit in CREDITS:
        assert credit in page
    assert "OpenStreetMap contributors" in page


def test_contested_city_shows_both_names(page):
    assert "Khankendi / Stepanakert" in page


def test_export_is_byte_identical():
    assert export_html(layers=("armenia", "places")) == export_html(layers=("armenia", "places"))


def test_cdn_export_loads_leaflet_from_cdn_only():
    page = export_html(cdn=True)
    remote = re.findall(r"(?:src|href)=\"(https://[^\"]+)\"", page)
    assert remote and all("leaflet@1.9.3" in url for url in remote)


def test_sizes_within_budget(page):
    # The budget: the world around, the relief, the names and the inset included.
    assert len(page.encode("utf-8")) < 900_000
    # The CDN page saves only Leaflet (about 150 KB): its budget is the offline one less Leaflet.
    assert len(export_html(cdn=True).encode("utf-8")) < 750_000


HOSTILE = (
    "<script>alert('boom')</script> in Yerevan.\n\n"
    '<img src=x onerror=alert(2)> <a href="javascript:alert(3)">Baku</a> {{ 7*7 }} {% if %} ${x}\n\n'
    "</script><script>alert(4)</script> Nakhchivan\n"
)


def test_hostile_article_reaches_html_only_escaped():
    page = export_html(article=decode_article(HOSTILE.encode(), "hostile.txt"))
    for raw in ("<script>alert", "<img src=x", "onerror=alert(2)>", 'href="javascript:', "</script><script>"):
        assert raw not in page
    # It is there, as escaped text.
    assert "\\u0026lt;script\\u0026gt;alert(\\u0026#x27;boom\\u0026#x27;)" in page
    # Template braces are neither evaluated (branca renders scripts through Jinja twice) nor lost.
    assert "\\u007b{ 7*7 }}" in page and "\\u007b% if %}" in page


def test_title_is_escaped():
    page = export_html(layers=("places",), title="<script>alert(5)</script> & {{ 6*7 }}")
    assert "<title>&lt;script&gt;alert(5)&lt;/script&gt; &amp; {{ 6*7 }}</title>" in page


def test_unknown_layer_is_refused():
    with pytest.raises(LayerError, match="unknown layer"):
        build_map(MapOptions(layers=("atlantis",)))


def test_app_map_is_the_export_map_served_from_this_machine():
    app = build_map(MapOptions(in_app=True, assets="served")).get_root().render()
    assert "L.control.layers" in app and "TrippMap.addStory" in app
    assert "/tripp-map/static/leaflet/leaflet.js" in app and "/tripp-map/static/tripp/story.js" in app
    assert "T.addStory = function" not in app  # served, not inlined


def test_page_has_a_language_a_main_landmark_and_one_viewport_that_allows_zoom(page):
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert page.count("<main") == 1 and page.count("</main>") == 1
    assert page.count('name="viewport"') == 1
    assert "user-scalable=no" not in page and "maximum-scale" not in page


def test_text_version_is_in_the_page(page):
    assert 'id="tripp-text"' in page and "km of railway in Armenia" in page
    assert page.count('<p class="tripp-text-para" dir="auto" lang="en">') == 13  # each says its language


def test_data_in_the_pages_scripts_cannot_end_or_change_them():
    from render.html import js_json

    hostile = {"t": "</script><script>alert(1)</script><!-- {{ 7*7 }} {% x %} & \u2028 > done"}
    text = js_json(hostile)
    assert "<" not in text and "{{" not in text and "{%" not in text and "\u2028" not in text
    assert json.loads(text) == hostile  # read back exactly as written, ">" included
