"""What the project writes: licences travel with the data; files are written whole, through links,
with nothing left behind; the GeoPackage keeps numbers as numbers and says nothing on the way."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile

import pyogrio
import pytest

from geo.articles import decode_article
from layers.registry import build_layer
from outputs.downloads import layers_zip
from outputs.files import TEMP_MARK, WriteError, atomic_write
from outputs.geopackage import write_geopackage
from outputs.notice import NOTICE_NAME, notice_text


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "outputs.cli", *args], capture_output=True, text=True, timeout=300)


def test_the_notice_names_every_source_and_licence():
    text = notice_text()
    for needle in ("ODbL", "© OpenStreetMap contributors", "Natural Earth", "GeoNames", "CC BY 4.0", "CC BY-SA", "MIT"):
        assert needle in text, needle


def test_layers_folder_gets_the_notice(tmp_path):
    proc = run_cli("layers", "--out", str(tmp_path / "out"), "--layers", "armenia")
    assert proc.returncode == 0, proc.stderr
    assert "ODbL" in (tmp_path / "out" / NOTICE_NAME).read_text(encoding="utf-8")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [NOTICE_NAME, "armenia.geojson"]


def test_layers_into_a_folder_with_other_files_keeps_them(tmp_path):
    (tmp_path / "mine.txt").write_text("keep me", encoding="utf-8")
    assert run_cli("layers", "--out", str(tmp_path), "--layers", "armenia").returncode == 0
    assert (tmp_path / "mine.txt").read_text(encoding="utf-8") == "keep me"
    assert [p.name for p in tmp_path.iterdir() if TEMP_MARK in p.name] == []


def test_the_zip_carries_the_notice():
    archive = zipfile.ZipFile(io.BytesIO(layers_zip(("armenia",))))
    assert sorted(archive.namelist()) == [NOTICE_NAME, "armenia.geojson"]
    assert "ODbL" in archive.read(NOTICE_NAME).decode("utf-8")


def test_geopackage_is_quiet_keeps_numbers_and_carries_the_notice(tmp_path):
    out = tmp_path / "tripp.gpkg"
    proc = run_cli("layers", "--format", "gpkg", "--out", str(out), "--layers", "armenia,tripp_route")
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr
    info = pyogrio.read_info(out, layer="armenia")
    assert dict(zip(info["fields"], info["dtypes"], strict=True))["area_km2"] == "float64"
    route = pyogrio.read_info(out, layer="tripp_route")
    assert dict(zip(route["fields"], route["dtypes"], strict=True))["length_km"] == "float64"
    assert "ODbL" in info["dataset_metadata"]["LICENCE"]


def test_a_writer_failing_like_a_full_disk_is_one_line_and_leaves_nothing(tmp_path, monkeypatch):
    import geopandas as gpd

    def full(*args, **kwargs):
        raise RuntimeError("sqlite3_exec(CREATE TABLE ...) failed: database or disk is full\nmore detail")

    monkeypatch.setattr(gpd.GeoDataFrame, "to_file", full)
    out = tmp_path / "tripp.gpkg"
    with pytest.raises(WriteError) as caught:
        write_geopackage({"armenia": build_layer("armenia")}, out)
    assert "\n" not in str(caught.value) and "disk is full" in str(caught.value)
    assert list(tmp_path.iterdir()) == []


def test_export_onto_a_symlink_writes_its_target_and_keeps_the_link(tmp_path):
    target = tmp_path / "real.html"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "map.html"
    link.symlink_to(target)
    proc = run_cli("export", str(link), "--layers", "armenia")
    assert proc.returncode == 0, proc.stderr
    assert link.is_symlink() and "L.map(" in target.read_text(encoding="utf-8")


def test_a_killed_writes_leftovers_are_removed_by_the_next_run(tmp_path):
    leftover = tmp_path / f".map.html{TEMP_MARK}abc123.html"
    leftover.write_text("half a map", encoding="utf-8")
    atomic_write(tmp_path / "map.html", lambda tmp: tmp.write_text("<p>whole</p>", encoding="utf-8"))
    assert not leftover.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.html"]
    assert oct(os.stat(tmp_path / "map.html").st_mode & 0o777) != "0o600"


def test_empty_layer_list_is_an_error(tmp_path):
    proc = run_cli("export", str(tmp_path / "map.html"), "--layers", "")
    assert proc.returncode == 1 and "--layers names no layer" in proc.stderr
    assert list(tmp_path.iterdir()) == []


def test_utf16_with_a_bom_is_read():
    text = "Trains will run from Meghri to Ordubad."
    for encoding in ("utf-16-le", "utf-16-be"):
        bom = b"\xff\xfe" if encoding.endswith("le") else b"\xfe\xff"
        assert decode_article(bom + text.encode(encoding), "word.txt").text == text


def test_a_step_about_villages_is_framed_on_them_not_on_the_countries_it_names():
    from render.story import step_frame

    sus = {"bounds": [[39.58, 46.51], [39.64, 46.55]], "zoom": 11, "callout": False}
    box, _ = step_frame(["Sus", "Armenia", "Azerbaijan", "Russia"], sus, None, frozenset({"Russia"}))
    (south, west), (north, east) = box
    assert north - south < 0.5 and east - west < 0.5  # the villages, not Nakhchivan to Baku
    countries, _ = step_frame(["Armenia", "Azerbaijan"], {"bounds": None, "zoom": 7, "callout": False}, None)
    assert countries[1][1] - countries[0][1] > 4  # a step that names only countries frames them whole
    baku = {"bounds": [[40.37, 49.83], [40.37, 49.83]], "zoom": 9, "callout": False}
    capital, _ = step_frame(["Baku", "Armenia"], baku, None)
    assert capital[0][1] < 44.5  # "Baku" standing for its state: Armenia is framed whole too
