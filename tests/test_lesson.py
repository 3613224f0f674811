"""A lesson's file and its corrections, on the seed's real excerpts."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import shapely

from geo.articles import Article
from geo.lesson import MAX_LESSON_BYTES, AddedPlace, Lesson, LessonError, StepEdit, lesson_from_json
from geo.lesson import lesson_to_json as to_json
from layers.corrections import TEACHER, corrected, lesson_articles, lesson_excerpts
from layers.registry import corpus_excerpts, place_finder
from outputs.lesson_edits import (
    draft_points,
    edit_from_fields,
    find_by_name,
    parse_point,
    place_label,
    qr_html,
    step_index,
    with_added,
)

HOSTILE = 'Lichk <img src=x onerror=alert(1)> **bold** \u202eevil\u202c & "quotes"'


def _seed_draft():
    return corpus_excerpts(lesson_articles(Lesson()))


def _full_lesson() -> Lesson:
    lesson = Lesson(title=HOSTILE, articles=(Article("Trains run from Meghri.\n\nTalks in Tbilisi.", "a.txt"),))
    lesson = lesson.with_edit(1, 1, StepEdit(title="Où passent les trains", note=HOSTILE, questions=("Why?", "Where?")))
    lesson = lesson.with_edit(1, 2, StepEdit(hidden=True, removed=("Tbilisi",), date="2025-08-08"))
    return lesson.with_edit(
        1, 1, replace_added(lesson.edit(1, 1), AddedPlace("Lichk (Meghri)", 46.2167, 38.9667, "Wikipedia"))
    )


def replace_added(edit: StepEdit, place: AddedPlace) -> StepEdit:
    from dataclasses import replace

    return replace(edit, added=(*edit.added, place), moved=(("Meghri", 46.25, 38.90),))


def test_a_lesson_file_reads_back_the_same_and_writes_the_same_bytes():
    lesson = _full_lesson()
    text = to_json(lesson)
    assert lesson_from_json(text) == lesson
    assert to_json(lesson_from_json(text.encode("utf-8"))) == text
    doc = json.loads(text)
    assert doc["format"] == "tripp-map lesson" and doc["version"] == 1
    assert doc["steps"]["1:2"] == {"date": "2025-08-08", "hidden": True, "removed": ["Tbilisi"]}
    assert HOSTILE in text or json.dumps(HOSTILE, ensure_ascii=False)[1:-1] in text  # kept as written


def test_the_same_lesson_gives_the_same_bytes_in_a_fresh_process():
    code = (
        "from tests.test_lesson import _full_lesson; from geo.lesson import lesson_to_json; "
        "import sys; sys.stdout.write(lesson_to_json(_full_lesson()))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out == to_json(_full_lesson())


def test_an_empty_edit_is_no_edit_and_edits_do_not_change_the_lesson_they_come_from():
    lesson = Lesson()
    edited = lesson.with_edit(1, 3, StepEdit(title="x"))
    assert lesson.steps == () and edited.steps == (((1, 3), StepEdit(title="x")),)
    assert edited.with_edit(1, 3, StepEdit()).steps == ()


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (b"", "not UTF-8 JSON"),
        (b"\xff\xfe\x00garbage", "not UTF-8 JSON"),
        (b"[1, 2]", "is not a tripp-map lesson"),
        (b'{"format": "tripp-map lesson", "version": 9}', "written by a newer tripp-map"),
        (b'{"format": "tripp-map lesson", "version": "1"}', "is not a version number"),
        (b'{"format": "tripp-map lesson", "version": 1, "sneaky": 1}', "does not know: sneaky"),
        (b'{"format": "tripp-map lesson", "version": 1, "steps": {"x": {}}}', "is not a step's key"),
        (b'{"format": "tripp-map lesson", "version": 1, "steps": {"1:1": {"hidden": "yes"}}}', "not true or false"),
        (b'{"format": "tripp-map lesson", "version": 1, "steps": {"1:1": {"date": "2025-02-30"}}}', "YYYY-MM-DD"),
        (
            b'{"format": "tripp-map lesson", "version": 1, "steps": {"1:1": {"added": [{"name": "x", "lon": 500, '
            b'"lat": 1}]}}}',
            "outside",
        ),
        (b'{"format": "tripp-map lesson", "version": 1, "title": "a\\u0000b"}', "NUL"),
        (b'{"format": "tripp-map lesson", "version": 1, "articles": [{"text": " "}]}', "is empty"),
        (b"[" * 100_000, "not UTF-8 JSON"),
    ],
)
def test_a_bad_lesson_file_is_refused_in_one_line(data, says):
    with pytest.raises(LessonError) as caught:
        lesson_from_json(data, "bad.json")
    message = str(caught.value)
    assert says in message and "\n" not in message and message.startswith("bad.json: ")


def test_a_huge_lesson_file_is_refused_before_it_is_parsed():
    with pytest.raises(LessonError, match="byte limit"):
        lesson_from_json(b" " * (MAX_LESSON_BYTES + 1))


def test_corrections_remove_add_move_hide_retitle_and_date_the_seeds_steps():
    draft = _seed_draft()
    before = draft.copy()
    second = json.loads(draft.iloc[1]["places"])
    assert "Yerevan" in second
    lesson = (
        Lesson()
        .with_edit(1, 2, StepEdit(removed=("Yerevan",), added=(AddedPlace("Agarak", 46.54, 38.86),), title="Mine"))
        .with_edit(1, 3, StepEdit(hidden=True))
        .with_edit(1, 8, StepEdit(moved=(("Baku", 49.0, 40.0),), date="2020-11-10", note="Look", questions=("Q1",)))
    )
    shown = corrected(draft, lesson)
    assert draft.equals(before)  # the draft is not changed
    assert list(shown["paragraph"]) == [p for p in draft["paragraph"] if p != 3]
    two = shown[shown["paragraph"] == 2].iloc[0]
    assert "Yerevan" not in json.loads(two["places"]) and "Agarak" in json.loads(two["places"])
    assert two["step_title"] == "Mine"
    assert {c["place"]: c["level"] for c in json.loads(two["confidence"])}["Agarak"] == TEACHER
    # The teacher's village is the most specific place: the excerpt is drawn there (and at Baku, a city).
    assert (46.54, 38.86) in [(p.x, p.y) for p in shapely.get_parts(two.geometry)]
    eight = shown[shown["paragraph"] == 8].iloc[0]
    assert (49.0, 40.0) in [(p.x, p.y) for p in shapely.get_parts(eight.geometry)]
    assert eight["step_date"] == "2020-11-10" and eight["note"] == "Look" and json.loads(eight["questions"]) == ["Q1"]
    assert step_index(shown, 1, 4) == 3 and step_index(shown, 1, 3) is None  # the story's steps close up


def test_a_lesson_that_changes_nothing_leaves_the_draft_as_it_is():
    draft = _seed_draft()
    assert corrected(draft, Lesson()) is draft and corrected(draft, None) is draft


def test_corrections_are_kept_apart_so_annotating_again_keeps_them():
    lesson = Lesson().with_edit(1, 2, StepEdit(removed=("Yerevan",), title="Kept"))
    again = lesson_excerpts(lesson_from_json(to_json(lesson)))  # a fresh annotation, then the corrections
    row = again[again["paragraph"] == 2].iloc[0]
    assert row["step_title"] == "Kept" and "Yerevan" not in json.loads(row["places"])


def test_the_editor_finds_places_by_name_and_reads_points_and_fields():
    found = find_by_name(place_finder(), "Agarak")
    assert found and found[0].in_region
    assert parse_point("38.93, 46.27") == (46.27, 38.93)
    for bad in ("", "Meghri", "95, 10", "1, 2, 3"):
        with pytest.raises(LessonError):
            parse_point(bad)
    values = {"title": " T ", "date": "", "note": " n ", "questions": "a\n\n b \n", "hidden": True}
    edit = edit_from_fields(StepEdit(), values, ["Yerevan", "Baku"], ["Baku"])
    assert edit == StepEdit(title="T", hidden=True, note="n", questions=("a", "b"), removed=("Yerevan",))
    with pytest.raises(LessonError, match="YYYY-MM-DD"):
        edit_from_fields(StepEdit(), {**values, "date": "tomorrow"}, [], [])


def test_a_namesake_near_the_steps_places_comes_first_and_says_how_far_it_is():
    # "Agarak" names four places in Armenia; the one a paragraph about Meghri means is 6 km from it.
    near = (("Meghri", 46.2383, 38.9022),)
    found = find_by_name(place_finder(), "Agarak", near)
    assert len(found) > 1 and found[0].key == "agarak"  # Agarak of Syunik
    assert place_label(found[0], near).endswith(", 6 km from Meghri")
    assert "in Armenia" in place_label(found[1], near)


def test_adding_a_place_of_the_drafts_name_moves_it_and_shows_it_again():
    draft = _seed_draft()
    row = draft[draft["paragraph"] == 2].iloc[0]
    points = draft_points(draft, 1, 2)
    name = points[0][0]
    removed = StepEdit(removed=(name,))
    moved = with_added(removed, name, 46.0, 39.0, "gazetteer", tuple(n for n, _, _ in points))
    assert moved.removed == () and moved.moved == ((name, 46.0, 39.0),) and moved.added == ()
    assert with_added(moved, name, 46.1, 39.1, "gazetteer", (name,)).moved == ((name, 46.1, 39.1),)  # moved again
    added = with_added(StepEdit(), "Agarak", 46.2, 38.87, "GeoNames")
    assert added.added == (AddedPlace("Agarak", 46.2, 38.87, "GeoNames"),)
    assert with_added(added, "Agarak", 46.3, 38.8, "a point").added == (AddedPlace("Agarak", 46.3, 38.8, "a point"),)
    shown = corrected(draft, Lesson().with_edit(1, 2, moved)).set_index("paragraph").loc[2]
    assert next(p for p in json.loads(shown["points"]) if p[0] == name)[1:3] == [46.0, 39.0]
    assert json.loads(shown["places"]) == json.loads(row["places"])  # the same places, one drawn elsewhere


def test_the_qr_code_is_an_image_of_the_link():
    import base64

    html = qr_html("http://192.168.1.20:8501/?lesson=abc")
    svg = base64.b64decode(html.split("base64,")[1].split('"')[0]).decode("utf-8")
    assert html.startswith("<img") and 'alt="QR code' in html and svg.startswith("<svg") and "<path" in svg
