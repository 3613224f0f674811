"""``tripp-map export`` and ``tripp-map layers --format gpkg`` end to end."""

from __future__ import annotations

import subprocess
import sys

import pyogrio
import pytest

from layers.registry import layer_names


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "outputs.cli", *args], capture_output=True, text=True, timeout=300)


def test_export_writes_one_self_contained_file(tmp_path):
    out = tmp_path / "map.html"
    proc = run_cli("export", str(out), "--title", "Class demo")
    assert proc.returncode == 0, proc.stderr
    page = out.read_text(encoding="utf-8")
    assert "<title>Class demo</title>" in page and "L.map(" in page
    assert "https://cdn" not in page


def test_export_twice_is_byte_identical(tmp_path):
    first, second = tmp_path / "a.html", tmp_path / "b.html"
    assert run_cli("export", str(first), "--layers", "armenia,tripp_route").returncode == 0
    assert run_cli("export", str(second), "--layers", "armenia,tripp_route").returncode == 0
    assert first.read_bytes() == second.read_bytes()


def test_export_with_another_article(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Trains from Ordubad reached Meghri.\n\nA ferry left Aktau for Alat.", encoding="utf-8")
    out = tmp_path / "map.html"
    assert run_cli("export", str(out), "--article", str(article)).returncode == 0
    page = out.read_text(encoding="utf-8")
    assert "A ferry left Aktau for Alat." in page
    assert "military court in Baku" not in page  # the seed's excerpts are replaced


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--layers", "atlantis"], "unknown layer atlantis"),
        (["--article", "/nonexistent/article.txt"], "no such file"),
    ],
)
def test_export_errors_are_one_line_and_leave_nothing(tmp_path, args, message):
    out = tmp_path / "map.html"
    proc = run_cli("export", str(out), *args)
    assert proc.returncode == 1
    assert proc.stderr.count("\n") == 1 and message in proc.stderr
    assert list(tmp_path.iterdir()) == []


def test_export_to_unwritable_place(tmp_path):
    out = tmp_path / "missing-folder" / "map.html"
    proc = run_cli("export", str(out))
    assert proc.returncode == 1 and "cannot write" in proc.stderr
    assert not out.parent.exists()


def test_export_binary_article(tmp_path):
    article = tmp_path / "a.txt"
    article.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    out = tmp_path / "map.html"
    proc = run_cli("export", str(out), "--article", str(article))
    assert proc.returncode == 1 and "binary" in proc.stderr
    assert not out.exists()


def test_geopackage_holds_every_layer(tmp_path):
    out = tmp_path / "tripp.gpkg"
    proc = run_cli("layers", "--format", "gpkg", "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    names = [name for name, _ in pyogrio.list_layers(out)]
    # A layer mixing kinds of geometry is a table per kind: the route's road band is tripp_route_areas.
    assert sorted(names) == sorted([*layer_names(), "tripp_route_areas"])
    armenia = pyogrio.read_dataframe(out, layer="armenia")
    assert armenia.crs.to_epsg() == 4326 and armenia["name"].iloc[0] == "Armenia"
