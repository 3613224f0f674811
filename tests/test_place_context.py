"""The place finder on what text by others showed (issue 22): names given together, a people for its state,
the village an article opens with, the city of a name, Russian villages and features."""

from __future__ import annotations

from tests.test_geoparse import _km, ours


class _Point:
    def __init__(self, lon: float, lat: float):
        self.lon, self.lat = lon, lat


def test_a_name_its_glosses_and_its_other_name_are_one_place_for_the_whole_article():
    # Sarnaghbyur of Askeran: the gazetteer holds it only as Ağbulaq; another Sarnaghbyur is in Shirak.
    excerpts = ours(
        [
            "Sarnaghbyur (Armenian: Սառնաղբյուր) or Aghbulag (Azerbaijani: Ağbulaq) is a village near Askeran.",
            "Its school reopened. The community of Sarnaghbyur includes the village of Dahraz.",
        ]
    )
    for paragraph in excerpts:
        village = [p for p in paragraph if p[0] not in {"Askeran / Əsgəran", "Dagraz"}]
        assert len(village) == 1 and _km(_Point(*village[0][1:3]), 39.87583, 46.89694) < 5, village
    # "or" alone joins no names: two places
    assert {n for n, *_ in ours(["Talks may be held in Yerevan or Baku."])[0]} == {"Yerevan", "Baku"}


def test_a_people_named_for_who_lives_there_is_not_its_state():
    (found,) = ours(["The village has an ethnic Armenian-majority population; Azerbaijani refugees left."])
    assert found == []
    assert "Armenia" in {n for n, *_ in ours(["Armenian officials met in Goris."])[0]}


def test_the_village_is_the_one_the_article_opens_with_and_imperial_russia_no_country():
    _, later = ours(
        [
            "Qorçu (Gorchu) is a village in the Lachin District of Azerbaijan, 64 kilometres from Lachin.",
            "The village was occupied in 1992. In 1828 the region was ceded to Imperial Russia.",
        ]
    )
    assert [n for n, *_ in later] == ["Qorcu"]  # not Lachin, the settlement named last
    # a dateline is no subject: "the village" there is left alone
    (dated,) = ours(["YEREVAN, Feb 9 — Shelling hit the village overnight."])
    assert [n for n, *_ in dated] == ["Yerevan"]


def test_russian_villages_features_former_states_and_peoples():
    lead, later = ours(
        [
            "Саригюх — село в Тавушской области Армении. На западе село Цахкаван, на севере село Беркабер.",
            "Рядом с селом находится озеро Гош, у реки Гетик.",
        ]
    )
    names = {n: (lon, lat) for n, lon, lat, _ in lead}
    assert {"Tsaghkavan", "Berkaber"} <= set(names)  # the data names both only in Latin letters
    assert _km(_Point(*names["Tsaghkavan"]), 41.03, 45.12) < 5  # beside Sarigyugh, not Verin Tsaghkavan 20 km off
    assert {n for n, *_ in later} == {"Sarigyugh", "Lake Gosh"}  # "с селом" is the village; no village Getik
    (history,) = ours(["Входило в состав Российской империи; монастырь построен армянским мыслителем."])
    assert history == []
    (river,) = ours(["Впадает в Аракское водохранилище."])
    assert [n for n, *_ in river] == ["Aras"]  # the Araks's, not the Iranian city Arak's
    (bank,) = ours(["На правом берегу Нахчыванчая обнаружено древнее поселение."])
    assert [n for n, *_ in bank] == ["Nakhchivanchay"]  # a genitive the dictionary does not know


def test_the_city_of_a_name_is_the_city_not_the_exclave_named_beside_it():
    for text in (
        "Река Нахичеванской Автономной Республики впадает в Аракс в районе города Нахичевань.",
        "The river of the Nakhchivan Autonomous Republic meets the Aras at the city of Nakhchivan.",
    ):
        (found,) = ours([text])
        keys = [k for *_, k in found]
        assert "nakhchivan" in keys  # the republic: the exclave
        city = [(lon, lat) for _, lon, lat, k in found if k != "nakhchivan" and k != "aras"]
        assert len(city) == 1 and _km(_Point(*city[0]), 39.2089, 45.4122) < 5, found  # the city itself


def test_an_article_that_opens_with_a_town_gives_no_town_for_the_village():
    _, later = ours(["Goris residents met on Monday.", "Shelling hit the village overnight."])
    assert later == []  # Goris is a town of 20,000: "the village" is another


def test_an_armenian_two_word_name_with_a_case_ending_on_its_last_word():
    (found,) = ours(["Վայոց ձորի մարզը սահմանակից է Արցախի Հանրապետության Շահումյանի շրջանին։"])
    names = [n for n, *_ in found]
    assert "Vayots Dzor" in names  # "ձորի": the genitive of the name's second word
    assert "Shahumyan Province" in names and "Shaumiani" not in names  # not the town in Georgia


def test_a_district_is_its_towns_and_the_national_assembly_is_no_village():
    (found,) = ours(["Alırzalar kəndi Kəlbəcərdədir; əsasını Laçın r-nunun Muncuqlu kəndinin sakini qoymuşdur."])
    lachin = [(lon, lat) for n, lon, lat, _ in found if n.startswith("Lachin")]
    assert lachin and _km(_Point(*lachin[0]), 39.64, 46.55) < 5  # Lachin town, not a village Laçın of Kəlbəcər
    (assembly,) = ours(["Azərbaycan Respublikası Milli Məclisinin Qərarı ilə."])
    assert [n for n, *_ in assembly] == ["Azerbaijan"]  # "Milli" (national) is no village Birinci Milli


def test_kend_opening_a_sentence_is_the_village_an_azerbaijani_article_opens_with():
    _, later = ours(
        ["Hayad — Kəlbəcər rayonunun Dovşanlı kənd inzibati ərazi dairəsində kənd.", "Kənd dağlıq ərazidə yerləşir."]
    )
    assert [n for n, *_ in later] == ["Hayad"]
    _, farming = ours(["Hayad — Kəlbəcər rayonunda kənd.", "Əhalisi kənd təsərrüfatı ilə məşğuldur."])
    assert farming == []
