"""What the app offers for download: the layers as GeoJSON in one zip, with their licence notice."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping

import geopandas as gpd

from geo.geojson import to_geojson
from layers.registry import build_layer
from outputs.notice import NOTICE_NAME, data_about, notice_text

__all__ = ["layers_zip"]

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
