'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const {load} = require('./load.js');

const T = load('geometry.js');

test('a sequence is a running sum on the 1e-4 grid', () => {
  assert.deepEqual(T.decodeSeq([450000, 390000, 10, -20, -5, 0]), [[45, 39], [45.001, 38.998], [45.0005, 38.998]]);
  assert.deepEqual(T.decodeSeq([]), []);
});

test('each geometry type decodes to GeoJSON', () => {
  assert.deepEqual(T.decodeGeometry({t: 'Point', c: [450000, 390000]}), {type: 'Point', coordinates: [45, 39]});
  assert.deepEqual(T.decodeGeometry({t: 'LineString', c: [1, 2, 1, 1]}).coordinates, [[0.0001, 0.0002], [0.0002, 0.0003]]);
  assert.equal(T.decodeGeometry({t: 'MultiPoint', c: [1, 1, 1, 1]}).coordinates.length, 2);
  const square = [0, 0, 10, 0, 0, 10, -10, 0, 0, -10];
  const poly = T.decodeGeometry({t: 'Polygon', c: [square]});
  assert.equal(poly.type, 'Polygon');
  assert.deepEqual(poly.coordinates[0][0], poly.coordinates[0][4]);
  const multi = T.decodeGeometry({t: 'MultiPolygon', c: [[square], [square, square]]});
  assert.equal(multi.coordinates.length, 2);
  assert.equal(multi.coordinates[1].length, 2);
  assert.equal(T.decodeGeometry({t: 'MultiLineString', c: [[0, 0, 1, 1], [2, 2]]}).coordinates[1][0][0], 0.0002);
});

test('an unknown type is an error, not a silent empty shape', () => {
  assert.throws(() => T.decodeGeometry({t: 'GeometryCollection', c: []}), /cannot decode/);
});

test('loading twice keeps one namespace', () => {
  const again = load('geometry.js');
  assert.equal(again, T);
});
