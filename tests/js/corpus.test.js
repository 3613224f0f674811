'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const {load} = require('./load.js');

const T = load('story.js', 'corpus.js');

const articles = [
  {t: 'Rail talks in Baku', d: '2026-02-01', s: 'a.txt', n: 2, e: 0},
  {t: 'Syunik mayors', d: '2026-03-15', s: 'b.txt', n: 1, e: 2},
  {t: 'Undated note', d: '', s: 'c.txt', n: 1, e: 3},
];
const data = {
  articles,
  spots: [{n: 'Baku', ll: [40.4, 49.9], f: 0, e: [0, 1]}, {n: 'Goris', ll: [39.5, 46.3], f: 0, e: [2, 1]}],
  excerpts: [{a: 0, p: 1, g: [0]}, {a: 0, p: 2, g: [0, 1]}, {a: 1, p: 1, g: [1]}, {a: 2, p: 1, g: []}],
};

test('filters by words of the title or source, by dates, and by one article', () => {
  assert.deepEqual(T.articlesShown(articles, {}), [true, true, true]);
  assert.deepEqual(T.articlesShown(articles, {text: 'syunik'}), [false, true, false]);
  assert.deepEqual(T.articlesShown(articles, {text: 'B.TXT'}), [false, true, false]);
  assert.deepEqual(T.articlesShown(articles, {from: '2026-03-01'}), [false, true, false]);
  // An undated article stays under an end date: nothing says it came later.
  assert.deepEqual(T.articlesShown(articles, {to: '2026-02-28'}), [true, false, true]);
  assert.deepEqual(T.articlesShown(articles, {article: 2}), [false, false, true]);
});

test('counts per place follow the filters; a symbol grows with its count and hides at none', () => {
  assert.deepEqual(T.placeCounts(data, [true, true, true]), [2, 2]);
  assert.deepEqual(T.placeCounts(data, [false, true, false]), [0, 1]);
  assert.equal(T.corpusRadius(0, 50), 0);
  assert.equal(T.corpusRadius(1, 50), 5);
  assert.equal(T.corpusRadius(50, 50), 22);
  assert.ok(T.corpusRadius(10, 50) > T.corpusRadius(2, 50));
  // Area, not radius, follows the count: four times the excerpts, about twice the radius (past the minimum).
  const r = (n) => T.corpusRadius(n, 401) - 5;
  assert.ok(Math.abs(r(401) / r(101) - 2) < 0.02);
});

test('labels that would overlap are left out, the biggest kept', () => {
  const kept = T.placeLabels([
    {id: 0, x: 0, y: 0, w: 50, h: 18, n: 3},
    {id: 1, x: 10, y: 5, w: 50, h: 18, n: 9},
    {id: 2, x: 200, y: 0, w: 50, h: 18, n: 1},
  ]);
  assert.deepEqual(kept.sort(), [1, 2]);
  // A box the map's own labels take keeps a place's label out of it.
  assert.deepEqual(T.placeLabels([{id: 0, x: 0, y: 0, w: 50, h: 18, n: 3}], [[10, 5, 30, 15]]), []);
});

test('a step of one article of many has its own link; a single article keeps the old one', () => {
  assert.equal(T.hashFor(5, false, null), '#step=5');
  assert.equal(T.hashFor(2, true, 3), '#article=3&step=2&present');
  assert.equal(T.hashFor(0, false, 0), '#article=0&step=0');
  assert.deepEqual(T.parseHash('#article=3&step=2'), {step: 2, present: false, article: 3, lang: null});
  assert.deepEqual(T.parseHash('#step=4'), {step: 4, present: false, article: null, lang: null});
});

test('the filter searches the text a person reads, not its HTML', () => {
  const articles = [{t: '\u2068Armenia&#x27;s road\u2069', s: '\u2068AT&amp;T wire\u2069', d: '2026-02-01'},
                    {t: 'Other', s: 'Reuters', d: '2026-02-02'}];
  const shown = (text) => T.articlesShown(articles, {text, article: null});
  assert.deepEqual(shown("armenia's"), [true, false]);
  assert.deepEqual(shown('at&t'), [true, false]);
  assert.deepEqual(shown('amp'), [false, false]);
  assert.deepEqual(shown('quot'), [false, false]);
});
