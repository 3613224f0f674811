"""Where lessons are kept, on SQLite and on a real PostgreSQL server: the same tests on both."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

import pytest
import sqlalchemy as sa

from geo.articles import Article
from geo.lesson import Lesson, LessonError, StepEdit, lesson_to_json
from outputs.lesson_session import READ_ONLY, LessonSession
from outputs.lessons import LESSONS, META, SCHEMA_VERSION, LessonNotFound, LessonStore, WrongKey

LESSON = Lesson(title="9B: the corridor", articles=(Article("Trains run from Meghri to Ordubad.", "a.txt"),))


@pytest.fixture
def store(database_url):
    s = LessonStore(database_url)
    yield s
    s.close()


def _count(store: LessonStore) -> int:
    with store.engine.connect() as conn:
        return conn.execute(sa.select(sa.func.count()).select_from(LESSONS)).scalar_one()


def test_a_lesson_is_kept_and_read_back_by_its_link(store):
    stored, key = store.create(LESSON)
    assert store.get(stored.id) == stored and stored.revision == 1
    assert store.can_edit(stored.id, key)
    again = store.save(stored.id, key, LESSON.with_edit(1, 1, StepEdit(title="t")), 1)
    assert again.revision == 2 and store.get(stored.id).lesson.edit(1, 1).title == "t"


def test_ids_and_keys_are_random_and_keys_are_kept_only_hashed(store):
    made = [store.create(LESSON) for _ in range(5)]
    assert len({s.id for s, _ in made}) == 5 and len({k for _, k in made}) == 5
    assert all(len(k) >= 32 for _, k in made)
    with store.engine.connect() as conn:
        rows = " ".join(str(tuple(r)) for r in conn.execute(sa.select(LESSONS)))
    assert not any(key in rows for _, key in made)


def test_the_view_link_cannot_edit_and_a_wrong_or_missing_key_is_refused(store):
    stored, key = store.create(LESSON)
    for wrong in (None, "", key[:-1] + ("A" if key[-1] != "A" else "B"), "' OR 1=1 --"):
        assert not store.can_edit(stored.id, wrong)
        with pytest.raises(WrongKey, match="cannot edit"):
            store.save(stored.id, wrong, LESSON.with_edit(1, 1, StepEdit(hidden=True)), 1)
    other, _ = store.create(LESSON)
    assert not store.can_edit(other.id, key)  # one lesson's key opens no other lesson
    assert store.get(stored.id).revision == 1 and store.get(stored.id).lesson == LESSON


def test_a_stale_save_is_refused_and_the_newer_lesson_kept(store):
    stored, key = store.create(LESSON)
    first, second = LessonSession(), LessonSession()
    assert first.open(store, stored.id, key) and second.open(store, stored.id, key)
    assert first.save(store, LESSON.with_edit(1, 1, StepEdit(title="from tab one")))
    assert not second.save(store, LESSON.with_edit(1, 1, StepEdit(title="from tab two")))
    assert "changed in another tab" in second.error
    assert store.get(stored.id).lesson.edit(1, 1).title == "from tab one"
    second.reload(store)
    assert second.lesson.edit(1, 1).title == "from tab one" and second.save(store, second.lesson)


def test_a_session_with_the_view_link_or_a_wrong_key_opens_read_only(store):
    stored, _ = store.create(LESSON)
    viewer, guesser = LessonSession(), LessonSession()
    assert viewer.open(store, stored.id, "") and not viewer.editing and viewer.error == ""
    assert guesser.open(store, stored.id, "not-the-key") and not guesser.editing and guesser.error == READ_ONLY
    assert not viewer.save(store, LESSON.with_edit(1, 1, StepEdit(hidden=True)))
    assert "cannot edit" in viewer.error
    lost = LessonSession()
    assert not lost.open(store, "no-such-lesson", "") and "no lesson has this link" in lost.error
    with pytest.raises(LessonNotFound):
        store.get("x' OR '1'='1")


def test_a_bad_lesson_file_changes_nothing(store):
    store.create(LESSON)
    before = _count(store)
    for data in (b"", b"\x00\x01binary", b'{"format": "tripp-map lesson", "version": 1, "steps": {"1:1": []}}'):
        with pytest.raises(LessonError):
            store.import_file(data, "bad.json")
    assert _count(store) == before
    stored, _ = store.import_file(lesson_to_json(LESSON).encode("utf-8"), "good.json")
    assert store.get(stored.id).lesson == LESSON and _count(store) == before + 1


def test_the_schema_is_versioned_and_an_older_database_is_migrated(database_url):
    engine = sa.create_engine(database_url)
    with engine.begin() as conn:  # a database as version 0 left it: the version table, no lessons yet
        META.create(conn)
        conn.execute(META.insert().values(name="schema", value="0"))
    engine.dispose()
    store = LessonStore(database_url)
    assert store.schema_version() == SCHEMA_VERSION
    stored, _ = store.create(LESSON)
    store.close()
    assert LessonStore(database_url).get(stored.id).lesson == LESSON  # opening again migrates nothing


def test_a_database_newer_than_this_tripp_map_is_refused(database_url):
    LessonStore(database_url).close()
    engine = sa.create_engine(database_url)
    with engine.begin() as conn:
        conn.execute(META.update().values(value=str(SCHEMA_VERSION + 1)))
    engine.dispose()
    with pytest.raises(Exception, match="newer than this tripp-map"):
        LessonStore(database_url)


def test_a_server_killed_mid_save_leaves_the_last_good_lesson(store, database_url):
    stored, key = store.create(LESSON)
    good = store.save(stored.id, key, LESSON.with_edit(1, 1, StepEdit(title="good")), 1)
    # The save's UPDATE has run inside its transaction when the process is killed, before the commit.
    child = textwrap.dedent(
        f"""
        import os, signal
        import sqlalchemy as sa
        from geo.lesson import Lesson, StepEdit
        from outputs.lessons import LessonStore
        store = LessonStore({database_url!r})
        @sa.event.listens_for(store.engine, "after_cursor_execute")
        def _die(conn, cursor, statement, *args):
            if statement.lstrip().upper().startswith("UPDATE LESSONS"):
                os.kill(os.getpid(), signal.SIGKILL)
        store.save({stored.id!r}, {key!r}, Lesson().with_edit(1, 1, StepEdit(title="half")), 2)
        """
    )
    run = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True, cwd=os.getcwd())
    assert run.returncode == -signal.SIGKILL, run.stderr
    after = LessonStore(database_url)
    assert after.get(stored.id) == good
    assert after.save(stored.id, key, good.lesson, good.revision).revision == 3  # and it can be saved again
    after.close()


def test_sqlite_is_opened_with_wal_so_a_class_reads_while_the_teacher_writes(tmp_path):
    store = LessonStore(f"sqlite:///{tmp_path / 'a' / 'lessons.sqlite3'}")  # its folder is made
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    stored, _ = store.create(LESSON)
    reader = LessonStore(f"sqlite:///{tmp_path / 'a' / 'lessons.sqlite3'}")
    with store.engine.connect() as writer:
        writer.begin()
        writer.execute(LESSONS.update().values(title="being written"))  # holds the database's write lock
        assert reader.get(stored.id).lesson == LESSON  # read while the write is open
        writer.rollback()
    reader.close()
    store.close()


def test_the_default_database_is_sqlite_in_the_data_folder(tmp_path, monkeypatch):
    from outputs.lessons import DATA_DIR_ENV, DATABASE_URL_ENV, default_url

    monkeypatch.delenv(DATABASE_URL_ENV, raising=False)
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "data"))
    assert default_url() == f"sqlite:///{tmp_path / 'data' / 'lessons.sqlite3'}"
    monkeypatch.setenv(DATABASE_URL_ENV, "postgresql+psycopg://u@db.school/lessons")
    assert default_url() == "postgresql+psycopg://u@db.school/lessons"
    monkeypatch.delenv(DATA_DIR_ENV)
    monkeypatch.delenv(DATABASE_URL_ENV)
    assert default_url().endswith("tripp-map/lessons.sqlite3")


def test_a_database_that_cannot_be_opened_is_one_line(tmp_path):
    (tmp_path / "file").write_text("x")
    for url in (f"sqlite:///{tmp_path / 'file' / 'x.sqlite3'}", "not a url"):
        with pytest.raises(Exception) as caught:
            LessonStore(url)
        assert "\n" not in str(caught.value) and "lesson database" in str(caught.value)
