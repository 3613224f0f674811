"""The app's fixed words, marked for the message catalogue (``geo/locale``): the app shows each in the reader's
language (``app.py``'s ``_``). Streamlit is not imported here."""

from __future__ import annotations

from geo.i18n import N_

__all__ = ["BASEMAPS", "BOX", "LANGUAGE_LABEL", "OWN_PAGE_NOTE", "QUIET", "TABS", "TITLE"]

TITLE = N_("The TRIPP corridor")
BOX = N_("Other articles, and lessons")  # one line above the map on a 1024-pixel projector
BASEMAPS = {N_("Bundled (offline)"): "bundled", N_("OpenStreetMap (online)"): "osm", N_("Light (online)"): "light"}
TABS = (N_("Text version"), N_("Facts"), N_("Timeline"), N_("Download"))
OWN_PAGE_NOTE = N_(
    "On its own page the map fills the window, for a projector. The map draws from this machine: "
    "nothing is fetched unless you pick an online basemap."
)
# The chooser names itself in the four languages: a reader finds it whatever language the page is in.
LANGUAGE_LABEL = "Language · Լեզու · Dil · Язык"
QUIET = {"label_visibility": "collapsed"}  # the chooser shows the language it is in; its name is for screen readers
