// Shared pieces of the benchmark: corpora, the one span-to-token mapping, the one conlleval, the
// one quote matcher, and small statistics. Every tool is scored by these functions alone.
//
// Usage:
//   import { readConll, conllDocuments, scoreNer, scoreQuotes } from './lib.mjs';
//   const docs = conllDocuments(readConll(path));          // [{id, text, tokens:[{begin,end,gold}], sentences}]
//   const ner = scoreNer(docs, predictionsById);          // predictions: [{begin, end, type}] in UTF-16 units
//
// Units: all offsets here are UTF-16 code units into JavaScript strings, half-open.
import { readFileSync } from 'node:fs';

export const NER_TYPES = ['PER', 'ORG', 'LOC', 'MISC'];

// ---- corpora -----------------------------------------------------------------------------------

// CoNLL-2003 in two columns (token TAB tag); returns documents of sentences of {word, tag}.
export function readConll(path) {
  const docs = [];
  let doc = null;
  let sentence = [];
  const endSentence = () => {
    if (sentence.length) {
      if (!doc) docs.push((doc = []));
      doc.push(sentence);
    }
    sentence = [];
  };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const t = line.replace(/\r$/, '');
    if (t.trim() === '') {
      endSentence();
      continue;
    }
    const cols = t.split(/\t| /);
    if (cols[0] === '-DOCSTART-') {
      endSentence();
      docs.push((doc = []));
      continue;
    }
    sentence.push({ word: cols[0], tag: cols[cols.length - 1] });
  }
  endSentence();
  return docs.filter((d) => d.length);
}

// Each document as one text: a sentence's tokens joined by single spaces, sentences separated by a
// blank line (a paragraph break, which every tool treats as a sentence end). Tokens keep their offsets.
export function conllDocuments(conllDocs) {
  return conllDocs.map((sentences, i) => {
    let text = '';
    const tokens = [];
    const bounds = [];
    for (const s of sentences) {
      if (text) text += '\n\n';
      const first = tokens.length;
      s.forEach((tok, j) => {
        if (j) text += ' ';
        tokens.push({ begin: text.length, end: text.length + tok.word.length, gold: tok.tag });
        text += tok.word;
      });
      bounds.push([first, tokens.length]);
    }
    return { id: `conll-dev-${i + 1}`, text, tokens, sentences: bounds };
  });
}

export function readJsonl(path) {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
}

// ---- spans -------------------------------------------------------------------------------------

const EDGE = /[\s\p{P}]/u;

// [begin, end) without leading/trailing whitespace and punctuation (quotation marks included);
// null when nothing is left.
export function trimSpan(text, begin, end) {
  while (begin < end && EDGE.test(text[begin])) ++begin;
  while (end > begin && EDGE.test(text[end - 1])) --end;
  return begin < end ? [begin, end] : null;
}

// Converts UTF-8 byte offsets (the native CLI's unit) to UTF-16 offsets of the same string.
export function byteToUtf16(text) {
  const map = new Map();
  let bytes = 0;
  for (let i = 0; i < text.length; ) {
    map.set(bytes, i);
    const cp = text.codePointAt(i);
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    i += cp >= 0x10000 ? 2 : 1;
  }
  map.set(bytes, text.length);
  return (b) => {
    const u = map.get(b);
    if (u === undefined) throw new Error(`byte offset ${b} is not a character boundary`);
    return u;
  };
}

// ---- entities: spans to IOB2 on gold tokens, then conlleval ------------------------------------

// Predicted IOB2 tags for one document's gold tokens. A token belongs to a span if they overlap.
// Spans are trimmed first, then taken by begin (longer first); a span that touches a token an
// earlier span already took is dropped (nested or overlapping predictions count once).
export function spansToTags(doc, spans) {
  const tags = doc.tokens.map(() => 'O');
  const trimmed = [];
  for (const s of spans) {
    if (!NER_TYPES.includes(s.type)) continue;
    const t = trimSpan(doc.text, s.begin, s.end);
    if (t) trimmed.push({ begin: t[0], end: t[1], type: s.type });
  }
  trimmed.sort((a, b) => a.begin - b.begin || b.end - a.end);
  for (const s of trimmed) {
    const hit = [];
    for (let i = lowerBound(doc.tokens, s.begin); i < doc.tokens.length; ++i) {
      const tok = doc.tokens[i];
      if (tok.begin >= s.end) break;
      if (tok.end > s.begin) hit.push(i);
    }
    if (!hit.length || hit.some((i) => tags[i] !== 'O')) continue;
    hit.forEach((i, k) => (tags[i] = `${k ? 'I' : 'B'}-${s.type}`));
  }
  // A span never runs across a sentence boundary: restart it there.
  for (const [first] of doc.sentences) {
    if (tags[first].startsWith('I-')) tags[first] = `B-${tags[first].slice(2)}`;
  }
  return tags;
}

// First token whose end is after offset (tokens sorted, non-overlapping).
function lowerBound(tokens, offset) {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// Chunks of one sentence's IOB2 tags, as conlleval reads them (an I- after O or after another type
// starts a chunk). Returns "start:end:type" keys.
export function chunks(tags) {
  const out = [];
  let start = -1;
  let type = '';
  const close = (end) => {
    if (start >= 0) out.push(`${start}:${end}:${type}`);
    start = -1;
  };
  tags.forEach((tag, i) => {
    const prefix = tag[0];
    const t = tag.length > 2 ? tag.slice(2) : '';
    if (prefix === 'B' || (prefix === 'I' && (start < 0 || t !== type))) {
      close(i);
      start = i;
      type = t;
    } else if (prefix !== 'I') {
      close(i);
    }
  });
  close(tags.length);
  return out;
}

// conlleval: strict chunk P/R/F1 per type, for PER+ORG+LOC together, MISC, and all four.
// docs are conllDocuments(); tagsById maps a document id to its predicted tags (missing = all O).
export function conlleval(docs, tagsById) {
  const counts = {};
  const bump = (type, key) => {
    counts[type] ??= { gold: 0, predicted: 0, correct: 0 };
    counts[type][key] += 1;
  };
  for (const doc of docs) {
    const predicted = tagsById.get(doc.id) ?? doc.tokens.map(() => 'O');
    for (const [first, last] of doc.sentences) {
      const gold = chunks(doc.tokens.slice(first, last).map((t) => t.gold));
      const pred = chunks(predicted.slice(first, last));
      const goldSet = new Set(gold);
      for (const c of gold) bump(c.split(':')[2], 'gold');
      for (const c of pred) {
        const type = c.split(':')[2];
        bump(type, 'predicted');
        if (goldSet.has(c)) bump(type, 'correct');
      }
    }
  }
  const prf = (types) => {
    const c = { gold: 0, predicted: 0, correct: 0 };
    for (const t of types) for (const k of Object.keys(c)) c[k] += counts[t]?.[k] ?? 0;
    return { ...c, ...f1(c.correct, c.predicted, c.gold) };
  };
  const out = { PER_ORG_LOC: prf(['PER', 'ORG', 'LOC']), MISC: prf(['MISC']), ALL: prf(NER_TYPES) };
  for (const t of NER_TYPES) out[t] = prf([t]);
  return out;
}

export function f1(correct, predicted, gold) {
  const p = predicted ? correct / predicted : 0;
  const r = gold ? correct / gold : 0;
  return { precision: p * 100, recall: r * 100, f1: p + r ? (200 * p * r) / (p + r) : 0 };
}

export function scoreNer(docs, spansById) {
  const tags = new Map();
  for (const doc of docs) tags.set(doc.id, spansToTags(doc, spansById.get(doc.id) ?? []));
  return conlleval(docs, tags);
}

// ---- quotes ------------------------------------------------------------------------------------

export const QUOTE_IOU = 0.8;

// Direct quotations of PolNeAR records: the gold `inner` span of every direct record, and every
// predicted direct quotation, trimmed of spaces and punctuation; one-to-one matches with inner-span
// IoU >= 0.8, taken greedily from the best IoU down. Returns P/R/F1 and counts.
export function scoreQuotes(records, quotesById) {
  let gold = 0;
  let predicted = 0;
  let correct = 0;
  for (const rec of records) {
    const g = rec.quotes
      .filter((q) => q.direct && q.inner)
      .map((q) => trimSpan(rec.text, q.inner[0], q.inner[1]))
      .filter(Boolean);
    const p = (quotesById.get(rec.id) ?? []).map((q) => trimSpan(rec.text, q.begin, q.end)).filter(Boolean);
    gold += g.length;
    predicted += p.length;
    const pairs = [];
    g.forEach((a, i) =>
      p.forEach((b, j) => {
        const inter = Math.min(a[1], b[1]) - Math.max(a[0], b[0]);
        if (inter <= 0) return;
        const iou = inter / (Math.max(a[1], b[1]) - Math.min(a[0], b[0]));
        if (iou >= QUOTE_IOU) pairs.push([iou, i, j]);
      }),
    );
    pairs.sort((x, y) => y[0] - x[0]);
    const usedG = new Set();
    const usedP = new Set();
    for (const [, i, j] of pairs) {
      if (usedG.has(i) || usedP.has(j)) continue;
      usedG.add(i);
      usedP.add(j);
      correct += 1;
    }
  }
  return { gold, predicted, correct, ...f1(correct, predicted, gold) };
}

// ---- statistics and machine --------------------------------------------------------------------

export function median(values) {
  const v = [...values].sort((a, b) => a - b);
  const n = v.length;
  if (!n) return NaN;
  return n % 2 ? v[(n - 1) / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// VmHWM (peak resident set) of this process in kB, or null without /proc.
export function peakRssKb() {
  try {
    const m = /VmHWM:\s*(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}
