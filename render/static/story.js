/* The story engine: a title step and one step per paragraph, in a panel on the map (a bottom
   sheet on narrow windows). Previous / Next, the keys, a contents list and #step=N links move it;
   each step frames its places and shows or hides its layers. Presenter mode enlarges it for a
   projector. Every text in the options was escaped in Python (render/story.py). */
(function (root) {
  'use strict';
  var T = root.TrippMap = root.TrippMap || {};

  /* The step to show when asked for step n of count (0-based; -1 when there are none). */
  T.clampStep = function (n, count) {
    if (!count) return -1;
    return Math.max(0, Math.min(count - 1, n));
  };

  /* The step a key asks for, or null for a key the story does not use. */
  T.stepForKey = function (key, current, count) {
    if (key === 'ArrowRight' || key === 'PageDown' || key === ' ') return T.clampStep(current + 1, count);
    if (key === 'ArrowLeft' || key === 'PageUp') return T.clampStep(current - 1, count);
    if (key === 'Home') return T.clampStep(0, count);
    if (key === 'End') return T.clampStep(count - 1, count);
    return null;
  };

  /* {step, present, article, lang} from a location hash such as "#step=5&present", "#article=2&step=3" or
     "#lang=hy&step=2". */
  T.parseHash = function (hash) {
    var out = {step: null, present: false, article: null, lang: null};
    String(hash || '').replace(/^#/, '').split('&').forEach(function (part) {
      var m = /^step=(\d{1,6})$/.exec(part);
      if (m) out.step = parseInt(m[1], 10);
      var a = /^article=(\d{1,6})$/.exec(part);
      if (a) out.article = parseInt(a[1], 10);
      if (part === 'present') out.present = true;
      var l = /^lang=([a-z]{2})$/.exec(part);
      if (l) out.lang = l[1];
    });
    return out;
  };

  /* The hash of a step; in a map of many articles, of a step of the article being read (its number); in a
     language other than the page's own, that language first. */
  T.hashFor = function (step, present, reading, lang) {
    var article = reading === null || reading === undefined ? '' : 'article=' + reading + '&';
    return '#' + (lang ? 'lang=' + lang + '&' : '') + article + 'step=' + step + (present ? '&present' : '');
  };

  /* fitBounds padding that keeps a view clear of the panel (or sheet) and of every control: each control
     is cleared sideways or up/down from its corner, whichever leaves the larger free part of the map.
     corners: [{name: 'top left' …, rect: [left, top, right, bottom]}], one per control;
     panel: {sheet, rect} or null. */
  T.freePadding = function (width, height, corners, panel) {
    var base = {left: 12, top: 12, right: 12, bottom: 12};
    if (panel && panel.sheet) base.bottom = Math.max(base.bottom, height - panel.rect[1] + 12);
    else if (panel) base.right = Math.max(base.right, width - panel.rect[0] + 12);
    var best = null;
    for (var mask = 0; mask < (1 << corners.length); mask++) {
      var p = {left: base.left, top: base.top, right: base.right, bottom: base.bottom};
      corners.forEach(function (c, n) {
        var r = c.rect, sideways = !(mask & (1 << n)), left = c.name.indexOf('left') >= 0;
        var top = c.name.indexOf('top') >= 0;
        if (sideways && left) p.left = Math.max(p.left, r[2] + 10);
        else if (sideways) p.right = Math.max(p.right, width - r[0] + 10);
        else if (top) p.top = Math.max(p.top, r[3] + 10);
        else p.bottom = Math.max(p.bottom, height - r[1] + 10);
      });
      var area = Math.max(0, width - p.left - p.right) * Math.max(0, height - p.top - p.bottom);
      if (!best || area > best.area) best = {area: area, p: p};
    }
    var q = best.p;
    return {paddingTopLeft: [Math.round(q.left), Math.round(q.top)],
            paddingBottomRight: [Math.round(q.right), Math.round(q.bottom)]};
  };

  /* Whether the panel is a bottom sheet (narrow windows) or a side panel. */
  T.isSheet = function (width, height) {
    return width < 700 || height < 420;
  };

  function typing(target) {
    var tag = (target && target.tagName) || '';
    return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || (target && target.isContentEditable);
  }

  function reducedMotion() {
    return !!(root.matchMedia && root.matchMedia('(prefers-reduced-motion: reduce)').matches);
  }

  /* A button named by its visible words (WCAG 2.5.3: a voice user says what they see); its arrow is not read. */
  function button(map, cls, html, label) {
    return '<button type="button" class="' + cls + '"' + (label ? ' aria-label="' + T.escHtml(T.t(map, label)) +
      '" data-t-aria-label="' + T.escHtml(label) + '"' : '') + '>' + html + '</button>';
  }

  var ARROW_BACK = '<span aria-hidden="true">&#9664;</span> ', ARROW_ON = ' <span aria-hidden="true">&#9654;</span>';

  /* Longer contents lists are filled when first opened: a thousand articles' titles need not be in the page
     until someone looks for one. */
  var TOC_NOW = 100;

  function tocHtml(steps, full, current) {
    var ids = full || steps.length <= TOC_NOW ? steps.map(function (_, n) { return n; }) : [current || 0];
    return ids.map(function (n) {
      return '<option value="' + n + '">' + (n ? n + '. ' : '') + steps[n].title + '</option>';
    }).join('');
  }

  function panelHtml(map, o) {
    var toc = tocHtml(o.steps), say = function (m) { return T.say(map, m); };
    return '<h1 class="tripp-story-h1">' + o.title + '</h1>' +
      '<div class="tripp-story-progress"><span class="tripp-story-count" aria-hidden="true"></span>' +
      '<span class="tripp-bar" aria-hidden="true"><span class="tripp-bar-fill"></span></span></div>' +
      '<div class="tripp-story-bar">' +
      button(map, 'tripp-prev', ARROW_BACK + say('Previous')) +
      button(map, 'tripp-next', say('Next') + ARROW_ON) +
      '</div>' +
      '<h2 class="tripp-story-title" tabindex="-1"></h2>' +
      '<div class="tripp-story-text" tabindex="0" role="region" aria-label="' + T.escHtml(T.t(map, 'Step text')) +
      '" data-t-aria-label="Step text"></div>' +
      '<div class="tripp-story-tools">' +
      '<label class="tripp-toc-label">' + say('Go to') + ' <select class="tripp-toc">' + toc + '</select></label>' +
      button(map, 'tripp-present-button', say('Present'), T.N_('Present full screen')) +
      button(map, 'tripp-help-button', '?', T.N_('Keyboard shortcuts')) +
      (o.textLink ? '<a class="tripp-text-link" href="' + o.textLink + '">' + say('Text version') + '</a>' : '') +
      '</div>' +
      '<div class="tripp-help" hidden><h3>' + say('Keys') + '</h3><dl>' +
      '<dt>' + say('→ or Page Down') + '</dt><dd>' + say('next step') + '</dd>' +
      '<dt>' + say('← or Page Up') + '</dt><dd>' + say('previous step') + '</dd>' +
      '<dt>' + say('Home / End') + '</dt><dd>' + say('first / last step') + '</dd>' +
      '<dt>P</dt><dd>' + say('present full screen') + '</dd>' +
      '<dt>Esc</dt><dd>' + say('leave full screen, close a popup or this help') + '</dd>' +
      '<dt>?</dt><dd>' + say('this help') + '</dd></dl></div>' +
      '<p class="tripp-sr" aria-live="polite"></p>';
  }

  /* options: {title, steps: [{key, title, html, bounds, view, zoom, show, hide}], views: {name: bounds},
               opening: view name, parentKeys: also listen on the embedding page, textLink} */
  T.addStory = function (map, options) {
    var steps = options.steps, i = -1, panel, present = false, changed = {added: [], removed: []};
    var story = {map: map, count: steps.length}, state = T.of(map);
    // The page's address, keys and an embedder's messages are this story's only if no other map has them.
    var ownsPage = T.claimPage(map);

    /* The part of the map no panel, sheet or control covers, as fitBounds padding. */
    function padding() {
      var size = map.getSize(), sheet = T.isSheet(size.x, size.y), c = map.getContainer();
      var box = c.getBoundingClientRect();
      var corners = [];
      ['top left', 'bottom left', 'top right', 'bottom right'].forEach(function (name) {
        var el = c.querySelector('.leaflet-' + name.replace(' ', '.leaflet-'));
        if (!el) return;
        el.querySelectorAll('.leaflet-control, .tripp-credits-toggle').forEach(function (ctl) {
          if (ctl.classList.contains('tripp-story') || !ctl.getClientRects().length) return;
          var q = ctl.getBoundingClientRect();
          if (!q.width || !q.height) return;
          corners.push({name: name, rect: [q.left - box.left, q.top - box.top, q.right - box.left, q.bottom - box.top]});
        });
      });
      var panelBox = panel && panel.getClientRects().length ? panel.getBoundingClientRect() : null;
      return T.freePadding(size.x, size.y, corners, panelBox ? {
        sheet: sheet,
        rect: [panelBox.left - box.left, panelBox.top - box.top, panelBox.right - box.left, panelBox.bottom - box.top]
      } : null);
    }

    var unframed = null;

    /* How far the markers of the step shown reach beyond their places: half an icon each way, and the
       icons set side by side at a shared place (slots) to the right. */
    function markerReach() {
      var s = i >= 0 ? steps[i] : null, slots = 0;
      ((s && state.keyedParts[s.key]) || []).forEach(function (m) { slots = Math.max(slots, m.trippSlot || 0); });
      return {side: 17, right: 17 + 34 * slots};
    }

    function frame(bounds, maxZoom, jump) {
      var size = map.getSize();
      if (!bounds) return;
      if (size.x < 40 || size.y < 40) {
        // A hidden or collapsed map has no view to fit: fit it when it gets a size.
        unframed = [bounds, maxZoom];
        return;
      }
      unframed = null;
      var opts = padding(), reach = markerReach();
      var left = opts.paddingTopLeft, right = opts.paddingBottomRight;
      left = opts.paddingTopLeft = [left[0] + reach.side, left[1] + reach.side];
      right = opts.paddingBottomRight = [right[0] + reach.right, right[1] + reach.side];
      if (size.x - left[0] - right[0] < 80 || size.y - left[1] - right[1] < 80) {
        opts = {};  // the panel fills the map: frame the whole map instead
      }
      if (maxZoom) opts.maxZoom = maxZoom;
      if (jump || reducedMotion()) {
        opts.animate = false;
        map.fitBounds(bounds, opts);
      } else {
        opts.duration = 0.8;
        map.flyToBounds(bounds, opts);
      }
    }

    function setLayers(s) {
      changed.added.forEach(function (g) { map.removeLayer(g); });
      changed.removed.forEach(function (g) { map.addLayer(g); });
      changed = {added: [], removed: []};
      (s.show || []).forEach(function (name) {
        var g = state.groups[name];
        if (g && !map.hasLayer(g)) { map.addLayer(g); changed.added.push(g); }
      });
      (s.hide || []).forEach(function (name) {
        var g = state.groups[name];
        if (g && map.hasLayer(g)) { map.removeLayer(g); changed.removed.push(g); }
      });
    }

    function highlight(key) {
      Object.keys(state.keyedParts).forEach(function (k) {
        state.keyedParts[k].forEach(function (part) {
          var icon = part.getElement ? part.getElement() : null;
          if (icon && icon.classList) icon.classList.toggle('tripp-current', k === key);
        });
      });
    }

    function writeHash() {
      if (!ownsPage) return;
      try {
        var lang = T.langOf && state.openingLang && T.langOf(map) !== state.openingLang ? T.langOf(map) : null;
        root.history.replaceState(null, '', T.hashFor(i, present, state.hashArticle, lang));
      } catch (e) { /* a sandboxed frame may refuse: the story still works */ }
    }

    function show(n, jump) {
      if (!steps.length) return;
      i = T.clampStep(n, steps.length);
      var s = steps[i];
      panel.querySelector('.tripp-story-title').innerHTML = s.title;
      panel.querySelector('.tripp-story-text').innerHTML = s.html;
      var count = panel.querySelector('.tripp-story-count');
      if (i) { count.removeAttribute('data-t'); count.textContent = i + ' / ' + (steps.length - 1); }
      else T.setText(count, map, 'Title');
      panel.querySelector('.tripp-bar-fill').style.width = (100 * i / Math.max(1, steps.length - 1)) + '%';
      panel.querySelector('.tripp-prev').disabled = i === 0;
      panel.querySelector('.tripp-next').disabled = i === steps.length - 1;
      var next = i === 0 ? T.N_('Start') : T.N_('Next');
      panel.querySelector('.tripp-next').innerHTML = T.say(map, next) + ARROW_ON;
      var toc = panel.querySelector('.tripp-toc');
      if (!toc.querySelector('option[value="' + i + '"]')) toc.innerHTML = tocHtml(steps, toc.dataset.full === '1', i);
      toc.value = String(i);
      var title = panel.querySelector('.tripp-story-title').textContent;
      var sr = panel.querySelector('.tripp-sr');
      if (i) T.setText(sr, map, 'Step {n} of {count}: {title}', {n: i, count: steps.length - 1, title: title});
      else { sr.removeAttribute('data-t'); sr.textContent = title; }
      panel.querySelector('.tripp-story-text').scrollTop = 0;
      panel.scrollTop = 0;
      layout();
      map.closePopup();
      setLayers(s);
      // Each step owns its date (none: today), however it was reached.
      if (T.setDate) T.setDate(map, s.date || T.today());
      highlight(s.key);
      frame(s.bounds || options.views[s.view || options.opening], s.zoom, jump);
      map.getContainer().setAttribute('data-story-step', String(i));
      T.call(map, 'onStep', s, i);
    }

    function go(n, jump) {
      show(n, jump);
      writeHash();
    }

    function setPresent(on) {
      present = !!on;
      root.document.documentElement.classList.toggle('tripp-presenting', present);
      map.fire('tripp:present');
      var fs = root.document.fullscreenElement;
      if (present && !fs && root.document.documentElement.requestFullscreen) {
        root.document.documentElement.requestFullscreen().catch(function () { /* needs a user gesture */ });
      }
      if (!present && fs && root.document.exitFullscreen) root.document.exitFullscreen().catch(function () {});
      root.setTimeout(function () { map.invalidateSize(); show(i < 0 ? 0 : i, true); writeHash(); }, 60);
    }

    function toggleHelp(open) {
      var help = panel.querySelector('.tripp-help'), btn = panel.querySelector('.tripp-help-button');
      var show = open === undefined ? help.hidden : open;
      help.hidden = !show;
      btn.setAttribute('aria-expanded', String(show));
    }

    /* Keys pressed in a map are its own; keys pressed elsewhere in the page go to the story that owns it. */
    function mine(e) {
      var inMap = e.target && e.target.closest ? e.target.closest('.leaflet-container') : null;
      return inMap ? inMap === map.getContainer() : ownsPage;
    }

    function onKey(e) {
      if (typing(e.target) || e.altKey || e.ctrlKey || e.metaKey || !mine(e)) return;
      if (e.key === 'Escape') {
        if (!panel.querySelector('.tripp-help').hidden) { toggleHelp(false); return; }
        if (present) { setPresent(false); return; }
        return;
      }
      if (e.key === 'p' || e.key === 'P') { setPresent(!present); e.preventDefault(); return; }
      if (e.key === '?') { toggleHelp(); e.preventDefault(); return; }
      if (e.key === ' ' && e.target && e.target.tagName === 'BUTTON') return;  // a button's own press
      var n = T.stepForKey(e.key, i, steps.length);
      if (n !== null) { go(n); e.preventDefault(); }
    }

    var control = L.control({position: 'topright'});
    control.onAdd = function () {
      panel = L.DomUtil.create('section', 'tripp-story');
      T.setText(panel, map, 'Story', null, 'aria-label');
      panel.innerHTML = panelHtml(map, options);
      L.DomEvent.disableClickPropagation(panel);
      L.DomEvent.disableScrollPropagation(panel);
      panel.querySelector('.tripp-prev').onclick = function () { go(i - 1); };
      panel.querySelector('.tripp-next').onclick = function () { go(i + 1); };
      var toc = panel.querySelector('.tripp-toc');
      toc.onchange = function (e) { go(parseInt(e.target.value, 10)); };
      var fill = function () {
        if (toc.dataset.full === '1' || steps.length <= TOC_NOW) return;
        toc.dataset.full = '1';
        toc.innerHTML = tocHtml(steps, true);
        toc.value = String(i);
      };
      toc.addEventListener('focus', fill);
      toc.addEventListener('pointerdown', fill);
      panel.querySelector('.tripp-present-button').onclick = function () { setPresent(!present); };
      panel.querySelector('.tripp-help-button').onclick = function () { toggleHelp(); };
      panel.querySelector('.tripp-help-button').setAttribute('aria-expanded', 'false');
      return panel;
    };
    control.addTo(map);

    function layout() {
      var size = map.getSize(), sheet = T.isSheet(size.x, size.y);
      panel.classList.toggle('tripp-sheet', sheet);
      // A sheet sits at the foot of the map itself (not of the window: the map may be a frame in a page),
      // and takes at most 45 % of its height.
      var home = sheet ? map.getContainer() : map.getContainer().querySelector('.leaflet-top.leaflet-right');
      if (panel.parentNode !== home) home.appendChild(panel);
      panel.style.maxHeight = sheet ? Math.round(0.45 * size.y) + 'px' : '';
      var h = sheet ? panel.getBoundingClientRect().height : 0;
      map.getContainer().style.setProperty('--tripp-sheet', Math.round(h) + 'px');
    }

    // A sheet that grows or shrinks after the step was framed (its fonts arrived, a frame's page laid out)
    // covers a different part of the map: frame the step again for what is left free.
    var sheetHeight = -1, resized = null;
    if (root.ResizeObserver) {
      resized = new root.ResizeObserver(function () {
        if (!panel.classList.contains('tripp-sheet') || i < 0) return;
        var h = Math.round(panel.getBoundingClientRect().height);
        if (Math.abs(h - sheetHeight) <= 8) return;
        sheetHeight = h;
        map.getContainer().style.setProperty('--tripp-sheet', h + 'px');
        var s = steps[i];
        frame(s.bounds || options.views[s.view || options.opening], s.zoom, true);
      });
      resized.observe(panel);
    }

    /* A link or a course page that changes the address (#step=3, #present, #article=2&step=1) moves the story
       there; the story's own moves replace the address without firing this. */
    function followHash() {
      if (!ownsPage) return;
      var wanted = T.parseHash(root.location && root.location.hash);
      if (!!wanted.present !== present) setPresent(wanted.present);
      var handled = T.call(map, 'onHashArticle', wanted);
      if (!handled && wanted.step !== null && wanted.step !== i) go(wanted.step);
    }

    function leftFullscreen() {
      if (!root.document.fullscreenElement && present) setPresent(false);
    }

    var parentDoc = null;
    root.document.addEventListener('keydown', onKey);
    if (options.parentKeys && ownsPage) {
      // In the app the map is a frame of the page: the page's keys step the story too.
      try {
        if (root.parent && root.parent !== root) {
          parentDoc = root.parent.document;
          parentDoc.addEventListener('keydown', onKey);
        }
      } catch (e) { /* another origin's page: only the map's own keys */ }
    }
    /* The embedding page may drive the map and follow it (README, "Driving an embedded map"): messages
       {tripp: 'go', step}, {tripp: 'date', date}, {tripp: 'layer', name, show}, {tripp: 'present', on} are
       taken only from the page that embeds this one; {tripp: 'step', step, count} and {tripp: 'date', date} go
       back to it. */
    var embedder = ownsPage && root.parent && root.parent !== root ? root.parent : null;
    function tell(message) {
      if (embedder) embedder.postMessage(message, '*');  // public facts only: a step number, a date
    }
    function onMessage(e) {
      var m = e.data;
      if (!embedder || e.source !== embedder || !m || typeof m !== 'object' || typeof m.tripp !== 'string') return;
      if (m.tripp === 'go' && typeof m.step === 'number') go(m.step);
      else if (m.tripp === 'date' && T.parseDay && typeof m.date === 'string' && T.parseDay(m.date)) T.setDate(map, m.date);
      else if (m.tripp === 'present') setPresent(!!m.on);
      else if (m.tripp === 'layer' && Object.prototype.hasOwnProperty.call(state.groups, m.name)) {
        if (m.show) map.addLayer(state.groups[m.name]); else map.removeLayer(state.groups[m.name]);
      }
    }
    var told = function (s, n) { tell({tripp: 'step', step: n, count: steps.length}); };
    var toldDate = function (day) { tell({tripp: 'date', date: day}); };
    var unhooks = [T.hook(map, 'onStep', told), T.hook(map, 'onDate', toldDate)];
    root.addEventListener('message', onMessage);
    root.document.addEventListener('fullscreenchange', leftFullscreen);
    root.addEventListener('hashchange', followHash);
    // Another language: the panel's words change length, and the address says the language.
    var onLang = function () { layout(); writeHash(); };
    map.on('tripp:lang', onLang);
    // A frame the app replaces is unloaded, not removed: its listener on the app's page goes with it.
    var unloaded = function () { if (parentDoc) parentDoc.removeEventListener('keydown', onKey); };
    root.addEventListener('pagehide', unloaded);
    // Nothing of this map stays behind on the page (or on the app's page around it), whether the story is
    // removed or the whole map (Leaflet's map.remove() takes controls off without their onRemove).
    var cleaned = false;
    function cleanUp() {
      if (cleaned) return;
      cleaned = true;
      root.document.removeEventListener('keydown', onKey);
      unloaded();
      root.removeEventListener('pagehide', unloaded);
      root.document.removeEventListener('fullscreenchange', leftFullscreen);
      root.removeEventListener('hashchange', followHash);
      map.off('tripp:lang', onLang);
      root.removeEventListener('message', onMessage);
      unhooks.forEach(function (f) { f(); });
      if (resized) resized.disconnect();
      T.releasePage(map);
    }
    control.onRemove = cleanUp;
    map.once('unload', cleanUp);
    map.on('resize', function () {
      // A frame that changes size (the app's, an embedding page's) changes what fits: lay out the panel
      // again and frame the step again.
      layout();
      if (unframed) {
        frame(unframed[0], unframed[1], true);
      } else if (i >= 0) {
        var s = steps[i];
        frame(s.bounds || options.views[s.view || options.opening], s.zoom, true);
      }
    });
    // Clicking a numbered marker during the story moves to its step instead of a second copy of the text.
    steps.forEach(function (s, n) {
      (state.keyedParts[s.key] || []).forEach(function (layer) {
        if (layer.on) layer.on('click', function () { if (i > 0) { layer.closePopup(); go(n); } });
      });
    });

    story.go = go;
    story.step = function () { return i; };
    story.steps = function () { return steps; };
    /* Another set of steps (one article of many): the contents list follows, and step n is shown. */
    story.setSteps = function (newSteps, title, n) {
      steps = newSteps;
      story.count = steps.length;
      var toc = panel.querySelector('.tripp-toc');
      toc.dataset.full = '';
      toc.innerHTML = tocHtml(steps, false, n || 0);
      if (title) panel.querySelector('.tripp-story-h1').innerHTML = title;
      go(n || 0);
    };
    story.present = setPresent;
    state.story = story;
    map.whenReady(function () {
      layout();
      var wanted = T.parseHash(ownsPage && root.location ? root.location.hash : '');
      if (wanted.present) {
        present = true;
        root.document.documentElement.classList.add('tripp-presenting');
        map.invalidateSize();
        layout();
      }
      T.call(map, 'beforeStory', story, wanted);
      show(wanted.step === null ? 0 : wanted.step, true);
      if (wanted.step !== null) writeHash();
    });
    return story;
  };
})(typeof window !== 'undefined' ? window : globalThis);
