"""tripp-map Streamlit app (placeholder until the map builder lands)."""

import streamlit as st

st.title("The TRIPP corridor")
st.write("The map is coming; run `tripp-map layers --out DIR` for the data.")
