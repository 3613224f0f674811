'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const {load} = require('./load.js');

const T = load('time.js');

test('a year or a month stands for its first day', () => {
  assert.equal(T.isoDay('1941'), '1941-01-01');
  assert.equal(T.isoDay('1992-04'), '1992-04-01');
  assert.equal(T.isoDay('2020-10-09'), '2020-10-09');
  assert.equal(T.isoDay(''), '');
  assert.equal(T.isoDay(null), '');
});

test('a period holds its first day and not its last', () => {
  assert.equal(T.inForce('1941', '1992-04', '1992-03-31'), true);
  assert.equal(T.inForce('1941', '1992-04', '1992-04-01'), false);
  assert.equal(T.inForce('1941', '1992-04', '1940-12-31'), false);
  assert.equal(T.inForce(null, null, '1900-01-01'), true);
  assert.equal(T.inForce('2025-08-08', null, '2025-08-08'), true);
});

test('only real calendar days are read from a typed date', () => {
  assert.equal(T.parseDay('2021-06-01'), '2021-06-01');
  assert.equal(T.parseDay(' 2020-2-9 '), '2020-02-09');
  assert.equal(T.parseDay('2026-13-45'), null);
  assert.equal(T.parseDay('2023-02-29'), null);
  assert.equal(T.parseDay('yesterday'), null);
});

const EVENTS = [{date: '1908-01-01'}, {date: '1941-01-01'}, {date: '1988-02-01'}, {date: '1992-04-01'},
                {date: '1994-05-12'}, {date: '2020-09-27'}];

test('the track steps event by event before the ceasefire, then month by month to today', () => {
  const stops = T.trackStops(EVENTS, '2026-12-02');
  assert.deepEqual(stops.slice(0, 7), ['1908-01-01', '1941-01-01', '1988-02-01', '1992-04-01', '1994-05-12',
                                       '1994-06-01', '1994-07-01']);
  assert.equal(stops[stops.length - 1], '2026-12-02');
  assert.equal(stops[stops.length - 2], '2026-12-01');
  assert.deepEqual(stops, stops.slice().sort());
  assert.equal(new Set(stops).size, stops.length);
});

test('a day falls on the last stop before it; Page Up and Page Down move a year', () => {
  const stops = T.trackStops(EVENTS, '2026-12-02');
  assert.equal(stops[T.stopOf(stops, '2020-10-09')], '2020-10-01');
  assert.equal(stops[T.stopOf(stops, '1900-01-01')], '1908-01-01');
  const at = T.stopOf(stops, '2020-10-01');
  assert.equal(stops[T.yearAway(stops, at, 1)], '2021-10-01');
  assert.equal(stops[T.yearAway(stops, at, -1)], '2019-10-01');
  assert.equal(stops[T.yearAway(stops, T.stopOf(stops, '1994-05-12'), -1)], '1992-04-01');
  assert.equal(stops[T.yearAway(stops, T.stopOf(stops, '1941-01-01'), 1)], '1988-02-01');
  assert.equal(stops[T.yearAway(stops, stops.length - 1, 1)], '2026-12-02');
  assert.equal(T.yearAway(stops, 0, -1), 0);
});
