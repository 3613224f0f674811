"""Colours that read: the route in a colour of its own at 3:1 or more over everything it crosses,
and every border at 3:1 or more against its own fill (WCAG's non-text contrast)."""

from __future__ import annotations

import pytest

from layers.countries import ARMENIA
from layers.palette import BACKGROUND, ROUTE_COLOUR
from layers.registry import LAYERS, build_layer, spec
from layers.route import SUBJECT_STYLE


def _rgb(colour: str) -> tuple[float, float, float]:
    h = colour.lstrip("#")
    return tuple(int(h[i : i + 2], 16) / 255 for i in (0, 2, 4))


def luminance(colour: str) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def over(top: str, alpha: float, bottom: str) -> str:
    """``top`` at ``alpha`` painted over ``bottom``."""
    mixed = [alpha * t + (1 - alpha) * b for t, b in zip(_rgb(top), _rgb(bottom), strict=True)]
    return "#" + "".join(f"{round(c * 255):02x}" for c in mixed)


def test_contrast_is_computed_as_wcag_does():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def drawn_fills() -> list[tuple[str, str]]:
    """(what, colour) of every polygon fill as the map shows it, translucent ones over what lies beneath."""
    fills = []
    for layer in LAYERS:
        if layer.kind != "polygon":
            continue
        for record in build_layer(layer.name).to_dict("records"):
            style = layer.style_of(record)
            opacity = float(style.get("fillOpacity", 0.2))
            beneath = ARMENIA.style_of({})["fillColor"] if opacity < 1 else BACKGROUND
            if layer.name == "karabakh":
                beneath = "#d3ebe2"  # Karabakh lies on Azerbaijan's fill
            fills.append((f"{layer.name}: {record['name']}", over(str(style["fillColor"]), opacity, str(beneath))))
    return fills


def test_the_route_reads_over_every_fill_and_its_casing():
    assert contrast(ROUTE_COLOUR, SUBJECT_STYLE["casing"]["color"]) >= 3
    for what, fill in drawn_fills():
        assert contrast(ROUTE_COLOUR, fill) >= 3, what


def test_every_border_reads_against_its_own_fill():
    for what, fill in drawn_fills():
        layer = what.split(":")[0]
        record = next(r for r in build_layer(layer).to_dict("records") if r["name"] == what.split(": ", 1)[1])
        style = next(la for la in LAYERS if la.name == layer).style_of(record)
        # An area drawn without its own outline has its borders drawn by the borders layer.
        line = str(style["color"] if style.get("stroke", True) else spec("borders").style_of({})["color"])
        assert contrast(line, fill) >= 3, (what, line, fill)


def test_no_other_layer_uses_the_routes_colour():
    for layer in LAYERS:
        for record in build_layer(layer.name).to_dict("records"):
            style = layer.style_of(record)
            if style.get("keepClear"):
                continue
            assert ROUTE_COLOUR.lower() not in (
                str(style.get("color", "")).lower(),
                str(style.get("fillColor", "")).lower(),
            )
