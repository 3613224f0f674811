/* Many articles on one map: one symbol per place on a canvas, sized by how many excerpts name it;
   its popup lists them, newest first, built when opened. Filters by article and date (the time
   control moves the end date); the story steps through the articles, or one article's paragraphs.
   Every text in the data was escaped in Python (render/corpus.py). */
(function (root) {
  'use strict';
  var T = root.TrippMap = root.TrippMap || {};

  var LIST_MAX = 40;  // excerpts listed in a place's popup; the filters narrow the rest

  /* The radius of a place's symbol for n excerpts when the most any place has is most (0 hides it): its area
     grows with n, from 5 px for one excerpt to 22 px for the most. */
  T.corpusRadius = function (n, most) {
    if (!n) return 0;
    return 5 + 17 * Math.sqrt((n - 1) / Math.max(1, (most || n) - 1));
  };

  var ENTITIES = {'&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#x27;': "'", '&#39;': "'"};

  /* The text a person reads of an escaped, direction-isolated string: what the filter searches. */
  T.plainText = function (html) {
    return String(html || '').replace(/&(amp|lt|gt|quot|#x27|#39);/g, function (m) { return ENTITIES[m]; })
      .replace(/[\u2066-\u2069]/g, '');
  };

  /* Which articles pass the filters {text, from, to, article}: an array of booleans. */
  T.articlesShown = function (articles, f) {
    var words = String(f.text || '').toLowerCase().trim();
    return articles.map(function (a, n) {
      if (f.article !== null && f.article !== undefined && f.article !== n) return false;
      if (f.from && (!a.d || a.d < f.from)) return false;
      if (f.to && a.d && a.d > f.to) return false;
      if (words && T.plainText(a.t + ' ' + a.s + ' ' + a.d).toLowerCase().indexOf(words) < 0) return false;
      return true;
    });
  };

  /* How many shown excerpts name each place. */
  T.placeCounts = function (data, shown) {
    var counts = data.spots.map(function () { return 0; });
    data.excerpts.forEach(function (e) {
      if (shown[e.a]) e.g.forEach(function (g) { counts[g] += 1; });
    });
    return counts;
  };

  /* Labels that do not collide with each other or with boxes already taken (the map's own labels), biggest
     first: items [{id, x, y, w, h, n}] -> ids kept. */
  T.placeLabels = function (items, taken) {
    var kept = [], boxes = (taken || []).slice();
    items.slice().sort(function (a, b) { return b.n - a.n || a.id - b.id; }).forEach(function (it) {
      var box = [it.x, it.y, it.x + it.w, it.y + it.h];
      var clash = boxes.some(function (b) { return box[0] < b[2] && b[0] < box[2] && box[1] < b[3] && b[1] < box[3]; });
      if (!clash) { kept.push(it.id); boxes.push(box); }
    });
    return kept;
  };

  function stepsOf(map, data, n) {
    var a = data.articles[n];
    var meta = [a.d || T.say(map, 'undated'), a.s, T.say(map, '{n} paragraphs', {n: a.n})].filter(Boolean).join(' · ');
    var steps = [{key: null, title: a.t, view: 'route', spots: [],
                  html: '<p class="tripp-step-meta">' + meta + '</p><p><button type="button" ' +
                        'class="tripp-all-articles">' + T.say(map, 'Back to all articles') + '</button></p>'}];
    for (var i = a.e; i < a.e + a.n; i++) {
      var e = data.excerpts[i];
      var lls = e.g.map(function (g) { return data.spots[g].ll; });
      var bounds = lls.length ? L.latLngBounds(lls) : null;
      steps.push({key: null, spots: e.g, title: e.q, view: bounds ? null : 'route',
                  bounds: bounds ? [[bounds.getSouth(), bounds.getWest()], [bounds.getNorth(), bounds.getEast()]] : null,
                  zoom: lls.length === 1 ? 9 : null,
                  html: '<p class="tripp-step-text">' + e.x + '</p><p class="tripp-step-meta">' + meta +
                        ' · ' + T.say(map, 'paragraph {n}', {n: e.p}) + '</p>'});
    }
    return steps;
  }

  /* data: {articles: [{t, d, s, n, e}], spots: [{n, ll, f, e: [excerpt ids, newest first]}],
            excerpts: [{a, p, x, q, g: [place ids]}]}; options: {title} */
  T.addCorpus = function (map, group, data, options) {
    // Their own pane: above the region's shapes (an SVG of its own), below the route.
    if (!map.getPane('tripp-corpus')) map.createPane('tripp-corpus').style.zIndex = '440';
    var renderer = L.canvas({padding: 0.3, pane: 'tripp-corpus'});
    var filters = {text: '', from: '', to: '', article: null};
    var shown = data.articles.map(function () { return true; });
    var counts = T.placeCounts(data, shown);
    var current = [];
    var FILL = 0.72;  // the route and the map's own labels still read through a crowd of symbols
    var state = T.of(map), corpus = state.corpus = {data: data, markers: []};

    function most() {
      return Math.max.apply(null, counts.concat([1]));
    }

    function popupHtml(id) {
      var place = data.spots[id];
      var ids = place.e.filter(function (i) { return shown[data.excerpts[i].a]; });
      var items = ids.slice(0, LIST_MAX).map(function (i) {
        var e = data.excerpts[i], a = data.articles[e.a];
        return '<li><details><summary><b>' + (a.d || T.say(map, 'undated')) + '</b> · ' + a.t + ', ' +
               T.say(map, 'paragraph {n}', {n: e.p}) + '</summary><p class="tripp-quote">' + e.x +
               '</p><p class="tripp-step-meta">' + a.s + ' · ' + T.say(map, 'Places:') + ' ' + e.q + '</p></details></li>';
      }).join('');
      var more = ids.length > LIST_MAX ?
        '<p>' + T.say(map, '… and {n} more: narrow them with the filters.', {n: ids.length - LIST_MAX}) + '</p>' : '';
      return '<h3 class="tripp-pop-h">' + place.n + (place.f ? ' ' + T.say(map, '(far away: the way there)') : '') +
        '</h3><p>' + T.say(map, ids.length === 1 ? T.N_('{n} excerpt, newest first') : T.N_('{n} excerpts, newest first'),
                           {n: ids.length}) + '</p><ol class="tripp-list">' + items + '</ol>' + more;
    }

    data.spots.forEach(function (place, id) {
      var marker = L.circleMarker(place.ll, {renderer: renderer, radius: T.corpusRadius(counts[id], most()),
                                             weight: 2, color: '#ffffff', fillColor: place.f ? '#5b5b5b' : '#1a1a1a',
                                             fillOpacity: FILL, bubblingMouseEvents: false});
      marker.bindPopup(function () { return popupHtml(id); }, T.popupOptions ? T.popupOptions() : {});
      marker.bindTooltip(place.n, {direction: 'right', className: 'tripp-count', offset: [8, 0]});
      marker.addTo(group);
      corpus.markers.push(marker);
    });

    function labels() {
      var items = [];
      data.spots.forEach(function (place, id) {
        if (!counts[id] || !map.hasLayer(group)) return;
        var pt = map.latLngToContainerPoint(place.ll);
        var text = place.n + ' · ' + counts[id];
        items.push({id: id, x: pt.x + 8, y: pt.y - 10, w: 7.5 * text.length + 12, h: 20, n: counts[id]});
      });
      var origin = map.getContainer().getBoundingClientRect(), size = map.getSize();
      // A count cut by the map's edge is no label: it waits for a view that holds it.
      items = items.filter(function (it) {
        return it.x >= 4 && it.y >= 4 && it.x + it.w <= size.x - 4 && it.y + it.h <= size.y - 4;
      });
      var taken = Array.prototype.map.call(map.getContainer().querySelectorAll('.tripp-label, .leaflet-control'),
        function (el) {
          var r = el.getBoundingClientRect();
          return [r.left - origin.left, r.top - origin.top, r.right - origin.left, r.bottom - origin.top];
        });
      var kept = {};
      T.placeLabels(items, taken).forEach(function (id) { kept[id] = true; });
      corpus.markers.forEach(function (m, id) {
        var tip = m.getTooltip();
        tip.options.permanent = !!kept[id];
        tip.setContent(data.spots[id].n + (counts[id] ? ' · ' + counts[id] : ''));
        if (kept[id]) { if (!m.isTooltipOpen()) m.openTooltip(); } else if (m.isTooltipOpen()) m.closeTooltip();
      });
      corpus.labelled = Object.keys(kept).length;
    }

    function apply() {
      shown = T.articlesShown(data.articles, filters);
      counts = T.placeCounts(data, shown);
      var top = most();
      corpus.markers.forEach(function (m, id) {
        m.setRadius(T.corpusRadius(counts[id], top));
        m.setStyle({opacity: counts[id] ? 1 : 0, fillOpacity: counts[id] ? FILL : 0, interactive: !!counts[id]});
      });
      var n = 0, e = 0;
      data.articles.forEach(function (a, i) { if (shown[i]) { n += 1; e += a.n; } });
      T.setText(status, map, 'Showing {e} excerpts from {n} of {all} articles',
                {e: {num: e}, n: {num: n}, all: {num: data.articles.length}});
      labels();
      highlight(current);
    }

    function highlight(ids) {
      current = ids || [];
      var on = {};
      current.forEach(function (g) { on[g] = true; });
      corpus.markers.forEach(function (m, id) {
        if (counts[id]) m.setStyle({color: on[id] ? '#B0006E' : '#ffffff', weight: on[id] ? 4 : 2});
      });
    }

    var status = null;
    var control = L.control({position: 'topleft'});
    control.onAdd = function () {
      // Open only where the map has room beside it (a laptop or a large screen); folded on a phone or an old
      // projector, where it would cover the region.
      var size = map.getSize();
      var box = L.DomUtil.create('details', 'tripp-corpus-filter');
      box.open = size.x >= 1200 && size.y >= 700;
      var say = function (m) { return T.say(map, m); };
      box.innerHTML = '<summary>' + say('Filter the articles') + '</summary><form aria-label="' +
        T.escHtml(T.t(map, 'Filter the articles')) + '" data-t-aria-label="Filter the articles">' +
        '<label>' + say('Title or source') + ' <input type="search" class="tripp-filter-text" autocomplete="off"></label>' +
        '<label>' + say('From') + ' <input type="date" class="tripp-filter-from"></label>' +
        '<label>' + say('To') + ' <input type="date" class="tripp-filter-to"></label>' +
        '<p class="tripp-filter-status" aria-live="polite"></p></form>';
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      box.querySelector('form').addEventListener('submit', function (e) { e.preventDefault(); });
      box.querySelector('.tripp-filter-text').addEventListener('input', function (e) {
        filters.text = e.target.value; apply();
      });
      box.querySelector('.tripp-filter-from').addEventListener('change', function (e) {
        filters.from = e.target.value; apply();
      });
      box.querySelector('.tripp-filter-to').addEventListener('change', function (e) {
        filters.to = e.target.value; apply();
      });
      status = box.querySelector('.tripp-filter-status');
      return box;
    };
    control.addTo(map);

    // The time control's date is the end of the date filter: what had been written by then.
    T.hook(map, 'onDate', function (day) {
      var today = T.today ? T.today() : '';
      filters.to = day === today ? '' : day;
      var input = map.getContainer().querySelector('.tripp-filter-to');
      if (input) input.value = filters.to;
      apply();
    });

    function readArticle(n, step) {
      if (!state.story || !data.articles[n]) return;
      filters.article = n;
      state.hashArticle = n;
      apply();
      state.story.setSteps(stepsOf(map, data, n), data.articles[n].t, step || 0);
    }

    function allArticles() {
      filters.article = null;
      state.hashArticle = null;
      apply();
      state.story.setSteps(state.story.firstSteps, options.title, 0);
    }

    map.getContainer().addEventListener('click', function (e) {
      var read = e.target.closest && e.target.closest('.tripp-read-article');
      if (read) { readArticle(parseInt(read.getAttribute('data-article'), 10)); return; }
      if (e.target.closest && e.target.closest('.tripp-all-articles')) allArticles();
    });
    T.hook(map, 'onStep', function (s) { highlight(s.spots || []); });
    // An address naming an article (#article=2&step=1) reads it; one without goes back to all of them.
    T.hook(map, 'onHashArticle', function (wanted) {
      var reading = filters.article !== null && filters.article !== undefined;
      if (wanted.article !== null && wanted.article !== undefined) {
        if (wanted.article === filters.article && state.story.step() === (wanted.step || 0)) return true;
        readArticle(wanted.article, wanted.step || 0);
        return true;
      }
      if (reading) { allArticles(); }
      return false;
    });
    T.hook(map, 'beforeStory', function (story, wanted) {
      story.firstSteps = story.steps();
      if (wanted.article !== null && wanted.article !== undefined) readArticle(wanted.article, wanted.step || 0);
    });
    map.on('zoomend moveend', labels);
    map.on('overlayadd overlayremove', labels);
    map.whenReady(apply);
  };
})(typeof window !== 'undefined' ? window : globalThis);
