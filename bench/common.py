"""Helpers shared by the benchmarks: an offline Chromium and a timer."""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser import ARGS, CHROMIUM, Watch  # noqa: E402

__all__ = ["ARGS", "CHROMIUM", "LAST_RELEASE", "MAP_STATE", "ROOT", "Watch", "release_tree", "summary", "summary_ms"]

# The map's state in a page, for this tree's scripts (each map keeps its own) and a release's (page-wide).
MAP_STATE = "(TrippMap.of ? (TrippMap.of() || {}) : TrippMap)"


def summary_ms(values: list[float]) -> str:
    """Milliseconds, for steps too quick for :func:`summary`'s hundredths of a second."""
    ms = sorted(v * 1000 for v in values)
    return f"median {ms[len(ms) // 2]:.1f} ms (min {ms[0]:.1f}, max {ms[-1]:.1f}, n={len(ms)})" if ms else "n/a"


def summary(values: list[float]) -> str:
    if not values:
        return "n/a"
    if len(values) == 1:
        return f"{values[0]:.2f} s"
    return f"median {statistics.median(values):.2f} s (min {min(values):.2f}, max {max(values):.2f}, n={len(values)})"


LAST_RELEASE = "29487df"  # the last landed commit before the story map: the "before" of each comparison


def release_tree(commit: str = LAST_RELEASE) -> Path:
    """A checkout of ``commit`` beside the repository (made once), to run the old code in the same run."""
    import subprocess
    import tempfile

    target = Path(tempfile.gettempdir()) / f"tripp-map-{commit}"
    if not (target / "app.py").exists():
        subprocess.run(
            ["git", "worktree", "add", "--detach", str(target), commit], cwd=ROOT, check=True, capture_output=True
        )
    return target
