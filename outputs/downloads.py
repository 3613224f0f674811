"""What the app offers for download: the layers as GeoJSON in one zip, with their licence notice."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping

import geopandas as gpd

from geo.geojson import to_geojson
from geo.i18n import N_
from layers.registry import build_layer
from outputs.notice import NOTICE_NAME, data_about, notice_text

__all__ = ["DOWNLOADS", "download_specs", "layers_zip"]

# A fixed timestamp keeps the zip's bytes the same for the same layers.
_STAMP = (2026, 1, 1, 0, 0, 0)


def layers_zip(names: tuple[str, ...], frames: Mapping[str, gpd.GeoDataFrame] | None = None) -> bytes:
    """A zip of ``<layer>.geojson`` for each name; ``frames`` replace the registry's (an article's excerpts)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in names:
            frame = (frames or {}).get(name)
            frame = frame if frame is not None else build_layer(name)
            info = zipfile.ZipInfo(f"{name}.geojson", date_time=_STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, to_geojson(frame, about=data_about(frame)))
        info = zipfile.ZipInfo(NOTICE_NAME, date_time=_STAMP)
        info.compress_type = zipfile.ZIP_DEFLATED
        archive.writestr(info, notice_text())
    return buffer.getvalue()


# What the app's Download tab offers: (key, label, file name, type, label of the button that makes a slow one).
DOWNLOADS = (
    ("dl_html", N_("Download this map as HTML (works offline)"), "tripp-map-{digest}.html", "text/html", ""),
    (
        "dl_handout",
        N_("Download a handout to print (PDF: a title page and a page per paragraph)"),
        "tripp-map-handout-{digest}.pdf",
        "application/pdf",
        N_("Make a handout to print (PDF, about 15 s)"),
    ),
    (
        "dl_figure",
        N_("Download a picture of the map for a slide (PNG, 1920×1080)"),
        "tripp-map-{digest}.png",
        "image/png",
        N_("Make a picture (PNG)"),
    ),
    ("dl_zip", N_("Download the layers as GeoJSON (zip)"), "tripp-map-layers.zip", "application/zip", ""),
)
ONE_ARTICLE = ("dl_handout", "dl_figure")  # a page per paragraph, a picture of one step: one article's


def download_specs(digest: str, many: bool) -> list[tuple[str, str, str, str, str]]:
    """The downloads offered for a map of one article or of ``many``, their file names made with ``digest``."""
    return [
        (key, label, name.format(digest=digest), mime, slow)
        for key, label, name, mime, slow in DOWNLOADS
        if not (many and key in ONE_ARTICLE)
    ]
