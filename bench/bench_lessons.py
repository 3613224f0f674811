"""Lessons: opening one by its link beside the default map, saving an edit, a class opening one lesson at once.

- **Opening by link**: the first map of ``/?lesson=ID`` beside that of ``/`` (the app's default map), in the
  same server: cold (the first open in a fresh server, each in its own) and warm (after the teacher's).
- **Saving an edit at the server**: ``LessonStore.save`` (a transaction with its revision check) of a lesson
  holding the seed article and corrections, on SQLite in a data folder and on PostgreSQL when the test
  set-up's server can start, beside the baseline of writing the same bytes with ``sqlite3`` and no check.
- **A class at once**: 30 students opening the lesson's link together beside 30 opening the default map
  (bench_load.py's protocol: Streamlit's websocket, the map's page fetched as a browser does).

Run: ``.venv/bin/python bench/bench_lessons.py``. Loopback only, bounded: every wait times out.
"""

from __future__ import annotations

import asyncio
import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from bench_load import TIMEOUT_S, no_clicks, one_student, pct
from common import ROOT, summary

from geo.lesson import AddedPlace, StepEdit, lesson_to_json
from layers.excerpts import seed_article
from outputs.lesson_edits import lesson_of
from outputs.lessons import LessonStore
from tests.browser import start_app

CLASS = 30
WARM_OPENS = 8
COLD_SERVERS = 3
SAVES = 60


def teachers_lesson():
    """The seed article as a teacher pasted it, with the corrections of a class's preparation."""
    seed = seed_article()
    lesson = lesson_of("9B: the corridor", ((seed.text, seed.name, seed.date, seed.source),), "bundled")
    lesson = lesson.with_edit(1, 1, StepEdit(title="Where the trains will run", note="Find Meghri on the map"))
    lesson = lesson.with_edit(1, 2, StepEdit(removed=("Yerevan",), questions=("Who proposed it?", "When?")))
    lesson = lesson.with_edit(1, 3, StepEdit(hidden=True))
    return lesson.with_edit(1, 4, StepEdit(added=(AddedPlace("Agarak", 46.1964, 38.865, "Wikipedia"),)))


def _server(data: Path):
    return start_app(ROOT, timeout=TIMEOUT_S, env={"TRIPP_MAP_DATA_DIR": str(data)})


def _first_map(url: str, query: str = "") -> float:
    return asyncio.run(one_student(url, no_clicks, query))[0]


def _stop(proc) -> None:
    proc.terminate()
    proc.wait(timeout=30)


def opening(data: Path, query: str) -> tuple[list[float], list[float], list[float], list[float]]:
    """(cold default, cold lesson, warm default, warm lesson) first-map seconds."""
    cold = {"": [], query: []}
    for _ in range(COLD_SERVERS):
        for q in ("", query):  # each first open in a server of its own
            proc, url = _server(data)
            try:
                cold[q].append(_first_map(url, q))
            finally:
                _stop(proc)
    warm = {"": [], query: []}
    proc, url = _server(data)
    try:
        _first_map(url), _first_map(url, query)  # the teacher opens both first
        for _ in range(WARM_OPENS):
            for q in ("", query):  # alternating, so a slow moment of the machine falls on both
                warm[q].append(_first_map(url, q))
    finally:
        _stop(proc)
    return cold[""], cold[query], warm[""], warm[query]


def saving(url: str) -> list[float]:
    """Seconds per ``save`` of an edit (each a new revision), on the store at ``url``."""
    store = LessonStore(url)
    try:
        stored, key = store.create(teachers_lesson())
        took = []
        for i in range(SAVES):
            lesson = stored.lesson.with_edit(1, 5, StepEdit(note=f"Edit {i}"))
            start = time.perf_counter()
            stored = store.save(stored.id, key, lesson, stored.revision)
            took.append(time.perf_counter() - start)
        return took
    finally:
        store.close()


def saving_baseline(path: Path) -> list[float]:
    """The same bytes written by plain ``sqlite3`` in WAL mode: an UPDATE and a commit, no check, no hash."""
    data = lesson_to_json(teachers_lesson())
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("CREATE TABLE t (id TEXT PRIMARY KEY, doc TEXT)")
        db.execute("INSERT INTO t VALUES ('a', ?)", (data,))
    took = []
    db = sqlite3.connect(path)
    try:
        for i in range(SAVES):
            start = time.perf_counter()
            db.execute("UPDATE t SET doc = ? WHERE id = 'a'", (data + str(i),))
            db.commit()
            took.append(time.perf_counter() - start)
    finally:
        db.close()
    return took


def classroom(data: Path, query: str) -> dict[str, list[float]]:
    """First-map seconds of 30 students at once, on the default map and on the lesson, each in a fresh server
    that the teacher opened first."""
    out = {}
    for label, q in (("default map", ""), ("the lesson", query)):
        proc, url = _server(data)
        try:
            _first_map(url, q)

            async def together(url=url, q=q):
                return await asyncio.gather(*(one_student(url, no_clicks, q) for _ in range(CLASS)))

            out[label] = [r[0] for r in asyncio.run(asyncio.wait_for(together(), TIMEOUT_S * 2))]
        finally:
            _stop(proc)
    return out


def main() -> None:
    data = Path(tempfile.mkdtemp(prefix="tripp-map-bench-"))
    url = f"sqlite:///{data / 'lessons.sqlite3'}"
    store = LessonStore(url)
    stored, _ = store.create(teachers_lesson())
    store.close()
    query = f"lesson={stored.id}"

    cold_d, cold_l, warm_d, warm_l = opening(data, query)
    print("| first map | default map (`/`) | the lesson's link | ratio (medians) |")
    print("|---|---|---|---|")
    for label, d, ls in (("cold (a fresh server)", cold_d, cold_l), ("warm", warm_d, warm_l)):
        ratio = pct(ls, 0.5) / pct(d, 0.5)
        print(f"| {label} | {summary(d)} | {summary(ls)} | {ratio:.2f}× |", flush=True)

    print("\n| saving an edit | per save |")
    print("|---|---|")
    rows = [("LessonStore.save, SQLite (WAL)", saving(url))]
    try:
        from tests.databases import postgres_server

        with postgres_server() as pg:
            rows.append(("LessonStore.save, PostgreSQL (local socket)", saving(pg)))
    except RuntimeError as exc:
        print(f"(PostgreSQL not measured: {exc})")
    rows.append(("baseline: sqlite3 UPDATE + commit, same bytes", saving_baseline(data / "baseline.sqlite3")))
    for label, took in rows:
        ms = sorted(t * 1000 for t in took)
        print(f"| {label} | median {pct(ms, 0.5):.1f} ms, p95 {pct(ms, 0.95):.1f} ms, max {ms[-1]:.1f} ms |")

    crowd = classroom(data, query)
    print(f"\n| {CLASS} students at once | first map p50 | p95 |")
    print("|---|---|---|")
    for label, maps in crowd.items():
        print(f"| {label} | {pct(maps, 0.5):.2f} s | {pct(maps, 0.95):.2f} s |")
    print(
        f"\n(lesson of {len(lesson_to_json(teachers_lesson())):,} bytes; Python {sys.version.split()[0]}; "
        f"{os.cpu_count()} CPUs)"
    )


if __name__ == "__main__":
    main()
