/* Keeping the route clear: numbered markers and permanent labels that would lie on it are
   moved off it (markers upward, with a leader line to their place); a paragraph's markers that would
   cover each other are drawn once. Runs after every view change. */
(function (root) {
  'use strict';
  var T = root.TrippMap = root.TrippMap || {};

  var STEP = 12, TRIES = 12, MARKER_R = 17, CLEAR = 9;

  /* Distance from point p to segment ab (all {x, y}). */
  T.segmentDistance = function (p, a, b) {
    var dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
    var t = len2 ? Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2)) : 0;
    var x = a.x + t * dx - p.x, y = a.y + t * dy - p.y;
    return Math.sqrt(x * x + y * y);
  };

  /* Distance from p to the nearest of the polylines (arrays of {x, y}). */
  T.polylineDistance = function (p, lines) {
    var best = Infinity;
    lines.forEach(function (pts) {
      for (var i = 0; i + 1 < pts.length; i++) best = Math.min(best, T.segmentDistance(p, pts[i], pts[i + 1]));
    });
    return best;
  };

  /* Whether a rectangle {left, top, right, bottom} touches a polyline, grown by pad. */
  T.rectTouches = function (rect, lines, pad) {
    var cx = (rect.left + rect.right) / 2, cy = (rect.top + rect.bottom) / 2;
    var hw = (rect.right - rect.left) / 2 + pad, hh = (rect.bottom - rect.top) / 2 + pad;
    return lines.some(function (pts) {
      for (var i = 0; i + 1 < pts.length; i++) {
        // Sample the segment: rectangles here are small against the segments' spacing.
        var a = pts[i], b = pts[i + 1], n = Math.max(1, Math.ceil(Math.max(Math.abs(b.x - a.x), Math.abs(b.y - a.y)) / 4));
        for (var k = 0; k <= n; k++) {
          var x = a.x + (b.x - a.x) * k / n, y = a.y + (b.y - a.y) * k / n;
          if (Math.abs(x - cx) <= hw && Math.abs(y - cy) <= hh) return true;
        }
      }
      return false;
    });
  };

  function screenLines(map) {
    var lines = [];
    T.of(map).keepClear.forEach(function (layer) {
      if (!map.hasLayer(layer) || !layer.getLatLngs) return;
      var parts = layer.getLatLngs();
      if (parts.length && !Array.isArray(parts[0])) parts = [parts];
      parts.forEach(function (part) {
        lines.push(part.map(function (ll) { return map.latLngToContainerPoint(ll); }));
      });
    });
    return lines;
  }

  function placeMarker(map, marker, lines) {
    var icon = marker.getElement();
    if (!icon || !map.hasLayer(marker)) return;
    var base = map.latLngToContainerPoint(marker.getLatLng());
    var dx = (marker.trippSlot || 0) * 2 * MARKER_R, dy = 0;
    for (var n = 0; n < TRIES && T.polylineDistance({x: base.x + dx, y: base.y + dy}, lines) < MARKER_R + CLEAR; n++) {
      dy -= STEP;
    }
    icon.style.marginTop = (dy - MARKER_R) + 'px';
    var leader = icon.querySelector('.tripp-leader');
    if (dy < 0) {
      if (!leader) {
        leader = root.document.createElement('i');
        leader.className = 'tripp-leader';
        leader.setAttribute('aria-hidden', 'true');
        icon.appendChild(leader);
      }
      // From the icon's edge toward its place, stopping short of the route.
      leader.style.height = Math.max(0, -dy - MARKER_R - CLEAR) + 'px';
    } else if (leader) {
      leader.parentNode.removeChild(leader);
    }
  }

  function overlaps(a, b) {
    return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  }

  function placeLabel(map, tooltip, lines, boxes) {
    var el = tooltip.getElement && tooltip.getElement();
    if (!el) return;
    var box = map.getContainer().getBoundingClientRect();
    var tries = [['right', [0, 0]], ['bottom', [0, 10]], ['top', [0, -8]], ['bottom', [0, 30]],
                 ['left', [0, 0]], ['top', [0, -28]], ['bottom', [0, 50]]];
    for (var i = 0; i < tries.length; i++) {
      tooltip.options.direction = tries[i][0];
      tooltip.options.offset = L.point(tries[i][1]);
      tooltip.update();
      var r = el.getBoundingClientRect();
      var rect = {left: r.left - box.left, top: r.top - box.top, right: r.right - box.left, bottom: r.bottom - box.top};
      if (!T.rectTouches(rect, lines, 4) && !boxes.some(function (b) { return overlaps(rect, b); })) return;
    }
    tooltip.options.direction = 'top';
    tooltip.options.offset = L.point(0, -24);
    tooltip.update();
  }

  /* A marker cut by the map's edge or lying under a control is not shown in this view (it comes back when
     the view moves to it): a half symbol or one under the panel reads as a mistake. */
  function hideCovered(map, box) {
    var controls = [];
    map.getContainer().querySelectorAll(T.COVERS).forEach(function (el) {
      var r = el.getBoundingClientRect();
      if (r.width > 0 && r.height > 0) controls.push(r);
    });
    // Every rectangle is read before any class is written: one layout, not one per marker.
    var found = T.of(map).markers.filter(function (m) { return m.getElement() && map.hasLayer(m); }).map(function (m) {
      var icon = m.getElement(), num = icon.querySelector('.tripp-num');
      return {icon: icon, r: (num || icon).getBoundingClientRect()};
    });
    found.forEach(function (f) {
      var r = f.r;
      var cut = r.left < box.left || r.top < box.top || r.right > box.right || r.bottom > box.bottom;
      var under = controls.some(function (c) { return overlaps(r, c); });
      f.icon.classList.toggle('tripp-offview', cut || under);
    });
  }

  /* Of one paragraph's markers (an excerpt naming Sus, Zabukh and Lachin), those that would cover another
     in this view are not drawn: one numbered marker says "paragraph 2 is here", and the step's frame shows
     all its places. Points are {x, y} in screen pixels, in the paragraph's order, and taken those already
     drawn; returns, for each point, whether it is drawn. */
  T.keepApart = function (points, reach, taken) {
    var kept = (taken || []).slice();
    return points.map(function (p) {
      var near = kept.some(function (q) { return Math.abs(q.x - p.x) < reach && Math.abs(q.y - p.y) < reach; });
      if (!near) kept.push(p);
      return !near;
    });
  };

  /* The step shown's paragraph first, then the others in their order: a marker that would cover one drawn
     before it is not drawn in this view (zoomed in, it is). */
  function mergeNear(map, state) {
    var held = [];
    Object.keys(state.keyedParts).map(function (k) {
      var ms = state.keyedParts[k].filter(function (m) { return 'trippSlot' in m && m.getElement() && map.hasLayer(m); });
      return {ms: ms, cur: ms.some(function (m) { return m.getElement().classList.contains('tripp-current'); })};
    }).sort(function (a, b) { return b.cur - a.cur; }).forEach(function (g) {
      var pts = g.ms.map(function (m) {  // where each icon is drawn: at its place, moved right by its slot
        var p = map.latLngToContainerPoint(m.getLatLng());
        return {x: p.x + m.trippSlot * 2 * MARKER_R, y: p.y};
      });
      var keep = T.keepApart(pts, 2 * MARKER_R, held);
      g.ms.forEach(function (m, n) {
        m.getElement().classList.toggle('tripp-merged', !keep[n]);
        if (keep[n]) held.push(pts[n]);
      });
    });
  }

  T.declutter = function (map) {
    var size = map.getSize(), state = T.of(map);
    state.declutterRuns += 1;
    if (!size.x || !size.y) return;
    var lines = screenLines(map);
    mergeNear(map, state);
    state.markers.forEach(function (m) { placeMarker(map, m, lines); });
    var box = map.getContainer().getBoundingClientRect();
    hideCovered(map, box);
    var markerBoxes = state.markers.filter(function (m) {
      return m.getElement() && map.hasLayer(m) && !m.getElement().classList.contains('tripp-offview');
    }).map(function (m) {
      var r = m.getElement().getBoundingClientRect();
      return {left: r.left - box.left, top: r.top - box.top, right: r.right - box.left, bottom: r.bottom - box.top};
    });
    map.eachLayer(function (layer) {
      var tip = layer.getTooltip && layer.getTooltip();
      if (tip && tip.options.permanent && map.hasLayer(layer)) placeLabel(map, tip, lines, markerBoxes);
    });
    // The map's names are placed after the markers settle (labels.js).
    map.fire('tripp:decluttered');
  };

  T.keepRouteClear = function (map) {
    var timer = null, settle = null;
    // Many layers are added at once on load: place things once they settle, not once per layer;
    // and once more a little later, for what the page laid out after (fonts, a frame's final size).
    var gone = false, moving = false;
    var run = function () {
      if (gone) return;  // a promise or a late event after the map was removed
      if (timer !== null) root.clearTimeout(timer);
      if (settle !== null) root.clearTimeout(settle);
      // Said on the map while a pass is due, so a page (or a test) can wait for the map to be still.
      map.getContainer().setAttribute('data-settling', '');
      timer = root.setTimeout(function () {
        timer = null;
        T.declutter(map);
        settle = root.setTimeout(function () {
          settle = null;
          T.declutter(map);
          if (!moving) map.getContainer().removeAttribute('data-settling');
        }, 400);
      }, 20);
    };
    map.on('zoomend moveend viewreset resize overlayadd overlayremove layeradd', run);
    // A flight or a drag is under way from its start: the map is not still until the pass after its end.
    map.on('movestart zoomstart', function () {
      moving = true;
      map.getContainer().setAttribute('data-settling', '');
    });
    map.on('moveend zoomend', function () { moving = false; });
    map.whenReady(run);
    // Labels change size when the page's fonts arrive; a frame's size can change without Leaflet's events.
    if (root.document && root.document.fonts && root.document.fonts.ready) root.document.fonts.ready.then(run);
    root.addEventListener('load', run);
    var resized = root.ResizeObserver ? new root.ResizeObserver(run) : null;
    if (resized) resized.observe(map.getContainer());
    map.once('unload', function () {
      gone = true;
      root.removeEventListener('load', run);
      if (resized) resized.disconnect();
      if (timer !== null) root.clearTimeout(timer);
      if (settle !== null) root.clearTimeout(settle);
    });
    return run;
  };
})(typeof window !== 'undefined' ? window : globalThis);
