"""A lesson's corrections laid over an article's excerpts: the first draft as the teacher corrected it.

The excerpts layer (``layers.excerpts``) is the place finder's draft; :func:`corrected` returns a new frame
with each paragraph's places removed, added or moved, its hidden paragraphs left out, and the step's own
title, date, note and questions in columns of their own (``step_title``, ``step_date``, ``note``,
``questions``) that the story, the export, the handout and the figure read. The draft is not changed.
"""

from __future__ import annotations

import json

import geopandas as gpd
import shapely

from geo.articles import Article
from geo.lesson import Lesson, StepEdit
from geo.region import in_region
from layers.excerpts import seed_article
from layers.registry import corpus_excerpts

__all__ = ["TEACHER", "corrected", "edited_columns", "lesson_articles", "lesson_excerpts", "step_places"]

TEACHER = "set by the lesson's author"  # the confidence of a place a teacher added or moved
edited_columns = ("step_title", "step_date", "note", "questions")


def step_places(row) -> list[list]:
    """A paragraph's places as ``[name, lon, lat, tier, layer]``, as the place finder found them."""
    return [list(p) for p in json.loads(_get(row, "points") or "[]")]


def _get(row, name: str, default=None):
    return row.get(name, default) if hasattr(row, "get") else getattr(row, name, default)


def _focus(points: list[list]) -> list[list]:
    # As geo.annotate's Excerpt.focus: the most specific places in the region, else every far one.
    near = [p for p in points if in_region(p[1], p[2])]
    if near:
        best = min(p[3] for p in near)
        return [p for p in near if p[3] == best]
    return points


def _apply(row: dict, edit: StepEdit) -> dict:
    out = dict(row)
    out["step_title"] = edit.title
    out["step_date"] = edit.date
    out["note"] = edit.note
    out["questions"] = json.dumps(list(edit.questions), ensure_ascii=False)
    if not (edit.removed or edit.added or edit.moved):
        return out
    removed = set(edit.removed)
    moved = {name: (lon, lat) for name, lon, lat in edit.moved}
    points = []
    for name, lon, lat, tier, layer in step_places(row):
        if name in removed:
            continue
        if name in moved:
            # A moved place is the teacher's: drawn where they put it, and as specific as a town.
            (lon, lat), tier = moved[name], 0
        points.append([name, lon, lat, tier, layer])
    known = {p[0] for p in points}
    points += [[p.name, p.lon, p.lat, 0, ""] for p in edit.added if p.name not in known]
    said = [c for c in json.loads(row.get("confidence") or "[]") if c["place"] not in removed]
    said = [c for c in said if c["place"] not in moved]
    said += [{"place": n, "level": TEACHER, "why": "moved"} for n in moved if n in known]
    said += [{"place": p.name, "level": TEACHER, "why": p.source} for p in edit.added if p.name not in known]
    focus = _focus(points)
    out.update(
        places=json.dumps([p[0] for p in points], ensure_ascii=False),
        points=json.dumps(points, ensure_ascii=False),
        confidence=json.dumps(said, ensure_ascii=False),
        far_places=json.dumps([p[0] for p in points if not in_region(p[1], p[2])], ensure_ascii=False),
        layers=json.dumps(sorted({p[4] for p in points if p[4]}), ensure_ascii=False),
        placed=bool(focus),
        placed_at="; ".join(p[0] for p in focus) if focus else "not placed: names no place",
        geometry=shapely.MultiPoint([(p[1], p[2]) for p in focus]) if focus else None,
    )
    return out


def corrected(excerpts: gpd.GeoDataFrame, lesson: Lesson | None) -> gpd.GeoDataFrame:
    """The excerpts as the lesson corrects them; the same frame (not a copy) when the lesson changes nothing."""
    if lesson is None or not lesson.steps or not len(excerpts):
        return excerpts
    rows = []
    for row in excerpts.to_dict("records"):
        edit = lesson.edit(int(row.get("article", 1)), int(row["paragraph"]))
        if edit.hidden:
            continue
        rows.append(_apply(row, edit))
    if not rows:
        return gpd.GeoDataFrame({"paragraph": [], "article": []}, geometry=gpd.GeoSeries([], crs=4326))
    return gpd.GeoDataFrame(rows, geometry="geometry", crs=excerpts.crs)


def lesson_articles(lesson: Lesson) -> tuple[Article, ...]:
    """The lesson's articles as the place finder reads them; the seed for a lesson of none."""
    if not lesson.articles:
        return (seed_article(),)
    return tuple(
        Article(a.text, a.name, a.date, source=a.source or f"pasted or uploaded: {a.name}") for a in lesson.articles
    )


def lesson_excerpts(lesson: Lesson) -> gpd.GeoDataFrame:
    """The lesson's excerpts: its articles annotated afresh, then corrected as its author corrected them."""
    return corrected(corpus_excerpts(lesson_articles(lesson)), lesson)
