"""The place finder's budgets (issue 22), this code beside the last releases, in the same run.

Per tree, in fresh processes: ``tripp-map annotate`` on a one-line article (against the yardstick
``python -c "import geopandas, folium"``); annotating a 1 MB article once the place finder is made (every
evaluation text of ``tests/data``, the outside passages included, repeated); the gazetteer file's size
and the time to load it. Run: ``.venv/bin/python bench/bench_finder.py [--runs N]``.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, release_tree, summary

# The last landed commit (stop 33) and the one that landed the deep list of villages.
RELEASES = ("c531929", "1ebdb6e")

_ANNOTATE_1MB = """
import sys, time
from pathlib import Path
from geo.articles import Article
from geo.annotate import annotate
from layers.registry import place_finder
text = Path(sys.argv[1]).read_text(encoding="utf-8")
gaz = place_finder()
t = time.perf_counter()
annotate(Article(text=text, name="bench.txt"), gaz)
print(time.perf_counter() - t)
"""
_LOAD = """
import time
t = time.perf_counter()
from geo.gazetteer import prebuilt
prebuilt()
print(time.perf_counter() - t)
"""


def _timed(cmd: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - start


def _printed(script: str, cwd: Path, *args: str) -> float:
    proc = subprocess.run([sys.executable, "-c", script, *args], cwd=cwd, check=True, capture_output=True, text=True)
    return float(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-finder-"))
    one_line = work / "one-line.txt"
    one_line.write_text("Talks were held in Yerevan and Baku.\n", encoding="utf-8")
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "data").glob("**/*.txt"))]
    block = "\n\n".join(texts)
    text = block
    while len(text.encode("utf-8")) < 1_000_000:
        text += "\n\n" + block
    big = work / "one-mb.txt"
    big.write_text(text, encoding="utf-8")
    trees = {"this code": ROOT, **{f"release {c}": release_tree(c) for c in RELEASES}}
    cli = [sys.executable, "-m", "outputs.cli", "annotate", str(one_line), "--out"]
    rows: dict[str, dict[str, list[float]]] = {label: {"cli": [], "1mb": [], "load": []} for label in trees}
    yardstick: list[float] = []
    for _ in range(args.runs):
        yardstick.append(_timed([sys.executable, "-c", "import geopandas, folium"], ROOT))
        for label, tree in trees.items():
            rows[label]["cli"].append(_timed([*cli, str(work / f"{label.split()[-1]}.geojson")], tree))
            rows[label]["1mb"].append(_printed(_ANNOTATE_1MB, tree, str(big)))
            rows[label]["load"].append(_printed(_LOAD, tree))
    print(f"1 MB article: {len(text.encode('utf-8')):,} bytes, {len(texts)} texts repeated; n = {args.runs}")
    print(f"yardstick, python -c 'import geopandas, folium': {summary(yardstick)}")
    print("| | one-line `tripp-map annotate` | ÷ yardstick | 1 MB annotated | gazetteer file | gazetteer load |")
    print("|---|---|---|---|---|---|")
    for label, tree in trees.items():
        r = rows[label]
        ratio = sorted(r["cli"])[len(r["cli"]) // 2] / sorted(yardstick)[len(yardstick) // 2]
        size = (tree / "geo" / "data" / "gazetteer.json").stat().st_size
        print(
            f"| {label} | {summary(r['cli'])} | {ratio:.2f}× | {summary(r['1mb'])} | {size:,} B "
            f"| {summary(r['load'])} |"
        )


if __name__ == "__main__":
    main()
