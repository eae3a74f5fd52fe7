'use strict';
// The search page. State lives in the URL: /?q=...&tag=...&source=...&passage=... (the passage open in context).
// Corpus text is only ever inserted as text nodes; <mark> is the one element rebuilt from snippets. What the page
// changes is display only: lines and the source's own bullet lists become paragraphs and lists (every character
// kept), and a heading's trailing citation digit is left out of the heading shown in a source line.
(function () {
  const PAGE = 10;
  const $ = function (id) { return document.getElementById(id); };
  const form = $('search'), input = $('q'), list = $('suggestions');
  const status = $('status'), results = $('results'), more = $('more'), empty = $('empty');
  const correction = $('correction'), coverageNote = $('coverage'), filters = $('filters'), chips = $('chips'), groupsBox = $('facet-groups');
  const filtersToggle = $('filters-toggle'), filtersTitle = $('filters-title'), resultsArea = $('results-area');
  const reader = $('reader'), readerTitle = $('reader-title'), readerSource = $('reader-source'), readerText = $('reader-text');
  const readerPrev = $('reader-prev'), readerNext = $('reader-next'), readerClose = $('reader-close'), readerLink = $('reader-link');

  let state = { q: '', tags: [], sources: [], passage: null };
  let offset = 0, searchSeq = 0, tagGroups = null, tagLabels = {}, sourceDocs = null;
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
    return { q: (p.get('q') || '').trim(), tags: p.getAll('tag').filter(Boolean), sources: p.getAll('source').filter(Boolean),
      passage: p.get('passage') || null };
  }
  function urlFor(s) {
    const p = new URLSearchParams();
    if (s.q) p.set('q', s.q);
    s.tags.forEach(function (t) { p.append('tag', t); });
    (s.sources || []).forEach(function (t) { p.append('source', t); });
    if (s.passage) p.set('passage', s.passage);
    const qs = p.toString();
    return '/' + (qs ? '?' + qs : '');
  }
  function go(s) {
    state = { q: s.q, tags: s.tags.slice(), sources: (s.sources || []).slice(), passage: null };
    if (urlFor(state) !== location.pathname + location.search) history.pushState(null, '', urlFor(state));
    run();
  }
  /** The passage open in context is part of the address (replaced, not a new history entry): it can be shared. */
  function passageInUrl(id) {
    state.passage = id;
    if (urlFor(state) !== location.pathname + location.search) history.replaceState(null, '', urlFor(state));
    readerLink.href = urlFor(state);
  }

  // ---- text as lines, paragraphs and the source's own lists (display only) ----
  const BULLET = /^\s*[•◦▪‣●○■*–-]\s+/;

  /** Segments ({text, mark}) cut into lines at the source's line breaks. */
  function linesOf(segments) {
    const lines = [[]];
    segments.forEach(function (seg) {
      seg.text.split('\n').forEach(function (part, i) {
        if (i > 0) lines.push([]);
        if (part) lines[lines.length - 1].push({ text: part, mark: seg.mark });
      });
    });
    return lines;
  }

  /** Appends the segments as blocks: a run of lines that start with a bullet is a list, any other line a paragraph. */
  function appendBlocks(parent, segments) {
    let ul = null;
    linesOf(segments).forEach(function (line) {
      const text = line.map(function (s) { return s.text; }).join('');
      if (!text.trim()) { ul = null; return; }
      const bullet = text.match(BULLET);
      let block;
      if (bullet) {
        if (!ul) ul = parent.appendChild(el('ul', null, 'text-list'));
        block = ul.appendChild(el('li'));
        // The source's own bullet stays in the text, shown as the marker and not read out twice.
        block.appendChild(el('span', bullet[0], 'bullet')).setAttribute('aria-hidden', 'true');
        line = [{ text: line[0].text.slice(bullet[0].length), mark: line[0].mark }].concat(line.slice(1));
      } else {
        ul = null;
        block = parent.appendChild(el('p', null, 'line'));
      }
      line.forEach(function (s) {
        if (s.text) block.appendChild(s.mark ? el('mark', s.text) : document.createTextNode(s.text));
      });
    });
    return parent;
  }

  function snippetNode(html) {
    const doc = new DOMParser().parseFromString('<body>' + html + '</body>', 'text/html');
    const segments = [];
    doc.body.childNodes.forEach(function (n) {
      segments.push({ text: n.textContent, mark: n.nodeType === Node.ELEMENT_NODE && n.nodeName === 'MARK' });
    });
    return appendBlocks(el('div', null, 'snippet'), segments);
  }

  // ---- where a passage comes from ----
  function today() { return new Date().toISOString().slice(0, 10); }

  /** A heading as shown: without a citation number glued to its last word ("Side effects3"). */
  function headingText(h) { return h.replace(/(\p{Ll}|\))\d{1,2}$/u, '$1'); }

  /** The original page's address, only when it is a web address (never javascript: or data:). */
  function webAddress(url) {
    if (!url) return null;
    try {
      const u = new URL(url);
      return u.protocol === 'https:' || u.protocol === 'http:' ? u : null;
    } catch (e) { return null; }
  }

  function sourceLine(source, headings, section) {
    const p = el('p', null, 'source');
    p.appendChild(el('strong', source.publisher || 'Publisher not stated', 'publisher'));
    p.appendChild(document.createTextNode(' · '));
    const cite = p.appendChild(el('cite', null, 'title'));
    const original = webAddress(source.url);
    if (original) {
      const a = cite.appendChild(el('a', source.title || source.id, 'original'));
      a.href = original.href;
      a.rel = 'noopener noreferrer';
      p.appendChild(el('span', ' (' + original.hostname + ')', 'host'));
    } else {
      cite.textContent = source.title || source.id;
    }
    const path = headings && headings.length ? headings.map(headingText).join(' › ') : section ? headingText(section) : '';
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

  /** A source by its publisher, or by publisher and title where a publisher has several. */
  function sourceLabel(id) {
    const d = (sourceDocs || []).find(function (x) { return x.id === id; });
    if (!d) return id;
    const shared = d.publisher && sourceDocs.filter(function (x) { return x.publisher === d.publisher; }).length > 1;
    return d.publisher ? (shared ? d.publisher + ': ' + (d.title || d.id) : d.publisher) : (d.title || d.id);
  }

  function activeFilters() { return state.tags.length + state.sources.length; }

  function filterWords() {
    return state.tags.map(tagLabel).concat(state.sources.map(sourceLabel)).join(', ');
  }

  // ---- search ----
  function run() {
    closeSuggestions();
    closeReader(false);
    input.value = state.q;
    offset = 0;
    results.replaceChildren();
    more.hidden = true; empty.hidden = true; correction.hidden = true; coverageNote.hidden = true;
    renderChips();
    if (!state.q) {
      status.textContent = activeFilters() ? 'Type some words to search within the chosen filters.' : '';
      filters.hidden = !activeFilters();
      groupsBox.replaceChildren();
      if (state.passage) openFromUrl(state.passage);
      return;
    }
    fetchPage(true);
  }

  function fetchPage(first) {
    const seq = ++searchSeq;
    const p = new URLSearchParams({ q: state.q, limit: String(PAGE), offset: String(offset) });
    state.tags.forEach(function (t) { p.append('tag', t); });
    state.sources.forEach(function (s) { p.append('source', s); });
    status.className = '';
    status.textContent = first ? 'Searching…' : 'Loading more results…';
    more.disabled = true;
    const answered = api('/api/search?' + p).then(function (body) { performance.mark('search-answered'); return body; });
    Promise.all([answered, loadTags(), loadSources()]).then(function (r) {
      if (seq !== searchSeq) return;
      render(r[0], first);
      if (first && state.passage) openFromUrl(state.passage);
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
    if (first) renderFacets(data.facets || { tags: {}, source: {} });
    if (data.corrected && first) {
      correction.replaceChildren(document.createTextNode('Showing results for '), el('strong', data.corrected), document.createTextNode('. '));
      const a = el('a', 'Search for “' + data.query + '” instead', 'original');
      const instead = { q: data.query, tags: state.tags, sources: state.sources };
      a.href = urlFor(instead);
      a.addEventListener('click', function (e) { e.preventDefault(); go(instead); });
      correction.appendChild(a);
      correction.hidden = false;
    }
    // No passage mentions every concept of the query: said before any hit, so no hit is read as the answer to all.
    if (first && data.coverage && data.coverage.message) {
      coverageNote.textContent = data.coverage.message;
      coverageNote.hidden = false;
    }
    const shownQuery = data.corrected || data.query;
    if (data.total === 0) {
      status.textContent = 'No passages match “' + shownQuery + '”' + (activeFilters() ? ' with the chosen filters' : '') + '.';
      renderEmpty();
      return;
    }
    data.hits.forEach(function (hit) { results.appendChild(hitNode(hit)); });
    offset += data.hits.length;
    const shown = results.children.length;
    status.textContent = data.total + (data.total === 1 ? ' passage matches' : ' passages match') + ' “' + shownQuery + '”'
      + (activeFilters() ? ' with filter ' + filterWords() : '')
      + '. Showing ' + shown + '.';
    more.hidden = shown >= data.total || data.hits.length === 0;
  }

  function renderEmpty() {
    empty.replaceChildren(el('p', 'Nothing was found. You could:', 'lead'));
    const ul = el('ul');
    ul.appendChild(el('li', 'use fewer words, or more general ones (for example a drug name or “side effects”);'));
    ul.appendChild(el('li', 'check the spelling;'));
    function removal(label, words, remove) {
      const li = el('li', words + ' ');
      const b = el('button', label, 'link');
      b.type = 'button';
      b.addEventListener('click', remove);
      li.appendChild(b);
      ul.appendChild(li);
    }
    state.tags.forEach(function (t) { removal(tagLabel(t), 'remove the tag filter', function () { removeTag(t); }); });
    state.sources.forEach(function (s) { removal(sourceLabel(s), 'remove the source filter', function () { removeSource(s); }); });
    if (activeFilters()) ul.lastChild.appendChild(document.createTextNode('.'));
    empty.appendChild(ul);
    empty.hidden = false;
  }

  function hitNode(hit) {
    const li = el('li', null, 'hit');
    li.dataset.id = hit.id;
    li.appendChild(snippetNode(hit.snippet));
    const missing = missingNode(hit.coverage);
    if (missing) li.appendChild(missing);
    li.appendChild(sourceLine(hit.source, hit.headings, hit.section));
    const b = el('button', 'Read in context', 'secondary read');
    b.type = 'button';
    b.setAttribute('aria-controls', 'reader');
    b.setAttribute('aria-expanded', 'false');
    b.addEventListener('click', function () {
      if (reading.opener === b && !reader.hidden) { closeReader(true); passageInUrl(null); return; }
      openReader(hit.id, b);
    });
    li.appendChild(b);
    return li;
  }

  /** What of the query a hit does not mention ("Doesn't mention: imatinib"), with a drug's class it is about; null when it mentions all. */
  function missingNode(coverage) {
    if (!coverage || !coverage.missing || !coverage.missing.length) return null;
    const p = el('p', coverage.byMeaning ? 'Found by meaning. ' : null, 'missing');
    p.appendChild(document.createTextNode('Doesn’t mention: '));
    coverage.missing.forEach(function (concept, i) {
      if (i) p.appendChild(document.createTextNode(', '));
      p.appendChild(el('strong', concept));
      const byClass = (coverage.matched || []).find(function (m) { return m.by === 'class' && m.concept === concept; });
      if (byClass && byClass.via) p.appendChild(document.createTextNode(' (it is about its class: ' + byClass.via + ')'));
    });
    return p;
  }

  more.addEventListener('click', function () { fetchPage(false); });

  // ---- tags, sources and the filter panel ----
  function loadTags() {
    if (tagGroups) return Promise.resolve(tagGroups);
    return api('/api/tags').then(function (d) {
      tagGroups = d.groups || [];
      tagGroups.forEach(function (g) { g.tags.forEach(function (t) { tagLabels[t.id] = t.label; }); });
      return tagGroups;
    }, function () { tagGroups = []; return tagGroups; });
  }

  function loadSources() {
    if (sourceDocs) return Promise.resolve(sourceDocs);
    return api('/api/documents?limit=100').then(function (d) {
      sourceDocs = (d.documents || []).map(function (x) { return x.source; });
      return sourceDocs;
    }, function () { sourceDocs = []; return sourceDocs; });
  }

  function refine(change) {
    setFiltersOpen(false);
    go(Object.assign({ q: state.q, tags: state.tags, sources: state.sources }, change));
  }
  function addTag(t) { if (state.tags.indexOf(t) < 0) refine({ tags: state.tags.concat([t]) }); }
  function removeTag(t) { refine({ tags: state.tags.filter(function (x) { return x !== t; }) }); }
  function addSource(s) { if (state.sources.indexOf(s) < 0) refine({ sources: state.sources.concat([s]) }); }
  function removeSource(s) { refine({ sources: state.sources.filter(function (x) { return x !== s; }) }); }

  /** Narrow screens show the filters folded under a button, so that the results come first. */
  function setFiltersOpen(open) {
    filters.classList.toggle('open', open);
    filtersToggle.setAttribute('aria-expanded', open ? 'true' : 'false');
    filtersToggle.textContent = open ? 'Hide filters' : 'Show filters';
  }
  filtersToggle.addEventListener('click', function () { setFiltersOpen(!filters.classList.contains('open')); });

  function renderChips() {
    chips.replaceChildren();
    function chip(label, what, data, remove) {
      const b = el('button', null, 'chip');
      b.type = 'button';
      Object.assign(b.dataset, data);
      b.appendChild(el('span', 'Remove ' + what + ' filter: ', 'visually-hidden'));
      b.appendChild(el('span', label));
      b.appendChild(el('span', '×', 'x')).setAttribute('aria-hidden', 'true');
      b.addEventListener('click', remove);
      chips.appendChild(el('li')).appendChild(b);
    }
    state.tags.forEach(function (t) { chip(tagLabel(t), 'tag', { tag: t }, function () { removeTag(t); }); });
    state.sources.forEach(function (s) { chip(sourceLabel(s), 'source', { source: s }, function () { removeSource(s); }); });
    chips.hidden = !chips.children.length;
    const n = activeFilters();
    filtersTitle.textContent = n ? 'Filters (' + n + ' active)' : 'Filters';
  }

  /** One group of filter buttons, each with its label and how many passages it would leave. */
  function facetGroup(id, label, items, add) {
    const box = el('div', null, 'facet-group');
    const h = el('h3', label);
    h.id = 'group-' + id;
    box.appendChild(h);
    const ul = el('ul');
    ul.setAttribute('aria-labelledby', h.id);
    items.forEach(function (item) {
      const b = el('button', null, 'facet');
      b.type = 'button';
      Object.assign(b.dataset, item.data);
      b.appendChild(el('span', item.label, 'label'));
      const count = b.appendChild(el('span', String(item.count), 'count'));
      count.appendChild(el('span', item.count === 1 ? ' passage' : ' passages', 'visually-hidden'));
      b.addEventListener('click', function () { add(item.id); });
      ul.appendChild(el('li')).appendChild(b);
    });
    box.appendChild(ul);
    groupsBox.appendChild(box);
  }

  function renderFacets(facets) {
    renderChips();
    groupsBox.replaceChildren();
    const bySource = facets.source || {};
    const sources = Object.keys(bySource).filter(function (s) { return bySource[s] > 0 && state.sources.indexOf(s) < 0; });
    if (sources.length) {
      facetGroup('source', 'Source', sources.map(function (s) {
        return { id: s, label: sourceLabel(s), count: bySource[s], data: { source: s } };
      }), addSource);
    }
    const counts = facets.tags || {};
    (tagGroups || []).forEach(function (g) {
      const active = g.tags.some(function (t) { return state.tags.indexOf(t.id) >= 0; });
      if (g.setAside && !active) return;
      const items = g.tags.filter(function (t) { return counts[t.id] > 0 && state.tags.indexOf(t.id) < 0; });
      if (!items.length) return;
      facetGroup(g.id, g.label, items.map(function (t) {
        return { id: t.id, label: t.label, count: counts[t.id], data: { tag: t.id } };
      }), addTag);
    });
    filters.hidden = !groupsBox.children.length && !activeFilters();
    filtersToggle.hidden = !groupsBox.children.length;
  }

  // ---- passage in context ----
  function passagePath(id) { return '/api/passages/' + id.split('/').map(encodeURIComponent).join('/'); }

  /** Opens the passage an address names: in its result when it is one, else above the results. */
  function openFromUrl(id) {
    const hit = Array.prototype.find.call(results.children, function (li) { return li.dataset.id === id; });
    if (!hit) resultsArea.insertBefore(reader, results);
    openReader(id, hit ? hit.querySelector('button.read') : null);
    readerTitle.focus();
  }

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
    passageInUrl(id);
    api(passagePath(id)).then(function (d) {
      if (reading.id !== asked) return;
      reading.previous = d.previous || null;
      reading.next = d.next || null;
      reader.dataset.id = d.passage.id;
      readerSource.replaceChildren(sourceLine(d.source, d.passage.headings, d.passage.section));
      const c = d.context || { before: '', text: d.passage.text, after: '' };
      readerText.replaceChildren();
      if (c.before) readerText.appendChild(appendBlocks(el('div', null, 'before'), [{ text: c.before }]));
      const passage = readerText.appendChild(appendBlocks(el('div', null, 'passage'), [{ text: c.text }]));
      if (c.after) readerText.appendChild(appendBlocks(el('div', null, 'after'), [{ text: c.after }]));
      readerText.scrollTop = Math.max(0, passage.offsetTop - 8);
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

  /** Closes the reader; its address stays until the reader says otherwise (a new search drops it). */
  function closeReader(restoreFocus) {
    if (reader.hidden) return;
    reader.hidden = true;
    reading.id = null;
    delete reader.dataset.id;
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
  readerClose.addEventListener('click', function () { closeReader(true); passageInUrl(null); });
  reader.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') { e.preventDefault(); closeReader(true); passageInUrl(null); }
  });

  // ---- suggestions (ARIA combobox) ----
  let suggestTimer = 0, suggestSeq = 0, active = -1, shown = [];

  function options() { return Array.prototype.slice.call(list.querySelectorAll('[role=option]')); }

  function closeSuggestions() {
    clearTimeout(suggestTimer);
    suggestSeq++;
    list.hidden = true;
    list.replaceChildren();
    shown = [];
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

  /** A tag suggestion filters the current search (or a search for its words, when there is none yet); any other searches its text. */
  function choose(s) {
    closeSuggestions();
    const sources = state.sources;
    if (s.kind === 'tag' && s.tag) {
      const q = state.q || s.text.trim();
      input.value = q;
      go({ q: q, tags: state.tags.indexOf(s.tag) < 0 ? state.tags.concat([s.tag]) : state.tags, sources: sources });
      return;
    }
    input.value = s.text;
    go({ q: s.text.trim(), tags: state.tags, sources: sources });
  }

  function showSuggestions(items) {
    list.replaceChildren();
    shown = items;
    active = -1;
    input.removeAttribute('aria-activedescendant');
    items.forEach(function (s, i) {
      const li = el('li', null, 'option');
      li.id = 'suggestion-' + i;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', 'false');
      li.appendChild(el('span', s.text));
      if (s.kind) li.appendChild(el('span', s.kind === 'tag' && s.tag ? 'tag filter' : s.kind, 'kind'));
      li.addEventListener('mousedown', function (e) { e.preventDefault(); });
      li.addEventListener('click', function () { choose(s); });
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
      if (open && active >= 0) { e.preventDefault(); choose(shown[active]); }
    } else if (e.key === 'Escape') { if (open) { e.preventDefault(); closeSuggestions(); } }
  });
  input.addEventListener('blur', function () { closeSuggestions(); });

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    const q = input.value.trim();
    if (!q) { status.textContent = 'Type some words to search for.'; input.focus(); return; }
    go({ q: q, tags: state.tags, sources: state.sources });
  });

  window.addEventListener('popstate', function () { state = readUrl(); run(); });

  state = readUrl();
  if (activeFilters()) Promise.all([loadTags(), loadSources()]).then(renderChips);
  run();
})();
