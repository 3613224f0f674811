"""The message catalogue, place names by language, days and numbers: complete, in sync, and as each language
writes them."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from geo import catalogue_build
from geo.i18n import (
    LANGUAGES,
    format_day,
    format_number,
    language_of_text,
    place_name,
    prefer_language,
    scripts_catalogue,
    tr,
)
from geo.load import DATA_DIR, read_csv_rows

TRANSLATED = ("hy", "az", "ru")
SLOT = re.compile(r"\{(\w+)\}")


@pytest.fixture(scope="module")
def template():
    return catalogue_build.extract()


def test_every_string_of_the_code_is_in_every_catalogue(template):
    """A string marked in the code (Python, the map's scripts, the labels' data) and left out of a language's
    catalogue, untranslated or fuzzy, fails here: run ``python -m geo.catalogue_build update`` and translate it."""
    wanted = {m.id for m in template if m.id}
    assert len(wanted) > 150
    for lang in TRANSLATED:
        catalog = catalogue_build.read_catalogue(lang)
        done = {m.id for m in catalog if m.id and m.string and not m.fuzzy}
        assert sorted(wanted - done) == [], lang


def test_a_string_added_to_the_code_is_found(tmp_path, monkeypatch):
    """The extraction sees a new marked string in a map script and in Python (an f-string too)."""
    found = {m for m, _, _ in catalogue_build._code_strings()} | {m for m, _, _ in catalogue_build._fstring_strings()}
    assert {"Previous", "Keyboard shortcuts", "Start", "Teacher’s note:", "Map date:", "Rail: operating"} <= found


def test_the_compiled_catalogue_and_template_are_in_sync(template):
    """geo/data/catalogue.json is what ``compile`` makes of the .po files, and the .pot lists what the code marks."""
    on_disk = json.loads((DATA_DIR / "catalogue.json").read_text(encoding="utf-8"))
    assert on_disk == catalogue_build.compile_catalogue()
    with (catalogue_build.LOCALE_DIR / "messages.pot").open("rb") as fh:
        from babel.messages.pofile import read_po

        pot = {m.id for m in read_po(fh) if m.id}
    assert pot == {m.id for m in template if m.id}


def test_translations_keep_their_slots():
    for lang in TRANSLATED:
        for message in catalogue_build.read_catalogue(lang):
            if message.id and message.string:
                assert set(SLOT.findall(message.string)) == set(SLOT.findall(message.id)), (lang, message.id)


def test_a_translated_message_and_english_fallback():
    assert tr("Next", "ru") == "Далее"
    assert tr("Step {n} of {count}: {title}", "hy", n=2, count=9, title="x") == "Քայլ 2՝ 9-ից. x"
    assert tr("a sentence nobody marked", "az") == "a sentence nobody marked"


def test_contested_places_keep_both_names_in_every_language():
    rows = read_csv_rows("names.csv")
    contested = {r["key"] for r in rows if " / " in r["key"] and r["key"].split(" / ")[0][0].isupper()}
    assert {"Khankendi / Stepanakert", "Shusha / Shushi", "Lachin / Berdzor", "Kalbajar / Karvachar"} <= contested
    assert place_name("Khankendi / Stepanakert", "hy") == "Ստեփանակերտ / Խանքենդի"
    assert place_name("Khankendi / Stepanakert", "az") == "Xankəndi / Stepanakert"
    assert place_name("Khankendi / Stepanakert", "ru") == "Степанакерт / Ханкенди"
    for key in (
        "Khankendi / Stepanakert",
        "Shusha / Shushi",
        "Lachin / Berdzor",
        "Aghdara / Martakert",
        "Khojavend / Martuni",
        "Sugovushan / Madaghis",
        "Kalbajar / Karvachar",
    ):
        for lang in TRANSLATED:
            assert " / " in place_name(key, lang), (key, lang)


def test_every_name_has_its_script_and_source():
    scripts = {"hy": re.compile(r"[\u0531-\u058f]"), "ru": re.compile(r"[\u0400-\u04ff]")}
    for row in read_csv_rows("names.csv"):
        assert row["lang"] in TRANSLATED and row["name"] and row["source"], row
        if row["lang"] in scripts and not row["key"].startswith("TRIPP"):
            assert scripts[row["lang"]].search(row["name"]), row
        if row["lang"] == "az":
            assert not scripts["ru"].search(row["name"]) and not scripts["hy"].search(row["name"]), row


def test_every_map_label_is_named_in_every_language():
    labels = {r["text"] for r in read_csv_rows("labels.csv")}
    for lang in TRANSLATED:
        assert sorted(t for t in labels if place_name(t, lang) == t) == [], lang


def test_days_and_numbers_in_each_language():
    assert format_day("2023-09-19", "en") == "19 Sep 2023"
    assert format_day("2023-09-19", "ru") == "19 сент. 2023\u202fг."  # CLDR: a narrow no-break space
    assert format_day("2023-09-19", "az") == "19 sen 2023"
    assert format_day("2023-09-19", "hy") == "19 սեպ, 2023 թ."
    assert format_day("1941", "ru") == "1941"
    assert format_number(30456, "en") == "30,456"
    assert format_number(30456, "ru") == "30\xa0456"
    assert format_number(30456, "az") == "30.456"


def test_the_browsers_language_is_chosen():
    assert prefer_language("hy-AM,hy;q=0.9,en;q=0.5") == "hy"
    assert prefer_language("de-DE,ru;q=0.8,en;q=0.7") == "ru"
    assert prefer_language("fr, az;q=0.2, en;q=0.9") == "en"
    assert prefer_language("") == "en"
    assert prefer_language("az_AZ") == "az"


def test_an_articles_language_is_told_by_its_letters():
    assert language_of_text("Мегри — город на юге Армении.") == "ru"
    assert language_of_text("Մեղրին Սյունիքի մարզի քաղաք է։") == "hy"
    assert language_of_text("Zəngəzur dəhlizi və Naxçıvan üçün yol") == "az"
    assert language_of_text("The railway would run along the Aras.") == "en"
    assert language_of_text("1994 – 2020") == ""


def test_the_scripts_catalogue_lists_keys_once():
    carried = scripts_catalogue(tuple(LANGUAGES))
    assert list(carried["langs"]) == list(LANGUAGES)
    for lang, c in carried["langs"].items():
        if lang == "en":  # English is the keys themselves: it carries no texts
            assert c["messages"] == [] and c["names"] == []
        else:
            assert len(c["messages"]) == len(carried["keys"]) and len(c["names"]) == len(carried["names"])
        assert c["name"] == LANGUAGES[lang] and len(c["months"]) == 12
    # A map of one article carries none of the many-articles map's words; a map of many does.
    assert "Back to all articles" not in carried["keys"]
    assert "Back to all articles" in scripts_catalogue(("en", "ru"), corpus=True)["keys"]
    ru = carried["langs"]["ru"]
    assert ru["messages"][carried["keys"].index("Previous")] == "Назад"


def test_the_cli_refuses_an_unknown_language_in_one_line(tmp_path):
    out = subprocess.run(
        [sys.executable, "-m", "outputs.cli", "export", str(tmp_path / "m.html"), "--lang", "de"],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 2
    assert "unknown language 'de': choose one of en, hy, az, ru" in out.stderr
    assert not (tmp_path / "m.html").exists()


def _cli(tmp_path, *args: str, **env: str) -> subprocess.CompletedProcess:
    import os

    environ = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")}
    return subprocess.run(
        [sys.executable, "-m", "outputs.cli", *args],
        capture_output=True,
        text=True,
        env={**environ, **env},
        cwd=tmp_path,
    )


def test_the_command_line_speaks_the_environments_language(tmp_path):
    """Its lines, its help and its errors in the language of LANGUAGE / LC_ALL / LANG; --lang wins over them."""
    from pathlib import Path

    root = str(Path(__file__).parent.parent)
    out = _cli(tmp_path, "layers", "--out", "layers", "--layers", "syunik", LANG="ru_RU.UTF-8", PYTHONPATH=root)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("записано слоёв: 1 и NOTICE.txt в layers"), out.stdout
    helped = _cli(tmp_path, "figure", "--help", LANGUAGE="hy:ru", LANG="en_GB.UTF-8", PYTHONPATH=root)
    assert "գրվող .png կամ .svg ֆայլը" in helped.stdout
    wrong = _cli(
        tmp_path, "handout", "x.pdf", "--article", "missing.txt", "--lang", "az", LANG="ru_RU.UTF-8", PYTHONPATH=root
    )
    assert wrong.returncode == 1 and wrong.stderr.startswith("tripp-map: xəta: ")
    english = _cli(tmp_path, "layers", "--out", "more", "--layers", "syunik", LANG="C.UTF-8", PYTHONPATH=root)
    assert english.stdout.startswith("wrote 1 layers and NOTICE.txt to more")


def test_the_environment_language_is_read_as_gettext_does():
    from geo.i18n import environment_language

    assert environment_language({"LANGUAGE": "az:ru", "LANG": "hy_AM.UTF-8"}) == "az"
    assert environment_language({"LC_ALL": "ru_RU.UTF-8", "LANG": "hy_AM.UTF-8"}) == "ru"
    assert environment_language({"LANG": "hy_AM.UTF-8"}) == "hy"
    assert environment_language({"LANG": "C.UTF-8"}) == "en"
    assert environment_language({}) == "en"
