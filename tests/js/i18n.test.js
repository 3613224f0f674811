// The map's words in its language (render/static/i18n.js): messages and their slots, names, days, the catalogue as
// a page carries it, the address's language; and a page's text rewritten in place.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const {load} = require('./load');

const T = load('state.js', 'i18n.js', 'story.js');

// A map as the scripts see one: T.of looks it up by its container.
function fakeMap() {
  const container = {};
  return {getContainer: () => container, fire: () => {}, on: () => {}, off: () => {}};
}

const CARRIED = {
  keys: ['Next', 'Step {n} of {count}: {title}', 'on {date}', 'TRIPP route'],
  names: ['Khankendi / Stepanakert', 'Meghri'],
  langs: {
    en: {name: 'English', messages: ['', '', '', ''], names: ['', ''], months: ['Jan', 'Feb', 'Mar', 'Apr', 'May',
         'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'], day: '{d} {MMM} {y}'},
    ru: {name: 'Русский', messages: ['Далее', 'Шаг {n} из {count}: {title}', 'на {date}', 'Маршрут TRIPP'],
         names: ['Степанакерт / Ханкенди', 'Мегри'],
         months: ['янв.', 'февр.', 'мар.', 'апр.', 'мая', 'июн.', 'июл.', 'авг.', 'сент.', 'окт.', 'нояб.', 'дек.'],
         day: '{d} {MMM} {y}\u202fг.'},
  },
};

test('a catalogue as the page carries it: keys once, each language in their order, "" for none', () => {
  const read = T.readCatalogues(CARRIED);
  assert.deepEqual(Object.keys(read), ['en', 'ru']);
  assert.deepEqual(read.en.messages, {});
  assert.equal(read.ru.messages['Next'], 'Далее');
  assert.equal(read.ru.names['Meghri'], 'Мегри');
});

test('messages, slots, names and days in the map\'s language; English where there is no translation', () => {
  const map = fakeMap();
  T.setLanguages(map, {lang: 'ru', catalogues: CARRIED});
  assert.equal(T.langOf(map), 'ru');
  assert.equal(T.t(map, 'Next'), 'Далее');
  assert.equal(T.t(map, 'Step {n} of {count}: {title}', {n: 2, count: 9, title: 'x'}), 'Шаг 2 из 9: x');
  assert.equal(T.t(map, 'on {date}', {date: {day: '2023-09-19'}}), 'на 19 сент. 2023\u202fг.');
  assert.equal(T.t(map, 'nothing marked this'), 'nothing marked this');
  assert.equal(T.name(map, 'Khankendi / Stepanakert'), 'Степанакерт / Ханкенди');
  assert.equal(T.name(map, 'Kars'), 'Kars');
  // A finder's list: names, then messages ("TRIPP route"), then as written.
  assert.equal(T.t(map, '{p}', {p: {names: ['Meghri', 'TRIPP route', 'Elsewhere']}}), 'Мегри, Маршрут TRIPP, Elsewhere');
  assert.equal(T.say(map, 'Next'), '<span data-t="Next">Далее</span>');
  assert.equal(T.formatDay(T.readCatalogues(CARRIED).en, '1994-05-12'), '12 May 1994');
  assert.equal(T.formatDay(T.readCatalogues(CARRIED).en, '1994'), '1994');
});

test('the address names a language; a step\'s link keeps it', () => {
  assert.equal(T.hashLang('#lang=hy&step=2'), 'hy');
  assert.equal(T.hashLang('#step=2&lang=az'), 'az');
  assert.equal(T.hashLang('#step=2'), null);
  assert.equal(T.hashLang('#slang=hy'), null);
  assert.equal(T.hashFor(3, false, null, 'ru'), '#lang=ru&step=3');
  assert.deepEqual(T.parseHash('#lang=hy&step=2'), {step: 2, present: false, article: null, lang: 'hy'});
});

test('a language the map does not carry is refused; the opening language stays', () => {
  const map = fakeMap();
  T.setLanguages(map, {lang: 'en', catalogues: CARRIED});
  assert.equal(T.setLang(map, 'hy'), false);
  assert.equal(T.langOf(map), 'en');
});
