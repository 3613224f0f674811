"""The exported HTML in a real Chromium, opened from disk with the network off."""

from __future__ import annotations

import pytest
import shapely

from geo.articles import decode_article
from layers.registry import LAYERS, build_layer, layer_names
from outputs.export import export_html
from render.excerpts import excerpt_view
from tests.browser import Watch

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "map.html"
    path.write_text(export_html(), encoding="utf-8")
    return path


def open_page(browser, path, viewport=None):
    context = browser.new_context(viewport=viewport or {"width": 1280, "height": 900})
    watch = Watch()
    watch.route(context)
    page = context.new_page()
    watch.attach(page)
    page.goto(path.as_uri())
    page.wait_for_selector(".leaflet-overlay-pane path")
    page.wait_for_timeout(300)
    return context, page, watch


def expected_shapes() -> int:
    """Drawn vector shapes on open: one per part of every shown polygon or line, one per place."""
    total = 1  # the bundled sea
    for layer in LAYERS:
        if not layer.shown or layer.kind == "excerpt":
            continue
        for geom in build_layer(layer.name).geometry:
            if geom.geom_type.startswith("Multi") and geom.geom_type != "MultiPoint":
                total += 1  # Leaflet draws a multi-geometry as one path
            else:
                total += len(shapely.get_parts(geom))
    return total


def test_draws_every_layer_offline(browser, exported):
    context, page, watch = open_page(browser, exported)
    paths = page.locator(".leaflet-overlay-pane path").count()
    # Nrnadzor's second position adds a point and a link line.
    assert paths == expected_shapes() + 2
    markers = sum(
        len(shapely.get_parts(excerpt_view(r).point)) for r in build_layer("excerpts").itertuples() if r.placed
    )
    assert page.locator(".leaflet-marker-pane .tripp-icon").count() == markers
    page.hover(".leaflet-control-layers")
    labels = page.locator(".leaflet-control-layers-overlays label").all_inner_texts()
    assert len(labels) == len(layer_names())
    assert page.locator(".tripp-legend").count() == 1
    assert "OpenStreetMap contributors" in page.locator(".leaflet-control-attribution").inner_text()
    assert watch.errors == [] and watch.failed == [] and watch.outside == []
    context.close()


def test_toggling_a_layer_hides_its_shapes(browser, exported):
    context, page, watch = open_page(browser, exported)
    before = page.locator(".leaflet-overlay-pane path").count()
    page.hover(".leaflet-control-layers")
    page.get_by_text("Karabakh", exact=True).click()
    assert page.locator(".leaflet-overlay-pane path").count() == before - len(build_layer("karabakh"))
    page.get_by_text("Karabakh", exact=True).click()
    assert page.locator(".leaflet-overlay-pane path").count() == before
    assert watch.errors == []
    context.close()


def test_clicking_an_excerpt_opens_its_popup(browser, exported):
    context, page, watch = open_page(browser, exported)
    page.locator(".tripp-icon", has_text="8").first.click()
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    assert "military court in Baku" in popup.inner_text()
    assert watch.errors == []
    context.close()


CENTRE = "(() => { const m = TrippMap.story.map; const c = m.getCenter(); return [c.lat, c.lng, m.getZoom()]; })()"


def test_story_next_moves_the_map(browser, exported):
    context, page, watch = open_page(browser, exported)
    before = page.evaluate(CENTRE)
    page.locator(".tripp-next").click()
    page.wait_for_selector(".leaflet-popup-content", timeout=5000)
    assert page.locator(".leaflet-container").get_attribute("data-story-step") == "1"
    assert "U.S. Vice President JD Vance" in page.locator(".tripp-story-text").inner_text()
    first = page.evaluate(CENTRE)
    assert first != before
    page.keyboard.press("ArrowRight")
    page.wait_for_timeout(1500)
    assert page.locator(".leaflet-container").get_attribute("data-story-step") == "2"
    assert page.evaluate(CENTRE) != first
    assert watch.errors == []
    context.close()


def test_fits_a_phone_sized_viewport(browser, exported):
    context, page, watch = open_page(browser, exported, viewport={"width": 375, "height": 667})
    box = page.locator(".folium-map").bounding_box()
    assert box["width"] == 375 and box["height"] == 667
    assert page.locator(".leaflet-overlay-pane path").count() > 50
    assert watch.errors == []
    context.close()


HOSTILE = (
    "<script>alert('script tag')</script> talks in Yerevan.\n\n"
    "<img src=x onerror=\"alert('handler')\"> court in Baku <a href=\"javascript:alert('link')\">link</a>\n\n"
    "{{ 7*7 }} {% raw %} ${alert('template')} </script><script>alert('close')</script> Nakhchivan\n\n"
    "<svg onload=alert('svg')></svg> and <iframe src=javascript:alert('frame')></iframe> in Tbilisi\n"
)


def test_hostile_article_shows_as_text_and_runs_nothing(browser, tmp_path):
    path = tmp_path / "hostile.html"
    path.write_text(export_html(article=decode_article(HOSTILE.encode(), "hostile.txt")), encoding="utf-8")
    context, page, watch = open_page(browser, path)
    page.locator(".tripp-icon").first.click()
    page.locator(".leaflet-popup-content").wait_for()
    keys = page.evaluate("Object.keys(TrippMap.keyed).filter(k => k.startsWith('excerpt-'))")
    seen = []
    for key in keys:
        page.evaluate(f"TrippMap.keyed[{key!r}].openPopup()")
        seen.append(page.locator(".leaflet-popup-content .tripp-quote").inner_text())
    for _ in range(5):
        page.locator(".tripp-next").click()
        page.wait_for_timeout(300)
    page.wait_for_timeout(500)
    assert watch.dialogs == []
    assert any("<script>alert('script tag')</script>" in text for text in seen)
    assert any("{{ 7*7 }}" in text for text in seen)
    assert page.locator(".leaflet-popup-content img, .tripp-story-text img, .tripp-story-text svg").count() == 0
    assert watch.errors == [] and watch.outside == []
    context.close()
