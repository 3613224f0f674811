"""Reading an article: checks, metadata, paragraphs."""

from __future__ import annotations

import codecs
import datetime as dt
import errno
import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from geo.dates import date_from_text
from geo.errors import TrippError, shown
from geo.install import project_file
from geo.sources import SOURCE_LINE, source_from_text

__all__ = [
    "MAX_BYTES",
    "MAX_PARAGRAPHS",
    "SEED",
    "Article",
    "ArticleError",
    "paragraphs",
    "parse_article",
    "read_article",
    "read_regular_file",
]

SEED = project_file("seeds/000_93121d9abb5efbbd.txt")
MAX_BYTES = 5_000_000
# Paragraphs kept (and excerpts drawn) from one article: a map of more is unreadable, and its page too heavy.
MAX_PARAGRAPHS = 500
# A paragraph longer than this is split at its sentence ends (or, with none, at spaces): one 5 MB line is not one
# step of a story, and its mentions are found piece by piece within the time budget.
MAX_PARAGRAPH_CHARS = 20_000
_CHUNK = 1 << 20

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
    """An :class:`Article` from text; a leading ``date YYYY-MM-DD`` or ``source: …`` line is metadata, not
    text. Without a source, the outlet its dateline names (:func:`geo.sources.source_from_text`). Without a date,
    the date is read from a dateline or the first full date (:func:`geo.dates.date_from_text`).

    The same limits hold for pasted text as for files: at most ``MAX_BYTES`` (UTF-8), and the first
    ``MAX_PARAGRAPHS`` paragraphs are kept, with a note saying so.
    """
    label = shown(name)
    if len(raw) > MAX_BYTES or len(raw.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        size = len(raw.encode("utf-8", "surrogatepass"))
        raise ArticleError(f"{label}: {size:,} bytes is more than the {MAX_BYTES:,}-byte limit")
    if "\x00" in raw:
        raise ArticleError(f"{label}: looks like a binary file, not text")
    line = SOURCE_LINE.match(raw)  # "source: …" before or after the date line: metadata, not text
    if line:
        source, raw = source or line.group(1), raw[line.end() :]
    match = _DATE_PREFIX.match(raw)
    date = match.group(1) if match else ""
    text = raw[match.end() :] if match else raw
    line = SOURCE_LINE.match(text)
    if line:
        source, text = source or line.group(1), text[line.end() :]
    source = source or source_from_text(text)
    if not text.strip():
        raise ArticleError(f"{label}: the article is empty")
    notes = []
    if match and not _real_day(date):
        notes.append(f"{label}: its date line's {date} is not a calendar day: the article is left undated")
        date = ""
    elif not match:
        date, why = date_from_text(text)
        if why:
            notes.append(f"{label}: {why}")
    parts = paragraphs(text)
    long = [p for p in parts if len(p) > MAX_PARAGRAPH_CHARS]
    if long:
        parts = [piece for p in parts for piece in split_long(p)]
        notes.append(
            f"{label}: {len(long):,} paragraph(s) longer than {MAX_PARAGRAPH_CHARS:,} characters split at sentence ends"
        )
        text = "\n\n".join(parts)
    if len(parts) > MAX_PARAGRAPHS:
        notes.append(f"{label}: kept the first {MAX_PARAGRAPHS:,} of its {len(parts):,} paragraphs")
        text = "\n\n".join(parts[:MAX_PARAGRAPHS])
    return Article(text=text, name=name, date=date, source=source, note="; ".join(notes))


def _real_day(iso: str) -> bool:
    try:
        dt.date.fromisoformat(iso)
    except ValueError:
        return False
    return True


def split_long(paragraph: str, limit: int = MAX_PARAGRAPH_CHARS) -> list[str]:
    """A paragraph as pieces of at most ``limit`` characters, cut after a sentence's end where there is one in
    the second half of a piece, else after a space, else anywhere; nothing is lost but the whitespace at a cut."""
    out = []
    rest = paragraph
    while len(rest) > limit:
        window = rest[:limit]
        cut = max(window.rfind(". "), window.rfind("! "), window.rfind("? "), window.rfind("։ "))
        cut = cut + 1 if cut >= limit // 2 else window.rfind(" ")
        cut = cut if cut >= limit // 2 else limit
        out.append(rest[:cut].strip())
        rest = rest[cut:].lstrip()
    if rest.strip():
        out.append(rest.strip())
    return out


_NOT_REGULAR = (
    (stat.S_ISFIFO, "a pipe (FIFO)"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)


def read_article(path: Path, source: str = "") -> Article:
    """Read a UTF-8 (or UTF-16, with its byte-order mark) article file, with a clear error for anything else.

    Only a regular file is read, in bounded chunks: a pipe, a device (``/dev/zero``) or a socket is refused
    at once (it is opened without waiting for a writer), and a file that grows past the size limit while it
    is read stops there."""
    return decode_article(read_regular_file(path, MAX_BYTES, ArticleError), path.name, source)


def read_regular_file(path: Path, limit: int, error: type[TrippError]) -> bytes:
    """A regular file's bytes, at most ``limit``; anything else (a pipe, a device, a folder, a file too large or
    growing past the limit while read) is refused at once with ``error``, in one line."""
    label = shown(path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError as exc:
        raise error(f"{label}: no such file") from exc
    except IsADirectoryError as exc:
        raise error(f"{label}: is a folder, not a file") from exc
    except OSError as exc:
        why = "a symbolic link loop" if exc.errno == errno.ELOOP else f"cannot read: {exc.strerror}"
        raise error(f"{label}: {why}") from exc
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise error(f"{label}: is a folder, not a file")
        for test, kind in _NOT_REGULAR:
            if test(info.st_mode):
                raise error(f"{label}: is {kind}, not a text file: only regular files are read")
        if info.st_size > limit:
            raise error(f"{label}: {info.st_size:,} bytes is more than the {limit:,}-byte limit")
        chunks, total = [], 0
        while block := os.read(fd, _CHUNK):
            total += len(block)
            if total > limit:
                raise error(f"{label}: more than the {limit:,}-byte limit (it grew while it was read)")
            chunks.append(block)
        return b"".join(chunks)
    except OSError as exc:
        raise error(f"{label}: cannot read: {exc.strerror}") from exc
    finally:
        os.close(fd)


def decode_article(data: bytes, name: str, source: str = "") -> Article:
    """An article from bytes (a file or an upload)."""
    label = shown(name)
    if len(data) > MAX_BYTES:
        raise ArticleError(f"{label}: {len(data):,} bytes is more than the {MAX_BYTES:,}-byte limit")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Word and Notepad save "Unicode" text as UTF-16 with a byte-order mark: text, not binary.
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ArticleError(f"{label}: not valid UTF-16 text (bad byte at offset {exc.start})") from exc
        if _unreadable_share(text) > 0.01:
            raise ArticleError(f"{label}: not valid UTF-16 text (it decodes to unreadable characters)")
        return parse_article(text, name, source)
    if b"\x00" in data:
        raise ArticleError(f"{label}: looks like a binary file, not text")
    try:
        raw = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleError(f"{label}: not UTF-8 text (bad byte at offset {exc.start})") from exc
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
