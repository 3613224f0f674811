"""The export in a course page's frame: the page's links move its story, and the page scrolls over it until
the map is clicked."""

from __future__ import annotations

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


def open_course(browser, url):
    context = browser.new_context(viewport={"width": 1200, "height": 800}, bypass_csp=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url)
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
