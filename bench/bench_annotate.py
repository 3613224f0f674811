"""Annotating a 1 MB article: our word-window lookup against one big regex of every name.

Both run in the same process on the same text. Run: ``.venv/bin/python bench/bench_annotate.py``.
"""

from __future__ import annotations

import re
import time

from common import ROOT, summary

from geo.annotate import annotate
from geo.articles import Article
from geo.gazetteer import normalise
from layers.registry import place_finder

RUNS = 3


def corpus(target_bytes: int = 1_000_000) -> str:
    parts = [(ROOT / "seeds" / "000_93121d9abb5efbbd.txt").read_text(encoding="utf-8").split(" ", 3)[-1]]
    for folder in ("articles", "heldout"):
        parts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "data" / folder).glob("*.txt"))]
    block = "\n\n".join(parts)
    text = block
    while len(text.encode("utf-8")) < target_bytes:
        text += "\n\n" + block
    return text


def regex_baseline(text: str, keys: list[str]) -> int:
    """The obvious approach: one alternation of every normalised name over normalised text."""
    pattern = re.compile(
        r"(?<!\w)(?:" + "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True)) + r")(?!\w)"
    )
    return sum(1 for _ in pattern.finditer(normalise(text)))


def main() -> None:
    text = corpus()
    size = len(text.encode("utf-8"))
    start = time.perf_counter()
    gaz = place_finder()
    gaz_time = time.perf_counter() - start
    # Built directly: the reader keeps 500 paragraphs of an article, and this measures the annotator on all.
    article = Article(text=text, name="bench.txt")
    ours, found = [], 0
    for _ in range(RUNS):
        start = time.perf_counter()
        excerpts = annotate(article, gaz)
        ours.append(time.perf_counter() - start)
        found = sum(len(e.mentions) for e in excerpts)
    keys = gaz.names()
    theirs, their_found = [], 0
    for _ in range(RUNS):
        start = time.perf_counter()
        their_found = regex_baseline(text, keys)
        theirs.append(time.perf_counter() - start)
    print(
        f"article: {size:,} bytes, {len(excerpts):,} paragraphs; gazetteer: {len(keys):,} names, "
        f"built in {gaz_time:.2f} s (once per process)"
    )
    print("| | tripp-map annotate() | one regex of all names |")
    print("|---|---|---|")
    print(f"| time for the 1 MB article | {summary(ours)} | {summary(theirs)} |")
    print(f"| mentions found | {found:,} | {their_found:,} (no case, person or context rules) |")


if __name__ == "__main__":
    main()
