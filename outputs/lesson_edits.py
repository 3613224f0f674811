"""What the app's lesson editor needs that is not Streamlit: a step's edit from its fields, links, a QR code.

Kept apart from ``app.py`` (the only module that imports streamlit) so each rule is tested on its own.
"""

from __future__ import annotations

import base64
import datetime as dt
import io
import re
from dataclasses import replace
from urllib.parse import urlencode, urlsplit, urlunsplit

import geopandas as gpd
import segno

from geo.articles import Article
from geo.gazetteer import Place, normalise
from geo.i18n import N_
from geo.lesson import AddedPlace, Lesson, LessonError, StepEdit
from geo.measure import GEOD
from geo.names import COUNTRY_CODES
from layers.corrections import step_places

__all__ = [
    "STEP_FIELDS",
    "checked_day",
    "draft_points",
    "edit_from_fields",
    "field_values",
    "find_by_name",
    "lesson_link",
    "lesson_of",
    "parse_point",
    "place_label",
    "qr_html",
    "questions_of",
    "step_index",
    "step_labels",
    "with_added",
    "with_places",
]

_POINT = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*[,;\s]\s*(-?\d+(?:\.\d+)?)\s*$")


def lesson_of(title: str, articles: tuple[tuple[str, str, str, str], ...], basemap: str) -> Lesson:
    """A new lesson of the articles on the map (text, name, date, source); none: the seed."""
    return Lesson(
        title=title.strip()[:300] or "The TRIPP corridor",
        articles=tuple(Article(text, name, date, source) for text, name, date, source in articles),
        basemap=basemap,
    )


def parse_point(text: str) -> tuple[float, float]:
    """``"39.21, 46.41"`` (latitude, longitude, as maps and GPS write them) → (lon, lat)."""
    match = _POINT.match(text or "")
    if not match:
        raise LessonError(f"{text.strip()[:40]!r} is not a point: write latitude, longitude (as 39.21, 46.41)")
    lat, lon = float(match.group(1)), float(match.group(2))
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise LessonError("a point's latitude is between -90 and 90, its longitude between -180 and 180")
    return lon, lat


def questions_of(text: str) -> tuple[str, ...]:
    """A question per non-blank line, as typed."""
    return tuple(line.strip() for line in (text or "").splitlines() if line.strip())


def draft_points(excerpts: gpd.GeoDataFrame, article: int, paragraph: int) -> list[tuple[str, float, float]]:
    """The places the place finder found in one paragraph (the draft): ``(name, lon, lat)``."""
    rows = excerpts[(excerpts["article"] == article) & (excerpts["paragraph"] == paragraph)]
    return [(p[0], p[1], p[2]) for p in step_places(rows.iloc[0])] if len(rows) else []


def _nearest(p: Place, near: tuple[tuple[str, float, float], ...]) -> tuple[float, str]:
    """How far ``p`` is from the nearest place of ``near`` (km), and that place's name; ``(0, "")`` for none."""
    if not near:
        return 0.0, ""
    lons, lats = [n[1] for n in near], [n[2] for n in near]
    _, _, metres = GEOD.inv([p.lon] * len(near), [p.lat] * len(near), lons, lats)
    best = min(range(len(near)), key=lambda i: metres[i])
    return metres[best] / 1000, near[best][0]


def find_by_name(finder, name: str, near: tuple[tuple[str, float, float], ...] = (), limit: int = 8) -> list[Place]:
    """The gazetteer's places of this name: those in the region first, then the nearest to the places the
    step already shows (``near``: ``(name, lon, lat)``; the namesake the text means is most often beside
    them), then the map's own curated places, then the most populous."""
    found = list(finder.candidates(normalise(name))) if name.strip() else []
    found.sort(key=lambda p: (not p.in_region, round(_nearest(p, near)[0]), p.population > 0, -p.population, p.key))
    return found[:limit]


def with_places(edit: StepEdit, draft: list[str], kept: list[str]) -> StepEdit:
    """The edit with the draft's places not in ``kept`` removed, and an added place not kept dropped."""
    return replace(
        edit,
        removed=tuple(n for n in draft if n not in kept),
        added=tuple(p for p in edit.added if p.name in kept),
    )


def with_added(edit: StepEdit, name: str, lon: float, lat: float, source: str, draft: tuple[str, ...] = ()) -> StepEdit:
    """The edit with a place added at a point; a place of the draft's name is moved there instead (the place
    finder chose a namesake: the teacher picks the one the text means), and shown again if it was removed."""
    kept = tuple(n for n in edit.removed if n != name)
    if name in draft:
        moved = (*(m for m in edit.moved if m[0] != name), (name, lon, lat))
        return replace(edit, moved=moved, removed=kept)
    added = (*(p for p in edit.added if p.name != name), AddedPlace(name, lon, lat, source))
    return replace(edit, added=added, removed=kept)


def lesson_link(base: str, lesson_id: str, key: str | None = None) -> str:
    """The view link (``?lesson=ID``), or with ``key`` the edit link, on the app's address ``base``."""
    scheme, netloc, path, _, _ = urlsplit(base)
    query = {"lesson": lesson_id, **({"key": key} if key else {})}
    return urlunsplit((scheme, netloc, path or "/", urlencode(query), ""))


def qr_html(url: str) -> str:
    """A QR code of ``url`` as an image (an SVG in a ``data:`` address: the app's HTML sanitiser keeps an
    ``img``, not an inline ``svg``), black on white with its quiet zone, big enough for the back of a room."""
    out = io.BytesIO()
    segno.make(url, error="m").save(out, kind="svg", scale=8, border=4, dark="#000", light="#fff", xmldecl=False)
    data = base64.b64encode(out.getvalue()).decode("ascii")
    alt = "QR code of the lesson's view link"
    return f'<img class="tripp-qr" src="data:image/svg+xml;base64,{data}" alt="{alt}" width="240" height="240">'


def checked_day(text: str) -> str:
    """A step's or the opening date as typed: "" or a real day written YYYY-MM-DD."""
    text = (text or "").strip()
    if text:
        try:
            dt.date.fromisoformat(text)
        except ValueError:
            raise LessonError(f"{text[:20]!r} is not a day written YYYY-MM-DD: the date was not changed") from None
    return text


def step_index(excerpts: gpd.GeoDataFrame, article: int, paragraph: int) -> int | None:
    """The story's step of a paragraph in the corrected excerpts (the title step is 0), or None when hidden."""
    for i, row in enumerate(excerpts[["article", "paragraph"]].itertuples(index=False), start=1):
        if (int(row.article), int(row.paragraph)) == (article, paragraph):
            return i
    return None


def step_labels(draft: gpd.GeoDataFrame) -> list[str]:
    """What the editor's step list says of each paragraph: its number and its first words, as written."""
    many = draft["article"].nunique() > 1 if len(draft) else False
    return [
        f"{f'Article {r.article}, ' if many else ''}Paragraph {r.paragraph}: {' '.join(str(r.text).split())[:70]}"
        for r in draft[["article", "paragraph", "text"]].itertuples(index=False)
    ]


def place_label(p: Place, near: tuple[tuple[str, float, float], ...] = ()) -> str:
    """A namesake told apart: its kind, country, point and how far it is from the step's nearest place."""
    country = next((name for name, code in COUNTRY_CODES.items() if code == p.country), p.country)
    km, beside = _nearest(p, tuple(n for n in near if n[0] != p.name))
    where = f", {km:,.0f} km from {beside}" if beside else ""
    return f"{p.name} — {p.kind}{f' in {country}' if country else ''}, {p.lat:.3f}° N {p.lon:.3f}° E{where}"


# The fields of a step in the editor, in order: (field of StepEdit, label, widget).
STEP_FIELDS = (
    ("title", N_("Step title (blank: the places it names)"), "text"),
    ("date", N_("Step date (YYYY-MM-DD; blank: its own)"), "text"),
    ("note", N_("Note for the class"), "area"),
    ("questions", N_("Questions (one per line)"), "area"),
    ("hidden", N_("Hide this paragraph from the story"), "check"),
)


def field_values(edit: StepEdit) -> dict:
    """A step's edit as the editor's fields show it."""
    return {
        "title": edit.title,
        "date": edit.date,
        "note": edit.note,
        "questions": "\n".join(edit.questions),
        "hidden": edit.hidden,
    }


def edit_from_fields(edit: StepEdit, values: dict, draft: list[str], kept: list[str]) -> StepEdit:
    """The step's edit from the editor's fields and the places kept; :class:`LessonError` for a bad date."""
    changed = replace(
        edit,
        title=values["title"].strip(),
        hidden=bool(values["hidden"]),
        date=checked_day(values["date"]),
        note=values["note"].strip(),
        questions=questions_of(values["questions"]),
    )
    return with_places(changed, draft, kept)
