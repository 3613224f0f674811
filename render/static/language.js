/* The language menu of a map that carries several languages, and "#lang=hy" in the page's address.
   The page's own map (the story's, or the only one) follows the address; the menu changes the map's
   language and the address with it. */
(function (root) {
  'use strict';
  var T = root.TrippMap = root.TrippMap || {};

  function mine(map) {
    var owner = T.pageOwner ? T.pageOwner() : null;
    return !owner || owner === map;
  }

  function writeAddress(map, lang) {
    var s = T.of(map);
    if (!mine(map) || s.story) return;  // a story writes the address itself, its step with the language
    try {
      root.history.replaceState(null, '', lang === s.openingLang ? '#' : '#lang=' + lang);
    } catch (e) { /* a sandboxed frame may refuse */ }
  }

  if (root.L) {
    T.LanguageMenu = L.Control.extend({
      options: {position: 'topleft'},

      onAdd: function (map) {
        this.trippMap = map;
        var div = L.DomUtil.create('div', 'tripp-language leaflet-bar');
        var select = L.DomUtil.create('select', 'tripp-language-select', div);
        T.setText(select, map, 'Language', null, 'aria-label');
        T.setText(select, map, 'Language', null, 'title');
        T.languagesOf(map).forEach(function (pair) {
          var option = L.DomUtil.create('option', '', select);
          option.value = pair[0];
          option.lang = pair[0];
          option.textContent = pair[1];
        });
        select.value = T.langOf(map);
        L.DomEvent.disableClickPropagation(div);
        select.addEventListener('change', function () {
          T.setLang(map, select.value);
          writeAddress(map, select.value);
        });
        this._select = select;
        this._onLang = function (e) { select.value = e.lang; };
        map.on('tripp:lang', this._onLang);
        var self = this;
        this._onHash = function () { self._follow(); };
        root.addEventListener('hashchange', this._onHash);
        return div;
      },

      onRemove: function (map) {
        map.off('tripp:lang', this._onLang);
        root.removeEventListener('hashchange', this._onHash);
        this.trippMap = null;
      },

      /* The address's language, if it names one the map carries. */
      _follow: function () {
        var map = this.trippMap;
        if (!map || !mine(map)) return;
        var wanted = T.hashLang(root.location && root.location.hash);
        if (wanted && wanted !== T.langOf(map)) T.setLang(map, wanted);
      }
    });
  }

  /* Leaflet's own controls (zoom, layers) say what they do in the map's language too. */
  function leafletControls(map) {
    var c = map.getContainer();
    [['.leaflet-control-zoom-in', T.N_('Zoom in')], ['.leaflet-control-zoom-out', T.N_('Zoom out')],
     ['.leaflet-control-layers-toggle', T.N_('Layers')]].forEach(function (pair) {
      c.querySelectorAll(pair[0]).forEach(function (el) {
        T.setText(el, map, pair[1], null, 'title');
        if (el.hasAttribute('aria-label') || el.tagName === 'A') T.setText(el, map, pair[1], null, 'aria-label');
      });
    });
  }

  /* The menu, where the map carries more than one language; the address's language either way. */
  T.addLanguageMenu = function (map) {
    leafletControls(map);
    // On a narrow map (a phone) the left column of controls stays short: the menu goes right, under the date.
    var where = map.getSize().x < 700 ? 'topright' : 'topleft';
    var menu = T.languagesOf(map).length < 2 ? null : new T.LanguageMenu({position: where}).addTo(map);
    map.whenReady(function () { T.catchUp(map); });
    return menu;
  };
})(typeof window !== 'undefined' ? window : globalThis);
