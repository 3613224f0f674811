"""``tripp-map handout`` and ``tripp-map figure``: paper and slides, the same bytes each time."""

from __future__ import annotations

import io
import re
import subprocess
import sys

import numpy as np
import pytest
from PIL import Image
from pypdf import PdfReader

from geo.articles import paragraphs
from layers.excerpts import seed_article
from layers.palette import ROUTE_COLOUR


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "outputs.cli", *args], capture_output=True, text=True, timeout=300)


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def handout(tmp_path_factory):
    path = tmp_path_factory.mktemp("handout") / "h.pdf"
    proc = run_cli("handout", str(path))
    assert proc.returncode == 0, proc.stderr
    return path


def test_handout_has_a_title_page_and_a_page_per_paragraph_with_its_text(handout):
    reader = PdfReader(handout)
    paras = paragraphs(seed_article().text)
    assert len(reader.pages) == 1 + len(paras) >= 14
    assert "TheTRIPPcorridor" in flat(reader.pages[0].extract_text())
    for number, (page, text) in enumerate(zip(reader.pages[1:], paras, strict=True), start=1):
        extracted = flat(page.extract_text())
        assert f"Paragraph{number}of{len(paras)}" in extracted
        assert flat(text)[:80] in extracted, number
        assert len(page.get_contents().get_data()) > 20_000, number  # the page carries a drawn map


def test_handout_is_a4_by_default_and_letter_when_asked(handout, tmp_path):
    box = PdfReader(handout).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    letter = tmp_path / "letter.pdf"
    assert run_cli("handout", str(letter), "--paper", "letter").returncode == 0
    box = PdfReader(letter).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_handout_twice_is_byte_identical(handout, tmp_path):
    again = tmp_path / "again.pdf"
    assert run_cli("handout", str(again)).returncode == 0
    assert again.read_bytes() == handout.read_bytes()


@pytest.fixture(scope="module")
def worksheet(tmp_path_factory):
    path = tmp_path_factory.mktemp("worksheet") / "w.pdf"
    proc = run_cli("handout", str(path), "--worksheet")
    assert proc.returncode == 0, proc.stderr
    return path


COUNTRIES = ("ARMENIA", "AZERBAIJAN", "IRAN", "TURKEY", "GEORGIA", "NAKHCHIVAN")


def test_worksheet_blanks_the_labels_and_asks_questions(worksheet):
    page = flat(PdfReader(worksheet).pages[11].extract_text())
    assert "Whichcountriesdoesthelineonthispagecross?" in page and "______" in page
    assert "Nakhchivan_" not in page


def test_every_page_names_the_countries_in_view_and_carries_a_key_of_its_date(handout):
    from layers.registry import build_layer
    from render.story import rules_for

    dates = [None] + [rules_for(row)[3] or str(row["date"]) for _, row in build_layer("excerpts").iterrows()]
    for number, page in enumerate(PdfReader(handout).pages):
        text = page.extract_text()
        named = [c for c in COUNTRIES if c in text]
        assert len(named) >= 2, (number, named)
        # The TRIPP was named on 8 Aug 2025: a page on an earlier date neither draws nor keys it.
        proposed = dates[number] is None or dates[number] >= "2025-08-08"
        assert "Key" in text and ("TRIPPrailwaythroughArmenia:proposed" in flat(text)) == proposed, number
        assert "Mapdate:" in flat(text), number
    title = flat(PdfReader(handout).pages[0].extract_text())
    assert "BlackSea" in title and "Caspian" in title  # the locator inset


def test_towns_on_the_line_are_named_on_paper(handout):
    # Paragraph 10 frames the TRIPP: its towns are named, as on the web map.
    text = flat(PdfReader(handout).pages[10].extract_text())
    assert "Meghri" in text and "Julfa" in text
    # Where five stations lie within 40 km, a name that fits nowhere is left out rather than overlapped.
    assert sum(town in text for town in ("Agarak", "Ordubad", "Nrnadzor", "Aghband")) >= 2


def test_the_worksheets_title_page_gives_away_no_name_its_pages_blank(handout, worksheet):
    title = flat(PdfReader(worksheet).pages[0].extract_text())
    assert "ARMENIA" in title  # countries stay named
    named_in_handout = flat(PdfReader(handout).pages[0].extract_text())
    for place in ("Yerevan", "Baku", "Tbilisi", "Nakhchivan"):
        assert place in named_in_handout, place
    for place in ("Yerevan", "Baku", "Tbilisi"):
        assert place not in title, place


def test_handout_carries_armenian_azerbaijani_and_cyrillic_letters(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(
        "Naxçıvan və Şərur: Azerbaijani spelling near Meghri.\n\nՍյունիք, Armenian script, in Syunik.\n\n"
        "Нахичевань по-русски, in Nakhchivan.",
        encoding="utf-8",
    )
    path = tmp_path / "scripts.pdf"
    proc = run_cli("handout", str(path), "--article", str(article))
    assert proc.returncode == 0, proc.stderr
    text = "".join(p.extract_text() for p in PdfReader(path).pages)
    for word in ("Naxçıvan", "Şərur", "Սյունիք", "Нахичевань"):
        assert word in text, word


def route_pixels(png: bytes) -> int:
    pixels = np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)
    want = np.array([int(ROUTE_COLOUR[i : i + 2], 16) for i in (1, 3, 5)])
    return int((np.abs(pixels - want) <= 12).all(axis=-1).sum())


def test_figure_of_a_step_is_1920_by_1080_with_the_route_in_it(tmp_path):
    out = tmp_path / "f.png"
    proc = run_cli("figure", str(out), "--step", "11", "--size", "1920x1080")
    assert proc.returncode == 0, proc.stderr
    data = out.read_bytes()
    assert Image.open(io.BytesIO(data)).size == (1920, 1080)
    assert route_pixels(data) > 500
    again = tmp_path / "g.png"
    assert run_cli("figure", str(again), "--step", "11").returncode == 0
    assert again.read_bytes() == data


def test_figure_of_the_region_as_svg(tmp_path):
    out = tmp_path / "f.svg"
    proc = run_cli("figure", str(out))
    assert proc.returncode == 0, proc.stderr
    text = out.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<?xml") and "<svg" in text and ROUTE_COLOUR.lower() in text.lower()
    # Names stay text (selectable, translatable), not glyphs drawn as paths; the key too.
    for name in ("ARMENIA", "AZERBAIJAN", "IRAN", "Key", "Map date: 10 Feb 2026"):
        assert re.search(r"<text[^>]*>" + re.escape(name), text), name
    assert "DejaVuSans-" not in text  # no glyph outlines defined
    again = tmp_path / "g.svg"
    assert run_cli("figure", str(again)).returncode == 0
    assert again.read_text(encoding="utf-8") == text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--step", "99"], "--step 99"),
        (["--size", "big"], "--size big"),
        (["--dpi", "5"], "--dpi 5"),
    ],
)
def test_figure_errors_are_one_line_and_leave_nothing(tmp_path, args, message):
    out = tmp_path / "f.png"
    proc = run_cli("figure", str(out), *args)
    assert proc.returncode == 1 and proc.stderr.count("\n") == 1 and message in proc.stderr
    assert list(tmp_path.iterdir()) == []


def test_figure_wrong_kind_and_unwritable_place(tmp_path):
    proc = run_cli("figure", str(tmp_path / "f.jpg"))
    assert proc.returncode == 1 and ".png or a .svg" in proc.stderr
    proc = run_cli("handout", str(tmp_path / "missing" / "h.pdf"))
    assert proc.returncode == 1 and "cannot write" in proc.stderr and proc.stderr.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


def test_a_handout_drawn_in_two_processes_reads_as_one_drawn_in_one(handout, tmp_path, monkeypatch):
    from layers.registry import build_layer
    from outputs import handout as module

    assert [p.name for p in handout.parent.iterdir()] == ["h.pdf"]  # the halves joined, nothing left beside it
    monkeypatch.setattr(module, "_can_fork", lambda: False)
    one = tmp_path / "one.pdf"
    module.write_handout(one, build_layer("excerpts"))
    pages = [flat(p.extract_text()) for p in PdfReader(one).pages]
    assert [flat(p.extract_text()) for p in PdfReader(handout).pages] == pages
