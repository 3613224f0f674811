"""Screenshots of the export at the four window sizes people use, offline, for a person to look at.

Usage: .venv/bin/python scripts/screenshots.py OUT_DIR [--hash '#step=3'] [--html FILE]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser import ARGS, CHROMIUM, Watch  # noqa: E402

SIZES = {
    "projector-1920x1080": (1920, 1080),
    "laptop-1280x800": (1280, 800),
    "old-projector-1024x768": (1024, 768),
    "phone-390x844": (390, 844),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--hash", default="")
    parser.add_argument("--html", type=Path, help="an exported file (default: export the seed now)")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    html = args.html
    if html is None:
        from outputs.export import export_html

        html = args.out / "map.html"
        html.write_text(export_html(), encoding="utf-8")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        for label, (width, height) in SIZES.items():
            context = browser.new_context(viewport={"width": width, "height": height}, bypass_csp=True)
            watch = Watch()
            watch.route(context)
            page = context.new_page()
            watch.attach(page)
            page.goto(html.resolve().as_uri() + args.hash)
            page.wait_for_selector("path.layer-tripp_route")
            page.wait_for_timeout(1500)
            shot = args.out / f"{label}.png"
            page.screenshot(path=str(shot))
            print(f"{shot}  errors={watch.errors} outside={watch.outside}")
            context.close()
        browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
