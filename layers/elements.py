"""The map's own Leaflet elements, one per concept, each with the script it needs.

Every piece of text these elements put into the page is escaped in Python
before it reaches JavaScript, and JavaScript only ever hands Leaflet that
escaped HTML. Scripts live in each element's ``script`` macro (never in the
page header) so they also run where streamlit-folium re-evaluates the map.
"""

from __future__ import annotations

import html
import json
import re

from branca.element import MacroElement
from jinja2 import Template
from shapely.geometry.base import BaseGeometry

__all__ = [
    "CompactGeoJson",
    "DataAttribution",
    "MapLegend",
    "PageStyle",
    "StoryControl",
    "encode_geometry",
    "esc",
]

SCALE = 10_000  # 1e-4 degree grid, the data files' own


def esc(value: object) -> str:
    """Text made safe to place in HTML."""
    return html.escape("" if value is None else str(value), quote=True)


def _seq(coords) -> list[int]:
    out: list[int] = []
    px = py = 0
    for x, y, *_ in coords:
        ix, iy = round(x * SCALE), round(y * SCALE)
        out += [ix - px, iy - py]
        px, py = ix, iy
    return out


def encode_geometry(geom: BaseGeometry) -> dict:
    """Geometry as delta-coded integers on the 1e-4° grid (about a third of GeoJSON's size)."""
    kind = geom.geom_type
    if kind in ("Point", "LineString"):
        return {"t": kind, "c": _seq(geom.coords)}
    if kind == "MultiPoint":
        return {"t": kind, "c": _seq([p.coords[0] for p in geom.geoms])}
    if kind == "Polygon":
        return {"t": kind, "c": [_seq(geom.exterior.coords), *(_seq(r.coords) for r in geom.interiors)]}
    if kind == "MultiLineString":
        return {"t": kind, "c": [_seq(g.coords) for g in geom.geoms]}
    if kind == "MultiPolygon":
        return {"t": kind, "c": [encode_geometry(p)["c"] for p in geom.geoms]}
    raise ValueError(f"cannot encode {kind}")


_DECODER = """
if (!window.trippGeom) {
  window.trippSeq = function (a) {
    var out = [], x = 0, y = 0;
    for (var i = 0; i < a.length; i += 2) { x += a[i]; y += a[i + 1]; out.push([x / 1e4, y / 1e4]); }
    return out;
  };
  window.trippGeom = function (g) {
    var t = g.t, c = g.c, s = window.trippSeq;
    if (t === 'Point') return {type: t, coordinates: s(c)[0]};
    if (t === 'LineString' || t === 'MultiPoint') return {type: t, coordinates: s(c)};
    if (t === 'Polygon' || t === 'MultiLineString') return {type: t, coordinates: c.map(s)};
    return {type: t, coordinates: c.map(function (p) { return p.map(s); })};
  };
  window.trippLayers = {};
}
"""


class CompactGeoJson(MacroElement):
    """Features drawn from delta-coded geometry, added to the parent layer group.

    Each feature is a dict with ``geometry`` and optional ``style``, ``tip`` and
    ``pop`` (HTML, already escaped), ``label`` (tooltip always shown), ``icon``
    (HTML for a div icon, already escaped), and ``key`` (a name scripts can
    find the drawn layer by, in ``window.trippLayers``).
    """

    _template = Template(
        """
{% macro script(this, kwargs) %}
(function () {
"""
        + _DECODER
        + """
  var data = {{ this.payload }};
  var group = {{ this._parent.get_name() }};
  data.forEach(function (f) {
    var layer = L.geoJSON({type: 'Feature', properties: {}, geometry: window.trippGeom(f.g)}, {
      style: function () { return f.s || {}; },
      pointToLayer: function (feature, latlng) {
        if (f.i) {
          return L.marker(latlng, {icon: L.divIcon({html: f.i, className: f.ic || 'tripp-icon',
                                                     iconSize: [34, 34], iconAnchor: [17 - 34 * (f.o || 0), 17]}),
                                   keyboard: true, title: f.tt || ''});
        }
        return L.circleMarker(latlng, f.s || {});
      }
    });
    // Bound to each drawn shape, not the group: Leaflet 1.9.3 fails on tooltips
    // of nested groups (a MultiPoint is one).
    var first = null;
    (function leaves(l) {
      if (l.eachLayer) { l.eachLayer(leaves); return; }
      if (!first) first = l;
      if (f.t) { l.bindTooltip(f.t, {sticky: !f.l && !f.i, permanent: !!f.l, direction: f.l ? 'right' : 'auto',
                                     className: f.l ? 'tripp-label' : 'tripp-tip'}); }
      if (f.p) { l.bindPopup(f.p, {maxWidth: 380, className: 'tripp-popup'}); }
    })(layer);
    if (f.k) { window.trippLayers[f.k] = first; }
    layer.addTo(group);
  });
})();
{% endmacro %}
"""
    )

    def __init__(self, features: list[dict]):
        super().__init__()
        self._name = "CompactGeoJson"
        rows = []
        for feat in features:
            row = {"g": encode_geometry(feat["geometry"])}
            for src, dst in (
                ("style", "s"),
                ("tip", "t"),
                ("pop", "p"),
                ("label", "l"),
                ("icon", "i"),
                ("icon_class", "ic"),
                ("key", "k"),
                ("title", "tt"),
                ("slot", "o"),
            ):
                if feat.get(src) not in (None, "", False):
                    row[dst] = feat[src]
            rows.append(row)
        self.payload = _js_json(rows)


# branca compiles each element's rendered script as a Jinja template once more,
# so "{{", "{%" and "{#" in data would be evaluated as template code. JSON's own
# structure never puts "{", "%" or "#" after "{", so only text inside strings
# matches, where \u007b still reads as "{".
_JINJA_OPENER = re.compile(r"\{(?=[{%#])")


def _js_json(value: object) -> str:
    """JSON safe inside a <script> and inside branca's second Jinja pass."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    text = (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )
    return _JINJA_OPENER.sub(r"\\u007b", text)


class MapLegend(MacroElement):
    """A collapsible legend control: what each colour and line style means."""

    _template = Template(
        """
{% macro script(this, kwargs) %}
(function () {
  var legend = L.control({position: 'bottomright'});
  legend.onAdd = function () {
    var div = L.DomUtil.create('div', 'tripp-legend');
    div.innerHTML = {{ this.body }};
    // Open by default where there is room for it; one click away on small screens.
    div.querySelector('details').open = window.innerHeight >= 700 && window.innerWidth >= 700;
    L.DomEvent.disableClickPropagation(div);
    L.DomEvent.disableScrollPropagation(div);
    return div;
  };
  legend.addTo({{ this._parent.get_name() }});
})();
{% endmacro %}
"""
    )

    def __init__(self, entries: list[tuple[str, dict, str]], title: str = "Legend"):
        super().__init__()
        self._name = "MapLegend"
        rows = []
        for label, style, kind in entries:
            rows.append(f"<li>{_swatch(style, kind)}<span>{esc(label)}</span></li>")
        body = f"<details><summary>{esc(title)}</summary><ul>{''.join(rows)}</ul></details>"
        self.body = _js_json(body)


def _swatch(style: dict, kind: str) -> str:
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
            '<circle cx="17" cy="8" r="7.5" fill="#1a1a1a"/><text x="17" y="11.5" font-size="9" fill="#fff" '
            'text-anchor="middle">1</text>'
        )
    else:
        opacity = esc(max(float(style.get("fillOpacity", 0.4)), 0.25))
        shape = (
            f'<rect x="2" y="2" width="30" height="12" fill="{fill}" fill-opacity="{opacity}" '
            f'stroke="{color}" stroke-width="1.5" stroke-dasharray="{dash}"/>'
        )
    return f'<svg width="34" height="16" aria-hidden="true">{shape}</svg>'


class DataAttribution(MacroElement):
    """Every dataset credited in the map's attribution control."""

    _template = Template(
        """
{% macro script(this, kwargs) %}
{{ this._parent.get_name() }}.attributionControl.setPrefix({{ this.prefix }});
{{ this._parent.get_name() }}.attributionControl.addAttribution({{ this.text }});
{% endmacro %}
"""
    )

    def __init__(self, credits: list[str]):
        super().__init__()
        self._name = "DataAttribution"
        self.prefix = _js_json(
            '<a href="https://leafletjs.com" title="A JavaScript library for interactive maps">Leaflet</a>'
        )
        self.text = _js_json(" | ".join(esc(c) for c in credits))


class PageStyle(MacroElement):
    """The map's stylesheet, added by script so it also applies inside streamlit-folium."""

    _template = Template(
        """
{% macro script(this, kwargs) %}
(function () {
  if (document.getElementById('tripp-style')) return;
  var s = document.createElement('style');
  s.id = 'tripp-style';
  s.textContent = {{ this.css }};
  document.head.appendChild(s);
})();
{% endmacro %}
"""
    )

    def __init__(self, css: str):
        super().__init__()
        self._name = "PageStyle"
        self.css = _js_json(css)


class StoryControl(MacroElement):
    """Step through the article: Previous / Next buttons and the arrow keys; the map follows.

    ``steps`` hold escaped HTML and where to look; ``start`` (0-based) opens a
    step when the map loads (the app's excerpt choice and story mode use it).
    """

    _template = Template(
        """
{% macro script(this, kwargs) %}
(function () {
  var map = {{ this._parent.get_name() }};
  var steps = {{ this.steps }};
  var region = {{ this.region }};
  var story = L.control({position: 'topright'});
  var i = -1, panel, pending = null;
  function go(n) {
    if (!steps.length) return;
    i = Math.max(0, Math.min(steps.length - 1, n));
    var s = steps[i];
    var layer = window.trippLayers && window.trippLayers[s.key];
    panel.querySelector('.tripp-story-text').innerHTML = s.html || (layer ? layer.getPopup().getContent() : '');
    panel.querySelector('.tripp-story-count').textContent = (i + 1) + ' / ' + steps.length;
    map.closePopup();
    if (s.bounds) {
      map.flyToBounds(s.bounds, {maxZoom: s.zoom, padding: [40, 40], duration: 0.8});
    } else {
      map.flyToBounds(region, {duration: 0.8});
    }
    // Quick presses must not stack: only the last step opens its popup.
    if (pending) { map.off('moveend', pending); pending = null; }
    if (layer) {
      pending = function () { pending = null; if (layer._map) { layer.openPopup(); } };
      map.once('moveend', pending);
    }
    map.getContainer().setAttribute('data-story-step', String(i + 1));
  }
  story.onAdd = function () {
    panel = L.DomUtil.create('div', {{ this.panel_class|tojson }});
    panel.innerHTML = '<div class="tripp-story-bar"><button type="button" class="tripp-prev" ' +
      'aria-label="Previous excerpt">&#9664; Previous</button><span class="tripp-story-count">' +
      steps.length + ' excerpts</span><button type="button" class="tripp-next" aria-label="Next excerpt">' +
      'Next &#9654;</button></div><div class="tripp-story-text" aria-live="polite">' +
      {{ this.intro }} + '</div>';
    L.DomEvent.disableClickPropagation(panel);
    L.DomEvent.disableScrollPropagation(panel);
    panel.querySelector('.tripp-prev').onclick = function () { go(i - 1); };
    panel.querySelector('.tripp-next').onclick = function () { go(i + 1); };
    return panel;
  };
  story.addTo(map);
  {% if this.keys %}document.addEventListener('keydown', function (e) {
    var tag = (e.target && e.target.tagName) || '';
    if (tag === 'INPUT' || tag === 'TEXTAREA' || e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === 'ArrowRight' || e.key === 'PageDown') { go(i + 1); e.preventDefault(); }
    if (e.key === 'ArrowLeft' || e.key === 'PageUp') { go(i - 1); e.preventDefault(); }
  });{% endif %}
  window.trippStory = {go: go, count: steps.length, map: map};
  {% if this.start is not none %}
  map.whenReady(function () { setTimeout(function () { go({{ this.start }}); }, 50); });
  {% endif %}
})();
{% endmacro %}
"""
    )

    def __init__(
        self,
        steps: list[dict],
        region: list[list[float]],
        intro: str,
        start: int | None = None,
        show_panel: bool = True,
    ):
        super().__init__()
        self._name = "StoryControl"
        self.panel_class = "tripp-story" if show_panel else "tripp-story tripp-hidden"
        self.keys = show_panel  # in the app, the page's own shortcuts step the story
        self.steps = _js_json(steps)
        self.region = _js_json(region)
        self.intro = _js_json(esc(intro))
        self.start = start
