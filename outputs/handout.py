"""Paper and slides: a printable handout (PDF) and single map figures (PNG or SVG).

Drawn with the project's own frames through matplotlib (``render.figure_map``), with the same
styles as the web map. Same inputs, same bytes: no dates in the metadata, fixed SVG ids.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import textwrap
import threading
from collections.abc import Iterator
from pathlib import Path

import geopandas as gpd
import matplotlib

from geo.i18n import N_, tr

matplotlib.use("Agg")

import matplotlib.pyplot as plt
from matplotlib.backends.backend_pdf import PdfPages

from geo.errors import TrippError
from layers.story import HEADLINE
from outputs.files import atomic_write
from render.figure_labels import draw_inset
from render.figure_map import draw_map, fit_frame
from render.figure_steps import FigureStep, figure_steps, region_frame
from render.i18n import words_text
from render.mapbuilder import CREDITS
from render.paper_text import paper_text
from render.story import article_facts

__all__ = ["MAX_MAP_PAGES", "MAX_TEXT_PAGES", "PAPERS", "FigureError", "handout_note", "write_figure", "write_handout"]

# A map page takes about a second to draw: a handout draws the first paragraphs' maps (all of a news story's)
# and gives the rest as text pages, so a long article's handout stays within 15 s and a few MB.
MAX_MAP_PAGES = 15
PARALLEL_FROM = 6  # map pages: fewer are drawn quicker than a second process is started and joined
MAX_TEXT_PAGES = 20
TEXT_PAGE_CHARS = 3_200

PAPERS = {"a4": (8.27, 11.69), "letter": (8.5, 11.0)}
TITLE = "The TRIPP corridor"
CONVENTION = N_(
    "Borders are drawn de jure (as internationally recognised). The border enclaves and Karabakh say who "
    "held them; Karabakh is drawn as it stood on the article's date. Proposed lines are dashed; "
    "place names that differ in Azerbaijani and Armenian usage carry both."
)
QUESTIONS = (
    N_("Which countries does the line on this page cross?"),
    N_("Write the names of the places marked with a line."),
)
_RC = {
    "pdf.fonttype": 42,  # TrueType: real, selectable text
    "svg.fonttype": "none",
    "svg.hashsalt": "tripp-map",
    "font.family": "DejaVu Sans",  # ships with matplotlib; carries Armenian, Azerbaijani and Cyrillic
    "text.parse_math": False,  # an article's "$2 billion" is money, not mathematics: text is drawn as written
}
_NO_DATES = {"Creator": "tripp-map", "Producer": "tripp-map", "CreationDate": None, "ModDate": None}


class FigureError(TrippError):
    """A figure or handout cannot be made as asked (a bad step, size or format)."""


def _wrap(text: str, width: int, max_lines: int, lang: str = "en") -> str:
    lines = textwrap.wrap(" ".join(paper_text(text).split()), width) or [""]
    if len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], tr("… (the paragraph goes on: see the text version of the map)", lang)]
    return "\n".join(lines)


def _title(title: str, lang: str) -> str:
    """The map's title: the default one in ``lang``, a person's as written."""
    return tr(title, lang) if title == TITLE else title


def _credits(lang: str) -> str:
    return tr("Data: {credits}", lang, credits="; ".join(tr(c, lang) for c in CREDITS))


def _step_title(step: FigureStep, lang: str) -> str:
    """A step's title: its lesson title as written, else its places in ``lang`` (or its number)."""
    if step.own_title:
        return step.title
    if not step.places:
        return tr("Paragraph {n}", lang, n=step.number)
    return " · ".join(words_text(p, lang) for p in step.places[:3]) + (" …" if len(step.places) > 3 else "")


def _title_page(
    pdf: PdfPages,
    size: tuple[float, float],
    excerpts: gpd.GeoDataFrame,
    date: str,
    worksheet: bool,
    title: str = TITLE,
    lang: str = "en",
) -> None:
    fig = plt.figure(figsize=size)
    heading = textwrap.shorten(paper_text(_title(title, lang)), 60, placeholder=" …")
    fig.text(0.07, 0.95, heading, fontsize=22, fontweight="bold", va="top")
    fig.text(0.07, 0.905, _wrap(tr(HEADLINE, lang), 88, 6), fontsize=11, va="top", linespacing=1.4)
    box = (0.07, 0.3, 0.86, 0.46)
    ax = fig.add_axes(box)
    frame = fit_frame(region_frame(), box[2] * size[0], box[3] * size[1])
    # A worksheet's title page blanks the places' names, as its later pages do.
    draw_map(ax, frame, date=date or None, key="below", blank_labels=worksheet, lang=lang)
    draw_inset(ax, frame, lang)
    facts = article_facts(excerpts, lang)
    fig.text(0.07, 0.19, _wrap(facts, 95, 2), fontsize=10, va="top")
    fig.text(0.07, 0.16, _wrap(tr(CONVENTION, lang), 100, 5), fontsize=9, va="top", color="#333333", linespacing=1.35)
    fig.text(0.07, 0.07, _wrap(_credits(lang), 110, 3), fontsize=8, va="top", color="#333333")
    pdf.savefig(fig)
    plt.close(fig)


def _step_page(
    pdf: PdfPages,
    size: tuple[float, float],
    step: FigureStep,
    count: int,
    worksheet: bool,
    excerpts: gpd.GeoDataFrame,
    lang: str = "en",
) -> None:
    fig = plt.figure(figsize=size)
    heading = tr("Paragraph {n} of {count} · {title}", lang, n=step.number, count=count, title=_step_title(step, lang))
    fig.text(0.07, 0.965, heading, fontsize=13, fontweight="bold", va="top")
    box = (0.07, 0.5, 0.86, 0.44)
    ax = fig.add_axes(box)
    draw_map(
        ax,
        fit_frame(step.frame, box[2] * size[0], box[3] * size[1]),
        date=step.map_date or None,
        blank_labels=worksheet,
        markers=step.markers,
        key="below",
        lang=lang,
    )
    fig.text(0.07, 0.39, _wrap(step.text, 92, 14), fontsize=11, va="top", linespacing=1.4)
    meta = " · ".join(x for x in (step.date, step.source) if x)
    places = ", ".join(words_text(p, lang) for p in step.places) or tr("none", lang)
    about = "\n".join([_wrap(meta, 110, 2), _wrap(tr("Places named: {places}", lang, places=places), 110, 2)])
    fig.text(0.07, 0.11, about, fontsize=9, va="top", color="#333333")
    if step.note:
        note = _wrap(tr("Teacher’s note: {note}", lang, note=step.note), 110, 2)
        fig.text(0.07, 0.075, note, fontsize=9, va="bottom", color="#1a1a1a")
    questions = step.questions or (tuple(tr(q, lang) for q in QUESTIONS) if worksheet else ())
    if questions:
        fig.text(
            0.07,
            0.03,
            _wrap("   ".join(f"{n}. {q} ______________" for n, q in enumerate(questions, 1)), 110, 3),
            fontsize=9,
            va="bottom",
        )
    pdf.savefig(fig)
    plt.close(fig)


def _text_pages(steps: list[FigureStep]) -> tuple[list[list[FigureStep]], int]:
    """The paragraphs after the mapped ones, page by page (about ``TEXT_PAGE_CHARS`` each), at most
    ``MAX_TEXT_PAGES``; and how many paragraphs are left out after them."""
    pages: list[list[FigureStep]] = []
    used = 0
    for step in steps:
        if not pages or used + len(step.text) > TEXT_PAGE_CHARS:
            if len(pages) == MAX_TEXT_PAGES:
                return pages, len(steps) - sum(len(p) for p in pages)
            pages.append([])
            used = 0
        pages[-1].append(step)
        used += len(step.text)
    return pages, 0


def handout_note(paragraphs: int) -> str:  # the app's and the CLI's words (English, as their messages)
    """What a handout of an article of ``paragraphs`` paragraphs leaves as text or out ("" when nothing)."""
    if paragraphs <= MAX_MAP_PAGES:
        return ""
    return (
        f"the handout draws the maps of the first {MAX_MAP_PAGES} of {paragraphs:,} paragraphs and gives the rest "
        f"as text (at most {MAX_TEXT_PAGES} pages; the map's text version holds every paragraph)"
    )


def _text_page(pdf: PdfPages, size: tuple[float, float], steps: list[FigureStep], count: int, lang: str = "en") -> None:
    fig = plt.figure(figsize=size)
    first, last = steps[0].number, steps[-1].number
    heading = tr("Paragraphs {first}–{last} of {count}, as text", lang, first=first, last=last, count=count)
    fig.text(0.07, 0.965, heading, fontsize=13, fontweight="bold", va="top")
    body = "\n\n".join(f"{s.number}. {_wrap(s.text, 95, 40, lang)}" for s in steps)
    fig.text(0.07, 0.93, body, fontsize=9.5, va="top", linespacing=1.3)
    pdf.savefig(fig)
    plt.close(fig)


_STOPS = {signal.SIGINT, signal.SIGTERM}


def _unblocked(handlers: dict, work, *args) -> None:
    for signum, handler in handlers.items():
        signal.signal(signum, handler)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOPS)  # the fork inherited them held: the child can be stopped
    work(*args)


@contextlib.contextmanager
def _stops_deferred() -> Iterator[dict]:
    """Hold Ctrl-C and SIGTERM while a child is forked, then raise the one that came.

    The main thread's mask does not hold a signal the kernel gives to a thread Python does not know (a numeric
    library's): its handler would then run between the fork and multiprocessing's record of the child, and the
    child, unknown to the clean-up, would go on writing its half. Here a handler only notes the signal; it is
    sent again once the child is on record. Yields the handlers the child should have.
    """
    came: list[int] = []
    before = {signum: signal.signal(signum, lambda signum, frame: came.append(signum)) for signum in _STOPS}
    held = signal.pthread_sigmask(signal.SIG_BLOCK, _STOPS)  # and in the child, until it has its handlers
    try:
        yield before
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
        for signum, handler in before.items():
            signal.signal(signum, handler)
        if came:
            signal.raise_signal(came[0])


def _can_fork() -> bool:
    # A fork of a process running other threads could inherit a lock one of them holds: draw in one then.
    return hasattr(os, "fork") and threading.active_count() == 1


def _join(parts: tuple[Path, ...], out: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for part in parts:
        writer.append(part)
    writer.add_metadata({"/Creator": "tripp-map", "/Producer": "tripp-map"})  # no dates: the same bytes
    with out.open("wb") as f:
        writer.write(f)


def write_handout(
    path: Path,
    excerpts: gpd.GeoDataFrame,
    paper: str = "a4",
    worksheet: bool = False,
    title: str = TITLE,
    lang: str = "en",
) -> int:
    """Write the handout: a title page, a map page per paragraph (the first ``MAX_MAP_PAGES``) and the rest
    as text pages (see :func:`handout_note`), its own words and the map's names in ``lang`` (the article's
    text as written). Returns the number of pages."""
    if paper not in PAPERS:
        raise FigureError(f"--paper {paper}: choose one of {', '.join(PAPERS)}")
    size = PAPERS[paper]
    steps = figure_steps(excerpts)
    date = str(excerpts.iloc[0]["date"] or "") if len(excerpts) else ""
    mapped, rest = steps[:MAX_MAP_PAGES], steps[MAX_MAP_PAGES:]
    text_pages, _ = _text_pages(rest)

    def draw(tmp: Path, with_title: bool, maps: list[FigureStep], texts: list[list[FigureStep]]) -> None:
        with plt.rc_context(_RC), PdfPages(tmp, metadata=_NO_DATES) as pdf:
            if with_title:
                _title_page(pdf, size, excerpts, date, worksheet, title, lang)
            for step in maps:
                _step_page(pdf, size, step, len(steps), worksheet, excerpts, lang)
            for page in texts:
                _text_page(pdf, size, page, len(steps), lang)

    def write(tmp: Path) -> None:
        half = len(mapped) // 2 if len(mapped) >= PARALLEL_FROM and _can_fork() else 0
        if not half:
            draw(tmp, True, mapped, text_pages)
            return
        # Two processes, a half of the pages each (a map page takes about a second; this machine has two
        # cores), their PDFs joined in order. A fork shares the layers already built: nothing is loaded twice.
        parts = (tmp.with_name(tmp.name + ".1"), tmp.with_name(tmp.name + ".2"))
        child = None
        try:
            # A Ctrl-C or SIGTERM arriving during the fork would be raised in an at-fork hook, where Python
            # swallows it, or before the child is on record: deferred, it is raised here, inside the clean-up.
            with _stops_deferred() as handlers:
                child = multiprocessing.get_context("fork").Process(
                    target=_unblocked,
                    args=(handlers, draw, parts[1], False, mapped[half:], text_pages),
                    daemon=True,
                )
                child.start()
            draw(parts[0], True, mapped[:half], [])
            child.join()
            if child.exitcode != 0:
                raise FigureError(f"the handout's later pages could not be drawn (exit code {child.exitcode})")
            _join(parts, tmp)
        finally:
            if child is not None and child.is_alive():
                child.terminate()
                child.join()
            for part in parts:
                part.unlink(missing_ok=True)

    atomic_write(path, write)
    return 1 + len(mapped) + len(text_pages)


def parse_size(text: str) -> tuple[int, int]:
    """``"1920x1080"`` → (1920, 1080), or a one-line error."""
    try:
        width, height = (int(v) for v in text.lower().split("x"))
    except ValueError as exc:
        raise FigureError(f"--size {text}: give it as WIDTHxHEIGHT in pixels, such as 1920x1080") from exc
    if not (100 <= width <= 10_000 and 100 <= height <= 10_000):
        raise FigureError(f"--size {text}: each side must be between 100 and 10000 pixels")
    return width, height


def _fitted_line(fig, bottom: float, text: str, size: float, least: float, **style) -> float:
    """``text`` along the figure's width from ``bottom`` up, smaller or on more lines until it fits (never cut
    at the edge); returns its top, in figure fractions."""
    renderer = fig.canvas.get_renderer()
    room = fig.bbox.width * 0.98
    artist = fig.text(0.01, bottom, text, fontsize=size, va="bottom", **style)
    width = artist.get_window_extent(renderer).width
    if width > room:
        artist.set_fontsize(max(least, size * room / width))
        width = artist.get_window_extent(renderer).width
    if width > room:
        artist.set_text(textwrap.fill(text, max(20, int(len(text) * room / width))))
    return artist.get_window_extent(renderer).y1 / fig.bbox.height


def write_figure(
    path: Path,
    excerpts: gpd.GeoDataFrame,
    step: int | None = None,
    size: tuple[int, int] = (1920, 1080),
    dpi: int = 150,
    title: str = TITLE,
    lang: str = "en",
) -> None:
    """One picture of the map: the whole region, or step ``step`` framed as in the story; its words in ``lang``."""
    kind = path.suffix.lower().lstrip(".")
    if kind not in ("png", "svg"):
        raise FigureError(f"{path}: a figure is a .png or a .svg file")
    if not 30 <= dpi <= 600:
        raise FigureError(f"--dpi {dpi}: choose between 30 and 600")
    steps = figure_steps(excerpts)
    if step is not None and not 0 <= step <= len(steps):
        raise FigureError(f"--step {step}: this article has steps 0 (the region) to {len(steps)}")
    chosen = steps[step - 1] if step else None
    date = str(excerpts.iloc[0]["date"] or "") if len(excerpts) else ""

    def write(tmp: Path) -> None:
        with plt.rc_context(_RC):
            fig = plt.figure(figsize=(size[0] / dpi, size[1] / dpi), dpi=dpi)
            caption = paper_text(_title(title, lang))
            if chosen:
                step_words = tr("paragraph {n}: {title}", lang, n=chosen.number, title=_step_title(chosen, lang))
                caption += f" · {step_words}"
            # The credits and the caption first, each fitted to the width; the map fills what is left above.
            top = _fitted_line(fig, 0.004, _credits(lang), 6.0, 5.0, color="#333333")
            top = _fitted_line(fig, top + 0.004, caption, 10.0, 7.0, fontweight="bold") + 0.004
            ax = fig.add_axes((0.0, top, 1.0, 1.0 - top))
            frame = fit_frame(chosen.frame if chosen else region_frame(), size[0], size[1] * (1.0 - top))
            draw_map(
                ax,
                frame,
                date=(chosen.map_date if chosen else date) or None,
                markers=chosen.markers if chosen else (),
                lang=lang,
            )
            metadata = {"Software": None} if kind == "png" else {"Date": None, "Creator": "tripp-map"}
            fig.savefig(tmp, format=kind, dpi=dpi, metadata=metadata)
            plt.close(fig)

    atomic_write(path, write)
