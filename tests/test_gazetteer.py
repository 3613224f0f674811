"""The prebuilt gazetteer: rebuilt by its command to the same bytes, loaded fast, the region first."""

from __future__ import annotations

import json

from geo.gazetteer import normalise, prebuilt
from geo.gazetteer_build import build
from geo.load import DATA_DIR


def test_the_file_is_what_its_command_builds():
    text = json.dumps(build(), ensure_ascii=False, separators=(",", ":")) + "\n"
    assert (DATA_DIR / "gazetteer.json").read_text(encoding="utf-8") == text


def test_the_region_comes_before_a_far_homonym_and_features_before_towns():
    base = prebuilt()
    assert len(base) > 4000 and len(base.names) > 70_000

    def names(text):
        return base.candidates(normalise(text))

    jermuk = names("Jermuk")
    assert jermuk[0].country == "AM" and any(p.country == "TR" for p in jermuk[1:])
    assert names("Lake Sevan")[0].kind == "lake"
    assert names("Vorotan")[0].kind == "river"
    assert names("Goris")[0].country == "AM"  # not Gori, Georgia
    assert all(ids.count(",") < 4 for ids in base.names.values())  # at most four candidates a name
