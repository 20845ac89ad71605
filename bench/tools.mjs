// The tools under comparison, each behind the same two steps, so one harness times and scores them:
//   const tool = TOOLS[name];
//   const lib = await tool.load(ctx);        // import the code (timed as "load")
//   const run = await tool.init(lib, ctx);   // build the analyzer / model (timed as "init")
//   const r = run(text);   // {entities: [{begin, end, type}], quotes: [{begin, end, partial?, speaker?: [b, e]}]}
// Offsets are UTF-16 code units into text, half-open. Types: PER ORG LOC MISC, or the tool's own
// (DATE, CARDINAL, ...), which the CoNLL score ignores. quotes are direct quotations only.
// ctx = {root: the repository root (a path), model: the model path or '' for none}.
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';

// compromise: a span of terms, from the terms' own offsets (a match's `offset` starts after its
// opening punctuation but its length counts it, so the terms are what is exact).
function termSpan(match) {
  const terms = match.terms.filter((t) => t.offset.length > 0);
  if (!terms.length) return null;
  const first = terms[0].offset;
  const last = terms[terms.length - 1].offset;
  return { begin: first.start, end: last.start + last.length };
}

function compromiseSpans(view, type, out) {
  for (const m of view.json({ offset: true, terms: { offset: true } })) {
    const s = termSpan(m);
    if (s) out.push({ ...s, type });
  }
}

const compromiseFull = {
  label: 'compromise + compromise-dates',
  packages: ['compromise', 'compromise-dates'],
  async load() {
    const nlp = (await import('compromise')).default;
    const dates = (await import('compromise-dates')).default;
    return { nlp, dates };
  },
  async init({ nlp, dates }) {
    nlp.plugin(dates);
    return (text) => {
      const doc = nlp(text);
      const entities = [];
      compromiseSpans(doc.people(), 'PER', entities);
      compromiseSpans(doc.organizations(), 'ORG', entities);
      compromiseSpans(doc.places(), 'LOC', entities);
      compromiseSpans(doc.dates(), 'DATE', entities);
      const quotes = [];
      compromiseSpans(doc.quotations(), 'QUOTE', quotes);
      return { entities, quotes };
    };
  },
};

// The cheapest way to get people, organizations and places out of compromise: no dates plugin,
// no quotations. Timed only, as the most favourable configuration for compromise.
const compromiseCore = {
  label: 'compromise, names only (no plugin, no quotes)',
  packages: ['compromise'],
  async load() {
    return { nlp: (await import('compromise')).default };
  },
  async init({ nlp }) {
    return (text) => {
      const doc = nlp(text);
      const entities = [];
      compromiseSpans(doc.people(), 'PER', entities);
      compromiseSpans(doc.organizations(), 'ORG', entities);
      compromiseSpans(doc.places(), 'LOC', entities);
      return { entities, quotes: [] };
    };
  },
};

// wink-nlp: entities are token ranges; token offsets are found by walking the text (wink keeps
// each token's surface form, and contractions split into pieces that are still in order).
const wink = {
  label: 'wink-nlp + wink-eng-lite-web-model',
  packages: ['wink-nlp', 'wink-eng-lite-web-model'],
  async load() {
    const winkNLP = (await import('wink-nlp')).default;
    const model = (await import('wink-eng-lite-web-model')).default;
    return { winkNLP, model };
  },
  async init({ winkNLP, model }) {
    const nlp = winkNLP(model);
    const its = nlp.its;
    return (text) => {
      const doc = nlp.readDoc(text);
      const values = doc.tokens().out(its.value);
      const starts = new Array(values.length);
      let at = 0;
      values.forEach((v, i) => {
        const k = text.indexOf(v, at);
        starts[i] = k < 0 ? at : k;
        if (k >= 0) at = k + v.length;
      });
      const entities = [];
      doc.entities().each((e) => {
        const [a, b] = e.out(its.span);
        entities.push({ begin: starts[a], end: starts[b] + values[b].length, type: e.out(its.type) });
      });
      return { entities, quotes: [] };
    };
  },
};

// Byline's WebAssembly core under Node, through its public JavaScript API (web/byline.js).
const bylineWasm = {
  label: 'Byline WebAssembly (Node)',
  packages: [],
  async load(ctx) {
    const wasmPath = join(ctx.root, 'web', 'byline-core.wasm');
    if (!existsSync(wasmPath)) throw new Error(`${wasmPath} is missing: build the WebAssembly core first`);
    const api = await import(pathToFileURL(join(ctx.root, 'web', 'byline.js')).href);
    return { api, wasmBinary: readFileSync(wasmPath) };
  },
  async init({ api, wasmBinary }, ctx) {
    const modelBytes = ctx.model ? readFileSync(ctx.model) : null;
    const analyzer = await api.createAnalyzer({ wasmBinary, modelBytes });
    return (text) => {
      const r = analyzer.analyze(text);
      return {
        entities: r.entities.map((e) => ({ begin: e.begin, end: e.end, type: e.type })),
        quotes: r.quotes.filter((q) => q.kind === 'direct').map((q) => ({
          begin: q.begin, end: q.end, partial: q.partial,
          speaker: q.speaker ? [q.speaker.begin, q.speaker.end] : null,
        })),
      };
    };
  },
};

export const TOOLS = {
  'byline-wasm': bylineWasm,
  compromise: compromiseFull,
  'compromise-names': compromiseCore,
  wink,
};
