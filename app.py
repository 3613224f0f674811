"""tripp-map: the TRIPP corridor, explored in the browser. Run with ``scripts/app.sh``.

The only module that imports streamlit. Everything it shows comes from
``layers``: the same map builder the command line and the export use.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from pathlib import Path

import geopandas as gpd
import streamlit as st
from streamlit_folium import st_folium

from geo.articles import ArticleError, decode_article, parse_article
from layers.excerpts import events, seed_article
from layers.registry import LAYERS, article_excerpts, layer_names
from outputs.downloads import layers_zip
from outputs.export import excerpt_frames, render_html
from outputs.facts import facts_table, route_table
from render.assets import copy_served_assets
from render.mapbuilder import MapOptions, build_map

HERE = Path(__file__).parent
BASEMAPS = {"Bundled (offline)": "bundled", "OpenStreetMap (online)": "osm", "Light (online)": "light"}

st.set_page_config(page_title="The TRIPP corridor", page_icon=":railway_track:", layout="wide")


@st.cache_resource
def _serve_leaflet() -> None:
    # Streamlit serves ./static at /app/static: Leaflet and the map's scripts come from this machine.
    copy_served_assets(HERE / "static")


def _article(text: str, name: str):
    return parse_article(text, name, source=f"pasted or uploaded: {name}") if text else seed_article()


@st.cache_data(show_spinner=False)
def _excerpts(text: str, name: str) -> gpd.GeoDataFrame:
    return article_excerpts(_article(text, name))


def _frames(text: str, name: str) -> dict[str, gpd.GeoDataFrame]:
    return excerpt_frames(_excerpts(text, name))


def _map(options: MapOptions, text: str, name: str):
    # Built afresh on each run (about 40 ms once the layers are cached): a folium
    # map rendered twice repeats its layers, so a cached one breaks the second view.
    return build_map(options, _frames(text, name))


@st.cache_data(show_spinner=False, max_entries=8)
def _export(options: MapOptions, text: str, name: str) -> bytes:
    offline = MapOptions(layers=options.layers, assets="inline", title=options.title)
    return render_html(build_map(offline, _frames(text, name))).encode("utf-8")


@st.cache_data(show_spinner=False, max_entries=8)
def _zip(layers: tuple[str, ...], text: str, name: str) -> bytes:
    return layers_zip(layers, _frames(text, name))


CAPTION = "color: #666; font-size: 0.875rem;"
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def _literal(text: str) -> str:
    """Text that Streamlit's Markdown shows as written."""
    return _MARKDOWN.sub(r"\\\1", text)


def _escaped(text: str, css: str = "") -> None:
    st.markdown(f'<div style="{css}">{html.escape(text)}</div>', unsafe_allow_html=True)


def _article_box() -> None:
    state = st.session_state
    with st.sidebar.expander("Annotate another article", expanded=False):
        pasted = st.text_area("Paste an article (UTF-8 text)", key="pasted", height=150)
        upload = st.file_uploader("…or upload a .txt file", type=["txt"], key="upload")
        col1, col2 = st.columns(2)
        if col1.button("Annotate", key="annotate"):
            try:
                if upload is not None:
                    article = decode_article(upload.getvalue(), upload.name)
                else:
                    article = parse_article(pasted, "pasted text")
                state.article = (article.text, article.name)
                state.step = 0
                state.article_error = ""
            except ArticleError as exc:
                state.article_error = str(exc)
        if col2.button("Back to the seed", key="reset_article"):
            state.article = ("", "")
            state.step = 0
            state.article_error = ""
        if state.get("article_error"):
            st.error(state.article_error)


def main() -> None:
    _serve_leaflet()
    state = st.session_state
    state.setdefault("article", ("", ""))
    state.setdefault("step", 0)

    st.sidebar.title("The TRIPP corridor")
    st.sidebar.caption(
        "A proposed road-and-rail route across Armenia's Syunik province, linking mainland "
        "Azerbaijan with its Nakhchivan exclave."
    )
    st.sidebar.subheader("Layers")
    shown = tuple(
        layer.name for layer in LAYERS if st.sidebar.checkbox(layer.title, value=layer.shown, key=f"layer_{layer.name}")
    )
    basemap = BASEMAPS[st.sidebar.radio("Basemap", list(BASEMAPS), key="basemap")]
    _article_box()

    text, name = state.article
    excerpts = _excerpts(text, name)
    mode = st.radio("Mode", ["Explore", "Story"], horizontal=True, key="mode")
    # Widget labels render Markdown: article text is shown literally, not as links or emphasis.
    labels = [
        f"¶{r.paragraph} · {_literal(r.text[:70])}{'…' if len(r.text) > 70 else ''}" for r in excerpts.itertuples()
    ]

    focus = None
    map_col, side_col = st.columns([3, 2])
    with side_col:
        if mode == "Story":
            state.step = max(0, min(state.step, len(labels) - 1))
            prev_col, count_col, next_col = st.columns([1, 1, 1])
            if prev_col.button("◀ Previous", key="prev", shortcut="Left", width="stretch"):
                state.step = max(0, state.step - 1)
            if next_col.button("Next ▶", key="next", shortcut="Right", width="stretch"):
                state.step = min(len(labels) - 1, state.step + 1)
            count_col.markdown(f"**{state.step + 1} / {len(labels)}**")
            row = excerpts.iloc[state.step]
            focus = int(row["paragraph"])
            _escaped(row["text"], "font-size: 1.6rem; line-height: 1.4;")
            _escaped(
                f"Paragraph {focus} · {row['date'] or 'no date'} · {row['source']} · drawn at: {row['placed_at']}",
                CAPTION,
            )
        else:
            choice = st.radio(
                "Excerpts: choose one and the map goes there", ["(whole region)", *labels], key="excerpt_choice"
            )
            if choice != "(whole region)":
                focus = int(excerpts.iloc[labels.index(choice)]["paragraph"])
                row = excerpts.iloc[labels.index(choice)]
                _escaped(row["text"], "font-size: 1.1rem;")
                _escaped(f"Places: {', '.join(json.loads(row['places'])) or 'none'}", CAPTION)

    options = MapOptions(layers=shown, basemap=basemap, focus=focus, assets="served", in_app=True)
    with map_col:
        st_folium(_map(options, text, name), key="map", height=640, use_container_width=True, returned_objects=[])
        st.caption(
            "The map draws from this machine: no tiles or scripts are fetched unless you pick an online basemap."
        )

    facts_tab, timeline_tab, download_tab = st.tabs(["Facts", "Timeline", "Download"])
    with facts_tab:
        st.dataframe(facts_table(), hide_index=True, width="stretch")
        st.markdown("**The railway, measured on the line this map draws**")
        st.dataframe(route_table(), hide_index=True, width="stretch")
    with timeline_tab:
        for event in events():
            when = event["date"] + (f" – {event['end_date']}" if event["end_date"] else "")
            st.markdown(
                f"**{html.escape(when)}** — {html.escape(event['title'])}: {html.escape(event['description'])} "
                f"*({html.escape(event['source'])})*"
            )
    with download_tab:
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8] if text else "seed"
        # Built when clicked, not on every run, so the page opens quickly.
        st.download_button(
            "Download this map as HTML (works offline)",
            lambda: _export(options, text, name),
            file_name=f"tripp-map-{digest}.html",
            mime="text/html",
            key="dl_html",
        )
        st.download_button(
            "Download the layers as GeoJSON (zip)",
            lambda: _zip(shown or tuple(layer_names()), text, name),
            file_name="tripp-map-layers.zip",
            mime="application/zip",
            key="dl_zip",
        )


main()
