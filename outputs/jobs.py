"""The app's heavy work (the place finder, handouts, figures), in a process of its own, bounded per session.

A student pasting a long unique text costs seconds of CPU per click; in the server's own process that
time would be taken from every other student's pages (one interpreter lock). Here it runs in one worker
process at a lower priority, each job within :data:`JOB_BUDGET_S`, and each session within
:data:`SESSION_CPU_S` of the worker's CPU time per :data:`WINDOW_S`: past that, a session is told when
it may ask again, and the class is not slowed.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

import geopandas as gpd

from geo.articles import Article

__all__ = [
    "JOB_BUDGET_S",
    "SESSION_CPU_S",
    "WINDOW_S",
    "OverBudget",
    "find_excerpts",
    "make_figure",
    "make_handout",
    "warm",
]

JOB_BUDGET_S = 20.0
SESSION_CPU_S = 60.0
WINDOW_S = 600.0
# A session's next job waits this long for its last one (the page's own download, made as it loads, while
# the teacher clicks Annotate) before it is refused: one job at a time, never a refusal for a click.
QUEUE_WAIT_S = 30.0


class OverBudget(Exception):
    """A session that used its share of the place finder (the message says when it may ask again)."""


def _lower_priority() -> None:
    # The server's pages come first: the worker takes what CPU they leave.
    os.nice(10)


def _timed(work, *args):
    start = time.process_time()
    done = work(*args)
    return done, time.process_time() - start


def _excerpts(articles: tuple[Article, ...], budget_s: float) -> gpd.GeoDataFrame:
    from layers.registry import corpus_excerpts

    return corpus_excerpts(articles, budget_s)


def _through_file(suffix: str, excerpts: gpd.GeoDataFrame, figure: bool, title: str, lang: str = "en") -> bytes:
    import tempfile
    from pathlib import Path

    from outputs.handout import write_figure, write_handout

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"out{suffix}"
        (write_figure if figure else write_handout)(path, excerpts, title=title, lang=lang)
        return path.read_bytes()


def _ready() -> bool:
    from layers.registry import place_finder

    place_finder()  # the gazetteer, loaded before the first student asks
    return True


class _Worker:
    def __init__(self):
        self._lock = threading.Lock()
        self._done = threading.Condition(self._lock)
        self._pool: ProcessPoolExecutor | None = None
        self._spent: dict[str, deque[tuple[float, float]]] = {}
        self._running: set[str] = set()

    def pool(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                # spawn: a fork of a server running threads could inherit a lock held by one of them
                self._pool = ProcessPoolExecutor(
                    max_workers=1, mp_context=multiprocessing.get_context("spawn"), initializer=_lower_priority
                )
            return self._pool

    def _reset(self) -> None:
        with self._lock:
            self._pool = None

    def spent(self, session: str, now: float) -> float:
        with self._lock:
            history = self._spent.setdefault(session, deque())
            while history and history[0][0] < now - WINDOW_S:
                history.popleft()
            return sum(cpu for _, cpu in history)

    def charge(self, session: str, now: float, cpu: float) -> None:
        with self._lock:
            self._spent.setdefault(session, deque()).append((now, cpu))

    def wait_s(self, session: str, now: float) -> float:
        with self._lock:
            history = self._spent.get(session) or deque([(now, 0.0)])
            return max(0.0, history[0][0] + WINDOW_S - now)

    def run(self, session: str, work, *args):
        now = time.monotonic()
        if self.spent(session, now) >= SESSION_CPU_S:
            minutes = max(1, round(self.wait_s(session, now) / 60))
            raise OverBudget(
                f"this session has used its share of the server's work ({SESSION_CPU_S:.0f} s of work in "
                f"{WINDOW_S / 60:.0f} minutes): try again in about {minutes} minute{'s' if minutes > 1 else ''}"
            )
        with self._lock:
            if not self._done.wait_for(lambda: session not in self._running, timeout=QUEUE_WAIT_S):
                raise OverBudget("this session's last request is still being worked on: wait for it")
            self._running.add(session)
        try:
            try:
                found, cpu = self.pool().submit(_timed, work, *args).result()
            except BrokenProcessPool:
                self._reset()  # a worker killed (out of memory, or by hand): the next job starts another
                raise
            self.charge(session, time.monotonic(), max(cpu, 1e-6))  # a job is never free
            return found
        finally:
            with self._lock:
                self._running.discard(session)
                self._done.notify_all()


_WORKER = _Worker()


def run(session: str, work, *args):
    """``work(*args)`` in the worker, within ``session``'s share (``work`` and its arguments must pickle)."""
    return _WORKER.run(session, work, *args)


def running(session: str) -> bool:
    """Whether ``session`` has work in the worker now."""
    with _WORKER._lock:
        return session in _WORKER._running


def find_excerpts(session: str, articles: tuple[Article, ...], here_up_to: int = 0) -> gpd.GeoDataFrame:
    """The excerpts of ``articles`` for ``session``, found in the worker process; in this one when their text
    is at most ``here_up_to`` characters (a lesson's own article, read as the seed is: a class opening it on
    a server just started does not wait for the worker to start).

    Raises
    ------
    OverBudget
        The session used its share, or has a job running.
    """
    if sum(len(a.text) for a in articles) <= here_up_to:
        return _excerpts(articles, JOB_BUDGET_S)
    return _WORKER.run(session, _excerpts, articles, JOB_BUDGET_S)


def _export(layers, excerpts: gpd.GeoDataFrame, title: str, opening_date: str, lang: str = "en") -> bytes:
    from outputs.export import export_page

    return export_page(layers, excerpts, title=title, opening_date=opening_date, lang=lang).encode("utf-8")


def _zip(layers: tuple[str, ...], excerpts: gpd.GeoDataFrame) -> bytes:
    from outputs.downloads import layers_zip
    from outputs.export import excerpt_frames

    return layers_zip(layers, excerpt_frames(excerpts))


def make_export(
    session: str, layers, excerpts: gpd.GeoDataFrame, title: str, opening_date: str = "", lang: str = "en"
) -> bytes:
    """The offline HTML export of these excerpts (opening in ``lang``, carrying every language), made in the
    worker within the session's share."""
    return _WORKER.run(session, _export, layers, excerpts, title, opening_date, lang)


def make_zip(session: str, layers: tuple[str, ...], excerpts: gpd.GeoDataFrame) -> bytes:
    """The layers as zipped GeoJSON, these excerpts' layers included, made in the worker."""
    return _WORKER.run(session, _zip, layers, excerpts)


def make_handout(
    session: str, excerpts: gpd.GeoDataFrame, title: str = "The TRIPP corridor", lang: str = "en"
) -> bytes:
    """The PDF handout of these excerpts, in ``lang``, made in the worker within the session's share."""
    return _WORKER.run(session, _through_file, ".pdf", excerpts, False, title, lang)


def make_figure(session: str, excerpts: gpd.GeoDataFrame, title: str = "The TRIPP corridor", lang: str = "en") -> bytes:
    """The PNG figure of these excerpts, in ``lang``, made in the worker within the session's share."""
    return _WORKER.run(session, _through_file, ".png", excerpts, True, title, lang)


# A stored lesson's articles up to this size are read in the server's process (a long news article's length).
LESSON_HERE_CHARS = 20_000


def warm() -> None:
    """Start the worker and load its gazetteer now, so the first student's article does not wait for it."""
    _WORKER.pool().submit(_ready)
