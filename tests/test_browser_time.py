"""Time told right, in a real Chromium: every dated layer follows the map's date, each story step shows its
own date however it is reached, and the date control picks a day by typing and by keys."""

from __future__ import annotations

import datetime

import pytest
import shapely

from layers import periods
from layers.registry import LAYERS, build_layer
from outputs.export import export_html
from render.story import rules_for
from tests.browser import axe_violations, open_map

pytestmark = pytest.mark.browser

READY = (
    "window.TrippMap && TrippMap.of && (TrippMap.of() || {}).story"
    " && document.querySelector('.leaflet-container[data-date]')"
)
DATED = [layer for layer in LAYERS if layer.period and layer.shown]
TODAY = datetime.date.today().isoformat()


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    path = tmp_path_factory.mktemp("time") / "map.html"
    path.write_text(export_html(), encoding="utf-8")
    return path


def expected_paths(day: str) -> dict[str, int]:
    """Paths each dated layer draws on ``day``: one per line or polygon part (a multi-geometry is one path),
    and a casing under each route feature that has one."""
    out = {}
    for layer in DATED:
        live = periods.live(build_layer(layer.name), layer.period, day)
        total = 0
        for record in live.to_dict("records"):
            geom = record["geometry"]
            if geom is None or geom.is_empty:
                continue
            total += 1 if geom.geom_type.startswith("Multi") else len(shapely.get_parts(geom))
            total += 1 if layer.style_of(record).get("casing") else 0
        out[layer.name] = total
    return out


DRAWN = """() => {
  const out = {};
  for (const name of %s) out[name] = document.querySelectorAll('path.layer-' + name).length;
  out.subject = document.querySelectorAll('path.layer-tripp_route[stroke="#B0006E"]').length;
  out.building = Array.from(document.querySelectorAll('path.layer-corridors, path.layer-tripp_route'))
    .filter((p) => p.getAttribute('stroke-dasharray') === '4 6' && p.getBBox().width > 0).length;
  out.held = document.querySelectorAll('path.layer-karabakh[fill="#CC79A7"]').length;
  return out;
}""" % [layer.name for layer in DATED]


def type_date(page, day: str) -> None:
    box = page.locator(".tripp-time input[type=date]")
    box.fill(day)
    box.dispatch_event("change")
    page.wait_for_function(f"document.querySelector('.leaflet-container').getAttribute('data-date') === '{day}'")


def test_every_dated_layer_follows_the_date_and_today_restores_it(browser, exported):
    context, page, watch = open_map(browser, exported, READY)
    opened = page.evaluate(DRAWN)
    page.click(".tripp-time summary")
    seen = {}
    for day in ("1995-06-01", "2021-06-01", "2024-06-01"):
        type_date(page, day)
        seen[day] = drawn = page.evaluate(DRAWN)
        assert {k: drawn[k] for k in expected_paths(day)} == expected_paths(day), day
    # The TRIPP was named on 8 Aug 2025: not drawn before; Azerbaijan's line is built from Feb 2021.
    assert all(seen[d]["subject"] == 0 for d in seen)
    assert seen["1995-06-01"]["building"] == 0 and seen["2021-06-01"]["building"] > 0
    # Karabakh: held parts in 1995 and 2021 (the north among them), none after 2023.
    assert seen["1995-06-01"]["held"] > seen["2021-06-01"]["held"] > 0 == seen["2024-06-01"]["held"]
    page.click(".tripp-time-today")
    page.wait_for_function(f"document.querySelector('.leaflet-container').getAttribute('data-date') === '{TODAY}'")
    back = page.evaluate(DRAWN)
    assert back == opened and back["subject"] > 0 and back["building"] > 0
    # Lines back on the map lie under the stations again, in the drawing order they had at first.
    order = page.evaluate(
        """() => Array.from(document.querySelectorAll('.leaflet-overlay-pane svg g > *'))
             .map((el) => (el.getAttribute('class') || '').match(/layer-(\\w+)/)?.[1] || '')"""
    )
    lines = [n for n, name in enumerate(order) if name == "corridors"]
    stations = [n for n, name in enumerate(order) if name == "places"]
    assert lines and stations and max(lines) < min(stations)
    assert {k: back[k] for k in expected_paths(TODAY)} == expected_paths(TODAY)
    assert watch.errors == []
    context.close()


def step_dates() -> list[str]:
    """Each story step's own date: today for the title, then the event a paragraph tells or its article's."""
    out = [TODAY]
    for _, row in build_layer("excerpts").iterrows():
        out.append(rules_for(row)[3] or str(row["date"]) or TODAY)
    return out


def test_each_step_shows_its_own_date_however_it_is_reached(browser, exported):
    dates = step_dates()
    assert dates[5] == "2023-09-18" and dates[6] != dates[5]
    context, page, watch = open_map(browser, exported, READY, hash_="#step=4")

    def at(step: int) -> str:
        page.wait_for_function(
            f"document.querySelector('.leaflet-container').getAttribute('data-story-step') === '{step}'"
        )
        return page.get_attribute(".leaflet-container", "data-date")

    assert at(4) == dates[4]
    page.click(".tripp-next")
    assert at(5) == dates[5]
    # The key says the map's date.
    page.wait_for_function("document.querySelector('.tripp-key-day').textContent === '18 Sep 2023'")
    page.click(".tripp-next")
    assert at(6) == dates[6]
    page.click(".tripp-prev")
    page.click(".tripp-prev")
    assert at(4) == dates[4]
    page.keyboard.press("Home")
    assert at(0) == TODAY
    # Presenter mode keeps the map's date in view, in the key.
    page.keyboard.press("End")
    last = len(dates) - 1
    assert at(last) == dates[last]
    page.keyboard.press("p")
    page.wait_for_selector(".tripp-presenting")
    assert page.locator(".tripp-key-day").is_visible()
    assert watch.errors == []
    context.close()


def test_the_date_control_reaches_a_day_by_typing_and_by_keys(browser, exported):
    context, page, watch = open_map(browser, exported, READY)
    page.click(".tripp-time summary")
    type_date(page, "2020-10-09")
    assert page.locator(".tripp-time-label").inner_text() == "9 Oct 2020"
    events = page.locator(".tripp-time-events").inner_text()
    assert "Second Karabakh war" in events and "Lachin" not in events  # only what came before the date
    slider = page.locator(".tripp-time input[type=range]")
    slider.focus()
    page.keyboard.press("ArrowRight")  # a month on: the first of the next month
    page.wait_for_function("document.querySelector('.leaflet-container').getAttribute('data-date') === '2020-11-01'")
    page.keyboard.press("PageUp")
    page.wait_for_function("document.querySelector('.leaflet-container').getAttribute('data-date') === '2021-11-01'")
    page.keyboard.press("PageDown")
    page.keyboard.press("PageDown")
    page.wait_for_function("document.querySelector('.leaflet-container').getAttribute('data-date') === '2019-11-01'")
    assert slider.get_attribute("aria-valuetext") == "1 Nov 2019"
    # The story did not step: the control's keys are its own.
    assert page.get_attribute(".leaflet-container", "data-story-step") in (None, "0")
    page.keyboard.press("Home")
    page.wait_for_function("document.querySelector('.leaflet-container').getAttribute('data-date') === '1908-01-01'")
    # Year marks under the track, in order, within the control.
    years = page.locator(".tripp-time-year").all_inner_texts()
    assert years[:2] == ["2000", "2005"] and years == sorted(years)
    box = page.locator(".tripp-time").bounding_box()
    for mark in page.locator(".tripp-time-year").all():
        b = mark.bounding_box()
        assert box["x"] <= b["x"] and b["x"] + b["width"] <= box["x"] + box["width"]
    assert axe_violations(page) == []
    assert watch.errors == []
    context.close()


def test_on_a_phone_the_open_date_control_covers_no_other_control(browser, exported):
    context, page, watch = open_map(browser, exported, READY, viewport=(390, 844))
    page.click(".tripp-time summary")
    page.wait_for_selector(".tripp-time-open")
    box = page.locator(".tripp-time").bounding_box()
    for other in page.locator(".leaflet-control:not(.tripp-time)").all():
        if not other.is_visible():
            continue
        b = other.bounding_box()
        apart = b["x"] >= box["x"] + box["width"] or b["x"] + b["width"] <= box["x"]
        apart = apart or b["y"] >= box["y"] + box["height"] or b["y"] + b["height"] <= box["y"]
        assert apart, other.get_attribute("class")
    type_date(page, "2021-06-01")
    assert watch.errors == []
    context.close()
