"""The prebuilt anchors of the layers an article may name: what their command builds, used only while their
data is unchanged, the same places as working them out."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from geo.load import DATA_DIR, manifest
from layers import anchors
from layers.registry import anchored_names, layer_place, worked_out_place

ROOT = Path(__file__).parent.parent


def test_the_file_is_what_its_command_builds_in_a_fresh_process():
    script = "import json; from layers.anchors_build import build; print(json.dumps(build(), indent=1, sort_keys=True))"
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    stale = "geo/data/anchors.json is stale: rebuild with python -m layers.anchors_build"
    assert (DATA_DIR / anchors.FILE).read_text(encoding="utf-8") == out, stale
    table = json.loads(out)
    assert set(table["anchors"]) == set(anchored_names()) >= {"tripp_route", "karabakh", "syunik", "dilucu"}
    assert "regions.geojson" in table["from"] and "places.csv" in table["from"]  # what the route is drawn from


def test_a_stored_anchor_is_the_place_worked_out_from_the_layer():
    for name in anchored_names():
        assert anchors.stored(name) is not None, name
        kept, built = layer_place(name), worked_out_place(name)
        assert kept == built, name  # same key, names, kind and coordinates to the last bit


def test_a_changed_data_file_sets_the_stored_anchors_aside(monkeypatch: pytest.MonkeyPatch):
    files = manifest()["files"]
    changed = {**files, "regions.geojson": {**files["regions.geojson"], "sha256": "0" * 64}}
    monkeypatch.setattr(anchors, "manifest", lambda: {"files": changed})
    anchors._table.cache_clear()
    try:
        assert anchors.stored("tripp_route") is None
        assert anchors.stored("no such layer") is None
    finally:
        monkeypatch.undo()
        anchors._table.cache_clear()
    assert anchors.stored("tripp_route") is not None
