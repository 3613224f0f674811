// What each map keeps (render/static/state.js): nothing of one map is another's.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const {load} = require('./load.js');

const T = load('state.js', 'time.js');

function fakeMap() {
  const container = {};
  return {getContainer: () => container};
}

test('two maps keep apart what they drew, their date and their hooks', () => {
  const a = fakeMap(), b = fakeMap();
  assert.notEqual(T.of(a), T.of(b));
  assert.equal(T.of(a), T.of(a));
  assert.equal(T.of(a.getContainer()), T.of(a));  // found by its container too
  T.of(a).groups.route = 'a route';
  assert.deepEqual(T.of(b).groups, {});
  const heard = [];
  T.hook(a, 'onDate', (day) => heard.push(['a', day]));
  T.hook(b, 'onDate', (day) => heard.push(['b', day]));
  T.setDate(a, '2023-09-19');
  assert.deepEqual(heard, [['a', '2023-09-19']]);
  assert.equal(T.of(a).date, '2023-09-19');
  assert.equal(T.of(b).date, null);
  assert.equal(T.dayOf(b), T.today());
});

test('a hook stops when asked and the rest still hear', () => {
  const m = fakeMap(), heard = [];
  const stop = T.hook(m, 'onStep', () => heard.push(1));
  T.hook(m, 'onStep', () => heard.push(2));
  T.call(m, 'onStep', {}, 0);
  stop();
  T.call(m, 'onStep', {}, 1);
  assert.deepEqual(heard, [1, 2, 2]);
  assert.equal(T.call(m, 'onHashArticle', {}), false);
  T.hook(m, 'onHashArticle', () => true);
  assert.equal(T.call(m, 'onHashArticle', {}), true);
});

test('the page belongs to the first story until its map lets it go', () => {
  const a = fakeMap(), b = fakeMap();
  assert.equal(T.claimPage(a), true);
  assert.equal(T.claimPage(b), false);
  assert.equal(T.ownsPage(b), false);
  T.releasePage(b);  // not its to let go
  assert.equal(T.ownsPage(a), true);
  T.releasePage(a);
  assert.equal(T.claimPage(b), true);
  T.releasePage(b);
});

test('an element no map was drawn in has no state; timed features follow their own map', () => {
  assert.equal(T.of({}), null);
  const m = fakeMap(), group = new Set();
  const g = {hasLayer: (l) => group.has(l), addLayer: (l) => group.add(l), removeLayer: (l) => group.delete(l)};
  T.of(m).timed.push({group: g, layer: 'line', since: '2020-11-10', until: ''});
  T.setDate(m, '2019-01-01');
  assert.equal(group.has('line'), false);
  T.setDate(m, '2021-01-01');
  assert.equal(group.has('line'), true);
});
