'use strict';
// The search page. State (query and tag filters) lives in the URL: /?q=...&tag=...&tag=...
// Corpus text is only ever inserted as text; <mark> is the one element rebuilt from snippets.
(function () {
  const PAGE = 10;
  const $ = function (id) { return document.getElementById(id); };
  const form = $('search'), input = $('q'), list = $('suggestions');
  const status = $('status'), results = $('results'), more = $('more'), empty = $('empty');
  const correction = $('correction'), filters = $('filters'), chips = $('chips'), groupsBox = $('facet-groups');
  const reader = $('reader'), readerTitle = $('reader-title'), readerSource = $('reader-source'), readerText = $('reader-text');
  const readerPrev = $('reader-prev'), readerNext = $('reader-next'), readerClose = $('reader-close');

  let state = { q: '', tags: [] };
  let offset = 0, searchSeq = 0, tagGroups = null, tagLabels = {};
  let reading = { id: null, previous: null, next: null, opener: null };

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }

  function api(path) {
    return fetch(path, { headers: { Accept: 'application/json' } }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (body) {
        if (!r.ok) throw new Error(body && body.error ? body.error : 'the service answered ' + r.status);
        return body;
      });
    }, function () { throw new Error('the search service did not answer; check your connection and try again'); });
  }

  // ---- URL state ----
  function readUrl() {
    const p = new URLSearchParams(location.search);
    return { q: (p.get('q') || '').trim(), tags: p.getAll('tag').filter(Boolean) };
  }
  function urlFor(s) {
    const p = new URLSearchParams();
    if (s.q) p.set('q', s.q);
    s.tags.forEach(function (t) { p.append('tag', t); });
    const qs = p.toString();
    return '/' + (qs ? '?' + qs : '');
  }
  function go(s) {
    state = { q: s.q, tags: s.tags.slice() };
    if (urlFor(state) !== location.pathname + location.search) history.pushState(null, '', urlFor(state));
    run();
  }

  // ---- snippets ----
  function snippetNode(html) {
    const p = el('p', null, 'snippet');
    const doc = new DOMParser().parseFromString('<body>' + html + '</body>', 'text/html');
    doc.body.childNodes.forEach(function (n) {
      if (n.nodeType === Node.ELEMENT_NODE && n.nodeName === 'MARK') p.appendChild(el('mark', n.textContent));
      else p.appendChild(document.createTextNode(n.textContent));
    });
    return p;
  }

  function today() { return new Date().toISOString().slice(0, 10); }

  function sourceLine(source, headings, section) {
    const p = el('p', null, 'source');
    p.appendChild(el('strong', source.publisher || 'Publisher not stated', 'publisher'));
    p.appendChild(document.createTextNode(' · '));
    p.appendChild(el('cite', source.title || source.id, 'title'));
    const path = headings && headings.length ? headings.join(' › ') : section;
    if (path) { p.appendChild(document.createTextNode(' · ')); p.appendChild(el('span', path, 'section')); }
    const date = source.updated ? 'Updated ' + source.updated : source.reviewed ? 'Reviewed ' + source.reviewed : 'Date not stated';
    p.appendChild(document.createTextNode(' · '));
    p.appendChild(el('span', date, 'date'));
    if (source.updated && source.reviewed) p.appendChild(el('span', ' · Reviewed ' + source.reviewed, 'date'));
    const frag = document.createDocumentFragment();
    frag.appendChild(p);
    if (source.nextReview && source.nextReview < today()) {
      frag.appendChild(el('p', 'Review date passed: ' + source.nextReview + '. This page may be out of date.', 'review-passed'));
    }
    return frag;
  }

  function tagLabel(id) { return tagLabels[id] || id; }

  // ---- search ----
  function run() {
    closeSuggestions();
    closeReader(false);
    input.value = state.q;
    offset = 0;
    results.replaceChildren();
    more.hidden = true; empty.hidden = true; correction.hidden = true;
    renderChips();
    if (!state.q) {
      status.textContent = state.tags.length ? 'Type some words to search within the chosen filters.' : '';
      filters.hidden = !state.tags.length;
      groupsBox.replaceChildren();
      return;
    }
    fetchPage(true);
  }

  function fetchPage(first) {
    const seq = ++searchSeq;
    const p = new URLSearchParams({ q: state.q, limit: String(PAGE), offset: String(offset) });
    state.tags.forEach(function (t) { p.append('tag', t); });
    status.className = '';
    status.textContent = first ? 'Searching…' : 'Loading more results…';
    more.disabled = true;
    const answered = api('/api/search?' + p).then(function (body) { performance.mark('search-answered'); return body; });
    Promise.all([answered, loadTags()]).then(function (r) {
      if (seq !== searchSeq) return;
      render(r[0], first);
      // Time from the API's answer to the results painted, for the browser benchmark.
      requestAnimationFrame(function () {
        performance.mark('results-painted');
        performance.measure('results-paint', 'search-answered', 'results-painted');
      });
    }).catch(function (e) {
      if (seq !== searchSeq) return;
      if (first) results.replaceChildren();
      more.hidden = true;
      status.textContent = 'The search could not be done: ' + e.message + '.';
      status.className = 'error';
    }).finally(function () { more.disabled = false; });
  }

  function render(data, first) {
    status.className = '';
    if (first) renderFacets(data.facets || { tags: {} });
    if (data.corrected && first) {
      correction.replaceChildren(document.createTextNode('Showing results for '), el('strong', data.corrected), document.createTextNode('. '));
      const a = el('a', 'Search for “' + data.query + '” instead', 'original');
      a.href = urlFor({ q: data.query, tags: state.tags });
      a.addEventListener('click', function (e) { e.preventDefault(); go({ q: data.query, tags: state.tags }); });
      correction.appendChild(a);
      correction.hidden = false;
    }
    const shownQuery = data.corrected || data.query;
    if (data.total === 0) {
      status.textContent = 'No passages match “' + shownQuery + '”' + (state.tags.length ? ' with the chosen filters' : '') + '.';
      renderEmpty();
      return;
    }
    data.hits.forEach(function (hit) { results.appendChild(hitNode(hit)); });
    offset += data.hits.length;
    const shown = results.children.length;
    status.textContent = data.total + (data.total === 1 ? ' passage matches' : ' passages match') + ' “' + shownQuery + '”'
      + (state.tags.length ? ' with filter ' + state.tags.map(tagLabel).join(', ') : '')
      + '. Showing ' + shown + '.';
    more.hidden = shown >= data.total || data.hits.length === 0;
  }

  function renderEmpty() {
    empty.replaceChildren(el('p', 'Nothing was found. You could:', 'lead'));
    const ul = el('ul');
    ul.appendChild(el('li', 'use fewer words, or more general ones (for example a drug name or “side effects”);'));
    ul.appendChild(el('li', 'check the spelling;'));
    state.tags.forEach(function (t) {
      const li = el('li', 'remove the tag filter ');
      const b = el('button', tagLabel(t), 'link');
      b.type = 'button';
      b.addEventListener('click', function () { removeTag(t); });
      li.appendChild(b);
      ul.appendChild(li);
    });
    if (state.tags.length) ul.lastChild.appendChild(document.createTextNode('.'));
    empty.appendChild(ul);
    empty.hidden = false;
  }

  function hitNode(hit) {
    const li = el('li', null, 'hit');
    li.dataset.id = hit.id;
    li.appendChild(snippetNode(hit.snippet));
    li.appendChild(sourceLine(hit.source, hit.headings, hit.section));
    const b = el('button', 'Read in context', 'secondary read');
    b.type = 'button';
    b.setAttribute('aria-controls', 'reader');
    b.setAttribute('aria-expanded', 'false');
    b.addEventListener('click', function () {
      if (reading.opener === b && !reader.hidden) { closeReader(true); return; }
      openReader(hit.id, b);
    });
    li.appendChild(b);
    return li;
  }

  more.addEventListener('click', function () { fetchPage(false); });

  // ---- tags and filters ----
  function loadTags() {
    if (tagGroups) return Promise.resolve(tagGroups);
    return api('/api/tags').then(function (d) {
      tagGroups = d.groups || [];
      tagGroups.forEach(function (g) { g.tags.forEach(function (t) { tagLabels[t.id] = t.label; }); });
      return tagGroups;
    }, function () { tagGroups = []; return tagGroups; });
  }

  function addTag(t) { if (state.tags.indexOf(t) < 0) go({ q: state.q, tags: state.tags.concat([t]) }); }
  function removeTag(t) { go({ q: state.q, tags: state.tags.filter(function (x) { return x !== t; }) }); }

  function renderChips() {
    chips.replaceChildren();
    state.tags.forEach(function (t) {
      const b = el('button', null, 'chip');
      b.type = 'button';
      b.dataset.tag = t;
      b.appendChild(el('span', tagLabel(t)));
      b.appendChild(el('span', '×', 'x'));
      b.setAttribute('aria-label', 'Remove filter: ' + tagLabel(t));
      b.addEventListener('click', function () { removeTag(t); });
      chips.appendChild(b);
    });
  }

  function renderFacets(facets) {
    renderChips();
    groupsBox.replaceChildren();
    const counts = facets.tags || {};
    (tagGroups || []).forEach(function (g) {
      const active = g.tags.some(function (t) { return state.tags.indexOf(t.id) >= 0; });
      if (g.setAside && !active) return;
      const items = g.tags.filter(function (t) { return counts[t.id] > 0 && state.tags.indexOf(t.id) < 0; });
      if (!items.length) return;
      const box = el('div', null, 'facet-group');
      const h = el('h3', g.label);
      h.id = 'group-' + g.id;
      box.appendChild(h);
      const ul = el('ul');
      ul.setAttribute('aria-labelledby', h.id);
      items.forEach(function (t) {
        const li = el('li');
        const b = el('button', null, 'facet');
        b.type = 'button';
        b.dataset.tag = t.id;
        b.appendChild(el('span', t.label));
        b.appendChild(el('span', String(counts[t.id]), 'count'));
        b.setAttribute('aria-label', 'Filter by ' + t.label + ', ' + counts[t.id] + (counts[t.id] === 1 ? ' passage' : ' passages'));
        b.addEventListener('click', function () { addTag(t.id); });
        li.appendChild(b);
        ul.appendChild(li);
      });
      box.appendChild(ul);
      groupsBox.appendChild(box);
    });
    filters.hidden = !groupsBox.children.length && !state.tags.length;
  }

  // ---- passage in context ----
  function passagePath(id) { return '/api/passages/' + id.split('/').map(encodeURIComponent).join('/'); }

  function openReader(id, opener) {
    if (opener) {
      if (reading.opener && reading.opener !== opener) reading.opener.setAttribute('aria-expanded', 'false');
      reading.opener = opener;
      opener.setAttribute('aria-expanded', 'true');
      opener.closest('li').appendChild(reader);
    }
    reader.hidden = false;
    reader.setAttribute('aria-busy', 'true');
    readerText.replaceChildren(el('p', 'Loading the passage…'));
    const asked = id;
    reading.id = id;
    api(passagePath(id)).then(function (d) {
      if (reading.id !== asked) return;
      reading.previous = d.previous || null;
      reading.next = d.next || null;
      reader.dataset.id = d.passage.id;
      readerSource.replaceChildren(sourceLine(d.source, d.passage.headings, d.passage.section));
      const c = d.context || { before: '', text: d.passage.text, after: '' };
      readerText.replaceChildren();
      if (c.before) readerText.appendChild(el('span', c.before, 'before'));
      const mark = readerText.appendChild(el('mark', c.text, 'passage'));
      if (c.after) readerText.appendChild(el('span', c.after, 'after'));
      readerText.scrollTop = Math.max(0, mark.offsetTop - 8);
      readerPrev.disabled = !reading.previous;
      readerNext.disabled = !reading.next;
      const f = document.activeElement;
      if (!f || f === document.body || f.disabled) readerTitle.focus();
    }).catch(function (e) {
      if (reading.id !== asked) return;
      readerText.replaceChildren(el('p', 'The passage could not be shown: ' + e.message + '.', 'error'));
    }).finally(function () { reader.removeAttribute('aria-busy'); });
    if (opener) readerTitle.focus();
  }

  function closeReader(restoreFocus) {
    if (reader.hidden) return;
    reader.hidden = true;
    reading.id = null;
    const opener = reading.opener;
    reading.opener = null;
    if (opener) {
      opener.setAttribute('aria-expanded', 'false');
      if (restoreFocus && document.contains(opener)) opener.focus();
    }
    document.querySelector('main').appendChild(reader);
  }

  readerPrev.addEventListener('click', function () { if (reading.previous) openReader(reading.previous, null); });
  readerNext.addEventListener('click', function () { if (reading.next) openReader(reading.next, null); });
  readerClose.addEventListener('click', function () { closeReader(true); });
  reader.addEventListener('keydown', function (e) { if (e.key === 'Escape') { e.preventDefault(); closeReader(true); } });

  // ---- suggestions (ARIA combobox) ----
  let suggestTimer = 0, suggestSeq = 0, active = -1;

  function options() { return Array.prototype.slice.call(list.querySelectorAll('[role=option]')); }

  function closeSuggestions() {
    clearTimeout(suggestTimer);
    suggestSeq++;
    list.hidden = true;
    list.replaceChildren();
    active = -1;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  }

  function setActive(i) {
    const opts = options();
    if (!opts.length) return;
    active = (i + opts.length) % opts.length;
    opts.forEach(function (o, k) { o.setAttribute('aria-selected', k === active ? 'true' : 'false'); });
    input.setAttribute('aria-activedescendant', opts[active].id);
    opts[active].scrollIntoView({ block: 'nearest' });
  }

  function choose(text) {
    closeSuggestions();
    input.value = text;
    go({ q: text.trim(), tags: state.tags });
  }

  function showSuggestions(items) {
    list.replaceChildren();
    active = -1;
    input.removeAttribute('aria-activedescendant');
    items.forEach(function (s, i) {
      const li = el('li', null, 'option');
      li.id = 'suggestion-' + i;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', 'false');
      li.appendChild(el('span', s.text));
      if (s.kind) li.appendChild(el('span', s.kind, 'kind'));
      li.addEventListener('mousedown', function (e) { e.preventDefault(); });
      li.addEventListener('click', function () { choose(s.text); });
      list.appendChild(li);
    });
    list.hidden = !items.length;
    input.setAttribute('aria-expanded', items.length ? 'true' : 'false');
  }

  input.addEventListener('input', function () {
    clearTimeout(suggestTimer);
    const q = input.value.trim();
    const seq = ++suggestSeq;
    if (q.length < 2) { closeSuggestions(); return; }
    suggestTimer = setTimeout(function () {
      api('/api/suggest?' + new URLSearchParams({ q: q, limit: '8' })).then(function (d) {
        if (seq === suggestSeq && document.activeElement === input) showSuggestions(d.suggestions || []);
      }).catch(function () { /* suggestions are optional */ });
    }, 120);
  });

  input.addEventListener('keydown', function (e) {
    const open = !list.hidden;
    if (e.key === 'ArrowDown') { if (open) { e.preventDefault(); setActive(active + 1); } }
    else if (e.key === 'ArrowUp') { if (open) { e.preventDefault(); setActive(active - 1); } }
    else if (e.key === 'Enter') {
      if (open && active >= 0) { e.preventDefault(); choose(options()[active].firstChild.textContent); }
    } else if (e.key === 'Escape') { if (open) { e.preventDefault(); closeSuggestions(); } }
  });
  input.addEventListener('blur', function () { closeSuggestions(); });

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    const q = input.value.trim();
    if (!q) { status.textContent = 'Type some words to search for.'; input.focus(); return; }
    go({ q: q, tags: state.tags });
  });

  window.addEventListener('popstate', function () { state = readUrl(); run(); });

  state = readUrl();
  if (state.tags.length) loadTags().then(renderChips);
  run();
})();
