"""The benchmark's baseline: a minimal Streamlit + st_folium app showing the same layers.

Plain folium.GeoJson per layer and a Next button that recentres the map. It
loads Leaflet from this machine as the real app does; with folium's default
CDN links it would never draw here, where there is no network.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import folium
import streamlit as st
from streamlit_folium import st_folium

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from geo.clean import clean_for_web
from geo.region import MAP_CENTRE
from layers.registry import build_layer, layer_names
from render.assets import served_files

# Streamlit's own static serving, as a minimal app would use it: Leaflet at /app/static/leaflet/.
for name, path in served_files().items():
    if name.startswith("leaflet/"):
        (Path(__file__).parent / "static" / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, Path(__file__).parent / "static" / name)
m = folium.Map(location=[MAP_CENTRE[1], MAP_CENTRE[0]], zoom_start=7, tiles=None)
m.default_js = [("leaflet", "/app/static/leaflet/leaflet.js")]
m.default_css = [("leaflet_css", "/app/static/leaflet/leaflet.css")]
for name in layer_names():
    folium.GeoJson(clean_for_web(build_layer(name)), name=name).add_to(m)
excerpts = clean_for_web(build_layer("excerpts"))
step = st.session_state.setdefault("step", 0)
if st.button("Next", key="next"):
    st.session_state.step = step = (step + 1) % len(excerpts)
point = excerpts.geometry.iloc[step].centroid
st_folium(m, key="map", height=640, width=900, returned_objects=[], center=(point.y, point.x), zoom=8)
