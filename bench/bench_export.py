"""Our offline export against geopandas ``explore()`` of the same layers, in one run.

Size, build time, and time from opening the file to the map drawn in Chromium
with the network off. Run: ``.venv/bin/python bench/bench_export.py``.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ARGS, CHROMIUM, LAST_RELEASE, ROOT, Watch, release_tree, summary

DRAW_TIMEOUT_S = 20
RUNS = 3

BUILD_OURS = """
import time, sys
t = time.perf_counter()
from outputs.export import export_html
html = export_html()
open(sys.argv[1], 'w', encoding='utf-8').write(html)
print(time.perf_counter() - t)
"""

BUILD_EXPLORE = """
import time, sys
t = time.perf_counter()
from layers.registry import build_layer, layer_names
m = None
for name in layer_names():
    gdf = build_layer(name)
    if name in ('tripp_route', 'corridors'):
        gdf = gdf[gdf.geometry.geom_type.str.contains('Line')]
    m = gdf.explore(m=m, name=name)
import folium
folium.LayerControl().add_to(m)
m.save(sys.argv[1])
print(time.perf_counter() - t)
"""


def build(script: str, out: Path, cwd: Path = ROOT) -> float:
    """Seconds for a fresh process to import, build and write the file."""
    proc = subprocess.run([sys.executable, "-c", script, str(out)], cwd=cwd, capture_output=True, text=True, check=True)
    return float(proc.stdout.strip().splitlines()[-1])


def time_to_draw(browser, path: Path) -> tuple[float | None, Watch]:
    context = browser.new_context(viewport={"width": 1280, "height": 800}, bypass_csp=True)
    watch = Watch()
    watch.route(context)
    page = context.new_page()
    watch.attach(page)
    start = time.perf_counter()
    page.goto(path.as_uri())
    try:
        page.wait_for_function(
            "document.querySelectorAll('.leaflet-overlay-pane path').length > 20", timeout=DRAW_TIMEOUT_S * 1000
        )
        elapsed = time.perf_counter() - start
    except Exception:
        elapsed = None
    context.close()
    return elapsed, watch


def main() -> None:
    from playwright.sync_api import sync_playwright

    work = Path(tempfile.mkdtemp(prefix="bench-export-"))
    ours, theirs = work / "ours.html", work / "explore.html"
    build_ours, build_theirs = [], []
    for _ in range(RUNS):
        build_ours.append(build(BUILD_OURS, ours))
        build_theirs.append(build(BUILD_EXPLORE, theirs))
    draw_ours, draw_theirs = [], []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for _ in range(RUNS):
            t, watch_ours = time_to_draw(browser, ours)
            draw_ours.append(t)
            t, watch_theirs = time_to_draw(browser, theirs)
            draw_theirs.append(t)
        browser.close()
    print("| | tripp-map export | geopandas explore() |")
    print("|---|---|---|")
    print(f"| size | {ours.stat().st_size:,} bytes | {theirs.stat().st_size:,} bytes |")
    print(f"| build (fresh process, import + layers + write) | {summary(build_ours)} | {summary(build_theirs)} |")
    drawn = [t for t in draw_ours if t is not None]
    never = all(t is None for t in draw_theirs)
    theirs_text = (
        (
            f"never drew (waited {DRAW_TIMEOUT_S} s; {len(set(watch_theirs.outside))} requests to CDNs "
            "and tile servers blocked)"
        )
        if never
        else summary([t for t in draw_theirs if t is not None])
    )
    print(f"| open to map drawn, Chromium, network off | {summary(drawn)} | {theirs_text} |")
    print(f"| requests leaving the machine | {len(watch_ours.outside)} | {len(set(watch_theirs.outside))} |")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        against_release(browser, work)
        browser.close()
    cdn = work / "cdn.html"
    from outputs.export import export_html

    cdn.write_text(export_html(cdn=True), encoding="utf-8")
    print(f"\n--cdn export: {cdn.stat().st_size:,} bytes")
    simplification, rounding = geometry_error()
    print(
        f"geometry error: simplification of the source data {simplification:.0f} m (data manifest); "
        f"the export's 1e-4° encoding adds at most {rounding:.1f} m (measured on every feature); "
        f"total under {simplification + rounding:.0f} m"
    )


BUILD_RELEASE = BUILD_OURS.replace("from outputs.export import", "from layers.export import")
# The story's first step: this release shows the paragraph in its panel at once; the last one opened the
# paragraph's popup when its flight ended.
STEP_OURS = "document.querySelector('.tripp-story-count').textContent === '1 / 13'"
STEP_RELEASE = "document.querySelector('.leaflet-popup-content') !== null"


def story_step(browser, path: Path, done: str) -> float:
    context = browser.new_context(viewport={"width": 1280, "height": 800}, bypass_csp=True)
    page = context.new_page()
    page.goto(path.as_uri())
    page.wait_for_function("document.querySelectorAll('.leaflet-overlay-pane path').length > 20")
    page.wait_for_timeout(1000)
    start = time.perf_counter()
    page.locator(".tripp-next").click()
    page.wait_for_function(done, polling=5, timeout=20_000)
    took = time.perf_counter() - start
    context.close()
    return took


def against_release(browser, work: Path) -> None:
    """This export beside the last release's, built and opened the same way."""
    ours, theirs = work / "ours.html", work / "release.html"
    release = release_tree()
    runs: dict[str, list[float]] = {k: [] for k in ("build", "build_r", "draw", "draw_r", "step", "step_r")}
    for _ in range(RUNS):
        runs["build"].append(build(BUILD_OURS, ours))
        runs["build_r"].append(build(BUILD_RELEASE, theirs, cwd=release))
        runs["draw"].append(time_to_draw(browser, ours)[0])
        runs["draw_r"].append(time_to_draw(browser, theirs)[0])
        runs["step"].append(story_step(browser, ours, STEP_OURS))
        runs["step_r"].append(story_step(browser, theirs, STEP_RELEASE))
    print(f"\n| | this export | last release's export ({LAST_RELEASE}) |")
    print("|---|---|---|")
    print(f"| size | {ours.stat().st_size:,} bytes | {theirs.stat().st_size:,} bytes |")
    print(f"| build (fresh process) | {summary(runs['build'])} | {summary(runs['build_r'])} |")
    print(f"| open to map drawn | {summary(runs['draw'])} | {summary(runs['draw_r'])} |")
    print(
        f"| story step: click Next to the paragraph shown | {summary(runs['step'])} (in the panel) | "
        f"{summary(runs['step_r'])} (its popup, after the flight) |"
    )


def geometry_error() -> tuple[float, float]:
    """The data's recorded simplification error, and the worst encoding error measured in the export."""
    import shapely

    from geo.load import manifest
    from geo.measure import hausdorff_m
    from layers.registry import build_layer, layer_names
    from render.encoding import SCALE, encode_geometry

    def decode(enc: dict):
        def seq(a):
            out, x, y = [], 0, 0
            for i in range(0, len(a), 2):
                x, y = x + a[i], y + a[i + 1]
                out.append((x / SCALE, y / SCALE))
            return out

        t, c = enc["t"], enc["c"]
        if t == "Polygon":
            return shapely.Polygon(seq(c[0]), [seq(r) for r in c[1:]])
        if t == "MultiPolygon":
            return shapely.MultiPolygon([(seq(p[0]), [seq(r) for r in p[1:]]) for p in c])
        if t == "LineString":
            return shapely.LineString(seq(c))
        if t == "MultiLineString":
            return shapely.MultiLineString([seq(x) for x in c])
        return shapely.MultiPoint(seq(c)) if t == "MultiPoint" else shapely.Point(seq(c)[0])

    worst = 0.0
    for name in layer_names():
        for geom in build_layer(name).geometry:
            if geom is None or geom.geom_type in ("Point", "MultiPoint"):
                continue
            worst = max(worst, hausdorff_m(geom, decode(encode_geometry(geom)), step_m=200))
    return manifest()["files"]["regions.geojson"]["simplification"]["max_hausdorff_m"], worst


if __name__ == "__main__":
    main()
