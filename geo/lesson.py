"""A lesson: articles, the map's options, and a teacher's corrections per paragraph, as one JSON document.

The place finder's annotation is the first draft; a lesson keeps only what a person changed, apart from it
(:class:`StepEdit`), so annotating again with a better place finder keeps every correction. The file format
(``"format": "tripp-map lesson"``, ``"version": 1``) is documented in the README under "Lessons"; a file is
read only through :func:`lesson_from_json`, which refuses anything else with one line.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from geo.articles import Article, read_regular_file
from geo.errors import TrippError, shown

__all__ = [
    "FORMAT",
    "MAX_LESSON_BYTES",
    "VERSION",
    "AddedPlace",
    "Lesson",
    "LessonError",
    "StepEdit",
    "lesson_from_json",
    "lesson_to_json",
    "read_lesson",
    "step_key",
]

FORMAT = "tripp-map lesson"
VERSION = 1
# A lesson carries its articles' text: a term's coverage fits, a file meant to exhaust the server does not.
MAX_LESSON_BYTES = 30_000_000
MAX_TITLE = 300
MAX_NOTE = 10_000
MAX_QUESTIONS = 30
MAX_PLACES = 60
MAX_ARTICLES = 200


class LessonError(TrippError):
    """A lesson that cannot be read or saved: one line for the user; nothing is changed."""


@dataclass(frozen=True)
class AddedPlace:
    """A place a teacher added to a paragraph: found by name in the gazetteer, or a point they gave."""

    name: str
    lon: float
    lat: float
    source: str = "added by the lesson's author"


@dataclass(frozen=True)
class StepEdit:
    """What a teacher changed in one paragraph's step; an empty edit changes nothing."""

    title: str = ""  # "" keeps the automatic title (the places the paragraph names)
    hidden: bool = False
    date: str = ""  # "" keeps the step's own date (its event's, or the article's)
    note: str = ""
    questions: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()  # place names, as the place finder wrote them
    added: tuple[AddedPlace, ...] = ()
    moved: tuple[tuple[str, float, float], ...] = ()  # (name, lon, lat): the place drawn there instead

    def is_empty(self) -> bool:
        return self == StepEdit()


@dataclass(frozen=True)
class Lesson:
    """A lesson. ``articles`` empty: the seed article. ``steps``: (article, paragraph) → its edit, sorted."""

    title: str = "The TRIPP corridor"
    articles: tuple[Article, ...] = ()  # as pasted: their text, name, date, source
    basemap: str = "bundled"
    layers: tuple[str, ...] | None = None  # None: every layer
    opening_date: str = ""
    steps: tuple[tuple[tuple[int, int], StepEdit], ...] = field(default=())

    def edit(self, article: int, paragraph: int) -> StepEdit:
        return dict(self.steps).get((article, paragraph), StepEdit())

    def with_edit(self, article: int, paragraph: int, edit: StepEdit) -> Lesson:
        """This lesson with one step's edit replaced (an empty edit removes it); the lesson is not changed."""
        steps = dict(self.steps)
        steps.pop((article, paragraph), None)
        if not edit.is_empty():
            steps[(article, paragraph)] = edit
        return replace(self, steps=tuple(sorted(steps.items())))


def step_key(article: int, paragraph: int) -> str:
    return f"{article}:{paragraph}"


def _place_json(p: AddedPlace) -> dict:
    return {"name": p.name, "lon": p.lon, "lat": p.lat, "source": p.source}


def _edit_json(e: StepEdit) -> dict:
    out: dict[str, Any] = {}
    for name in ("title", "date", "note"):
        if getattr(e, name):
            out[name] = getattr(e, name)
    if e.hidden:
        out["hidden"] = True
    if e.questions:
        out["questions"] = list(e.questions)
    if e.removed:
        out["removed"] = list(e.removed)
    if e.added:
        out["added"] = [_place_json(p) for p in e.added]
    if e.moved:
        out["moved"] = [{"name": n, "lon": x, "lat": y} for n, x, y in e.moved]
    return out


def lesson_to_json(lesson: Lesson) -> str:
    """The lesson as its file: the same lesson gives the same bytes."""
    doc = {
        "format": FORMAT,
        "version": VERSION,
        "title": lesson.title,
        "articles": [{"name": a.name, "date": a.date, "source": a.source, "text": a.text} for a in lesson.articles],
        "options": {
            "basemap": lesson.basemap,
            "layers": list(lesson.layers) if lesson.layers is not None else None,
            "opening_date": lesson.opening_date,
        },
        "steps": {step_key(*k): _edit_json(e) for k, e in lesson.steps},
    }
    return json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


class _Reader:
    """Checks one document field by field; the first problem is raised with where it is."""

    def __init__(self, label: str):
        self.label = label

    def fail(self, where: str, why: str) -> LessonError:
        return LessonError(f"{self.label}: {where}: {why}")

    def obj(self, value: Any, where: str, allowed: set[str]) -> dict:
        if not isinstance(value, dict):
            raise self.fail(where, "is not an object")
        unknown = sorted(set(value) - allowed)
        if unknown:
            raise self.fail(where, f"has a field this version does not know: {shown(unknown[0])}")
        return value

    def text(self, value: Any, where: str, limit: int, default: str = "") -> str:
        if value is None:
            return default
        if not isinstance(value, str):
            raise self.fail(where, "is not text")
        if len(value) > limit:
            raise self.fail(where, f"is longer than {limit:,} characters")
        if "\x00" in value:
            raise self.fail(where, "holds a NUL character (a binary file?)")
        return value

    def texts(self, value: Any, where: str, count: int, limit: int) -> tuple[str, ...]:
        if value is None:
            return ()
        if not isinstance(value, list) or len(value) > count:
            raise self.fail(where, f"is not a list of at most {count} texts")
        return tuple(self.text(v, f"{where}[{i}]", limit) for i, v in enumerate(value))

    def number(self, value: Any, where: str, bound: float) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            raise self.fail(where, "is not a number")
        if abs(value) > bound:
            raise self.fail(where, f"is outside ±{bound:g}")
        return float(value)

    def point(self, value: Any, where: str) -> tuple[str, float, float, dict]:
        doc = self.obj(value, where, {"name", "lon", "lat", "source"})
        name = self.text(doc.get("name"), f"{where}.name", MAX_TITLE)
        if not name.strip():
            raise self.fail(f"{where}.name", "is empty")
        return (
            name,
            self.number(doc.get("lon"), f"{where}.lon", 180),
            self.number(doc.get("lat"), f"{where}.lat", 90),
            doc,
        )

    def edit(self, value: Any, where: str) -> StepEdit:
        allowed = {"title", "hidden", "date", "note", "questions", "removed", "added", "moved"}
        doc = self.obj(value, where, allowed)
        hidden = doc.get("hidden", False)
        if not isinstance(hidden, bool):
            raise self.fail(f"{where}.hidden", "is not true or false")
        added, moved = [], []
        for i, item in enumerate(_list(doc.get("added"), self, f"{where}.added")):
            name, lon, lat, raw = self.point(item, f"{where}.added[{i}]")
            source = self.text(
                raw.get("source"), f"{where}.added[{i}].source", MAX_TITLE, "added by the lesson's author"
            )
            added.append(AddedPlace(name, lon, lat, source))
        for i, item in enumerate(_list(doc.get("moved"), self, f"{where}.moved")):
            name, lon, lat, _ = self.point(item, f"{where}.moved[{i}]")
            moved.append((name, lon, lat))
        return StepEdit(
            title=self.text(doc.get("title"), f"{where}.title", MAX_TITLE),
            hidden=hidden,
            date=_day(self, self.text(doc.get("date"), f"{where}.date", 10), f"{where}.date"),
            note=self.text(doc.get("note"), f"{where}.note", MAX_NOTE),
            questions=self.texts(doc.get("questions"), f"{where}.questions", MAX_QUESTIONS, MAX_TITLE * 2),
            removed=self.texts(doc.get("removed"), f"{where}.removed", MAX_PLACES, MAX_TITLE),
            added=tuple(added),
            moved=tuple(moved),
        )


def _list(value: Any, reader: _Reader, where: str) -> list:
    if value is None:
        return []
    if not isinstance(value, list) or len(value) > MAX_PLACES:
        raise reader.fail(where, f"is not a list of at most {MAX_PLACES} places")
    return value


def _day(reader: _Reader, value: str, where: str) -> str:
    if not value:
        return ""
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise reader.fail(where, f"{shown(value)} is not a day written YYYY-MM-DD") from None
    return value


def _key(reader: _Reader, key: str) -> tuple[int, int]:
    parts = key.split(":")
    if len(parts) != 2 or not all(p.isdigit() and len(p) <= 6 for p in parts):
        raise reader.fail(f"steps.{shown(key)}", "is not a step's key (article:paragraph, as 1:3)")
    return int(parts[0]), int(parts[1])


def lesson_from_json(data: bytes | str, label: str = "lesson") -> Lesson:
    """A lesson from its file, checked whole before anything uses it; :class:`LessonError` names the first problem."""
    reader = _Reader(shown(label))
    size = len(data) if isinstance(data, bytes) else len(data.encode("utf-8", "surrogatepass"))
    if size > MAX_LESSON_BYTES:
        raise reader.fail("the file", f"{size:,} bytes is more than the {MAX_LESSON_BYTES:,}-byte limit")
    try:
        doc = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise reader.fail("the file", f"is not a lesson (not UTF-8 JSON: {type(exc).__name__})") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise reader.fail("the file", f'is not a tripp-map lesson (no "format": "{FORMAT}")')
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise reader.fail("version", "is not a version number")
    if version > VERSION:
        raise reader.fail("version", f"{version} was written by a newer tripp-map (this one reads up to {VERSION})")
    doc = reader.obj(doc, "the file", {"format", "version", "title", "articles", "options", "steps"})
    articles = doc.get("articles") or []
    if not isinstance(articles, list) or len(articles) > MAX_ARTICLES:
        raise reader.fail("articles", f"is not a list of at most {MAX_ARTICLES} articles")
    read = []
    for i, item in enumerate(articles):
        a = reader.obj(item, f"articles[{i}]", {"name", "date", "source", "text"})
        text = reader.text(a.get("text"), f"articles[{i}].text", MAX_LESSON_BYTES)
        if not text.strip():
            raise reader.fail(f"articles[{i}].text", "is empty")
        read.append(
            Article(
                text=text,
                name=reader.text(a.get("name"), f"articles[{i}].name", MAX_TITLE, f"article {i + 1}"),
                date=_day(reader, reader.text(a.get("date"), f"articles[{i}].date", 10), f"articles[{i}].date"),
                source=reader.text(a.get("source"), f"articles[{i}].source", MAX_TITLE * 3),
            )
        )
    options = reader.obj(doc.get("options") or {}, "options", {"basemap", "layers", "opening_date"})
    layers = options.get("layers")
    steps = reader.obj(doc.get("steps") or {}, "steps", set(doc.get("steps") or {}))
    edits = sorted((_key(reader, k), reader.edit(v, f"steps.{shown(k)}")) for k, v in steps.items())
    title = reader.text(doc.get("title"), "title", MAX_TITLE, "The TRIPP corridor")
    return Lesson(
        title=title.strip() or "The TRIPP corridor",
        articles=tuple(read),
        basemap=reader.text(options.get("basemap"), "options.basemap", 20, "bundled"),
        layers=None if layers is None else reader.texts(layers, "options.layers", 100, 100),
        opening_date=_day(
            reader, reader.text(options.get("opening_date"), "options.opening_date", 10), "options.opening_date"
        ),
        steps=tuple((k, e) for k, e in edits if not e.is_empty()),
    )


def read_lesson(path: Path) -> Lesson:
    """A lesson file (a regular file, at most :data:`MAX_LESSON_BYTES`), checked whole."""
    return lesson_from_json(read_regular_file(path, MAX_LESSON_BYTES, LessonError), path.name)
