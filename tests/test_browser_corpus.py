"""A folder of articles exported with the CLI and drawn in Chromium: grouped by place, filtered, stepped."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.browser import axe_violations, open_map, settle

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = {
    "a.txt": "date 2026-01-10 Trains will run from Meghri to Ordubad.\n\nTalks were held in Baku.",
    "b.txt": "date 2026-03-05 Mayors in Goris met officials from Meghri.\n\nNo place is named here.",
    "c.txt": "date 2026-05-20 A bridge near Meghri was inspected; Baku welcomed it.",
    "c-copy.txt": "date 2026-05-20 A bridge near Meghri was inspected;   Baku welcomed it.",
    "z<img src=x onerror=alert(1)>.txt": "date 2026-06-01 <script>alert('x')</script> Kapan <b>bold</b>.",
}


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    folder = tmp_path_factory.mktemp("articles")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    out = folder.parent / "corpus.html"
    proc = subprocess.run(
        [sys.executable, "-m", "outputs.cli", "export", str(out), "--article", str(folder)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "counted once" in proc.stderr  # c-copy.txt is c.txt again
    return out


def open_page(browser, path, hash_="", viewport=(1280, 800)):
    ready = (
        "window.TrippMap && TrippMap.of && (TrippMap.of() || {}).story"
        " && TrippMap.of().corpus && TrippMap.of().corpus.markers.length"
    )
    context, page, watch = open_map(browser, path, ready, hash_, viewport)
    settle(page)
    return context, page, watch


def spots(page) -> dict[str, dict]:
    return {
        s["n"]: s
        for s in page.evaluate(
            "() => TrippMap.of().corpus.data.spots.map((s, i) => ({n: s.n, e: s.e,"
            " r: TrippMap.of().corpus.markers[i].getRadius(),"
            " shown: TrippMap.of().corpus.markers[i].options.fillOpacity > 0}))"
        )
    }


def test_one_symbol_per_place_sized_by_its_excerpts_and_no_marker_per_excerpt(browser, exported):
    context, page, watch = open_page(browser, exported)
    drawn = spots(page)
    # Meghri is named by three articles (the copy counted once), Baku by two, Goris and Kapan by one.
    assert len(drawn["Meghri"]["e"]) == 3 and len(drawn["Baku"]["e"]) == 2 and len(drawn["Goris"]["e"]) == 1
    assert drawn["Meghri"]["r"] > drawn["Baku"]["r"] > drawn["Goris"]["r"] > 0
    assert page.locator(".tripp-num").count() == 0  # no DOM marker per excerpt: a canvas
    assert page.locator("canvas").count() == 1
    assert page.evaluate("TrippMap.of().corpus.labelled") >= 2
    overlaps = page.evaluate(
        """() => {
      const counts = [...document.querySelectorAll('.tripp-count')];
      const others = [...document.querySelectorAll('.tripp-label, .tripp-count')];
      const hit = (x, y) => {
        if (x === y) return false;
        const a = x.getBoundingClientRect(), b = y.getBoundingClientRect();
        return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      };
      return counts.filter((a) => others.some((b) => hit(a, b))).length;
    }"""
    )
    assert overlaps == 0
    assert watch.errors == [] and watch.outside == [] and watch.dialogs == []
    context.close()


def test_a_place_lists_its_excerpts_newest_first_with_their_articles(browser, exported):
    context, page, watch = open_page(browser, exported)
    index = list(spots(page)).index("Meghri")
    page.evaluate(f"void TrippMap.of().corpus.markers[{index}].openPopup()")
    items = page.locator(".leaflet-popup .tripp-list > li summary").all_inner_texts()
    assert [t.split(" · ")[0] for t in items] == ["2026-05-20", "2026-03-05", "2026-01-10"]
    assert "Mayors in Goris" in items[1]
    page.locator(".leaflet-popup .tripp-list > li summary").first.click()
    assert page.locator(".leaflet-popup .tripp-quote").first.is_visible()
    assert watch.errors == []
    context.close()


def test_filters_by_words_and_dates_and_the_time_control_ends_the_range(browser, exported):
    context, page, watch = open_page(browser, exported)
    page.fill(".tripp-filter-text", "mayors")
    assert "from 1 of 4 articles" in page.inner_text(".tripp-filter-status")
    assert spots(page)["Goris"]["shown"] and not spots(page)["Baku"]["shown"]
    page.fill(".tripp-filter-text", "")
    page.fill(".tripp-filter-from", "2026-03-01")
    page.dispatch_event(".tripp-filter-from", "change")
    assert "from 3 of 4 articles" in page.inner_text(".tripp-filter-status")
    page.fill(".tripp-filter-from", "")
    page.dispatch_event(".tripp-filter-from", "change")
    page.evaluate("TrippMap.of().setDate('2026-02-01')")
    assert page.input_value(".tripp-filter-to") == "2026-02-01"
    assert "from 1 of 4 articles" in page.inner_text(".tripp-filter-status")
    assert not spots(page)["Goris"]["shown"] and spots(page)["Baku"]["shown"]
    assert watch.errors == []
    context.close()


def test_the_story_steps_through_articles_then_one_article_with_links(browser, exported):
    context, page, watch = open_page(browser, exported)
    assert page.evaluate("TrippMap.of().story.steps().length") == 5  # a title step and four articles
    page.keyboard.press("ArrowRight")
    assert "Trains will run from Meghri" in page.inner_text(".tripp-story-title")
    page.click(".tripp-read-article")
    assert page.evaluate("location.hash") == "#article=0&step=0"
    page.keyboard.press("ArrowRight")
    assert "Trains will run from Meghri to Ordubad." in page.inner_text(".tripp-story-text")
    assert page.evaluate("location.hash") == "#article=0&step=1"
    # Only that article's places stay on the map while it is read.
    assert not spots(page)["Goris"]["shown"] and spots(page)["Meghri"]["shown"]
    context.close()
    # The link opens the same step of the same article.
    context, page, watch = open_page(browser, exported, "#article=0&step=2")
    assert "Talks were held in Baku." in page.inner_text(".tripp-story-text")
    page.keyboard.press("Home")
    page.click(".tripp-all-articles")
    assert page.evaluate("TrippMap.of().story.steps().length") == 5
    assert watch.errors == [] and watch.outside == []
    context.close()


def test_hostile_names_and_text_stay_text(browser, exported):
    context, page, watch = open_page(browser, exported)
    html = exported.read_text(encoding="utf-8")
    assert "<script>alert('x')</script>" not in html and "<img src=x onerror" not in html
    index = list(spots(page)).index("Kapan")
    page.evaluate(f"void TrippMap.of().corpus.markers[{index}].openPopup()")
    assert "<script>alert('x')</script>" in page.inner_text(".leaflet-popup")
    assert watch.dialogs == [] and watch.errors == []
    context.close()


def test_axe_finds_nothing_serious_with_many_articles(browser, exported):
    context, page, watch = open_page(browser, exported)
    assert axe_violations(page) == []
    assert watch.errors == []
    context.close()


def test_the_excerpts_keep_their_articles_in_the_geojson(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    out = tmp_path / "out.geojson"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "outputs.cli",
            "annotate",
            str(folder / "a.txt"),
            str(folder / "b.txt"),
            "--out",
            str(out),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    features = json.loads(out.read_text(encoding="utf-8"))["features"]
    assert [(f["properties"]["article"], f["properties"]["paragraph"]) for f in features] == [
        (1, 1),
        (1, 2),
        (2, 1),
        (2, 2),
    ]
    assert features[3]["geometry"] is None and features[3]["properties"]["placed"] is False
    assert features[2]["properties"]["date"] == "2026-03-05" and features[2]["properties"]["title"].startswith("Mayors")
