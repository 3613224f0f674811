/* The legend control: what each colour and line style means. */
(function (root) {
  'use strict';
  var T = root.TrippMap = root.TrippMap || {};

  /* Open by default where there is room for it; one click away on small windows. */
  T.legendOpen = function (width, height) {
    return width >= 700 && height >= 700;
  };

  /* html: the legend's escaped markup, a <details> with a <summary>; startOpen false keeps it
     closed (beside the story panel it would cover the panel or the map's subject). */
  T.addLegend = function (map, html, startOpen) {
    var legend = L.control({position: 'bottomright'});
    legend.onAdd = function () {
      var div = L.DomUtil.create('div', 'tripp-legend');
      div.innerHTML = html;
      div.querySelector('details').open = startOpen !== false && T.legendOpen(root.innerWidth, root.innerHeight);
      L.DomEvent.disableClickPropagation(div);
      L.DomEvent.disableScrollPropagation(div);
      return div;
    };
    legend.addTo(map);
    return legend;
  };
})(typeof window !== 'undefined' ? window : globalThis);
