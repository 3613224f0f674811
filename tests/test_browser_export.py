"""The exported HTML in a real Chromium, opened from disk with the network off."""

from __future__ import annotations

import datetime

import pytest
import shapely

from geo.articles import decode_article
from layers import periods
from layers.registry import LAYERS, build_layer, layer_names, spec
from outputs.export import export_html
from render.excerpts import excerpt_view
from tests.browser import ROUTE_REPORT, VISIBLE_COPIES, Watch, settle

pytestmark = pytest.mark.browser

SIZES = {"projector": (1920, 1080), "laptop": (1280, 800), "old projector": (1024, 768), "phone": (390, 844)}


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "map.html"
    path.write_text(export_html(), encoding="utf-8")
    return path


def open_page(browser, path, viewport=(1280, 800), hash_="", reduced_motion="no-preference"):
    context = browser.new_context(
        viewport={"width": viewport[0], "height": viewport[1]}, reduced_motion=reduced_motion, bypass_csp=True
    )
    watch = Watch()
    watch.route(context)
    page = context.new_page()
    watch.attach(page)
    page.goto(path.as_uri() + hash_)
    page.wait_for_selector("path.layer-tripp_route", state="attached")
    page.wait_for_function(
        "window.TrippMap && TrippMap.of && (TrippMap.of() || {}).story && TrippMap.of().declutterRuns > 1"
    )
    settle(page)
    return context, page, watch


def casings() -> int:
    return sum(
        1 for layer in LAYERS for r in build_layer(layer.name).to_dict("records") if layer.style_of(r).get("casing")
    )


def in_force(layer):
    """The layer's features drawn today: all of them, or for a layer over time, those in force today."""
    return periods.live(build_layer(layer.name), layer.period, datetime.date.today().isoformat())


def expected_shapes() -> int:
    """Drawn vector shapes on open: one per part of every shown polygon or line, one per place."""
    total = 0
    for layer in LAYERS:
        if not layer.shown or layer.kind == "excerpt":
            continue
        for geom in in_force(layer).geometry:
            if geom.geom_type.startswith("Multi") and geom.geom_type != "MultiPoint":
                total += 1  # Leaflet draws a multi-geometry as one path
            else:
                total += len(shapely.get_parts(geom))
    return total + casings()


def test_draws_every_layer_offline(browser, exported):
    context, page, watch = open_page(browser, exported)
    paths = page.locator(
        ".leaflet-overlay-pane path, .leaflet-tripp-top-pane path, .leaflet-tripp-fills-pane path"
    ).count()
    # A place two sources put apart (Nrnadzor, Yeraskh, Zangilan) adds its second position and a link line.
    second = int((build_layer("places")["alt_lat"] != "").sum())
    assert second == 3 and paths == expected_shapes() + 2 * second
    excerpts = build_layer("excerpts").itertuples()
    markers = sum(len(shapely.get_parts(excerpt_view(r).point)) for r in excerpts if r.placed)
    assert page.locator(".leaflet-marker-pane .tripp-icon").count() == markers
    page.hover(".leaflet-control-layers")
    labels = page.locator(".leaflet-control-layers-overlays label").all_inner_texts()
    assert len(labels) == len(layer_names())
    assert page.locator(".tripp-legend").count() == 1
    assert "OpenStreetMap contributors" in page.locator(".leaflet-control-attribution").inner_text()
    for layer in LAYERS:
        if layer.shown and layer.kind != "excerpt":
            assert page.locator(f"path.layer-{layer.name}").count() > 0, layer.name  # every path says its layer
    assert watch.errors == [] and watch.failed == [] and watch.outside == []
    context.close()


def test_toggling_a_layer_hides_its_shapes(browser, exported):
    context, page, watch = open_page(browser, exported)
    before = page.locator("path.layer-karabakh").count()
    assert before == len(in_force(spec("karabakh")))
    page.hover(".leaflet-control-layers")
    title = spec("karabakh").title
    page.get_by_text(title, exact=True).click()
    assert page.locator("path.layer-karabakh").count() == 0
    page.get_by_text(title, exact=True).click()
    assert page.locator("path.layer-karabakh").count() == before
    assert watch.errors == []
    context.close()


def test_clicking_an_excerpt_opens_its_popup_inside_the_window(browser, exported):
    context, page, watch = open_page(browser, exported)
    page.locator(".tripp-icon", has_text="5").first.click()
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    assert "2023 lightning offensive" in popup.inner_text()
    settle(page)  # the map pans the popup into view
    box = page.locator(".leaflet-popup").bounding_box()
    assert box["x"] >= 0 and box["y"] >= 0 and box["x"] + box["width"] <= 1280 and box["y"] + box["height"] <= 800
    assert watch.errors == []
    context.close()


@pytest.mark.parametrize("size", list(SIZES))
def test_opening_view_shows_the_route_uncovered(browser, exported, size, tmp_path):
    context, page, watch = open_page(browser, exported, SIZES[size])
    report = page.evaluate(ROUTE_REPORT)
    page.screenshot(path=str(tmp_path / f"opening-{size}.png"))
    assert report["paths"] >= 1 and report["samples"] > 20
    assert report["inView"] >= 0.8, report
    assert report["clear"] >= 0.8, report
    assert report["width"] >= (4 if size == "phone" else 5), report
    assert watch.errors == []
    context.close()


def test_deep_link_opens_a_step_with_its_text_once_then_next_and_arrow_move_on(browser, exported):
    context, page, watch = open_page(browser, exported, hash_="#step=11")
    entries = page.evaluate("history.length")
    needle = "The TRIPP is a proposed road-and-rail corridor"
    hits = page.evaluate(VISIBLE_COPIES, needle)
    assert len(hits) == 1, hits
    assert 0 <= hits[0]["top"] and hits[0]["bottom"] <= 800 and hits[0]["right"] <= 1280
    assert page.locator(".leaflet-popup").count() == 0  # no second copy in a popup
    assert page.locator(".tripp-story-count").inner_text() == "11 / 13"
    page.locator(".tripp-next").click()
    assert page.evaluate("location.hash") == "#step=12"
    page.keyboard.press("ArrowRight")
    assert page.evaluate("location.hash") == "#step=13"
    page.keyboard.press("Home")
    assert page.evaluate("location.hash") == "#step=0"
    page.keyboard.press("End")
    assert page.evaluate("location.hash") == "#step=13"
    assert page.evaluate("history.length") == entries  # replaceState: the back button is not flooded
    assert watch.errors == []
    context.close()


@pytest.mark.parametrize("size", ["projector", "laptop", "old projector"])
def test_story_text_is_large_enough_to_read(browser, exported, size):
    context, page, _ = open_page(browser, exported, SIZES[size], hash_="#step=3")
    px = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.tripp-step-text')).fontSize)")
    assert px >= 18
    context.close()


def test_presenter_mode_enlarges_text_and_moves_controls_away(browser, exported, tmp_path):
    context, page, watch = open_page(browser, exported, (1920, 1080), hash_="#step=5&present")
    assert page.evaluate("document.documentElement.classList.contains('tripp-presenting')")
    story_px = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.tripp-step-text')).fontSize)")
    label_px = page.evaluate(
        "Math.min(...[...document.querySelectorAll('.tripp-maplabel .tl-text')].filter(e => e.getClientRects().length)"
        ".map(e => parseFloat(getComputedStyle(e).fontSize)))"
    )
    assert story_px >= 24 and label_px >= 16  # 13 px names, enlarged for the back of the room
    assert not page.locator(".leaflet-control-zoom").is_visible()
    page.screenshot(path=str(tmp_path / "present.png"))
    page.keyboard.press("Escape")
    assert not page.evaluate("document.documentElement.classList.contains('tripp-presenting')")
    page.wait_for_function("location.hash === '#step=5'")
    assert watch.errors == []
    context.close()


def test_a_step_shows_and_hides_its_layers(browser, exported):
    context, page, watch = open_page(browser, exported, hash_="#step=10")
    assert page.locator("path.layer-corridors").count() == 0  # the TRIPP step hides the far corridors
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")  # step 5: the 2023 offensive
    assert page.evaluate("location.hash") == "#step=5"
    assert page.locator("path.layer-corridors").count() > 0
    assert page.locator("path.layer-karabakh").count() > 0
    assert watch.errors == []
    context.close()


def test_with_reduced_motion_steps_jump(browser, exported):
    context, page, watch = open_page(browser, exported, reduced_motion="reduce")
    centre = "(() => { const c = TrippMap.of().story.map.getCenter(); return [c.lat.toFixed(4), c.lng.toFixed(4)]; })()"
    page.keyboard.press("End")
    right_after = page.evaluate(centre)
    assert page.evaluate("!document.querySelector('.leaflet-zoom-anim')")
    settle(page)
    assert page.evaluate(centre) == right_after  # no flight: already where it ends
    assert watch.errors == []
    context.close()


def test_fits_a_phone_sized_viewport(browser, exported):
    context, page, watch = open_page(browser, exported, SIZES["phone"])
    box = page.locator(".folium-map").bounding_box()
    assert box["width"] == 390 and box["height"] == 844
    assert page.locator(".tripp-story.tripp-sheet").count() == 1  # the story is a bottom sheet
    sheet = page.locator(".tripp-story").bounding_box()
    assert sheet["y"] + sheet["height"] <= 844 + 1 and sheet["height"] <= 0.5 * 844
    assert watch.errors == []
    context.close()


def test_a_hidden_map_steps_without_errors(browser, tmp_path):
    path = tmp_path / "hidden.html"
    path.write_text(
        '<!DOCTYPE html><html lang="en"><body><iframe src="map.html" title="map" style="width:0;height:0;border:0">'
        "</iframe></body></html>",
        encoding="utf-8",
    )
    (tmp_path / "map.html").write_text(export_html(), encoding="utf-8")
    context = browser.new_context(viewport={"width": 800, "height": 600}, bypass_csp=True)
    watch = Watch()
    watch.route(context)
    page = context.new_page()
    watch.attach(page)
    page.goto(path.as_uri())
    frame = page.frame_locator("iframe")
    frame.locator("path.layer-tripp_route").first.wait_for(state="attached")
    inner = page.frames[1]
    inner.wait_for_function("window.TrippMap && TrippMap.of && (TrippMap.of() || {}).story")
    inner.evaluate("TrippMap.of().story.go(3); TrippMap.of().story.go(11)")
    inner.locator(".leaflet-container[data-story-step='11']").wait_for(state="attached")
    inner.wait_for_function("!document.querySelector('.leaflet-container').hasAttribute('data-settling')")
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
    keys = page.evaluate("Object.keys(TrippMap.of().keyed).filter(k => k.startsWith('excerpt-'))")
    seen = []
    for key in keys:
        page.evaluate(f"void TrippMap.of().keyed[{key!r}].openPopup()")
        # The last popup fades out while the next opens: wait for the state with one popup.
        page.wait_for_function("document.querySelectorAll('.leaflet-popup').length === 1")
        seen.append(page.locator(".leaflet-popup-content .tripp-quote").inner_text())
    for _ in range(4):
        page.locator(".tripp-next").click()
        seen.append(page.locator(".tripp-story-text").inner_text())
    settle(page)
    assert watch.dialogs == []
    assert any("<script>alert('script tag')</script>" in text for text in seen)
    assert any("{{ 7*7 }}" in text for text in seen)
    assert page.locator(".leaflet-popup-content img, .tripp-story img, .tripp-story svg, .tripp-text img").count() == 0
    assert watch.errors == [] and watch.outside == []
    context.close()


def test_the_time_control_redraws_who_held_what(browser, exported, tmp_path):
    context, page, watch = open_page(browser, exported)
    armenian = "path.layer-karabakh[fill='#CC79A7']"
    keepers = "path.layer-karabakh[fill='#56B4E9']"
    assert page.locator(armenian).count() == 0  # today all of it is under Azerbaijani control
    page.locator(".tripp-time summary").click()
    typed = page.locator(".tripp-time input[type=date]")

    def show(day: str) -> None:
        typed.fill(day)
        typed.dispatch_event("change")
        page.wait_for_function(f"document.querySelector('.leaflet-container').getAttribute('data-date') === {day!r}")

    show("2021-06-01")
    # The corridor's 2020 road, and the stretch both roads share, under Russian peacekeepers.
    assert page.locator(armenian).count() > 0 and page.locator(keepers).count() == 2
    assert page.locator(".tripp-time-label").inner_text() == "1 Jun 2021"
    assert "Agdam, Kalbajar and Lachin districts handed over" in page.locator(".tripp-time-events").inner_text()
    page.screenshot(path=str(tmp_path / "2021.png"))
    show("2010-01-01")
    assert page.locator(keepers).count() == 0
    assert page.locator(armenian).count() == len(
        [z for z in build_layer("karabakh").itertuples() if z.held_by == "ethnic Armenian forces"]
    )
    show("1941-06-01")  # before the data begins, and before 1970
    assert page.locator("path.layer-karabakh").count() == 0
    assert "1908" in page.locator(".tripp-time-events").inner_text()
    assert watch.errors == []
    context.close()


def test_a_story_step_can_set_the_date(browser, exported):
    context, page, watch = open_page(browser, exported, hash_="#step=5")
    assert page.evaluate("TrippMap.of().date") == "2023-09-18"  # the eve of the 2023 offensive
    assert page.locator("path.layer-karabakh[fill='#CC79A7']").count() > 0
    assert watch.errors == []
    context.close()
