"""The story's steps: a title step, then one per paragraph, with titles, text, view and layers.

Steps are data for ``static/story.js``; the rules for which layers a step
shows come from :mod:`layers.story`. Every text is escaped here.
"""

from __future__ import annotations

import json

import geopandas as gpd

from geo.i18n import N_, language_of_text
from geo.region import VIEW_BOUNDS
from layers.excerpts import event_text
from layers.story import HEADLINE, OPENING_VIEW, STEP_RULES, area_extents, views
from render.html import esc, isolate
from render.i18n import say, say_text, word_list, words

__all__ = [
    "article_facts",
    "article_facts_html",
    "rules_for",
    "step_frame",
    "step_title",
    "story_options",
    "teacher_html",
]

HOW_TO = N_(
    "Press Start or the → key to step through the article, ← to go back; Home and End jump to the first and "
    "last step. Present (or the P key) fills the screen for a projector. Click a number on the map to read "
    "its paragraph."
)
DEFAULT_TITLE = N_("The TRIPP corridor")


def step_title(places: list[str], paragraph: int) -> str:
    """A step's title from the places its paragraph names (at most three), or its number."""
    return " · ".join(places[:3]) + (" …" if len(places) > 3 else "") if places else f"Paragraph {paragraph}"


def step_title_html(places: list[str], paragraph: int, lang: str) -> str:
    """:func:`step_title` as escaped HTML in ``lang``."""
    if not places:
        return say("Paragraph {n}", lang, n=paragraph)
    return " · ".join(words(p, lang) for p in places[:3]) + (" …" if len(places) > 3 else "")


def title_html(title: str, lang: str) -> str:
    """The map's title as escaped HTML: the default one in ``lang``, a person's as written."""
    return say(DEFAULT_TITLE, lang) if title == DEFAULT_TITLE else esc(isolate(title))


def article_facts(gdf: gpd.GeoDataFrame, lang: str = "en") -> str:
    """One line about the article of an excerpts layer: its date, source and length (text, for paper)."""
    first = gdf.iloc[0] if len(gdf) else None
    date = isolate(first["date"]) if first is not None and first["date"] else say_text("no date given", lang)
    source = isolate(first["source"]) if first is not None else ""
    return say_text("Article of {date} · {source} · {n} paragraphs", lang, date=date, source=source, n=len(gdf))


def article_facts_html(gdf: gpd.GeoDataFrame, lang: str = "en") -> str:
    """:func:`article_facts` as escaped HTML, marked for the page's language menu."""
    first = gdf.iloc[0] if len(gdf) else None
    date = isolate(first["date"]) if first is not None and first["date"] else {"msg": "no date given"}
    source = isolate(first["source"]) if first is not None else ""
    return say("Article of {date} · {source} · {n} paragraphs", lang, date=date, source=source, n=len(gdf))


def teacher_html(row, lang: str = "en") -> str:
    """A lesson's note and questions for a step, escaped and direction-isolated; "" for none."""
    note = row.get("note") or ""
    questions = json.loads(row.get("questions") or "[]")
    html = (
        f'<p class="tripp-step-note" dir="auto"><b>{say("Teacher’s note:", lang)}</b> {esc(note)}</p>' if note else ""
    )
    if questions:
        items = "".join(f'<li dir="auto">{esc(q)}</li>' for q in questions)
        html += (
            f'<p class="tripp-step-note"><b>{say("Questions", lang)}</b></p><ol class="tripp-questions">{items}</ol>'
        )
    return html


def title_step(title: str, facts_html: str, how_to: str, lang: str) -> dict:
    """The story's first step: the map's title, the headline, a line of facts (escaped HTML) and how to read it."""
    html = (
        f'<p class="tripp-lede">{say(HEADLINE, lang)}</p>'
        f'<p class="tripp-step-meta">{facts_html}</p>'
        f'<p class="tripp-how">{say(how_to, lang)}</p>'
    )
    return {
        "key": None,
        "title": title_html(title, lang),
        "html": html,
        "view": OPENING_VIEW,
        "bounds": None,
        "zoom": None,
    }


def _title_step(title: str, gdf: gpd.GeoDataFrame, date: str = "", lang: str = "en") -> dict:
    step = title_step(title, article_facts_html(gdf, lang), HOW_TO, lang)
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


# Areas a step frames whole only when it names nothing nearer: "Sus, between Armenia and Azerbaijan" is
# about Sus, and a frame from Nakhchivan to Baku would leave it a dot among its neighbours' markers.
_COUNTRY_AREAS = frozenset({"Armenia", "Azerbaijan"})
# A capital in a step often stands for its state ("Baku says", "talks in Yerevan"): it does not make the
# step local, and the countries it names are still framed whole.
_CAPITALS = frozenset({"Yerevan", "Baku", "Tbilisi"})


def step_frame(
    named: list[str], where: dict, view: str | None, far: frozenset[str] = frozenset()
) -> tuple[Box | None, int | None]:
    """What a step frames, and the most it zooms: every near place it names, every area it names whole
    (a province, the exclave, Karabakh; a country only when the step names no nearer place), the view its
    rules ask for; a step naming only far places frames the region, where its callout points the way. A
    single town is not zoomed past ``where["zoom"]``.

    ``far``: the names of the step's places outside the region (they get callouts, not frames)."""
    extents = area_extents()
    nearer = where.get("bounds") is not None and any(
        n not in extents and n not in far and n not in _CAPITALS for n in named
    )
    boxes: list = [
        [list(c) for c in extents[name]]
        for name in named
        if name in extents and not (nearer and name in _COUNTRY_AREAS)
    ]
    if view:
        boxes.append([list(c) for c in views()[view]])
    if where.get("callout"):
        boxes.append([list(c) for c in VIEW_BOUNDS])
    elif where.get("bounds"):
        boxes.append(where["bounds"])
    single = len(boxes) == 1 and where.get("bounds") is not None and not view and not where.get("callout")
    return _union(boxes), where["zoom"] if single else None


def story_options(
    title: str,
    gdf: gpd.GeoDataFrame,
    places: list[dict],
    parent_keys: bool,
    text_link: str,
    opening_date: str = "",
    lang: str = "en",
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
    lang : the language of the story's own words (the article's are as written).
    """
    steps = [_title_step(title, gdf, opening_date, lang)]
    for (_, row), where in zip(gdf.iterrows(), places, strict=True):
        named = json.loads(row["places"])
        events = "; ".join(esc(event_text(e, lang)) for e in json.loads(row["events"]))
        listed = word_list(named, lang) if named else say("none", lang)
        meta = " · ".join(
            part
            for part in (
                esc(isolate(row["date"] or "")),
                esc(isolate(row["source"] or "")),
                f"{say('Places:', lang)} {listed}",
            )
            if part
        )
        text_lang = language_of_text(str(row["text"]))
        lang_attr = f' lang="{text_lang}"' if text_lang else ""
        html = (
            f'<p class="tripp-step-text" dir="auto"{lang_attr}>{esc(row["text"])}</p>'
            f'<p class="tripp-step-meta">{meta}</p>'
        )
        if events:
            html += f'<p class="tripp-step-meta">{say("Events:", lang)} {events}</p>'
        html += teacher_html(row, lang)
        own = row.get("step_title") or ""  # a lesson's title for the step, as its author wrote it
        show, hide, view, date = rules_for(row)
        bounds, zoom = step_frame(named, where, view, frozenset(json.loads(row["far_places"])))
        steps.append(
            {
                "key": where["key"],
                "title": esc(isolate(own)) if own else step_title_html(named, int(row["paragraph"]), lang),
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
        "title": title_html(title, lang),
        "steps": steps,
        "views": named_views,
        "opening": OPENING_VIEW,
        "parentKeys": parent_keys,
        "textLink": text_link,
    }
