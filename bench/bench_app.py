"""Cold start to map visible, and the time of a story step: our app against a minimal st_folium app.

Both apps run in the same run, one after the other, each started cold (a new
``streamlit run`` process) and opened in Chromium with the network off.
Run: ``.venv/bin/python bench/bench_app.py``.
"""

from __future__ import annotations

import subprocess
import time

from common import ARGS, CHROMIUM, ROOT, Watch, summary

from tests.browser import start_streamlit

RUNS = 3
FRAME = "streamlit_folium"
CENTRE = "(() => { const m = window.__map__; return m ? [m.getCenter().lat, m.getCenter().lng] : null; })()"


def start(script: str) -> tuple[subprocess.Popen, str]:
    return start_streamlit(script, ROOT)


def map_frame(page):
    for frame in page.frames:
        if FRAME in frame.url and not frame.is_detached():
            return frame
    return None


def wait_for(page, test, timeout=90.0):
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        for frame in page.frames:
            if FRAME in frame.url and not frame.is_detached():
                try:
                    if frame.evaluate(test):
                        return True
                except Exception:
                    pass
        page.wait_for_timeout(20)
    raise TimeoutError(test)


DRAWN = "document.querySelectorAll('.leaflet-overlay-pane path').length > 20"
PANE = "document.querySelector('.leaflet-map-pane') ? document.querySelector('.leaflet-map-pane').style.transform : ''"


def measure(browser, script: str, ours: bool) -> tuple[float, float]:
    t0 = time.perf_counter()
    proc, url = start(script)
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    watch = Watch()
    watch.route(context)
    page = context.new_page()
    page.goto(url)
    wait_for(page, DRAWN)
    cold = time.perf_counter() - t0
    page.wait_for_timeout(1500)
    if ours:
        page.get_by_text("Story", exact=True).click()
        wait_for(page, "document.querySelector(\"[data-story-step='1']\") !== null")
        page.wait_for_timeout(1500)
        t1 = time.perf_counter()
        page.get_by_role("button", name="Next ▶").click()
        wait_for(
            page,
            "document.querySelector(\"[data-story-step='2']\") !== null && "
            "document.querySelector('.leaflet-popup-content') !== null",
        )
    else:
        before = map_frame(page).evaluate(PANE)
        t1 = time.perf_counter()
        page.get_by_role("button", name="Next").click()
        wait_for(page, f"({PANE}) !== {before!r}")
    step = time.perf_counter() - t1
    context.close()
    proc.terminate()
    proc.wait()
    assert not watch.outside, watch.outside
    return cold, step


def main() -> None:
    from playwright.sync_api import sync_playwright

    results = {"ours": ([], []), "baseline": ([], [])}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for _ in range(RUNS):
            for label, script in (("ours", "app.py"), ("baseline", "bench/baseline_app.py")):
                cold, step = measure(browser, script, label == "ours")
                results[label][0].append(cold)
                results[label][1].append(step)
        browser.close()
    print("| | tripp-map app | minimal st_folium app, same layers |")
    print("|---|---|---|")
    print(
        f"| cold start (process start to map drawn) | {summary(results['ours'][0])} | "
        f"{summary(results['baseline'][0])} |"
    )
    print(
        f"| story step (click Next to map moved) | {summary(results['ours'][1])} | {summary(results['baseline'][1])} |"
    )


if __name__ == "__main__":
    main()
