"""The handout and a figure: time to build and size, each in a fresh process, beside the export.

Budget on this machine: handout under 15 s and 5 MB (a long article's too), figure under 3 s. Baselines
in the same run: ``tripp-map export`` (the interactive map of the same article), built the same way, and
the last landed release's handouts (``RELEASE``, from a git worktree).
Run: ``.venv/bin/python bench/bench_handout.py [RELEASE]``.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, release_tree, summary

RUNS = 3
RELEASE = "c6c79d5"
LONG = "\n\n".join(
    f"Paragraph {i}: trains from Meghri to Ordubad, talks in Yerevan and Baku about Goris and Julfa."
    for i in range(500)
)


def timed(*args: str, cwd: Path = ROOT) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "outputs.cli", *args], cwd=cwd, check=True, capture_output=True)
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
    release = release_tree(sys.argv[1] if len(sys.argv) > 1 else RELEASE)
    long_text = work / "long.txt"
    long_text.write_text(LONG, encoding="utf-8")
    long_out, release_out, release_long = work / "long.pdf", work / "r.pdf", work / "rlong.pdf"
    keys = ("handout", "long", "release", "release_long", "worksheet", "figure", "svg", "export")
    runs: dict[str, list[float]] = {k: [] for k in keys}
    for _ in range(RUNS):
        runs["long"].append(timed("handout", str(long_out), "--article", str(long_text)))
        runs["release"].append(timed("handout", str(release_out), cwd=release))
        runs["release_long"].append(timed("handout", str(release_long), "--article", str(long_text), cwd=release))
        runs["handout"].append(timed("handout", str(handout)))
        runs["worksheet"].append(timed("handout", str(worksheet), "--worksheet"))
        runs["figure"].append(timed("figure", str(figure), "--step", "11"))
        runs["svg"].append(timed("figure", str(svg)))
        runs["export"].append(timed("export", str(export)))
    print("| output (fresh process; the seed article unless said) | build time | size |")
    print("|---|---|---|")
    for key, path in (
        ("handout", handout),
        ("long", long_out),
        ("release", release_out),
        ("release_long", release_long),
        ("worksheet", worksheet),
        ("figure", figure),
        ("svg", svg),
        ("export", export),
    ):
        label = {
            "long": "handout, 500 paragraphs",
            "release": f"handout, release {release.name.removeprefix('tripp-map-')}",
            "release_long": f"handout, 500 paragraphs, release {release.name.removeprefix('tripp-map-')}",
        }.get(key, key)
        print(f"| {label} | {summary(runs[key])} | {path.stat().st_size:,} bytes |")


if __name__ == "__main__":
    main()
