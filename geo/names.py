"""Names written by hand: countries with their demonyms, wide areas, and words that are not places.

The gazetteer build (:mod:`geo.gazetteer_build`) joins these with GeoNames and the
curated regional features (``geo/data/features.csv``); the place finder reads the
cue lists at run time.
"""

from __future__ import annotations

__all__ = [
    "COUNTRIES",
    "COUNTRY_CODES",
    "NOT_PLACE_AFTER",
    "NOT_PLACE_BEFORE",
    "PERSON_AFTER",
    "PERSON_CUES",
    "SPORTS_CLUBS",
    "SPORTS_CUES",
    "STOPWORDS",
    "US_STATE_CUES",
    "WIDE_PLACES",
]

# Tier: 0 a town or station, 1 a region or a layer, 2 a country or sea, 3 far or continental.
TOWN, REGION, COUNTRY, WIDE = 0, 1, 2, 3

# Countries of the region and its partners: names, demonyms and adjectives in the spellings and
# scripts articles use (Russian adjectives in their dictionary form: the finder lemmatises).
COUNTRIES: dict[str, tuple[float, float, tuple[str, ...]]] = {
    "Armenia": (
        45.0,
        40.2,
        (
            "Armenia",
            "Armenian",
            "Armenians",
            "Hayastan",
            "Армения",
            "армянский",
            "Հայաստան",
            "Ermənistan",
            "Ermenistan",
        ),
    ),
    "Azerbaijan": (
        47.6,
        40.3,
        (
            "Azerbaijan",
            "Azerbaijani",
            "Azerbaijanis",
            "Azeri",
            "Azeris",
            "Azerbaycan",
            "Azərbaycan",
            "Азербайджан",
            "азербайджанский",
            "Ադրբեջան",
        ),
    ),
    "Iran": (47.5, 38.4, ("Iran", "Iranian", "Iranians", "Persia", "Иран", "иранский", "Իրան", "İran")),
    "Turkey": (43.5, 39.8, ("Turkey", "Türkiye", "Turkiye", "Turkish", "Turks", "Турция", "турецкий", "Թուրքիա")),
    "Georgia": (
        44.0,
        41.9,
        (
            "Georgia",
            "Georgian",
            "Georgians",
            "Sakartvelo",
            "Грузия",
            "грузинский",
            "Վրաստան",
            "საქართველო",
            "Gürcüstan",
        ),
    ),
    "Russia": (45.5, 42.8, ("Russia", "Russian", "Russians", "Россия", "российский", "Ռուսաստան", "Rusiya")),
    "United States": (
        -77.036,
        38.895,
        ("United States", "U.S.", "US", "USA", "U.S.A.", "American", "Americans", "США", "американский"),
    ),
    "Kazakhstan": (51.2, 43.6, ("Kazakhstan", "Kazakh", "Казахстан", "казахстанский", "Qazaqstan")),
    "Turkmenistan": (52.97, 40.0, ("Turkmenistan", "Turkmen", "Туркмения", "Туркменистан")),
    "China": (116.4, 39.9, ("China", "Chinese", "Китай", "китайский")),
}

# GeoNames' codes of the countries a text may name right after a town ("Agarak, Armenia").
COUNTRY_CODES = {"Armenia": "AM", "Azerbaijan": "AZ", "Iran": "IR", "Turkey": "TR", "Georgia": "GE", "Russia": "RU"}

# Water and wide areas.
WIDE_PLACES: dict[str, tuple[float, float, int, str, tuple[str, ...]]] = {
    "Dagestan": (47.5, 42.9, REGION, "province", ("Dagestan", "Дагестан")),
    "Caspian Sea": (
        50.5,
        40.5,
        COUNTRY,
        "sea",
        ("Caspian", "Caspian Sea", "Caspian basin", "Каспий", "Каспийское море", "Xəzər", "Xəzər dənizi"),
    ),
    "Black Sea": (37.0, 43.0, WIDE, "sea", ("Black Sea", "Черное море", "Чёрное море", "Qara dəniz")),
    "Central Asia": (66.0, 42.0, WIDE, "region", ("Central Asia", "Центральная Азия", "Mərkəzi Asiya")),
    "Europe": (15.0, 50.0, WIDE, "region", ("Europe", "European", "Европа", "европейский", "Avropa")),
    "South Caucasus": (
        45.0,
        40.5,
        COUNTRY,
        "region",
        ("South Caucasus", "Caucasus", "Transcaucasia", "Южный Кавказ", "Закавказье", "Cənubi Qafqaz"),
    ),
}

# The US state, chosen only when the text says so.
US_STATE_CUES = ("atlanta", "savannah", "u s state", "state of georgia", "georgia usa", "governor of georgia")

# Words before a name that make it a person (President Washington, George Washington).
PERSON_CUES = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "dr",
        "president",
        "minister",
        "general",
        "gen",
        "senator",
        "sen",
        "governor",
        "george",
        "denzel",
        "booker",
        "saint",
        "st",
        "lord",
        "king",
        "queen",
    }
)

# Words after a name (or its possessive) that make it a person's likeness, not the place.
PERSON_AFTER = frozenset({"portrait", "portraits", "bust", "statue", "likeness", "face", "biography"})

# Words after a name that make it a product, a treaty, a group or a club named after a place:
# "Ararat brandy", "Paris Agreement", "Minsk Group", "Qarabağ FK".
NOT_PLACE_AFTER = frozenset(
    {
        # a range named after a town ("Meghri mountain range") is not the town
        "range",
        "ridge",
        "mountain",
        "brandy",
        "cognac",
        "wine",
        "wines",
        "reds",
        "whites",
        "beer",
        "vodka",
        "agreement",
        "agreements",
        "accord",
        "accords",
        "treaty",
        "declaration",
        "principles",
        "format",
        "group",
        "protocol",
        "protocols",
        "convention",
        "conventions",
        "consensus",
        "syndrome",
        "fk",
        "fc",
        "sk",
        "street",
        "avenue",
        "square",
        "boulevard",
        "hotel",
        # "Karabakh horses": a breed named after the place.
        "horse",
        "horses",
        "breed",
    }
)

# Words that begin a longer village name ("Mets Shen", "Verin Hand", "Yuxarı Əskipara"): the name after one,
# standing alone, is another village, not the one the text means.
NAME_QUALIFIERS = frozenset(
    {
        "Mets", "Pokr", "Verin", "Nerkin", "Hin", "Nor", "Yukhari", "Yukhary", "Ashaghi", "Ashagy",
        "Yuxarı", "Aşağı", "Böyük", "Kiçik", "Köhnə", "Մեծ", "Փոքր", "Վերին", "Ներքին", "Հին", "Նոր",
        "Верхний", "Верхняя", "Верхнее", "Верхние", "Нижний", "Нижняя", "Нижнее", "Нижние",
        "Нор", "Мец", "Верин", "Неркин", "Ин",
    }
)  # fmt: skip

# Words before a name with the same effect: "Treaty of Kars", "FC Ararat".
NOT_PLACE_BEFORE = frozenset({"treaty of", "declaration of", "protocol of", "fc", "fk", "club"})

# Clubs named after places, and the words that say a sentence is about sport.
SPORTS_CLUBS = frozenset({"qarabag", "ararat", "pyunik", "shirak", "neftchi", "sabah", "zira"})
# Words that make a whole paragraph about football, and words that do so for their own sentence only.
SPORTS_CUES = frozenset(
    "league;premier league;uefa;championship;championships;fans;coach;champions league;europa league;"
    "conference league;striker;midfielder;stadium;club;football".split(";")
)
SPORTS_SENTENCE_CUES = frozenset({"match", "goal", "goals", "season", "won", "beat", "draw"})

# Names GeoNames has that are ordinary words in English prose.
STOPWORDS = frozenset(
    {
        "of",
        "human",
        "milli",  # Azerbaijani "national" ("Milli Məclis"), a short name of Birinci Milli
        "bor",
        "ula",
        "sale",
        "van",
        "mus",
        "rize",
        "kale",
        "ordu",
        "golden",
        "batman",
        "bala",
        "bus",
        "tire",
        "zara",
        "siirt",
        "muslim",
        "salt",
        "hope",
        "may",
        "march",
        "sharp",
        "city",
        "union",
        "peace",
        "tuesday",
        "monday",
        "state",
        "trump",
        "vance",
        "white",
        "still",
        "last",
        "more",
        "next",
        "new",
        "north",
        "south",
        "east",
        "west",
        "central",
        "port",
        "side",
        "trade",
        "court",
        "summit",
        "deal",
        "main",
        "grain",
        "gas",
        "oil",
        "shop",
        "fans",
        "mountain",
        "village",
        "bridge",
        "station",
    }
)
