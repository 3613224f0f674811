"""The Streamlit app in a real Chromium, network off: what a person sees."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser import APP_FRAME, APP_FRAME_URL, ROUTE_REPORT, open_app, settle, start_app

pytestmark = pytest.mark.browser
ROOT = Path(__file__).parent.parent
FRAME = APP_FRAME


@pytest.fixture(scope="module")
def server():
    try:
        proc, url = start_app(ROOT)
    except RuntimeError as exc:
        pytest.fail(str(exc))
    yield url
    proc.terminate()
    proc.wait(timeout=20)


@pytest.fixture
def page(browser, server):
    context, page, watch = open_app(browser, server)
    frame = page.frame_locator(FRAME)
    inner = next(f for f in page.frames if APP_FRAME_URL in f.url)
    inner.wait_for_function(
        "window.TrippMap && TrippMap.of && (TrippMap.of() || {}).story && TrippMap.of().declutterRuns > 1",
        timeout=30_000,
    )
    settle(inner)
    yield page, frame, inner, watch
    context.close()


def test_map_is_drawn_big_and_high_with_no_request_leaving_the_machine(page, tmp_path):
    page, frame, inner, watch = page
    assert frame.locator(".leaflet-overlay-pane path").count() > 50
    assert frame.locator(".tripp-icon").count() > 10
    assert page.locator(FRAME).get_attribute("title").startswith("Map of")  # not "Map: The TRIPP corridor" alone
    box = page.locator(FRAME).bounding_box()
    assert box["width"] * box["height"] >= 0.5 * 1280 * 800  # at least half the window
    assert box["y"] >= 0 and box["y"] + box["height"] <= 800  # in view without scrolling
    report = inner.evaluate(ROUTE_REPORT)
    page.screenshot(path=str(tmp_path / "app.png"))
    assert report["inView"] >= 0.8 and report["clear"] >= 0.8 and report["width"] >= 5, report
    settle(inner)
    assert watch.outside == []
    assert watch.errors == []


def test_clicking_an_excerpt_marker_opens_its_popup(page):
    page, frame, _, watch = page
    frame.locator(".tripp-icon", has_text="11").first.click()
    popup = frame.locator(".leaflet-popup-content")
    popup.wait_for(timeout=10_000)
    assert "The TRIPP is a proposed road-and-rail corridor" in popup.inner_text()
    assert watch.errors == []


def test_a_story_step_keeps_the_same_map_and_shows_its_text_in_the_page(page):
    # How quickly is bench/bench_app.py's to measure; here, that the step is the page's own work.
    page, frame, inner, watch = page
    inner.evaluate("window.__sameMap = true")
    frame.locator(".tripp-next").click()
    inner.wait_for_function("document.querySelector('.tripp-story-count').textContent === '1 / 13'")
    assert "U.S. Vice President JD Vance" in frame.locator(".tripp-story-text").inner_text()
    # The same document: no rerun reloaded the map's frame.
    assert inner.evaluate("window.__sameMap") is True and not inner.is_detached()
    # The page's own arrow key steps the story (focus outside the map).
    page.evaluate("document.activeElement && document.activeElement.blur()")
    page.locator("h1").first.click()
    page.keyboard.press("ArrowRight")
    inner.wait_for_function("document.querySelector('.tripp-story-count').textContent === '2 / 13'")
    assert inner.evaluate("window.__sameMap") is True
    assert watch.errors == [] and watch.outside == []


def _host_keydown_listeners(page) -> int:
    """keydown listeners on the app's own page (the host of the map's frame), as Chromium's debugger counts them."""
    cdp = page.context.new_cdp_session(page)
    document = cdp.send("Runtime.evaluate", {"expression": "document"})["result"]["objectId"]
    listeners = cdp.send("DOMDebugger.getEventListeners", {"objectId": document})["listeners"]
    cdp.detach()
    return sum(1 for listener in listeners if listener["type"] == "keydown")


def test_redrawing_the_map_leaves_no_listener_behind_on_the_apps_page(page):
    page, _, _, _ = page
    counts = []
    choices = ("Light (online)", "OpenStreetMap (online)", "Bundled (offline)") * 4
    for n, choice in enumerate(choices[:10]):  # ten redraws, each a change of basemap
        page.evaluate(
            """(n) => document.querySelectorAll("iframe[src*='/tripp-map/map/']").forEach((f) => {
                 try { f.contentWindow.__drawn = n; } catch (e) {} })""",
            n,
        )
        page.get_by_text(choice, exact=True).click()
        # The choice draws the map anew: a map whose window was not marked, with its story running.
        page.wait_for_function(
            """(n) => Array.from(document.querySelectorAll("iframe[src*='/tripp-map/map/']")).some((f) => {
                 try {
                   const w = f.contentWindow;
                   const s = w.TrippMap && w.TrippMap.of && w.TrippMap.of();
                   return w.__drawn !== n && s && s.story && s.declutterRuns > 1;
                 } catch (e) { return false; }
               })""",
            arg=n,
            timeout=90_000,
        )
        counts.append(_host_keydown_listeners(page))
    assert counts[-1] <= counts[0], counts  # after ten redraws no more than after one


def test_the_map_opens_on_its_own_page_from_the_servers_memory(page):
    page, _, _, watch = page
    page.get_by_role("button", name="Open the map on its own page").click()
    link = page.get_by_role("link", name="Open it (full window, presenter mode)")
    link.wait_for(timeout=60_000)
    href = link.get_attribute("href")
    assert href.startswith("tripp-map/map/") and href.endswith("#present")
    with page.context.expect_page() as opened:
        link.click()
    own = opened.value
    own.wait_for_function(
        "window.TrippMap && TrippMap.of && (TrippMap.of() || {}).story"
        " && document.documentElement.classList.contains('tripp-presenting')"
    )
    assert own.locator("path.layer-tripp_route").count() >= 1
    assert watch.outside == []


IN_FRAME = """() => {
  const rect = (sel) => { const r = document.querySelector(sel).getBoundingClientRect();
                          return [r.left, r.top, r.right, r.bottom]; };
  return {w: innerWidth, h: innerHeight, scale: rect('.leaflet-control-scale'),
          credits: rect('.leaflet-control-attribution')};
}"""


@pytest.mark.parametrize("size", [(1024, 768), (1280, 800), (1920, 1080)])
def test_the_whole_map_and_the_basemap_choice_are_in_view_on_a_projector(browser, server, size):
    context, page, _ = open_app(browser, server, viewport=size)
    inner = next(f for f in page.frames if APP_FRAME_URL in f.url)
    settle(inner)
    box = page.locator(APP_FRAME).bounding_box()
    assert box["y"] > 0 and box["y"] + box["height"] <= size[1], box  # no scrolling to the map's foot
    # Below the controls, the window's height goes to the map: a big projector gets a bigger map.
    assert box["height"] >= size[1] - 240, box
    got = inner.evaluate(IN_FRAME)
    for name in ("scale", "credits"):
        left, top, right, bottom = got[name]
        assert 0 <= left and right <= got["w"] and 0 <= top and bottom <= got["h"], (name, got)
    tops = {round(b["y"]) for b in page.get_by_role("radiogroup").get_by_role("radio").evaluate_all(
        "(els) => els.map((e) => e.closest('label').getBoundingClientRect().toJSON())"
    )}  # fmt: skip
    assert len(tops) == 1, tops  # the three basemaps on one line
    context.close()
