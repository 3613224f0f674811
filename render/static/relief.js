/* Shaded relief: one image multiplied over the country fills (their own pane, below it), under the
   lines, the route, the names and the markers. */
(function (root) {
  'use strict';
  var T = root.TrippMap = root.TrippMap || {};

  /* Panes: fills below the relief, the relief below Leaflet's overlay pane (lines, 400). */
  T.reliefPanes = function (map) {
    if (!map.getPane('tripp-fills')) map.createPane('tripp-fills').style.zIndex = '350';
    if (!map.getPane('tripp-relief')) {
      var pane = map.createPane('tripp-relief');
      pane.style.zIndex = '380';
      pane.style.pointerEvents = 'none';
    }
  };

  /* The relief's strength at a zoom: the image has 2 arc-minute pixels, so it is softened as the map
     enlarges them, and reads as the lie of the land rather than as blots. */
  T.reliefOpacity = function (zoom) {
    return Math.max(0.3, Math.min(0.75, 0.75 - (zoom - 6.5) * 0.2));
  };

  /* group: the basemap's layer group; url: the image (a data URI); bounds: [[south, west], [north, east]]. */
  T.addRelief = function (map, group, url, bounds) {
    T.reliefPanes(map);
    var overlay = L.imageOverlay(url, bounds, {pane: 'tripp-relief', opacity: T.reliefOpacity(map.getZoom() || 7),
                                               interactive: false, className: 'tripp-relief', alt: ''});
    var fade = function () { overlay.setOpacity(T.reliefOpacity(map.getZoom())); };
    overlay.on('add', function () { map.on('zoomend', fade); fade(); });
    overlay.on('remove', function () { map.off('zoomend', fade); });
    return overlay.addTo(group);
  };
})(typeof window !== 'undefined' ? window : globalThis);
