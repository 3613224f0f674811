/* The key: what each colour and line style in view means, and the map's date where Karabakh's periods
   show. Open where there is room (1024 px wide and more) and in presenter mode; one tap on a phone.
   It lists only the rows whose layers are on the map and in view (and on their days), and stays clear
   of the story panel above it. */
(function (root) {
  'use strict';
  var T = root.TrippMap = root.TrippMap || {};

  T.LEGEND_MIN_WIDTH = 1024;

  /* Open by default where there is room for it beside the story; one tap away on small windows. */
  T.legendOpen = function (width, height, presenting) {
    if (presenting) return true;
    return width >= T.LEGEND_MIN_WIDTH && height >= 600;
  };

  /* Whether a key row is for this day: data-since / data-until as [since, until). */
  T.rowInForce = function (since, until, day) {
    return (!since || since <= day) && (!until || day < until);
  };

  function inView(map, group) {
    if (!group || !map.hasLayer(group)) return false;
    if (!group.getBounds) return true;
    var any = false, view = map.getBounds();
    group.eachLayer(function (l) {
      if (any || !map.hasLayer(l)) return;
      var b = l.getBounds ? l.getBounds() : (l.getLatLng ? L.latLngBounds([l.getLatLng()]) : null);
      if (b && b.isValid() && view.intersects(b)) any = true;
    });
    return any;
  }

  // Leaflet is on the page; the helpers above also run without it (the unit tests under Node).
  if (root.L) {
    T.Legend = L.Control.extend({
      initialize: function (html, startOpen) {
        L.Util.setOptions(this, {position: 'bottomright'});
        this._html = html;
        this._startOpen = startOpen !== false;
        this._timer = null;
        this._touched = false;
      },

      onAdd: function (map) {
        this.trippMap = map;  // its own reference: Leaflet's _map is private
        var div = L.DomUtil.create('div', 'tripp-legend');
        div.innerHTML = this._html;
        var details = div.querySelector('details');
        var self = this;
        // The toggle event comes later than the change: a change the key did not make itself is the reader's.
        details.addEventListener('toggle', function () { if (details.open !== self._wanted) self._touched = true; });
        L.DomEvent.disableClickPropagation(div);
        L.DomEvent.disableScrollPropagation(div);
        this._div = div;
        this._events = {moveend: this._soon, zoomend: this._soon, resize: this._soon, overlayadd: this._soon,
                        overlayremove: this._soon, layeradd: this._soon, layerremove: this._soon,
                        'tripp:date': this._soon, 'tripp:present': this._present, 'tripp:labelled': this._fit,
                        'tripp:lang': this._soon};
        map.on(this._events, this);
        this._present();
        this._soon();
        return div;
      },

      onRemove: function (map) {
        this.trippMap = null;
        map.off(this._events, this);
        if (this._timer !== null) root.clearTimeout(this._timer);
        this._timer = null;
      },

      /* Presenter mode, or a window that changed size: open again where there is room (unless the reader
         closed or opened it themselves). */
      _present: function () {
        var map = this.trippMap, size = map.getSize();
        var presenting = root.document.documentElement.classList.contains('tripp-presenting');
        if (this._touched && !presenting) return;
        this._setOpen(this._startOpen && T.legendOpen(size.x, size.y, presenting));
      },

      _setOpen: function (open) {
        this._wanted = !!open;
        this._div.querySelector('details').open = this._wanted;
      },

      _soon: function () {
        var self = this;
        if (this._timer !== null) root.clearTimeout(this._timer);
        this._timer = root.setTimeout(function () { self._timer = null; self.update(); }, 40);
      },

      update: function () {
        var map = this.trippMap;
        if (!map) return;
        var state = T.of(map), day = T.dayOf(map), seen = {};
        var groupShown = function (name) {
          if (!Object.prototype.hasOwnProperty.call(seen, name)) seen[name] = inView(map, state.groups[name]);
          return seen[name];
        };
        var view = map.getBounds();
        var featureShown = function (f) {
          if (!map.hasLayer(f.group) || !f.group.hasLayer(f.layer)) return false;
          var b = f.layer.getBounds ? f.layer.getBounds() : null;
          return !b || !b.isValid() || view.intersects(b);
        };
        this._div.querySelectorAll('li[data-layers]').forEach(function (li) {
          var drawn = state.keyFeatures[li.getAttribute('data-row')];
          // A row drawn by features says whether one of them is in view; other rows follow their layers.
          var on = drawn ? drawn.some(featureShown) : li.getAttribute('data-layers').split(' ').some(groupShown);
          if (on && li.hasAttribute('data-since')) {
            on = T.rowInForce(li.getAttribute('data-since'), li.getAttribute('data-until'), day);
          }
          li.hidden = !on;
        });
        var dayEl = this._div.querySelector('.tripp-key-day');
        if (dayEl) { dayEl.setAttribute('data-td', day); dayEl.textContent = T.day(map, day); }
        this._div.hidden = !this._div.querySelector('li[data-layers]:not([hidden]):not(.tripp-key-date)');
        this._fit();
      },

      /* As tall as the room below the story panel allows. */
      _fit: function () {
        var map = this.trippMap;
        if (!map || !this._div) return;
        var box = map.getContainer().getBoundingClientRect(), top = 8;
        var panel = map.getContainer().querySelector('.tripp-story:not(.tripp-sheet)');
        if (panel) top = Math.max(top, panel.getBoundingClientRect().bottom - box.top + 10);
        var bottom = this._div.getBoundingClientRect().bottom - box.top;
        this._div.style.maxHeight = Math.max(60, Math.round(bottom - top)) + 'px';
        // Too little room below the panel for more than a row or two: the key waits one click away.
        var details = this._div.querySelector('details');
        if (details.open && !this._touched && bottom - top < 130 &&
            !root.document.documentElement.classList.contains('tripp-presenting')) {
          this._setOpen(false);
        }
      }
    });
  }

  /* html: the key's escaped markup, a <details> with a <summary> and its rows. */
  T.addLegend = function (map, html, startOpen) {
    return new T.Legend(html, startOpen).addTo(map);
  };
})(typeof window !== 'undefined' ? window : globalThis);
