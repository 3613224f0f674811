/* The locator inset: where the map's view lies between the Black Sea and the Caspian. Shown where the
   map is 1024 px wide or more; its box follows the view. */
(function (root) {
  'use strict';
  var T = root.TrippMap = root.TrippMap || {};

  T.INSET_MIN_WIDTH = 1024;

  function merc(lat) { return Math.log(Math.tan(Math.PI / 4 + lat * Math.PI / 360)); }

  /* A point's pixel on an inset of box [west, south, east, north] and size [w, h]. */
  T.insetXY = function (box, size, lon, lat) {
    return [(lon - box[0]) / (box[2] - box[0]) * size[0],
            (merc(box[3]) - merc(lat)) / (merc(box[3]) - merc(box[1])) * size[1]];
  };

  T.insetShown = function (width) { return width >= T.INSET_MIN_WIDTH; };

  /* options: {box, size, land: SVG path, seas: [{name, xy}]} (made in render/inset.py: no user text). */
  // Leaflet is on the page; the helpers above also run without it (the unit tests under Node).
  if (root.L) {
    T.Inset = L.Control.extend({
      options: {position: 'bottomleft'},

      initialize: function (o) {
        L.Util.setOptions(this, {position: 'bottomleft'});
        this._o = o;
      },

      onAdd: function (map) {
        this.trippMap = map;  // its own reference: Leaflet's _map is private
        var o = this._o, w = o.size[0], h = o.size[1], ns = 'http://www.w3.org/2000/svg';
        var div = L.DomUtil.create('div', 'tripp-inset');
        div.setAttribute('role', 'img');
        T.setText(div, map, 'Locator: the map’s view in the region between the Black Sea and the Caspian', null,
                  'aria-label');
        var svg = root.document.createElementNS(ns, 'svg');
        svg.setAttribute('width', w);
        svg.setAttribute('height', h);
        svg.setAttribute('viewBox', '0 0 ' + w + ' ' + h);
        svg.setAttribute('aria-hidden', 'true');
        var land = root.document.createElementNS(ns, 'path');
        land.setAttribute('d', o.land);
        land.setAttribute('class', 'tripp-inset-land');
        svg.appendChild(land);
        o.seas.forEach(function (s) {
          var t = root.document.createElementNS(ns, 'text');
          t.setAttribute('x', s.xy[0]);
          t.setAttribute('y', s.xy[1]);
          t.setAttribute('text-anchor', 'middle');
          t.setAttribute('class', 'tripp-inset-sea');
          t.setAttribute('data-tn', s.name);
          t.textContent = T.name(map, s.name);
          svg.appendChild(t);
        });
        this._view = root.document.createElementNS(ns, 'rect');
        this._view.setAttribute('class', 'tripp-inset-view');
        svg.appendChild(this._view);
        div.appendChild(svg);
        L.DomEvent.disableClickPropagation(div);
        this._div = div;
        map.on('moveend zoomend resize', this._update, this);
        this._update();
        return div;
      },

      onRemove: function (map) {
        this.trippMap = null;
        map.off('moveend zoomend resize', this._update, this);
      },

      _update: function () {
        var map = this.trippMap;
        if (!map) return;
        var size = map.getSize();
        this._div.style.display = T.insetShown(size.x) ? '' : 'none';
        var b = map.getBounds(), o = this._o;
        var a = T.insetXY(o.box, o.size, b.getWest(), b.getNorth());
        var c = T.insetXY(o.box, o.size, b.getEast(), b.getSouth());
        var x = Math.max(0, a[0]), y = Math.max(0, a[1]);
        var w = Math.max(4, Math.min(o.size[0], c[0]) - x), h = Math.max(4, Math.min(o.size[1], c[1]) - y);
        this._view.setAttribute('x', x.toFixed(1));
        this._view.setAttribute('y', y.toFixed(1));
        this._view.setAttribute('width', w.toFixed(1));
        this._view.setAttribute('height', h.toFixed(1));
      }
    });
  }

  T.addInset = function (map, options) {
    return new T.Inset(options).addTo(map);
  };
})(typeof window !== 'undefined' ? window : globalThis);
