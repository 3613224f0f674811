"""Lessons in the app (``AppTest``): a teacher saves and corrects a story; a class opens it by its view link."""

from __future__ import annotations

import json
import re

import pytest
from streamlit.testing.v1 import AppTest

from outputs.lesson_session import READ_ONLY
from outputs.lessons import LessonStore
from render.html import md_literal
from tests.test_app import APP, map_page_of, story_options

ARTICLE = (
    "Trains will run from Meghri to Ordubad, Armenian officials said.\n\n"
    "Football fans cheered in a stadium.\n\n"
    "Talks were held in Tbilisi and in Yerevan."
)


def _run(what) -> AppTest:
    """Run the app (or the app after a widget's change) and check it raised nothing."""
    at = what.run()
    assert not at.exception, at.exception
    return at


def _teacher() -> AppTest:
    """A teacher who pasted the article and saved it as a lesson."""
    at = _run(AppTest.from_file(APP, default_timeout=180))
    at.text_area(key="pasted").input(ARTICLE)
    _run(at.button(key="annotate").click())
    at.text_input(key="lesson_title_new").input("9B: the corridor <b>")
    _run(at.button(key="lesson_create").click())
    assert at.session_state.lessons.editing
    return at


def _step(at: AppTest, paragraph: int) -> AppTest:
    labels = [f"Paragraph {paragraph}:" in at.selectbox(key="ed_step").format_func(i) for i in range(3)]
    return _run(at.selectbox(key="ed_step").set_value(labels.index(True)))


def _viewer(lesson_id: str, key: str = "") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=180)
    at.query_params["lesson"] = lesson_id
    if key:
        at.query_params["key"] = key
    return _run(at)


def _steps_by_title(at: AppTest) -> list[str]:
    return [s["title"] for s in story_options(at)["steps"][1:]]


def test_a_teacher_corrects_the_story_and_the_class_sees_it_by_the_view_link():
    at = _teacher()
    ls = at.session_state.lessons
    assert dict(at.query_params) == {"lesson": ls.id, "key": ls.key}  # a reload keeps the lesson open to edit
    assert any("shown this once" in w.value for w in at.warning)
    # Paragraph 1: Ordubad is wrong for this class; Agarak is missing; a title and a note.
    places = at.multiselect(key="ed_places_1_1")
    assert set(places.value) >= {"Meghri", "Ordubad"}
    _run(places.unselect("Ordubad"))
    at.text_input(key="ed_add_1_1").input("Agarak")
    _run(at)
    _run(at.button(key="ed_add_go_1_1").click())
    _run(at.text_input(key="ed_title_1_1").input("Where the trains will run"))
    _run(at.text_area(key="ed_note_1_1").input("Find Meghri on the map <script>"))
    _run(at.text_area(key="ed_questions_1_1").input("Which border does the line follow?"))
    # Paragraph 2 is off the topic: hidden.
    _step(at, 2)
    _run(at.checkbox(key="ed_hidden_1_2").check())
    assert not at.error, [e.value for e in at.error]
    stored = LessonStore().get(ls.id)
    assert stored.revision >= 6

    # The class: a fresh session (another browser) with the view link only.
    view = _viewer(ls.id)
    assert not view.session_state.lessons.editing
    assert not [w for w in view.text_input if w.key and w.key.startswith("ed_")]  # no editor
    assert any("cannot edit" in c.value for c in view.caption)
    story = story_options(view)
    titles = [s["title"] for s in story["steps"]]
    assert titles[1] == "\u2068Where the trains will run\u2069" and len(titles) == 3  # title step, paragraphs 1 and 3
    assert "Football" not in json.dumps(story)
    first = story["steps"][1]["html"]
    assert "Find Meghri on the map &lt;script&gt;" in first and "Which border does the line follow?" in first
    page = map_page_of(view)
    assert "Places: Meghri, Armenia, Agarak</p>" in re.sub("<(?!/p)[^>]+>", "", first) and "Agarak" in page
    assert view.title[0].value == md_literal("9B: the corridor <b>")  # shown as written, never as Markdown


def test_the_view_link_cannot_edit_and_a_wrong_key_says_so():
    at = _teacher()
    ls = at.session_state.lessons
    wrong = _viewer(ls.id, "guessed-key")
    assert [e.value for e in wrong.error] == [md_literal(READ_ONLY)]
    assert not wrong.session_state.lessons.editing
    assert not [w for w in wrong.multiselect if w.key and w.key.startswith("ed_")]
    right = _viewer(ls.id, ls.key)
    assert right.session_state.lessons.editing and right.multiselect(key="ed_places_1_1")


def test_a_stale_save_from_a_second_tab_is_refused_with_a_message():
    at = _teacher()
    ls = at.session_state.lessons
    other = _viewer(ls.id, ls.key)  # the same edit link, in a second tab
    _run(at.text_input(key="ed_title_1_1").input("From the first tab"))
    _run(other.text_input(key="ed_title_1_1").input("From the second tab"))
    assert any("changed in another tab" in e.value for e in other.error)
    assert LessonStore().get(ls.id).lesson.edit(1, 1).title == "From the first tab"


def test_a_mistyped_lesson_link_shows_the_seed_and_says_why():
    at = _viewer("no-such-lesson")
    assert any("no lesson has this link" in e.value for e in at.error)
    # The default title, in the page's language (marked so the map's language menu can change it).
    assert story_options(at)["steps"][0]["title"] == "<span data-t>The TRIPP corridor</span>"


def test_a_bad_lesson_file_is_refused_in_one_line_and_opens_nothing():
    at = _run(AppTest.from_file(APP, default_timeout=180))
    at.session_state["lesson_upload"] = None
    _run(at.button(key="lesson_import").click())  # no file chosen: nothing happens
    assert at.session_state.lessons.lesson is None and not at.error


@pytest.mark.parametrize("bad_date", ["30/02/2026", "2026-02-30"])
def test_a_bad_step_date_is_refused_and_the_lesson_kept(bad_date):
    at = _teacher()
    before = at.session_state.lessons.revision
    _run(at.text_input(key="ed_date_1_1").input(bad_date))
    assert any("is not a day written" in e.value for e in at.error)
    assert at.session_state.lessons.revision == before
