"""The export read as a map, in a real Chromium offline: names, the key, relief, the inset, steps framed
on their places, nothing cut or under a control, at the four window sizes."""

from __future__ import annotations

from pathlib import Path

import pytest

from outputs.export import export_html
from tests.browser import axe_violations, open_map, settle

pytestmark = pytest.mark.browser

SIZES = {"projector": (1920, 1080), "laptop": (1280, 800), "old projector": (1024, 768), "phone": (390, 844)}
OPENING_NAMES = {"ARMENIA", "AZERBAIJAN", "IRAN", "NAKHCHIVAN", "SYUNIK", "KARABAKH", "ARAS"}
PHONE_NAMES = {"ARMENIA", "IRAN", "NAKHCHIVAN", "SYUNIK"}

# What a person sees of the map: every visible name (its own turned box), marker and control, in
# page pixels. Written apart from labels.js, so it checks the placement rather than repeating it.
SEEN = """
(() => {
  const c = document.querySelector('.leaflet-container').getBoundingClientRect();
  const shown = (el) => {
    if (!el.getClientRects().length) return false;
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.display === 'none' || s.visibility === 'hidden' || e.hidden) return false;
    }
    return true;
  };
  const corners = (el) => {
    const r = el.getBoundingClientRect();
    const m = /rotate\\(([-\\d.]+)deg\\)/.exec(el.style.transform || '');
    const a = m ? parseFloat(m[1]) * Math.PI / 180 : 0, w = el.offsetWidth / 2, h = el.offsetHeight / 2;
    const cx = (r.left + r.right) / 2, cy = (r.top + r.bottom) / 2, co = Math.cos(a), si = Math.sin(a);
    return [[-w, -h], [w, -h], [w, h], [-w, h]].map(([x, y]) => [cx + x * co - y * si, cy + x * si + y * co]);
  };
  const box = (el) => { const r = el.getBoundingClientRect(); return [[r.left, r.top], [r.right, r.top],
                                                                     [r.right, r.bottom], [r.left, r.bottom]]; };
  const labels = [...document.querySelectorAll('.tripp-maplabel')].filter(shown)
    .map((el) => ({text: [...el.children].map((c) => c.textContent).join(' '), pts: corners(el)}));
  const markers = [...document.querySelectorAll('.leaflet-marker-icon')].filter(shown)
    .map((el) => ({text: el.textContent, pts: box(el.querySelector('.tripp-num') || el)}));
  const controls = [...document.querySelectorAll('.leaflet-control, .tripp-story, .tripp-credits-toggle')]
    .filter(shown).map((el) => ({text: el.className, pts: box(el)}));
  return {map: [c.left, c.top, c.right, c.bottom], labels, markers, controls,
          view: [innerWidth, innerHeight]};
})()
"""


def _axes(pts):
    out = []
    for i in range(len(pts)):
        (x0, y0), (x1, y1) = pts[i], pts[(i + 1) % len(pts)]
        out.append((y0 - y1, x1 - x0))
    return out


def overlap(a, b, slack=0.5) -> bool:
    """Whether two convex outlines overlap by more than ``slack`` pixels (separating axes)."""
    for ax, ay in (*_axes(a), *_axes(b)):
        norm = (ax * ax + ay * ay) ** 0.5 or 1.0
        pa = [(x * ax + y * ay) / norm for x, y in a]
        pb = [(x * ax + y * ay) / norm for x, y in b]
        if max(pa) <= min(pb) + slack or max(pb) <= min(pa) + slack:
            return False
    return True


def inside(pts, rect) -> bool:
    left, top, right, bottom = rect
    return all(left - 0.5 <= x <= right + 0.5 and top - 0.5 <= y <= bottom + 0.5 for x, y in pts)


def check_clear(seen: dict, where: str) -> None:
    """No name overlaps another; no name or marker is cut by the map's edge, or lies under a control."""
    view = [
        max(0, seen["map"][0]),
        max(0, seen["map"][1]),
        min(seen["view"][0], seen["map"][2]),
        min(seen["view"][1], seen["map"][3]),
    ]
    labels = seen["labels"]
    for n, a in enumerate(labels):
        assert inside(a["pts"], view), (where, "cut", a["text"])
        for b in labels[n + 1 :]:
            assert not overlap(a["pts"], b["pts"]), (where, a["text"], b["text"])
        for c in seen["controls"]:
            assert not overlap(a["pts"], c["pts"]), (where, a["text"], "under", c["text"])
        for m in seen["markers"]:
            assert not overlap(a["pts"], m["pts"]), (where, a["text"], "on marker", m["text"])
    for m in seen["markers"]:
        assert inside(m["pts"], view), (where, "marker cut", m["text"])
        for c in seen["controls"]:
            assert not overlap(m["pts"], c["pts"]), (where, "marker", m["text"], "under", c["text"])


def names(seen: dict) -> set[str]:
    words = set()
    for lab in seen["labels"]:
        words |= {w.strip("()").upper() for w in lab["text"].replace("/", " ").split()}
    return words


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    path = tmp_path_factory.mktemp("cartography") / "map.html"
    path.write_text(export_html(), encoding="utf-8")
    return path


READY = (
    "window.TrippMap && TrippMap.of && (TrippMap.of() || {}).story && TrippMap.of().declutterRuns > 1 && "
    "!!document.querySelector('path.layer-tripp_route')"
)


def open_at(browser, path, size, hash_=""):
    context, page, watch = open_map(browser, path, READY, hash_, size, reduced_motion="reduce")
    settle(page)
    return context, page, watch


@pytest.mark.parametrize("size_name", list(SIZES))
def test_the_opening_view_names_the_region_and_nothing_is_cut_or_covered(browser, exported, size_name):
    context, page, watch = open_at(browser, exported, SIZES[size_name])
    seen = page.evaluate(SEEN)
    wanted = PHONE_NAMES if size_name == "phone" else OPENING_NAMES
    assert wanted <= names(seen), (size_name, wanted - names(seen))
    check_clear(seen, size_name)
    # Map text at least 13 px (12 on a phone).
    sizes = page.eval_on_selector_all(
        ".tripp-maplabel:not([style*='display: none']) .tl-text, .tripp-maplabel .tl-sub, .leaflet-control-attribution",
        "els => els.filter(e => e.getClientRects().length).map(e => parseFloat(getComputedStyle(e).fontSize))",
    )
    assert sizes and min(sizes) >= (12 if size_name == "phone" else 13), sizes
    assert not watch.errors and not watch.outside
    context.close()


@pytest.mark.parametrize("size_name", ["projector", "old projector"])
def test_every_step_frames_its_places_clear_of_the_panel_and_controls(browser, exported, size_name):
    context, page, watch = open_at(browser, exported, SIZES[size_name])
    count = page.evaluate("TrippMap.of().story.count")
    assert count == 14
    for step in range(count):
        page.evaluate(f"TrippMap.of().story.go({step}, true)")
        settle(page)
        seen = page.evaluate(SEEN)
        check_clear(seen, f"{size_name} step {step}")
        placed = page.evaluate(
            "!!TrippMap.of().keyedParts[TrippMap.of().story.steps()[TrippMap.of().story.step()].key]"
        )
        if placed:
            # The step's own markers (its near places, or its callout) are on the map, uncovered; of its
            # markers that would cover one another, one is drawn (the rest are "merged").
            current = page.eval_on_selector_all(
                ".leaflet-marker-icon.tripp-current:not(.tripp-merged)",
                """els => els.map(e => {
                  const r = e.querySelector('.tripp-num').getBoundingClientRect();
                  return {v: getComputedStyle(e).visibility, r: [r.left, r.top, r.right, r.bottom]};
                })""",
            )
            assert current and all(c["v"] == "visible" for c in current), (step, current)
            boxes = [c["r"] for c in current]
            for n, a in enumerate(boxes):
                for b in boxes[n + 1 :]:
                    assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (step, a, b)
    assert not watch.errors
    context.close()


def test_relief_lies_under_the_lines_and_names_and_over_the_fills(browser, exported):
    context, page, _ = open_at(browser, exported, SIZES["laptop"])
    z = page.evaluate(
        """() => {
          const pane = (n) => parseInt(getComputedStyle(document.querySelector('.leaflet-' + n + '-pane')).zIndex, 10);
          const img = document.querySelector('img.tripp-relief');
          return {fills: pane('tripp-fills'), relief: pane('tripp-relief'), lines: pane('overlay'),
                  route: pane('tripp-top'), labels: pane('tripp-labels'), shown: !!img && img.complete &&
                  img.naturalWidth > 100, inRelief: !!img && !!img.closest('.leaflet-tripp-relief-pane'),
                  blend: getComputedStyle(document.querySelector('.leaflet-tripp-relief-pane')).mixBlendMode,
                  countries: document.querySelectorAll('.leaflet-tripp-fills-pane path.layer-armenia').length};
        }"""
    )
    assert z["shown"] and z["inRelief"] and z["blend"] == "multiply"
    assert z["fills"] < z["relief"] < z["lines"] < z["route"] < z["labels"]
    assert z["countries"] >= 1
    context.close()


@pytest.mark.parametrize("size_name", list(SIZES))
def test_the_inset_and_the_key_show_where_there_is_room(browser, exported, size_name):
    width, height = SIZES[size_name]
    context, page, _ = open_at(browser, exported, (width, height))
    inset = page.evaluate("getComputedStyle(document.querySelector('.tripp-inset')).display !== 'none'")
    key_open = page.evaluate("document.querySelector('.tripp-legend details').open")
    assert inset == (width >= 1024)
    assert key_open == (width >= 1024)
    # The key lists what is in view, and the map's date.
    rows = page.eval_on_selector_all(".tripp-legend li:not([hidden])", "els => els.map(e => e.textContent)")
    assert any(r.startswith("Map date:") for r in rows)
    assert any("TRIPP railway" in r for r in rows)
    assert not any("Russian peacekeepers" in r for r in rows)  # not on today's map
    if width < 600:
        folded = page.evaluate(
            "document.querySelector('.leaflet-control-attribution').classList.contains('tripp-credits-folded')"
        )
        assert folded
        page.click(".tripp-credits-toggle")
        assert (
            page.evaluate("getComputedStyle(document.querySelector('.leaflet-control-attribution')).display") != "none"
        )
    context.close()


def test_presenter_mode_keeps_the_key_the_date_and_the_names(browser, exported):
    context, page, _ = open_at(browser, exported, SIZES["old projector"], "#present")
    assert page.evaluate("document.documentElement.classList.contains('tripp-presenting')")
    assert page.evaluate("document.querySelector('.tripp-legend details').open")
    assert page.locator(".tripp-legend").is_visible() and page.locator(".leaflet-control-scale").is_visible()
    assert page.locator(".tripp-legend .tripp-key-date").is_visible()
    assert "Map date:" in page.inner_text(".tripp-legend")
    assert OPENING_NAMES - {"ARAS", "KARABAKH"} <= names(page.evaluate(SEEN))
    context.close()


def test_the_offensive_step_labels_the_held_area_with_who_and_when(browser, exported):
    context, page, _ = open_at(browser, exported, SIZES["projector"], "#step=5")
    texts = [lab["text"] for lab in page.evaluate(SEEN)["labels"]]
    assert any(t.startswith("Held by ethnic Armenian forces") and "18 Sep 2023" in t for t in texts), texts
    assert "18 Sep 2023" in page.inner_text(".tripp-legend")
    page.evaluate("TrippMap.of().story.go(0, true)")
    settle(page)
    texts = [lab["text"] for lab in page.evaluate(SEEN)["labels"]]
    assert not any(t.startswith("Held by") for t in texts)  # today nothing is held
    context.close()


def test_a_far_place_is_shown_by_a_callout_pointing_its_way(browser, exported):
    context, page, _ = open_at(browser, exported, SIZES["laptop"], "#step=12")
    turn = page.evaluate("getComputedStyle(document.querySelector('.tripp-current .tripp-arrow')).transform")
    # Washington lies west: the arrow turned by about 180 degrees (a matrix with cos about -1).
    a = float(turn.split("(")[1].split(",")[0])
    assert a < -0.95
    check_clear(page.evaluate(SEEN), "step 12")
    context.close()


def test_a_popup_on_a_phone_opens_in_the_free_part_of_the_map(browser, exported):
    context, page, _ = open_at(browser, exported, SIZES["phone"], "#step=10")
    page.evaluate("void TrippMap.of().keyed['place-meghri'].openPopup()")
    page.wait_for_selector(".leaflet-popup .leaflet-popup-close-button")
    settle(page)
    geom = page.evaluate(
        """() => {
          const r = (s) => document.querySelector(s).getBoundingClientRect();
          const p = r('.leaflet-popup-content-wrapper'), x = r('.leaflet-popup-close-button'), s = r('.tripp-story');
          return {p: [p.left, p.top, p.right, p.bottom], x: [x.left, x.top, x.right, x.bottom], sheet: s.top,
                  w: innerWidth};
        }"""
    )
    assert geom["p"][0] >= 0 and geom["p"][2] <= geom["w"]
    assert geom["p"][3] <= geom["sheet"]
    assert 0 <= geom["x"][0] and geom["x"][2] <= geom["w"] and geom["x"][1] >= 0
    context.close()


def test_axe_finds_nothing_serious_on_the_map_with_its_names(browser, exported):
    context, page, _ = open_at(browser, exported, SIZES["laptop"])
    serious = axe_violations(page)
    assert not serious, serious
    context.close()


# Each place dot drawn and in view (a circle of the places layer: its own spot, or where another source puts
# it), by its feature's key, and the texts of the names shown.
DOTS = """
(() => {
  const state = TrippMap.of(), c = document.querySelector('.leaflet-container').getBoundingClientRect();
  const keyOf = new Map();
  Object.keys(state.keyedParts).forEach((k) => state.keyedParts[k].forEach((part) => {
    if (part.getElement && part.getElement()) keyOf.set(part.getElement(), k);
  }));
  const dots = [];
  document.querySelectorAll('path.layer-places').forEach((el) => {
    if (!/a/.test(el.getAttribute('d') || '')) return;  // a circle's path is drawn with arcs; a line's is not
    const r = el.getBoundingClientRect();  // a dot Leaflet leaves undrawn, off the view, has no size
    if (!r.width || getComputedStyle(el).visibility === 'hidden') return;
    if (r.right < c.left || r.left > c.right || r.bottom < c.top || r.top > c.bottom) return;
    dots.push(keyOf.get(el) || 'unkeyed');
  });
  const shown = [...document.querySelectorAll('.tripp-maplabel .tl-text')]
    .filter((el) => el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden');
  // A step's label names the places its marker stands for, isolated, two to a line.
  const names = shown.flatMap((el) => el.textContent.split(/,\\s*/).map((n) => n.replace(/[\u2068\u2069]/g, '')));
  const steps = shown.filter((el) => el.parentElement.classList.contains('tripp-steplabel'))
    .map((el) => el.textContent);
  return {dots, names, steps};
})()
"""


@pytest.mark.parametrize("step", [0, 2, 8, 11])
def test_every_place_dot_in_view_is_named_and_a_place_under_its_marker_too(browser, exported, step):
    from layers.places import places

    name_of = {f"place-{r.id}": r.name for r in places().itertuples()}
    context, page, watch = open_at(browser, exported, SIZES["laptop"])
    page.evaluate(f"TrippMap.of().story.go({step}, true)")
    settle(page)
    seen = page.evaluate(DOTS)
    assert seen["dots"], step  # the capitals at least
    for key in seen["dots"]:
        assert key in name_of and name_of[key] in seen["names"], (step, key)
    if step == 8:  # "a military court in Baku": Baku under the step's marker, named beside it
        assert "Baku" in seen["names"] and any("Baku" in s for s in seen["steps"])
    assert not watch.errors
    context.close()


def test_a_steps_marker_is_named_with_the_places_it_stands_for(browser, tmp_path):
    from geo.articles import read_article

    path = tmp_path / "lachin.html"
    article = read_article(Path("tests/data/geoparse/outside/o3_lachin_en.txt"))
    path.write_text(export_html(article=article), encoding="utf-8")
    context, page, watch = open_at(browser, path, SIZES["laptop"])
    page.evaluate("TrippMap.of().story.go(2, true)")
    settle(page)
    seen = page.evaluate(DOTS)
    (step,) = seen["steps"]
    for name in ("Lachin / Berdzor", "Zabux", "Sus", "Mets Shen", "Koynashen"):
        assert name in step, name
    assert seen["names"].count("Lachin / Berdzor") == 1  # named once, in the step's label
    check_clear(page.evaluate(SEEN), "lachin step 2")
    page.evaluate("TrippMap.of().story.go(1, true)")
    settle(page)
    assert page.evaluate(DOTS)["steps"] == []  # paragraph 1 names no village: its label is gone
    assert not watch.errors
    context.close()
