/* What each map keeps: its drawn features, layer groups, date, story and the hooks its controls listen on.
   It lives with the map (looked up by its container), so two maps in one page, or a map the app redraws, share
   nothing: only the page's address and keys have one owner, the first story that claims them. */
(function (root) {
  'use strict';
  var T = root.TrippMap = root.TrippMap || {};

  var STATES = new WeakMap();
  var HOOKS = ['onDate', 'onStep', 'onHashArticle', 'beforeStory'];

  function fresh(map) {
    var s = {
      map: map,
      /* Drawn features that scripts look up by key (story steps): key -> Leaflet layer. */
      keyed: {},
      /* Every drawn part of a keyed feature (a paragraph naming two places has two markers). */
      keyedParts: {},
      /* Layer groups by layer name (story steps show and hide them). */
      groups: {},
      /* Lines that markers and labels must keep clear of (the route). */
      keepClear: [],
      /* Numbered markers, for placing them off the route. */
      markers: [],
      /* Features drawn only on their days: {group, layer, since, until}. */
      timed: [],
      /* Rows of the key drawn by features: row -> [{group, layer}]. */
      keyFeatures: {},
      drawOrder: 0,
      declutterRuns: 0,
      date: null,
      story: null,
      corpus: null,
      /* In a map of many articles, the article being read (its steps are in the address). */
      hashArticle: null,
      /* Its language, the one it opened in, and the catalogues it carries (i18n.js). */
      lang: 'en',
      openingLang: 'en',
      catalogues: {},
      /* The opening language's texts back to their English (i18n.js). */
      reverse: {messages: {}, names: {}}
    };
    HOOKS.forEach(function (name) { s[name] = []; });
    /* The map's date: timed features come and go, then every hook hears it. */
    s.setDate = function (day) { return T.setDate(map, day); };
    return s;
  }

  /* The state of a map (a Leaflet map or its container); without one, of the page's first map. Null for an
     element no map was drawn in. */
  T.of = function (target) {
    if (!target && root.document) target = root.document.querySelector('.leaflet-container');
    if (!target) return null;
    var isMap = typeof target.getContainer === 'function';
    var key = isMap ? target.getContainer() : target;
    var s = STATES.get(key);
    if (!s && isMap) {
      s = fresh(target);
      STATES.set(key, s);
    }
    return s || null;
  };

  /* Listen on one of a map's hooks; the function returned stops listening. */
  T.hook = function (map, name, f) {
    var s = T.of(map);
    s[name] = s[name].concat([f]);
    return function () { s[name] = s[name].filter(function (g) { return g !== f; }); };
  };

  /* Call every function on a map's hook with the arguments given; true if one of them returned true. */
  T.call = function (map, name) {
    var args = Array.prototype.slice.call(arguments, 2), handled = false;
    T.of(map)[name].forEach(function (f) { if (f.apply(null, args) === true) handled = true; });
    return handled;
  };

  /* The page's address, keys and messages from an embedding page belong to one story: the first one added,
     until its map is removed. */
  var owner = null;

  T.claimPage = function (map) {
    if (!owner) owner = map;
    return owner === map;
  };

  T.releasePage = function (map) {
    if (owner === map) owner = null;
  };

  T.ownsPage = function (map) {
    return owner === map;
  };

  /* The map that owns the page, or null. */
  T.pageOwner = function () {
    return owner;
  };
})(typeof window !== 'undefined' ? window : globalThis);
