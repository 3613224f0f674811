"""Other spellings of settlements' names (geo.spellings) and names written in pairs (geo.pairs)."""

from __future__ import annotations

from dataclasses import dataclass

from geo.gazetteer import Place, normalise
from geo.pairs import one_place_per_pair
from geo.spellings import armenian_latin, descriptive, sound, variants


def test_azerbaijani_names_in_english_romanisation_and_names_without_apostrophes():
    assert variants("Kiçik Qaladərəsi") == ("Kichik Galadarasi",)
    assert variants("Cəmilli") == ("Jamilli",)
    assert variants("K'araglukh") == ("Karaglukh",)
    assert variants("Yerevan") == () and variants("Հին Շեն") == ()


def test_a_descriptive_name_is_told_from_a_name():
    assert descriptive("İstisu qəsəbəsi") and descriptive("Zabux kəndi")
    assert not descriptive("Yeni Kənd") and not descriptive("Qəsəbə")


def test_armenian_in_latin_letters():
    assert [armenian_latin(w) for w in ("Կուրիս", "Լեհվազ", "Երևան", "Ոսկեպար", "Ուլուբաբ")] == [
        "kuris",
        "lehvaz",
        "yerevan",
        "voskepar",
        "ulubab",
    ]
    assert armenian_latin("Kuris") == ""  # not Armenian


def test_spellings_of_one_sound_meet_and_different_names_do_not():
    same = [("Kolluqışlaq", "Kollugıslaq"), ("Vəliqulubəyli", "Velikulubeyli"), ("Üdgün", "Udkun")]
    assert all(sound(normalise(a)) == sound(normalise(b)) for a, b in same)
    assert sound(normalise("Bartaz")) != sound(normalise("Tatar"))


@dataclass(frozen=True)
class _M:
    place: Place
    start: int
    end: int


def _at(name: str, lat: float, lon: float) -> Place:
    return Place(name.lower(), name, lon, lat, 3, kind="village")


def test_a_pair_keeps_the_name_near_its_neighbours_and_a_far_old_name_is_left_out():
    text = "Mets Shen and Hin Shen/Kichik Galadarasi (formerly Kirov)"
    mets, hin, kichik, kirov = (
        _at("Mets", 39.66, 46.60),
        _at("Hin", 39.49, 46.44),
        _at("Kichik", 39.64, 46.61),
        _at("Kirov", 58.6, 49.7),
    )
    spans = [(text.index(w), text.index(w) + len(w)) for w in ("Mets Shen", "Hin Shen", "Kichik Galadarasi", "Kirov")]
    mentions = [_M(p, a, b) for p, (a, b) in zip((mets, hin, kichik, kirov), spans, strict=True)]
    assert [m.place.name for m in one_place_per_pair(text, mentions)] == ["Mets", "Kichik"]


def test_a_near_other_name_is_the_same_place_and_words_between_break_the_renaming():
    text = "Lachin corridor, romanized: Lachini; the former village of Agarak"
    corridor, lachin, agarak = _at("Corridor", 39.61, 46.54), _at("Lachin", 39.64, 46.55), _at("Agarak", 38.9, 46.2)
    mentions = [
        _M(p, text.index(w), text.index(w) + len(w))
        for p, w in ((corridor, "Lachin corridor"), (lachin, "Lachini"), (agarak, "Agarak"))
    ]
    assert [m.place.name for m in one_place_per_pair(text, mentions)] == ["Corridor", "Corridor", "Agarak"]
