"""What a figure marks and names, as the web map does: a step's number once where several would cover each
other, none cut by the map's edge, every place's dot named, a place under a marker named beside it, the
credits whole."""

from __future__ import annotations

import re

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pytest

from layers.places import places
from outputs.handout import _fitted_line
from render.figure_map import draw_map, fit_frame
from render.figure_markers import draw_markers, extent
from render.figure_steps import region_frame
from tests.test_handout import run_cli

LACHIN = "tests/data/geoparse/outside/o3_lachin_en.txt"


def _svg(tmp_path, *args: str) -> str:
    out = tmp_path / "f.svg"
    proc = run_cli("figure", str(out), "--size", "1280x800", *args)
    assert proc.returncode == 0, proc.stderr
    return out.read_text(encoding="utf-8")


def _texts(svg: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", t) for t in re.findall(r"<text[^>]*>.*?</text>", svg, flags=re.S)]


def test_a_steps_markers_that_would_cover_each_other_are_drawn_once(tmp_path):
    # Paragraph 2 names Lachin, Zabukh, Sus and the corridor, a few kilometres apart: four discs on one spot.
    texts = _texts(_svg(tmp_path, "--step", "2", "--article", LACHIN))
    assert texts.count("2") == 1


def test_a_steps_marker_is_named_with_the_places_it_stands_for(tmp_path):
    # One disc for Lachin, Zabukh, Sus, Mets Shen and Koynashen, with their names beside it; Lachin's own
    # label is that one, not a second.
    texts = _texts(_svg(tmp_path, "--step", "2", "--article", LACHIN))
    # A label of several lines is a text per line in SVG; the step's, two names to a line.
    words = [w.strip() for t in texts for w in t.split(",")]
    for name in ("Lachin / Berdzor", "Zabux", "Sus", "Mets Shen", "Koynashen"):
        assert words.count(name) == 1, name


def test_markers_drawn_once_carry_the_names_of_those_they_cover():
    fig, ax = _figure()
    frame = ((38.5, 44.5), (40.5, 47.5))
    ax.set_xlim(44.5, 47.5)
    ax.set_ylim(38.5, 40.5)
    markers = [(46.0, 39.5, "2", ("Sus",)), (46.001, 39.5, "2", ("Zabux",)), (45.0, 39.0, "2", ())]
    drawn = draw_markers(ax, markers, None, frame)
    assert [named for _, named in drawn] == [("Sus", "Zabux"), ()]
    plt.close(fig)


def test_a_place_under_its_steps_marker_is_named_beside_it(tmp_path):
    texts = _texts(_svg(tmp_path, "--step", "8"))  # "a military court in Baku"
    assert texts.count("8") == 1
    assert "Baku" in texts


def _figure(width=1280, height=800):
    fig = plt.figure(figsize=(width / 150, height / 150), dpi=150)
    ax = fig.add_axes((0, 0, 1, 1))
    return fig, ax


def test_markers_stay_inside_the_map_and_off_map_places_get_none():
    fig, ax = _figure()
    frame = ((38.5, 44.5), (40.5, 47.5))
    ax.set_xlim(44.5, 47.5)
    ax.set_ylim(38.5, 40.5)
    markers = [(47.5, 40.5, "3"), (44.5, 39.5, "3"), (48.5, 39.0, "3"), (46.0, 39.5, "3"), (46.001, 39.5, "3")]
    discs = draw_markers(ax, markers, None, frame)
    renderer = fig.canvas.get_renderer()
    edge = ax.get_window_extent(renderer)
    # The corner's and the edge's moved in; the one off the map none; the last one on the fourth, once.
    assert len(discs) == 3
    for disc, named in discs:
        assert named == ()
        left, bottom, right, top = extent(disc, renderer)
        assert edge.x0 <= left and right <= edge.x1 and edge.y0 <= bottom and top <= edge.y1
    plt.close(fig)


def test_every_place_dot_on_paper_has_its_name():
    fig, ax = _figure()
    frame = fit_frame(region_frame(), 1280, 800)
    names = draw_map(ax, frame, date="2026-02-10")
    where = {(round(r.geometry.x, 6), round(r.geometry.y, 6)): r.name for r in places().itertuples()}
    (south, west), (north, east) = frame
    dots = [
        line
        for line in ax.lines
        if line.get_marker() == "o" and west <= line.get_xdata()[0] <= east and south <= line.get_ydata()[0] <= north
    ]
    named = [where.get((round(line.get_xdata()[0], 6), round(line.get_ydata()[0], 6))) for line in dots]
    named = [n for n in named if n is not None]
    assert named, "the region's capitals are drawn"
    for name in named:
        assert name in names, name
    # And the region at this size names few of the places layer's towns: the others' dots are not drawn.
    assert len(named) < len(places()) / 2
    plt.close(fig)


@pytest.mark.parametrize("size", [(390, 844), (1280, 800), (1920, 1080)])
def test_the_credits_fit_the_figures_width(size):
    fig = plt.figure(figsize=(size[0] / 150, size[1] / 150), dpi=150)
    text = "Data: " + "; ".join(["© OpenStreetMap contributors (ODbL)"] * 6)
    top = _fitted_line(fig, 0.004, text, 6.0, 5.0)
    renderer = fig.canvas.get_renderer()
    (artist,) = fig.texts
    box = artist.get_window_extent(renderer)
    assert 0 <= box.x0 and box.x1 <= fig.bbox.width and 0 < top < 0.2
    assert artist.get_fontsize() >= 5.0
    plt.close(fig)


def test_a_narrow_figures_key_is_set_smaller_not_cut_at_the_left():
    fig, ax = _figure(390, 844)
    frame = fit_frame(region_frame(), 390, 844)
    draw_map(ax, frame, date="2022-08-26")
    renderer = fig.canvas.get_renderer()
    (key,) = [c for c in ax.get_children() if c.__class__.__name__ == "Legend"]
    box, edge = key.get_window_extent(renderer), ax.get_window_extent(renderer)
    assert edge.x0 <= box.x0 and box.x1 <= edge.x1
    assert min(t.get_fontsize() for t in key.get_texts()) >= 4.5
    plt.close(fig)
