"""tripp-map: the TRIPP corridor, explored in the browser. Run with ``scripts/app.sh``.

The only module that imports streamlit. Everything it shows comes from
``layers``: the same map builder the command line and the export use.
"""

from __future__ import annotations

import hashlib
import html
import tempfile
from pathlib import Path

import geopandas as gpd
import streamlit as st
import streamlit_folium as sf

from geo.articles import MAX_BYTES, Article, ArticleError, decode_article, paragraphs, parse_article
from geo.corpus import MAX_ARTICLES, corpus_of
from layers.excerpts import events, seed_article
from layers.registry import build_layer, corpus_excerpts, layer_names
from layers.route import TRIPP_ROUTE
from outputs.downloads import layers_zip
from outputs.export import excerpt_frames, export_page
from outputs.facts import facts_table, route_table
from outputs.files import atomic_write
from render.assets import copy_served_assets, static_text
from render.corpus import corpus_payload, is_corpus
from render.html import md_literal
from render.mapbuilder import MapOptions, build_map
from render.text_version import text_version_html

HERE = Path(__file__).parent
TITLE = "The TRIPP corridor"
MAP_HEIGHT = 620  # px: more than half of a 1280×800 window, in view without scrolling
APP_CSS = f"<style>{static_text('app.css')}</style>"
BASEMAPS = {"Bundled (offline)": "bundled", "OpenStreetMap (online)": "osm", "Light (online)": "light"}

st.set_page_config(
    page_title="The TRIPP corridor", page_icon=":railway_track:", layout="wide", initial_sidebar_state="collapsed"
)


@st.cache_resource
def _serve_static() -> None:
    # Streamlit serves ./static at /app/static: Leaflet and the map's scripts come from this machine.
    copy_served_assets(HERE / "static")


# The articles on the map, as (text, name, date) triples, read once: none is the seed. Plain tuples, so
# Streamlit can cache on them.
Articles = tuple[tuple[str, str, str], ...]


def _articles(arts: Articles) -> tuple[Article, ...]:
    if not arts:
        return (seed_article(),)
    return tuple(Article(text, name, date, source=f"pasted or uploaded: {name}") for text, name, date in arts)


@st.cache_data(show_spinner=False, max_entries=16)
def _excerpts(arts: Articles) -> gpd.GeoDataFrame:
    return corpus_excerpts(_articles(arts))


def _frames(arts: Articles) -> dict[str, gpd.GeoDataFrame]:
    return excerpt_frames(_excerpts(arts))


@st.cache_resource(show_spinner=False, max_entries=16)
def _map_payload(options: MapOptions, arts: Articles) -> dict:
    """What st_folium sends the browser for this map, made once per (options, article) for every session.

    A folium map renders once (rendered twice it repeats its layers), so rather than keep the map, this
    keeps its rendering: st_folium's own steps, done once (about 0.15 s of the server's time per page).
    """
    m = build_map(options, _frames(arts))
    m.get_root().render()
    m.render()
    html, header, script = sf._get_html(m), sf._get_header(m), sf._get_map_string(m)
    links = [e for e in _elements(m) if hasattr(e, "default_js")]
    js = list(dict.fromkeys(src for e in links for _, src in e.default_js))
    css = list(dict.fromkeys(href for e in links for _, href in e.default_css))
    return {
        "script": script,
        "header": header,
        "html": html,
        "id": sf.get_full_id(m),
        "key": sf.generate_js_hash(script, "map", False),
        "default": {},  # no returned objects, so no default values
        "css_links": css,
        "js_links": js,
    }


def _elements(element):
    yield element
    for child in getattr(element, "_children", {}).values():
        yield from _elements(child)


def _show_map(options: MapOptions, arts: Articles) -> None:
    # The story, the layer toggles and the excerpt list run in the map: it sends nothing back (returned
    # objects none), so no click reruns this script.
    sf._component_func(
        **_map_payload(options, arts),
        height=MAP_HEIGHT,
        width=None,
        returned_objects=[],
        zoom=None,
        center=None,
        feature_group=None,
        return_on_hover=False,
        layer_control=None,
        pixelated=False,
        wrap_longitude=False,
    )


@st.cache_data(show_spinner=False, max_entries=8)
def _export(options: MapOptions, arts: Articles) -> bytes:
    return export_page(options.layers, _excerpts(arts), title=options.title).encode("utf-8")


@st.cache_data(show_spinner=False)
def _facts() -> list[dict[str, str]]:
    return facts_table()


@st.cache_data(show_spinner=False)
def _route_facts() -> list[dict[str, str]]:
    return route_table()


def _through_file(suffix: str, write) -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"out{suffix}"
        write(path)
        return path.read_bytes()


@st.cache_data(show_spinner=False, max_entries=4)
def _handout(arts: Articles) -> bytes:
    from outputs.handout import write_handout  # matplotlib: loaded when a handout is asked for, not at start

    return _through_file(".pdf", lambda path: write_handout(path, _excerpts(arts)))


@st.cache_data(show_spinner=False, max_entries=4)
def _figure(arts: Articles) -> bytes:
    from outputs.handout import write_figure

    return _through_file(".png", lambda path: write_figure(path, _excerpts(arts)))


@st.cache_data(show_spinner=False, max_entries=8)
def _zip(layers: tuple[str, ...], arts: Articles) -> bytes:
    return layers_zip(layers, _frames(arts))


def _said(build, key: str):
    """A download's builder whose failure is told on the next run (a one-line reason), not lost."""

    def run() -> bytes:
        try:
            return build()
        except Exception as exc:  # a download that fails says why: the app keeps running
            reason = str(exc).splitlines()[0] if str(exc).strip() else type(exc).__name__
            st.session_state[f"{key}_failed"] = f"could not be made: {reason}"
            return b""

    return run


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
    with st.sidebar.expander("Annotate other articles", expanded=False):
        pasted = st.text_area("Paste an article (UTF-8 text)", key="pasted", height=150)
        uploads = st.file_uploader(
            "…or upload .txt files (several at once: a term's coverage)",
            type=["txt"],
            key="upload",
            accept_multiple_files=True,
        )
        col1, col2 = st.columns(2)
        if col1.button("Annotate", key="annotate"):
            try:
                read, notes = _read_uploads(uploads or [])
                if pasted.strip():
                    read.append(parse_article(pasted, "pasted text"))
                if not read:
                    raise ArticleError(
                        notes[0].removesuffix(": left out")
                        if notes
                        else "pasted text: the article is empty (paste text, or choose .txt files of at most "
                        f"{MAX_BYTES // 1_000_000} MB each: a larger one is refused by the browser before it is sent)"
                    )
                corpus = corpus_of(read)
                arts = tuple((a.text, a.name, a.date) for a in corpus.articles)
                with st.spinner("Finding the places the articles name…"):
                    _excerpts(arts)
                state.article = arts
                state.article_error = ""
                dupes = [f"{name}: the same article as {kept}: counted once" for name, kept in corpus.duplicates]
                state.article_note = "; ".join([*notes, *corpus.notes, *dupes])
                state.article_summary = corpus.summary()
            except ArticleError as exc:
                state.article_error = str(exc)
        if col2.button("Back to the seed", key="reset_article"):
            state.article = ()
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


@st.cache_data(show_spinner=False, max_entries=8)
def _standalone(arts: Articles) -> str:
    """The export of these articles, served from this machine, for a full-window view of the map."""
    data = _export(MapOptions(assets="inline", title=TITLE), arts)
    digest = hashlib.sha256(data).hexdigest()[:16]
    folder = HERE / "static" / "maps"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{digest}.html"
    if not path.exists():
        # Whole or not at all: a crash mid-write must not leave a truncated map to be served afterwards.
        atomic_write(path, lambda tmp: tmp.write_bytes(data))
    return f"app/static/maps/{digest}.html"


def main() -> None:
    _serve_static()
    state = st.session_state
    state.setdefault("article", ())
    st.html(APP_CSS)

    st.sidebar.markdown("**About this map**")
    st.sidebar.caption(
        "A proposed road-and-rail route across Armenia's Syunik province, linking mainland "
        "Azerbaijan with its Nakhchivan exclave."
    )
    basemap = BASEMAPS[st.sidebar.radio("Basemap", list(BASEMAPS), key="basemap")]
    _article_box()

    arts: Articles = state.article
    excerpts = _excerpts(arts)
    st.title(TITLE)
    if state.get("article_summary") and len(arts) > 1:
        st.caption(md_literal(f"On the map: {state.article_summary}, {len(excerpts):,} excerpts"))
    for number, (text, name, _) in enumerate(arts, start=1):
        found = int((excerpts["article"] == number).sum())
        if found < len(paragraphs(text)):
            st.warning(md_literal(f"{name}: the place finder stopped after {found:,} paragraphs (time limit)"))
    # The story, layer toggles and excerpt choice all happen inside the map: no rerun, no rebuild.
    options = MapOptions(basemap=basemap, assets="served", in_app=True, title=TITLE)
    _show_map(options, arts)
    own_page, note = st.columns([1, 3])
    # Built when asked (about a second), not on every page load.
    if own_page.button("Open the map on its own page", key="own_page"):
        st.link_button("Open it (full window, presenter mode)", f"{_standalone(arts)}#present")
    note.markdown(
        "On its own page the map fills the window, for a projector. The map draws from this machine: "
        "nothing is fetched unless you pick an online basemap."
    )

    text_tab, facts_tab, timeline_tab, download_tab = st.tabs(["Text version", "Facts", "Timeline", "Download"])
    with text_tab:
        _text_version(excerpts)
    with facts_tab:
        st.dataframe(_facts(), hide_index=True, width="stretch")
        st.markdown("**The railway, measured on the line this map draws**")
        st.dataframe(_route_facts(), hide_index=True, width="stretch")
    with timeline_tab:
        for event in events():
            when = event["date"] + (f" – {event['end_date']}" if event["end_date"] else "")
            st.markdown(
                f"**{html.escape(when)}** — {html.escape(event['title'])}: {html.escape(event['description'])} "
                f"*({html.escape(event['source'])})*"
            )
    with download_tab:
        joined = "\x00".join(text for text, _, _ in arts)
        digest = hashlib.sha256(joined.encode("utf-8")).hexdigest()[:8] if arts else "seed"
        downloads = (
            (
                "Download this map as HTML (works offline)",
                lambda: _export(options, arts),
                f"tripp-map-{digest}.html",
                "text/html",
                "dl_html",
            ),
            (
                "Download a handout to print (PDF: a title page and a page per paragraph)",
                lambda: _handout(arts),
                f"tripp-map-handout-{digest}.pdf",
                "application/pdf",
                "dl_handout",
            ),
            (
                "Download a picture of the map for a slide (PNG, 1920×1080)",
                lambda: _figure(arts),
                f"tripp-map-{digest}.png",
                "image/png",
                "dl_figure",
            ),
            (
                "Download the layers as GeoJSON (zip)",
                lambda: _zip(tuple(layer_names()), arts),
                "tripp-map-layers.zip",
                "application/zip",
                "dl_zip",
            ),
        )
        if len(arts) > 1:
            # A handout has a page per paragraph and a picture one paragraph's step: they follow one article.
            downloads = tuple(d for d in downloads if d[4] not in ("dl_handout", "dl_figure"))
            st.caption("Handouts and pictures are made for one article at a time: annotate it alone for them.")
        for label, build, file_name, mime, key in downloads:
            if st.session_state.get(f"{key}_failed"):
                st.error(md_literal(f"{label}: {st.session_state.pop(f'{key}_failed')}"))
            # Built when clicked, not on every run, so the page opens quickly.
            st.download_button(label, _said(build, key), file_name=file_name, mime=mime, key=key)


main()
