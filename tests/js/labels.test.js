'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const {load} = require('./load.js');

const T = load('time.js', 'labels.js', 'legend.js', 'inset.js', 'story.js', 'credits.js', 'relief.js');

const FRAME = [0, 0, 400, 300];
const item = (group, x, y, extra) => Object.assign({group, x, y, w: 60, h: 14, anchor: 'area'}, extra || {});

test('a label is placed where it fits and left out where it does not', () => {
  const placed = T.placeNames([item('a', 100, 100), item('b', 395, 100)], FRAME, [], []);
  assert.equal(placed.length, 1);
  assert.equal(placed[0].index, 0);
  assert.deepEqual([placed[0].left, placed[0].top], [70, 93]);
});

test('labels never overlap: the second tries its other positions, then is left out', () => {
  const placed = T.placeNames([item('a', 100, 100), item('b', 100, 100), item('c', 130, 118),
                                item('d', 100, 84), item('e', 300, 200), item('f', 290, 203)], FRAME, [], []);
  // b is the same spot as a and finds no other; f moves below e.
  assert.deepEqual(placed.map((p) => p.index), [0, 2, 3, 4, 5]);
  assert.equal(placed[4].candidate, 2);
  for (let i = 0; i < placed.length; i++) {
    for (let j = i + 1; j < placed.length; j++) {
      const a = placed[i], b = placed[j];
      assert.ok(a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top, `${i} ${j}`);
    }
  }
});

test('a label keeps clear of obstacles (controls, markers) and of the route', () => {
  const blocked = T.placeNames([item('a', 100, 100)], FRAME, [[60, 80, 140, 120]], []);
  assert.equal(blocked.length, 0);
  const route = [[[0, 100], [400, 100]]];
  const beside = T.placeNames([item('a', 100, 100)], FRAME, [], route);
  assert.equal(beside.length, 1);
  assert.equal(beside[0].candidate, 1);  // not across the line: just above it
  assert.ok(beside[0].bottom + 3 < 100);
  const town = T.placeNames([item('t', 100, 100, {anchor: 'point', gap: 8})], FRAME, [], route);
  assert.equal(town.length, 1);
  assert.ok(town[0].bottom < 100 - 3 || town[0].top > 100 + 3);
});

test('alternative anchors of one label: the first that fits wins, the rest are skipped', () => {
  const placed = T.placeNames([item('armenia', 395, 10), item('armenia', 200, 150), item('armenia', 100, 100)],
                               FRAME, [], []);
  assert.equal(placed.length, 1);
  assert.equal(placed[0].index, 1);
});

test('a turned label collides by its own box, not the box around it', () => {
  const river = {group: 'river', x: 200, y: 150, w: 160, h: 14, anchor: 'line', angle: 45};
  // A town label just off the river's line, inside the turned label's bounding box.
  const town = item('town', 255, 110);
  const placed = T.placeNames([river, town], FRAME, [], []);
  assert.equal(placed.length, 2);
  const q = T.quadOf([120, 143, 280, 157], 45, 160, 14);
  assert.ok(T.quadsOverlap(q, T.quadOf([190, 140, 210, 160]), 0));
  assert.ok(!T.quadsOverlap(q, T.quadOf([225, 103, 285, 117]), 0));
});

test('the subject is named below its line first', () => {
  const c = T.nameCandidates({x: 100, y: 100, w: 80, h: 20, anchor: 'subject', gap: 14});
  assert.deepEqual(c[0], [60, 114, 140, 134]);
  assert.deepEqual(c[1], [60, 66, 140, 86]);
});

test('the map date reads as a date', () => {
  assert.equal(T.labelDate('2023-09-18'), '18 Sep 2023');
  assert.equal(T.labelDate('2026-12-01'), '1 Dec 2026');
});

test('the key opens where there is room and in presenter mode; credits fold on phones', () => {
  assert.equal(T.legendOpen(1920, 1080, false), true);
  assert.equal(T.legendOpen(1024, 768, false), true);
  assert.equal(T.legendOpen(390, 844, false), false);
  assert.equal(T.legendOpen(390, 844, true), true);
  assert.equal(T.rowInForce('2020-11-10', '2022-08-26', '2021-06-01'), true);
  assert.equal(T.rowInForce('2020-11-10', '2022-08-26', '2023-01-01'), false);
  assert.equal(T.creditsFolded(390), true);
  assert.equal(T.creditsFolded(1024), false);
  assert.equal(T.insetShown(1024), true);
  assert.equal(T.insetShown(1000), false);
});

test('the inset puts the region between the Black Sea and the Caspian', () => {
  const box = [22, 28, 66, 50], size = [180, 118];
  const [x0, y0] = T.insetXY(box, size, 22, 50);
  const [x1, y1] = T.insetXY(box, size, 66, 28);
  assert.deepEqual([x0, y0], [0, 0]);
  assert.ok(Math.abs(x1 - 180) < 1e-9 && Math.abs(y1 - 118) < 1e-9);
  const [xb] = T.insetXY(box, size, 47, 40);  // Karabakh
  assert.ok(xb > 90 && xb < 110);
});

test('the relief softens as the map enlarges its pixels', () => {
  assert.ok(T.reliefOpacity(6) > T.reliefOpacity(8));
  assert.ok(T.reliefOpacity(12) >= 0.3);
  assert.ok(T.reliefOpacity(3) <= 0.75);
});

test('a view keeps clear of the panel and clears each control the cheaper way', () => {
  const corners = [{name: 'top left', rect: [10, 10, 150, 180]}, {name: 'bottom left', rect: [10, 600, 200, 760]}];
  const side = T.freePadding(1024, 768, corners, {sheet: false, rect: [634, 10, 1014, 560]});
  assert.ok(side.paddingBottomRight[0] >= 1024 - 634 + 12);
  // Each control is cleared, sideways or vertically.
  const [left, top] = side.paddingTopLeft, [right, bottom] = side.paddingBottomRight;
  for (const c of corners) {
    const clear = left >= c.rect[2] || (c.name.startsWith('top') ? top >= c.rect[3] : bottom >= 768 - c.rect[1]);
    assert.ok(clear, c.name);
  }
  assert.ok(right < 1024 && left + right < 1024 && top + bottom < 768);
  const sheet = T.freePadding(390, 844, [], {sheet: true, rect: [0, 464, 390, 844]});
  assert.equal(sheet.paddingBottomRight[1], 844 - 464 + 12);
});
