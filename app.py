"""tripp-map: the TRIPP corridor, explored in the browser. Run with ``scripts/app.sh``.

The only module that imports streamlit. Everything it shows comes from
``layers``: the same map builder the command line and the export use.
"""

from __future__ import annotations

import hashlib
import uuid
from contextlib import asynccontextmanager
from dataclasses import replace
from pathlib import Path

import geopandas as gpd
import streamlit as st

from geo.articles import Article, ArticleError, paragraphs
from geo.corpus import submitted_corpus
from geo.errors import TrippError, one_line
from geo.i18n import LANGUAGES, prefer_language, tr
from geo.lesson import lesson_to_json
from layers.corrections import corrected, lesson_articles
from layers.registry import build_layer, corpus_excerpts, layer_names, place_finder
from layers.route import TRIPP_ROUTE
from outputs import jobs
from outputs import lesson_edits as edits
from outputs.app_words import BASEMAPS, BOX, LANGUAGE_LABEL, OWN_PAGE_NOTE, QUIET, TABS, TITLE
from outputs.downloads import download_specs
from outputs.export import excerpt_frames, render_html
from outputs.facts import facts_table, route_table, timeline_lines
from outputs.lesson_session import LessonSession
from outputs.lessons import LessonStore, default_url
from outputs.memo import memo
from outputs.server import app_middleware, app_routes, publish_map
from render.assets import static_text
from render.corpus import corpus_payload, is_corpus
from render.html import md_literal
from render.mapbuilder import MapOptions, build_map
from render.text_version import text_version_html

HERE = Path(__file__).parent
MAP_HEIGHT = 580  # px, where the window cannot say; app.css gives the map the window less the controls above it
APP_CSS = f"<style>{static_text('app.css')}</style>"


def _(message: str, **slots: object) -> str:  # the page's words in the reader's language (geo/locale)
    return tr(message, st.session_state.get("lang", "en"), **slots)


@asynccontextmanager
async def _lifespan(_app):
    jobs.warm()  # the place finder's worker starts with the server, not at the first student's click
    yield


# The server: Streamlit's, with the map's files and map pages answered from memory, its headers, and
# (run by ``tripp-map app``) slow clients cut (outputs.server).
app = st.App(HERE / "app.py", routes=app_routes(), middleware=app_middleware(), lifespan=_lifespan)

# The articles on the map, as (text, name, date, source) tuples: none is the seed. Plain tuples, so they key the
# caches. Every cache is this process's (outputs.memo), shared by every session and out of reach of the
# browser's "clear cache" message; what a session pasted is kept in its own state.
Articles = tuple[tuple[str, str, str, str], ...]


def _articles(arts: Articles) -> tuple[Article, ...]:
    # The outlet the text names (a "source:" line, a dateline's agency) before the file's name; none: the seed.
    return lesson_articles(edits.lesson_of("", arts, "bundled"))


def _session() -> str:  # a session's own name for the worker's accounting: no other's share is touched
    return st.session_state.setdefault("session_id", uuid.uuid4().hex)


def _found(arts: Articles, here_up_to: int = 0) -> gpd.GeoDataFrame:
    """The excerpts of these articles, found in the worker (shared: a class pasting one article finds it once)."""
    return memo("found", 16).get(arts, lambda: jobs.find_excerpts(_session(), _articles(arts), here_up_to))


def _excerpts(arts: Articles) -> gpd.GeoDataFrame:
    if not arts:
        return memo("seed", 1).get((), lambda: corpus_excerpts(_articles(())))
    kept = st.session_state.get("article_excerpts")
    return kept if kept is not None else _found(arts, jobs.LESSON_HERE_CHARS if _ls().lesson else 0)


def _map_page(options: MapOptions, what: tuple, excerpts: gpd.GeoDataFrame) -> str:
    """The address of the map's page on this server, made once per (options, articles) for every session.

    The page is the export's own (stable ids, a viewport that lets a phone pinch; what is exported is what was
    seen) with Leaflet and the map's scripts linked from this server, which phones cache.
    """
    page = lambda: render_html(build_map(options, excerpt_frames(excerpts))).encode("utf-8")  # noqa: E731
    return "/" + memo("map", 16).get((options, what), lambda: publish_map(page()))


def _export(options: MapOptions, excerpts: gpd.GeoDataFrame) -> bytes:
    return jobs.make_export(_session(), options.layers, excerpts, options.title, options.opening_date, options.lang)


def _show_map(options: MapOptions, what: tuple, excerpts: gpd.GeoDataFrame) -> None:
    # The story, the layer toggles and the excerpt list run in the map's own page: nothing comes back, so no
    # click reruns this script. Its scripts name the frame ("Map of …") once they run.
    at = st.session_state.get("map_hash", "")  # the step a teacher is editing, shown as they change it
    st.iframe(_map_page(options, what, excerpts) + at, height=MAP_HEIGHT, alt=_("Map: {title}", title=options.title))


def _made(kind: str, what: tuple, make) -> bytes:
    """A download's file, made once per map for every session (``make`` runs in the worker, in the session's share)."""
    return memo(kind, 4).get(what, make)


def _download(label: str, build, file_name: str, mime: str, key: str, made_on_click: str | None = None) -> None:
    """A download made before its button shows (a click never fails or reruns the page); a slow one (a handout)
    after a click on ``made_on_click``. A failure is said in one line, where the button would be."""
    state = st.session_state
    asked = f"{key}_asked:{file_name}"  # per file: another article's handout is asked for anew
    if made_on_click and not state.get(asked):
        if not st.button(made_on_click, key=f"{key}_make"):
            return
        state[asked] = True
    try:
        with st.spinner(_("{label}: making it…", label=label)):
            data = build()
    except Exception as exc:  # a download that cannot be made says why, once: the app keeps running
        state[asked] = False
        st.error(md_literal(_("{label}: could not be made: {why}", label=label, why=one_line(exc))))
        return
    st.download_button(label, data, file_name=file_name, mime=mime, key=key, on_click="ignore")


def _article_box() -> None:
    state = st.session_state
    pasted = st.text_area(_("Paste an article (UTF-8 text)"), key="pasted", height=150)
    label = _("…or upload .txt files (several at once: a term's coverage)")
    uploads = st.file_uploader(label, type=["txt"], key="upload", accept_multiple_files=True)
    if st.button(_("Annotate"), key="annotate", type="primary"):
        try:
            corpus, notes = submitted_corpus(pasted, [(u.getvalue(), u.name) for u in uploads or []])
            arts = tuple((a.text, a.name, a.date, a.source) for a in corpus.articles)
            with st.spinner(_("Finding the places the articles name…")):
                state.article_excerpts = _found(arts)
            state.article, state.article_error, state.article_note = arts, "", "; ".join(notes)
            state.article_summary = corpus.summary()
        except (ArticleError, jobs.OverBudget) as exc:
            state.article_error = str(exc)
            state.article_note = ""  # one message: the last article's notes do not stay beside this error
    if st.button(_("Back to the seed article"), key="reset_article"):
        state.article, state.article_excerpts = (), None
        state.article_error = state.article_note = state.article_summary = ""
    if state.get("article_error"):
        st.error(md_literal(state.article_error))
    if state.get("article_note"):
        st.warning(md_literal(state.article_note))


def _text_version(excerpts: gpd.GeoDataFrame, title: str) -> None:
    # Built from escaped text (render.text_version): shown as HTML, never as Markdown. Many articles are
    # summed up by place, as in the export; each article's text is read in the map's story.
    many = is_corpus(excerpts)
    route = build_layer(TRIPP_ROUTE.name)
    corpus, lang = corpus_payload(excerpts) if many else None, st.session_state.lang
    st.html(text_version_html(title, route, None if many else excerpts, corpus, lang))


def _standalone(options: MapOptions, what: tuple, excerpts: gpd.GeoDataFrame) -> str:
    """The export of these articles, kept in the server's memory, for a full-window view of the map."""
    return publish_map(_made("export", (options, what), lambda: _export(options, excerpts)))


# --- Lessons: the annotation as a first draft a teacher corrects, kept in the database (outputs.lessons) ---


def _store() -> LessonStore:  # one per process and database: SQLite by default, PostgreSQL by URL
    return memo("lesson_store", 4).get(default_url(), LessonStore)


def _ls() -> LessonSession:  # this session's lesson (outputs.lesson_session: its rules, tested without Streamlit)
    return st.session_state.setdefault("lessons", LessonSession())


def _held() -> None:  # the session holds another lesson: its articles and basemap become the page's
    state, ls = st.session_state, _ls()
    state.article, state.article_excerpts = ls.articles(), None
    state.basemap = next((k for k, v in BASEMAPS.items() if v == ls.lesson.basemap), next(iter(BASEMAPS)))
    if ls.new:
        st.query_params.from_dict({"lesson": ls.id, "key": ls.key})  # a reload keeps the lesson open to edit


def _open_lesson() -> None:
    wanted = st.query_params.get("lesson", "")  # the database is opened only for a lesson
    try:
        if wanted and _ls().open(_store(), wanted, st.query_params.get("key", "")):
            _held()
    except TrippError as exc:  # no database: the app runs on, with the seed, and says why
        _ls().error = one_line(exc)


def _create(basemap: str) -> None:
    arts = st.session_state.article
    if _ls().create(lambda: _store().create(edits.lesson_of(st.session_state.lesson_title_new, arts, basemap))):
        _held()


def _import() -> None:
    if (up := st.session_state.lesson_upload) and _ls().create(lambda: _store().import_file(up.getvalue(), up.name)):
        _held()


def _leave() -> None:
    state = st.session_state
    state.lessons, state.article, state.article_excerpts, state.map_hash = LessonSession(), (), None, ""
    st.query_params.clear()


def _lesson_box(basemap: str) -> None:
    ls = _ls()
    if ls.lesson is None:
        st.caption(_("Save this map as a lesson, to correct it and share it with a class:"))
        st.text_input(_("Lesson title"), value=TITLE, key="lesson_title_new")
        st.button(_("Save as a lesson"), key="lesson_create", type="primary", on_click=_create, args=(basemap,))
        st.file_uploader(_("…or open a lesson file (.json)"), type=["json"], key="lesson_upload")
        st.button(_("Open the lesson file"), key="lesson_import", on_click=_import)
        return
    view = edits.lesson_link(st.context.url or "./", ls.id)
    st.caption(_("View link, for the class (read-only):"))
    st.code(view, language=None, wrap_lines=True)
    st.html(memo("qr", 16).get(view, lambda: edits.qr_html(view)))  # the same for every student
    if ls.editing and ls.new:
        st.warning(_("Your edit link: keep it secret. It is shown this once, and only it can change the lesson."))
        st.code(edits.lesson_link(st.context.url or "./", ls.id, ls.key), language=None, wrap_lines=True)
    if ls.editing:
        data = lesson_to_json(ls.lesson).encode("utf-8")
        name = f"tripp-map-lesson-{ls.id}.json"
        label = _("Download the lesson (JSON, opens on another machine)")
        st.download_button(label, data, name, "application/json", key="lesson_download", on_click="ignore")
    st.button(_("Leave this lesson"), key="lesson_leave", on_click=_leave)


def _lesson_edited() -> None:
    state, ls = st.session_state, _ls()
    try:
        opening = edits.checked_day(state.ed_opening)
    except TrippError as exc:
        ls.error = str(exc)
        return
    ls.save(_store(), replace(ls.lesson, title=state.ed_lesson_title.strip()[:300] or TITLE, opening_date=opening))


def _edited(article: int, paragraph: int, draft: list[str]) -> None:
    """A step's fields changed: the step's edit made from them and saved."""
    state, ls, k = st.session_state, _ls(), f"{article}_{paragraph}"
    values = {name: state[f"ed_{name}_{k}"] for name, _, _ in edits.STEP_FIELDS}
    try:
        edit = edits.edit_from_fields(ls.lesson.edit(article, paragraph), values, draft, state[f"ed_places_{k}"])
    except TrippError as exc:
        ls.error = str(exc)
        return
    ls.save(_store(), ls.lesson.with_edit(article, paragraph, edit))


def _add_place(article: int, paragraph: int, draft: tuple, name: str, point: tuple[float, float], source: str) -> None:
    ls, key = _ls(), f"ed_places_{article}_{paragraph}"  # the list is set, not cleared: the browser keeps a cleared one
    edit = edits.with_added(ls.lesson.edit(article, paragraph), name, *point, source, draft)
    st.session_state[key] = [*(n for n in st.session_state.get(key, []) if n != name), name]
    ls.save(_store(), ls.lesson.with_edit(article, paragraph, edit))


def _place_adder(article: int, paragraph: int, near: tuple[tuple[str, float, float], ...]) -> None:
    k, draft = f"{article}_{paragraph}", tuple(n for n, _, _ in near)
    tip = _("A place already in the list is moved to the one you pick: the place finder chose a namesake.")
    name = st.text_input(_("Add a place by its name"), key=f"ed_add_{k}", placeholder=_("e.g. Agarak"), help=tip)
    found = edits.find_by_name(place_finder(), name, near)
    if found:
        labels = [edits.place_label(p, near) for p in found]
        pick = st.selectbox(_("Which one"), list(range(len(found))), key=f"ed_pick_{k}", format_func=labels.__getitem__)
        p = found[pick]
        args = (article, paragraph, draft, p.name, (p.lon, p.lat), p.source or "gazetteer")
        st.button(_("Add this place"), key=f"ed_add_go_{k}", on_click=_add_place, args=args)
    if name.strip():
        st.text_input(_("…or its point (latitude, longitude)"), key=f"ed_point_{k}", placeholder="38.93, 46.27")
        st.button(_("Add at this point"), key=f"ed_point_go_{k}", on_click=_add_point, args=(article, paragraph, draft))


def _add_point(article: int, paragraph: int, draft: tuple[str, ...]) -> None:
    state, k = st.session_state, f"{article}_{paragraph}"
    try:
        point = edits.parse_point(state[f"ed_point_{k}"])
    except TrippError as exc:
        _ls().error = str(exc)
        return
    _add_place(article, paragraph, draft, state[f"ed_add_{k}"].strip(), point, "a point given by the lesson's author")


def _editor(draft: gpd.GeoDataFrame, shown: gpd.GeoDataFrame) -> None:
    """Edit mode: per step its places (remove, add), title, date, note, questions, hide; each change saved."""
    state, ls = st.session_state, _ls()
    with st.expander(_("Edit the lesson: correct each step (every change is saved at once)"), expanded=True):
        st.text_input(_("Lesson title"), value=ls.lesson.title, key="ed_lesson_title", on_change=_lesson_edited)
        label = _("Opening date (YYYY-MM-DD; blank: today)")
        st.text_input(label, value=ls.lesson.opening_date, key="ed_opening", on_change=_lesson_edited)
        rows = list(draft[["article", "paragraph"]].itertuples(index=False))
        labels = edits.step_labels(draft)
        pick = st.selectbox(_("Step to edit"), list(range(len(rows))), key="ed_step", format_func=labels.__getitem__)
        article, paragraph = int(rows[pick].article), int(rows[pick].paragraph)
        index = edits.step_index(shown, article, paragraph)
        state.map_hash = f"#step={index}" if index is not None and len(state.article) < 2 else ""
        near, k = edits.draft_points(draft, article, paragraph), f"{article}_{paragraph}"
        edit, names = ls.lesson.edit(article, paragraph), [n for n, _, _ in near]
        now = [n for n in names if n not in edit.removed] + [p.name for p in edit.added]
        on = {"on_change": _edited, "args": (article, paragraph, names)}
        label = _("Places this step shows (remove one with its ×)")
        st.multiselect(label, [*names, *(p.name for p in edit.added)], default=now, key=f"ed_places_{k}", **on)
        _place_adder(article, paragraph, tuple(near))
        widgets = {"text": st.text_input, "area": st.text_area, "check": st.checkbox}
        for name, label, kind in edits.STEP_FIELDS:
            widgets[kind](_(label), value=edits.field_values(edit)[name], key=f"ed_{name}_{k}", **on)


def main() -> None:
    st.set_page_config(page_title=TITLE, page_icon=":railway_track:", layout="wide", initial_sidebar_state="collapsed")
    state = st.session_state
    state.setdefault("article", ())
    state.setdefault("lang", prefer_language(st.context.headers.get("Accept-Language")))  # the browser's first
    st.html(APP_CSS)
    _open_lesson()
    lesson, editing = _ls().lesson, _ls().editing
    title = lesson.title if lesson else TITLE
    head, language = st.columns([4, 1], vertical_alignment="bottom")  # the language beside the title
    head.title(md_literal(_(title) if title == TITLE else title))
    lang = language.selectbox(LANGUAGE_LABEL, list(LANGUAGES), format_func=LANGUAGES.get, key="lang", **QUIET)
    # In view above the map, not in a sidebar: the basemap, the article box and the lesson.
    choose, annotate = st.columns([3, 2])
    with choose:
        basemap = BASEMAPS[st.radio(_("Basemap"), list(BASEMAPS), key="basemap", horizontal=True, format_func=_)]
    with annotate, st.expander(_("Lesson: its links and file") if lesson else _(BOX), expanded=_ls().new):
        if not lesson:
            _article_box()
        _lesson_box(basemap)
    if lesson and not editing:
        st.caption(_("A lesson's view link: the story, presenter mode and downloads. It cannot edit the lesson."))
    if _ls().error:
        st.error(md_literal(_ls().error))

    arts: Articles = state.article
    draft = _excerpts(arts)
    if state.get("article_summary") and len(arts) > 1:
        st.caption(md_literal(_("On the map: {what}, {n} excerpts", what=state.article_summary, n=f"{len(draft):,}")))
    for number, (text, name, *_others) in enumerate(arts, start=1):
        found = int((draft["article"] == number).sum())
        if found < len(paragraphs(text)):
            stopped = _("{name}: the place finder stopped after {n} paragraphs (time limit)", name=name, n=found)
            st.warning(md_literal(stopped))
    what = (arts, lesson.steps if lesson else (), title)  # the caches' key: the articles, their corrections
    excerpts = memo("corrected", 16).get(what, lambda: corrected(draft, lesson))  # every student's the same
    where, beside = st.columns([3, 2]) if editing else (st.container(), None)  # the editor beside the map
    if beside is not None:
        with beside:
            _editor(draft, excerpts)
    # The story, layer toggles and excerpt choice all happen inside the map: no rerun, no rebuild.
    options = MapOptions(basemap=basemap, assets="served", in_app=True, title=title, lang=lang)
    if lesson:  # a lesson's own layers and opening date
        options = replace(options, layers=lesson.layers or options.layers, opening_date=lesson.opening_date)
    with where:
        _show_map(options, what, excerpts)
    # Built when asked (about a second), not on every page load.
    if st.button(_("Open the map on its own page"), key="own_page"):
        st.link_button(_("Open it (full window, presenter mode)"), f"{_standalone(options, what, excerpts)}#present")
    st.markdown(_(OWN_PAGE_NOTE))

    text_tab, facts_tab, timeline_tab, download_tab = st.tabs([_(tab) for tab in TABS])
    with text_tab:
        _text_version(excerpts, title)
    with facts_tab:
        # Tables that wrap, not scroll: a phone sees whole numbers ("29,743 km²", not "29,").
        st.table(memo("facts", 1).get((), facts_table), border="horizontal", hide_index=True)
        st.markdown(_("**The railway, measured on the line this map draws**"))
        st.table(memo("route_facts", 1).get((), route_table), border="horizontal", hide_index=True)
    with timeline_tab:
        st.markdown("\n\n".join(timeline_lines(lang)))
    with download_tab:
        joined = "\x00".join(text for text, *_ in arts)
        digest = hashlib.sha256(joined.encode("utf-8")).hexdigest()[:8] if arts else "seed"
        told = (*what, lang)  # a handout's words are in the reader's language
        builds = {
            "dl_html": lambda: _made("export", (options, what), lambda: _export(options, excerpts)),
            "dl_handout": lambda: _made("handout", told, lambda: jobs.make_handout(_session(), excerpts, title, lang)),
            "dl_figure": lambda: _made("figure", told, lambda: jobs.make_figure(_session(), excerpts, title, lang)),
            "dl_zip": lambda: _made("zip", what, lambda: jobs.make_zip(_session(), tuple(layer_names()), excerpts)),
        }
        if len(arts) > 1:
            st.caption(_("Handouts and pictures are made for one article at a time: annotate it alone for them."))
        for key, label, file_name, mime, slow in download_specs(digest, len(arts) > 1):
            _download(_(label), builds[key], file_name, mime, key, _(slow) if slow else None)


if __name__ == "__main__":  # Streamlit runs this file as the script; the server only imports it for ``app``
    main()
