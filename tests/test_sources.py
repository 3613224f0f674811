"""An article's outlet from its own text: a ``source:`` line, or the agency its dateline names."""

from __future__ import annotations

import pytest

from geo.articles import parse_article
from geo.corpus import corpus_of
from geo.sources import source_from_text
from layers.registry import corpus_excerpts
from render.corpus import corpus_payload


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("YEREVAN, Feb 9 (Reuters) – Armenia said on Monday", "Reuters"),
        ("BAKU (AP) — Azerbaijan's president", "AP"),
        ("МОСКВА, 9 февраля. /ТАСС/. Премьер-министр Армении", "TASS"),
        ("Ереван, 9 февраля — ТАСС. Переговоры", "TASS"),
        ("Bakı, 9 fevral (APA). Azərbaycan", "APA"),
        ("Երևան, փետրվարի 9 (Արմենպրես). Հայաստանի", "Armenpress"),
        ("By Reuters\n\nTalks in Baku", "Reuters"),
        ("source: Daily Sabah\nVance arrives in Azerbaijan", "Daily Sabah"),
        # Not outlets: prose that begins with "Sources", a place in parentheses, an agency later in the text.
        ("Sources said the talks in Goris went well.", ""),
        ("Goris (Syunik) is a town.", ""),
        ("Talks went on. " * 40 + "(Reuters)", ""),
    ],
)
def test_the_outlet_is_read_from_the_start_of_the_text(text, outlet):
    assert source_from_text(text) == outlet


def test_a_source_line_is_metadata_not_text_and_comes_before_the_files_name():
    article = parse_article("source: Armenpress\ndate 2026-02-09\nTalks in Goris.", "armenpress-0209.txt")
    assert article.source == "Armenpress" and article.date == "2026-02-09" and article.text == "Talks in Goris."
    article = parse_article("date 2026-02-09\nsource: Trend\nTalks in Goris.", "x.txt")
    assert article.source == "Trend" and article.text == "Talks in Goris."
    assert parse_article("Talks in Goris.", "x.txt", source="given").source == "given"  # the caller's wins


def test_the_filter_by_source_finds_the_agency_the_text_names():
    corpus = corpus_of(
        [
            parse_article("МОСКВА, 9 февраля. /ТАСС/. Переговоры прошли в Ереване.", "0412.txt"),
            parse_article("YEREVAN, Feb 9 (Reuters) – Talks in Goris.", "0413.txt"),
        ]
    )
    payload = corpus_payload(corpus_excerpts(corpus.articles))
    sources = {article["s"] for article in payload["articles"]}
    assert any("TASS" in s for s in sources) and any("Reuters" in s for s in sources)
