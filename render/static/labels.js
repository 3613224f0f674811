/* The map's names: countries, the exclave, provinces, water, mountains, places and the route, placed
   in one pass after every view change. Labels go in priority order; each takes the first of its
   positions that lies wholly in the map, clear of the controls, the story panel or sheet, the markers,
   the labels already placed and the route. One that fits nowhere is left out, never drawn over
   another or cut by an edge. render/placement.py is the same pass for paper (a test compares them).
   Every text in the payload was escaped in Python (render/labels.py). */
(function (root) {
  'use strict';
  var T = root.TrippMap = root.TrippMap || {};

  var PAD = 2, LINE_PAD = 3, SAMPLE = 4, EDGE = 4;

  /* Where a label may go, in the order tried: [left, top, right, bottom] rectangles. */
  T.nameCandidates = function (item) {
    var x = item.x, y = item.y, w = item.w, h = item.h, g = item.gap === undefined ? 8 : item.gap;
    if (item.anchor === 'line') {
      var a = (item.angle || 0) * Math.PI / 180;
      var bw = Math.abs(w * Math.cos(a)) + Math.abs(h * Math.sin(a));
      var bh = Math.abs(w * Math.sin(a)) + Math.abs(h * Math.cos(a));
      return [[x - bw / 2, y - bh / 2, x + bw / 2, y + bh / 2]];
    }
    var box = function (s) { return [s[0], s[1], s[0] + w, s[1] + h]; };
    if (item.anchor === 'subject') {
      // The story's subject is named off its line: below it first (into the empty side), then above.
      return [[x - w / 2, y + g], [x - w / 2, y - g - h], [x - w / 2, y + 2 * g], [x - w / 2, y - 2 * g - h],
              [x - w / 2, y + 3 * g], [x - w, y + 2 * g], [x, y + 2 * g]].map(box);
    }
    if (item.anchor === 'point') {
      var d = g * 0.7;
      return [[x + g, y - h / 2], [x - g - w, y - h / 2], [x - w / 2, y - g - h], [x - w / 2, y + g],
              [x + d, y - d - h], [x + d, y + d], [x - d - w, y - d - h], [x - d - w, y + d],
              // Further off, for a place on a line (a station on the route).
              [x - w / 2, y + 2.2 * g], [x - w / 2, y - 2.2 * g - h],
              [x + 2.2 * g, y - h / 2], [x - 2.2 * g - w, y - h / 2]].map(box);
    }
    return [[0, 0], [0, -h], [0, h], [-w / 3, 0], [w / 3, 0]].map(function (s) {
      return [x - w / 2 + s[0], y - h / 2 + s[1], x + w / 2 + s[0], y + h / 2 + s[1]];
    });
  };

  /* A place's gap to its name, grown past a marker drawn on the place (a step's number on it): else every
     spot beside the place is under the marker, and the place a step names goes unnamed. */
  T.gapBeside = function (p, gap, discs) {
    var out = gap;
    discs.forEach(function (r) {
      if (p.x >= r[0] && p.x <= r[2] && p.y >= r[1] && p.y <= r[3]) {
        out = Math.max(out, Math.max(p.x - r[0], r[2] - p.x, p.y - r[1], r[3] - p.y) + gap);
      }
    });
    return out;
  };

  /* A rectangle as a turned box [cx, cy, half width, half height, cos, sin]: rect's centre, and w by h
     turned by angle (degrees) when given, else rect itself. */
  T.quadOf = function (rect, angle, w, h) {
    var cx = (rect[0] + rect[2]) / 2, cy = (rect[1] + rect[3]) / 2;
    if (angle) {
      var a = angle * Math.PI / 180;
      return [cx, cy, w / 2, h / 2, Math.cos(a), Math.sin(a)];
    }
    return [cx, cy, (rect[2] - rect[0]) / 2, (rect[3] - rect[1]) / 2, 1, 0];
  };

  function extent(q, ax, ay) {
    var centre = q[0] * ax + q[1] * ay;
    var reach = q[2] * Math.abs(q[4] * ax + q[5] * ay) + q[3] * Math.abs(-q[5] * ax + q[4] * ay);
    return [centre - reach, centre + reach];
  }

  /* Whether two turned boxes overlap, pad apart at least (separating axes). */
  T.quadsOverlap = function (a, b, pad) {
    var axes = [[a[4], a[5]], [-a[5], a[4]], [b[4], b[5]], [-b[5], b[4]]];
    for (var i = 0; i < axes.length; i++) {
      var ea = extent(a, axes[i][0], axes[i][1]), eb = extent(b, axes[i][0], axes[i][1]);
      if (!(ea[0] - pad < eb[1] && eb[0] - pad < ea[1])) return false;
    }
    return true;
  };

  /* Whether a turned box, grown by pad, touches a polyline ([[x, y], …], sampled every few pixels). */
  T.quadTouchesLines = function (q, lines, pad) {
    var cx = q[0], cy = q[1], hw = q[2], hh = q[3], c = q[4], s = q[5];
    for (var l = 0; l < lines.length; l++) {
      var pts = lines[l];
      for (var i = 0; i + 1 < pts.length; i++) {
        var ax = pts[i][0], ay = pts[i][1], bx = pts[i + 1][0], by = pts[i + 1][1];
        var n = Math.max(1, Math.ceil(Math.max(Math.abs(bx - ax), Math.abs(by - ay)) / SAMPLE));
        for (var k = 0; k <= n; k++) {
          var dx = ax + (bx - ax) * k / n - cx, dy = ay + (by - ay) * k / n - cy;
          if (Math.abs(dx * c + dy * s) <= hw + pad && Math.abs(-dx * s + dy * c) <= hh + pad) return true;
        }
      }
    }
    return false;
  };

  function inside(q, frame) {
    var x = extent(q, 1, 0), y = extent(q, 0, 1);
    return x[0] >= frame[0] && y[0] >= frame[1] && x[1] <= frame[2] && y[1] <= frame[3];
  }

  /* items: [{group, x, y, w, h, anchor, angle, gap}] in priority order; frame and obstacles: rectangles
     [left, top, right, bottom]; lines: polylines to keep clear. Returns [{index, left, top, right, bottom,
     candidate}] (a turned label: the box around it). */
  T.placeNames = function (items, frame, obstacles, lines) {
    var taken = (obstacles || []).map(function (o) { return T.quadOf(o); }), done = {}, out = [];
    items.forEach(function (item, index) {
      if (Object.prototype.hasOwnProperty.call(done, item.group)) return;
      var turned = item.anchor === 'line' && !!item.angle;
      var rects = T.nameCandidates(item);
      for (var n = 0; n < rects.length; n++) {
        var r = rects[n], q = turned ? T.quadOf(r, item.angle, item.w, item.h) : T.quadOf(r);
        if (!inside(q, frame)) continue;
        if (taken.some(function (o) { return T.quadsOverlap(q, o, PAD); })) continue;
        if (lines && lines.length && T.quadTouchesLines(q, lines, LINE_PAD)) continue;
        taken.push(q);
        done[item.group] = true;
        out.push({index: index, left: r[0], top: r[1], right: r[2], bottom: r[3], candidate: n});
        return;
      }
    });
    return out;
  };

  function visible(el) {
    if (!el || !el.getClientRects().length) return false;
    var s = root.getComputedStyle(el);
    return s.display !== 'none' && s.visibility !== 'hidden';
  }

  function relRect(el, box) {
    var r = el.getBoundingClientRect();
    return [r.left - box.left, r.top - box.top, r.right - box.left, r.bottom - box.top];
  }

  // Everything a name must not lie on, besides what covers the map (T.COVERS): markers, other labels, popups.
  var BLOCKERS = '.leaflet-marker-icon, .leaflet-tooltip.tripp-label, .tripp-count, .leaflet-popup';

  /* payload: {styles: {kind: {size, weight, italic, caps, spacing, colour, anchor, gap, symbol}},
               labels: [{g: id, t: text, s: sub, k: kind, ll: [lat, lon], p: priority, z: [min, max],
                         a: angle, l: layer or null, w: [since, until] or null}]} */
  // Leaflet is on the page; the helpers above also run without it (the unit tests under Node).
  if (root.L) {
    /* An empty name of a kind, drawn in its style, in the labels' box. */
    var labelElement = function (box, kind, st) {
      var el = L.DomUtil.create('div', 'tripp-maplabel tl-' + kind, box);
      el.style.setProperty('--tl-size', (st.size || 13) + 'px');
      el.style.fontWeight = String(st.weight || 400);
      if (st.italic) el.style.fontStyle = 'italic';
      if (st.caps) el.style.textTransform = 'uppercase';
      if (st.spacing) el.style.letterSpacing = st.spacing + 'em';
      el.style.color = st.colour || '#222';
      return el;
    };

    /* A place's dot (and where another source puts it), set aside while the map does not name it, or back. */
    var setAside = function (map, g, aside) {
      (T.of(map).keyedParts[g] || []).forEach(function (dot) {
        var el = dot.getElement && dot.getElement();
        if (el) el.classList.toggle('tripp-unnamed', aside);
      });
    };

    T.LabelLayer = L.Layer.extend({
      initialize: function (payload) {
        this._payload = payload;
        this._timer = null;
      },

      onAdd: function (map) {
        this.trippMap = map;  // its own reference: Leaflet's _map is private
        if (!map.getPane('tripp-labels')) {
          var pane = map.createPane('tripp-labels');
          pane.style.zIndex = '560';
          pane.style.pointerEvents = 'none';
        }
        this._box = L.DomUtil.create('div', 'tripp-labels leaflet-zoom-hide', map.getPane('tripp-labels'));
        this._box.setAttribute('aria-hidden', 'true');
        this._stepEls = [];
        var styles = this._payload.styles;
        this._items = this._payload.labels.map(function (lab) {
          var st = styles[lab.k] || {};
          var el = labelElement(this._box, lab.k, st);
          el.setAttribute('data-label', lab.g);
          el.innerHTML = '<span class="tl-text">' + lab.t + '</span>' + (lab.s ? '<span class="tl-sub">' + lab.s + '</span>' : '');
          // The payload's (escaped) English, read back as text: the key of the name or message in each language.
          var text = el.querySelector('.tl-text'), sub = el.querySelector('.tl-sub');
          lab.key = text.textContent;
          lab.subKey = sub ? sub.textContent : '';
          var symbol = null;
          if (st.symbol) {
            symbol = L.DomUtil.create('div', 'tripp-mapsymbol', this._box);
            symbol.textContent = st.symbol;
            symbol.style.color = st.colour || '#222';
          }
          el.style.display = 'none';
          return {lab: lab, style: st, el: el, symbol: symbol};
        }, this);
        this._say();
        this._events = {moveend: this._soon, zoomend: this._soon, resize: this._soon, viewreset: this._soon,
                        'tripp:lang': this._relabel,
                        overlayadd: this._soon, overlayremove: this._soon, layeradd: this._soon,
                        layerremove: this._soon, popupopen: this._soon, popupclose: this._soon,
                        'tripp:decluttered': this._soon, 'tripp:date': this._soon};
        map.on(this._events, this);
        // A label may hold the map's date ("on 18 Sep 2023") or exist only on some days.
        this._unhook = T.hook(map, 'onDate', function () { map.fire('tripp:date'); });
        this._soon();
      },

      onRemove: function (map) {
        // The dots this layer set aside are the map's again.
        this._items.forEach(function (it) { setAside(map, it.lab.g, false); });
        this.trippMap = null;
        map.off(this._events, this);
        if (this._unhook) this._unhook();
        this._unhook = null;
        if (this._timer !== null && root.cancelAnimationFrame) root.cancelAnimationFrame(this._timer);
        this._timer = null;
        L.DomUtil.remove(this._box);
        this._items = [];
      },

      /* Each label's words in the map's language: a place's name, else a message of the catalogue. */
      _say: function () {
        var map = this.trippMap, day = T.dayOf(map);
        this._items.forEach(function (it) {
          var names = T.name(map, it.lab.key), sub = it.el.querySelector('.tl-sub');
          it.el.querySelector('.tl-text').textContent = names !== it.lab.key ? names : T.t(map, it.lab.key);
          if (sub) sub.textContent = T.t(map, it.lab.subKey, {date: {day: day}});
        });
      },

      _relabel: function () {
        this._say();
        this._soon();
      },

      _soon: function () {
        // Once per frame, however many events asked: a step fires several.
        var self = this;
        if (this._timer !== null) return;
        var later = root.requestAnimationFrame || function (f) { return root.setTimeout(f, 16); };
        this._timer = later(function () { self._timer = null; self.update(); });
      },

      /* The rectangles, in the map's pixels, of what is shown of the elements matching selector. */
      _blockers: function (container, box, selector) {
        var out = [];
        container.querySelectorAll(selector || T.COVERS + ', ' + BLOCKERS).forEach(function (el) {
          if (visible(el)) out.push(relRect(el, box));
        });
        return out;
      },

      _shown: function (lab, zoom, day, map) {
        if (zoom < lab.z[0] || zoom > lab.z[1]) return false;
        if (lab.w && !T.inForce(lab.w[0], lab.w[1], day)) return false;
        if (lab.l) {
          var group = T.of(map).groups[lab.l];
          if (!group || !map.hasLayer(group)) return false;
        }
        return true;
      },

      /* The current step's places named beside its markers: each marker drawn, with the names of those drawn
         once with it (merged), so a class sees which places a number stands for. [{it, p}] as update's live. */
      _stepNames: function (map, box) {
        var kept = [], merged = [], st = this._payload.styles.town || {};
        T.of(map).markers.forEach(function (m) {
          var el = m.getElement();
          if (!el || !map.hasLayer(m) || !el.classList.contains('tripp-current')) return;
          if (el.classList.contains('tripp-offview')) return;
          var r = el.getBoundingClientRect();
          var p = {x: (r.left + r.right) / 2 - box.left, y: (r.top + r.bottom) / 2 - box.top};
          (el.classList.contains('tripp-merged') ? merged : kept).push({p: p, names: m.trippNames || []});
        });
        var far = function (a, b) { return Math.hypot(a.p.x - b.p.x, a.p.y - b.p.y); };
        merged.forEach(function (o) {
          var near = kept.reduce(function (best, k) { return best && far(best, o) <= far(k, o) ? best : k; }, null);
          if (near) near.names = near.names.concat(o.names);
        });
        var pool = this._stepEls, self = this;
        pool.forEach(function (el) { el.style.display = 'none'; });
        return kept.filter(function (k) { return k.names.length; }).map(function (k, n) {
          var el = pool[n];
          if (!el) {
            el = pool[n] = labelElement(self._box, 'town', st);
            el.classList.add('tripp-steplabel');
            L.DomUtil.create('span', 'tl-text', el);
          }
          // Each name as the map's language writes it, isolated (the names may run in different directions), two
          // to a line: a long list beside a marker finds no room on one.
          var names = k.names.filter(function (x, i, a) { return a.indexOf(x) === i; });
          el.firstChild.textContent = names.map(function (x, i) {
            return (i && i % 2 === 0 ? '\n' : '') + '\u2068' + T.name(map, x) + '\u2069';
          }).join(', ').replace(/, \n/g, ',\n');
          el.style.display = 'block';
          el.style.visibility = 'hidden';
          var it = {el: el, lab: {g: 'step-' + n, k: 'town'}, style: {anchor: 'point', gap: 8}};
          return {it: it, p: k.p, names: names};
        });
      },

      /* Place every label for the view as it is now. */
      update: function () {
        var map = this.trippMap;
        if (!map || !this._items) return;
        var size = map.getSize();
        var zoom = map.getZoom(), day = T.dayOf(map);
        var container = map.getContainer(), box = container.getBoundingClientRect();
        // The step's names first; a town they name is not named twice.
        var live = this._stepNames(map, box), covers = this._blockers(container, box, T.COVERS);
        var inStep = {};
        live.forEach(function (o) { o.names.forEach(function (x) { inStep[x] = true; }); });
        // A place a many-articles map already names with its count ("Julfa · 2") is not named twice.
        var counted = {};
        container.querySelectorAll('.tripp-count').forEach(function (el) {
          counted[el.textContent.split(' · ')[0]] = true;
        });
        // Whether each place with a dot is named now: a dot the map does not name is not drawn.
        var named = {};
        this._items.forEach(function (it) {
          it.el.style.display = 'none';
          if (it.symbol) it.symbol.style.display = 'none';
          var place = it.lab.k === 'town' || it.lab.k === 'capital';
          if (place) named[it.lab.g] = false;
          if (!this._shown(it.lab, zoom, day, map)) return;
          if (place && (Object.prototype.hasOwnProperty.call(counted, it.lab.key) || inStep[it.lab.key])) {
            named[it.lab.g] = true;  // its count names it, or its step
            return;
          }
          var p = map.latLngToContainerPoint(it.lab.ll);
          if (p.x < -200 || p.y < -100 || p.x > size.x + 200 || p.y > size.y + 100) return;
          // A place whose dot the map's edge cuts is not named: its name would point at half a symbol.
          if (it.style.anchor === 'point' && (p.x < 8 || p.y < 8 || p.x > size.x - 8 || p.y > size.y - 8)) return;
          // Nor one whose dot lies under the story panel or a control: its name would point at nothing seen.
          if (it.style.anchor === 'point' && covers.some(function (r) {
            return p.x + 5 > r[0] && p.x - 5 < r[2] && p.y + 5 > r[1] && p.y - 5 < r[3];
          })) return;
          var sub = it.el.querySelector('.tl-sub');
          if (sub) sub.textContent = T.t(map, it.lab.subKey, {date: {day: day}});
          it.el.style.display = 'block';
          it.el.style.visibility = 'hidden';
          it.el.style.transform = '';
          live.push({it: it, p: p});
        }, this);
        // Read every size, then write every position: one layout.
        var obstacles = this._blockers(container, box);
        live.forEach(function (o) {
          o.w = o.it.el.offsetWidth;
          o.h = o.it.el.offsetHeight;
          // A place's dot (drawn by its layer) or a peak's symbol is kept clear by every label.
          if (o.it.style.anchor === 'point') {
            obstacles.push([o.p.x - 5, o.p.y - 5, o.p.x + 5, o.p.y + 5]);
          }
        });
        var lines = [];
        T.of(map).keepClear.forEach(function (layer) {
          if (!map.hasLayer(layer) || !layer.getLatLngs) return;
          var parts = layer.getLatLngs();
          if (parts.length && !Array.isArray(parts[0])) parts = [parts];
          parts.forEach(function (part) {
            lines.push(part.map(function (ll) { var q = map.latLngToContainerPoint(ll); return [q.x, q.y]; }));
          });
        });
        var discs = this._blockers(container, box, '.leaflet-marker-icon');
        var items = live.map(function (o) {
          var anchor = o.it.style.anchor || 'area', gap = o.it.style.gap === undefined ? 8 : o.it.style.gap;
          if (anchor === 'point') gap = T.gapBeside(o.p, gap, discs);
          return {group: o.it.lab.g, x: o.p.x, y: o.p.y, w: o.w, h: o.h, anchor: anchor,
                  angle: o.it.lab.a || 0, gap: gap};
        });
        var frame = [EDGE, EDGE, size.x - EDGE, size.y - EDGE];
        var placed = T.placeNames(items, frame, obstacles, lines);
        var on = {};
        placed.forEach(function (pl) {
          var o = live[pl.index], el = o.it.el;
          on[pl.index] = true;
          var cx = (pl.left + pl.right) / 2, cy = (pl.top + pl.bottom) / 2;
          var at = map.containerPointToLayerPoint([cx - o.w / 2, cy - o.h / 2]);
          el.style.left = at.x + 'px';
          el.style.top = at.y + 'px';
          if (items[pl.index].anchor === 'line' && items[pl.index].angle) {
            el.style.transform = 'rotate(' + items[pl.index].angle + 'deg)';
          }
          el.style.visibility = 'visible';
          if (Object.prototype.hasOwnProperty.call(named, o.it.lab.g)) named[o.it.lab.g] = true;
          if (o.it.symbol) {
            var s = map.containerPointToLayerPoint([o.p.x, o.p.y]);
            o.it.symbol.style.left = s.x + 'px';
            o.it.symbol.style.top = s.y + 'px';
            o.it.symbol.style.display = 'block';
          }
        });
        live.forEach(function (o, n) { if (!on[n]) o.it.el.style.display = 'none'; });
        Object.keys(named).forEach(function (g) { setAside(map, g, !named[g]); });
        container.setAttribute('data-labels-placed', String(placed.length));
        if (root.performance) container.setAttribute('data-labels-at', String(root.performance.now()));
        map.fire('tripp:labelled');
      }
    });
  }

  T.addLabels = function (map, payload) {
    var layer = new T.LabelLayer(payload);
    layer.addTo(map);
    return layer;
  };
})(typeof window !== 'undefined' ? window : globalThis);
