"""A corpus of N articles made from our own evaluation articles, for the many-articles benchmarks.

Article k joins two evaluation articles (about 10 paragraphs) under its own date, so no two are the
same text. Deterministic: the same N gives the same files.
Usage: .venv/bin/python bench/corpus_gen.py N OUT_DIR
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted((ROOT / "tests" / "data" / "geoparse").glob("*/*.txt"))


def write_corpus(count: int, out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    texts = [p.read_text(encoding="utf-8").strip() for p in SOURCES]
    start = dt.date(2025, 8, 8)
    paths = []
    for k in range(count):
        first, second = texts[k % len(texts)], texts[(k * 7 + 3) % len(texts)]
        day = start + dt.timedelta(days=k % 480)
        body = f"date {day.isoformat()} Report {k + 1} of {count}.\n\n{first}\n\n{second}\n"
        path = out / f"article-{k + 1:05d}.txt"
        path.write_text(body, encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    made = write_corpus(int(sys.argv[1]), Path(sys.argv[2]))
    print(f"wrote {len(made)} articles to {sys.argv[2]}")
