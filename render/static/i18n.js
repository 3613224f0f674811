/* The map's words in its language: messages, place names, days and numbers from the catalogue the page carries
   (geo/data/catalogue.json, compiled from the gettext catalogues; names from geo/data/names.csv).
   Text put in the page through T.say / T.setText keeps its message in data-t (its slots in data-ta), a name
   its English form in data-tn, a day its ISO form in data-td: a change of language rewrites them in place. */
(function (root) {
  'use strict';
  var T = root.TrippMap = root.TrippMap || {};

  var ATTRS = ['aria-label', 'aria-valuetext', 'title', 'placeholder', 'alt'];
  var EMPTY = {messages: {}, names: {}, months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep',
                                                 'Oct', 'Nov', 'Dec'], day: '{d} {MMM} {y}'};

  function escHtml(s) {
    return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  }
  T.escHtml = escHtml;

  function state(map) { return map && T.of ? T.of(map) : null; }

  function catalogue(map, lang) {
    var s = state(map), all = (s && s.catalogues) || {};
    return all[lang || T.langOf(map)] || EMPTY;
  }

  /* The map's language ("en" before any is set). */
  T.langOf = function (map) {
    var s = state(map);
    return (s && s.lang) || 'en';
  };

  /* The languages a map carries, in menu order: [[code, its own name]]. */
  T.languagesOf = function (map) {
    var s = state(map), all = (s && s.catalogues) || {};
    return Object.keys(all).map(function (k) { return [k, all[k].name || k]; });
  };

  /* A day "2023-09-19" as a language writes it ("19 Sep 2023", "19 сент. 2023 г."); anything else as given. */
  T.formatDay = function (cat, iso) {
    var p = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso || ''));
    if (!p) return String(iso || '');
    return cat.day.replace('{d}', String(+p[3])).replace('{MMM}', cat.months[+p[2] - 1]).replace('{y}', p[1]);
  };

  T.day = function (map, iso) { return T.formatDay(catalogue(map), iso); };

  T.number = function (map, n) {
    try { return Number(n).toLocaleString(T.langOf(map)); } catch (e) { return String(n); }
  };

  /* A place's name in the map's language, keyed by its English name (contested places keep both names). */
  T.name = function (map, english) {
    var names = catalogue(map).names;
    return Object.prototype.hasOwnProperty.call(names, english) ? names[english] : english;
  };

  function slot(map, value) {
    if (value && typeof value === 'object') {
      if ('day' in value) return T.day(map, value.day);
      if ('name' in value) return T.name(map, value.name);
      if ('num' in value) return T.number(map, value.num);
      if ('msg' in value) return T.t(map, value.msg);
      // Places as a finder lists them: a name the catalogue knows, else a message ("TRIPP route"), else as is.
      if ('names' in value) return value.names.map(function (n) { return word(map, n); }).join(', ');
    }
    return String(value);
  }

  /* A message for the catalogue, written where it is chosen and translated where it is shown. */
  T.N_ = function (message) { return message; };

  /* A message in the map's language (English when it has no translation), its {slots} filled from args:
     a slot's value may be {day: iso}, {name: english}, {num: n} or {msg: message}, put in that language too. */
  T.t = function (map, message, args) {
    var messages = catalogue(map).messages;
    var text = Object.prototype.hasOwnProperty.call(messages, message) ? messages[message] : message;
    if (!args) return text;
    return text.replace(/\{(\w+)\}/g, function (all, key) {
      return Object.prototype.hasOwnProperty.call(args, key) ? slot(map, args[key]) : all;
    });
  };

  /* A message as HTML that a change of language rewrites: <span data-t="…">…</span>, escaped. */
  T.say = function (map, message, args) {
    return '<span data-t="' + escHtml(message) + '"' + (args ? ' data-ta="' + escHtml(JSON.stringify(args)) + '"' : '') +
      '>' + escHtml(T.t(map, message, args)) + '</span>';
  };

  /* Set an element's text to a message (attr: one of its attributes instead), kept for a change of language. */
  T.setText = function (el, map, message, args, attr) {
    if (!el) return;
    if (attr) {
      el.setAttribute('data-t-' + attr, message);
      if (args) el.setAttribute('data-ta-' + attr, JSON.stringify(args)); else el.removeAttribute('data-ta-' + attr);
      el.setAttribute(attr, T.t(map, message, args));
      return;
    }
    el.setAttribute('data-t', message);
    if (args) el.setAttribute('data-ta', JSON.stringify(args)); else el.removeAttribute('data-ta');
    el.textContent = T.t(map, message, args);
  };

  function argsOf(el, name) {
    var raw = el.getAttribute(name);
    if (!raw) return null;
    try { return JSON.parse(raw); } catch (e) { return null; }
  }

  /* What a text written in the opening language stands for: {messages: text -> message, names: text -> English
     name}. A bare data-t or data-tn, a popup's cell or a tooltip holds no message: it is read from its text. */
  function reverse(cat) {
    var out = {messages: {}, names: {}};
    Object.keys(cat.messages).forEach(function (k) { out.messages[cat.messages[k]] = k; });
    Object.keys(cat.names).forEach(function (k) { out.names[cat.names[k]] = k; });
    return out;
  }

  /* The English of a text in the opening language, from the first table that has it (else the text itself); kept
     in the element's attr, so a later change of language reads it from there. */
  function keyOf(n, attr, tables, text) {
    var key = n && n.getAttribute(attr);
    if (key) return key;
    var table = tables.filter(function (t) { return Object.prototype.hasOwnProperty.call(t, text); })[0];
    key = table ? table[text] : text;
    if (n) n.setAttribute(attr, key);
    return key;
  }

  function word(map, key) {
    var named = T.name(map, key);
    return named !== key ? named : T.t(map, key);
  }

  /* Rewrite every marked text and attribute under an element in the map's language. */
  T.localize = function (map, el) {
    if (!el || !el.querySelectorAll) return;
    var each = function (selector, f) {
      if (el.matches && el.matches(selector)) f(el);
      el.querySelectorAll(selector).forEach(f);
    };
    var back = T.of(map).reverse, words = [back.names, back.messages];
    each('[data-t]', function (n) {
      n.textContent = T.t(map, keyOf(n, 'data-t', [back.messages], n.textContent), argsOf(n, 'data-ta'));
    });
    each('[data-tn]', function (n) { n.textContent = T.name(map, keyOf(n, 'data-tn', [back.names], n.textContent)); });
    // A popup's cells and a tooltip carry no mark: each is a name, a message or data, read back from its text.
    each('.tripp-pop th, .tripp-pop td, .tripp-pop h4, .leaflet-tooltip', function (n) {
      if (n.children.length) return;
      n.textContent = word(map, keyOf(n, 'data-tw', words, n.textContent));
    });
    // A list of places ("Meghri, Armenia"): each of them so.
    each('[data-tl]', function (n) {
      var keys = n.getAttribute('data-tl') ? JSON.parse(n.getAttribute('data-tl')) :
        n.textContent.split(', ').map(function (t) { return keyOf(null, null, words, t); });
      n.setAttribute('data-tl', JSON.stringify(keys));
      n.textContent = keys.map(function (k) { return word(map, k); }).join(', ');
    });
    each('[data-td]', function (n) { n.textContent = T.day(map, n.getAttribute('data-td')); });
    ATTRS.forEach(function (a) {
      each('[data-t-' + a + ']', function (n) {
        n.setAttribute(a, T.t(map, n.getAttribute('data-t-' + a), argsOf(n, 'data-ta-' + a)));
      });
    });
  };

  /* The catalogues as the page carries them (geo/i18n.py, scripts_catalogue): {keys, names, langs: {code: {name,
     messages: [text of each key], names: [name of each name], months, day}}} -> {code: {name, messages: {key:
     text}, names: {English: name}, months, day}} ("" is no translation). */
  T.readCatalogues = function (carried) {
    var out = {};
    Object.keys((carried && carried.langs) || {}).forEach(function (code) {
      var c = carried.langs[code], messages = {}, names = {};
      carried.keys.forEach(function (k, n) { if (c.messages[n]) messages[k] = c.messages[n]; });
      carried.names.forEach(function (k, n) { if (c.names[n]) names[k] = c.names[n]; });
      out[code] = {name: c.name, messages: messages, names: names, months: c.months, day: c.day};
    });
    return out;
  };

  /* options: {lang, catalogues: as the page carries them, inApp}: called before any control is added. */
  T.setLanguages = function (map, options) {
    var s = T.of(map);
    T.localizePopups(map);
    s.catalogues = T.readCatalogues(options.catalogues);
    s.lang = s.openingLang = options.lang || 'en';
    s.reverse = reverse(catalogue(map, s.openingLang));
    // The page's first map follows the address's language (#lang=hy) from its first control on: what the
    // scripts write is in it at once, what Python wrote is rewritten once every control is on the map.
    var wanted = T.hashLang(root.location && root.location.hash);
    if (wanted && s.catalogues[wanted] && !(T.pageOwner && T.pageOwner())) s.lang = wanted;
    s.inApp = !!options.inApp;
    appLang(s);
  };

  /* In the app the map is a frame of the app's page (the same server): that page says the map's language. */
  function appLang(s) {
    if (!s.inApp) return;
    try {
      if (root.parent && root.parent !== root) root.parent.document.documentElement.lang = s.lang;
    } catch (e) { /* another origin's page keeps its own */ }
  }

  /* The language an address names ("#lang=hy&step=2"), or null. */
  T.hashLang = function (hash) {
    var m = /(?:^#|&)lang=([a-z]{2})(?:&|$)/.exec(String(hash || ''));
    return m ? m[1] : null;
  };

  /* Once every control is on the map: what was written in the opening language is rewritten in the map's. */
  T.catchUp = function (map) {
    var s = T.of(map);
    if (s.lang === s.openingLang) return;
    var lang = s.lang;
    s.lang = s.openingLang;
    T.setLang(map, lang);
  };

  /* Show the map (and, for the page's own map, the page) in another of its languages; false if it has none. */
  T.setLang = function (map, lang) {
    var s = T.of(map);
    if (!s.catalogues || !s.catalogues[lang]) return false;
    if (s.lang === lang) return true;
    s.lang = lang;
    var c = map.getContainer();
    c.setAttribute('lang', lang);
    T.localize(map, c);
    var owner = T.pageOwner ? T.pageOwner() : null;
    if (!owner || owner === map) {
      root.document.documentElement.lang = lang;
      T.localize(map, root.document.body);
    }
    appLang(s);
    map.fire('tripp:lang', {lang: lang});
    return true;
  };

  /* Popups and tooltips were bound as HTML in the opening language: each time Leaflet writes their content
     (on opening, and again when a popup is fitted into the free part of the map) it is put in the map's. */
  T.localizePopups = function (map) {
    var followed = new WeakSet();
    var localize = function (e) {
      var el = e.target && e.target.getElement && e.target.getElement();
      if (el && T.langOf(map) !== T.of(map).openingLang) T.localize(map, el);
    };
    var f = function (e) {
      var overlay = e.popup || e.tooltip;
      if (!overlay) return;
      if (!followed.has(overlay)) {
        followed.add(overlay);
        overlay.on('contentupdate', localize);
      }
      localize({target: overlay});
    };
    map.on('popupopen tooltipopen', f);
    return function () { map.off('popupopen tooltipopen', f); };
  };
})(typeof window !== 'undefined' ? window : globalThis);
