"""Reading many articles: folders, duplicates counted once, bad files left out with their reason."""

from __future__ import annotations

import pytest

from geo.articles import ArticleError, parse_article
from geo.corpus import article_title, corpus_of, read_corpus


def test_a_folder_is_read_in_name_order_and_a_copy_counted_once(tmp_path):
    (tmp_path / "b.txt").write_text("Talks in Baku.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Trains to Meghri.", encoding="utf-8")
    (tmp_path / "a-again.txt").write_text("trains  to MEGHRI!", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    corpus = read_corpus([tmp_path])
    assert [a.name for a in corpus.articles] == ["a-again.txt", "b.txt"]
    assert corpus.duplicates == (("a.txt", "a-again.txt"),)
    assert corpus.summary() == "2 articles; 1 duplicate counted once"


def test_a_bad_file_is_left_out_with_its_reason_and_the_rest_kept(tmp_path):
    (tmp_path / "good.txt").write_text("Talks in Baku.", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01PK")
    (tmp_path / "empty.txt").write_text("   ", encoding="utf-8")
    corpus = read_corpus([tmp_path])
    assert [a.name for a in corpus.articles] == ["good.txt"]
    assert any("bad.txt: looks like a binary file" in n and "left out" in n for n in corpus.notes)
    assert any("empty.txt: the article is empty" in n for n in corpus.notes)


def test_nothing_readable_is_an_error_that_says_why(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01")
    with pytest.raises(ArticleError, match="binary"):
        read_corpus([tmp_path])
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(ArticleError, match=r"holds no \.txt article"):
        read_corpus([empty])
    with pytest.raises(ArticleError, match="no such file"):
        read_corpus([tmp_path / "nothing.txt"])


def test_too_many_articles_is_refused_before_reading(tmp_path, monkeypatch):
    import geo.corpus

    monkeypatch.setattr(geo.corpus, "MAX_ARTICLES", 3)
    for k in range(4):
        (tmp_path / f"{k}.txt").write_text(f"Article {k} about Baku.", encoding="utf-8")
    with pytest.raises(ArticleError, match="more than the 3 one map may hold"):
        read_corpus([tmp_path])


def test_a_title_is_the_first_sentence_cut_at_a_word():
    assert article_title(parse_article("Trains will run. Then more.", "x.txt")) == "Trains will run"
    long = parse_article("word " * 60, "x.txt")
    assert article_title(long).endswith(" …") and len(article_title(long)) <= 92
    assert corpus_of([]).articles == ()


def test_a_corpus_past_its_paragraph_limit_keeps_the_first_articles_and_says_so(monkeypatch):
    import geo.corpus

    monkeypatch.setattr(geo.corpus, "MAX_CORPUS_PARAGRAPHS", 5)
    articles = [parse_article(f"A {k} in Baku.\n\nB {k}.\n\nC {k}.", f"{k}.txt") for k in range(4)]
    corpus = corpus_of(articles)
    assert [a.name for a in corpus.articles] == ["0.txt"]
    assert corpus.notes == ("left out 3 articles from 1.txt on: one map holds 5 paragraphs",)
