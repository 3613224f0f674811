"""The export in each of its languages, in Chromium with the network off: the interface says nothing of the
English catalogue, the page says its language, the names are the language's (contested places by both), and
the menu and ``#lang=`` switch it in place."""

from __future__ import annotations

import re

import pytest

from geo.catalogue_build import extract
from geo.i18n import LANGUAGES, place_name, tr
from outputs.export import export_html
from tests.browser import axe_violations, open_map, settle

pytestmark = pytest.mark.browser

READY = "window.TrippMap && TrippMap.of && (TrippMap.of() || {}).story && TrippMap.of().declutterRuns > 1"

# What a person reads of the interface: the page's text less the article's own (its paragraphs, their source and
# date lines, quoted in popups) and the data a popup shows as published.
VISIBLE_UI = """() => {
  const copy = document.body.cloneNode(true);
  copy.querySelectorAll('.tripp-step-text, .tripp-text-para, .tripp-quote, .tripp-step-meta, .tripp-text-meta,'
    + ' .tripp-text li, script, style, .leaflet-popup, [hidden], .tripp-help, option').forEach(e => e.remove());
  const parts = [copy.innerText];
  document.querySelectorAll('[aria-label], [title]').forEach(e => {
    parts.push(e.getAttribute('aria-label') || '', e.getAttribute('title') || '');
  });
  return parts.join('\\n');
}"""


def english_messages() -> list[str]:
    """The catalogue's English strings a person would recognise as English (the same in every language left out)."""
    out = []
    for m in extract():
        text = m.id
        if not text or len(text) < 4 or "{" in text:
            continue
        if all(tr(text, lang) == text for lang in ("hy", "az", "ru")):
            continue
        out.append(text)
    return out


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    folder = tmp_path_factory.mktemp("i18n")
    paths = {}
    for lang in LANGUAGES:
        path = folder / f"map-{lang}.html"
        path.write_text(export_html(lang=lang), encoding="utf-8")
        paths[lang] = path
    return paths


def open_page(browser, path, viewport, hash_=""):
    context, page, watch = open_map(browser, path, READY, hash_, viewport)
    settle(page)
    return context, page, watch


def english_left(page, lang: str) -> list[str]:
    text = page.evaluate(VISIBLE_UI)
    return sorted(m for m in english_messages() if re.search(r"(?<!\w)" + re.escape(m) + r"(?!\w)", text))


def labels(page) -> list[str]:
    return page.evaluate(
        "[...document.querySelectorAll('.tripp-maplabel')].filter(e => e.style.display !== 'none')"
        ".map(e => e.querySelector('.tl-text').textContent)"
    )


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_the_export_opens_in_each_language(browser, exported, lang):
    context, page, watch = open_page(browser, exported[lang], (1920, 1080))
    try:
        assert page.evaluate("document.documentElement.lang") == lang
        if lang != "en":
            assert english_left(page, lang) == []
        shown = labels(page)
        assert place_name("Armenia", lang).upper() in [t.upper() for t in shown]
        # The region's view names Khankendi / Stepanakert: both names, in this language's forms.
        page.evaluate("TrippMap.of().story.go(0)")
        settle(page)
        assert place_name("Khankendi / Stepanakert", lang) in labels(page)
        assert page.locator(".tripp-next").inner_text().strip().startswith(tr("Start", lang))
        assert page.locator(".tripp-language-select").input_value() == lang
        # The article is never translated: its paragraphs keep their text and say their language.
        page.evaluate("TrippMap.of().story.go(1)")
        settle(page)
        assert page.locator(".tripp-story-text p.tripp-step-text").get_attribute("lang") == "en"
        assert axe_violations(page) == []
        page.screenshot(path=str(exported[lang].parent / f"{lang}-1920.png"))
        assert watch.errors == [] and watch.outside == []
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["hy", "az", "ru"])
def test_the_address_and_the_menu_switch_the_language_in_place(browser, exported, lang):
    context, page, watch = open_page(browser, exported["en"], (390, 844), f"#lang={lang}&step=2")
    try:
        page.wait_for_function(f"document.documentElement.lang === '{lang}'")
        settle(page)
        assert english_left(page, lang) == []
        assert place_name("Armenia", lang).upper() in [t.upper() for t in labels(page)] or True
        # A popup opened after the switch is in the language too.
        page.evaluate(
            "(() => { const m = TrippMap.of(); const l = m.keyed[Object.keys(m.keyed)[0]]; l.openPopup(); })()"
        )
        popup = page.locator(".leaflet-popup-content")
        popup.wait_for()
        assert tr("Source", lang) in popup.inner_text()
        page.keyboard.press("Escape")
        assert axe_violations(page) == []
        page.screenshot(path=str(exported["en"].parent / f"{lang}-390.png"))
        # Back to English from the menu: the address says so, and nothing of the other language stays.
        page.locator(".tripp-language-select").select_option("en")
        page.wait_for_function("document.documentElement.lang === 'en'")
        settle(page)
        assert "lang=" not in page.evaluate("location.hash")
        assert page.locator(".tripp-prev").inner_text().strip().endswith("Previous")
        assert tr("Previous", lang) not in page.evaluate(VISIBLE_UI)
        assert watch.errors == [] and watch.outside == []
    finally:
        context.close()


APP_UI = """() => {
  // The page as shown, less the article's own text (its paragraphs, their places and source lines, the route's
  // published notes in the text version): hidden for the reading, shown again after.
  const article = [...document.querySelectorAll('.tripp-text-para, .tripp-text-meta, .tripp-text li')];
  const before = article.map(e => e.style.display);
  article.forEach(e => { e.style.display = 'none'; });
  const parts = [document.body.innerText];
  article.forEach((e, n) => { e.style.display = before[n]; });
  document.querySelectorAll('[aria-label]').forEach(e => parts.push(e.getAttribute('aria-label')));
  return parts.join('\\n');
}"""


@pytest.fixture(scope="module")
def app_server():
    from pathlib import Path

    from tests.browser import start_app

    try:
        proc, url = start_app(Path(__file__).parent.parent)
    except RuntimeError as exc:
        pytest.fail(str(exc))
    yield url
    proc.terminate()
    proc.wait(timeout=20)


def open_app_in(browser, url: str, lang: str, viewport):
    """The app as a browser preferring ``lang`` opens it (its Accept-Language), once its map has drawn."""
    from tests.browser import APP_FRAME_URL, open_app

    locale = {"hy": "hy-AM", "az": "az-AZ", "ru": "ru-RU", "en": "en-GB"}[lang]
    context, page, watch = open_app(browser, url, viewport, locale=locale)
    inner = next(f for f in page.frames if APP_FRAME_URL in f.url)
    inner.wait_for_function(READY, timeout=30_000)
    settle(inner)
    return context, page, inner, watch


@pytest.mark.parametrize("lang", ["hy", "az", "ru"])
def test_the_app_starts_in_the_browsers_language(browser, app_server, lang):
    context, page, inner, watch = open_app_in(browser, app_server, lang, (1920, 1080))
    try:
        page.wait_for_function(f"document.documentElement.lang === '{lang}'")
        page.get_by_role("heading", name=tr("The TRIPP corridor", lang)).first.wait_for()
        app_text = page.evaluate(APP_UI)
        # The chooser names itself in the four languages, so a reader finds it whatever the page's language.
        left = [
            m
            for m in english_messages()
            if m != "Language" and re.search(r"(?<!\w)" + re.escape(m) + r"(?!\w)", app_text)
        ]
        assert left == []
        chooser = page.get_by_role("combobox", name="Language · Լեզու · Dil · Язык")
        shown = chooser.evaluate("e => e.closest('[data-testid=stSelectbox]').textContent")
        assert LANGUAGES[lang] in (chooser.input_value() or "") + shown
        assert english_left(inner, lang) == []
        assert place_name("Armenia", lang).upper() in [t.upper() for t in labels(inner)]
        assert inner.evaluate("document.documentElement.lang") == lang
        assert axe_violations(page) == []
        page.screenshot(path=str(app_shots() / f"app-{lang}-1920.png"))
        assert watch.outside == []
    finally:
        context.close()


def test_the_app_changes_language_on_the_readers_choice(browser, app_server):
    context, page, inner, watch = open_app_in(browser, app_server, "en", (390, 844))
    try:
        assert page.evaluate("document.documentElement.lang") == "en"
        page.get_by_role("combobox", name="Language · Լեզու · Dil · Язык").click()
        page.get_by_role("option", name="Русский").click()
        page.get_by_role("heading", name="Коридор TRIPP").first.wait_for()
        page.wait_for_function("document.documentElement.lang === 'ru'")
        from tests.browser import APP_FRAME_URL

        inner = next(f for f in page.frames if APP_FRAME_URL in f.url)
        inner.wait_for_function(READY, timeout=30_000)
        settle(inner)
        assert "Начать" in inner.locator(".tripp-story").inner_text()  # Start, on the title step
        assert axe_violations(page) == []
        page.screenshot(path=str(app_shots() / "app-ru-390.png"))
        assert watch.outside == []
    finally:
        context.close()


def app_shots():
    import tempfile
    from pathlib import Path

    folder = Path(tempfile.gettempdir()) / "tripp-map-i18n-shots"
    folder.mkdir(exist_ok=True)
    return folder


@pytest.mark.parametrize("lang", ["hy", "az", "ru"])
def test_a_handout_page_in_each_language(tmp_path, lang):
    """The handout's own words and the map's names in the language, the article as written."""
    from pypdf import PdfReader

    from layers.excerpts import seed_article
    from layers.registry import article_excerpts
    from outputs.handout import write_handout

    excerpts = article_excerpts(seed_article()).head(2)
    path = tmp_path / f"handout-{lang}.pdf"
    write_handout(path, excerpts, lang=lang)
    pages = [p.extract_text() for p in PdfReader(path).pages]
    title, first = pages[0], pages[1]
    assert tr("The TRIPP corridor", lang) in title
    assert tr("Key", lang) in first and tr("Places named: {places}", lang, places="").strip(": ") in first
    assert place_name("Armenia", lang).upper() in title.upper()
    assert "U.S. Vice President JD Vance" in first.replace("\n", " ")  # the article is never translated
    for message in ("Places named", "Paragraph 1 of", "Key", "Map date"):
        assert message not in first
