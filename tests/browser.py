"""Shared set-up for the real-browser tests: Debian's Chromium, no network."""

from __future__ import annotations

import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from urllib.parse import urlparse

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # Belt and braces: any name but localhost resolves to nothing.
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1",
]
LOCAL = ("file", "data", "blob", "about")


def is_local(url: str) -> bool:
    parsed = urlparse(url)
    return parsed.scheme in LOCAL or parsed.hostname in ("localhost", "127.0.0.1")


@dataclass
class Watch:
    """What a page did: console errors, requests that left the machine, failures, dialogs."""

    errors: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def attach(self, page) -> None:
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("requestfailed", lambda r: self.failed.append(r.url))
        page.on("dialog", self._dialog)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def route(self, context) -> None:
        def handle(route):
            if is_local(route.request.url):
                route.continue_()
            else:
                self.outside.append(route.request.url)
                route.abort()

        context.route("**/*", handle)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@contextmanager
def serve_folder(folder: Path) -> Iterator[str]:
    """A loopback HTTP server over ``folder`` while the block runs (a course page beside the export): its URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def chromium_present() -> bool:
    return os.path.exists(CHROMIUM)


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _started(args: list[str], cwd, timeout: float, output, port: int, what: str, env: dict | None = None):
    import subprocess
    import time
    import urllib.request

    env = {**os.environ, "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false", **(env or {})}
    proc = subprocess.Popen(args, cwd=cwd, env=env, stdout=output or subprocess.DEVNULL, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return proc, url
        except OSError:
            time.sleep(0.05)
    proc.kill()
    raise RuntimeError(f"{what} did not start within {timeout:.0f} s")


def start_streamlit(script: str, cwd, timeout: float = 90.0, output=None, extra: tuple[str, ...] = ()):
    """Start ``streamlit run script`` on a free loopback port; return the process and its URL once healthy."""
    import sys

    port = free_port()
    args = [sys.executable, "-m", "streamlit", "run", script, "--server.port", str(port)]
    args += ["--server.address", "127.0.0.1", "--server.headless", "true", *extra]
    return _started(args, cwd, timeout, output, port, f"streamlit run {script}")


def start_app(cwd, timeout: float = 90.0, output=None, command: tuple[str, ...] | None = None, env=None):
    """Start the app as its users do (``tripp-map app``: its own server) on a free loopback port."""
    import sys

    port = free_port()
    args = [*(command or (sys.executable, "-m", "outputs.cli")), "app", "--port", str(port), "--address", "127.0.0.1"]
    return _started(args, cwd, timeout, output, port, "tripp-map app", env)


# What covers the route: anything drawn above the map's vectors that a person sees.
ROUTE_REPORT = """
(() => {
  const paths = [...document.querySelectorAll('path.tripp-keep-clear')];
  const covers = [...document.querySelectorAll(
    '.leaflet-marker-icon, .leaflet-tooltip, .leaflet-popup, .leaflet-control, .tripp-story')]
    .filter(el => { const s = getComputedStyle(el); return s.display !== 'none' && s.visibility !== 'hidden'; })
    .map(el => el.getBoundingClientRect()).filter(r => r.width > 0 && r.height > 0);
  const map = document.querySelector('.leaflet-container').getBoundingClientRect();
  const view = {left: Math.max(0, map.left), top: Math.max(0, map.top),
                right: Math.min(innerWidth, map.right), bottom: Math.min(innerHeight, map.bottom)};
  let total = 0, inView = 0, clear = 0, width = 0;
  for (const path of paths) {
    width = Math.max(width, parseFloat(getComputedStyle(path).strokeWidth));
    const ctm = path.getScreenCTM(), length = path.getTotalLength();
    for (let d = 0; d <= length; d += 2) {
      const p = path.getPointAtLength(d).matrixTransform(ctm);
      total += 1;
      if (p.x < view.left || p.x > view.right || p.y < view.top || p.y > view.bottom) continue;
      inView += 1;
      if (!covers.some(r => p.x >= r.left && p.x <= r.right && p.y >= r.top && p.y <= r.bottom)) clear += 1;
    }
  }
  return {samples: total, inView: total ? inView / total : 0, clear: total ? clear / total : 0, width: width,
          paths: paths.length};
})()
"""

# How many elements show a text inside the window (an element counts once, not with its ancestors).
VISIBLE_COPIES = """
(needle) => {
  const hits = [];
  for (const el of document.querySelectorAll('body *')) {
    if (![...el.childNodes].some(n => n.nodeType === 3 && n.textContent.includes(needle))) continue;
    const s = getComputedStyle(el), r = el.getBoundingClientRect();
    if (s.display === 'none' || s.visibility === 'hidden' || r.width === 0 || r.height === 0) continue;
    if (r.bottom <= 0 || r.right <= 0 || r.top >= innerHeight || r.left >= innerWidth) continue;
    hits.push({top: r.top, bottom: r.bottom, left: r.left, right: r.right});
  }
  return hits;
}
"""


AXE_VERSION = "4.14.1"
AXE = Path(__file__).resolve().parent.parent / ".cache" / "axe-core" / AXE_VERSION / "axe.min.js"


SETTLED = """() => new Promise((done) => {
  // Still: no pass of the map's declutter due (data-settling), no zoom or flight under way, and the map's
  // names and story the same for a few frames after (the names are placed in the frame after a pass).
  const map = document.querySelector('.leaflet-container');
  let last = null, quiet = 0;
  const tick = () => {
    const now = [map.hasAttribute('data-settling'), map.getAttribute('data-labels-at'),
                 map.getAttribute('data-story-step'), document.querySelector('.leaflet-map-pane').style.transform,
                 !!document.querySelector('.leaflet-zoom-anim')].join('|');
    const still = !map.hasAttribute('data-settling') && !document.querySelector('.leaflet-zoom-anim');
    quiet = still && now === last ? quiet + 1 : 0;
    last = now;
    if (quiet >= 3) done(); else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})"""


def settle(page) -> None:
    """Wait until the map is still: its names placed after the view settled (no fixed delays). ``page`` is
    a page or a frame holding one map."""
    page.wait_for_function("document.querySelector('.leaflet-container[data-labels-placed]') !== null")
    page.evaluate(SETTLED)


def axe_violations(frame, serious_only: bool = True) -> list[dict]:
    """axe-core's violations in one frame (a page or an iframe), serious and critical ones by default."""
    if not AXE.exists():
        raise RuntimeError(f"axe-core not found at {AXE}: run scripts/setup.sh test (it fetches it from npm)")
    frame.add_script_tag(path=str(AXE))
    # WCAG 2.2 AA and best practice, and the rules axe still calls experimental (label-content-name-mismatch:
    # a voice user saying a button's visible text), which a default run leaves out.
    result = frame.evaluate(
        "axe.run(document, {resultTypes: ['violations'], runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice', 'experimental']}})"
    )
    found = [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5], "help": v["help"]}
        for v in result["violations"]
    ]
    return [v for v in found if v["impact"] in ("serious", "critical")] if serious_only else found


APP_FRAME = "iframe[src*='/tripp-map/map/']"
APP_FRAME_URL = "/tripp-map/map/"  # the app's map is a page of its own server (outputs.server)


def open_app(browser, url: str, viewport=(1280, 800), **options):
    """A new offline context on the app at ``url`` (``options`` for the context: a ``locale``), once its map's
    frame has drawn the route: ``(context, page, watch)``."""
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]}, bypass_csp=True, **options)
    watch = Watch()
    watch.route(context)
    page = context.new_page()
    watch.attach(page)
    page.goto(url)
    page.frame_locator(APP_FRAME).locator("path.layer-tripp_route").first.wait_for(timeout=90_000, state="attached")
    return context, page, watch


def open_map(browser, path, ready: str, hash_: str = "", viewport=(1280, 800), **options):
    """A new offline context opening the file at ``path`` (+ ``hash_``), once the script ``ready`` holds:
    ``(context, page, watch)``."""
    # The driver's own waits and axe are scripts the export's Content-Security-Policy would refuse: tests of
    # what a person sees run without it; tests/test_browser_policy.py runs with it.
    options.setdefault("bypass_csp", True)
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]}, **options)
    watch = Watch()
    watch.route(context)
    page = context.new_page()
    watch.attach(page)
    page.goto(path.as_uri() + hash_)
    page.wait_for_function(ready)
    return context, page, watch
