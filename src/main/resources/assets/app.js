// Redline editors' page: check a text, read diffs, follow stories. Hash routes:
// #/check, #/diff?from=a&to=b[&fromVersion=&toVersion=], #/stories[?q=&page=], #/stories/{id},
// #/stories/{id}/diff?from=1&to=2. No build step and no external requests.

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
const when = (iso) => (iso ? new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : '—');

/** Paragraphs as the service splits them: on blank lines, or on single newlines when there is no blank line. */
function paragraphs(text) {
  const parts = /\n[ \t]*\n/.test(text) ? text.split(/\n[ \t]*\n/) : text.split('\n');
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
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
    const text = { title: title.value.trim() || undefined, body: body.value };
    submit.disabled = true;
    const storing = store.checked;
    const call = storing
      ? api('/articles', { id: storeId.value.trim(), title: text.title ?? '', body: text.body })
      : api('/check', text);
    await load(result, storing ? 'Storing…' : 'Checking…', storing ? 'Could not store the article' : 'Could not check the text', call,
      (answer) => {
        lastCheck = { ...text, result: answer, stored: storing ? answer : null };
        return checkResult(lastCheck);
      });
    submit.disabled = false;
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
    const diff = stored
      ? h('a', { class: 'button small', href: `#/diff?from=${encodeURIComponent(m.id)}&to=${encodeURIComponent(stored.id)}`, testid: 'match-diff' }, 'Diff against it')
      : h('button', { type: 'button', class: 'small', testid: 'match-diff', onclick: () => pastedDiffView(check, m) }, 'Diff against it');
    append(li, [
      h('div', { class: 'row' },
        h('span', { class: `badge ${m.classification}` }, m.classification),
        h('span', { class: 'match-title grow' }, `${i + 1}. ${m.title || m.id}`)),
      h('div', { class: 'muted small-print', testid: 'match-where' },
        m.classification === 'TEMPLATE'
          ? ['reuses the text of ', h('strong', {}, m.id), ' (', story, ', another story)']
          : [`${m.id} · `, story],
        ` · ${m.sharedParagraphs.length} shared paragraph${m.sharedParagraphs.length === 1 ? '' : 's'}`),
      m.reason ? h('div', { class: 'small-print', testid: 'match-reason' }, `Why: ${m.reason}`, evidenceNote(m.evidence)) : null,
      h('div', { class: 'metrics' },
        metric('Jaccard', m.jaccard, 'match-jaccard'),
        metric('Containment (mine in theirs)', m.containment, 'match-containment'),
        metric('Theirs in mine', m.matchContainment)),
      h('div', { class: 'row' }, show, diff),
    ]);
    return li;
  });
  out.append(h('h2', {}, `Matches, best first (${matches.length})`), h('ol', { class: 'matches', testid: 'matches' }, items), passages);
  items[0].classList.add('selected');
  showShared(passages, check, matches[0]);
  return out;
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

// Sentences of a shared paragraph that reappear in its counterpart: half of their word pairs are found there.
const sentencesOf = (text) => text.match(/[^.!?]*[.!?]+["'\u201D\u2019)\]]*\s*|[^.!?]+$/g) || [text];
const wordsOf = (text) => text.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) || [];
function pairsOf(text) {
  const words = wordsOf(text);
  const pairs = new Set(words.length === 1 ? words : []);
  for (let i = 0; i + 1 < words.length; i++) pairs.add(`${words[i]} ${words[i + 1]}`);
  return pairs;
}
function reappears(sentence, counterpartPairs) {
  const pairs = pairsOf(sentence);
  let found = 0;
  for (const p of pairs) if (counterpartPairs.has(p)) found++;
  return pairs.size > 0 && found / pairs.size >= 0.5;
}

function showShared(slot, check, match) {
  load(slot, `Loading ${match.id}…`, `Could not load ${match.id}`, api(`/articles/${encodeURIComponent(match.id)}`), (article) => {
    const myTexts = paragraphs(check.body);
    const theirTexts = paragraphs(article.body);
    const mine = new Map(match.sharedParagraphs.map((s) => [s.index, s]));
    const theirs = new Map(match.sharedParagraphs.map((s) => [s.matchIndex, s]));
    const column = (testid, heading, texts, shared, other) => h('div', { class: 'card', testid },
      h('h3', {}, heading),
      texts.map((text, i) => {
        const s = shared.get(i);
        if (!s) return h('p', { class: 'para' }, text);
        const counterpart = other === 'theirs' ? theirTexts[s.matchIndex] : myTexts[s.index];
        const counterpartPairs = pairsOf(counterpart || '');
        const tag = `¶${i + 1} ↔ ${other === 'theirs' ? `their ¶${s.matchIndex + 1}` : `your ¶${s.index + 1}`} · ${s.exact ? 'identical' : `${pct(s.similarity)} alike`}`;
        return h('p', { class: 'para' }, h('mark', { class: 'shared', testid: 'shared' }, h('span', { class: 'shared-tag' }, tag),
          sentencesOf(text).map((sentence) => reappears(sentence, counterpartPairs)
            ? h('span', { class: 'shared-sentence', testid: 'shared-sentence' }, sentence) : sentence)));
      }));
    return h('div', {},
      h('h2', {}, `Shared passages with “${article.title || article.id}”`),
      h('p', { class: 'hint' }, 'Paragraphs that reappear are marked; the sentences found in the other text are underlined.'),
      h('div', { class: 'compare' },
        column('shared-mine', 'Your text', myTexts, mine, 'theirs'),
        column('shared-theirs', `${article.id} (stored)`, theirTexts, theirs, 'mine')));
  });
}

// ---------- diff ----------

function storedDiffView(params) {
  const query = new URLSearchParams();
  for (const key of ['from', 'to', 'fromVersion', 'toVersion']) if (params.get(key)) query.set(key, params.get(key));
  document.title = `Diff ${params.get('from')} → ${params.get('to')} · Redline`;
  const slot = h('div', {});
  app.append(slot);
  load(slot, 'Comparing…', 'Could not compare', api(`/diff?${query}`), (d) => diffPage(d, { link: location.href }));
}

function storyDiffView(storyId, params) {
  document.title = `Story ${storyId} diff · Redline`;
  const query = new URLSearchParams();
  for (const key of ['from', 'to']) if (params.get(key)) query.set(key, params.get(key));
  const slot = h('div', {});
  app.append(h('p', {}, h('a', { href: `#/stories/${storyId}` }, `← Story ${storyId}`)), slot);
  load(slot, 'Comparing…', 'Could not compare', api(`/stories/${encodeURIComponent(storyId)}/diff?${query}`),
    (d) => diffPage(d, { link: location.href }));
}

/** The pasted text against a match: POST /diff with the match as "from"; no link, since the text is not stored. */
function pastedDiffView(check, match) {
  app.replaceChildren();
  document.title = `Diff ${match.id} → your text · Redline`;
  const slot = h('div', {});
  app.append(h('p', {}, h('a', { href: '#/check' }, '← Back to the check')), slot);
  const call = api(`/articles/${encodeURIComponent(match.id)}`).then((article) =>
    api('/diff', { from: { title: article.title, body: article.body }, to: { title: check.title ?? '', body: check.body } })
      .then((d) => ({ ...d, from: { articleId: article.id, version: article.version, title: article.title }, to: { title: check.title || 'your text' } })));
  load(slot, 'Comparing…', 'Could not compare', call, (d) => diffPage(d, { link: null }));
  window.scrollTo(0, 0);
}

function side(version, fallback) {
  if (!version) return fallback;
  return version.articleId ? `${version.articleId} v${version.version}` : (version.title || fallback);
}

function diffPage(d, { link }) {
  const s = d.summary;
  const diff = h('div', { class: 'diff', testid: 'diff' });
  const toggle = h('button', { type: 'button', class: 'small', testid: 'diff-toggle', 'aria-pressed': 'false' }, 'Inline view');
  toggle.addEventListener('click', () => {
    const inline = toggle.getAttribute('aria-pressed') !== 'true';
    toggle.setAttribute('aria-pressed', String(inline));
    diff.classList.toggle('inline', inline);
    diff.dataset.mode = inline ? 'inline' : 'side-by-side';
    renderRows(diff, d, inline);
  });
  diff.dataset.mode = 'side-by-side';
  renderRows(diff, d, false);

  let linkBox = h('span', { class: 'muted small-print' }, 'Unsaved text: store it to get a link.');
  if (link) {
    const field = h('input', { type: 'text', readonly: true, value: link, testid: 'diff-link', 'aria-label': 'Link to this diff' });
    const copy = h('button', { type: 'button', class: 'small', testid: 'diff-copy-link' }, 'Copy link');
    copy.addEventListener('click', async () => {
      field.select();
      try { await navigator.clipboard.writeText(link); copy.textContent = 'Copied ✓'; } catch (e) {
        copy.textContent = document.execCommand && document.execCommand('copy') ? 'Copied ✓' : 'Select and copy';
      }
      setTimeout(() => { copy.textContent = 'Copy link'; }, 2000);
    });
    linkBox = h('span', { class: 'link-box' }, field, copy);
  }

  const parts = [
    ['kept', s.unchanged, 'kept'], ['reworded', s.modified, 'reworded'], ['moved', s.moved, 'moved'],
    ['added', s.inserted, 'added'], ['cut', s.deleted, 'cut'],
  ];
  if (s.split) parts.push(['split', s.split, 'reworded']);
  if (s.merged) parts.push(['merged', s.merged, 'reworded']);
  const total = parts.reduce((n, p) => n + p[1], 0) || 1;
  const title = d.title;
  return h('div', {},
    h('div', { class: 'diff-head' },
      h('div', { class: 'grow' },
        h('h1', {}, `${side(d.from, 'before')} → ${side(d.to, 'after')}`),
        h('div', { class: 'titles', testid: 'diff-title' },
          title.changed
            ? [h('div', {}, h('span', { class: 'muted' }, 'Headline: '), renderChanges(title.changes, 'old', title.from)),
              h('div', {}, h('span', { class: 'muted' }, 'now: '), renderChanges(title.changes, 'new', title.to))]
            : h('div', {}, h('span', { class: 'muted' }, 'Headline unchanged: '), title.to || title.from || '—'))),
      h('div', { class: 'row' }, toggle, linkBox)),
    h('div', { class: 'summary', testid: 'diff-summary' },
      h('span', { class: 'chip' }, h('b', {}, pct(d.similarity)), 'alike'),
      parts.map(([label, n, cls]) => h('span', { class: `chip ${cls}`, testid: `summary-${label}` }, h('b', {}, n), label)),
      h('span', { class: 'chip' }, h('ins', {}, `+${s.wordsAdded}`), ' ', h('del', {}, `−${s.wordsRemoved}`), ' words')),
    h('div', { class: 'bar', 'aria-hidden': 'true' }, parts.filter((p) => p[1]).map(([label, n, cls]) =>
      h('span', { class: cls, style: `width:${(100 * n) / total}%`, title: `${n} ${label}` }))),
    diff);
}

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
  if (!inline) {
    rows.unshift(h('div', { class: 'drow colhead', 'aria-hidden': 'true' }, h('div', {}), h('div', {}, `Before · ${side(d.from, 'old text')}`),
      h('div', {}, `After · ${side(d.to, 'new text')}`)));
  }
  container.replaceChildren(...rows);
}

function paragraphRow(container, p, inline) {
  const cosmetic = p.changeClass === 'COSMETIC';
  const gut = h('div', { class: 'gut' },
    h('span', { class: 'op', testid: 'para-op' }, OP_LABEL[p.op] ?? p.op),
    h('span', {}, p.fromIndexes?.length && p.toIndexes?.length ? `${nums(p.fromIndexes)} → ${nums(p.toIndexes)}` : nums(p.toIndexes?.length ? p.toIndexes : p.fromIndexes)),
    p.modified || p.op === 'MODIFIED' ? h('span', {}, `${pct(p.similarity)} alike${cosmetic ? ', cosmetic' : ''}`) : null);
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
  if (inline) {
    row.append(h('div', { class: 'side', testid: 'inline-text' },
      !hasNew ? oldText() : !hasOld ? newText() : renderChanges(p.changes, 'both', p.toText)));
  } else {
    row.append(h('div', { class: `side old${hasOld ? '' : ' empty'}`, testid: 'old-text' }, hasOld ? oldText() : ''),
      h('div', { class: `side new${hasNew ? '' : ' empty'}`, testid: 'new-text' }, hasNew ? newText() : ''));
  }
  return row;
}

function focusRow(container, selector) {
  const target = container.querySelector(selector);
  if (!target) return;
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
  const size = 20;
  const search = h('input', { type: 'search', id: 'stories-q', testid: 'stories-search', value: q, placeholder: 'words in the headline' });
  const form = h('form', { class: 'row', role: 'search', testid: 'stories-form' },
    h('label', { for: 'stories-q', class: 'sr' }, 'Search headlines'), h('div', { class: 'grow' }, search),
    h('button', { type: 'submit', class: 'primary', testid: 'stories-submit' }, 'Search'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const next = new URLSearchParams();
    if (search.value.trim()) next.set('q', search.value.trim());
    location.hash = `#/stories${next.toString() ? `?${next}` : ''}`;
  });
  const slot = h('div', {});
  app.append(h('h1', {}, 'Stories'), h('p', { class: 'muted' }, 'Versions of the same story grouped together, most recently updated first. ',
    h('a', { href: '/feed', type: 'application/atom+xml', testid: 'feed-link' }, 'Atom feed of every new version')), form, slot);
  const query = new URLSearchParams({ page, size });
  if (q) query.set('q', q);
  load(slot, 'Loading stories…', 'Could not load the stories', api(`/stories?${query}`), (r) => {
    if (r.total === 0) return h('p', { class: 'muted', testid: 'stories-empty' }, q ? `No story headline contains “${q}”.` : 'No stories stored yet.');
    const pageLink = (n, label) => {
      const p = new URLSearchParams({ page: n });
      if (q) p.set('q', q);
      return h('a', { class: 'button small', href: `#/stories?${p}` }, label);
    };
    const pages = Math.ceil(r.total / r.size);
    return h('div', {},
      h('p', { class: 'muted' }, `${r.total} stor${r.total === 1 ? 'y' : 'ies'}${q ? ` matching “${q}”` : ''}`),
      h('ul', { class: 'story-list', testid: 'stories' }, r.stories.map((s) => h('li', {},
        h('a', { href: `#/stories/${s.id}`, testid: 'story-link', 'data-id': s.id },
          h('div', { class: 'headline' }, s.headline || `Story ${s.id}`),
          h('div', { class: 'muted' }, `${s.versions} version${s.versions === 1 ? '' : 's'} of ${s.articles} article${s.articles === 1 ? '' : 's'} · updated ${when(s.updatedAt)}`)),
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
  const call = Promise.all([api(`/stories/${sid}/timeline`), api(`/stories/${sid}/blame`).catch(() => null)]);
  load(slot, 'Loading the story…', 'Could not load the story', call, ([t, blame]) => {
    document.title = `${t.headline} · Redline`;
    return h('div', {},
      h('h1', { testid: 'story-headline' }, t.headline),
      h('p', { class: 'muted' }, `${t.steps.length} version${t.steps.length === 1 ? '' : 's'} · first seen ${when(t.firstSeen)} · last seen ${when(t.lastSeen)} · `,
        h('a', { href: `/stories/${sid}/feed`, type: 'application/atom+xml', testid: 'story-feed-link' }, 'Atom feed')),
      h('h2', {}, 'How much each update changed'),
      chart(t),
      h('h2', { id: 'lineage-title' }, 'Where each version comes from'),
      lineageTree(t),
      h('h2', {}, 'Timeline'),
      h('ol', { class: 'steps', testid: 'timeline' }, t.steps.map((s, i) => stepItem(t, s, t.steps[i - 1]))),
      blame ? blameView(blame) : null);
  });
}

function stepItem(t, s, previous) {
  const colour = STEP_EDGES[(s.step - 1) % STEP_EDGES.length];
  const c = s.changes;
  return h('li', { class: 'step', testid: 'timeline-step', style: `--c:${colour}` },
    h('div', { class: 'row' },
      h('strong', {}, `Step ${s.step}`),
      h('span', { class: 'muted' }, `${s.articleId} v${s.version} · ${when(s.publishedAt ?? s.ingestedAt)}${s.publishedAt ? '' : ' (received)'}`),
      s.diff ? h('a', { class: 'button small', href: `#/stories/${t.storyId}/diff?from=${s.step - 1}&to=${s.step}`, testid: 'step-diff' },
        `Diff step ${s.step - 1} → ${s.step}`) : null),
    s.titleChanged && previous
      ? h('div', { testid: 'headline-change' }, 'Headline changed: ', h('del', {}, previous.title), ' → ', h('ins', {}, s.title))
      : h('div', {}, s.step === 1 ? 'Headline: ' : 'Headline kept: ', h('em', {}, s.title)),
    s.derivedFrom ? h('div', { class: 'meta', testid: 'step-from' }, derivation(t, s)) : null,
    h('div', { class: 'meta' }, `${s.words} words in ${s.paragraphs} paragraphs`,
      c ? ` · ${pct(s.similarity)} like the step before · ${c.unchanged} kept, ${c.modified} reworded, ${c.moved} moved, ${c.inserted} added, ${c.deleted} cut · ` : '',
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

/** Words added (up, green) and removed (down, red) per version; the first version shows its length in grey. */
function chart(t) {
  const w = 100;
  const width = Math.max(380, t.steps.length * w + 40);
  const height = 170;
  const mid = 85;
  const max = Math.max(1, ...t.steps.map((s) => (s.changes ? Math.max(s.changes.wordsAdded, s.changes.wordsRemoved) : s.words)));
  const scale = (n) => (n / max) * 70;
  const g = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': 'Words added and removed per version', 'data-testid': 'timeline-chart', width, height });
  g.append(svg('line', { x1: 20, x2: width - 10, y1: mid, y2: mid, stroke: '#9aa3b2' }));
  t.steps.forEach((s, i) => {
    const x = 30 + i * w;
    const bar = (y, hgt, fill, label) => {
      const r = svg('rect', { x, y, width: 36, height: Math.max(hgt, 1), fill, rx: 3, 'data-testid': 'chart-bar' });
      r.append(svg('title', {}, label));
      g.append(r);
    };
    if (s.changes) {
      bar(mid - scale(s.changes.wordsAdded), scale(s.changes.wordsAdded), '#4bb46b', `Step ${s.step}: ${s.changes.wordsAdded} words added`);
      bar(mid, scale(s.changes.wordsRemoved), '#e0675c', `Step ${s.step}: ${s.changes.wordsRemoved} words removed`);
      const tx = svg('text', { x: x + 18, y: mid - scale(s.changes.wordsAdded) - 4, 'text-anchor': 'middle', 'font-size': 11, fill: '#0b5521' });
      tx.append(`+${s.changes.wordsAdded}`);
      const tr = svg('text', { x: x + 18, y: mid + scale(s.changes.wordsRemoved) + 12, 'text-anchor': 'middle', 'font-size': 11, fill: '#8a1c12' });
      tr.append(`−${s.changes.wordsRemoved}`);
      g.append(tx, tr);
    } else {
      bar(mid - scale(s.words), scale(s.words), '#c3cad6', `Step ${s.step}: first version, ${s.words} words`);
      const tx = svg('text', { x: x + 18, y: mid - scale(s.words) - 4, 'text-anchor': 'middle', 'font-size': 11, fill: '#5f6b7a' });
      tx.append(`${s.words}`);
      g.append(tx);
    }
    const label = svg('text', { x: x + 18, y: height - 4, 'text-anchor': 'middle', 'font-size': 12, fill: '#1d2330' });
    label.append(`step ${s.step}`);
    g.append(label);
  });
  return h('div', { class: 'chart' }, g,
    h('div', { class: 'legend' },
      h('span', {}, h('span', { class: 'swatch', style: 'background:#c3cad6' }), 'first version (words)'),
      h('span', {}, h('span', { class: 'swatch', style: 'background:#4bb46b' }), 'words added'),
      h('span', {}, h('span', { class: 'swatch', style: 'background:#e0675c' }), 'words removed')));
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
    h('div', { class: 'card blame' }, [...byParagraph.entries()].map(([, sentences]) => h('p', {},
      sentences.map((s, i) => {
        const from = stepOf.get(s.firstStep);
        const label = `First in step ${s.firstStep}${from ? ` (${from.articleId})` : ''}`
          + (s.lastChangedStep !== s.firstStep ? `, last changed in step ${s.lastChangedStep}` : '');
        return [i ? ' ' : '', h('span', { class: 's', testid: 'blame-sentence', 'data-step': s.lastChangedStep, title: label, tabindex: '0',
          style: `background:${colour(s.lastChangedStep)}` }, s.text)];
      })))));
}

window.addEventListener('hashchange', route);
route();
