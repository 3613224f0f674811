"""tripp-map: the TRIPP corridor, explored in the browser. Run with ``scripts/app.sh``.

The only module that imports streamlit. Everything it shows comes from
``layers``: the same map builder the command line and the export use.
"""

from __future__ import annotations

import hashlib
import html
import uuid
from contextlib import asynccontextmanager
from pathlib import Path

import geopandas as gpd
import streamlit as st

from geo.articles import MAX_BYTES, Article, ArticleError, decode_article, paragraphs, parse_article
from geo.corpus import MAX_ARTICLES, corpus_of
from layers.excerpts import events, seed_article
from layers.registry import build_layer, corpus_excerpts, layer_names
from layers.route import TRIPP_ROUTE
from outputs import jobs
from outputs.export import excerpt_frames, render_html
from outputs.facts import facts_table, route_table
from outputs.memo import memo
from outputs.server import app_middleware, app_routes, publish_map
from render.assets import static_text
from render.corpus import corpus_payload, is_corpus
from render.html import md_literal
from render.mapbuilder import MapOptions, build_map
from render.text_version import text_version_html

HERE = Path(__file__).parent
TITLE = "The TRIPP corridor"
MAP_HEIGHT = 580  # px, where the window cannot say; app.css gives the map the window less the controls above it
APP_CSS = f"<style>{static_text('app.css')}</style>"
BASEMAPS = {"Bundled (offline)": "bundled", "OpenStreetMap (online)": "osm", "Light (online)": "light"}


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
    if not arts:
        return (seed_article(),)
    # The outlet the text names (a "source:" line, a dateline's agency) before the file's name.
    return tuple(
        Article(text, name, date, source=source or f"pasted or uploaded: {name}") for text, name, date, source in arts
    )


def _session() -> str:
    # A session's own name for the worker's accounting: no other session's share is touched.
    return st.session_state.setdefault("session_id", uuid.uuid4().hex)


def _found(arts: Articles) -> gpd.GeoDataFrame:
    """The excerpts of these articles, found in the worker (shared: a class pasting one article finds it once)."""
    return memo("found", 16).get(arts, lambda: jobs.find_excerpts(_session(), _articles(arts)))


def _excerpts(arts: Articles) -> gpd.GeoDataFrame:
    if not arts:
        return memo("seed", 1).get((), lambda: corpus_excerpts(_articles(())))
    kept = st.session_state.get("article_excerpts")
    return kept if kept is not None else _found(arts)


def _map_page(options: MapOptions, arts: Articles, excerpts: gpd.GeoDataFrame) -> str:
    """The address of the map's page on this server, made once per (options, articles) for every session.

    The page is the builder's own (Leaflet and the map's scripts linked from this server, which phones
    cache): a session is sent its address, not the map (outputs.server keeps the page in memory).
    """
    return "/" + memo("map", 16).get((options, arts), lambda: publish_map(_rendered(options, excerpts)))


def _rendered(options: MapOptions, excerpts: gpd.GeoDataFrame) -> bytes:
    # The export's own page (stable ids, a viewport that lets a phone pinch): what is exported is what was seen.
    return render_html(build_map(options, excerpt_frames(excerpts))).encode("utf-8")


def _show_map(options: MapOptions, arts: Articles, excerpts: gpd.GeoDataFrame) -> None:
    # The story, the layer toggles and the excerpt list run in the map's own page: nothing comes back, so no
    # click reruns this script. Its scripts name the frame ("Map of …") once they run.
    st.iframe(_map_page(options, arts, excerpts), height=MAP_HEIGHT, alt=f"Map: {TITLE}")


def _export(options: MapOptions, arts: Articles, excerpts: gpd.GeoDataFrame) -> bytes:
    return memo("export", 8).get(
        (options, arts), lambda: jobs.make_export(_session(), options.layers, excerpts, options.title)
    )


def _handout(arts: Articles, excerpts: gpd.GeoDataFrame) -> bytes:
    return memo("handout", 4).get(arts, lambda: jobs.make_handout(_session(), excerpts))


def _figure(arts: Articles, excerpts: gpd.GeoDataFrame) -> bytes:
    return memo("figure", 4).get(arts, lambda: jobs.make_figure(_session(), excerpts))


def _zip(layers: tuple[str, ...], arts: Articles, excerpts: gpd.GeoDataFrame) -> bytes:
    return memo("zip", 8).get((layers, arts), lambda: jobs.make_zip(_session(), layers, excerpts))


def _one_line(exc: Exception) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _download(label: str, build, file_name: str, mime: str, key: str, made_on_click: str | None = None) -> None:
    """A download whose file is made before its button is shown, so a click never fails or reruns the page.

    ``made_on_click``: the label of a button that makes a slow file (a handout) first; a quick one is made
    with the page. A failure is said in one line, where the button would be.
    """
    state = st.session_state
    asked = f"{key}_asked:{file_name}"  # per file: another article's handout is asked for anew
    if made_on_click and not state.get(asked):
        if not st.button(made_on_click, key=f"{key}_make"):
            return
        state[asked] = True
    try:
        with st.spinner(f"{label}: making it…"):
            data = build()
    except Exception as exc:  # a download that cannot be made says why, once: the app keeps running
        state[asked] = False
        st.error(md_literal(f"{label}: could not be made: {_one_line(exc)}"))
        return
    st.download_button(label, data, file_name=file_name, mime=mime, key=key, on_click="ignore")


def _read_uploads(uploads: list) -> tuple[list, list[str]]:
    """The uploaded articles that can be read, and a line for each that cannot (left out, the rest kept)."""
    read, notes = [], []
    for upload in uploads[:MAX_ARTICLES]:
        try:
            read.append(decode_article(upload.getvalue(), upload.name))
        except ArticleError as exc:
            notes.append(f"{exc}: left out")
    if len(uploads) > MAX_ARTICLES:
        notes.append(f"kept the first {MAX_ARTICLES:,} of {len(uploads):,} files")
    return read, notes


def _article_box() -> None:
    state = st.session_state
    with st.expander("Annotate other articles: paste or upload", expanded=False):
        pasted = st.text_area("Paste an article (UTF-8 text)", key="pasted", height=150)
        uploads = st.file_uploader(
            "…or upload .txt files (several at once: a term's coverage)",
            type=["txt"],
            key="upload",
            accept_multiple_files=True,
        )
        if st.button("Annotate", key="annotate", type="primary"):
            try:
                read, notes = _read_uploads(uploads or [])
                if pasted.strip():
                    read.append(parse_article(pasted, "pasted text"))
                    if uploads:  # both given: both read, and said so (never one silently merged into the other)
                        notes.insert(0, f"read together: the pasted text and {len(uploads):,} uploaded file(s)")
                if not read:
                    raise ArticleError(
                        notes[0].removesuffix(": left out")
                        if notes
                        else "pasted text: the article is empty (paste text, or choose .txt files of at most "
                        f"{MAX_BYTES // 1_000_000} MB each: a larger one is refused by the browser before it is sent)"
                    )
                corpus = corpus_of(read)
                arts = tuple((a.text, a.name, a.date, a.source) for a in corpus.articles)
                with st.spinner("Finding the places the articles name…"):
                    state.article_excerpts = _found(arts)
                state.article = arts
                state.article_error = ""
                dupes = [f"{name}: the same article as {kept}: counted once" for name, kept in corpus.duplicates]
                state.article_note = "; ".join([*notes, *corpus.notes, *dupes])
                state.article_summary = corpus.summary()
            except (ArticleError, jobs.OverBudget) as exc:
                state.article_error = str(exc)
                state.article_note = ""  # one message: the last article's notes do not stay beside this error
        if st.button("Back to the seed article", key="reset_article"):
            state.article = ()
            state.article_excerpts = None
            state.article_error = ""
            state.article_note = ""
            state.article_summary = ""
        if state.get("article_error"):
            st.error(md_literal(state.article_error))
        if state.get("article_note"):
            st.warning(md_literal(state.article_note))


def _text_version(excerpts: gpd.GeoDataFrame) -> None:
    # Built from escaped text (render.text_version): shown as HTML, never as Markdown. Many articles are
    # summed up by place, as in the export; each article's text is read in the map's story.
    route = build_layer(TRIPP_ROUTE.name)
    if is_corpus(excerpts):
        st.html(text_version_html(TITLE, route, None, corpus_payload(excerpts)))
    else:
        st.html(text_version_html(TITLE, route, excerpts))


def _standalone(options: MapOptions, arts: Articles, excerpts: gpd.GeoDataFrame) -> str:
    """The export of these articles, kept in the server's memory, for a full-window view of the map."""
    return publish_map(_export(MapOptions(assets="inline", title=TITLE), arts, excerpts))


def main() -> None:
    st.set_page_config(page_title=TITLE, page_icon=":railway_track:", layout="wide", initial_sidebar_state="collapsed")
    state = st.session_state
    state.setdefault("article", ())
    st.html(APP_CSS)

    st.title(TITLE)
    # In view, above the map: the basemap and the article box (a collapsed sidebar hid them; there is none:
    # the map's own title step says what the route is).
    choose, annotate = st.columns([3, 2])
    with choose:
        basemap = BASEMAPS[st.radio("Basemap", list(BASEMAPS), key="basemap", horizontal=True)]
    with annotate:
        _article_box()

    arts: Articles = state.article
    excerpts = _excerpts(arts)
    if state.get("article_summary") and len(arts) > 1:
        st.caption(md_literal(f"On the map: {state.article_summary}, {len(excerpts):,} excerpts"))
    for number, (text, name, _, _) in enumerate(arts, start=1):
        found = int((excerpts["article"] == number).sum())
        if found < len(paragraphs(text)):
            st.warning(md_literal(f"{name}: the place finder stopped after {found:,} paragraphs (time limit)"))
    # The story, layer toggles and excerpt choice all happen inside the map: no rerun, no rebuild.
    options = MapOptions(basemap=basemap, assets="served", in_app=True, title=TITLE)
    _show_map(options, arts, excerpts)
    # Built when asked (about a second), not on every page load.
    if st.button("Open the map on its own page", key="own_page"):
        st.link_button("Open it (full window, presenter mode)", f"{_standalone(options, arts, excerpts)}#present")
    st.markdown(
        "On its own page the map fills the window, for a projector. The map draws from this machine: "
        "nothing is fetched unless you pick an online basemap."
    )

    text_tab, facts_tab, timeline_tab, download_tab = st.tabs(["Text version", "Facts", "Timeline", "Download"])
    with text_tab:
        _text_version(excerpts)
    with facts_tab:
        # Tables that wrap, not scroll: a phone sees whole numbers ("29,743 km²", not "29,").
        st.table(memo("facts", 1).get((), facts_table), border="horizontal", hide_index=True)
        st.markdown("**The railway, measured on the line this map draws**")
        st.table(memo("route_facts", 1).get((), route_table), border="horizontal", hide_index=True)
    with timeline_tab:
        for event in events():
            when = event["date"] + (f" – {event['end_date']}" if event["end_date"] else "")
            st.markdown(
                f"**{html.escape(when)}** — {html.escape(event['title'])}: {html.escape(event['description'])} "
                f"*({html.escape(event['source'])})*"
            )
    with download_tab:
        joined = "\x00".join(text for text, *_ in arts)
        digest = hashlib.sha256(joined.encode("utf-8")).hexdigest()[:8] if arts else "seed"
        downloads = (
            (
                "Download this map as HTML (works offline)",
                lambda: _export(options, arts, excerpts),
                f"tripp-map-{digest}.html",
                "text/html",
                "dl_html",
            ),
            (
                "Download a handout to print (PDF: a title page and a page per paragraph)",
                lambda: _handout(arts, excerpts),
                f"tripp-map-handout-{digest}.pdf",
                "application/pdf",
                "dl_handout",
            ),
            (
                "Download a picture of the map for a slide (PNG, 1920×1080)",
                lambda: _figure(arts, excerpts),
                f"tripp-map-{digest}.png",
                "image/png",
                "dl_figure",
            ),
            (
                "Download the layers as GeoJSON (zip)",
                lambda: _zip(tuple(layer_names()), arts, excerpts),
                "tripp-map-layers.zip",
                "application/zip",
                "dl_zip",
            ),
        )
        if len(arts) > 1:
            # A handout has a page per paragraph and a picture one paragraph's step: they follow one article.
            downloads = tuple(d for d in downloads if d[4] not in ("dl_handout", "dl_figure"))
            st.caption("Handouts and pictures are made for one article at a time: annotate it alone for them.")
        slow = {"dl_handout": "Make a handout to print (PDF, about 15 s)", "dl_figure": "Make a picture (PNG)"}
        for label, build, file_name, mime, key in downloads:
            _download(label, build, file_name, mime, key, slow.get(key))


if __name__ == "__main__":  # Streamlit runs this file as the script; the server only imports it for ``app``
    main()
