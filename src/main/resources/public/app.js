'use strict';
// The search page: reads ?q= from the URL, asks /api/search, renders results as text.
// Corpus text is only ever inserted as text; <mark> is the one element rebuilt from snippets.
(function () {
  const form = document.getElementById('search');
  const input = document.getElementById('q');
  const status = document.getElementById('status');
  const results = document.getElementById('results');

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }

  // Rebuilds a snippet from the server's escaped HTML, keeping only <mark> and text.
  function snippetNode(html) {
    const p = el('p', null, 'snippet');
    const doc = new DOMParser().parseFromString('<body>' + html + '</body>', 'text/html');
    doc.body.childNodes.forEach(function (n) {
      if (n.nodeType === Node.ELEMENT_NODE && n.nodeName === 'MARK') p.appendChild(el('mark', n.textContent));
      else p.appendChild(document.createTextNode(n.textContent));
    });
    return p;
  }

  function render(data) {
    results.replaceChildren();
    if (data.total === 0) {
      status.textContent = 'No passages match "' + data.query + '". Try fewer or different words.';
      return;
    }
    status.textContent = data.total + (data.total === 1 ? ' passage matches' : ' passages match') + ' "' + data.query + '".';
    data.hits.forEach(function (hit) {
      const li = el('li');
      li.appendChild(snippetNode(hit.snippet));
      const src = el('p', null, 'source');
      src.appendChild(el('strong', hit.source.publisher || 'Publisher not stated'));
      src.appendChild(document.createTextNode(' · ' + hit.source.title + (hit.headings.length ? ' › ' + hit.headings.join(' › ') : '')));
      const date = hit.source.updated ? 'updated ' + hit.source.updated : hit.source.reviewed ? 'reviewed ' + hit.source.reviewed : '';
      if (date) src.appendChild(document.createTextNode(' · ' + date));
      li.appendChild(src);
      results.appendChild(li);
    });
  }

  function search(q) {
    if (!q) { results.replaceChildren(); status.textContent = ''; return; }
    status.textContent = 'Searching…';
    fetch('/api/search?q=' + encodeURIComponent(q))
      .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
      .then(function (r) {
        if (!r.ok) { results.replaceChildren(); status.textContent = 'The search could not be done: ' + r.body.error; return; }
        render(r.body);
      })
      .catch(function () { results.replaceChildren(); status.textContent = 'The search service did not answer. Please try again.'; });
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    const q = input.value.trim();
    history.pushState(null, '', q ? '/?q=' + encodeURIComponent(q) : '/');
    search(q);
  });
  window.addEventListener('popstate', function () { input.value = new URLSearchParams(location.search).get('q') || ''; search(input.value); });
  input.value = new URLSearchParams(location.search).get('q') || '';
  search(input.value);
})();
