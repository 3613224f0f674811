/* The date control: choose a date and the map shows what existed then (lines open or closed, proposed or
   being built, who held what in Karabakh), and the events before it.
   Features with a period (w: [since, until], ISO days) are drawn only on their days. */
(function (root) {
  'use strict';
  var T = root.TrippMap = root.TrippMap || {};

  var DAY = 86400000, EPOCH = Date.UTC(1900, 0, 1);
  /* The track steps event by event before the ceasefire, then month by month to today. */
  var MONTHLY_FROM = '1994-05-12';

  /* "1941" or "1988-02" or "2020-09-27" -> "YYYY-MM-DD" ("" stays ""). */
  T.isoDay = function (text) {
    if (!text) return '';
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

  /* Whether a period [since, until) holds a day: the rule of layers/periods.py. */
  T.inForce = function (since, until, day) {
    var start = T.isoDay(since), end = T.isoDay(until), on = T.isoDay(day);
    return (!start || start <= on) && (!end || on < end);
  };

  /* A real calendar day written YYYY-MM-DD, or null. */
  T.parseDay = function (text) {
    var m = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$/.exec(String(text || ''));
    if (!m) return null;
    var y = +m[1], mo = +m[2], d = +m[3], t = new Date(Date.UTC(y, mo - 1, d));
    if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return null;
    return t.toISOString().slice(0, 10);
  };

  function pad(n) { return (n < 10 ? '0' : '') + n; }

  /* The track's stops: each event before the ceasefire, the ceasefire, the first of every month after it,
     and today. */
  T.trackStops = function (events, today) {
    var out = [];
    events.forEach(function (e) {
      var d = T.isoDay(e.date);
      if (d < MONTHLY_FROM && out.indexOf(d) < 0) out.push(d);
    });
    out.sort();
    out.push(MONTHLY_FROM);
    var y = +MONTHLY_FROM.slice(0, 4), m = +MONTHLY_FROM.slice(5, 7);
    for (;;) {
      m += 1;
      if (m > 12) { m = 1; y += 1; }
      var d = y + '-' + pad(m) + '-01';
      if (d > today) break;
      out.push(d);
    }
    if (out[out.length - 1] !== today) out.push(today);
    return out;
  };

  /* The stop a day falls on: the last stop on or before it (the first stop for an earlier day). */
  T.stopOf = function (stops, day) {
    var at = 0;
    for (var n = 0; n < stops.length; n++) { if (stops[n] <= day) at = n; }
    return at;
  };

  /* The stop a year away: Page Up / Page Down. */
  T.yearAway = function (stops, at, sign) {
    var p = stops[at].split('-'), target = (+p[0] + sign) + '-' + p[1] + '-' + p[2];
    if (sign > 0) {
      for (var n = at + 1; n < stops.length; n++) { if (stops[n] >= target) return n; }
      return stops.length - 1;
    }
    for (var k = at - 1; k >= 0; k--) { if (stops[k] <= target) return k; }
    return 0;
  };

  /* The day a map shows (state.js); today before its time control set one. */
  T.dayOf = function (map) {
    var s = map && T.of ? T.of(map) : null;
    return (s && s.date) || T.today();
  };

  /* Show a map on a day: its timed features come and go, then its date hooks hear it. */
  T.setDate = function (map, day) {
    var s = T.of(map);
    s.date = T.isoDay(day);
    s.timed.forEach(function (t) {
      var on = T.inForce(t.since, t.until, s.date);
      if (on && !t.group.hasLayer(t.layer)) t.group.addLayer(t.layer);
      if (!on && t.group.hasLayer(t.layer)) t.group.removeLayer(t.layer);
    });
    T.call(map, 'onDate', s.date);
    return s.date;
  };

  /* The day's words in the map's language, as a message and its slots: "today" or the day. */
  function label(day) {
    return day === T.today() ? [T.N_('today'), null] : ['{day}', {day: {day: day}}];
  }

  function marksHtml(stops, events) {
    var last = stops.length - 1, html = [];
    var at = function (n) { return (100 * n / last).toFixed(2) + '%'; };
    // Before the ceasefire the track steps event by event: a grey stretch, its years in the events' list.
    html.push('<span class="tripp-time-era" style="left:0;width:' + at(T.stopOf(stops, MONTHLY_FROM)) + '"></span>');
    for (var y = 2000; y <= +stops[last].slice(0, 4); y += 5) {
      html.push('<span class="tripp-time-year" style="left:' + at(T.stopOf(stops, y + '-01-01')) + '">' + y + '</span>');
    }
    events.forEach(function (e) {
      html.push('<span class="tripp-time-mark" style="left:' + at(T.stopOf(stops, T.isoDay(e.date))) + '"></span>');
    });
    return html.join('');
  }

  /* options: {events: [{date, when, title}], start: ISO day or null (today), first: ISO day (typed dates)} */
  T.addTimeControl = function (map, options) {
    var events = options.events.slice().sort(function (a, b) { return a.date < b.date ? -1 : 1; });
    var today = T.today(), stops = T.trackStops(events, today);
    // On a narrow map (a phone, where the story is a sheet) the top right is free: the column of controls
    // on the left stays narrow, and so does what a view must keep clear of.
    var control = L.control({position: map.getSize().x < 700 ? 'topright' : 'topleft'});
    var box, show;
    control.onAdd = function () {
      box = L.DomUtil.create('div', 'tripp-time');
      var id = L.Util.stamp(box);
      var say = function (m) { return T.say(map, m); };
      box.innerHTML = '<details><summary>' + say('Date:') + ' <span class="tripp-time-label"></span></summary>' +
        '<label class="tripp-time-slider" for="tripp-time-range-' + id + '">' + say('Show the map on') + '</label>' +
        '<input type="range" id="tripp-time-range-' + id + '" min="0" max="' + (stops.length - 1) + '" step="1">' +
        '<div class="tripp-time-scale" aria-hidden="true">' + marksHtml(stops, events) + '</div>' +
        '<label class="tripp-time-typed">' + say('or type a date') + ' <input type="date" min="' +
        T.isoDay(options.first) + '" max="' + today + '"></label> <span class="tripp-time-error" role="status"></span>' +
        '<p class="tripp-time-hint">' +
        say('Lines, stations and Karabakh as they were on this date. ← → a month (before 1994, an event), ' +
            'Page Up / Page Down a year.') + '</p>' +
        '<h3 class="tripp-time-h" id="tripp-time-h-' + id + '">' + say('Before this date') + '</h3>' +
        '<ol class="tripp-time-events" tabindex="0" aria-labelledby="tripp-time-h-' + id + '"></ol>' +
        '<button type="button" class="tripp-time-today">' + say('Today') + '</button></details>';
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      var range = box.querySelector('input[type=range]'), typed = box.querySelector('input[type=date]');
      range.addEventListener('input', function () { T.setDate(map, stops[+range.value]); });
      range.addEventListener('keydown', function (e) {
        if (e.key !== 'PageUp' && e.key !== 'PageDown') return;
        e.preventDefault();
        e.stopPropagation();
        T.setDate(map, stops[T.yearAway(stops, +range.value, e.key === 'PageUp' ? 1 : -1)]);
      });
      typed.addEventListener('change', function () {
        var day = T.parseDay(typed.value), error = box.querySelector('.tripp-time-error');
        if (!day || day < T.isoDay(options.first) || day > today) {
          if (typed.value) {
            T.setText(error, map, 'Not a date between {first} and today.', {first: {day: T.isoDay(options.first)}});
          } else { error.removeAttribute('data-t'); error.textContent = ''; }
          return;
        }
        error.removeAttribute('data-t');
        error.textContent = '';
        T.setDate(map, day);
      });
      box.querySelector('.tripp-time-today').onclick = function () { T.setDate(map, T.today()); };
      var details = box.querySelector('details');
      details.addEventListener('toggle', function () { fit(); });
      return box;
    };
    /* Open on a narrow map, the control takes the map's right side above the story's sheet: the controls it
       would cover step aside, and it scrolls within the room left. */
    function fit() {
      var c = map.getContainer(), open = box.querySelector('details').open;
      c.classList.toggle('tripp-time-open', open && map.getSize().x < 700);
      box.style.maxHeight = box.style.overflowY = box.style.boxSizing = '';
      if (!open || !T.freeArea) return;
      var room = T.freeArea(map)[3] - (box.getBoundingClientRect().top - c.getBoundingClientRect().top);
      box.style.boxSizing = 'border-box';  // the room includes the control's padding
      box.style.maxHeight = Math.max(160, Math.floor(room)) + 'px';
      box.style.overflowY = 'auto';
    }
    map.on('resize', fit);

    var unhook = null;
    control.onRemove = function () {
      map.off('resize', fit);
      map.getContainer().classList.remove('tripp-time-open');
      if (unhook) unhook();
    };
    control.addTo(map);

    show = function (day) {
      var range = box.querySelector('input[type=range]'), text = label(day);
      range.value = String(T.stopOf(stops, day));
      T.setText(range, map, text[0], text[1], 'aria-valuetext');
      box.querySelector('input[type=date]').value = day;
      T.setText(box.querySelector('.tripp-time-label'), map, text[0], text[1]);
      var before = events.filter(function (e) { return e.date <= day; }).slice(-6).reverse();
      box.querySelector('.tripp-time-events').innerHTML = before.map(function (e) {
        return '<li><b>' + e.when + '</b> ' + e.title + '</li>';
      }).join('') || '<li>' + T.say(map, 'No event of the timeline yet.') + '</li>';
      map.getContainer().setAttribute('data-date', day);
    };

    unhook = T.hook(map, 'onDate', show);
    T.setDate(map, options.start || T.today());
    return control;
  };
})(typeof window !== 'undefined' ? window : globalThis);
