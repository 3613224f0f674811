'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const {load} = require('./load.js');

const T = load('declutter.js');

test("a paragraph's markers that would cover one another are drawn once, the first kept", () => {
  // Sus, Zabukh and Lachin 10 px apart at a wide zoom, Stepanakert 120 px off
  const points = [{x: 100, y: 100}, {x: 110, y: 104}, {x: 96, y: 92}, {x: 220, y: 100}];
  assert.deepEqual(T.keepApart(points, 34), [true, false, false, true]);
  // zoomed in, the same places are far enough apart to be drawn each
  assert.deepEqual(T.keepApart(points.map((p) => ({x: p.x * 8, y: p.y * 8})), 34), [true, true, true, true]);
  assert.deepEqual(T.keepApart([], 34), []);
});

test("another paragraph's marker on the place of the step shown is not drawn", () => {
  const shown = [{x: 100, y: 100}];
  assert.deepEqual(T.keepApart([{x: 110, y: 95}, {x: 300, y: 100}], 34, shown), [false, true]);
  assert.deepEqual(shown, [{x: 100, y: 100}]);  // the caller's list is not changed
});
