"""The app: the first visit after a server start, a warm visit, and a story step, in one run.

Four things measured side by side, each on a server started anew (this app: ``tripp-map app``; the
others: ``streamlit run``) and opened in Chromium with the network off, once the server answers:

- this app, whose map is a page of its own server and whose story steps inside the map;
- the export of the same map, stepped the same way;
- the last landed release's app (``RELEASE``, from a git worktree), its map sent through st_folium and
  stepped in the map as this one's;
- a minimal st_folium app with the same layers, whose Next button reruns and re-centres (the target:
  this app's first and warm visits within 1.5× of its).

Run: ``.venv/bin/python bench/bench_app.py [RELEASE]``.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ARGS, CHROMIUM, MAP_STATE, ROOT, Watch, release_tree, summary, summary_ms

from tests.browser import start_app, start_streamlit

RUNS = 3
RELEASE = "c6c79d5"
FRAMES = ("streamlit_folium", "/tripp-map/map/")  # the map's frame: st_folium's, or this app's own page
COUNT = "document.querySelector('.tripp-story-count') && document.querySelector('.tripp-story-count').textContent"
# In the page itself: from the click's event to the step's text in the panel, without the driver's overhead.
PROBE = """(() => {
  const next = document.querySelector('.tripp-next'), count = document.querySelector('.tripp-story-count');
  window.__step = {};
  next.addEventListener('click', () => { window.__step.click = performance.now(); }, {capture: true, once: true});
  new MutationObserver((_, obs) => { window.__step.shown = performance.now(); obs.disconnect(); })
    .observe(count, {childList: true, characterData: true, subtree: true});
})()"""
IN_PAGE = "window.__step && window.__step.shown ? (window.__step.shown - window.__step.click) / 1000 : null"
PANE = "document.querySelector('.leaflet-map-pane') ? document.querySelector('.leaflet-map-pane').style.transform : ''"
DRAWN = "document.querySelectorAll('.leaflet-overlay-pane path').length > 20"


def wait_for(page, test, timeout=90.0, frames=True):
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        for frame in page.frames if frames else [page.main_frame]:
            if (not frames or any(f in frame.url for f in FRAMES)) and not frame.is_detached():
                try:
                    if frame.evaluate(test):
                        return frame
                except Exception:
                    pass
        page.wait_for_timeout(5)
    raise TimeoutError(test)


def visit(browser, url: str):
    """A new visitor (a fresh context: nothing cached) on ``url``, until the map is drawn."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, bypass_csp=True)
    watch = Watch()
    watch.route(context)
    page = context.new_page()
    t0 = time.perf_counter()
    page.goto(url)
    wait_for(page, DRAWN)
    return context, page, watch, time.perf_counter() - t0


def open_app(browser, script: str, cwd: Path):
    """Start a server, then its first visit and a warm one: ``(proc, context, page, watch, first, warm)``."""
    # The minimal app serves Leaflet as such apps do, by Streamlit's static serving (this app's config turns it off).
    extra = ("--server.enableStaticServing", "true") if script.startswith("bench/") else ()
    proc, url = start_app(cwd) if script == "ours" else start_streamlit(script, cwd, extra=extra)
    context, page, watch, first = visit(browser, url)
    other, _, _, warm = visit(browser, url)
    other.close()
    return proc, context, page, watch, first, warm


def step_in(frame) -> tuple[float, float]:
    """End to end (driver's click to text seen) and in the page (click event to text shown)."""
    frame.evaluate(PROBE)
    t1 = time.perf_counter()
    frame.locator(".tripp-next").click()
    frame.wait_for_function(f"({COUNT}) === '1 / 13'", polling=5)
    took = time.perf_counter() - t1
    return took, frame.evaluate(IN_PAGE)


def step_ours(page) -> tuple[float, float]:
    frame = wait_for(page, f"window.TrippMap && {MAP_STATE}.story && {MAP_STATE}.declutterRuns > 1")
    page.wait_for_timeout(800)
    return step_in(frame)


def step_baseline(page) -> float:
    before = wait_for(page, DRAWN).evaluate(PANE)
    t1 = time.perf_counter()
    page.get_by_role("button", name="Next").click()
    wait_for(page, f"({PANE}) !== {before!r}")
    return time.perf_counter() - t1


def measure_app(browser, script: str, cwd: Path, step) -> tuple[float, float | tuple[float, float], float]:
    proc, context, page, watch, cold, warm = open_app(browser, script, cwd)
    try:
        page.wait_for_timeout(1000)
        took = step(page)
    finally:
        context.close()
        proc.terminate()
        proc.wait()
    assert not watch.outside, watch.outside
    return cold, took, warm


def measure_export(browser, path: Path) -> tuple[float, tuple[float, float], float]:
    context = browser.new_context(viewport={"width": 1280, "height": 800}, bypass_csp=True)
    page = context.new_page()
    t0 = time.perf_counter()
    page.goto(path.as_uri())
    page.wait_for_function(f"window.TrippMap && {MAP_STATE}.story && {MAP_STATE}.declutterRuns > 1")
    drawn = time.perf_counter() - t0
    page.wait_for_timeout(800)
    took = step_in(page.main_frame)
    context.close()
    return drawn, took, drawn


def main() -> None:
    from playwright.sync_api import sync_playwright

    release_name = sys.argv[1] if len(sys.argv) > 1 else RELEASE
    release = release_tree(release_name)
    export = Path(tempfile.mkdtemp(prefix="bench-app-")) / "map.html"
    subprocess.run([sys.executable, "-m", "outputs.cli", "export", str(export)], cwd=ROOT, check=True)
    runs = {k: ([], [], []) for k in ("ours", "export", "release", "baseline")}
    inside = {"ours": [], "export": [], "release": []}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for _ in range(RUNS):
            for key, result in (
                ("ours", measure_app(browser, "ours", ROOT, step_ours)),
                ("export", measure_export(browser, export)),
                ("release", measure_app(browser, "app.py", release, step_ours)),
                ("baseline", measure_app(browser, "bench/baseline_app.py", ROOT, step_baseline)),
            ):
                runs[key][0].append(result[0])
                runs[key][2].append(result[2])
                took = result[1]
                if isinstance(took, tuple):
                    took, in_page = took
                    inside[key].append(in_page)
                runs[key][1].append(took)
        browser.close()
    keys = ("ours", "export", "release", "baseline")
    print(f"| | this app | its export | last release's app ({release_name}) | minimal st_folium app |")
    print("|---|---|---|---|---|")
    first = " | ".join(summary(runs[k][0]) for k in keys)
    print(f"| first visit after a server start, to map drawn (export: open to drawn) | {first} |")
    print(f"| a warm visit (a new visitor, the server warm) | {' | '.join(summary(runs[k][2]) for k in keys)} |")
    print(f"| story step, driver's click to new text seen | {' | '.join(summary(runs[k][1]) for k in keys)} |")
    print(
        f"| story step in the page: click event to text shown | {summary_ms(inside['ours'])} | "
        f"{summary_ms(inside['export'])} | {summary_ms(inside['release'])} | (reruns Streamlit) |"
    )

    def median(values: list[float]) -> float:
        return sorted(values)[len(values) // 2]

    for n, what in ((0, "first visit"), (2, "warm visit")):
        ratio = median(runs["ours"][n]) / median(runs["baseline"][n])
        print(f"\nthis app / minimal st_folium app, {what} (medians): {ratio:.2f}x")
    print(
        f"\napp step / export step (medians): {median(runs['ours'][1]) / median(runs['export'][1]):.2f}x end to end, "
        f"{median(inside['ours']) / median(inside['export']):.2f}x in the page"
    )


if __name__ == "__main__":
    main()
