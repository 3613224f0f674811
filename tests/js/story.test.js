'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const {load} = require('./load.js');

const T = load('story.js', 'legend.js');

test('a step is kept within the story', () => {
  assert.equal(T.clampStep(-3, 13), 0);
  assert.equal(T.clampStep(5, 13), 5);
  assert.equal(T.clampStep(40, 13), 12);
  assert.equal(T.clampStep(0, 0), -1);
});

test('the arrow keys and a clicker page keys move one step; other keys none', () => {
  assert.equal(T.stepForKey('ArrowRight', 3, 13), 4);
  assert.equal(T.stepForKey('PageDown', 3, 13), 4);
  assert.equal(T.stepForKey('ArrowLeft', 3, 13), 2);
  assert.equal(T.stepForKey('PageUp', 0, 13), 0);
  assert.equal(T.stepForKey('ArrowRight', 12, 13), 12);
  assert.equal(T.stepForKey('ArrowRight', -1, 13), 0);
  assert.equal(T.stepForKey('a', 3, 13), null);
});

test('the legend opens only where there is room', () => {
  assert.equal(T.legendOpen(1280, 800), true);
  assert.equal(T.legendOpen(390, 844), false);
  assert.equal(T.legendOpen(1000, 800), false);
  assert.equal(T.legendOpen(1024, 560), false);
});
