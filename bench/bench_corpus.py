"""Many articles on one map: this code against the last landed release (`PREVIOUS`), in the same run.

For 1, 100 and 1,000 articles of the generated corpus (``bench/corpus_gen.py``): the export's size, its
build time (a fresh process), and in Chromium (offline, 1280×800) the time from opening the file to the
excerpts drawn, the longest main-thread task and the DOM nodes. The last release takes one article: its
export is given the same excerpts as one long article (its reader's 500-paragraph cut bypassed), which
is what a user of it would have had to do.

Then: finding the places of a 1 MB article (the place finder made and the article annotated, in a fresh
process), and ``tripp-map annotate`` on a one-line article against
``python -c "import geopandas, folium"``.

Run: ``.venv/bin/python bench/bench_corpus.py [--sizes 1,100,1000] [--runs 3]``.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ARGS, CHROMIUM, ROOT, Watch, release_tree, summary
from corpus_gen import write_corpus

PREVIOUS = "2a03fcb"  # the last landed commit before issues 13 and 16

OURS = """
import sys, time
t = time.perf_counter()
from pathlib import Path
from geo.corpus import read_corpus
from outputs.export import export_html
html = export_html(articles=read_corpus([Path(sys.argv[2])]).articles)
Path(sys.argv[1]).write_text(html, encoding="utf-8")
print(time.perf_counter() - t)
"""

THEIRS = """
import sys, time
t = time.perf_counter()
from pathlib import Path
from geo.articles import Article, read_article
from layers.registry import article_excerpts
from outputs.export import export_page
paths = sorted(Path(sys.argv[2]).glob("*.txt"))
text = "\\n\\n".join(read_article(p).text for p in paths)
excerpts = article_excerpts(Article(text=text, name="all.txt"))
Path(sys.argv[1]).write_text(export_page(None, excerpts), encoding="utf-8")
print(time.perf_counter() - t)
"""

LONG_TASKS = """
window.__longest = 0;
try {
  new PerformanceObserver(function (list) {
    list.getEntries().forEach(function (e) { window.__longest = Math.max(window.__longest, e.duration); });
  }).observe({type: 'longtask', buffered: true});
} catch (e) {}
"""

DRAWN = """() => {
  const T = window.TrippMap;
  if (!T || !document.querySelector('.tripp-story-title') || !document.querySelector('.tripp-story-title').textContent)
    return false;
  return (T.corpus && T.corpus.markers.length > 0) || document.querySelectorAll('.tripp-num').length > 0;
}"""


def build(script: str, out: Path, folder: Path, cwd: Path) -> float:
    proc = subprocess.run(
        [sys.executable, "-c", script, str(out), str(folder)], cwd=cwd, capture_output=True, text=True, check=True
    )
    return float(proc.stdout.strip().splitlines()[-1])


def open_and_measure(browser, path: Path) -> dict:
    context = browser.new_context(viewport={"width": 1280, "height": 800}, bypass_csp=True)
    watch = Watch()
    watch.route(context)
    context.add_init_script(LONG_TASKS)
    page = context.new_page()
    watch.attach(page)
    cdp = context.new_cdp_session(page)
    cdp.send("Performance.enable")
    start = time.perf_counter()
    page.goto(path.as_uri(), timeout=120_000)
    page.wait_for_function(DRAWN, timeout=120_000, polling=50)
    # Drawn when the browser has painted after the excerpts are on the map.
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    drawn = time.perf_counter() - start
    page.wait_for_timeout(500)
    longest = page.evaluate("window.__longest") / 1000
    nodes = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}["Nodes"]
    elements = page.evaluate("document.getElementsByTagName('*').length")
    context.close()
    return {
        "drawn": drawn,
        "longest": longest,
        "nodes": int(nodes),
        "elements": elements,
        "errors": watch.errors,
        "outside": watch.outside,
    }


def startup(runs: int, cwd: Path, one_line: Path) -> dict[str, list[float]]:
    out = {"import geopandas, folium": [], "tripp-map annotate (this code)": [], "tripp-map annotate (previous)": []}
    annotate = [sys.executable, "-m", "outputs.cli", "annotate", str(one_line), "--out"]
    previous = release_tree(PREVIOUS)
    for _ in range(runs):
        for label, cmd, where in (
            ("import geopandas, folium", [sys.executable, "-c", "import geopandas, folium"], cwd),
            ("tripp-map annotate (this code)", [*annotate, str(one_line.with_suffix(".a.geojson"))], cwd),
            ("tripp-map annotate (previous)", [*annotate, str(one_line.with_suffix(".b.geojson"))], previous),
        ):
            start = time.perf_counter()
            subprocess.run(cmd, cwd=where, check=True, capture_output=True)
            out[label].append(time.perf_counter() - start)
    return out


def annotate_1mb(runs: int, cwd: Path, text_file: Path) -> dict[str, list[float]]:
    script = """
import sys, time
from pathlib import Path
from geo.articles import Article
from geo.annotate import annotate
from layers.registry import place_finder
text = Path(sys.argv[1]).read_text(encoding="utf-8")
t = time.perf_counter()
annotate(Article(text=text, name="bench.txt"), place_finder())
print(time.perf_counter() - t)
"""
    out: dict[str, list[float]] = {"this code": [], "previous": []}
    for _ in range(runs):
        for label, where in (("this code", cwd), ("previous", release_tree(PREVIOUS))):
            cmd = [sys.executable, "-c", script, str(text_file)]
            proc = subprocess.run(cmd, cwd=where, check=True, capture_output=True, text=True)
            out[label].append(float(proc.stdout.strip().splitlines()[-1]))
    return out


def main() -> None:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1,100,1000")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-corpus-"))
    previous = release_tree(PREVIOUS)
    rows = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        for size in (int(s) for s in args.sizes.split(",")):
            folder = work / f"corpus-{size}"
            write_corpus(size, folder)
            for label, script, cwd in (("this code", OURS, ROOT), (f"previous ({PREVIOUS})", THEIRS, previous)):
                out = work / f"{label.split()[0]}-{size}.html"
                built = build(script, out, folder, cwd)
                runs = [open_and_measure(browser, out) for _ in range(args.runs)]
                rows.append((size, label, out.stat().st_size, built, runs))
                print(f"{size} {label}: built {built:.2f} s; {[round(r['drawn'], 2) for r in runs]}", flush=True)
        browser.close()
    print("| articles | code | size | build | open to drawn | longest task | DOM elements | DOM nodes (CDP) |")
    print("|---|---|---|---|---|---|---|---|")
    for size, label, nbytes, built, runs in rows:
        longest = max(r["longest"] for r in runs)
        nodes = statistics.median(r["nodes"] for r in runs)
        elements = statistics.median(r["elements"] for r in runs)
        drawn = summary([r["drawn"] for r in runs])
        print(
            f"| {size:,} | {label} | {nbytes:,} B | {built:.2f} s | {drawn} | {longest:.2f} s "
            f"| {elements:,.0f} | {nodes:,.0f} |"
        )
        errors = [e for r in runs for e in r["errors"] + r["outside"]]
        if errors:
            print(f"  errors or requests out: {errors[:3]}")
    one_line = work / "one-line.txt"
    one_line.write_text("Talks were held in Yerevan and Baku.\n", encoding="utf-8")
    for label, values in startup(args.runs, ROOT, one_line).items():
        print(f"start-up, {label}: {summary(values)}")
    big = work / "one-mb.txt"
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "data").glob("**/*.txt"))]
    block = "\n\n".join(texts)
    text = block
    while len(text.encode("utf-8")) < 1_000_000:
        text += "\n\n" + block
    big.write_text(text, encoding="utf-8")
    for label, values in annotate_1mb(args.runs, ROOT, big).items():
        print(f"annotate a 1 MB article ({len(text.encode('utf-8')):,} B), {label}: {summary(values)}")


if __name__ == "__main__":
    main()
