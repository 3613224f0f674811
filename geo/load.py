"""Load the project's data files, checked against their manifest."""

from __future__ import annotations

import csv
import hashlib
import json
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from geo.errors import TrippError

if TYPE_CHECKING:
    import geopandas as gpd  # imported where a frame is read: the command line starts without it

__all__ = [
    "DATA_DIR",
    "DataError",
    "manifest",
    "read_bytes",
    "read_csv_rows",
    "read_geojson",
    "regions",
    "verified",
    "verify",
]

DATA_DIR = Path(__file__).parent / "data"

# Every file checked in this process, with its digest: what a value worked out from the data was worked out from
# (the layers' anchors record it, so a changed file is seen).
_VERIFIED: dict[str, str] = {}


class DataError(TrippError):
    """A data file is missing, unreadable or does not match its manifest."""


@cache
def manifest() -> dict:
    """The parsed ``geo/data/manifest.json``."""
    path = DATA_DIR / "manifest.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise DataError(f"data manifest missing: {path}") from exc
    except json.JSONDecodeError as exc:
        raise DataError(f"data manifest is not valid JSON: {path}: {exc}") from exc


def verify(name: str) -> Path:
    """Path of a data file after checking its SHA-256 against the manifest."""
    entry = manifest()["files"].get(name)
    if entry is None:
        raise DataError(f"{name} has no manifest entry")
    path = DATA_DIR / name
    try:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as exc:
        raise DataError(f"cannot read data file {path}: {exc.strerror}") from exc
    if digest != entry["sha256"]:
        raise DataError(f"{path} does not match its manifest checksum; rebuild with: {entry['rebuild']}")
    _VERIFIED[name] = digest
    return path


def verified() -> dict[str, str]:
    """The data files checked so far in this process, each with its SHA-256, by name."""
    return dict(sorted(_VERIFIED.items()))


@cache
def _regions() -> gpd.GeoDataFrame:
    import geopandas as gpd

    path = verify("regions.geojson")
    try:
        gdf = gpd.read_file(path)
    except Exception as exc:  # pyogrio raises several types for a broken file
        raise DataError(f"cannot read {path}: {exc}") from exc
    return gdf.set_crs(4326, allow_override=True)


def regions(atom: str | None = None) -> gpd.GeoDataFrame:
    """The coverage atoms (a copy), optionally only those of one kind."""
    gdf = _regions()
    if atom is not None:
        gdf = gdf[gdf["atom"] == atom]
    return gdf.copy().reset_index(drop=True)


def read_csv_rows(name: str) -> list[dict[str, str]]:
    """Rows of a checked CSV data file."""
    path = verify(name)
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@cache
def _geojson(name: str) -> gpd.GeoDataFrame:
    import geopandas as gpd

    path = verify(name)
    try:
        gdf = gpd.read_file(path)
    except Exception as exc:  # pyogrio raises several types for a broken file
        raise DataError(f"cannot read {path}: {exc}") from exc
    return gdf.set_crs(4326, allow_override=True)


def read_geojson(name: str) -> gpd.GeoDataFrame:
    """A checked GeoJSON data file as a frame (a copy)."""
    return _geojson(name).copy()


def read_bytes(name: str) -> bytes:
    """The bytes of a checked data file (an image)."""
    return verify(name).read_bytes()
