// The page: paste or load an article, analyze it in a worker (engine.js), show the text with every
// entity and quote highlighted (highlight.js), list them in side panels (summary.js), export them
// (export.js). User text is only ever put into the page as text nodes or textContent.
import { Engine } from './engine.js';
import { buildHighlights } from './highlight.js';
import { ENTITY_TYPES, TYPE_NAMES, groupEntities, groupQuotes } from './summary.js';
import { exportJson, entitiesCsv, quotesCsv } from './export.js';

const MAX_BYTES = 5_000_000;  // the largest text the page accepts: 5 MB of UTF-8
const DEBOUNCE_MS = 300;
const PROGRESS_ABOVE = 20000;       // show a progress bar for texts longer than this (code units)
const PANEL_LIMIT = 100;            // entity names listed per type before "Show all"
const QUOTE_LIMIT = 50;             // quotes listed per speaker before "Show all"
const EXAMPLE_URL = new URL('./examples/nato-stoltenberg.txt', import.meta.url);

const $ = (id) => document.getElementById(id);
const ui = {
  form: $('input-form'), input: $('text-input'), analyze: $('analyze-button'),
  example: $('example-button'), clear: $('clear-button'), exportJson: $('export-json'),
  exportEntities: $('export-entities-csv'), exportQuotes: $('export-quotes-csv'),
  copyJson: $('copy-json'), status: $('status'), progress: $('progress'), error: $('error'),
  notice: $('notice'), legend: $('legend'), reading: $('reading'), entityList: $('entity-list'),
  quoteList: $('quote-list'), tooltip: $('tooltip'),
};

const hiddenKinds = new Set();  // legend toggles: entity types, 'direct', 'indirect'
let view = null;                // {text, result, elements, quoteSpeakerKey}: what is shown
let renderSeq = 0;
let debounceTimer = 0;
let elapsedTimer = 0;
let engineReady = false;

function setState(state) { document.body.dataset.state = state; }
function setStatus(text) { ui.status.textContent = text; }
function showError(text) {
  ui.error.textContent = text;
  ui.error.hidden = !text;
}
function showNotice(text) {
  ui.notice.textContent = text;
  ui.notice.hidden = !text;
}
function formatSize(bytes) {  // decimal units, as people count them
  if (bytes < 1000) return `${bytes} bytes`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1000)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
function plural(n, one, many = `${one}s`) { return `${n.toLocaleString('en')} ${n === 1 ? one : many}`; }

function utf8Length(s) {
  if (s.length * 3 <= MAX_BYTES) return s.length;  // small: at most 3 bytes per code unit, no need to count
  return new TextEncoder().encode(s).length;
}

// ---- the engine -------------------------------------------------------------------------------

const engine = new Engine({
  onReady({ hasModel, modelError }) {
    engineReady = true;
    showNotice(hasModel ? '' : 'The entity model could not be loaded' +
      (modelError ? ` (${modelError})` : '') +
      ', so names are found by rules only and many will be missed. Reload the page to try again.');
    if (!engine.running && !engine.wanted && document.body.dataset.state === 'loading') {
      setState('ready');
      setStatus('Ready. Paste an article, or try the example.');
    }
  },
  onLoadError(message, job) {
    engineReady = false;
    stopProgress();
    setState('error');
    showError('Byline could not load its analysis engine (byline-core.wasm): ' + message +
      '. You can still paste and read text, but nothing will be highlighted. ' +
      'Check your connection and reload the page, or press Analyze to try again.');
    setStatus('The analysis engine is not available.');
    const text = job ? job.text : ui.input.value;
    if (text) showPlain(text);
  },
  onStart(job) {
    setState('analyzing');
    showError('');
    startProgress(job.text);
  },
  onResult(job, result, ms) {
    // A result for a text that has been edited, cleared or refused since is not shown.
    if (job.text === ui.input.value) show(job.text, result, ms);
  },
  onError(job, message) {
    if (job && job.text !== ui.input.value) return;  // the newer text is on its way
    stopProgress();
    setState('error');
    showError(`The analysis failed: ${message}. The analysis engine was restarted; ` +
      'edit the text or press Analyze to try again.');
    setStatus('The analysis failed.');
    if (job) showPlain(job.text);
  },
});

function startProgress(text) {
  stopProgress();
  const t0 = performance.now();
  const size = text.length > PROGRESS_ABOVE ? formatSize(new TextEncoder().encode(text).length) : '';
  const tick = () => {
    const s = ((performance.now() - t0) / 1000).toFixed(1);
    setStatus(engineReady ? `Analyzing ${size}… ${s} s` : `Loading the analysis engine… ${s} s`);
  };
  if (text.length > PROGRESS_ABOVE) {
    ui.progress.hidden = false;
    ui.progress.removeAttribute('value');  // indeterminate while the worker analyzes
    tick();
    elapsedTimer = setInterval(tick, 250);
  } else if (!engineReady) {
    tick();
  }
}

function stopProgress() {
  clearInterval(elapsedTimer);
  elapsedTimer = 0;
  ui.progress.hidden = true;
}

function requestAnalysis() {
  clearTimeout(debounceTimer);
  const text = ui.input.value;
  if (!text.trim()) {
    engine.cancel();
    renderSeq++;
    view = null;
    stopProgress();
    showError('');
    clearResults();
    setState(engineReady ? 'ready' : document.body.dataset.state);
    setStatus(engineReady ? 'Ready. Paste an article, or try the example.' : ui.status.textContent);
    return;
  }
  const bytes = utf8Length(text);
  if (bytes > MAX_BYTES) {
    engine.cancel();
    stopProgress();
    renderSeq++;
    view = null;
    clearResults();
    setState('error');
    showError(`This text is ${formatSize(bytes)}, and Byline analyzes at most 5 MB at a time. ` +
      'Please split it into smaller parts.');
    setStatus('The text is too long to analyze.');
    return;
  }
  engine.analyze(text);
}

// ---- showing an analysis -----------------------------------------------------------------------

function clearResults() {
  const p = document.createElement('p');
  p.className = 'placeholder';
  p.textContent = 'The highlighted article appears here.';
  ui.reading.replaceChildren(p);
  ui.entityList.replaceChildren();
  ui.quoteList.replaceChildren();
  buildLegend(null);
  setExports(false);
  hideTooltip();
}

function setExports(enabled) {
  for (const b of [ui.exportJson, ui.exportEntities, ui.exportQuotes, ui.copyJson]) {
    b.disabled = !enabled;
  }
}

async function showPlain(text) {
  const seq = ++renderSeq;
  view = null;
  const built = await buildHighlights(document, text, [], { isCancelled: () => seq !== renderSeq });
  if (!built) return;
  ui.reading.replaceChildren(built.root);
  ui.entityList.replaceChildren();
  ui.quoteList.replaceChildren();
  buildLegend(null);
  setExports(false);
}

function spansOf(result) {
  const spans = [];
  result.entities.forEach((e, i) => {
    spans.push({
      id: `e${i}`, begin: e.begin, end: e.end, rank: 2, tag: 'mark', className: 'ent',
      attrs: { 'data-kind': e.type, 'data-entity': String(i) },
    });
  });
  const speakerQuotes = new Map();  // "begin:end" → quote indexes
  result.quotes.forEach((q, i) => {
    const attrs = {
      'data-kind': 'quote', 'data-quote-kind': q.kind, 'data-quote': String(i), tabindex: '-1',
    };
    if (q.partial) attrs['data-quote-partial'] = 'true';
    if (q.speaker_name) attrs['data-speaker'] = q.speaker_name;
    else if (q.speaker && q.speaker.text) attrs['data-speaker-mention'] = q.speaker.text;
    spans.push({ id: `q${i}`, begin: q.begin, end: q.end, rank: 0, tag: 'span', className: 'quote',
      attrs });
    if (q.speaker) {
      const key = `${q.speaker.begin}:${q.speaker.end}`;
      if (!speakerQuotes.has(key)) speakerQuotes.set(key, []);
      speakerQuotes.get(key).push(i);
    }
  });
  const quoteSpeakerKey = [];
  for (const [key, quotes] of speakerQuotes) {
    const [begin, end] = key.split(':').map(Number);
    spans.push({ id: `s${key}`, begin, end, rank: 1, tag: 'span', className: 'speaker',
      attrs: { 'data-role': 'speaker', 'data-quotes': quotes.join(' ') } });
    for (const q of quotes) quoteSpeakerKey[q] = key;
  }
  return { spans, quoteSpeakerKey };
}

async function show(text, result, ms) {
  const seq = ++renderSeq;
  const { spans, quoteSpeakerKey } = spansOf(result);
  const big = text.length > PROGRESS_ABOVE;
  if (big) {
    clearInterval(elapsedTimer);
    ui.progress.hidden = false;
  }
  performance.mark('byline:build');
  const built = await buildHighlights(document, text, spans, {
    isCancelled: () => seq !== renderSeq,
    onProgress: big ? (f) => {
      ui.progress.value = f;
      setStatus(`Showing highlights… ${Math.round(f * 100)}%`);
    } : null,
  });
  if (!built) return;
  performance.measure('byline: build the highlights (sliced)', 'byline:build');
  stopProgress();
  deactivateQuote();
  hideTooltip();
  performance.mark('byline:attach');
  ui.reading.replaceChildren(built.root);
  performance.measure('byline: attach the highlights', 'byline:attach');
  view = { text, result, elements: built.elements, quoteSpeakerKey };
  await new Promise((resolve) => setTimeout(resolve, 0));  // the text first, then the panels
  if (seq !== renderSeq) return;
  performance.mark('byline:panels');
  const entityGroups = groupEntities(result.entities);
  buildEntityPanel(entityGroups);
  buildQuotePanel(result);
  buildLegend(result);
  applyHidden();
  performance.measure('byline: panels and legend', 'byline:panels');
  setExports(true);
  const names = result.entities.length;
  setStatus(`Found ${plural(names, 'entity', 'entities')} and ${plural(result.quotes.length, 'quote')}` +
    ` in ${plural(result.sentences.length, 'sentence')} (analysis took ${Math.round(ms)} ms).`);
  setState('done');
}

// ---- legend -------------------------------------------------------------------------------------

function buildLegend(result) {
  ui.legend.replaceChildren();
  const counts = new Map();
  if (result) {
    for (const e of result.entities) counts.set(e.type, (counts.get(e.type) || 0) + 1);
    for (const q of result.quotes) counts.set(q.kind, (counts.get(q.kind) || 0) + 1);
  }
  const items = [...ENTITY_TYPES.map((t) => [t, TYPE_NAMES[t], t]),
    ['direct', 'Direct quote', 'quote'], ['indirect', 'Reported speech', 'quote']];
  for (const [key, label, kind] of items) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'legend-item';
    b.dataset.toggle = key;
    b.setAttribute('aria-pressed', String(!hiddenKinds.has(key)));
    const sw = document.createElement('span');
    sw.className = 'swatch';
    sw.dataset.type = kind;
    if (kind === 'quote') sw.dataset.quoteKind = key;
    const name = document.createElement('span');
    name.className = 'legend-name';
    if (kind === 'quote') {
      name.textContent = label;
    } else {
      const code = document.createElement('span');
      code.className = 'legend-code';
      code.textContent = key;
      name.append(code, ` ${label}`);
    }
    const count = document.createElement('span');
    count.className = 'legend-count';
    count.textContent = String(counts.get(key) || 0);
    b.append(sw, name, count);
    b.title = `Show or hide ${label.toLowerCase()}`;
    b.addEventListener('click', () => {
      if (hiddenKinds.has(key)) hiddenKinds.delete(key);
      else hiddenKinds.add(key);
      b.setAttribute('aria-pressed', String(!hiddenKinds.has(key)));
      applyHidden();
    });
    ui.legend.append(b);
  }
}

function applyHidden() {
  const keys = [...ENTITY_TYPES, 'direct', 'indirect'];
  for (const k of keys) ui.reading.classList.toggle(`hide-${k}`, hiddenKinds.has(k));
}

// ---- entity panel -------------------------------------------------------------------------------

let selectedEntity = null;  // {button, elements}

function buildEntityPanel(groups) {
  clearEntitySelection();
  ui.entityList.replaceChildren();
  let any = false;
  for (const type of ENTITY_TYPES) {
    const list = groups.get(type);
    if (!list || !list.length) continue;
    any = true;
    const section = document.createElement('section');
    section.className = 'entity-group';
    const h = document.createElement('h3');
    const sw = document.createElement('span');
    sw.className = 'swatch';
    sw.dataset.type = type;
    h.append(sw, `${TYPE_NAMES[type]} `);
    const c = document.createElement('span');
    c.className = 'count';
    c.textContent = `(${list.length})`;
    h.append(c);
    h.id = `entities-${type}`;
    section.setAttribute('aria-labelledby', h.id);
    const ul = document.createElement('ul');
    const addItems = (from, to) => {
      for (const g of list.slice(from, to)) ul.append(entityItem(type, g));
    };
    addItems(0, PANEL_LIMIT);
    section.append(h, ul);
    if (list.length > PANEL_LIMIT) {
      const more = document.createElement('button');
      more.type = 'button';
      more.className = 'more';
      more.textContent = `Show all ${list.length}`;
      more.addEventListener('click', () => {
        addItems(PANEL_LIMIT, list.length);
        more.remove();
      });
      section.append(more);
    }
    ui.entityList.append(section);
  }
  if (!any) {
    const p = document.createElement('p');
    p.className = 'empty';
    p.textContent = 'No entities found.';
    ui.entityList.append(p);
  }
}

function entityItem(type, group) {
  const li = document.createElement('li');
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'entity-item';
  b.dataset.type = type;
  b.setAttribute('aria-pressed', 'false');
  const name = document.createElement('span');
  name.className = 'name';
  name.textContent = group.name;
  const count = document.createElement('span');
  count.className = 'badge';
  count.textContent = String(group.count);
  const unit = document.createElement('span');
  unit.className = 'visually-hidden';
  unit.textContent = group.count === 1 ? ' mention' : ' mentions';
  b.append(name, count, unit);
  b.addEventListener('click', () => selectEntity(b, group));
  li.append(b);
  return li;
}

function clearEntitySelection() {
  if (!selectedEntity) return;
  for (const el of selectedEntity.elements) el.classList.remove('selected');
  selectedEntity.button.setAttribute('aria-pressed', 'false');
  selectedEntity = null;
}

function selectEntity(button, group) {
  const same = selectedEntity && selectedEntity.button === button;
  clearEntitySelection();
  if (same || !view) return;
  const elements = [];
  for (const i of group.mentions) elements.push(...(view.elements.get(`e${i}`) || []));
  for (const el of elements) el.classList.add('selected');
  button.setAttribute('aria-pressed', 'true');
  selectedEntity = { button, elements };
  if (elements.length) scrollToElement(elements[0]);
  setStatus(`${group.name}: ${plural(group.count, 'mention')} marked in the text.`);
}

function scrollToElement(el) {
  const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  el.scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
}

// ---- quote panel --------------------------------------------------------------------------------

function buildQuotePanel(result) {
  ui.quoteList.replaceChildren();
  const groups = groupQuotes(result.quotes);
  if (!groups.length) {
    const p = document.createElement('p');
    p.className = 'empty';
    p.textContent = 'No quotes found.';
    ui.quoteList.append(p);
    return;
  }
  groups.forEach((g, gi) => {
    const section = document.createElement('section');
    section.className = 'speaker-group';
    const h = document.createElement('h3');
    h.id = `speaker-${gi}`;
    const who = document.createElement('span');
    who.className = g.resolved ? 'who' : 'who unresolved';
    who.textContent = g.label === null ? 'Speaker unknown' : g.label;
    h.append(who, ` · ${plural(g.quotes.length, 'quote')}`);
    section.setAttribute('aria-labelledby', h.id);
    const ul = document.createElement('ul');
    const addItems = (from, to) => {
      for (const qi of g.quotes.slice(from, to)) ul.append(quoteItem(result.quotes[qi], qi));
    };
    addItems(0, QUOTE_LIMIT);
    section.append(h, ul);
    if (g.quotes.length > QUOTE_LIMIT) {
      const more = document.createElement('button');
      more.type = 'button';
      more.className = 'more';
      more.textContent = `Show all ${g.quotes.length}`;
      more.addEventListener('click', () => {
        addItems(QUOTE_LIMIT, g.quotes.length);
        more.remove();
      });
      section.append(more);
    }
    ui.quoteList.append(section);
  });
}

function snippet(s, max = 140) {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1).trimEnd()}…` : t;
}

function quoteItem(q, index) {
  const li = document.createElement('li');
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'quote-item';
  b.dataset.quoteKind = q.kind;
  b.dataset.quote = String(index);
  const kind = document.createElement('span');
  kind.className = 'quote-kind';
  kind.textContent = q.kind !== 'direct' ? 'Reported' : q.partial ? 'Partial' : 'Direct';
  if (q.partial) b.dataset.quotePartial = 'true';
  const text = document.createElement('span');
  text.className = 'quote-text';
  text.textContent = q.kind === 'direct' ? `“${snippet(q.text)}”` : snippet(q.text);
  b.append(kind, text);
  b.addEventListener('click', () => jumpToQuote(index));
  b.addEventListener('mouseenter', () => activateQuote(index, null));
  b.addEventListener('mouseleave', () => deactivateQuote());
  b.addEventListener('focus', () => activateQuote(index, null));
  b.addEventListener('blur', () => deactivateQuote());
  li.append(b);
  return li;
}

function jumpToQuote(index) {
  if (!view) return;
  const els = view.elements.get(`q${index}`) || [];
  if (!els.length) return;
  scrollToElement(els[0]);
  els[0].focus({ preventScroll: true });
  for (const el of els) {
    el.classList.remove('flash');
    void el.offsetWidth;  // restart the animation
    el.classList.add('flash');
  }
}

let activeQuote = null;  // {elements}

function activateQuote(index, anchor) {
  deactivateQuote();
  if (!view) return;
  const q = view.result.quotes[index];
  const els = [...(view.elements.get(`q${index}`) || [])];
  const key = view.quoteSpeakerKey[index];
  const speakerEls = key ? [...(view.elements.get(`s${key}`) || [])] : [];
  for (const el of els) el.classList.add('active');
  for (const el of speakerEls) el.classList.add('speaker-active');
  activeQuote = { elements: [...els, ...speakerEls] };
  if (anchor) {
    const who = q.speaker_name || (q.speaker ? `“${q.speaker.text}” (not resolved to a name)` : 'Speaker unknown');
    const what = q.kind !== 'direct' ? 'Reported speech' : q.partial ? 'Partial quote' : 'Direct quote';
    showTooltip(anchor, `${what} — ${who}`);
  }
}

function deactivateQuote() {
  if (!activeQuote) return;
  for (const el of activeQuote.elements) el.classList.remove('active', 'speaker-active');
  activeQuote = null;
  hideTooltip();
}

function showTooltip(anchor, text) {
  ui.tooltip.textContent = text;
  ui.tooltip.hidden = false;
  const rect = anchor.getClientRects()[0] || anchor.getBoundingClientRect();
  const tip = ui.tooltip.getBoundingClientRect();
  const left = Math.max(8, Math.min(rect.left, document.documentElement.clientWidth - tip.width - 8));
  let top = rect.top - tip.height - 6;
  if (top < 4) top = rect.bottom + 6;
  ui.tooltip.style.left = `${left + window.scrollX}px`;
  ui.tooltip.style.top = `${top + window.scrollY}px`;
}

function hideTooltip() { ui.tooltip.hidden = true; }

function quoteTarget(e) {
  const el = e.target instanceof Element ? e.target.closest('[data-kind="quote"]') : null;
  return el && ui.reading.contains(el) ? el : null;
}

ui.reading.addEventListener('mouseover', (e) => {
  const el = quoteTarget(e);
  if (!el) return;
  const index = Number(el.dataset.quote);
  if (activeQuote && activeQuote.index === index) return;
  activateQuote(index, el);
  if (activeQuote) activeQuote.index = index;
});
ui.reading.addEventListener('mouseleave', () => deactivateQuote());
ui.reading.addEventListener('mouseout', (e) => {
  const from = quoteTarget(e);
  const to = e.relatedTarget instanceof Element ? e.relatedTarget.closest('[data-kind="quote"]') : null;
  if (from && (!to || to.dataset.quote !== from.dataset.quote)) deactivateQuote();
});
ui.reading.addEventListener('focusin', (e) => {
  const el = quoteTarget(e);
  if (el) activateQuote(Number(el.dataset.quote), el);
});
ui.reading.addEventListener('focusout', () => deactivateQuote());

// ---- export -------------------------------------------------------------------------------------

function download(filename, type, content) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  setStatus(`Saved ${filename}.`);
}

async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const ta = document.createElement('textarea');
    ta.value = text;
    ta.setAttribute('readonly', '');
    ta.className = 'offscreen';
    document.body.append(ta);
    ta.select();
    let ok = false;
    try { ok = document.execCommand('copy'); } catch { ok = false; }
    ta.remove();
    return ok;
  }
}

ui.exportJson.addEventListener('click', () => {
  if (view) download('byline-analysis.json', 'application/json', exportJson(view.result));
});
ui.exportEntities.addEventListener('click', () => {
  if (view) download('byline-entities.csv', 'text/csv', entitiesCsv(view.result));
});
ui.exportQuotes.addEventListener('click', () => {
  if (view) download('byline-quotes.csv', 'text/csv', quotesCsv(view.result));
});
ui.copyJson.addEventListener('click', async () => {
  if (!view) return;
  const ok = await copyText(exportJson(view.result));
  setStatus(ok ? 'Copied the JSON to the clipboard.' : 'Could not copy to the clipboard; use Download JSON.');
});

// ---- input --------------------------------------------------------------------------------------

ui.input.addEventListener('input', () => {
  clearTimeout(debounceTimer);
  debounceTimer = setTimeout(requestAnalysis, DEBOUNCE_MS);
});
ui.form.addEventListener('submit', (e) => {
  e.preventDefault();
  requestAnalysis();
});
ui.clear.addEventListener('click', () => {
  ui.input.value = '';
  requestAnalysis();
  ui.input.focus();
});
ui.example.addEventListener('click', async () => {
  try {
    const response = await fetch(EXAMPLE_URL);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    ui.input.value = await response.text();
    requestAnalysis();
  } catch (err) {
    showError(`Could not load the example article (${err.message}).`);
  }
});

buildLegend(null);
setState('loading');
engine.start();

// Offline use after the first visit: a service worker keeps the page, engine and model.
if ('serviceWorker' in navigator && window.isSecureContext) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register(new URL('./sw.js', import.meta.url)).catch(() => {});
  });
}
