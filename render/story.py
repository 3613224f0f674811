"""The story's steps: a title step, then one per paragraph, with titles, text, view and layers.

Steps are data for ``static/story.js``; the rules for which layers a step
shows come from :mod:`layers.story`. Every text is escaped here.
"""

from __future__ import annotations

import json

import geopandas as gpd

from geo.region import VIEW_BOUNDS
from layers.excerpts import event_titles
from layers.story import HEADLINE, OPENING_VIEW, STEP_RULES, area_extents, views
from render.html import esc, isolate

__all__ = [
    "article_facts",
    "corpus_story_options",
    "rules_for",
    "step_frame",
    "step_title",
    "story_options",
    "teacher_html",
]

HOW_TO = (
    "Press Start or the → key to step through the article, ← to go back; Home and End jump to the first and "
    "last step. Present (or the P key) fills the screen for a projector. Click a number on the map to read "
    "its paragraph."
)


def step_title(places: list[str], paragraph: int) -> str:
    """A step's title from the places its paragraph names (at most three), or its number."""
    return " · ".join(places[:3]) + (" …" if len(places) > 3 else "") if places else f"Paragraph {paragraph}"


def article_facts(gdf: gpd.GeoDataFrame) -> str:
    """One line about the article of an excerpts layer: its date, source and length."""
    first = gdf.iloc[0] if len(gdf) else None
    date = str(first["date"]) if first is not None and first["date"] else "no date given"
    source = isolate(first["source"]) if first is not None else ""
    return f"Article of {isolate(date)} · {source} · {len(gdf)} paragraphs"


def teacher_html(row) -> str:
    """A lesson's note and questions for a step, escaped and direction-isolated; "" for none."""
    note = row.get("note") or ""
    questions = json.loads(row.get("questions") or "[]")
    html = f'<p class="tripp-step-note" dir="auto"><b>Teacher’s note:</b> {esc(note)}</p>' if note else ""
    if questions:
        items = "".join(f'<li dir="auto">{esc(q)}</li>' for q in questions)
        html += f'<p class="tripp-step-note"><b>Questions</b></p><ol class="tripp-questions">{items}</ol>'
    return html


def _title_step(title: str, gdf: gpd.GeoDataFrame, date: str = "") -> dict:
    facts = article_facts(gdf)
    html = (
        f'<p class="tripp-lede">{esc(HEADLINE)}</p>'
        f'<p class="tripp-step-meta">{esc(facts)}</p>'
        f'<p class="tripp-how">{esc(HOW_TO)}</p>'
    )
    step = {"key": None, "title": esc(isolate(title)), "html": html, "view": OPENING_VIEW, "bounds": None, "zoom": None}
    return {**step, "date": date} if date else step


def rules_for(row) -> tuple[list[str], list[str], str | None, str | None]:
    """What a paragraph's step shows, hides, frames and dates, from the layers and events it names."""
    named = set(json.loads(row["layers"]))
    linked = set(json.loads(row["events"]))
    show: list[str] = []
    hide: list[str] = []
    view = date = None
    for rule in STEP_RULES:
        if (rule.layer and rule.layer in named) or (rule.event and rule.event in linked):
            show += [n for n in rule.show if n not in show]
            hide += [n for n in rule.hide if n not in hide]
            view = rule.view or view
            date = rule.date or date
    return show, [n for n in hide if n not in show], view, date


Box = list[list[float]]  # [[south, west], [north, east]]


def _union(boxes: list) -> Box | None:
    if not boxes:
        return None
    return [
        [min(b[0][0] for b in boxes), min(b[0][1] for b in boxes)],
        [max(b[1][0] for b in boxes), max(b[1][1] for b in boxes)],
    ]


def step_frame(named: list[str], where: dict, view: str | None) -> tuple[Box | None, int | None]:
    """What a step frames, and the most it zooms: every near place it names, every area it names whole
    (a country, a province), the view its rules ask for; a step naming only far places frames the region,
    where its callout points the way. A single town is not zoomed past ``where["zoom"]``."""
    extents = area_extents()
    boxes: list = [[list(c) for c in extents[name]] for name in named if name in extents]
    if view:
        boxes.append([list(c) for c in views()[view]])
    if where.get("callout"):
        boxes.append([list(c) for c in VIEW_BOUNDS])
    elif where.get("bounds"):
        boxes.append(where["bounds"])
    single = len(boxes) == 1 and where.get("bounds") is not None and not view and not where.get("callout")
    return _union(boxes), where["zoom"] if single else None


def story_options(
    title: str, gdf: gpd.GeoDataFrame, places: list[dict], parent_keys: bool, text_link: str, opening_date: str = ""
) -> dict:
    """The options of ``TrippMap.addStory``: steps (title step first), named views, how keys are read.

    Parameters
    ----------
    title : the map's title, shown on the title step.
    gdf : the excerpts layer, one row per paragraph.
    places : where each paragraph is drawn, from :func:`render.excerpts.excerpt_features`.
    parent_keys : also step on key presses in the page embedding the map (the app).
    text_link : the anchor of the text version, or "" for none.
    opening_date : the title step's date (a lesson's opening date); "" for today.
    """
    titles = event_titles()
    steps = [_title_step(title, gdf, opening_date)]
    for (_, row), where in zip(gdf.iterrows(), places, strict=True):
        named = json.loads(row["places"])
        events = "; ".join(titles.get(e, e) for e in json.loads(row["events"]))
        meta = " · ".join(
            part
            for part in (
                isolate(row["date"] or ""),
                isolate(row["source"] or ""),
                f"Places: {', '.join(named) or 'none'}",
            )
            if part
        )
        html = f'<p class="tripp-step-text" dir="auto">{esc(row["text"])}</p><p class="tripp-step-meta">{esc(meta)}</p>'
        if events:
            html += f'<p class="tripp-step-meta">{esc("Events: " + events)}</p>'
        html += teacher_html(row)
        own = row.get("step_title") or ""  # a lesson's title for the step, as its author wrote it
        show, hide, view, date = rules_for(row)
        bounds, zoom = step_frame(named, where, view)
        steps.append(
            {
                "key": where["key"],
                "title": esc(isolate(own) if own else step_title(named, int(row["paragraph"]))),
                "html": html,
                "bounds": bounds,
                "view": view if bounds is None else None,
                "zoom": zoom,
                "show": show,
                "hide": hide,
                # Each step owns its date: the event it tells, or the article's (the title step: today).
                "date": row.get("step_date") or date or (str(row["date"]) if row["date"] else None),
            }
        )
    named_views = {name: [list(corner) for corner in box] for name, box in views().items()}
    return {
        "title": esc(title),
        "steps": steps,
        "views": named_views,
        "opening": OPENING_VIEW,
        "parentKeys": parent_keys,
        "textLink": text_link,
    }


CORPUS_HOW_TO = (
    "Each step is one article: Next and → go through them, and “Read this article step by step” opens its "
    "paragraphs. On the map each circle is a place, sized by how many excerpts name it; click one for the list, "
    "newest first. Filter the articles by words of their title or source, and by date, at the top left."
)


def corpus_story_options(
    title: str, payload: dict, article_steps: list[dict], parent_keys: bool, text_link: str
) -> dict:
    """The story of a map of many articles: a title step, then one step per article (see ``corpus.js``)."""
    dates = sorted(a["d"] for a in payload["articles"] if a["d"])
    span = f"from {dates[0]} to {dates[-1]}" if dates else "undated"
    facts = f"{len(payload['articles']):,} articles · {len(payload['excerpts']):,} excerpts · {span}"
    html = (
        f'<p class="tripp-lede">{esc(HEADLINE)}</p>'
        f'<p class="tripp-step-meta">{esc(facts)}</p>'
        f'<p class="tripp-how">{esc(CORPUS_HOW_TO)}</p>'
    )
    first = {"key": None, "title": esc(title), "html": html, "view": OPENING_VIEW, "bounds": None, "zoom": None}
    named_views = {name: [list(corner) for corner in box] for name, box in views().items()}
    return {
        "title": esc(title),
        "steps": [first, *article_steps],
        "views": named_views,
        "opening": OPENING_VIEW,
        "parentKeys": parent_keys,
        "textLink": text_link,
    }
