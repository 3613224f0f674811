"""The map in four languages beside the last landed commit (English only), in one run.

- **Size** of the export: carrying the four languages (the default), one language, and the previous commit's.
- **Build**: a fresh process importing, building and writing the export, in English and in Armenian.
- **Open to names placed** in Chromium, network off: English, Armenian (built so), and the English export opened
  at ``#lang=hy`` (the page rewriting itself on opening); the previous commit's.
- **A change of language in the page**: the menu's choice to the names placed again.

Run: ``.venv/bin/python bench/bench_languages.py``. The previous commit is checked out beside the repository.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ARGS, CHROMIUM, ROOT, release_tree, summary, summary_ms

PREVIOUS = "ed0c48a"  # the last landed commit before the languages
RUNS = 3
PLACED = "document.querySelector('.leaflet-container[data-labels-placed]') !== null"

BUILD = """
import time, sys
t = time.perf_counter()
from outputs.export import export_html
kwargs = {} if sys.argv[2] == "old" else {"lang": sys.argv[2]}
if len(sys.argv) > 3:
    kwargs["languages"] = (sys.argv[2],)
open(sys.argv[1], "w", encoding="utf-8").write(export_html(**kwargs))
print(time.perf_counter() - t)
"""


def build(out: Path, lang: str, cwd: Path = ROOT, only: bool = False) -> float:
    args = [sys.executable, "-c", BUILD, str(out), lang, *(["only"] if only else [])]
    proc = subprocess.run(args, cwd=cwd, capture_output=True, text=True, check=True)
    return float(proc.stdout.strip().splitlines()[-1])


def open_to_placed(browser, path: Path, hash_: str = "", lang: str = "") -> float:
    context = browser.new_context(viewport={"width": 1280, "height": 800}, bypass_csp=True, offline=True)
    page = context.new_page()
    start = time.perf_counter()
    page.goto(path.as_uri() + hash_)
    page.wait_for_function(PLACED, polling=5, timeout=30_000)
    if lang:
        page.wait_for_function(f"document.documentElement.lang === '{lang}'", polling=5, timeout=30_000)
    took = time.perf_counter() - start
    context.close()
    return took


def switch(browser, path: Path) -> float:
    """The menu's choice of Russian to the map's names placed again in Russian."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, bypass_csp=True, offline=True)
    page = context.new_page()
    page.goto(path.as_uri())
    page.wait_for_function(PLACED, timeout=30_000)
    page.wait_for_function("!document.querySelector('.leaflet-container').hasAttribute('data-settling')")
    page.evaluate("document.querySelector('.leaflet-container').removeAttribute('data-labels-placed')")
    start = time.perf_counter()
    page.locator(".tripp-language-select").select_option("ru")
    page.wait_for_function(
        "document.documentElement.lang === 'ru' && " + PLACED + " && [...document.querySelectorAll("
        "'.tripp-maplabel .tl-text')].some(e => e.textContent === 'АРМЕНИЯ' || e.textContent === 'Армения')",
        polling=5,
        timeout=30_000,
    )
    took = time.perf_counter() - start
    context.close()
    return took


def main() -> None:
    from playwright.sync_api import sync_playwright

    work = Path(tempfile.mkdtemp(prefix="bench-languages-"))
    old_tree = release_tree(PREVIOUS)
    files = {
        "four": work / "four.html",
        "hy": work / "hy.html",
        "one": work / "one.html",
        "previous": work / "previous.html",
    }
    builds: dict[str, list[float]] = {k: [] for k in files}
    for _ in range(RUNS):
        builds["four"].append(build(files["four"], "en"))
        builds["hy"].append(build(files["hy"], "hy"))
        builds["one"].append(build(files["one"], "en", only=True))
        builds["previous"].append(build(files["previous"], "old", cwd=old_tree))
    opened: dict[str, list[float]] = {"four": [], "hy": [], "hash": [], "previous": []}
    switches = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for _ in range(RUNS):
            opened["four"].append(open_to_placed(browser, files["four"]))
            opened["hy"].append(open_to_placed(browser, files["hy"], lang="hy"))
            opened["hash"].append(open_to_placed(browser, files["four"], "#lang=hy", lang="hy"))
            opened["previous"].append(open_to_placed(browser, files["previous"]))
            switches.append(switch(browser, files["four"]))
        browser.close()
    print("| export | size | build (fresh process) | open to names placed |")
    print("|---|---|---|---|")
    print(
        f"| four languages, English | {files['four'].stat().st_size:,} B | {summary(builds['four'])} | "
        f"{summary(opened['four'])} |"
    )
    print(
        f"| four languages, Armenian | {files['hy'].stat().st_size:,} B | {summary(builds['hy'])} | "
        f"{summary(opened['hy'])} |"
    )
    print(f"| the English export at #lang=hy | | | {summary(opened['hash'])} |")
    print(f"| English only (--languages en) | {files['one'].stat().st_size:,} B | {summary(builds['one'])} | |")
    print(
        f"| previous commit {PREVIOUS} | {files['previous'].stat().st_size:,} B | {summary(builds['previous'])} | "
        f"{summary(opened['previous'])} |"
    )
    print(f"\nchange of language in the page (menu to names placed): {summary_ms(switches)}")


if __name__ == "__main__":
    main()
