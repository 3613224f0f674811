"""The deep list of settlements (``geo/data/villages.csv``) and its coverage table: each settlement in the
province it lies in, the table what its command counts."""

from __future__ import annotations

import csv
import shutil

from geo.load import DATA_DIR
from geo.villages_build import COVERAGE_NAME, OUT_NAME, recount


def _rows():
    with (DATA_DIR / OUT_NAME).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_the_lachin_corridors_villages_are_in_lachin_district_not_lankaran():
    rows = _rows()
    province = {r["name"]: r["province"] for r in rows if r["country"] == "AZ"}
    assert province["Zabux"] == province["Sus"] == "Lacin"
    # Who's On First's "Lankaran" region in the west is Lachin's; Lankaran itself is on the Caspian.
    assert not [r["name"] for r in rows if r["province"] == "Lankaran" and float(r["lon"]) < 47.5]
    assert sum(r["province"] == "Lankaran" for r in rows) > 50


def test_the_file_and_its_coverage_table_are_what_their_command_gives(tmp_path):
    for name in (OUT_NAME, COVERAGE_NAME, "manifest.json"):
        shutil.copy(DATA_DIR / name, tmp_path / name)
    recount(tmp_path)
    for name in (OUT_NAME, COVERAGE_NAME, "manifest.json"):
        assert (tmp_path / name).read_bytes() == (DATA_DIR / name).read_bytes(), name
    table = (DATA_DIR / COVERAGE_NAME).read_text(encoding="utf-8")
    assert "| AZ | Lacin | 140 |" in table and "| AZ | Lankaran | 77 |" in table
