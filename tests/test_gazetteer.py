"""The prebuilt gazetteer: rebuilt by its command to the same bytes, loaded fast, the region first."""

from __future__ import annotations

import json

from geo.gazetteer import normalise, prebuilt
from geo.gazetteer_build import CANDIDATES, build
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
    assert all(ids.count(",") < CANDIDATES for ids in base.names.values())  # at most eight candidates a name


def test_each_curated_feature_lies_in_the_countries_its_row_names():
    import csv

    import shapely

    from layers.shapes import country_shapes

    shapes = country_shapes()
    known = {"Azerbaijan": "Azerbaijan (mainland + Nakhchivan)"}
    base = prebuilt()
    with (DATA_DIR / "features.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    checked = 0
    for row in rows:
        names = [known.get(c.strip(), c.strip()) for c in row["country"].split("/")]
        polygons = [shapes[n] for n in names if n in shapes]
        if not polygons:
            continue
        place = next(p for p in base.candidates(normalise(row["name"])) if p.key == row["id"])
        point = shapely.Point(place.lon, place.lat)
        # 0.02° (about 2 km): a river drawn at a border town, a peak on the border. A lake's centre is as far
        # from the land as its shores: Lake Van's, 12 km from the land outline (cut at the data's box).
        reach = 0.25 if row["kind"] == "lake" else 0.02
        assert shapely.union_all(polygons).buffer(reach).contains(point), (row["id"], row["country"])
        checked += 1
    assert checked == len(rows)  # every row names a country the map draws


def test_every_start_of_a_longer_name_is_known_so_the_finder_reads_on():
    from layers.registry import place_finder

    gaz = place_finder()
    starts = {" ".join(key.split()[:n]) for key in gaz.names() for n in range(2, len(key.split()))}
    assert len(starts) > 10_000
    assert all(gaz.continues(s) for s in starts)
    assert gaz.continues("republic of") and gaz.continues("republic of the")
    assert not gaz.continues("republic of armenia said")


def test_every_country_has_its_names_in_russian_armenian_and_azerbaijani():
    base = prebuilt()
    for name in ("Lebanon", "Ливан", "Լիբանան", "Livan", "Франция", "Fransa"):
        assert base.candidates(normalise(name)), name
    assert base.candidates(normalise("Ливан"))[0].kind == "country"
    assert base.candidates(normalise("Франция"))[0].key == "country_fr"
