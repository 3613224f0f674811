"""The Streamlit app in a real Chromium, network off: what a person sees."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.browser import Watch, start_streamlit

pytestmark = pytest.mark.browser
ROOT = Path(__file__).parent.parent
FRAME = "iframe[title='streamlit_folium.st_folium']"


@pytest.fixture(scope="module")
def server():
    try:
        proc, url = start_streamlit("app.py", ROOT)
    except RuntimeError as exc:
        pytest.fail(str(exc))
    yield url
    proc.terminate()
    proc.wait(timeout=20)


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    watch = Watch()
    watch.route(context)
    page = context.new_page()
    watch.attach(page)
    page.goto(server)
    frame = page.frame_locator(FRAME)
    frame.locator(".leaflet-overlay-pane path").first.wait_for(timeout=90_000)
    yield page, frame, watch
    context.close()


def test_map_is_drawn_with_no_request_leaving_the_machine(page):
    page, frame, watch = page
    assert frame.locator(".leaflet-overlay-pane path").count() > 50
    assert frame.locator(".tripp-icon").count() > 10
    page.wait_for_timeout(1000)
    assert watch.outside == []
    assert watch.errors == []


def test_clicking_an_excerpt_marker_opens_its_popup(page):
    page, frame, watch = page
    frame.locator(".tripp-icon", has_text="8").first.click()
    popup = frame.locator(".leaflet-popup-content")
    popup.wait_for(timeout=10_000)
    assert "military court in Baku" in popup.inner_text()
    assert watch.errors == []


def map_frame_at_step(page, step: int, timeout: float = 45.0):
    """The map's frame once it shows a story step (Streamlit may briefly keep the old frame too)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for frame in page.frames:
            if "streamlit_folium" in frame.url and not frame.is_detached():
                try:
                    if frame.query_selector(f".leaflet-container[data-story-step='{step}']"):
                        return frame
                except Exception:  # the frame went away while we looked
                    continue
        page.wait_for_timeout(200)
    pytest.fail(f"the map never reached story step {step}")


def test_story_next_moves_the_map(page):
    page, _, watch = page
    page.get_by_text("Story", exact=True).click()
    first = map_frame_at_step(page, 1)
    centre_1 = first.evaluate("(() => { const c = TrippMap.story.map.getCenter(); return [c.lat, c.lng]; })()")
    page.get_by_role("button", name="Next ▶").click()
    second = map_frame_at_step(page, 2)
    second.wait_for_selector(".leaflet-popup-content", timeout=10_000)
    assert "The visit follows" in second.inner_text(".leaflet-popup-content")
    page.wait_for_timeout(1200)
    centre_2 = second.evaluate("(() => { const c = TrippMap.story.map.getCenter(); return [c.lat, c.lng]; })()")
    assert centre_1 != centre_2
    page.evaluate("document.activeElement && document.activeElement.blur()")
    page.keyboard.press("ArrowRight")
    map_frame_at_step(page, 3)
    assert watch.errors == [] and watch.outside == []
