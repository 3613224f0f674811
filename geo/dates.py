"""An article's date from its dateline or its first date phrase.

Read, in order: "2026-02-09"; "9 February 2026"; "February 9, 2026" (and "Feb. 9, 2026");
the Russian "9 февраля 2026" and the Azerbaijani "9 fevral 2026". A dateline with no year
("YEREVAN, Feb 9 (Reuters) –") takes the year from the first full date later in the text;
with none, the article stays undated and the note says why.
"""

from __future__ import annotations

import datetime as dt
import re

__all__ = ["date_from_text"]

_MONTHS = {
    **{m: i for i, m in enumerate(
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
         "november", "december"], start=1)},
    **{m: i for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)},
    "sept": 9,
    **{m: i for i, m in enumerate(
        ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
         "ноября", "декабря"], start=1)},
    **{m: i for i, m in enumerate(
        ["yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul", "avqust", "sentyabr", "oktyabr", "noyabr",
         "dekabr"], start=1)},
}  # fmt: skip
_MONTH = r"(?P<month>" + "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)"
_PATTERNS = [
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mon>[01]\d)-(?P<day>[0-3]\d)\b"),
    re.compile(rf"\b{_DAY}(?:st|nd|rd|th)?\s+{_MONTH}(?:\s+|,\s*){_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_MONTH}\s+{_DAY}(?:st|nd|rd|th)?,?\s+{_YEAR}\b", re.IGNORECASE),
]
# A dateline: a place in capitals (or a name) and a comma, then the day and month, near the top.
_DATELINE = [
    re.compile(rf"^[^\n]{{0,60}}?,\s*{_DAY}\s+{_MONTH}(?![\w])", re.IGNORECASE),
    re.compile(rf"^[^\n]{{0,60}}?,\s*{_MONTH}\s+{_DAY}\b", re.IGNORECASE),
]
_ANY_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")


def _valid(year: int, month: int, day: int) -> str:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return ""


def _full(text: str) -> tuple[str, int]:
    """The first full date in ``text`` and where it starts; ('', -1) when there is none."""
    best = ("", -1)
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            month = (
                int(match.group("mon"))
                if "mon" in match.groupdict() and match.group("mon")
                else (_MONTHS[match.group("month").lower().rstrip(".")])
            )
            date = _valid(int(match.group("year")), month, int(match.group("day")))
            if date and (best[1] < 0 or match.start() < best[1]):
                best = (date, match.start())
            break
    return best


def date_from_text(text: str) -> tuple[str, str]:
    """``(YYYY-MM-DD or '', note)``: the article's date and, when it is partial, why it is missing."""
    head = text.lstrip()[:400]
    for pattern in _DATELINE:
        match = pattern.match(head)
        if not match:
            continue
        month = _MONTHS[match.group("month").lower().rstrip(".")]
        day = int(match.group("day"))
        near = _full(head[: match.end() + 12])
        if near[0]:
            return near[0], ""
        later = _full(text)[0] or ""
        if later:
            return _valid(int(later[:4]), month, day), ""
        return "", f"the dateline gives {day} {list(_MONTHS)[month - 1].title()} but no year: the article is undated"
    date, where = _full(text[:2000])
    return (date, "") if where >= 0 else ("", "")
