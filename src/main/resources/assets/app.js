// Redline editors' page: check a text, read diffs, follow stories. Hash routes:
// #/check, #/check/diff?match=id[&focus=shared] (the checked text against a match, kept in memory),
// #/diff?from=a&to=b[&fromVersion=&toVersion=][&view=inline][&focus=shared], #/stories[?q=&page=&multi=1],
// #/stories/{id}, #/stories/{id}/diff?from=1&to=2[&view=inline]. No build step and no external requests.

const app = document.getElementById('app');
const STEP_COLOURS = ['#dbe7fb', '#fde7c4', '#d7f0dc', '#f5d9ee', '#e3dcf8', '#d3eef0', '#f8dccf', '#ecefc9'];
const STEP_EDGES = ['#5b8de0', '#d9952a', '#3f9a57', '#c458a0', '#7d62cc', '#2f9aa3', '#d06a3c', '#9aa33a'];

// ---------- small helpers ----------

/** Builds an element: h('p', {class: 'x', onclick: f}, 'text', child). */
function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'testid') node.dataset.testid = value;
    // through the CSS object model: the Content-Security-Policy refuses inline style attributes
    else if (key === 'style') node.style.cssText = value;
    else node.setAttribute(key, value === true ? '' : value);
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  for (const child of children) node.append(child);
  return node;
}

const pct = (x) => `${Math.round((x ?? 0) * 100)}%`;
// one formatter for every date: toLocaleString builds a new one per call, which was most of the time spent
// drawing a long story (three dates per version)
const DATE_FORMAT = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const when = (iso) => (iso ? DATE_FORMAT.format(new Date(iso)) : '—');

// ---------- dates and sources ----------
// One date rule everywhere: a version's publication time when known, else when it was stored ("received").

const dateOf = (v) => v?.publishedAt ?? v?.ingestedAt ?? null;
const shownDate = (v) => (v?.publishedAt ? when(v.publishedAt) : v?.ingestedAt ? `${when(v.ingestedAt)} (received)` : null);

/** A stored address as a link only when it is a web one: no javascript: or data: links from stored input. */
function webUrl(url) {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch (e) {
    return null;
  }
}

/** "Reuters · 3 Nov 2017, 14:05", the outlet linked to the article when its address is a web one; null if none. */
function sourceLine(v, testid = 'source') {
  if (!v) return null;
  const href = webUrl(v.url);
  const name = v.source || (href ? new URL(href).host : null);
  const date = shownDate(v);
  if (!name && !date) return null;
  return h('span', { class: 'source muted small-print', testid },
    name ? (href ? h('a', { href, rel: 'noopener noreferrer', target: '_blank', testid: 'source-link' }, name) : name) : null,
    name && date ? ' · ' : null, date ? h('time', { datetime: dateOf(v) }, date) : null);
}

/** Whether a key press goes to a field, where n, p, j and k are letters rather than commands. */
function typing(e) {
  const t = e.target;
  return t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));
}

/**
 * A text's paragraphs cut where the service cut them: the API returns each text with its paragraph spans, so
 * that the page never splits text by rules of its own that could drift from the server's.
 */
function paragraphsAt(text, spans) {
  return (spans ?? []).map(({ start, end }) => text.slice(start, end));
}

function slug(text) {
  const base = text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 48);
  const d = new Date();
  const stamp = `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}`
    + `-${String(d.getHours()).padStart(2, '0')}${String(d.getMinutes()).padStart(2, '0')}${String(d.getSeconds()).padStart(2, '0')}`;
  return `${base || 'article'}-${stamp}`;
}

class ApiError extends Error {}

// ---------- API key ----------
// Where Redline is configured with API keys, the editor enters one once per tab: it is kept in sessionStorage
// (gone when the tab closes) and sent as X-Api-Key with every call.

const KEY_STORE = 'redline.apiKey';
let memoryKey = null; // for a browser that refuses sessionStorage

function apiKey() {
  try { return sessionStorage.getItem(KEY_STORE) || memoryKey; } catch (e) { return memoryKey; }
}

/** Shows the key form above the page, saying why: no key or a wrong one (401), or too low a role (403). */
function askForKey(status, message) {
  let panel = document.getElementById('key-panel');
  if (!panel) {
    const input = h('input', { type: 'password', id: 'key-input', testid: 'key-input', autocomplete: 'off', spellcheck: 'false' });
    const why = h('p', { class: 'muted', testid: 'key-why' });
    const form = h('form', { class: 'row', testid: 'key-form' },
      h('div', { class: 'grow' }, input),
      h('button', { type: 'submit', class: 'primary', testid: 'key-submit' }, 'Use this key'));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const key = input.value.trim();
      if (!key) return;
      try { sessionStorage.setItem(KEY_STORE, key); } catch (err) { /* storage off: the key lasts until reload */ }
      memoryKey = key;
      input.value = '';
      panel.hidden = true;
      retryAfterKey();
    });
    panel = h('section', { id: 'key-panel', class: 'card key-panel', testid: 'key-panel', 'aria-labelledby': 'key-title' },
      h('h2', { id: 'key-title' }, 'API key'),
      h('label', { for: 'key-input' }, 'Enter the API key you were given. It is kept in this tab only and sent with each request.'),
      why, form);
    app.before(panel);
  }
  panel.querySelector('[data-testid=key-why]').textContent = status === 403
    ? `Your key may not do this (${message}). Enter a key with more rights, or go on reading.`
    : apiKey() ? `The service did not accept the key (${message}).` : 'This Redline needs a key.';
  panel.hidden = false;
  if (status === 401) panel.querySelector('input').focus();
}

/** After a key is entered: views that only load data load again; the check form keeps its text for a new try. */
function retryAfterKey() {
  const hash = location.hash.replace(/^#/, '') || '/check';
  if (hash.startsWith('/check')) {
    document.querySelectorAll('[data-testid=check-result] [data-testid=error]').forEach((e) => e.remove());
    document.querySelector('[data-testid=check-submit]')?.focus();
  } else {
    route();
  }
}

/** Calls the API; a non-2xx answer becomes an ApiError whose message is the API's own, in words. */
async function api(path, body) {
  const init = body === undefined ? {} : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
  const key = apiKey();
  if (key) init.headers = { ...init.headers, 'X-Api-Key': key };
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    throw new ApiError('The service could not be reached. Is Redline running?');
  }
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch (e) { /* not JSON */ }
  if (!response.ok) {
    const message = json?.message || `the service answered ${response.status}`;
    if (response.status === 401 || response.status === 403) askForKey(response.status, message);
    const field = json?.field ? ` (field “${json.field}”)` : '';
    throw new ApiError(`${message}${field}`);
  }
  return json;
}

function loading(label) {
  return h('p', { class: 'loading', role: 'status', testid: 'loading' }, label);
}

function errorBox(what, e) {
  return h('div', { class: 'error', role: 'alert', testid: 'error' }, h('strong', {}, `${what}: `), e.message);
}

/** A place that `render` fills once `promise` settles (with nothing when it returns null). */
function later(promise, render) {
  const slot = h('div', {});
  promise.then((value) => slot.replaceWith(render(value) ?? ''));
  return slot;
}

/** Shows a loading line in `slot` while `promise` runs, then whatever `render` returns (or the error). */
async function load(slot, label, what, promise, render) {
  slot.replaceChildren(loading(label));
  slot.setAttribute('aria-busy', 'true');
  try {
    const value = await promise;
    slot.replaceChildren(render(value));
  } catch (e) {
    if (!(e instanceof ApiError)) console.error(e);
    slot.replaceChildren(errorBox(what, e));
  } finally {
    slot.removeAttribute('aria-busy');
  }
}

// ---------- routing ----------

function route() {
  const hash = location.hash.replace(/^#/, '') || '/check';
  const [path, query = ''] = hash.split('?');
  const params = new URLSearchParams(query);
  const parts = path.split('/').filter(Boolean);
  document.querySelectorAll('[data-nav]').forEach((a) => {
    if (a.dataset.nav === (parts[0] === 'diff' ? '' : parts[0])) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
  app.replaceChildren();
  if (parts[0] === 'diff') storedDiffView(params);
  else if (parts[0] === 'check' && parts[1] === 'diff') pastedDiffView(params);
  else if (parts[0] === 'stories' && parts[1] && parts[2] === 'diff') storyDiffView(parts[1], params);
  else if (parts[0] === 'stories' && parts[1]) storyView(parts[1]);
  else if (parts[0] === 'stories') storiesView(params);
  else checkView();
  window.scrollTo(0, 0);
}


// ---------- check ----------

let lastCheck = null; // {title, body, result, stored} kept while the editor moves between views

function checkView() {
  document.title = 'Redline';
  const title = h('input', { type: 'text', id: 'check-title', testid: 'check-title', autocomplete: 'off' });
  const body = h('textarea', { id: 'check-body', testid: 'check-body', placeholder: 'Paste the text here, or drop a .txt file on this box' });
  const file = h('input', { type: 'file', id: 'check-file', testid: 'check-file', accept: '.txt,text/plain' });
  const store = h('input', { type: 'checkbox', id: 'check-store', testid: 'check-store' });
  const storeId = h('input', { type: 'text', id: 'check-id', testid: 'check-id', autocomplete: 'off' });
  const idField = h('div', { class: 'field', hidden: true }, h('label', { for: 'check-id' }, 'Article id'), storeId);
  const submit = h('button', { type: 'submit', class: 'primary', testid: 'check-submit' }, 'Check');
  const result = h('section', { testid: 'check-result', 'aria-live': 'polite' });

  const readFile = async (f) => {
    if (!f) return;
    body.value = await f.text();
    if (!title.value) title.value = f.name.replace(/\.txt$/i, '').replace(/[-_]+/g, ' ');
    if (store.checked && !storeId.dataset.touched) storeId.value = slug(title.value);
  };
  file.addEventListener('change', () => readFile(file.files[0]));
  const drop = h('div', { class: 'drop' }, body);
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => { e.preventDefault(); drop.classList.remove('over'); readFile(e.dataTransfer.files[0]); });
  store.addEventListener('change', () => {
    idField.hidden = !store.checked;
    if (store.checked && !storeId.value) storeId.value = slug(title.value);
    submit.textContent = store.checked ? 'Store' : 'Check';
  });
  storeId.addEventListener('input', () => { storeId.dataset.touched = '1'; });
  title.addEventListener('input', () => { if (store.checked && !storeId.dataset.touched) storeId.value = slug(title.value); });

  const form = h('form', { class: 'card', testid: 'check-form', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: 'check-title' }, 'Headline'), title),
    h('div', { class: 'field' },
      h('div', { class: 'row' }, h('label', { for: 'check-body', class: 'grow' }, 'Text'),
        h('span', { class: 'file-pick' }, h('label', { for: 'check-file', class: 'muted', style: 'display:inline;font-weight:400' }, 'or open a .txt file: '), file)),
      drop),
    h('div', { class: 'field' }, h('label', { class: 'check-line' }, store, 'Store as a new article')),
    idField,
    h('div', { class: 'row' }, submit, h('span', { class: 'muted' }, 'Checking stores nothing unless the box is ticked.')));

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    // the button stays enabled and focused (a disabled one drops focus to the page): busy is said, not enforced
    if (submit.getAttribute('aria-busy') === 'true') return;
    const text = { title: title.value.trim() || undefined, body: body.value };
    submit.setAttribute('aria-busy', 'true');
    submit.setAttribute('aria-disabled', 'true');
    const storing = store.checked;
    const call = storing
      ? api('/articles', { id: storeId.value.trim(), title: text.title ?? '', body: text.body })
      : api('/check', text);
    await load(result, storing ? 'Storing…' : 'Checking…', storing ? 'Could not store the article' : 'Could not check the text', call,
      (answer) => {
        lastCheck = { ...text, result: answer, stored: storing ? answer : null };
        return checkResult(lastCheck);
      });
    submit.removeAttribute('aria-busy');
    submit.removeAttribute('aria-disabled');
    // on a phone the verdict is below the form: bring it into view
    result.querySelector('.verdict, [data-testid=error]')?.scrollIntoView({ block: 'start' });
    if (storing && !result.querySelector('[data-testid=error]')) {
      storeId.value = slug(title.value);
      delete storeId.dataset.touched;
    }
  });

  app.append(h('h1', {}, 'Is this text new?'),
    h('p', { class: 'muted' }, 'Paste a headline and text to see whether we already have it, as a duplicate or as a reworded revision.'),
    form, result);
  if (lastCheck) {
    title.value = lastCheck.title ?? '';
    body.value = lastCheck.body;
    result.append(checkResult(lastCheck));
  }
}

const VERDICT_TEXT = {
  NEW: 'Nothing stored is close enough: this is a new text.',
  DUPLICATE: 'We already have this text, with at most small edits.',
  REVISION: 'This is a reworded revision of a stored article.',
  EXCERPT: 'This text is an excerpt of a stored article.',
  TEMPLATE: 'A new story that reuses the text of a stored article.',
};

/** A TEMPLATE match is another story whose text was reused: say so, rather than offer it as this story. */
function verdictText(classification, top) {
  if (classification === 'TEMPLATE' && top) return `A new story that reuses the text of ${top.id}.`;
  return VERDICT_TEXT[classification] ?? '';
}

function checkResult(check) {
  const { result, stored } = check;
  const matches = (result.matches ?? []).filter((m) => !stored || m.id !== stored.id);
  const out = h('div', {});
  out.append(h('div', { class: 'verdict' },
    h('span', { class: `badge ${result.classification}`, testid: 'verdict' }, result.classification),
    h('span', { testid: 'verdict-text' }, verdictText(result.classification, matches[0]))));
  if (stored) {
    out.append(h('p', { class: 'notice', testid: 'stored' },
      `Stored as “${stored.id}”, version ${stored.version}, status ${stored.status}, in `,
      h('a', { href: `#/stories/${stored.storyId}` }, `story ${stored.storyId}`), '.'));
  }
  if (matches.length === 0) {
    out.append(h('p', { class: 'muted' }, 'No stored article shares enough of this text.'));
    return out;
  }
  const passages = h('section', { testid: 'shared-passages' });
  const items = matches.map((m, i) => {
    const li = h('li', { class: 'match', testid: 'match', 'data-id': m.id, 'data-story': m.storyId });
    const show = h('button', { type: 'button', class: 'small', testid: 'match-show' }, 'Show shared passages');
    show.addEventListener('click', () => {
      items.forEach((x) => x.classList.remove('selected'));
      li.classList.add('selected');
      showShared(passages, check, m);
      passages.scrollIntoView({ behavior: 'smooth', block: 'start' });
    });
    const story = h('a', { href: `#/stories/${m.storyId}`, testid: 'match-story' }, `story ${m.storyId}`);
    const focus = isExcerpt(m) ? '&focus=shared' : '';
    const diff = stored
      ? h('a', { class: 'button small', href: `#/diff?from=${encodeURIComponent(m.id)}&to=${encodeURIComponent(stored.id)}${focus}`, testid: 'match-diff' }, 'Diff against it')
      : h('a', { class: 'button small', href: `#/check/diff?match=${encodeURIComponent(m.id)}${focus}`, testid: 'match-diff' }, 'Diff against it');
    append(li, [
      h('div', { class: 'row' },
        h('span', { class: `badge ${m.classification}` }, m.classification),
        h('span', { class: 'match-title grow' }, `${i + 1}. ${m.title || m.id}`)),
      h('div', { class: 'muted small-print', testid: 'match-where' },
        m.classification === 'TEMPLATE'
          ? ['reuses the text of ', h('strong', {}, m.id), ' (', story, ', another story)']
          : [`${m.id} · `, story],
        ` · ${m.sharedParagraphs.length} shared paragraph${m.sharedParagraphs.length === 1 ? '' : 's'}`),
      sourceLine(m, 'match-source'),
      // the editor's question first: how much of my text is already there; the technical figures on request
      h('p', { class: 'answer', testid: 'match-answer' }, h('b', {}, pct(m.containment)), ` of your text is in ${m.id}`,
        m.matchContainment === undefined ? '' : `; ${pct(m.matchContainment)} of ${m.id} is in yours`),
      m.reason ? h('div', { class: 'small-print', testid: 'match-reason' }, `Why: ${m.reason}`, evidenceNote(m.evidence)) : null,
      h('details', { class: 'figures', testid: 'match-figures' }, h('summary', {}, 'Figures'),
        h('div', { class: 'metrics' },
          metric('Your text in theirs (containment)', m.containment, 'match-containment'),
          metric('Theirs in yours', m.matchContainment),
          metric('Paragraph coverage', m.paragraphCoverage),
          metric('Shingle overlap (Jaccard)', m.jaccard, 'match-jaccard'))),
      h('div', { class: 'row' }, show, diff),
    ]);
    return li;
  });
  out.append(h('h2', {}, `Matches, best first (${matches.length})`), h('ol', { class: 'matches', testid: 'matches' }, items), passages);
  items[0].classList.add('selected');
  showShared(passages, check, matches[0]);
  return out;
}

/** My text is an excerpt of the match: mostly found there (EXCERPT, or 80% in it while it is mostly not in mine). */
function isExcerpt(m) {
  return m.classification === 'EXCERPT' || (m.containment >= 0.8 && (m.matchContainment ?? 1) < 0.5);
}

/** What changed in the reworded shared paragraphs: words against facts, as the relation weighs them. */
function evidenceNote(e) {
  if (!e || e.rewordedParagraphs === 0) return '';
  return ` (in ${e.rewordedParagraphs} reworded paragraph${e.rewordedParagraphs === 1 ? '' : 's'}: `
    + `${e.wordChanges} word and ${e.factChanges} fact change${e.factChanges === 1 ? '' : 's'})`;
}

function metric(label, value, testid) {
  return h('span', { class: 'metric' }, `${label} `, h('b', { testid }, pct(value)),
    h('span', { class: 'meter', 'aria-hidden': 'true' }, h('span', { style: `width:${pct(value)}` })));
}

/** A paragraph's text with the given spans (offsets the service returned) underlined as shared sentences. */
function markSpans(text, spans) {
  const out = [];
  let at = 0;
  for (const { start, end } of spans ?? []) {
    if (start < at || end > text.length) continue;
    out.push(text.slice(at, start), h('span', { class: 'shared-sentence', testid: 'shared-sentence' }, text.slice(start, end)));
    at = end;
  }
  out.push(text.slice(at));
  return out;
}

function showShared(slot, check, match) {
  load(slot, `Loading ${match.id}…`, `Could not load ${match.id}`, api(`/articles/${encodeURIComponent(match.id)}`), (article) => {
    const myTexts = paragraphsAt(check.body, check.result.paragraphs);
    const theirTexts = paragraphsAt(article.body, article.paragraphs);
    const mine = new Map(match.sharedParagraphs.map((s) => [s.index, s]));
    const theirs = new Map(match.sharedParagraphs.map((s) => [s.matchIndex, s]));
    let columns;
    const jump = (side, index) => {
      const target = columns.querySelector(`[data-testid=shared-${side}] [data-para="${index}"]`);
      if (!target) return;
      target.scrollIntoView({ behavior: 'smooth', block: 'center' });
      target.focus({ preventScroll: true });
      target.classList.remove('flash');
      void target.offsetWidth;
      target.classList.add('flash');
    };
    const column = (testid, heading, texts, shared, other) => h('div', { class: 'card', testid },
      h('h3', {}, heading),
      texts.map((text, i) => {
        const s = shared.get(i);
        if (!s) return h('p', { class: 'para', 'data-para': i, tabindex: '-1' }, text);
        const there = other === 'theirs' ? s.matchIndex : s.index;
        const tag = h('a', { href: '#', class: 'shared-tag', testid: 'shared-jump', 'data-to': there },
          `¶${i + 1} ↔ ${other === 'theirs' ? `their ¶${s.matchIndex + 1}` : `your ¶${s.index + 1}`} · ${s.exact ? 'identical' : `${pct(s.similarity)} similarity`}`);
        tag.addEventListener('click', (e) => { e.preventDefault(); jump(other, there); });
        return h('p', { class: 'para', 'data-para': i, tabindex: '-1' }, h('mark', { class: 'shared', testid: 'shared' }, tag,
          markSpans(text, other === 'theirs' ? s.sentences : s.matchSentences)));
      }));
    columns = h('div', { class: 'compare' },
      column('shared-mine', 'Your text', myTexts, mine, 'theirs'),
      column('shared-theirs', `${article.id} (stored)`, theirTexts, theirs, 'mine'));
    return h('div', {},
      h('h2', {}, `Shared passages with “${article.title || article.id}”`),
      h('p', { class: 'hint' }, 'Paragraphs that reappear are marked; the sentences found in the other text are underlined. '
        + 'Follow a paragraph’s tag to its counterpart.'),
      columns);
  });
}

// ---------- diff ----------

function storedDiffView(params) {
  const query = new URLSearchParams();
  for (const key of ['from', 'to', 'fromVersion', 'toVersion']) if (params.get(key)) query.set(key, params.get(key));
  document.title = `Diff ${params.get('from')} → ${params.get('to')} · Redline`;
  const slot = h('div', {});
  app.append(slot);
  load(slot, 'Comparing…', 'Could not compare', api(`/diff?${query}`),
    (d) => diffPage(d, { params, exports: `/diff?${query}` }));
}

function storyDiffView(storyId, params) {
  document.title = `Story ${storyId} diff · Redline`;
  const query = new URLSearchParams();
  for (const key of ['from', 'to']) if (params.get(key)) query.set(key, params.get(key));
  const slot = h('div', {});
  app.append(h('p', {}, h('a', { href: `#/stories/${storyId}` }, `← Story ${storyId}`)), slot);
  const sid = encodeURIComponent(storyId);
  const call = Promise.all([api(`/stories/${sid}/diff?${query}`), api(`/stories/${sid}`)]);
  load(slot, 'Comparing…', 'Could not compare', call, ([d, story]) => h('div', {},
    versionPickers(storyId, story.versions, d.from?.step, d.to?.step),
    diffPage(d, { params, exports: `/stories/${sid}/diff?${query}` })));
}

/**
 * Two pickers over the story's versions (in time-line order, step 1 first) and a Compare button that opens
 * their diff: any two versions, not only neighbours.
 */
function versionPickers(storyId, versions, from, to) {
  const picker = (id, label, chosen) => h('span', { class: 'picker' },
    h('label', { for: id }, label),
    h('select', { id, testid: id }, versions.map((v, i) => h('option', { value: i + 1, selected: i + 1 === chosen },
      `${i + 1}. ${v.articleId} v${v.version} · ${shownDate(v)}`))));
  const form = h('form', { class: 'row pickers', testid: 'version-pickers' },
    picker('pick-from', 'Compare', from ?? Math.max(1, versions.length - 1)),
    picker('pick-to', 'with', to ?? versions.length),
    h('button', { type: 'submit', class: 'small', testid: 'pick-compare' }, 'Compare'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    location.hash = `#/stories/${storyId}/diff?from=${form.querySelector('#pick-from').value}&to=${form.querySelector('#pick-to').value}`;
  });
  return form;
}

/**
 * The checked text against a match: POST /diff with the match as "from". It has its own route, so Back returns
 * to the check; the text lives in this tab's memory only, so there is no link to share.
 */
function pastedDiffView(params) {
  const id = params.get('match');
  document.title = `Diff ${id} → your text · Redline`;
  const slot = h('div', {});
  app.append(h('p', {}, h('a', { href: '#/check' }, '← Back to the check')), slot);
  if (!lastCheck || !id) {
    slot.append(h('p', { class: 'notice', testid: 'check-gone' }, 'The checked text is no longer in this tab: check it again, then open the diff.'));
    return;
  }
  const check = lastCheck;
  const call = api(`/articles/${encodeURIComponent(id)}`).then((article) =>
    api('/diff', { from: { title: article.title, body: article.body }, to: { title: check.title ?? '', body: check.body } })
      .then((d) => ({ ...d,
        from: { articleId: article.id, version: article.version, title: article.title, source: article.source, url: article.url,
          publishedAt: article.publishedAt, ingestedAt: article.ingestedAt },
        to: { title: check.title || 'your text' } })));
  load(slot, 'Comparing…', 'Could not compare', call, (d) => diffPage(d, { params, exports: null }));
}

function side(version, fallback) {
  if (!version) return fallback;
  return version.articleId ? `${version.articleId} v${version.version}` : (version.title || fallback);
}

/**
 * A diff: header (the two sides with their sources, the headline change), summary, tools (next and previous
 * change, inline or side by side, link, exports) and the rows. {@code params} are the route's: view=inline
 * opens inline, focus=shared opens an excerpt on what the two share.
 */
function diffPage(d, { params, exports }) {
  const s = d.summary;
  const diff = h('div', { class: 'diff', testid: 'diff' });
  let inline = params.get('view') === 'inline';
  const toggle = h('button', { type: 'button', class: 'small', testid: 'diff-toggle', 'aria-pressed': String(inline) }, 'Inline view');
  const field = exports ? h('input', { type: 'text', readonly: true, value: location.href, testid: 'diff-link', 'aria-label': 'Link to this diff' }) : null;
  const show = () => {
    toggle.setAttribute('aria-pressed', String(inline));
    diff.classList.toggle('inline', inline);
    diff.dataset.mode = inline ? 'inline' : 'side-by-side';
    renderRows(diff, d, inline);
    nav.update();
  };
  toggle.addEventListener('click', () => {
    inline = !inline;
    // the choice goes into the address, so a copied link or a reload keeps it, without a new history entry
    const [path, query = ''] = location.hash.split('?');
    const next = new URLSearchParams(query);
    if (inline) next.set('view', 'inline'); else next.delete('view');
    history.replaceState(null, '', `${path}?${next}`);
    if (field) field.value = location.href;
    show();
  });
  const nav = changeNavigation(diff);

  let linkBox = h('span', { class: 'muted small-print' }, 'Unsaved text: store it to get a link.');
  if (field) {
    const copy = h('button', { type: 'button', class: 'small', testid: 'diff-copy-link' }, 'Copy link');
    copy.addEventListener('click', async () => {
      field.select();
      try { await navigator.clipboard.writeText(field.value); copy.textContent = 'Copied ✓'; } catch (e) {
        copy.textContent = document.execCommand && document.execCommand('copy') ? 'Copied ✓' : 'Select and copy';
      }
      setTimeout(() => { copy.textContent = 'Copy link'; }, 2000);
    });
    linkBox = h('span', { class: 'link-box' }, field, copy);
  }
  const exportLinks = exports ? h('span', { class: 'exports small-print', testid: 'diff-exports' }, 'Export: ',
    h('a', { href: `${exports}&format=html`, testid: 'export-html' }, 'HTML page'), ' · ',
    h('a', { href: `${exports}&format=unified`, testid: 'export-unified' }, 'unified text')) : null;

  const parts = [
    ['kept', s.unchanged, 'kept'], ['reworded', s.modified, 'reworded'], ['moved', s.moved, 'moved'],
    ['added', s.inserted, 'added'], ['cut', s.deleted, 'cut'],
  ];
  if (s.split) parts.push(['split', s.split, 'reworded']);
  if (s.merged) parts.push(['merged', s.merged, 'reworded']);
  const total = parts.reduce((n, p) => n + p[1], 0) || 1;
  const title = d.title;
  const excerpt = params.get('focus') === 'shared';
  const page = h('div', {},
    h('div', { class: 'diff-head' },
      h('div', { class: 'grow' },
        h('h1', {}, `${side(d.from, 'before')} → ${side(d.to, 'after')}`),
        h('div', { class: 'sides', testid: 'diff-sources' },
          d.from?.articleId ? h('div', {}, h('span', { class: 'muted' }, 'Before: '), side(d.from), ' ', sourceLine(d.from, 'from-source')) : null,
          d.to?.articleId ? h('div', {}, h('span', { class: 'muted' }, 'After: '), side(d.to), ' ', sourceLine(d.to, 'to-source')) : null),
        h('div', { class: 'titles', testid: 'diff-title' },
          title.changed
            ? [h('div', {}, h('span', { class: 'muted' }, 'Headline: '), renderChanges(title.changes, 'old', title.from)),
              h('div', {}, h('span', { class: 'muted' }, 'now: '), renderChanges(title.changes, 'new', title.to))]
            : h('div', {}, h('span', { class: 'muted' }, 'Headline kept: '), title.to || title.from || '—')))),
    h('div', { class: 'row tools' }, nav.element, toggle, linkBox, exportLinks),
    h('div', { class: 'summary', testid: 'diff-summary' },
      h('span', { class: 'chip' }, h('b', {}, pct(d.similarity)), 'similarity'),
      parts.map(([label, n, cls]) => h('span', { class: `chip ${cls}`, testid: `summary-${label}` }, h('b', {}, n), label)),
      h('span', { class: 'chip' }, h('ins', {}, `+${s.wordsAdded}`), ' ', h('del', {}, `−${s.wordsRemoved}`), ' words')),
    h('div', { class: 'bar', 'aria-hidden': 'true' }, parts.filter((p) => p[1]).map(([label, n, cls]) =>
      h('span', { class: cls, style: `width:${(100 * n) / total}%`, title: `${n} ${label}` }))),
    excerpt ? h('p', { class: 'notice', testid: 'excerpt-note' }, `Your text is an excerpt of ${side(d.from, 'the match')}: `
      + 'the diff opens on what the two share; the paragraphs it leaves out are folded.') : null,
    diff);
  show();
  if (excerpt) {
    // once drawn: the first paragraph the two share, past the folded cuts
    requestAnimationFrame(() => diff.querySelector('[data-testid=diff-para]:not([data-op=DELETED]):not([hidden])')
      ?.scrollIntoView({ block: 'center' }));
  }
  return page;
}

// ---------- diff: moving between changes ----------
// Buttons and keys (n or j: next, p or k: previous; not while typing in a field) step through the rows that
// changed, unfolding a folded run when a change is inside it.

function changeNavigation(container) {
  const counter = h('span', { class: 'muted small-print', testid: 'change-counter', 'aria-live': 'polite' });
  let current = -1;
  const changes = () => [...container.querySelectorAll('[data-testid=diff-para]:not([data-op=UNCHANGED])')];
  const go = (step) => {
    const all = changes();
    if (all.length === 0) return;
    current = Math.min(all.length - 1, Math.max(0, current + step));
    focusRow(container, all[current]);
    counter.textContent = `change ${current + 1} of ${all.length}`;
  };
  const prev = h('button', { type: 'button', class: 'small', testid: 'change-prev', title: 'Previous change (p or k)', 'aria-keyshortcuts': 'p k' }, '↑ Previous');
  const next = h('button', { type: 'button', class: 'small', testid: 'change-next', title: 'Next change (n or j)', 'aria-keyshortcuts': 'n j' }, '↓ Next change');
  prev.addEventListener('click', () => go(-1));
  next.addEventListener('click', () => go(+1));
  container.step = go;
  return {
    element: h('span', { class: 'diff-nav', testid: 'diff-nav' }, prev, next, counter),
    update: () => { current = -1; counter.textContent = `${changes().length} changes`; },
  };
}

document.addEventListener('keydown', (e) => {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || typing(e)) return;
  const step = { n: 1, j: 1, p: -1, k: -1 }[e.key];
  const diff = step && app.querySelector('[data-testid=diff]');
  if (diff?.step) {
    e.preventDefault();
    diff.step(step);
  }
});

/** EQUAL+DELETE runs give the old text, EQUAL+INSERT the new, all three the inline text. */
function renderChanges(changes, which, whole) {
  const span = h('span', {});
  if (!changes || changes.length === 0) return append(span, [whole ?? '']);
  for (const c of changes) {
    if (c.op === 'EQUAL') span.append(c.text);
    else if (c.op === 'DELETE' && which !== 'new') span.append(h('del', {}, c.text));
    else if (c.op === 'INSERT' && which !== 'old') span.append(h('ins', {}, c.text));
  }
  return span;
}

const OP_LABEL = { UNCHANGED: 'kept', MODIFIED: 'reworded', MOVED: 'moved', INSERTED: 'added', DELETED: 'cut', SPLIT: 'split', MERGED: 'merged' };
const nums = (xs) => (xs ?? []).map((i) => `¶${i + 1}`).join(', ');

function renderRows(container, d, inline) {
  const rows = [];
  const moved = d.paragraphs.filter((p) => p.op === 'MOVED');
  const ghosts = new Map(); // position in rows → ghost entries to put before it
  const ordinary = d.paragraphs.filter((p) => p.op !== 'MOVED' && p.fromIndex !== null && p.fromIndex !== undefined);
  for (const m of moved) {
    const before = ordinary.find((p) => p.fromIndex > m.fromIndex);
    const at = before ? d.paragraphs.indexOf(before) : d.paragraphs.length;
    ghosts.set(at, [...(ghosts.get(at) ?? []), m]);
    m.ghostBelow = at > d.paragraphs.indexOf(m);
  }
  const ghostRow = (m) => {
    const jump = h('a', { href: `#to-${m.toIndex}`, class: 'moved-link', testid: 'moved-to' }, `moved ${m.ghostBelow ? '↑ up' : '↓ down'} to ¶${m.toIndex + 1}`);
    jump.addEventListener('click', (e) => { e.preventDefault(); focusRow(container, `[data-to="${m.toIndex}"]`); });
    return h('div', { class: 'drow ghost', 'data-ghost': m.fromIndex, testid: 'moved-from-place' },
      h('div', { class: 'gut' }, `was ¶${m.fromIndex + 1}`), h('div', { class: 'side' }, 'This paragraph was here; it is now ', jump, '.'));
  };
  d.paragraphs.forEach((p, i) => {
    for (const m of ghosts.get(i) ?? []) rows.push(ghostRow(m));
    rows.push(paragraphRow(container, p, inline));
  });
  for (const m of ghosts.get(d.paragraphs.length) ?? []) rows.push(ghostRow(m));
  const folded = foldRuns(container, rows);
  if (!inline) {
    folded.unshift(h('div', { class: 'drow colhead', testid: 'diff-colhead' }, h('div', {}, h('span', { class: 'sr' }, 'Change')),
      h('div', {}, `Before · ${side(d.from, 'old text')}`), h('div', {}, `After · ${side(d.to, 'new text')}`)));
  }
  container.replaceChildren(...folded);
}

// ---------- diff: folding ----------
// As Wikipedia folds unchanged context: a run of four or more kept paragraphs keeps its first and last, a run
// of two or more cut ones is folded whole; one button per run shows it again.

const FOLD = { UNCHANGED: { min: 4, keep: 1, word: 'kept' }, DELETED: { min: 2, keep: 0, word: 'cut' } };

function foldRuns(container, rows) {
  const out = [];
  let run = [];
  let folds = 0;
  const flush = () => {
    const rule = run.length ? FOLD[run[0].dataset.op] : null;
    if (!rule || run.length < rule.min) {
      out.push(...run);
    } else {
      const hidden = run.slice(rule.keep, run.length - rule.keep);
      const id = String(++folds);
      hidden.forEach((r) => { r.hidden = true; r.dataset.fold = id; });
      const button = h('button', { type: 'button', class: 'small', 'aria-expanded': 'false' },
        `⋯ ${hidden.length} ${rule.word} paragraphs: show`);
      button.addEventListener('click', () => unfold(container, id, true));
      out.push(...run.slice(0, rule.keep),
        h('div', { class: 'drow fold', testid: 'diff-fold', 'data-fold-id': id, 'data-count': hidden.length }, button),
        ...hidden, ...run.slice(run.length - rule.keep));
    }
    run = [];
  };
  for (const row of rows) {
    const op = row.dataset.op;
    if (!FOLD[op] || (run.length && run[0].dataset.op !== op)) flush();
    if (FOLD[op]) run.push(row); else out.push(row);
  }
  flush();
  return out;
}

/** Shows a folded run again; with {@code focus}, moves focus to its first row. */
function unfold(container, id, focus) {
  const rows = [...container.querySelectorAll(`[data-fold="${id}"]`)];
  rows.forEach((r) => { r.hidden = false; });
  container.querySelector(`[data-fold-id="${id}"]`)?.remove();
  if (focus && rows[0]) rows[0].focus();
}

function paragraphRow(container, p, inline) {
  const cosmetic = p.changeClass === 'COSMETIC';
  const gut = h('div', { class: 'gut' },
    h('span', { class: 'op', testid: 'para-op' }, OP_LABEL[p.op] ?? p.op),
    h('span', {}, p.fromIndexes?.length && p.toIndexes?.length ? `${nums(p.fromIndexes)} → ${nums(p.toIndexes)}` : nums(p.toIndexes?.length ? p.toIndexes : p.fromIndexes)),
    p.modified || p.op === 'MODIFIED' ? h('span', { testid: 'para-similarity' }, `${pct(p.similarity)} similarity${cosmetic ? ', cosmetic' : ''}`) : null);
  if (p.op === 'MOVED') {
    const back = h('a', { href: `#from-${p.fromIndex}`, class: 'moved-link', testid: 'moved-link' }, `${p.ghostBelow ? '↓' : '↑'} was ¶${p.fromIndex + 1}`);
    back.addEventListener('click', (e) => { e.preventDefault(); focusRow(container, `[data-ghost="${p.fromIndex}"]`); });
    gut.append(back);
  }
  const row = h('div', {
    class: `drow ${p.op}${cosmetic ? ' cosmetic' : ''}`, testid: 'diff-para', 'data-op': p.op, 'data-change': p.changeClass,
    'data-to': p.toIndex ?? undefined, 'data-from': p.fromIndex ?? undefined, tabindex: '-1',
  }, gut);
  const hasOld = p.fromText !== null && p.fromText !== undefined;
  const hasNew = p.toText !== null && p.toText !== undefined;
  const oldText = () => (p.op === 'DELETED' ? h('del', {}, p.fromText) : renderChanges(p.changes, 'old', p.fromText));
  const newText = () => (p.op === 'INSERTED' ? h('ins', {}, p.toText) : renderChanges(p.changes, 'new', p.toText));
  // stacked on a phone, each side says which it is (the column heads are hidden there)
  const label = (text) => h('span', { class: 'side-label', testid: 'side-label' }, text);
  if (inline) {
    row.append(h('div', { class: 'side', testid: 'inline-text' },
      !hasNew ? oldText() : !hasOld ? newText() : renderChanges(p.changes, 'both', p.toText)));
  } else {
    row.append(h('div', { class: `side old${hasOld ? '' : ' empty'}`, testid: 'old-text' }, label(hasOld ? 'Before' : 'Before: none'), hasOld ? oldText() : ''),
      h('div', { class: `side new${hasNew ? '' : ' empty'}`, testid: 'new-text' }, label(hasNew ? 'After' : 'After: none'), hasNew ? newText() : ''));
  }
  return row;
}

/** Scrolls to a row (an element or a selector), unfolding it first if it is folded, and focuses it. */
function focusRow(container, which) {
  const target = typeof which === 'string' ? container.querySelector(which) : which;
  if (!target) return;
  if (target.hidden && target.dataset.fold) unfold(container, target.dataset.fold, false);
  target.scrollIntoView({ behavior: 'smooth', block: 'center' });
  target.setAttribute('tabindex', '-1');
  target.focus({ preventScroll: true });
  target.classList.remove('flash');
  void target.offsetWidth;
  target.classList.add('flash');
}

// ---------- stories ----------

function storiesView(params) {
  document.title = 'Stories · Redline';
  const q = params.get('q') ?? '';
  const page = Number(params.get('page') ?? 0);
  const multi = params.get('multi') === '1';
  const size = 20;
  const search = h('input', { type: 'search', id: 'stories-q', testid: 'stories-search', value: q, placeholder: 'headline, article id or source' });
  const several = h('input', { type: 'checkbox', id: 'stories-multi', testid: 'stories-multi', checked: multi });
  const form = h('form', { class: 'row', role: 'search', testid: 'stories-form' },
    h('label', { for: 'stories-q', class: 'sr' }, 'Search stories by headline, article id or source'), h('div', { class: 'grow' }, search),
    h('label', { class: 'check-line' }, several, 'Only stories with more than one version'),
    h('button', { type: 'submit', class: 'primary', testid: 'stories-submit' }, 'Search'));
  const submit = () => {
    const next = new URLSearchParams();
    if (search.value.trim()) next.set('q', search.value.trim());
    if (several.checked) next.set('multi', '1');
    location.hash = `#/stories${next.toString() ? `?${next}` : ''}`;
  };
  form.addEventListener('submit', (e) => { e.preventDefault(); submit(); });
  several.addEventListener('change', submit);
  const slot = h('div', {});
  app.append(h('h1', {}, 'Stories'), h('p', { class: 'muted' }, 'Versions of the same story grouped together, most recently updated first. ',
    h('a', { href: '/feed', type: 'application/atom+xml', testid: 'feed-link' }, 'Atom feed of every new version')), form, slot);
  const query = new URLSearchParams({ page, size });
  if (q) query.set('q', q);
  if (multi) query.set('minVersions', 2);
  load(slot, 'Loading stories…', 'Could not load the stories', api(`/stories?${query}`), (r) => {
    if (r.total === 0) return h('p', { class: 'muted', testid: 'stories-empty' }, q ? `No story has an article whose headline, id or source contains “${q}”.` : 'No stories stored yet.');
    const pageLink = (n, label) => {
      const p = new URLSearchParams({ page: n });
      if (q) p.set('q', q);
      if (multi) p.set('multi', '1');
      return h('a', { class: 'button small', href: `#/stories?${p}` }, label);
    };
    const pages = Math.ceil(r.total / r.size);
    return h('div', {},
      h('p', { class: 'muted' }, `${r.total} stor${r.total === 1 ? 'y' : 'ies'}${q ? ` matching “${q}”` : ''}`),
      h('ul', { class: 'story-list', testid: 'stories' }, r.stories.map((s) => h('li', {},
        h('a', { href: `#/stories/${s.id}`, testid: 'story-link', 'data-id': s.id },
          h('div', { class: 'headline' }, s.headline || `Story ${s.id}`),
          h('div', { class: 'muted' }, `${s.versions} version${s.versions === 1 ? '' : 's'} of ${s.articles} article${s.articles === 1 ? '' : 's'} · latest ${shownDate({ publishedAt: s.publishedAt, ingestedAt: s.updatedAt })}`)),
        h('a', { class: 'muted', href: `/stories/${encodeURIComponent(s.id)}/feed`, type: 'application/atom+xml', testid: 'story-feed-link' }, 'feed')))),
      pages > 1 ? h('div', { class: 'pager' }, page > 0 ? pageLink(page - 1, '← Newer') : null,
        h('span', { class: 'muted' }, `page ${page + 1} of ${pages}`), page + 1 < pages ? pageLink(page + 1, 'Older →') : null) : null);
  });
}

function storyView(id) {
  document.title = `Story ${id} · Redline`;
  const slot = h('div', {});
  app.append(h('p', {}, h('a', { href: '#/stories' }, '← All stories')), slot);
  const sid = encodeURIComponent(id);
  // both asked at once; the time line is drawn as soon as it arrives, the blame (further down) when it does
  const blame = api(`/stories/${sid}/blame`).catch(() => null);
  load(slot, 'Loading the story…', 'Could not load the story', api(`/stories/${sid}/timeline`), (t) => {
    document.title = `${t.headline} · Redline`;
    const dates = t.steps.map(dateOf).sort();
    const latest = t.steps[t.steps.length - 1];
    return h('div', {},
      h('h1', { testid: 'story-headline' }, t.headline),
      h('p', { class: 'muted', testid: 'story-dates' }, `${t.steps.length} version${t.steps.length === 1 ? '' : 's'} · first ${when(dates[0])} · latest ${when(dates[dates.length - 1])} · `,
        h('a', { href: `/stories/${sid}/feed`, type: 'application/atom+xml', testid: 'story-feed-link' }, 'Atom feed')),
      sourceLine(latest, 'story-source'),
      t.steps.length > 1 ? versionPickers(t.storyId, t.steps, t.steps.length - 1, t.steps.length) : null,
      h('h2', {}, 'How much each update changed'),
      chart(t),
      h('h2', { id: 'lineage-title' }, 'Where each version comes from'),
      lineageTree(t),
      h('h2', {}, 'Timeline'),
      h('ol', { class: 'steps', testid: 'timeline' }, t.steps.map((s, i) => stepItem(t, s, t.steps[i - 1]))),
      later(blame, (b) => (b ? blameView(b) : null)));
  });
}

function stepItem(t, s, previous) {
  const colour = STEP_EDGES[(s.step - 1) % STEP_EDGES.length];
  const c = s.changes;
  return h('li', { class: 'step', testid: 'timeline-step', style: `--c:${colour}` },
    h('div', { class: 'row' },
      h('strong', {}, `Step ${s.step}`),
      h('span', { class: 'muted' }, `${s.articleId} v${s.version} · `, h('time', { datetime: dateOf(s), testid: 'step-date' }, shownDate(s))),
      s.source || webUrl(s.url) ? sourceLine({ source: s.source, url: s.url }, 'step-source') : null,
      s.diff ? h('a', { class: 'button small', href: `#/stories/${t.storyId}/diff?from=${s.step - 1}&to=${s.step}`, testid: 'step-diff' },
        `Diff step ${s.step - 1} → ${s.step}`) : null),
    s.titleChanged && previous
      ? h('div', { testid: 'headline-change' }, 'Headline changed: ', h('del', {}, previous.title), ' → ', h('ins', {}, s.title))
      : h('div', {}, s.step === 1 ? 'Headline: ' : 'Headline kept: ', h('em', {}, s.title)),
    s.derivedFrom ? h('div', { class: 'meta', testid: 'step-from' }, derivation(t, s)) : null,
    h('div', { class: 'meta' }, `${s.words} words in ${s.paragraphs} paragraphs`,
      c ? ` · ${pct(s.similarity)} similarity to the step before · ${c.unchanged} kept, ${c.modified} reworded, ${c.moved} moved, ${c.inserted} added, ${c.deleted} cut · ` : '',
      c ? h('ins', {}, `+${c.wordsAdded}`) : '', c ? ' ' : '', c ? h('del', {}, `−${c.wordsRemoved}`) : ''));
}

/** How a step derives from its parent: "REVISION of step 1", or what it reuses from another story. */
function derivation(t, s) {
  const d = s.derivedFrom;
  const rel = h('span', { class: `rel ${s.relation}`, testid: 'lineage-relation' }, s.relation);
  if (d.step) {
    return [rel, ` of step ${d.step} `, s.relation === 'UPDATE' && d.step === s.step - 1 ? null
      : h('a', { class: 'small-print', href: `#/stories/${t.storyId}/diff?from=${d.step}&to=${s.step}`, testid: 'lineage-diff' }, `diff ${d.step} → ${s.step}`)];
  }
  const r = s.reuses ?? { articleId: d.articleId, version: d.version };
  const where = r.storyId ? ['(', h('a', { href: `#/stories/${r.storyId}`, testid: 'lineage-story' }, `story ${r.storyId}`), ')'] : '(no longer stored)';
  return h('span', { testid: 'lineage-reuses' }, rel, ' ',
    s.relation === 'TEMPLATE' ? 'reuses the text of ' : `${s.relation.toLowerCase()} of `, h('strong', {}, `${r.articleId} v${r.version}`), ' ', where);
}

/**
 * The versions as a tree, each under the version it derives from. An article's run of updates stays in one
 * column and only branches (a revision, excerpt or duplicate of an earlier version) are indented, so a story of
 * many versions stays a few levels deep. Versions with no parent in the story are roots.
 */
function lineageTree(t) {
  const byStep = new Map(t.steps.map((s) => [s.step, s]));
  const children = new Map();
  const roots = [];
  for (const s of t.steps) {
    const p = s.derivedFrom?.step;
    if (p && p !== s.step && byStep.has(p)) children.set(p, [...(children.get(p) ?? []), s]);
    else roots.push(s);
  }
  const seen = new Set();
  // a version and the updates that continue it, each with its branches nested below it
  const line = (start) => {
    const items = [];
    for (let s = start; s && !seen.has(s.step);) {
      seen.add(s.step);
      const kids = children.get(s.step) ?? [];
      const next = kids.find((k) => k.relation === 'UPDATE' && k.articleId === s.articleId);
      const branches = kids.filter((k) => k !== next);
      items.push(h('li', { class: 'node', testid: 'lineage-node', 'data-step': s.step, 'data-parent': s.derivedFrom?.step, 'data-relation': s.relation },
        h('div', { class: 'node-line' },
          h('strong', {}, `Step ${s.step}`),
          h('span', {}, `${s.articleId} v${s.version}`),
          s.derivedFrom ? derivation(t, s) : h('span', { class: 'muted' }, s.step === 1 ? 'first version' : 'parent not recorded'),
          // the headline where a line starts or changes it, not repeated down a run of updates
          s.title !== byStep.get(s.derivedFrom?.step)?.title ? h('span', { class: 'node-title muted', title: s.title }, s.title) : null),
        branches.length ? h('ul', { class: 'tree' }, branches.map(line)) : null));
      s = next;
    }
    return items;
  };
  return h('ul', { class: 'tree card', testid: 'lineage', 'aria-labelledby': 'lineage-title' }, roots.map(line));
}

/**
 * Words added (up, green) and removed (down, red) per version; the first version shows its length in grey.
 * Each version gets the same width at any number of versions, so labels stay legible: a long story scrolls
 * sideways inside its box (the page itself does not).
 */
const CHART_STEP = 52;
function chart(t) {
  const w = CHART_STEP;
  const bw = 30;
  const width = Math.max(380, t.steps.length * w + 40);
  const height = 170;
  const mid = 85;
  const max = Math.max(1, ...t.steps.map((s) => (s.changes ? Math.max(s.changes.wordsAdded, s.changes.wordsRemoved) : s.words)));
  const scale = (n) => (n / max) * 62;
  const g = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': 'Words added and removed per version', 'data-testid': 'timeline-chart', width, height });
  g.append(svg('line', { x1: 20, x2: width - 10, y1: mid, y2: mid, class: 'axis' }));
  const text = (x, y, cls, content) => {
    const node = svg('text', { x, y, 'text-anchor': 'middle', class: cls });
    node.append(content);
    g.append(node);
  };
  t.steps.forEach((s, i) => {
    const x = 30 + i * w;
    const bar = (y, hgt, cls, label) => {
      const r = svg('rect', { x, y, width: bw, height: Math.max(hgt, 1), class: cls, rx: 3, 'data-testid': 'chart-bar' });
      r.append(svg('title', {}, label));
      g.append(r);
    };
    if (s.changes) {
      bar(mid - scale(s.changes.wordsAdded), scale(s.changes.wordsAdded), 'b-add', `Step ${s.step}: ${s.changes.wordsAdded} words added`);
      bar(mid, scale(s.changes.wordsRemoved), 'b-del', `Step ${s.step}: ${s.changes.wordsRemoved} words removed`);
      text(x + bw / 2, mid - scale(s.changes.wordsAdded) - 4, 't-add', `+${s.changes.wordsAdded}`);
      text(x + bw / 2, mid + scale(s.changes.wordsRemoved) + 12, 't-del', `−${s.changes.wordsRemoved}`);
    } else {
      bar(mid - scale(s.words), scale(s.words), 'b-first', `Step ${s.step}: first version, ${s.words} words`);
      text(x + bw / 2, mid - scale(s.words) - 4, 't-muted', `${s.words}`);
    }
    text(x + bw / 2, height - 4, 't-step', `${s.step}`);
  });
  return h('div', { class: 'chart' },
    h('div', { class: 'chart-scroll', testid: 'chart-scroll', tabindex: '0', 'aria-label': 'Chart: scroll sideways for more versions' }, g),
    h('div', { class: 'legend' },
      h('span', {}, h('span', { class: 'swatch s-first' }), 'first version (words)'),
      h('span', {}, h('span', { class: 'swatch s-add' }), 'words added'),
      h('span', {}, h('span', { class: 'swatch s-del' }), 'words removed'),
      h('span', { class: 'muted' }, 'numbers under the bars are steps')));
}

function blameView(b) {
  const byParagraph = new Map();
  for (const s of b.sentences) byParagraph.set(s.paragraph, [...(byParagraph.get(s.paragraph) ?? []), s]);
  const stepOf = new Map(b.steps.map((s) => [s.step, s]));
  const colour = (step) => STEP_COLOURS[(step - 1) % STEP_COLOURS.length];
  return h('section', { testid: 'blame' },
    h('h2', {}, `Where each sentence of the latest version comes from (step ${b.version.step}, ${b.version.articleId})`),
    h('p', { class: 'muted' }, 'Each sentence is shaded by the step that gave it its present wording, along the versions this one derives from; hover or focus it for details.'),
    h('div', { class: 'legend' }, b.steps.map((s) => h('span', {},
      h('span', { class: 'swatch', style: `background:${colour(s.step)};border:1px solid ${STEP_EDGES[(s.step - 1) % STEP_EDGES.length]}` }),
      `step ${s.step}: ${s.articleId} v${s.version}`))),
    h('p', { class: 'muted small-print' }, 'Keyboard: Tab goes from paragraph to paragraph; the arrow keys move between its sentences.'),
    h('div', { class: 'card blame', testid: 'blame-text' }, [...byParagraph.entries()].map(([, sentences]) => rovingParagraph(
      sentences.map((s) => {
        const from = stepOf.get(s.firstStep);
        const label = `First in step ${s.firstStep}${from ? ` (${from.articleId})` : ''}`
          + (s.lastChangedStep !== s.firstStep ? `, last changed in step ${s.lastChangedStep}` : '');
        return h('span', { class: 's', testid: 'blame-sentence', 'data-step': s.lastChangedStep, title: label, 'aria-label': `${s.text} (${label})`,
          style: `background:${colour(s.lastChangedStep)}` }, s.text);
      })))));
}

/** A paragraph of focusable items with one tab stop (a roving tabindex): arrow keys move between them. */
function rovingParagraph(items) {
  items.forEach((item, i) => item.setAttribute('tabindex', i === 0 ? '0' : '-1'));
  const p = h('p', {}, items.map((item, i) => [i ? ' ' : '', item]));
  p.addEventListener('keydown', (e) => {
    const at = items.indexOf(e.target);
    const to = { ArrowRight: at + 1, ArrowDown: at + 1, ArrowLeft: at - 1, ArrowUp: at - 1, Home: 0, End: items.length - 1 }[e.key];
    if (at < 0 || to === undefined || to < 0 || to >= items.length) return;
    e.preventDefault();
    items[at].setAttribute('tabindex', '-1');
    items[to].setAttribute('tabindex', '0');
    items[to].focus();
  });
  return p;
}

window.addEventListener('hashchange', route);
route();
