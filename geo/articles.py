"""Reading an article: checks, metadata, paragraphs."""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from geo.dates import date_from_text
from geo.errors import TrippError

__all__ = [
    "MAX_BYTES",
    "MAX_PARAGRAPHS",
    "SEED",
    "Article",
    "ArticleError",
    "paragraphs",
    "parse_article",
    "read_article",
]

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_93121d9abb5efbbd.txt"
MAX_BYTES = 5_000_000
# Paragraphs kept (and excerpts drawn) from one article: a map of more is unreadable, and its page too heavy.
MAX_PARAGRAPHS = 500

_DATE_PREFIX = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\s+")


class ArticleError(TrippError):
    """An article that cannot be read: the message is one line for the user."""


@dataclass(frozen=True)
class Article:
    """An article's text with its metadata."""

    text: str
    name: str
    date: str = ""
    source: str = ""
    note: str = ""  # what was left out, said to the user (a long article is cut to MAX_PARAGRAPHS)


def parse_article(raw: str, name: str, source: str = "") -> Article:
    """An :class:`Article` from text; a leading ``date YYYY-MM-DD`` is metadata, not text. Without it,
    the date is read from a dateline or the first full date (:func:`geo.dates.date_from_text`).

    The same limits hold for pasted text as for files: at most ``MAX_BYTES`` (UTF-8), and the first
    ``MAX_PARAGRAPHS`` paragraphs are kept, with a note saying so.
    """
    if len(raw) > MAX_BYTES or len(raw.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        size = len(raw.encode("utf-8", "surrogatepass"))
        raise ArticleError(f"{name}: {size:,} bytes is more than the {MAX_BYTES:,}-byte limit")
    if "\x00" in raw:
        raise ArticleError(f"{name}: looks like a binary file, not text")
    match = _DATE_PREFIX.match(raw)
    date = match.group(1) if match else ""
    text = raw[match.end() :] if match else raw
    if not text.strip():
        raise ArticleError(f"{name}: the article is empty")
    note = ""
    if not match:
        date, why = date_from_text(text)
        note = f"{name}: {why}" if why else ""
    parts = paragraphs(text)
    if len(parts) > MAX_PARAGRAPHS:
        cut = f"{name}: kept the first {MAX_PARAGRAPHS:,} of its {len(parts):,} paragraphs"
        note = f"{note}; {cut}" if note else cut
        text = "\n\n".join(parts[:MAX_PARAGRAPHS])
    return Article(text=text, name=name, date=date, source=source, note=note)


def read_article(path: Path, source: str = "") -> Article:
    """Read a UTF-8 (or UTF-16, with its byte-order mark) article file, with a clear error for anything else."""
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise ArticleError(f"{path}: no such file") from exc
    except IsADirectoryError as exc:
        raise ArticleError(f"{path}: is a folder, not a file") from exc
    except OSError as exc:
        raise ArticleError(f"{path}: cannot read: {exc.strerror}") from exc
    return decode_article(data, path.name, source)


def decode_article(data: bytes, name: str, source: str = "") -> Article:
    """An article from bytes (a file or an upload)."""
    if len(data) > MAX_BYTES:
        raise ArticleError(f"{name}: {len(data):,} bytes is more than the {MAX_BYTES:,}-byte limit")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Word and Notepad save "Unicode" text as UTF-16 with a byte-order mark: text, not binary.
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ArticleError(f"{name}: not valid UTF-16 text (bad byte at offset {exc.start})") from exc
        if _unreadable_share(text) > 0.01:
            raise ArticleError(f"{name}: not valid UTF-16 text (it decodes to unreadable characters)")
        return parse_article(text, name, source)
    if b"\x00" in data:
        raise ArticleError(f"{name}: looks like a binary file, not text")
    try:
        raw = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleError(f"{name}: not UTF-8 text (bad byte at offset {exc.start})") from exc
    return parse_article(raw, name, source)


def _unreadable_share(text: str) -> float:
    """The share of characters no text holds: private-use, unassigned, surrogates, controls but whitespace."""
    bad = sum(
        1
        for c in text
        if unicodedata.category(c) in ("Co", "Cn", "Cs") or (unicodedata.category(c) == "Cc" and not c.isspace())
    )
    return bad / max(1, len(text))


def paragraphs(text: str) -> list[str]:
    """Paragraphs, verbatim: split on blank lines, or on line breaks when there are none."""
    parts = re.split(r"\n\s*\n", text)
    if len(parts) == 1:
        parts = text.split("\n")
    return [p.strip() for p in parts if p.strip()]
