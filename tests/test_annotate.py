"""The annotator on the seed article, on articles it was not built on, and on hostile text."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import shapely

from geo.annotate import annotate, find_places
from geo.articles import ArticleError, decode_article, paragraphs, read_article
from geo.measure import length_km
from layers.excerpts import seed_article
from layers.registry import article_excerpts, build_layer, place_finder

DATA = Path(__file__).parent / "data"


def km_between(geom, point) -> float:
    near = shapely.ops.nearest_points(geom, point)
    return length_km(shapely.LineString([near[0], near[1]]))


@pytest.fixture(scope="module")
def seed():
    return build_layer("excerpts")


def test_seed_metadata_is_not_text():
    meta = json.loads((Path(__file__).parent.parent / "seeds" / "000_93121d9abb5efbbd.json").read_text("utf-8"))
    assert meta["outlet"] is None and meta["date"] == "2026-02-10"
    article = seed_article()
    assert article.date == "2026-02-10"
    assert not article.text.lstrip().startswith("date")
    assert article.source.startswith("Daily Sabah, 10 Feb 2026") and "agency copy" in article.source


def test_every_seed_paragraph_is_kept_verbatim(seed):
    raw = (Path(__file__).parent.parent / "seeds" / "000_93121d9abb5efbbd.txt").read_text(encoding="utf-8")
    paras = paragraphs(seed_article().text)
    assert list(seed["text"]) == paras
    for text in seed["text"]:
        assert text in raw
    assert list(seed["paragraph"]) == list(range(1, len(paras) + 1))
    assert (seed["date"] == "2026-02-10").all()


def _para(seed, needle):
    rows = seed[seed["text"].str.contains(needle, regex=False)]
    assert len(rows) == 1, needle
    return rows.iloc[0]


def test_talks_in_yerevan_are_placed_at_yerevan(seed):
    yerevan = build_layer("places").set_index("id").geometry["yerevan"]
    row = _para(seed, "held talks")
    assert km_between(row.geometry, yerevan) < 15


def test_court_in_baku_is_placed_at_baku(seed):
    baku = build_layer("places").set_index("id").geometry["baku"]
    row = _para(seed, "military court in Baku")
    assert km_between(row.geometry, baku) < 15


def test_tripp_definition_touches_nakhchivan_and_route(seed):
    row = _para(seed, "The TRIPP is a proposed")
    nakh = build_layer("nakhchivan").geometry.iloc[0]
    route = shapely.union_all(build_layer("tripp_route").geometry.values)
    assert row.geometry.intersects(nakh)
    assert row.geometry.distance(route) < 1e-6
    assert {"nakhchivan", "tripp_route"} <= set(json.loads(row["layers"]))


def test_offensive_paragraph_lies_in_karabakh(seed):
    row = _para(seed, "2023 lightning offensive")
    karabakh = shapely.union_all(build_layer("karabakh").geometry.values)
    assert karabakh.contains(row.geometry)
    assert "offensive_2023" in json.loads(row["events"])


def test_paragraph_without_place_is_kept_and_says_so(seed):
    row = _para(seed, "flagship transport communications project")
    assert not row["placed"] and row.geometry is None
    assert "not placed" in row["placed_at"]


def test_far_place_is_kept(seed):
    row = _para(seed, "Washington has presented")
    assert json.loads(row["far_places"]) == ["Washington, D.C."]
    assert row["placed"]


def test_person_named_like_a_place_is_not_a_place():
    article = decode_article(b"George Washington once wrote about Tbilisi.", "t.txt")
    names = [p.name for e in annotate(article, place_finder()) for p in e.places]
    assert names == ["Tbilisi"]


def test_demonym_resolves_to_country():
    article = decode_article(b"The Armenian Prime Minister spoke.", "t.txt")
    assert [p.name for p in annotate(article, place_finder())[0].places] == ["Armenia"]


def _precision_recall(folder: Path) -> tuple[float, float]:
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    tp = fp = fn = 0
    for name, paras in gold.items():
        excerpts = annotate(read_article(folder / name), place_finder())
        assert len(excerpts) == len(paras)
        for excerpt, truth in zip(excerpts, paras, strict=True):
            found = {p.name for p in excerpt.places}
            tp += len(found & set(truth))
            fp += len(found - set(truth))
            fn += len(set(truth) - found)
    return tp / (tp + fp), tp / (tp + fn)


@pytest.mark.parametrize("folder", ["articles", "heldout"])
def test_precision_and_recall_on_unseen_articles(folder):
    precision, recall = _precision_recall(DATA / folder)
    print(f"{folder}: precision {precision:.3f} recall {recall:.3f}")
    assert precision >= 0.9 and recall >= 0.9


HOSTILE = (
    "<script>alert('x')</script> Yerevan\n\n"
    '<img src=x onerror=alert(1)> {{ config }} {% raw %} ${7*7} <a href="javascript:alert(2)">Baku</a>\n\n'
    + "Nakhchivan "
    * 5000
    + "\n\n"
    "control\x07chars\x1b[31m and \u202e reversed"
)


def test_hostile_text_comes_back_unchanged():
    layer = article_excerpts(decode_article(HOSTILE.encode(), "hostile.txt"))
    expected, got = paragraphs(HOSTILE), list(layer["text"])
    assert got[:2] == expected[:2] and got[-1] == expected[-1]
    # The 55,000-character paragraph is split at spaces into pieces, every word kept.
    assert len(got) > len(expected) and " ".join(got[2:-1]).split() == expected[2].split()
    assert layer["text"].iloc[0].startswith("<script>alert('x')</script>")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"   \n\n ", "empty"),
        (b"\x00\x01\x02PK", "binary"),
        (b"\xfa caf\xe9", "not UTF-8"),
        (b"\xff\xfe\xfa caf\xe9", "not valid UTF-16"),
    ],
)
def test_bad_articles_are_refused_clearly(content, message):
    with pytest.raises(ArticleError, match=message):
        decode_article(content, "bad.txt")


def test_missing_file_is_refused_clearly(tmp_path):
    with pytest.raises(ArticleError, match="no such file"):
        read_article(tmp_path / "nope.txt")


def test_cli_annotate(tmp_path):
    out = tmp_path / "ex.geojson"
    src = DATA / "articles" / "a1_rail.txt"
    proc = subprocess.run(
        [sys.executable, "-m", "outputs.cli", "annotate", str(src), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert len(doc["features"]) == 4
    assert "Horadiz" in doc["features"][0]["properties"]["places"]


def test_cli_annotate_binary_file_fails_cleanly(tmp_path):
    bad = tmp_path / "bin.txt"
    bad.write_bytes(b"\x00\x01\x02")
    out = tmp_path / "ex.geojson"
    proc = subprocess.run(
        [sys.executable, "-m", "outputs.cli", "annotate", str(bad), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 1
    assert proc.stderr.count("\n") == 1 and "binary" in proc.stderr
    assert not out.exists()


def test_a_mark_between_two_words_keeps_them_two_names():
    from layers.registry import place_finder

    gaz = place_finder()
    whole = find_places("He crossed the Lachin corridor today.", gaz)
    broken = find_places("He reached Lachin. Corridor talks followed.", gaz)
    assert [m.surface for m in whole] == ["Lachin corridor"]
    assert [m.surface for m in broken] == ["Lachin"]
