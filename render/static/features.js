/* Drawing a layer's features: decoded geometry, styles, tooltips, popups, numbered markers.
   Every text a row carries was escaped in Python (render/features.py); it is handed
   to Leaflet as it is. */
(function (root) {
  'use strict';
  var T = root.TrippMap = root.TrippMap || {};

  /* What covers part of the map: its controls (the credits' "i" too) and the story panel or sheet. */
  T.COVERS = '.leaflet-control, .tripp-credits-toggle, .tripp-story';

  var ICON = 34;
  /* Panes: areas below the relief (relief.js, 380) and the ordinary vector layers (400); the route above
     them and below markers (600). */
  var PANES = {'tripp-fills': 350, 'tripp-top': 450};

  T.ensurePanes = function (map) {
    Object.keys(PANES).forEach(function (name) {
      if (!map.getPane(name)) map.createPane(name).style.zIndex = String(PANES[name]);
    });
  };

  /* The div icon of a numbered marker; slot n sits n icons to the right of the spot. */
  T.markerIcon = function (html, className, slot) {
    return L.divIcon({html: html, className: className || 'tripp-icon', iconSize: [ICON, ICON],
                      iconAnchor: [ICON / 2 - ICON * (slot || 0), ICON / 2]});
  };

  /* Popups fit inside the window, clear of the story panel (keepPopupsFree moves them into the free part). */
  T.popupOptions = function () {
    var w = root.innerWidth || 800, h = root.innerHeight || 600;
    return {maxWidth: Math.max(200, Math.min(420, w - 80)), maxHeight: Math.max(160, Math.round(h * 0.55)),
            className: 'tripp-popup', autoPan: false};
  };

  /* The part of the map no story sheet or side panel covers: [left, top, right, bottom] in the map's pixels. */
  T.freeArea = function (map) {
    var c = map.getContainer(), box = c.getBoundingClientRect(), size = map.getSize();
    var free = [8, 8, size.x - 8, size.y - 8];
    var panel = c.querySelector('.tripp-story');
    if (panel && panel.getClientRects().length) {
      var r = panel.getBoundingClientRect();
      if (panel.classList.contains('tripp-sheet')) free[3] = r.top - box.top - 8;
      else if (r.left - box.left > size.x / 2) free[2] = r.left - box.left - 8;
    }
    return free;
  };

  /* A popup opens inside the free part of the map, its close button in reach: on a small map the other
     controls step aside while it is open, and the map moves so the whole popup shows. */
  T.keepPopupsFree = function (map) {
    var c = map.getContainer();
    map.on('popupopen', function (e) {
      var popup = e.popup, free = T.freeArea(map), size = map.getSize();
      c.classList.toggle('tripp-popup-open', size.x < 700);
      popup.options.maxWidth = Math.max(180, Math.min(420, free[2] - free[0] - 60));  // less its frame and margins
      popup.options.maxHeight = Math.max(120, Math.min(popup.options.maxHeight || 9999, free[3] - free[1] - 70));
      popup.update();
      var el = popup.getElement();
      if (!el) return;
      var box = c.getBoundingClientRect(), r = el.getBoundingClientRect();
      var left = r.left - box.left, top = r.top - box.top, right = r.right - box.left, bottom = r.bottom - box.top;
      var dx = left < free[0] ? left - free[0] : (right > free[2] ? right - free[2] : 0);
      var dy = top < free[1] ? top - free[1] : (bottom > free[3] ? bottom - free[3] : 0);
      if (dx || dy) map.panBy([dx, dy], {animate: false});
    });
    map.on('popupclose', function () { c.classList.remove('tripp-popup-open'); });
  };

  function pathStyle(given, layerName) {
    var style = {};
    for (var k in given) {
      if (Object.prototype.hasOwnProperty.call(given, k) && k !== 'casing') style[k] = given[k];
    }
    style.className = 'layer-' + layerName + (given.keepClear ? ' tripp-keep-clear' : '');
    return style;
  }

  function leaves(layer, visit) {
    if (layer.eachLayer) { layer.eachLayer(function (l) { leaves(l, visit); }); return; }
    visit(layer);
  }

  function geoLayer(state, f, shape, style, layerName, extra) {
    var part = 0;
    var options = {
      style: function () { return style; },
      pointToLayer: function (feature, latlng) {
        if (f.i) {
          var marker = L.marker(latlng, {icon: T.markerIcon(f.i, (f.ic || 'tripp-icon') + ' layer-' + layerName, f.o),
                                         keyboard: false, title: f.tt || '', alt: f.tt || ''});
          marker.trippSlot = f.o || 0;
          // The places this marker stands for (its point of the paragraph's), named beside it in its step.
          marker.trippNames = f.nm ? f.nm[part] || [] : [];
          part += 1;
          // Its title as a message and slots (tm), so it follows the map's language.
          if (f.tm) {
            marker.on('add', function () { T.setText(marker.getElement(), state.map, f.tm[0], f.tm[1], 'title'); });
          }
          state.markers.push(marker);
          return marker;
        }
        return L.circleMarker(latlng, style);
      }
    };
    if (style.pane) {
      options.pane = style.pane;
    } else if (/Polygon$/.test(shape.t || '')) {
      // Areas under the relief, so it shades them; lines stay above it.
      options.pane = 'tripp-fills';
    }
    for (var k in extra || {}) { if (Object.prototype.hasOwnProperty.call(extra, k)) options[k] = extra[k]; }
    return L.geoJSON({type: 'Feature', properties: {}, geometry: T.decodeGeometry(shape)}, options);
  }

  /* A path put back on the map (a line on its days again) goes back to its layer's place in the drawing
     order, not on top of the layers drawn after it: each drawn element carries its layer's order. */
  function keepOrder(layer, order) {
    leaves(layer, function (l) {
      l.on('add', function () {
        var el = l.getElement ? l.getElement() : null;
        if (!el || !el.parentNode || !el.setAttribute) return;
        el.setAttribute('data-order', String(order));
        for (var s = el.parentNode.firstElementChild; s; s = s.nextElementSibling) {
          if (s !== el && +(s.getAttribute('data-order') || -1) > order) { el.parentNode.insertBefore(el, s); return; }
        }
      });
    });
  }

  /* Drawn only on its days: the time control (time.js) adds and removes it. */
  function timed(state, group, layer, when) {
    state.timed.push({group: group, layer: layer, since: when[0], until: when[1]});
    if (T.inForce(when[0], when[1], state.date || T.today())) layer.addTo(group);
  }

  /* A popup's shared cells put back: <td data-c="n"></td> holds cells[n] (escaped in Python). */
  function withCells(html, cells) {
    return html.replace(/<td data-c="(\d+)"><\/td>/g, function (all, n) { return '<td>' + cells[+n] + '</td>'; });
  }

  /* data: {shapes: [coded geometry], cells: [shared popup cells], rows: [{g: index into shapes, s: style, t: tooltip, p: popup,
             l: permanent label, i: icon html, ic: icon class, k: key, tt: marker title, o: slot,
             w: [since, until]}]} */
  T.drawFeatures = function (map, group, layerName, data) {
    T.ensurePanes(map);
    if (!map.trippPopupsFree) {
      map.trippPopupsFree = true;
      T.keepPopupsFree(map);
    }
    var state = T.of(map);
    state.groups[layerName] = group;
    state.drawOrder += 1;
    var order = state.drawOrder;
    data.rows.forEach(function (f) {
      var shape = data.shapes[f.g];
      var given = f.s || {};
      var style = pathStyle(given, layerName);
      if (given.casing) {
        // A wider pale line under the route, so it reads on every fill.
        var casing = {};
        for (var c in given.casing) { if (Object.prototype.hasOwnProperty.call(given.casing, c)) casing[c] = given.casing[c]; }
        casing.className = 'layer-' + layerName + ' tripp-casing';
        casing.interactive = false;
        var under = geoLayer(state, f, shape, casing, layerName, {pane: style.pane || 'overlayPane', interactive: false});
        keepOrder(under, order);
        if (f.w) timed(state, group, under, f.w);
        else under.addTo(group);
      }
      var layer = geoLayer(state, f, shape, style, layerName);
      keepOrder(layer, order);
      // Bound to each drawn shape, not the group: Leaflet 1.9.3 fails on tooltips
      // of nested groups (a MultiPoint is one).
      var first = null, parts = [];
      leaves(layer, function (l) {
        if (!first) first = l;
        parts.push(l);
        if (f.t) {
          l.bindTooltip(f.t, {sticky: !f.l && !f.i, permanent: !!f.l, direction: f.l ? 'right' : 'auto',
                              className: f.l ? 'tripp-label' : 'tripp-tip'});
        }
        if (f.p) l.bindPopup(data.cells ? function () { return withCells(f.p, data.cells); } : f.p, T.popupOptions());
        if (given.keepClear) state.keepClear.push(l);
      });
      // A key of several features (a place and the spot another source gives it) keeps every part, its first first.
      if (f.k) {
        if (!state.keyed[f.k]) state.keyed[f.k] = first;
        state.keyedParts[f.k] = (state.keyedParts[f.k] || []).concat(parts);
      }
      if (f.kr) {
        // The key lists a row while one of its features is on the map and in view (legend.js).
        (state.keyFeatures[f.kr] = state.keyFeatures[f.kr] || []).push({group: group, layer: layer});
      }
      if (f.w) timed(state, group, layer, f.w);
      else layer.addTo(group);
    });
  };
})(typeof window !== 'undefined' ? window : globalThis);
