/* The time control: choose a date and the map shows who held what then, and the events before it.
   Features with a period (w: [since, until], ISO dates) are drawn only on their days. */
(function (root) {
  'use strict';
  var T = root.TrippMap = root.TrippMap || {};

  var DAY = 86400000, EPOCH = Date.UTC(1900, 0, 1);

  /* Timed features: {group, layer, since, until}. */
  T.timed = T.timed || [];

  /* "1941" or "1988-02" or "2020-09-27" -> "YYYY-MM-DD". */
  T.isoDay = function (text) {
    var parts = String(text).split('-');
    return [parts[0], parts[1] || '01', parts[2] || '01'].join('-');
  };

  T.dayNumber = function (iso) {
    var p = T.isoDay(iso).split('-');
    return Math.round((Date.UTC(+p[0], +p[1] - 1, +p[2]) - EPOCH) / DAY);
  };

  T.dayIso = function (n) {
    return new Date(EPOCH + n * DAY).toISOString().slice(0, 10);
  };

  T.today = function () {
    return new Date().toISOString().slice(0, 10);
  };

  var MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

  /* "18 Sep 2023" from an ISO day. */
  T.labelDate = function (iso) {
    var p = String(iso || '').split('-');
    if (p.length < 3) return String(iso || '');
    return parseInt(p[2], 10) + ' ' + MONTHS[parseInt(p[1], 10) - 1] + ' ' + p[0];
  };

  /* Whether a period [since, until) holds a day (ISO strings compare as dates). */
  T.inForce = function (since, until, day) {
    return (!since || since <= day) && (!until || day < until);
  };

  T.date = T.date || null;

  T.setDate = function (day) {
    T.date = T.isoDay(day);
    T.timed.forEach(function (t) {
      var on = T.inForce(t.since, t.until, T.date);
      if (on && !t.group.hasLayer(t.layer)) t.group.addLayer(t.layer);
      if (!on && t.group.hasLayer(t.layer)) t.group.removeLayer(t.layer);
    });
    (T.onDate || []).forEach(function (f) { f(T.date); });
    return T.date;
  };

  function label(day) {
    return day === T.today() ? 'today' : T.labelDate(day);
  }

  /* options: {events: [{date, title}], start: ISO day or null (today), first: ISO day} */
  T.addTimeControl = function (map, options) {
    var events = options.events.slice().sort(function (a, b) { return a.date < b.date ? -1 : 1; });
    // On a narrow map (a phone, where the story is a sheet) the top right is free: the column of controls
    // on the left stays narrow, and so does what a view must keep clear of.
    var control = L.control({position: map.getSize().x < 700 ? 'topright' : 'topleft'});
    var box;
    control.onAdd = function () {
      box = L.DomUtil.create('div', 'tripp-time');
      var first = T.dayNumber(options.first), last = T.dayNumber(T.today());
      var ticks = events.map(function (e) {
        return '<option value="' + T.dayNumber(e.date) + '"></option>';
      }).join('');
      box.innerHTML = '<details><summary>Date: <span class="tripp-time-label">today</span></summary>' +
        '<label class="tripp-time-slider">Show the map on <input type="range" min="' + first + '" max="' + last +
        '" step="1" list="tripp-time-ticks" aria-valuetext="today"></label>' +
        '<datalist id="tripp-time-ticks">' + ticks + '</datalist>' +
        '<p class="tripp-time-hint">Karabakh is drawn as held on this date (from the 1994 ceasefire on).</p>' +
        '<h3 class="tripp-time-h">Before this date</h3><ol class="tripp-time-events"></ol>' +
        '<button type="button" class="tripp-time-today">Today</button></details>';
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      var input = box.querySelector('input');
      input.addEventListener('input', function () { T.setDate(T.dayIso(+input.value)); });
      box.querySelector('.tripp-time-today').onclick = function () { T.setDate(T.today()); };
      return box;
    };
    control.addTo(map);

    function show(day) {
      var input = box.querySelector('input'), text = label(day);
      input.value = String(T.dayNumber(day));
      input.setAttribute('aria-valuetext', text);
      box.querySelector('.tripp-time-label').textContent = text;
      var before = events.filter(function (e) { return e.date <= day; }).slice(-6).reverse();
      box.querySelector('.tripp-time-events').innerHTML = before.map(function (e) {
        return '<li><b>' + e.when + '</b> ' + e.title + '</li>';
      }).join('') || '<li>No event of the timeline yet.</li>';
      map.getContainer().setAttribute('data-date', day);
    }

    T.onDate = (T.onDate || []).concat([show]);
    T.setDate(options.start || T.today());
    return control;
  };
})(typeof window !== 'undefined' ? window : globalThis);
