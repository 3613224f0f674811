"""An article's date from its dateline or its first date phrase.

Read, in order: "2026-02-09"; "9 February 2026"; "February 9, 2026" (and "Feb. 9, 2026");
the Russian "9 февраля 2026" and the Azerbaijani "9 fevral 2026". A dateline with no year
("YEREVAN, Feb 9 (Reuters) –") takes the year from the article's date line (a line near its top or
foot that is only a date, "Published 9 February 2026, 10:32"), never from a date the text tells of
("the ceasefire of 12 May 1994"); with none, the article stays undated and the note says why. An
article with no dateline takes its date line's date, else its first full date. A date that is no
calendar day ("30 February 2026") is passed over for the next one.
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


def _month_of(match: re.Match) -> int:
    if "mon" in match.groupdict() and match.group("mon"):
        return int(match.group("mon"))
    return _MONTHS[match.group("month").lower().rstrip(".")]


def _full_span(text: str) -> tuple[str, int, int]:
    """The first full date in ``text`` that is a calendar day, with where it starts and ends; ('', -1, -1)."""
    best = ("", -1, -1)
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            date = _valid(int(match.group("year")), _month_of(match), int(match.group("day")))
            if not date:
                continue  # "30 February 2026": the next date of this form may be a real one
            if best[1] < 0 or match.start() < best[1]:
                best = (date, match.start(), match.end())
            break
    return best


def _full(text: str) -> tuple[str, int]:
    """The first full date in ``text`` and where it starts; ('', -1) when there is none."""
    date, start, _ = _full_span(text)
    return date, start


# What may stand beside the date on a date line: a word saying so, a weekday, a time and its zone.
_LINE_WORDS = re.compile(
    r"(?:published|updated|posted|first published|last updated|date|dated|on|at|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"опубликовано|обновлено|дата|размещено|tarix|dərc\s+(?:edilib|olunub|edildi)|yenilənib|"
    r"gmt|utc|msk|amt|azt|[+-]?\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?)",
    re.IGNORECASE,
)
_HEAD_LINES, _FOOT_LINES, _LINE_MAX = 6, 3, 80


def _date_line(text: str) -> str:
    """The date of the article's own date line near its top or foot: a short line that holds a full date
    and nothing else but the words and times in :data:`_LINE_WORDS`; '' when it has none."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for line in lines[:_HEAD_LINES] + lines[-_FOOT_LINES:]:
        if len(line) > _LINE_MAX:
            continue
        date, start, end = _full_span(line)
        if not date:
            continue
        rest = _LINE_WORDS.sub(" ", line[:start] + " " + line[end:])
        if not re.sub(r"[\W_]+", "", rest):
            return date
    return ""


def date_from_text(text: str) -> tuple[str, str]:
    """``(YYYY-MM-DD or '', note)``: the article's date and, when it is partial, why it is missing."""
    head = text.lstrip()[:400]
    own = _date_line(text)
    for pattern in _DATELINE:
        match = pattern.match(head)
        if not match:
            continue
        month = _MONTHS[match.group("month").lower().rstrip(".")]
        day = int(match.group("day"))
        near = _full(head[: match.end() + 12])
        if near[0]:
            return near[0], ""
        if own:
            return _valid(int(own[:4]), month, day), ""
        return "", (
            f"the dateline gives {day} {list(_MONTHS)[month - 1].title()} but no year, and the article has no "
            "date line: the article is undated"
        )
    if own:
        return own, ""
    date, where = _full(text[:2000])
    return (date, "") if where >= 0 else ("", "")
