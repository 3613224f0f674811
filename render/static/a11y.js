/* The map for keyboard and screen-reader users: a named map, shapes out of the Tab order
   (the story and its contents list reach every excerpt), popups that take focus and give it back. */
(function (root) {
  'use strict';
  var T = root.TrippMap = root.TrippMap || {};

  function untab(layer) {
    // Leaflet's tooltip focus listeners make every SVG path a Tab stop in Chromium: 49 stops of nothing.
    var el = layer.getElement && layer.getElement();
    if (el && el.tagName.toLowerCase() === 'path') el.setAttribute('tabindex', '-1');
  }

  /* label: a message and its slots, [message, args]. */
  T.makeAccessible = function (map, label) {
    var container = map.getContainer();
    container.setAttribute('role', 'region');
    T.setText(container, map, label[0], label[1], 'aria-label');
    var nameFrame = function () {
      try {
        // Inside the app the map is a frame: name the frame too, not "streamlit_folium.st_folium".
        if (root.frameElement) root.frameElement.setAttribute('title', container.getAttribute('aria-label'));
      } catch (e) { /* a frame of another origin keeps its own name */ }
    };
    nameFrame();
    map.on('tripp:lang', nameFrame);
    map.eachLayer(untab);
    map.on('layeradd', function (e) { untab(e.layer); });

    var before = null;
    map.on('popupopen', function (e) {
      before = root.document.activeElement;
      var content = e.popup.getElement && e.popup.getElement().querySelector('.leaflet-popup-content');
      if (content) {
        content.setAttribute('tabindex', '-1');
        content.setAttribute('role', 'dialog');
        T.setText(content, map, 'Details', null, 'aria-label');
        content.focus({preventScroll: true});
      }
    });
    map.on('popupclose', function () {
      if (before && before.focus && root.document.contains(before)) before.focus({preventScroll: true});
      before = null;
    });
    var open = null;
    map.on('popupopen', function (e) { open = e.popup; });
    map.on('popupclose', function (e) { if (open === e.popup) open = null; });
    var escape = function (e) {
      if (e.key === 'Escape' && open && map.hasLayer(open)) { map.closePopup(); e.stopPropagation(); }
    };
    root.document.addEventListener('keydown', escape, true);
    map.on('unload', function () { root.document.removeEventListener('keydown', escape, true); });
  };
})(typeof window !== 'undefined' ? window : globalThis);
