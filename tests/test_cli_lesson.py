"""``tripp-map export|handout|figure --lesson FILE.json``: the lesson as its author corrected it, on paper too."""

from __future__ import annotations

import io
import json
import os
import re
import zipfile

import pytest
from pypdf import PdfReader

from geo.lesson import AddedPlace, Lesson, StepEdit, lesson_to_json
from layers.corrections import lesson_excerpts
from outputs.downloads import layers_zip
from outputs.export import excerpt_frames
from tests.test_handout import flat, run_cli

LESSON = (
    Lesson(title="Class 9B: Syunik", opening_date="2020-11-10")
    .with_edit(
        1,
        2,
        StepEdit(
            title="Two capitals",
            removed=("Yerevan",),
            note="Compare the capitals.",
            questions=("How far apart are they?",),
        ),
    )
    .with_edit(1, 3, StepEdit(hidden=True))
    .with_edit(1, 4, StepEdit(added=(AddedPlace("Agarak", 46.5436, 38.8675, "GeoNames"),)))
)


@pytest.fixture(scope="module")
def lesson_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("lesson") / "lesson.json"
    path.write_text(lesson_to_json(LESSON), encoding="utf-8")
    return path


def _story(page: str) -> dict:
    return json.loads(re.search(r"TrippMap\.addStory\(\w+, (\{.*\})\);", page).group(1))


def test_the_export_of_a_lesson_carries_its_corrections(lesson_file, tmp_path):
    out = tmp_path / "lesson.html"
    proc = run_cli("export", str(out), "--lesson", str(lesson_file))
    assert proc.returncode == 0, proc.stderr
    page = out.read_text(encoding="utf-8")
    story = _story(page)
    titles = [s["title"] for s in story["steps"]]
    assert titles[0] == "\u2068Class 9B: Syunik\u2069" and story["steps"][0]["date"] == "2020-11-10"
    assert titles[1] != "\u2068Two capitals\u2069" and "\u2068Two capitals\u2069" in titles
    assert len(story["steps"]) == 13  # the title step and 12 of the seed's 13 paragraphs: one is hidden
    two = next(s for s in story["steps"] if s["title"] == "\u2068Two capitals\u2069")
    assert "Compare the capitals." in two["html"] and "How far apart are they?" in two["html"]
    assert "Places: United States, Baku, Karabakh" in re.sub("<[^>]+>", "", two["html"])  # Yerevan removed
    assert "<title>\u2068Class 9B: Syunik\u2069</title>" in page or "Class 9B: Syunik" in page


def test_the_handout_and_figure_of_a_lesson_carry_its_corrections(lesson_file, tmp_path):
    pdf = tmp_path / "lesson.pdf"
    proc = run_cli("handout", str(pdf), "--lesson", str(lesson_file))
    assert proc.returncode == 0, proc.stderr
    pages = [flat(p.extract_text()) for p in PdfReader(pdf).pages]
    assert "Class9B:Syunik" in pages[0]
    two = next(p for p in pages if "Paragraph2of12" in p)
    assert "Twocapitals" in two and "Comparethecapitals." in two and "Howfarapartarethey?" in two
    assert not any("Paragraph3of" in p for p in pages)
    png = tmp_path / "lesson.png"
    proc = run_cli("figure", str(png), "--lesson", str(lesson_file), "--step", "2")
    assert proc.returncode == 0 and png.stat().st_size > 10_000, proc.stderr


def test_the_geojson_download_of_a_lesson_carries_the_corrected_places():
    data = layers_zip(("excerpts",), excerpt_frames(lesson_excerpts(LESSON)))
    features = json.loads(zipfile.ZipFile(io.BytesIO(data)).read("excerpts.geojson"))["features"]
    by_paragraph = {f["properties"]["paragraph"]: f for f in features}
    assert 3 not in by_paragraph
    assert "Yerevan" not in json.loads(by_paragraph[2]["properties"]["places"])
    assert "Agarak" in json.loads(by_paragraph[4]["properties"]["places"])
    assert by_paragraph[2]["properties"]["step_title"] == "Two capitals"


@pytest.mark.parametrize(
    ("content", "says"),
    [
        ("", "not UTF-8 JSON"),
        ('{"format": "tripp-map lesson", "version": 2}', "written by a newer tripp-map"),
        ('{"format": "something else"}', "is not a tripp-map lesson"),
    ],
)
def test_a_bad_lesson_file_is_one_line_and_writes_nothing(tmp_path, content, says):
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    out = tmp_path / "out.html"
    proc = run_cli("export", str(out), "--lesson", str(bad))
    assert proc.returncode == 1 and says in proc.stderr and proc.stderr.count("\n") == 1, proc.stderr
    assert not out.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["bad.json"]


def test_a_fifo_or_a_lesson_with_an_article_is_refused(tmp_path, lesson_file):
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    proc = run_cli("handout", str(tmp_path / "h.pdf"), "--lesson", str(fifo))
    assert proc.returncode == 1 and "not a text file" in proc.stderr
    proc = run_cli("figure", str(tmp_path / "f.png"), "--lesson", str(lesson_file), "--article", str(lesson_file))
    assert proc.returncode == 1 and "not both" in proc.stderr
