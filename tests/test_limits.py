"""Input that cannot take the app down: one size limit for pasted and uploaded text, a cap on
paragraphs, and arbitrary bytes or text giving an annotated layer or one ArticleError, nothing else."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from geo.annotate import annotate
from geo.articles import MAX_BYTES, MAX_PARAGRAPHS, ArticleError, decode_article, paragraphs, parse_article
from layers.registry import article_excerpts, place_finder

APP = str(Path(__file__).parent.parent / "app.py")
MANY = "\n\n".join(f"Talks {i} in Yerevan." for i in range(100_000))


def test_pasted_text_has_the_same_size_limit_as_files():
    big = "Baku " * (MAX_BYTES // 5 + 1)
    for read in (lambda: parse_article(big, "pasted text"), lambda: decode_article(big.encode(), "big.txt")):
        try:
            read()
        except ArticleError as exc:
            assert "5,000,000-byte limit" in str(exc)
        else:
            raise AssertionError("a text over the limit was accepted")


def test_a_100000_paragraph_article_keeps_500_and_says_so():
    article = decode_article(MANY.encode(), "many.txt")
    assert len(MANY.encode()) < MAX_BYTES
    assert article.note == f"many.txt: kept the first {MAX_PARAGRAPHS} of its 100,000 paragraphs"
    assert len(paragraphs(article.text)) == MAX_PARAGRAPHS
    layer = article_excerpts(article)
    assert len(layer) == MAX_PARAGRAPHS and layer["placed"].all()


def test_annotation_stops_at_its_time_budget():
    article = parse_article("Trains to Meghri.\n\nFerries to Aktau.\n\nTalks in Baku.", "t.txt")
    assert len(annotate(article, place_finder(), budget_s=-1)) == 0  # out of time before the first paragraph
    assert len(annotate(article, place_finder())) == 3


def test_the_app_refuses_a_10_mb_paste_and_keeps_running():
    at = AppTest.from_file(APP, default_timeout=180).run()
    at.text_area(key="pasted").input("x" * 10_000_000)
    at.button(key="annotate").click().run()
    assert not at.exception
    assert at.error and "byte limit" in at.error[0].value


def test_the_app_cuts_a_long_article_and_says_what_it_kept():
    at = AppTest.from_file(APP, default_timeout=180).run()
    at.text_area(key="pasted").input(MANY)
    at.button(key="annotate").click().run()
    assert not at.exception and not at.error
    assert any("kept the first 500" in w.value for w in at.warning)


def _annotated_or_refused(read) -> None:
    try:
        article = read()
    except ArticleError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    layer = article_excerpts(article)
    assert len(layer) == len(paragraphs(article.text))
    assert list(layer["text"]) == paragraphs(article.text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2_000))
def test_any_bytes_give_a_layer_or_one_article_error(data):
    _annotated_or_refused(lambda: decode_article(data, "fuzz.txt"))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=2_000))
def test_any_text_gives_a_layer_or_one_article_error(text):
    _annotated_or_refused(lambda: parse_article(text, "fuzz"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from(
            [
                "Baku",
                "Ереване",
                "Naxçıvan",
                "TRIPP",
                "U.S.",
                "Xi'an",
                "\u202e",
                "{{",
                "<b>",
                "Nagorno-Karabakh",
                "the corridor",
                "Georgia",
                " ",
                "\n",
                "\n\n",
                "Ա",
                "ß",
            ]
        ),
        max_size=60,
    ).map("".join)
)
def test_place_like_text_gives_a_layer_or_one_article_error(text):
    _annotated_or_refused(lambda: parse_article(text, "fuzz"))
