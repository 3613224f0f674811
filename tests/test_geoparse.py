"""The place finder on real-world styles of the region's press, against hand-written gold and geotext.

Sets (``tests/data/geoparse``, written for tripp-map, in our own words):
- ``tune``: 8 articles, two each of an Armenian-perspective Syunik report, an Azerbaijani agency
  report (one in Azerbaijani), a Russian wire item; one regional-economics piece; one piece of
  names that are not places. The finder was tuned on these.
- ``heldout``: 5 articles, one per style, written before the finder was changed and first scored
  when it was done (one fix followed: a project place takes its GeoNames record's other names).
- ``fresh``: 5 more, written after all tuning and scored once (fixes followed: an Azerbaijani
  spelling of Zangezur; "Armenian wine" kept as Armenia; "Areni reds" taken as a product).
The same person wrote the articles, the gold and the finder: the sets test the finder's rules on
new text, not an independent annotator's judgement.

Outside sets (passages written by others, our gold; see their READMEs): ``outside`` (tuned on after its
first scoring) and ``outside_heldout`` (gold written before its first scoring; fixes followed, and five
spellings of Zangilan's villages were added to its gold). Their targets are the issue's: micro precision
0.93 and recall 0.85, every passage's recall 0.8, no in-region place drawn off its published point.
"""

from __future__ import annotations

import json

import pytest
from geotext import GeoText

from geo.annotate import annotate, find_places
from geo.articles import parse_article
from geo.geojson import to_geojson
from geo.measure import GEOD
from layers.registry import article_excerpts, build_layer, place_finder
from tests.geoparse_eval import OUTSIDE, SETS, score_set


def ours(paragraphs: list[str]):
    excerpts = annotate(parse_article("\n\n".join(paragraphs), "eval.txt"), place_finder())
    return [[(p.name, p.lon, p.lat, p.key) for p in e.places] for e in excerpts]


def records(spelling: str) -> frozenset[str]:
    """The keys of the gazetteer's records that hold a (normalised) name."""
    return frozenset(p.key for p in place_finder().candidates(spelling))


def geotext(paragraphs: list[str]):
    """The baseline: geotext's cities and countries, without coordinates, distinct per paragraph."""
    out = []
    for text in paragraphs:
        found = GeoText(text)
        names = dict.fromkeys([*found.cities, *found.countries])
        out.append([(name, None, None) for name in names])
    return out


@pytest.mark.parametrize("name", sorted(SETS))
def test_each_article_meets_the_targets(name):
    scores = score_set(SETS[name], ours, records)
    assert len(scores) >= 5
    for article, score in scores.items():
        print(f"{name}/{article}: precision {score.precision:.2f} recall {score.recall:.2f}")
        assert score.recall >= 0.85 and score.precision >= 0.9, (article, score.errors)
        assert not score.misplaced, (article, score.misplaced)


_OUTSIDE_SIZE = {"outside": (6, 100), "outside_heldout": (7, 100), "outside_fresh": (4, 35)}


@pytest.mark.parametrize("name", sorted(OUTSIDE))
def test_text_others_wrote_meets_the_targets(name):
    scores = score_set(OUTSIDE[name], ours, records)
    tp, fp, fn = (sum(getattr(s, k) for s in scores.values()) for k in ("tp", "fp", "fn"))
    errors = {article: score.errors for article, score in scores.items()}
    passages, places = _OUTSIDE_SIZE[name]  # a set that shrank would pass too easily
    assert len(scores) >= passages and tp >= places
    assert tp / (tp + fp) >= 0.93 and tp / (tp + fn) >= 0.85, errors
    for article, score in scores.items():
        assert score.recall >= 0.8, (article, score.errors)
        assert not score.misplaced, (article, score.misplaced)


@pytest.mark.parametrize("name", sorted({**SETS, **OUTSIDE}))
def test_beats_the_geotext_baseline_in_the_same_run(name):
    folder = {**SETS, **OUTSIDE}[name]
    mine = score_set(folder, ours, records)
    base = score_set(folder, geotext)
    f1 = {k: (mine[k].f1, base[k].f1) for k in mine}
    print(name, {k: f"{a:.2f} vs {b:.2f}" for k, (a, b) in f1.items()})
    assert all(a >= b for a, b in f1.values()), f1
    assert sum(a for a, _ in f1.values()) > sum(b for _, b in f1.values()) + 0.5 * len(f1), f1


def _km(place, lat, lon) -> float:
    return GEOD.inv(place.lon, place.lat, lon, lat)[2] / 1000


def _places(text: str) -> list:
    return [m.place for m in find_places(text, place_finder())]


def test_small_places_of_the_region_are_found_where_they_are():
    places = {
        p.name: p for p in _places("Jermuk, Kajaran, Tatev, Shvanidzor and Karchevan welcomed Lake Sevan tourists.")
    }
    assert _km(places["Jermuk"], 39.8417, 45.6722) < 10  # not Çermik in Turkey, 572 km away
    assert _km(places["Lake Sevan"], 40.383, 45.35) < 10  # the lake, not Sevan town
    assert {"Kajaran", "Tatev", "Shvanidzor", "Karchevan"} <= set(places)


def test_regional_variants_name_the_same_places():
    for variant, name in [
        ("Arax", "Aras"),
        ("Nakhijevan", "Nakhchivan"),
        ("Mehri", "Meghri"),
        ("Berdzor", "Lachin / Berdzor"),
        ("Karvachar", "Kalbajar / Karvachar"),
        ("Shushi", "Shusha / Shushi"),
    ]:
        assert [p.name for p in _places(f"They drove to {variant} at dawn.")] == [name], variant


def test_russian_case_forms_adjectives_and_hyphenated_names():
    names = [p.name for p in _places("В Нахичеванской республике и Сюникскую область; в Санкт-Петербурге.")]
    assert names == ["Nakhchivan", "Syunik", "Saint Petersburg"]
    assert [p.name for p in _places("Санкт")] == []  # no stem lands on Sanaa, Yemen


def test_azerbaijani_and_armenian_endings():
    assert [p.name for p in _places("Nümayəndə heyəti Bakıdan Şuşaya gəlib.")] == ["Baku", "Shusha / Shushi"]
    assert [p.name for p in _places("Պատվիրակությունը Երևանում էր։")] == ["Yerevan"]


def test_names_that_are_not_places():
    text = (
        "Ararat brandy, the Paris Agreement, Qarabağ FK fans, George Washington's portrait, "
        "Washington on the dollar bill and the OSCE Minsk Group; but a Moscow-brokered truce "
        "and the Baku–Tbilisi–Ceyhan pipeline."
    )
    assert [p.name for p in _places(text)] == ["Moscow", "Baku", "Tbilisi", "Ceyhan"]


def test_generic_references_go_to_their_antecedent():
    article = parse_article(
        "Trains on the Middle Corridor cross the Caspian.\n\nThe route then runs to Kars.\n\n"
        "The TRIPP would cross Syunik.\n\nThe route would follow the river.",
        "t.txt",
    )
    excerpts = annotate(article, place_finder())
    second = {m.surface: (m.place.name, m.confidence) for m in excerpts[1].mentions}
    assert second["The route"] == ("Middle Corridor", "inferred")
    fourth = {m.surface: m.place.name for m in excerpts[3].mentions}
    assert fourth["The route"] == "TRIPP route"
    assert "the river" not in fourth  # no river named before it


def test_apostrophes_and_far_places_drawn_at_the_most_specific():
    assert [p.name for p in _places("Trains from Xi'an and Xi’an")] == ["Xi’an", "Xi’an"]
    excerpt = annotate(parse_article("Atlanta, Georgia and the U.S. economy.", "t.txt"), place_finder())[0]
    assert [p.name for p in excerpt.focus()] == ["Atlanta"]


def test_every_seed_paragraph_is_a_feature_with_null_geometry_when_unplaced():
    layer = build_layer("excerpts")
    doc = json.loads(to_geojson(layer))
    assert len(doc["features"]) == len(layer) == 13
    unplaced = [f for f in doc["features"] if f["geometry"] is None]
    assert [f["properties"]["paragraph"] for f in unplaced] == [4]
    assert unplaced[0]["properties"]["placed"] is False


def test_confidence_is_in_the_properties_and_said_in_plain_words():
    from render.excerpts import excerpt_view

    text = "In Agarak and Kajaran the TRIPP route is news.\n\nThe route would follow the Arax."
    layer = article_excerpts(parse_article(text, "t.txt"))
    first = {c["place"]: c["level"] for c in json.loads(layer["confidence"].iloc[0])}
    assert first == {"Agarak": "sure", "Kajaran": "sure", "TRIPP route": "sure"}
    second = json.loads(layer["confidence"].iloc[1])
    assert {"place": "TRIPP route", "level": "inferred", "why": "“The route” → TRIPP route"} in second
    html = excerpt_view(next(layer.iloc[[1]].itertuples())).html
    assert "TRIPP route (inferred: “The route” → TRIPP route)" in html


@pytest.mark.parametrize(
    ("head", "date"),
    [
        ("date 2026-02-10 Text.", "2026-02-10"),
        # A dateline without a year takes the article's own date line's, never a date the text tells of.
        ("YEREVAN, Feb 9 (Reuters) – the ceasefire of 12 May 1994 held.", ""),
        ("YEREVAN, Feb 9 (Reuters) – Talks went on; on 10 February 2026 they ended.", ""),
        ("February 9, 2026\nYEREVAN, Feb 9 (Reuters) – the ceasefire of 12 May 1994 held.", "2026-02-09"),
        (
            "YEREVAN, Feb 9 (Reuters) – Talks.\nThe ceasefire of 12 May 1994.\nPublished 9 February 2026, 10:32 GMT",
            "2026-02-09",
        ),
        ("Опубликовано: 12 марта 2026, 14:05\nЕРЕВАН, 12 марта /ТАСС/. Переговоры 1994 года.", "2026-03-12"),
        # A date that is no calendar day is passed over for the next of its form.
        ("Talks planned for 30 February 2026 were held on 9 March 2026.", "2026-03-09"),
        ("The ceasefire of 12 May 1994 still holds.", "1994-05-12"),  # no dateline, no date line: the first date
        ("9 February 2026 — Talks.", "2026-02-09"),
        ("Bakı, 14 March 2026 (AZERTAC). Talks.", "2026-03-14"),
        ("ЕРЕВАН, 12 марта 2026. /ТАСС/. Переговоры.", "2026-03-12"),
        ("WASHINGTON, August 8, 2025 — A summit.", "2025-08-08"),
        ("No date here.", ""),
    ],
)
def test_dates_from_datelines(head, date):
    assert parse_article(head, "t.txt").date == date


def test_a_dateline_without_a_year_says_so():
    article = parse_article("YEREVAN, Feb 9 (Reuters) – Talks.", "t.txt")
    assert article.date == "" and "no year" in article.note


def _article_places(text: str) -> list[list[tuple[str, float]]]:
    excerpts = annotate(parse_article(text, "t.txt"), place_finder())
    return [[(m.place.name, m.place.lon) for m in e.mentions] for e in excerpts]


def test_a_homonym_goes_to_the_namesake_near_the_places_around_it():
    # Martuni: Gegharkunik's on Lake Sevan's shore (45.30° E), or Khojavend in Karabakh (47.11° E).
    sevan = _article_places("Fishermen on Lake Sevan worry.\n\nIn Martuni, the harbour is quiet.")
    assert sevan[1][0][0] == "Martuni" and abs(sevan[1][0][1] - 45.30) < 0.05  # by the article's places
    same = _article_places("Gavar and Martuni, on Lake Sevan's shore.")
    assert ("Martuni", 45.30) in [(n, round(x, 2)) for n, x in same[0]]  # by its paragraph's
    karabakh = _article_places("Shelling was reported in Stepanakert and Shushi.\n\nIn Martuni, residents sheltered.")
    assert karabakh[1][0][0] == "Khojavend / Martuni"
    # Its paragraph's places come before the article's: a Sevan paragraph in a Karabakh article.
    mixed = _article_places("Stepanakert was shelled.\n\nMartuni and Gavar, by Lake Sevan, took in refugees.")
    assert abs(mixed[1][0][1] - 45.30) < 0.05
    excerpt = annotate(parse_article("Lake Sevan.\n\nMartuni.", "t.txt"), place_finder())[1]
    assert "the one near Lake Sevan" in excerpt.mentions[0].why and excerpt.mentions[0].confidence == "likely"


def test_ranges_and_lakes_are_found_and_a_range_is_not_the_region():
    found = {p.name: p for p in _places("The Lesser Caucasus and the Gegham Mountains rise above Lake Van.")}
    assert set(found) == {"Lesser Caucasus", "Gegham Mountains", "Lake Van"}  # not the South Caucasus
    assert found["Lake Van"].kind == "lake" and found["Lesser Caucasus"].kind == "mountain"
    assert [p.name for p in _places("Малый Кавказ и Большой Кавказ")] == ["Lesser Caucasus", "Greater Caucasus"]


def test_the_first_part_of_a_russian_compound_is_no_far_town():
    names = [p.name for p in _places("В Нагорно-Карабахской автономной области прошли митинги.")]
    assert names == ["Karabakh"]  # not Nagornyy, a town in Russia


def test_a_word_of_a_longer_village_name_is_not_another_village():
    # Not Shnogh, whose other name is Shen: the whole names are villages of the full list, or nothing.
    assert {p.name for p in _places("Mets Shen and Pokr Shen are villages.")} <= {"Mets Shen", "Pokr Shen"}
    assert [p.name for p in _places("Nor Kyank and Gavar.")] == ["Nor Kyank", "Gavar"]  # a known whole name


def test_a_breed_named_after_a_place_is_no_place():
    assert _places("Karabakh horses are famous.") == []
    assert [p.name for p in _places("Horses from Karabakh are famous.")] == ["Karabakh"]


def test_a_village_only_the_full_list_holds_is_found_beside_its_neighbours():
    (found,) = ours(["From Meghri the road climbs past Lehvaz and Kuris."])
    where = {name: (lon, lat) for name, lon, lat, _ in found}
    assert {"Meghri", "Lehvaz", "Kuris"} <= set(where)
    lon, lat = where["Lehvaz"]
    _, _, metres = GEOD.inv(46.2208, 38.9364, lon, lat)  # Who's On First's point for Lehvaz
    assert metres < 10_000


def test_a_village_of_the_full_list_needs_evidence_in_the_text():
    assert ours(["Kuris won the match on Sunday."]) == [[]]  # a word, with no settlement near it
    assert [n for n, _, _, _ in ours(["The village of Kuris has 44 people."])[0]] == ["Kuris"]  # called a village


def test_a_far_town_yields_to_a_village_among_its_neighbours():
    # Almalıq is Olmaliq in Uzbekistan by population; in a list of Kalbajar's villages it is Kalbajar's.
    text = "Kəlbəcər rayonunun kəndləri Ağdaban, Ağqaya, Almalıq, Alolar, Armudlu."
    found = {p.name: p for p in _article_places_of(text)}
    assert _km(found["Almaliq"], 40.10, 46.24) < 5 and "Olmaliq" not in found


def _article_places_of(text: str) -> list:
    return [p for e in annotate(parse_article(text, "t.txt"), place_finder()) for p in e.places]


def test_a_village_named_twice_and_by_its_soviet_name_is_drawn_once_where_it_is():
    text = "The road passes Mets Shen/Boyuk Galadarasi and Hin Shen/Kichik Galadarasi (formerly Kirov)."
    found = _article_places_of(text)
    assert "Kirov" not in {p.name for p in found}  # not the city in Russia
    for p in found:  # both villages, not the namesake Hin Shen of Syunik 21 km off
        assert _km(p, 39.65, 46.60) < 5, p


def test_a_descriptive_name_is_not_another_place():
    # "İstisu qəsəbəsi" (the settlement of İstisu) is a name Who's On First gives a village near Quba.
    (found,) = ours(["Rayonun 1 qəsəbəsi İstisu qəsəbəsi, 127 kəndi var."])
    assert [n for n, *_ in found] == ["İstisu"]
    assert _km(place_finder().get("istisu"), 39.948, 45.962) < 5


def test_an_armenian_village_the_data_holds_only_in_latin_letters():
    (found,) = ours(["Կուրիս, գյուղ Հայաստանի Սյունիքի մարզի Մեղրի համայնքում։"])
    names = {n for n, *_ in found}
    assert {"Kuris", "Syunik", "Meghri", "Armenia"} <= names  # "Սյունիքի" is Syunik's, not a hamlet's


def test_a_village_the_data_spells_otherwise_is_found_in_a_list_only():
    (listed,) = ours(["Zəngilan rayonunun kəndləri: Genlik, Kolluqışlaq, Bartaz, Üdgün və Tiri."])
    assert {"Kollugislaq", "Udkun"} <= {n for n, *_ in listed}
    (outside_a_list,) = ours(["Hər il Zəngilan Şəhəri Günü qeyd olunur."])  # "Şəhəri" (city) sounds like Sahyeri
    assert [n for n, *_ in outside_a_list] == ["Zangilan"]


def test_words_in_lower_case_and_a_towns_other_latin_names_need_evidence():
    # "котором" (which) is no village Kotor; "Uzun" (long) is no Odzun; "Yenikənd" in Zangilan no Goravan.
    assert ours(["Село, на котором стоит дом."]) == [[]]
    assert all(n != "Odzun" for n, *_ in ours(["Uzun müddət Zəngilan şəhəri boş qaldı."])[0])
    assert all(n != "Goravan" for n, *_ in ours(["Zəngilan: Rəbənd, Yenikənd, Bartaz."])[0])
    # a region named by its short name is no town written by another name
    assert "Georgia (U.S. state)" in {n for n, *_ in ours(["A delegation from Atlanta, Georgia, visited Gyumri."])[0]}


def test_a_church_a_language_and_a_former_state_are_not_places():
    assert all(n != "Amenap'rkich'" for n, *_ in ours(["Մեղրիում պահպանվել է սբ. Ամենափրկիչ եկեղեցին։"])[0])
    assert [n for n, *_ in ours(["The Lachin corridor (Russian: Лачинский коридор) is a road."])[0]] == [
        "Lachin corridor"
    ]
    assert [n for n, *_ in ours(["The Dictionary of the Russian Empire lists Agarak."])[0]] == ["Agarak"]
    assert "Russia" in {n for n, *_ in ours(["A Russian peacekeeping force guards the road."])[0]}


def test_a_club_in_a_paragraph_about_football_gives_no_region():
    paragraphs = [
        "Qarabağ were founding members of the Premier League. Qarabağ is one of the two teams so far.",
        "Shelling was reported across Qarabağ and Shusha.",
    ]
    football, war = ours(paragraphs)
    assert football == []
    assert "Karabakh" in {n for n, *_ in war}


def test_a_range_and_a_river_named_after_places_are_the_range_and_the_river():
    found = {p.name for p in _places("On the Meghri mountain range, the Tartarchay rises.")}
    assert found == {"Meghri Range", "Tartar (river)"}  # not Meghri town, not Tartar town
    assert [p.name for p in _places("Tartar")] != ["Tartar (river)"]
