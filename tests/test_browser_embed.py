"""The export in a course page's frame: the page's links move its story, and the page scrolls over it until
the map is clicked."""

from __future__ import annotations

import re

import pytest

from outputs.export import export_html
from tests.browser import serve_folder

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    folder = tmp_path_factory.mktemp("course")
    (folder / "map.html").write_text(export_html(), encoding="utf-8")
    (folder / "course.html").write_text(
        '<!doctype html><html lang="en"><title>Course</title><body style="margin:0">'
        '<h1>A course page</h1><p style="height:300px">Read the story below.</p>'
        '<iframe id="map" title="The TRIPP corridor" src="map.html" width="1000" height="600"></iframe>'
        '<p style="height:2000px">More of the course.</p></body></html>',
        encoding="utf-8",
    )
    with serve_folder(folder) as url:
        yield f"{url}/course.html"


def _open(browser, url, viewport):
    """A page at ``url`` and the list its script errors go to."""
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]}, bypass_csp=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url)
    return context, page, errors


def open_course(browser, url):
    context, page, errors = _open(browser, url, (1200, 800))
    frame = page.frame_locator("#map")
    frame.locator(".leaflet-container[data-story-step]").wait_for()
    return context, page, frame, errors


def test_changing_the_frames_address_moves_its_story(browser, course):
    context, page, frame, errors = open_course(browser, course)
    for step in (3, 7, 2):
        page.evaluate(f"document.getElementById('map').contentWindow.location.hash = '#step={step}'")
        frame.locator(f".leaflet-container[data-story-step='{step}']").wait_for()
    page.evaluate("document.getElementById('map').contentWindow.location.hash = '#step=5&present'")
    frame.locator(".leaflet-container[data-story-step='5']").wait_for()
    assert page.evaluate("document.getElementById('map').contentDocument.documentElement.classList"
                         ".contains('tripp-presenting')")  # fmt: skip
    assert errors == []
    context.close()


def test_the_wheel_scrolls_the_page_until_the_map_is_clicked(browser, course):
    context, page, frame, errors = open_course(browser, course)
    inner = page.frame(url=lambda u: "map.html" in u)
    zoom = inner.evaluate("document.querySelector('.leaflet-container').getAttribute('data-wheel')")
    assert zoom == "page"
    box = page.locator("#map").bounding_box()
    page.mouse.move(box["x"] + 300, box["y"] + 300)
    page.mouse.wheel(0, 400)
    # The wheel scrolls: the frame's own page first (the text version below its map), then the course page.
    page.wait_for_function("window.scrollY > 0 || document.getElementById('map').contentWindow.scrollY > 0")
    frame.locator(".leaflet-container[data-wheel-hinted='yes']").wait_for()  # the hint was shown
    assert "Click the map to zoom" in frame.locator(".tripp-wheel-hint").text_content()
    # Clicked, the map takes the wheel (scrolled back to it first: the wheel moved the frame's page on).
    inner.evaluate("window.scrollTo(0, 0)")
    page.evaluate("window.scrollTo(0, 0)")
    box = page.locator("#map").bounding_box()
    page.mouse.click(box["x"] + 300, box["y"] + 300)
    frame.locator(".leaflet-container[data-wheel='map']").wait_for()
    assert errors == []
    context.close()


def test_the_course_page_drives_the_map_by_messages_and_hears_it_move(browser, course):
    context, page, frame, errors = open_course(browser, course)
    page.evaluate(
        """() => { window.heard = [];
             window.addEventListener('message', (e) => { if (e.data && e.data.tripp) window.heard.push(e.data); }); }"""
    )
    send = "(m) => document.getElementById('map').contentWindow.postMessage(m, '*')"
    page.evaluate(send, {"tripp": "go", "step": 6})
    frame.locator(".leaflet-container[data-story-step='6']").wait_for()
    page.evaluate(send, {"tripp": "date", "date": "2021-06-01"})
    frame.locator(".leaflet-container[data-date='2021-06-01']").wait_for()
    page.evaluate(send, {"tripp": "layer", "name": "karabakh", "show": False})
    page.wait_for_function("document.getElementById('map').contentDocument"
                           ".querySelectorAll('path.layer-karabakh').length === 0")  # fmt: skip
    page.evaluate(send, {"tripp": "date", "date": "2026-13-45"})  # not a day: ignored
    page.wait_for_function("window.heard.some((m) => m.tripp === 'step' && m.step === 6)")
    page.wait_for_function("window.heard.some((m) => m.tripp === 'date' && m.date === '2021-06-01')")
    assert frame.locator(".leaflet-container").get_attribute("data-date") == "2021-06-01"
    # A message from any other window than the embedding page is not taken.
    inner = page.frame(url=lambda u: "map.html" in u)
    inner.evaluate("window.postMessage({tripp: 'go', step: 2}, '*')")
    page.evaluate(send, {"tripp": "date", "date": "2022-09-01"})  # handled after it, in order
    frame.locator(".leaflet-container[data-date='2022-09-01']").wait_for()
    assert frame.locator(".leaflet-container").get_attribute("data-story-step") == "6"
    assert errors == []
    context.close()


@pytest.fixture(scope="module")
def two_maps(tmp_path_factory):
    """A page holding two of our maps side by side, as a course page that puts two exports in itself would:
    the export's scripts once, each map's own script (the second in a scope of its own, as a page keeps
    two pasted embeds apart)."""
    html = export_html()
    body, tail = html.index("<body"), html.index("</body>")
    script = tail + len("</body>")
    own = html[script:].strip()
    assert own.startswith("<script>") and own.endswith("</html>")
    own = own[: own.rindex("</script>")][len("<script>") :]
    second = re.sub(r"\bmap_1\b", "map_2", own)
    boxes = "".join(
        f'<div style="position:relative;width:700px;height:560px;display:inline-block">'
        f'<div class="folium-map" id="{name}" style="position:absolute;inset:0"></div></div>'
        for name in ("map_1", "map_2")
    )
    page = (
        html[:body]
        + f'<body><h1>Two maps</h1>{boxes}<p id="after" tabindex="-1">After the maps.</p>'
        + f"<script>{own}</script><script>(function () {{ {second} }})();</script></body></html>"
    )
    folder = tmp_path_factory.mktemp("two")
    (folder / "two.html").write_text(page, encoding="utf-8")
    with serve_folder(folder) as url:
        yield f"{url}/two.html"


def _steps(page) -> list[str]:
    return page.evaluate(
        "Array.from(document.querySelectorAll('.leaflet-container')).map((c) => c.getAttribute('data-story-step'))"
    )


def test_two_maps_in_one_page_step_and_date_apart(browser, two_maps):
    context, page, errors = _open(browser, two_maps, (1500, 900))
    first, second = page.locator("#map_1"), page.locator("#map_2")
    for m in (first, second):
        m.locator("xpath=self::*[@data-story-step='0']").wait_for()
    first.locator(".tripp-next").click()
    first.locator("xpath=self::*[@data-story-step='1']").wait_for()
    assert _steps(page) == ["1", "0"]
    for _ in range(2):
        second.locator(".tripp-next").click()
    second.locator("xpath=self::*[@data-story-step='2']").wait_for()
    assert _steps(page) == ["1", "2"]
    # A key pressed in a map steps that map; one pressed elsewhere in the page, the first (the address's).
    second.locator(".tripp-next").focus()
    page.keyboard.press("ArrowRight")
    second.locator("xpath=self::*[@data-story-step='3']").wait_for()
    assert _steps(page) == ["1", "3"]
    page.locator("#after").focus()
    page.keyboard.press("ArrowRight")
    first.locator("xpath=self::*[@data-story-step='2']").wait_for()
    assert _steps(page) == ["2", "3"]
    assert page.evaluate("location.hash") == "#step=2"  # the second map's moves do not take the address
    # Each map has its own date: a date typed in the second leaves the first's as its step set it.
    day_of_first = first.get_attribute("data-date")
    second.locator(".tripp-time summary").click()
    second.locator(".tripp-time input[type=date]").fill("2019-01-01")
    second.locator(".tripp-time input[type=date]").dispatch_event("change")
    second.locator("xpath=self::*[@data-date='2019-01-01']").wait_for()
    assert first.get_attribute("data-date") == day_of_first != "2019-01-01"
    states = page.evaluate(
        """() => Array.from(document.querySelectorAll('.leaflet-container')).map((c) => {
             const s = TrippMap.of(c);
             return [s.date, s.story.step(), Object.keys(s.groups).length, s.markers.length];
           })"""
    )
    assert states[0][:2] == [day_of_first, 2] and states[1][:2] == ["2019-01-01", 3]
    assert states[0][2] == states[1][2] > 5 and states[0][3] == states[1][3] > 0  # each drew its own
    assert errors == []
    context.close()
