"""A teacher corrects a lesson in the app, in a real Chromium; the server restarts; a class opens the view link."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from pypdf import PdfReader

from tests.browser import APP_FRAME, APP_FRAME_URL, axe_violations, open_app, settle, start_app
from tests.test_handout import flat

pytestmark = pytest.mark.browser
ROOT = Path(__file__).parent.parent
ARTICLE = (
    "Trains will run from Meghri to Ordubad, Armenian officials said.\n\n"
    "Football fans cheered in a stadium in Baku.\n\n"
    "Talks were held in Tbilisi and in Yerevan."
)
CHANGED = """(before) => { const f = document.querySelector("iframe[src*='/tripp-map/map/']");
  return f && f.getAttribute('src') !== before; }"""


def _server(data: Path):
    try:
        return start_app(ROOT, env={"TRIPP_MAP_DATA_DIR": str(data)})
    except RuntimeError as exc:
        pytest.fail(str(exc))


def _stop(proc) -> None:
    proc.terminate()
    proc.wait(timeout=30)


# The second step's fields, alone: the first step's (its note filled in) are gone.
SECOND_STEP_SHOWN = """() => {
  const notes = [...document.querySelectorAll('textarea[aria-label="Note for the class"]')];
  const hide = document.querySelectorAll('input[aria-label="Hide this paragraph from the story"]');
  return notes.length === 1 && notes[0].value === '' && hide.length === 1;
}"""
IDLE = """() => {
  const status = document.querySelector('[data-testid="stStatusWidget"]');
  return !(status && status.textContent.includes('Running')) && !document.querySelector('[data-stale="true"]');
}"""


def _idle(page) -> None:
    """The app has finished its run: nothing is running, and no element of an earlier run is left."""
    page.wait_for_function(IDLE, timeout=60_000)


def _map_changes(page, act) -> None:
    """Do ``act`` and wait for the map's frame to show the map it made."""
    before = page.locator(APP_FRAME).get_attribute("src")
    act()
    page.wait_for_function(CHANGED, arg=before, timeout=90_000)
    _idle(page)


def _story(page) -> dict:
    inner = next(f for f in page.frames if APP_FRAME_URL in f.url)
    inner.wait_for_function("window.TrippMap && TrippMap.of && (TrippMap.of() || {}).story", timeout=60_000)
    settle(inner)
    script = inner.content()
    return json.loads(re.search(r"TrippMap\.addStory\(\w+, (\{.*\})\);", script).group(1)), inner


def _type(page, label: str, text: str) -> None:
    box = page.get_by_label(label, exact=True)
    box.fill(text)
    box.press("Tab")  # a field is sent when it loses focus


def test_a_teacher_corrects_a_lesson_and_after_a_restart_the_class_sees_it(browser, tmp_path):
    proc, url = _server(tmp_path / "data")
    try:
        context, page, _ = open_app(browser, url)
        _idle(page)
        page.get_by_text("Other articles, and lessons").click()
        page.get_by_label("Paste an article (UTF-8 text)").fill(ARTICLE)
        _map_changes(page, lambda: page.get_by_role("button", name="Annotate", exact=True).click())
        page.get_by_label("Lesson title").fill("9B: the corridor")
        page.get_by_label("Lesson title").press("Tab")
        _idle(page)
        _map_changes(page, lambda: page.get_by_role("button", name="Save as a lesson").click())
        assert "lesson=" in page.url and "key=" in page.url
        view_link = page.locator("[data-testid='stCode']").first.inner_text().strip()
        assert "?lesson=" in view_link and "key=" not in view_link
        qr = page.locator("img.tripp-qr")
        assert qr.count() == 1 and qr.evaluate("img => img.complete && img.naturalWidth > 100")

        # Paragraph 1: Ordubad removed, Agarak added by name, a title and a note; each shows on the map at once
        # (the map opens at the step being edited).
        shown = page.frame_locator(APP_FRAME)
        page.get_by_role("button", name="Remove Ordubad").click()
        shown.locator(".tripp-story-text").filter(has_text="Places: Meghri, Armenia").wait_for(timeout=60_000)
        adder = page.get_by_role("textbox", name="Add a place by its name")
        adder.fill("Agarak")
        adder.press("Enter")
        page.get_by_role("button", name="Add this place").click()
        shown.locator(".tripp-story-text").filter(has_text="Places: Meghri, Armenia, Agarak").wait_for(timeout=60_000)
        _type(page, "Step title (blank: the places it names)", "Where the trains will run")
        shown.locator(".tripp-story-title").filter(has_text="Where the trains will run").wait_for(timeout=60_000)
        _type(page, "Note for the class", "Find Meghri on the map")
        shown.locator(".tripp-story-text").filter(has_text="Find Meghri on the map").wait_for(timeout=60_000)
        # Paragraph 2 is off the topic: hidden (the map then opens at the title step: the step is gone).
        choose = page.locator("[data-testid='stSelectbox']").filter(has_text="Step to edit")
        option = page.get_by_role("option").filter(has_text="Paragraph 2:")
        for _ in range(5):  # a click that lands while the page reruns finds the list closed again: once more
            _idle(page)
            choose.locator("input").click()
            try:
                option.wait_for(timeout=10_000)
                break
            except PlaywrightTimeout:
                continue
        option.click()
        page.wait_for_function(SECOND_STEP_SHOWN)
        # The checkbox's own box is drawn over by its label: a person clicks the words.
        _map_changes(page, lambda: page.get_by_text("Hide this paragraph from the story").click())
        story, inner = _story(page)
        assert len(story["steps"]) == 3, "the title step and the two paragraphs left"
        assert [s["title"] for s in story["steps"]][1] == "\u2068Where the trains will run\u2069"
        assert not axe_violations(page), "the editor passes axe"
        page.screenshot(path=str(tmp_path / "teacher.png"), full_page=True)
        context.close()
    finally:
        _stop(proc)

    # The server restarts; a student opens the view link in another browser.
    proc, url = _server(tmp_path / "data")
    try:
        student = view_link.replace(view_link.split("/?")[0], url)
        context, page, watch = open_app(browser, student, viewport=(390, 844))
        _idle(page)
        story, inner = _story(page)
        titles = [s["title"] for s in story["steps"]]
        assert titles == [titles[0], "\u2068Where the trains will run\u2069", titles[2]]  # paragraph 2 hidden
        first = story["steps"][1]["html"]
        words = re.sub("<(?!/p)[^>]+>", "", first)  # the step's text as read (its words' language marks left out)
        assert "Find Meghri on the map" in words and "Places: Meghri, Armenia, Agarak</p>" in words
        assert page.get_by_text("It cannot edit the lesson").count() == 1
        assert page.get_by_label("Note for the class").count() == 0  # no editor
        inner.locator(".tripp-next").click()
        inner.wait_for_function("document.querySelector('.tripp-story-count').textContent === '1 / 2'")
        assert "Where the trains will run" in inner.locator(".tripp-story").inner_text()
        page.screenshot(path=str(tmp_path / "student.png"), full_page=True)

        # What the class downloads is the corrected lesson: the export, and the handout.
        page.get_by_role("tab", name="Download").click()
        with page.expect_download() as export:
            page.get_by_role("button", name="Download this map as HTML (works offline)").click()
        html = Path(export.value.path()).read_text(encoding="utf-8")
        assert "Where the trains will run" in html and "Football fans" not in html
        page.get_by_role("button", name=re.compile("Make a handout")).click()
        handout = page.get_by_role("button", name=re.compile("Download a handout"))
        handout.wait_for(timeout=120_000)
        with page.expect_download() as pdf:
            handout.click()
        pages = [flat(p.extract_text()) for p in PdfReader(pdf.value.path()).pages]
        assert "9B:thecorridor" in pages[0] and any("Wherethetrainswillrun" in p for p in pages)
        assert not any("Footballfans" in p for p in pages)
        assert watch.errors == []
        context.close()
    finally:
        _stop(proc)
