"""``tripp-map layers`` end to end, through the installed console script."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from layers.registry import layer_names
from outputs.cli import main


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "outputs.cli", *args], capture_output=True, text=True, timeout=300)


def test_help_lists_commands():
    out = run_cli("--help")
    assert out.returncode == 0
    for command in ("layers", "annotate", "export"):
        assert command in out.stdout


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    out = tmp_path_factory.mktemp("layers")
    assert main(["layers", "--out", str(out)]) == 0
    return out


def test_writes_every_layer_as_rfc7946(written):
    for name in layer_names():
        doc = json.loads((written / f"{name}.geojson").read_text(encoding="utf-8"))
        assert doc["type"] == "FeatureCollection" and doc["features"], name
        assert "crs" not in doc  # RFC 7946: WGS84 only, no crs member
        lon, lat = _first_position(doc["features"][0]["geometry"]["coordinates"])
        assert -180 <= lon <= 180 and -90 <= lat <= 90


def _first_position(coords):
    while isinstance(coords[0], list):
        coords = coords[0]
    return coords


def test_output_is_deterministic(written, tmp_path):
    assert main(["layers", "--out", str(tmp_path), "--layers", "armenia,places"]) == 0
    for name in ("armenia", "places"):
        assert (tmp_path / f"{name}.geojson").read_bytes() == (written / f"{name}.geojson").read_bytes()


def test_unwritable_dir_is_one_clear_line(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    out = run_cli("layers", "--out", str(blocker))
    assert out.returncode == 1
    assert out.stderr.strip().count("\n") == 0
    assert "cannot write" in out.stderr and str(blocker) in out.stderr


def test_unknown_layer_is_an_error(tmp_path):
    out = run_cli("layers", "--out", str(tmp_path), "--layers", "atlantis")
    assert out.returncode == 1 and "unknown layer atlantis" in out.stderr
    assert list(tmp_path.iterdir()) == []
