/* In someone else's page the scroll wheel scrolls the page: the map zooms with it only once it is clicked,
   tapped or focused, and a hint says so when the wheel is turned over it before. On a page of its own the
   wheel zooms at once. */
(function (root) {
  'use strict';
  var T = root.TrippMap = root.TrippMap || {};

  /* Whether the map is a frame of another page. */
  T.embedded = function (win) {
    try { return win.self !== win.top; } catch (e) { return true; }  // another origin's frame
  };

  T.wheelAfterClick = function (map) {
    if (!T.embedded(root) || !map.scrollWheelZoom) return null;
    var c = map.getContainer();
    var hint = L.DomUtil.create('div', 'tripp-wheel-hint', c);
    T.setText(hint, map, 'Click the map to zoom with the scroll wheel');
    hint.hidden = true;
    map.scrollWheelZoom.disable();
    c.setAttribute('data-wheel', 'page');
    var on = function () {
      map.scrollWheelZoom.enable();
      hint.hidden = true;
      c.setAttribute('data-wheel', 'map');
    };
    var off = function () {
      map.scrollWheelZoom.disable();
      c.setAttribute('data-wheel', 'page');
    };
    // The frame's own page may scroll under the pointer first (its text version lies below the map): the hint
    // follows a wheel turned while the pointer came onto the map, and fades when the wheel rests.
    var over = false, timer = null;
    var turned = function () {
      if (map.scrollWheelZoom.enabled() || !over) return;
      hint.hidden = false;
      c.setAttribute('data-wheel-hinted', 'yes');
      root.clearTimeout(timer);
      timer = root.setTimeout(function () { hint.hidden = true; }, 1500);
    };
    var entered = function () { over = true; };
    var left = function () { over = false; off(); };
    // A press anywhere on the map (a shape takes Leaflet's click, not the map), or the map taking focus.
    c.addEventListener('pointerdown', on);
    c.addEventListener('focusin', on);
    c.addEventListener('focusout', off);
    c.addEventListener('mouseenter', entered);
    c.addEventListener('mouseleave', left);
    root.document.addEventListener('wheel', turned, {passive: true});
    map.on('unload', function () {
      root.clearTimeout(timer);
      c.removeEventListener('pointerdown', on);
      c.removeEventListener('focusin', on);
      c.removeEventListener('focusout', off);
      c.removeEventListener('mouseenter', entered);
      c.removeEventListener('mouseleave', left);
      root.document.removeEventListener('wheel', turned);
    });
    return hint;
  };
})(typeof window !== 'undefined' ? window : globalThis);
