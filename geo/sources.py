"""Who published an article, read from its own text: a ``source:`` line, or the agency its dateline names.

A many-articles map filters and labels articles by their outlet; a file's name ("tass-0412.txt") is only
the fallback. What the text says is printed as written, the agency's name as the agency writes it.
"""

from __future__ import annotations

import re

__all__ = ["AGENCIES", "SOURCE_LINE", "source_from_text"]

# A first line "source: …" (any case; the colon is required, so prose such as "Sources said …" is text).
SOURCE_LINE = re.compile(r"^\s*source\s*:\s*([^\n]{1,120}?)\s*(?:\n|$)", re.IGNORECASE)

# Agencies as datelines write them, in the four languages the map reads, with the name shown for each.
AGENCIES = {
    "reuters": "Reuters",
    "ap": "AP",
    "associated press": "AP",
    "afp": "AFP",
    "tass": "TASS",
    "тасс": "TASS",
    "ria novosti": "RIA Novosti",
    "риа новости": "RIA Novosti",
    "interfax": "Interfax",
    "интерфакс": "Interfax",
    "sputnik": "Sputnik",
    "xinhua": "Xinhua",
    "anadolu": "Anadolu",
    "aa": "Anadolu",
    "apa": "APA",
    "trend": "Trend",
    "report": "Report",
    "azertac": "AZERTAC",
    "azərtac": "AZERTAC",
    "armenpress": "Armenpress",
    "арменпресс": "Armenpress",
    "արմենպրես": "Armenpress",
    "news.am": "News.am",
    "arka": "ARKA",
    "dpa": "dpa",
    "efe": "EFE",
    "bloomberg": "Bloomberg",
}
_NAMES = "|".join(sorted((re.escape(k) for k in AGENCIES), key=len, reverse=True))
# "YEREVAN, Feb 9 (Reuters) –", "BAKU (AP) —", "МОСКВА, 9 февраля. /ТАСС/.", "Ереван, 9 февраля — ТАСС."
_IN_DATELINE = re.compile(
    rf"^[^\n]{{0,80}}?(?:\(\s*({_NAMES})\s*\)|/\s*({_NAMES})\s*/|[-–—]\s*({_NAMES})\s*[.:])", re.IGNORECASE
)
# "By Reuters", "Reuters reports", at the very start.
_BYLINE = re.compile(rf"^\s*(?:by\s+)({_NAMES})\b", re.IGNORECASE)


def source_from_text(text: str) -> str:
    """The outlet an article's text names at its start ("" when it names none)."""
    line = SOURCE_LINE.match(text)
    if line:
        return line.group(1)
    head = text.lstrip()[:400]
    match = _IN_DATELINE.match(head) or _BYLINE.match(head)
    if match:
        found = next(g for g in match.groups() if g)
        return AGENCIES[found.casefold()]
    return ""
