"""Many articles at once: files and folders read, duplicates recognised and counted once.

Two articles are the same when their text is the same once case, spacing and punctuation are set
aside (a re-saved or re-pasted copy); the first one read is kept, in the order given (a folder's
``.txt`` files in name order).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from geo.articles import MAX_BYTES, Article, ArticleError, decode_article, paragraphs, parse_article, read_article
from geo.errors import shown
from geo.gazetteer import normalise

__all__ = [
    "MAX_ARTICLES",
    "MAX_CORPUS_PARAGRAPHS",
    "Corpus",
    "article_title",
    "corpus_of",
    "read_corpus",
    "submitted_corpus",
]

# Articles one map may hold: a term's or a newsroom's coverage, with room to spare.
MAX_ARTICLES = 5_000
# Paragraphs one map may hold, all articles together: 19,669 excerpts (2,000 articles) drew in 0.8 s and
# were read and exported in 9.4 s; more articles than that are left out, and the notes say so.
MAX_CORPUS_PARAGRAPHS = 20_000
_TITLE_CHARS = 90


@dataclass(frozen=True)
class Corpus:
    """The articles of one map, each once, and what was left out and why."""

    articles: tuple[Article, ...]
    duplicates: tuple[tuple[str, str], ...] = ()  # (name left out, name of the copy kept)
    notes: tuple[str, ...] = ()

    def summary(self) -> str:
        """One line for the user: how many articles, and the duplicates counted once."""
        text = f"{len(self.articles):,} article{'s' if len(self.articles) != 1 else ''}"
        if self.duplicates:
            text += f"; {len(self.duplicates):,} duplicate{'s' if len(self.duplicates) != 1 else ''} counted once"
        return text


def article_title(article: Article) -> str:
    """A short title: the article's first sentence (cut at a word), or its file name."""
    first = article.text.strip().split("\n", 1)[0]
    for stop in (". ", "? ", "! ", " — ", " – "):
        if stop in first[: _TITLE_CHARS + 20]:
            first = first.split(stop, 1)[0]
            break
    if len(first) > _TITLE_CHARS:
        first = first[:_TITLE_CHARS].rsplit(" ", 1)[0] + " …"
    return first.strip() or article.name


def _fingerprint(article: Article) -> str:
    return hashlib.sha256(normalise(article.text).encode("utf-8")).hexdigest()


def corpus_of(articles: Iterable[Article]) -> Corpus:
    """The corpus of articles already read: duplicates counted once."""
    kept: dict[str, Article] = {}
    duplicates = []
    total, over = 0, []
    for article in articles:
        mark = _fingerprint(article)
        if mark in kept:
            duplicates.append((article.name, kept[mark].name))
            continue
        size = len(paragraphs(article.text))
        if over or (kept and total + size > MAX_CORPUS_PARAGRAPHS):
            over.append(article.name)
            continue
        total += size
        kept[mark] = article
    notes = [a.note for a in kept.values() if a.note]
    if over:
        notes.append(
            f"left out {len(over):,} articles from {over[0]} on: one map holds {MAX_CORPUS_PARAGRAPHS:,} paragraphs"
        )
    return Corpus(tuple(kept.values()), tuple(duplicates), tuple(notes))


def _files(paths: Iterable[Path]) -> list[Path]:
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            # Every .txt entry but a folder: one that is not a regular file (a link to /dev/zero) is read, refused
            # and left out with its reason, never skipped in silence.
            # Subfolders too (a term's coverage by week), in path order; a linked folder is not followed (no loops).
            found = sorted(p for p in path.rglob("*") if p.suffix.lower() == ".txt" and not p.is_dir())
            if not found:
                raise ArticleError(f"{shown(path)}: the folder holds no .txt article")
            out += found
        else:
            out.append(path)
    return out


def read_corpus(paths: Iterable[Path]) -> Corpus:
    """Read article files and folders of ``.txt`` files. A file that cannot be read is left out with its
    reason in the notes; when none can be read, the first reason is the error."""
    files = _files(paths)
    if not files:
        raise ArticleError("no article given")
    if len(files) > MAX_ARTICLES:
        raise ArticleError(f"{len(files):,} articles is more than the {MAX_ARTICLES:,} one map may hold")
    articles, skipped = [], []
    for path in files:
        try:
            articles.append(read_article(path))
        except ArticleError as exc:
            skipped.append(f"{exc}: left out")
    if not articles:
        raise ArticleError(skipped[0].removesuffix(": left out"))
    corpus = corpus_of(articles)
    return Corpus(corpus.articles, corpus.duplicates, (*skipped, *corpus.notes))


def submitted_corpus(pasted: str, files: list[tuple[bytes, str]]) -> tuple[Corpus, list[str]]:
    """The articles a person pasted and uploaded (``files``: bytes and name), and a line for each left out.

    Both given: both read, and said so (never one silently merged into the other). Nothing readable:
    :class:`ArticleError` with the first reason.
    """
    read, notes = [], []
    for data, name in files[:MAX_ARTICLES]:
        try:
            read.append(decode_article(data, name))
        except ArticleError as exc:
            notes.append(f"{exc}: left out")
    if len(files) > MAX_ARTICLES:
        notes.append(f"kept the first {MAX_ARTICLES:,} of {len(files):,} files")
    if pasted.strip():
        read.append(parse_article(pasted, "pasted text"))
        if files:
            notes.insert(0, f"read together: the pasted text and {len(files):,} uploaded file(s)")
    if not read:
        raise ArticleError(
            notes[0].removesuffix(": left out")
            if notes
            else "pasted text: the article is empty (paste text, or choose .txt files of at most "
            f"{MAX_BYTES // 1_000_000} MB each: a larger one is refused by the browser before it is sent)"
        )
    corpus = corpus_of(read)
    dupes = [f"{name}: the same article as {kept}: counted once" for name, kept in corpus.duplicates]
    return corpus, [*notes, *corpus.notes, *dupes]
