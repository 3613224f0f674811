"""Keyboard and screen-reader users, with axe-core in the browser: the export and the app page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from outputs.export import export_html
from tests.browser import APP_FRAME, APP_FRAME_URL, Watch, axe_violations, open_map, start_app

pytestmark = pytest.mark.browser
ROOT = Path(__file__).parent.parent


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    path = tmp_path_factory.mktemp("a11y") / "map.html"
    path.write_text(export_html(), encoding="utf-8")
    return path


def open_page(browser, path, hash_="", viewport=(1280, 800)):
    return open_map(
        browser,
        path,
        "window.TrippMap && TrippMap.of && (TrippMap.of() || {}).story && TrippMap.of().declutterRuns > 1",
        hash_,
        viewport,
    )


@pytest.mark.parametrize("hash_", ["", "#step=11"])
def test_axe_finds_nothing_serious_in_the_export(browser, exported, hash_):
    context, page, watch = open_page(browser, exported, hash_)
    assert axe_violations(page) == []
    assert watch.errors == []
    context.close()


def test_the_export_page_is_named_and_structured(browser, exported):
    context, page, _ = open_page(browser, exported)
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.locator("h1").count() == 1
    assert page.locator("main").count() == 1
    assert page.locator(".leaflet-container").get_attribute("role") == "region"
    assert "Map of" in page.locator(".leaflet-container").get_attribute("aria-label")
    assert page.locator("section.tripp-story[aria-label='Story']").count() == 1
    viewport = page.locator("meta[name=viewport]")
    assert viewport.count() == 1 and "user-scalable" not in viewport.get_attribute("content")
    context.close()


def tab_until(page, selector: str, limit: int = 40) -> int:
    """How many Tab presses from the top of the page until ``selector`` has focus."""
    for n in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement && document.activeElement.matches({selector!r})"):
            return n
    return limit + 1


def test_keyboard_reaches_the_story_quickly_and_no_shape_is_a_tab_stop(browser, exported):
    context, page, _ = open_page(browser, exported)
    assert tab_until(page, "button.tripp-next") <= 10
    focusable_paths = page.evaluate("[...document.querySelectorAll('path')].filter(p => p.tabIndex >= 0).length")
    assert focusable_paths <= 3
    names = page.evaluate("[...document.querySelectorAll('.tripp-icon')].map(m => m.getAttribute('title'))")
    assert names and all(re.match(r"^Paragraph \d+: \S", name) for name in names), names
    context.close()


def test_a_step_announces_its_title_not_its_text(browser, exported):
    context, page, _ = open_page(browser, exported)
    live = page.locator(".tripp-sr[aria-live='polite']")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    said = live.inner_text()
    assert said.startswith("Step 3 of 13: ") and "Vance held talks" not in said
    context.close()


def test_a_popup_takes_focus_and_escape_gives_it_back(browser, exported):
    context, page, _ = open_page(browser, exported)
    page.locator(".tripp-icon", has_text="5").first.click()
    page.locator(".leaflet-popup-content").wait_for()
    assert page.evaluate("!!document.activeElement.closest('.leaflet-popup')")
    page.keyboard.press("Escape")
    page.locator(".leaflet-popup").wait_for(state="detached")  # the state, not Leaflet's fade time
    assert not page.evaluate("!!document.activeElement.closest('.leaflet-popup')")
    context.close()


def test_the_help_lists_the_keys(browser, exported):
    context, page, _ = open_page(browser, exported)
    page.keyboard.press("?")
    help_text = page.locator(".tripp-help").inner_text()
    assert "Home / End" in help_text and "Page Down" in help_text
    page.keyboard.press("Escape")
    assert not page.locator(".tripp-help").is_visible()
    context.close()


def test_text_is_large_enough(browser, exported):
    context, page, _ = open_page(browser, exported)
    size = "el => parseFloat(getComputedStyle(el).fontSize)"
    names = page.locator(".tripp-maplabel .tl-text").evaluate_all(
        f"els => els.filter(e => e.getClientRects().length).map({size})"
    )
    assert names and min(names) >= 13
    page.locator(".tripp-icon", has_text="5").first.click()
    page.locator(".leaflet-popup-content").wait_for()
    cells = page.locator(".leaflet-popup-content td, .leaflet-popup-content .tripp-quote")
    assert min(cells.evaluate_all(f"els => els.map({size})")) >= 16
    assert min(page.locator(".tripp-num").evaluate_all(f"els => els.map({size})")) >= 16
    context.close()


def test_axe_finds_nothing_serious_in_the_app(browser):
    proc, url = start_app(ROOT)
    try:
        context = browser.new_context(viewport={"width": 1280, "height": 800}, bypass_csp=True)
        watch = Watch()
        watch.route(context)
        page = context.new_page()
        page.goto(url)
        page.frame_locator(APP_FRAME).locator("path.layer-tripp_route").first.wait_for(timeout=90_000, state="attached")
        inner = next(f for f in page.frames if APP_FRAME_URL in f.url)
        inner.wait_for_function(
            "window.TrippMap && TrippMap.of && (TrippMap.of() || {}).story && TrippMap.of().declutterRuns > 1"
        )
        assert axe_violations(page) == []
        assert axe_violations(inner) == []
        context.close()
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_the_axe_run_catches_a_button_named_other_than_its_text(browser):
    # The run every test above makes includes axe's experimental rules: the one the issue met is caught.
    context = browser.new_context()
    page = context.new_page()
    page.set_content('<!doctype html><html lang="en"><title>t</title><main><button aria-label="Next step">Start'
                     '</button></main></html>')  # fmt: skip
    found = {v["id"] for v in axe_violations(page)}
    assert "label-content-name-mismatch" in found
    context.close()
