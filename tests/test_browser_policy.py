"""The export runs only its own code: its Content-Security-Policy holds while a person uses it, and it works
in a sandboxed frame of another page."""

from __future__ import annotations

import pytest

from outputs.export import export_html
from tests.browser import Watch, serve_folder

pytestmark = pytest.mark.browser

LISTEN = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__violations.push(e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sample || ''));
});
"""


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    path = tmp_path_factory.mktemp("policy") / "map.html"
    path.write_text(export_html(), encoding="utf-8")
    return path


def test_the_policy_is_strict_and_nothing_breaks_it_while_the_map_is_used(browser, exported):
    html = exported.read_text(encoding="utf-8")
    policy = html.split('http-equiv="Content-Security-Policy" content="', 1)[1].split('"', 1)[0]
    assert policy.startswith("default-src 'none'") and "unsafe-eval" not in policy
    assert "'unsafe-inline'" not in policy.split("style-src-attr")[0]  # scripts only by their hashes
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.add_init_script(LISTEN)  # before the page's own scripts: a violation at load is seen too
    watch = Watch()
    watch.route(context)
    page = context.new_page()
    watch.attach(page)
    page.goto(exported.as_uri())
    page.wait_for_selector(".leaflet-container[data-date]")
    page.wait_for_selector(".tripp-story .tripp-next")
    page.click(".tripp-next")  # the story
    page.wait_for_selector(".leaflet-container[data-story-step='1']")
    page.click(".tripp-time summary")  # the date control
    box = page.locator(".tripp-time input[type=date]")
    box.fill("2021-06-01")
    box.dispatch_event("change")
    page.wait_for_selector(".leaflet-container[data-date='2021-06-01']")
    # A popup: on the title step (a marker clicked during the story moves to its step instead), once the map
    # is still, of a marker in view (selectors only: the page's policy refuses the driver's scripts).
    page.locator(".tripp-toc").select_option("0")
    page.wait_for_selector(".leaflet-container[data-story-step='0']:not([data-settling])")
    page.locator(".tripp-icon:not(.tripp-offview)").first.click()
    page.wait_for_selector(".leaflet-popup-content")
    assert page.evaluate("window.__violations") == []
    assert watch.errors == [] and watch.outside == []
    context.close()


def test_the_export_draws_and_steps_in_a_sandboxed_frame(browser, exported):
    host = exported.parent / "course.html"
    host.write_text(
        '<!doctype html><html lang="en"><title>Course</title><h1>A course page</h1>'
        '<iframe id="map" title="The TRIPP corridor" sandbox="allow-scripts" src="map.html#step=3" '
        'width="1000" height="650"></iframe>',
        encoding="utf-8",
    )
    with serve_folder(exported.parent) as url:
        context = browser.new_context(viewport={"width": 1200, "height": 800})
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(f"{url}/course.html")
        frame = page.frame_locator("#map")
        frame.locator(".leaflet-container[data-story-step='3']").wait_for()
        assert frame.locator("path.layer-tripp_route").count() > 0
        frame.locator(".tripp-next").click()
        frame.locator(".leaflet-container[data-story-step='4']").wait_for()
        assert errors == []
        context.close()


def test_a_long_word_wraps_and_a_direction_override_reorders_nothing(browser, tmp_path):
    from geo.articles import parse_article

    url = "https://example.org/" + "a" * 600
    article = parse_article(f"Meghri and Syunik: {url} ends here.", "\u202elong.txt", source="\u202elong.txt")
    path = tmp_path / "long.html"
    path.write_text(export_html(article=article), encoding="utf-8")
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(path.as_uri() + "#step=1")
    page.wait_for_selector(".leaflet-container[data-story-step='1']")
    width = page.evaluate("Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)")
    assert width <= 1280
    text = page.locator(".tripp-story-text").bounding_box()
    assert text["x"] + text["width"] <= 1280
    # The map's own words after the name read in their order: the override ends with the name.
    meta = page.locator(".tripp-step-meta").first.inner_text()
    assert "\u2068\u202elong.txt\u2069" in meta and meta.endswith("Places: Meghri, Syunik")
    context.close()
