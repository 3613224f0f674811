"""The map's own Leaflet elements, one per concept: Python hands data to the scripts in ``static/``.

Every piece of text these elements put into the page is escaped in Python
before it reaches JavaScript. Scripts run from each element's ``script``
macro (never the page header), in the order the map is built; the files they call are declared beside
each element.
"""

from __future__ import annotations

import base64
import re

from jinja2 import Template

from render.assets import AssetElement, Delivery
from render.encoding import encode_geometry
from render.html import esc, js_json
from render.i18n import say, say_text

__all__ = [
    "CompactGeoJson",
    "CorpusExcerpts",
    "DataAttribution",
    "LanguageMenu",
    "LocatorInset",
    "MapAccessibility",
    "MapLabels",
    "MapLanguages",
    "MapLegend",
    "ReliefOverlay",
    "StoryControl",
    "TimeControl",
    "WheelAfterClick",
]

_SHORT_KEYS = (
    ("style", "s"),
    ("tip", "t"),
    ("pop", "p"),
    ("label", "l"),
    ("icon", "i"),
    ("icon_class", "ic"),
    ("key", "k"),
    ("title", "tt"),
    ("slot", "o"),
    ("when", "w"),
    ("keyrow", "kr"),
    ("title_message", "tm"),
    ("names", "nm"),
)


class CompactGeoJson(AssetElement):
    """A layer's features, drawn from delta-coded geometry into the parent layer group.

    Each feature is a dict with ``geometry`` and optional ``style``, ``tip`` and
    ``pop`` (HTML, already escaped), ``label`` (tooltip always shown), ``icon``
    (HTML for a div icon, already escaped), ``key`` (a name scripts find the
    drawn feature by, in ``TrippMap.of(map).keyed``), ``title`` and ``slot`` (markers).
    Every path gets the CSS class ``layer-<layer_name>``. Each row's ``g`` is an index into the
    payload's table of shapes, so a shape drawn in several periods is sent once.
    """

    scripts = ("state.js", "i18n.js", "geometry.js", "time.js", "features.js")
    styles = ("map.css",)
    _template = Template(
        """{% macro script(this, kwargs) %}
TrippMap.drawFeatures({{ this._parent._parent.get_name() }}, {{ this._parent.get_name() }}, {{ this.layer_name }},
                      {{ this.payload }});
{% endmacro %}"""
    )

    def __init__(self, features: list[dict], layer_name: str, delivery: Delivery = "inline"):
        super().__init__(delivery)
        self._name = "CompactGeoJson"
        # A shape drawn in several periods (a district held by one side, then the other) is sent once.
        shapes: dict[str, int] = {}
        table: list[dict] = []
        rows = []
        cells = _shared_cells(features)
        for feat in features:
            coded = encode_geometry(feat["geometry"])
            key = js_json(coded)
            if key not in shapes:
                shapes[key] = len(table)
                table.append(coded)
            row: dict[str, object] = {"g": shapes[key]}
            for src, dst in _SHORT_KEYS:
                if feat.get(src) not in (None, "", False):
                    row[dst] = feat[src]
            if "p" in row and cells:
                row["p"] = _CELL.sub(
                    lambda m: f'<td data-c="{cells[m.group(1)]}"></td>' if m.group(1) in cells else m.group(0), row["p"]
                )
            rows.append(row)
        self.layer_name = js_json(layer_name)
        payload: dict[str, object] = {"shapes": table, "rows": rows}
        if cells:
            payload["cells"] = list(cells)
        self.payload = js_json(payload)


_CELL = re.compile(r"<td>([^<]{32,})</td>")


def _shared_cells(features: list[dict]) -> dict[str, int]:
    """A long popup cell many features share (a boundary's description, period after period): sent once, in the
    payload's ``cells``, its place in each popup marked ``<td data-c="n">`` (features.js fills it on opening)."""
    seen: dict[str, int] = {}
    for feat in features:
        for text in _CELL.findall(feat.get("pop") or ""):
            seen[text] = seen.get(text, 0) + 1
    shared = [text for text, n in seen.items() if n > 1]
    return {text: n for n, text in enumerate(shared)}


class MapLegend(AssetElement):
    """The key: what each colour and line style in view means, and the map's date when it matters.

    ``entries`` are ``(label, style, kind, layers, when)``: a row is listed while one of its layers is
    on the map and in view (and, with ``when``, on its days). Rows for what the map names on itself
    (a country's fill) are not in it.
    """

    scripts = ("state.js", "i18n.js", "time.js", "legend.js")
    _template = Template(
        """{% macro script(this, kwargs) %}
TrippMap.addLegend({{ this._parent.get_name() }}, {{ this.body }}, {{ this.start_open }});
{% endmacro %}"""
    )

    def __init__(
        self,
        entries: list[tuple[str, dict, str, tuple[str, ...], tuple | None]],
        delivery: Delivery = "inline",
        start_open: bool = True,
        dated: tuple[str, ...] = (),
        lang: str = "en",
    ):
        super().__init__(delivery)
        self._name = "MapLegend"
        self.start_open = js_json(start_open)
        rows = "".join(
            f'<li data-layers="{esc(" ".join(layers))}" data-row="{esc(label)}"'
            + (f' data-since="{esc(when[0] or "")}" data-until="{esc(when[1] or "")}"' if when else "")
            + f">{_swatch(style, kind)}{say(label, lang)}</li>"
            for label, style, kind, layers, when in entries
        )
        date = (
            f'<li class="tripp-key-date" data-layers="{esc(" ".join(dated))}">'
            f'{say("Map date:", lang)} <b class="tripp-key-day"></b></li>'
            if dated
            else ""
        )
        self.body = js_json(f"<details><summary>{say('Key', lang)}</summary><ul>{date}{rows}</ul></details>")


def _swatch(style: dict, kind: str) -> str:
    """A small SVG showing a line, fill, point or excerpt marker in ``style``."""
    color = esc(style.get("color", "#000"))
    fill = esc(style.get("fillColor", color))
    dash = esc(style.get("dashArray", "") or "")
    if kind == "line":
        width = esc(min(float(style.get("weight", 3)), 6))
        shape = (
            f'<line x1="1" y1="8" x2="33" y2="8" stroke="{color}" stroke-width="{width}" stroke-dasharray="{dash}"/>'
        )
    elif kind == "point":
        shape = f'<circle cx="17" cy="8" r="5" fill="{fill}" stroke="{color}" stroke-width="1.5"/>'
    elif kind == "excerpt":
        shape = (
            f'<circle cx="17" cy="8" r="7.5" fill="{fill}"/><text x="17" y="11.5" font-size="9" fill="#fff" '
            'text-anchor="middle">1</text>'
        )
    else:
        opacity = esc(max(float(style.get("fillOpacity", 0.4)), 0.25))
        shape = (
            f'<rect x="2" y="2" width="30" height="12" fill="{fill}" fill-opacity="{opacity}" '
            f'stroke="{color}" stroke-width="1.5" stroke-dasharray="{dash}"/>'
        )
    return f'<svg width="34" height="16" aria-hidden="true">{shape}</svg>'


class DataAttribution(AssetElement):
    """Every dataset credited in the map's attribution control."""

    scripts = ("state.js", "i18n.js", "credits.js")
    _template = Template(
        """{% macro script(this, kwargs) %}
TrippMap.setCredits({{ this._parent.get_name() }}, {{ this.prefix }}, {{ this.text }});
{% endmacro %}"""
    )

    def __init__(self, credits: list[str], delivery: Delivery = "inline", lang: str = "en"):
        super().__init__(delivery)
        self._name = "DataAttribution"
        library = "A JavaScript library for interactive maps"
        self.prefix = js_json(
            f'<a href="https://leafletjs.com" title="{esc(say_text(library, lang))}" data-t-title="{esc(library)}">'
            "Leaflet</a>"
        )
        self.text = js_json(" | ".join(say(c, lang) for c in credits))


class MapAccessibility(AssetElement):
    """The map named for screen readers; shapes out of the Tab order; popups that take and return focus."""

    scripts = ("state.js", "i18n.js", "a11y.js")
    _template = Template(
        """{% macro script(this, kwargs) %}
TrippMap.makeAccessible({{ this._parent.get_name() }}, {{ this.label }});
{% endmacro %}"""
    )

    def __init__(self, label: tuple[str, dict], delivery: Delivery = "inline"):
        super().__init__(delivery)
        self._name = "MapAccessibility"
        self.label = js_json(list(label))


class WheelAfterClick(AssetElement):
    """In an embedding page the wheel scrolls the page until the map is clicked or focused (``wheel.js``)."""

    scripts = ("state.js", "i18n.js", "wheel.js")
    _template = Template(
        """{% macro script(this, kwargs) %}
TrippMap.wheelAfterClick({{ this._parent.get_name() }});
{% endmacro %}"""
    )

    def __init__(self, delivery: Delivery = "inline"):
        super().__init__(delivery)
        self._name = "WheelAfterClick"


class MapLanguages(AssetElement):
    """The languages a map carries (its catalogue for the scripts); first of the map's elements, so every
    control that follows writes in the map's language."""

    scripts = ("state.js", "i18n.js")
    _template = Template(
        """{% macro script(this, kwargs) %}
TrippMap.setLanguages({{ this._parent.get_name() }}, {{ this.options }});
{% endmacro %}"""
    )

    def __init__(self, lang: str, catalogues: dict, delivery: Delivery = "inline", in_app: bool = False):
        super().__init__(delivery)
        self._name = "MapLanguages"
        self._lang, self._in_app = lang, in_app
        self.carry(catalogues)

    def carry(self, catalogues: dict) -> None:
        """The catalogues the page carries (:func:`geo.i18n.scripts_catalogue`)."""
        self.options = js_json({"lang": self._lang, "catalogues": catalogues, "inApp": self._in_app})


class LanguageMenu(AssetElement):
    """The language menu (where the map carries several) and ``#lang=`` in the page's address."""

    scripts = ("state.js", "i18n.js", "language.js")
    _template = Template(
        """{% macro script(this, kwargs) %}
TrippMap.addLanguageMenu({{ this._parent.get_name() }});
{% endmacro %}"""
    )

    def __init__(self, delivery: Delivery = "inline"):
        super().__init__(delivery)
        self._name = "LanguageMenu"


class StoryControl(AssetElement):
    """The story: a title step and one step per paragraph, stepped by buttons, keys and ``#step=N``.

    ``options`` come from :func:`render.story.story_options`; their texts are escaped there.
    """

    scripts = ("state.js", "i18n.js", "story.js", "declutter.js")
    _template = Template(
        """{% macro script(this, kwargs) %}
TrippMap.keepRouteClear({{ this._parent.get_name() }});
TrippMap.addStory({{ this._parent.get_name() }}, {{ this.options }});
{% endmacro %}"""
    )

    def __init__(self, options: dict, delivery: Delivery = "inline"):
        super().__init__(delivery)
        self._name = "StoryControl"
        self.options = js_json(options)


class TimeControl(AssetElement):
    """A date slider: the map shows who held what on the chosen date, and the events before it."""

    scripts = (
        "state.js",
        "i18n.js",
        "time.js",
    )  # also loaded with the features, which show a timed feature on its days
    _template = Template(
        """{% macro script(this, kwargs) %}
TrippMap.addTimeControl({{ this._parent.get_name() }}, {{ this.options }});
{% endmacro %}"""
    )

    def __init__(self, events: list[dict], first: str, delivery: Delivery = "inline"):
        super().__init__(delivery)
        self._name = "TimeControl"
        self.options = js_json({"events": events, "first": first, "start": None})


class CorpusExcerpts(AssetElement):
    """Many articles' excerpts grouped by place on a canvas, with filters by article and date.

    ``payload`` comes from :func:`render.corpus.corpus_payload`; its texts are escaped there.
    """

    scripts = ("state.js", "i18n.js", "time.js", "corpus.js")
    styles = ("map.css",)
    _template = Template(
        """{% macro script(this, kwargs) %}
TrippMap.addCorpus({{ this._parent._parent.get_name() }}, {{ this._parent.get_name() }}, {{ this.payload }},
                   {{ this.options }});
{% endmacro %}"""
    )

    def __init__(self, payload: dict, title: str, delivery: Delivery = "inline"):
        super().__init__(delivery)
        self._name = "CorpusExcerpts"
        self.payload = js_json(payload)
        self.options = js_json({"title": esc(title)})


class MapLabels(AssetElement):
    """The map's names, placed by one pass after every view change (see ``static/labels.js``).

    ``payload`` comes from :func:`render.labels.label_payload`; its texts are escaped there.
    """

    scripts = ("state.js", "i18n.js", "time.js", "labels.js")
    styles = ("map.css",)
    _template = Template(
        """{% macro script(this, kwargs) %}
TrippMap.addLabels({{ this._parent.get_name() }}, {{ this.payload }});
{% endmacro %}"""
    )

    def __init__(self, payload: dict, delivery: Delivery = "inline"):
        super().__init__(delivery)
        self._name = "MapLabels"
        self.payload = js_json(payload)


class ReliefOverlay(AssetElement):
    """Shaded relief multiplied over the fills, below the lines' pane, the route, names and markers."""

    scripts = ("relief.js",)
    _template = Template(
        """{% macro script(this, kwargs) %}
TrippMap.addRelief({{ this._parent._parent.get_name() }}, {{ this._parent.get_name() }}, {{ this.url }},
                   {{ this.bounds }});
{% endmacro %}"""
    )

    def __init__(self, image: bytes, box: tuple[float, float, float, float], delivery: Delivery = "inline"):
        super().__init__(delivery)
        self._name = "ReliefOverlay"
        west, south, east, north = box
        self.url = js_json("data:image/webp;base64," + base64.b64encode(image).decode("ascii"))
        self.bounds = js_json([[south, west], [north, east]])


class LocatorInset(AssetElement):
    """A small map of the region's part of the world with the view's box on it (1024 px wide and more)."""

    scripts = ("state.js", "i18n.js", "inset.js")
    _template = Template(
        """{% macro script(this, kwargs) %}
TrippMap.addInset({{ this._parent.get_name() }}, {{ this.options }});
{% endmacro %}"""
    )

    def __init__(self, options: dict, delivery: Delivery = "inline"):
        super().__init__(delivery)
        self._name = "LocatorInset"
        self.options = js_json(options)
