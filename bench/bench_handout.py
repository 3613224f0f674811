"""The handout and a figure: time to build and size, each in a fresh process, beside the export.

Budget on this machine: handout under 15 s and 5 MB, figure under 3 s. The baseline in the same run is
``tripp-map export`` (the interactive map of the same article), built the same way.
Run: ``.venv/bin/python bench/bench_handout.py``.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, summary

RUNS = 3


def timed(*args: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "outputs.cli", *args], cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="bench-handout-"))
    handout, worksheet, figure, svg, export = (
        work / "h.pdf",
        work / "w.pdf",
        work / "f.png",
        work / "f.svg",
        work / "map.html",
    )
    runs: dict[str, list[float]] = {k: [] for k in ("handout", "worksheet", "figure", "svg", "export")}
    for _ in range(RUNS):
        runs["handout"].append(timed("handout", str(handout)))
        runs["worksheet"].append(timed("handout", str(worksheet), "--worksheet"))
        runs["figure"].append(timed("figure", str(figure), "--step", "11"))
        runs["svg"].append(timed("figure", str(svg)))
        runs["export"].append(timed("export", str(export)))
    print("| output (fresh process, seed article) | build time | size |")
    print("|---|---|---|")
    for key, path in (
        ("handout", handout),
        ("worksheet", worksheet),
        ("figure", figure),
        ("svg", svg),
        ("export", export),
    ):
        print(f"| {key} | {summary(runs[key])} | {path.stat().st_size:,} bytes |")


if __name__ == "__main__":
    main()
