/* Every dataset credited in the map's attribution control; below 600 px wide the credits fold into an
   "i" button, so they do not take a phone's map away. */
(function (root) {
  'use strict';
  var T = root.TrippMap = root.TrippMap || {};

  T.CREDITS_FOLD_WIDTH = 600;

  T.creditsFolded = function (width) { return width < T.CREDITS_FOLD_WIDTH; };

  /* prefix and text: escaped HTML. */
  T.setCredits = function (map, prefix, text) {
    var control = map.attributionControl;
    control.setPrefix(prefix);
    control.addAttribution(text);
    var box = control.getContainer();
    var button = L.DomUtil.create('button', 'tripp-credits-toggle');
    button.type = 'button';
    button.textContent = 'i';
    T.setText(button, map, 'Data sources and licences', null, 'aria-label');
    button.setAttribute('aria-expanded', 'false');
    box.parentNode.insertBefore(button, box);
    L.DomEvent.disableClickPropagation(button);
    var opened = false;
    var layout = function () {
      var fold = T.creditsFolded(map.getSize().x);
      button.hidden = !fold;
      box.classList.toggle('tripp-credits-folded', fold && !opened);
      button.setAttribute('aria-expanded', String(!fold || opened));
    };
    button.addEventListener('click', function () { opened = !opened; layout(); });
    map.on('resize', layout);
    layout();
    return control;
  };
})(typeof window !== 'undefined' ? window : globalThis);
