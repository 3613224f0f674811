"""The map as a map (names, key, relief, the world around): this export and handout beside the last
landed release's, built and opened in the same run.

Measures the export's size, open to drawn in Chromium offline (for this export: to its names placed),
a story step in the page (the step's own work, and to its names placed again, reduced motion so the
view jumps), and the handout's build time in a fresh process.
Run: ``.venv/bin/python bench/bench_map.py``.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ARGS, CHROMIUM, MAP_STATE, ROOT, release_tree, summary, summary_ms

# The last landed release (the map reads as a map), before time was told right; pass another as argv[1].
RELEASE = sys.argv[1] if len(sys.argv) > 1 else "8cd617a"
RUNS = 5

BUILD = """
import sys
from outputs.export import export_html
open(sys.argv[1], 'w', encoding='utf-8').write(export_html())
"""

DRAWN_OURS = (
    f"document.querySelector('[data-labels-placed]') && {MAP_STATE}.story && "
    "document.querySelectorAll('.leaflet-overlay-pane path').length > 20"
)
# The release names its places too: it is drawn by the same test.
DRAWN_RELEASE = DRAWN_OURS

STEP = """async (ours) => {
  const story = MAP_STATE.story, map = document.querySelector('.leaflet-container');
  const placed = () => map.getAttribute('data-labels-placed');
  await new Promise((r) => setTimeout(r, 300));
  const times = [];
  for (let n = 1; n <= 6; n++) {
    const start = performance.now();
    story.go(n, true);
    const own = performance.now() - start;
    if (!ours) { times.push([own, own]); continue; }
    await new Promise((resolve) => {
      const seen = () => { if ((map.getAttribute('data-labels-at') || '') !== '' &&
                               parseFloat(map.getAttribute('data-labels-at')) > start) resolve();
                           else requestAnimationFrame(seen); };
      seen();
    });
    times.push([own, parseFloat(map.getAttribute('data-labels-at')) - start]);
  }
  return times;
}"""


def build(tree: Path, out: Path) -> None:
    subprocess.run([sys.executable, "-c", BUILD, str(out)], cwd=tree, check=True, capture_output=True)


def handout(tree: Path, out: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "outputs.cli", "handout", str(out)], cwd=tree, check=True, capture_output=True
    )
    return time.perf_counter() - start


def open_to_drawn(browser, path: Path, done: str) -> tuple[float, float]:
    """Seconds from the driver's goto to ``done``, and in the page from navigation start to it (the first
    animation frame where it holds: the driver's own overhead left out)."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, reduced_motion="reduce", bypass_csp=True)
    context.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
    context.add_init_script(
        "(() => { const tick = () => { try { if (" + done + ") { window.__drawnAt = performance.now(); return; } }"
        " catch (e) {} requestAnimationFrame(tick); }; requestAnimationFrame(tick); })()"
    )
    page = context.new_page()
    start = time.perf_counter()
    page.goto(path.as_uri())
    page.wait_for_function(done, polling=5, timeout=30_000)
    took = time.perf_counter() - start
    page.wait_for_function("window.__drawnAt !== undefined", timeout=30_000)
    in_page = page.evaluate("window.__drawnAt") / 1000
    context.close()
    return took, in_page


def steps(browser, path: Path, done: str, ours: bool) -> list[list[float]]:
    context = browser.new_context(viewport={"width": 1280, "height": 800}, reduced_motion="reduce", bypass_csp=True)
    page = context.new_page()
    page.goto(path.as_uri())
    page.wait_for_function(done, polling=5, timeout=30_000)
    times = page.evaluate(STEP.replace("MAP_STATE", MAP_STATE), ours)
    context.close()
    return times


def main() -> None:
    from playwright.sync_api import sync_playwright

    work = Path(tempfile.mkdtemp(prefix="bench-map-"))
    release = release_tree(RELEASE)
    ours, theirs = work / "ours.html", work / "release.html"
    build(ROOT, ours)
    build(release, theirs)
    keys = ("draw", "draw_r", "page", "page_r", "own", "own_r", "named", "named_r", "hand", "hand_r")
    runs: dict[str, list[float]] = {k: [] for k in keys}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for _ in range(RUNS):
            for key, path, done in (("", ours, DRAWN_OURS), ("_r", theirs, DRAWN_RELEASE)):
                took, in_page = open_to_drawn(browser, path, done)
                runs["draw" + key].append(took)
                runs["page" + key].append(in_page)
        for own, named in steps(browser, ours, DRAWN_OURS, True):
            runs["own"].append(own / 1000)
            runs["named"].append(named / 1000)
        for own, named in steps(browser, theirs, DRAWN_RELEASE, True):
            runs["own_r"].append(own / 1000)
            runs["named_r"].append(named / 1000)
        browser.close()
    for _ in range(3):
        runs["hand"].append(handout(ROOT, work / "h.pdf"))
        runs["hand_r"].append(handout(release, work / "hr.pdf"))
    ratio = sorted(runs["draw"])[RUNS // 2] / sorted(runs["draw_r"])[RUNS // 2]
    print(f"| | this export | the release's ({RELEASE}) |")
    print("|---|---|---|")
    print(f"| export size | {ours.stat().st_size:,} bytes | {theirs.stat().st_size:,} bytes |")
    print(f"| open to drawn (to its names placed), 1280×800 | {summary(runs['draw'])} | {summary(runs['draw_r'])} |")
    print(f"| in the page: navigation start to drawn | {summary(runs['page'])} | {summary(runs['page_r'])} |")
    print(f"| story step in the page: the step's own work | {summary_ms(runs['own'])} | {summary_ms(runs['own_r'])} |")
    named, named_r = summary_ms(runs["named"]), summary_ms(runs["named_r"])
    print(f"| story step in the page: to its names placed | {named} | {named_r} |")
    print(
        f"| handout, fresh process | {summary(runs['hand'])} ({(work / 'h.pdf').stat().st_size:,} bytes) | "
        f"{summary(runs['hand_r'])} ({(work / 'hr.pdf').stat().st_size:,} bytes) |"
    )
    print(f"\nopen to drawn: {ratio:.2f}× the release's (median over median)")


if __name__ == "__main__":
    main()
