/* Geometry decoding: delta-coded integers on the 1e-4 degree grid -> GeoJSON geometry.
   The encoder is render/encoding.py; tests/js/geometry.test.js and
   tests/test_js.py check that the two agree. */
(function (root) {
  'use strict';
  var T = root.TrippMap = root.TrippMap || {};

  T.SCALE = 1e4;

  /* [dx0, dy0, dx1, dy1, ...] -> [[lon, lat], ...] */
  T.decodeSeq = function (a) {
    var out = [], x = 0, y = 0;
    for (var i = 0; i + 1 < a.length; i += 2) {
      x += a[i];
      y += a[i + 1];
      out.push([x / T.SCALE, y / T.SCALE]);
    }
    return out;
  };

  /* {t: type, c: coded coordinates} -> {type, coordinates} */
  T.decodeGeometry = function (g) {
    var t = g.t, c = g.c, s = T.decodeSeq;
    if (t === 'Point') return {type: t, coordinates: s(c)[0]};
    if (t === 'LineString' || t === 'MultiPoint') return {type: t, coordinates: s(c)};
    if (t === 'Polygon' || t === 'MultiLineString') return {type: t, coordinates: c.map(s)};
    if (t === 'MultiPolygon') return {type: t, coordinates: c.map(function (p) { return p.map(s); })};
    throw new Error('cannot decode geometry type ' + t);
  };
})(typeof window !== 'undefined' ? window : globalThis);
