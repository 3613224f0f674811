/* Every dataset credited in the map's attribution control. */
(function (root) {
  'use strict';
  var T = root.TrippMap = root.TrippMap || {};

  /* prefix and text: escaped HTML. */
  T.setCredits = function (map, prefix, text) {
    map.attributionControl.setPrefix(prefix);
    map.attributionControl.addAttribution(text);
  };
})(typeof window !== 'undefined' ? window : globalThis);
