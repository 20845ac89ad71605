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

// The direct-quote matching of `byline eval-quotes` (tools/quote_eval.h), applied to every tool
// alike:
// - gold: the `inner` span of every record whose quote_type is "direct" or "embedded" (a verbatim
//   quotation whose speaker is named inside its marks); predictions: the tool's direct
//   quotations, cut into one piece per paragraph (as the gold splits them). With
//   { wholeOnly: true } a quotation the tool marks `partial` (a fragment woven into the writer's
//   sentence: PolNeAR's "mixed" attributions) is left out, as eval-quotes' "direct" row does;
//   without it every direct quotation counts (its "all direct" row);
// - both trimmed of spaces, punctuation and quotation marks (ASCII non-alphanumerics, U+00A0,
//   U+2000-U+206F, « », U+3000);
// - one-to-one matches with IoU >= 0.8, best IoU first; then an unmatched prediction that fits
//   the union of >= 2 unmatched pieces of one attribution (records sharing an attr_id: PolNeAR's
//   one content span marked in pieces; each >= 90% inside it, their union IoU >= 0.8 and
//   covering >= 80% of it) matches them all; every other prediction is wrong;
// - speaker: over matched predictions whose gold has a speaker, right when the predicted speaker
//   mention overlaps the gold speaker span.
// Offsets are UTF-16 units = code points here (PolNeAR has no characters outside the BMP).
function isJunk(ch) {
  const c = ch.codePointAt(0);
  if (c < 128) return !((c >= 48 && c <= 57) || ((c | 0x20) >= 97 && (c | 0x20) <= 122));
  return c === 0xa0 || (c >= 0x2000 && c <= 0x206f) || c === 0xab || c === 0xbb || c === 0x3000;
}
function quoteTrim(text, [b, e]) {
  b = Math.max(0, b);
  e = Math.min(text.length, e);
  while (b < e && isJunk(text[b])) ++b;
  while (e > b && isJunk(text[e - 1])) --e;
  return [b, e];
}
const iou = (a, b) => {
  const inter = Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));
  const uni = Math.max(a[1], b[1]) - Math.min(a[0], b[0]);
  return uni <= 0 ? 0 : inter / uni;
};
const overlaps = (a, b) => a[0] < b[1] && b[0] < a[1];

// records: PolNeAR records; quotesById: id -> [{begin, end, partial?, speaker: [b, e] | null | undefined}].
export function scoreQuotes(records, quotesById, { wholeOnly = false } = {}) {
  const c = { gold: 0, predicted: 0, tp: 0, tp_gold: 0, fp: 0, speaker_total: 0, speaker_right: 0 };
  for (const rec of records) {
    const text = rec.text;
    const gold = [];
    for (const r of rec.quotes) {
      if ((r.quote_type === 'direct' || r.quote_type === 'embedded') && Array.isArray(r.inner)) {
        gold.push({ span: quoteTrim(text, r.inner), speaker: Array.isArray(r.speaker) ? r.speaker : null,
          attr: typeof r.attr_id === 'string' ? r.attr_id : '' });
      }
    }
    const preds = [];
    for (const q of quotesById.get(rec.id) ?? []) {
      if (wholeOnly && q.partial) continue;
      let b = q.begin;
      for (let i = q.begin; i <= q.end; ++i) {
        if (i === q.end || text[i] === '\n') {
          const r = quoteTrim(text, [b, i]);
          if (r[1] > r[0]) preds.push({ span: r, speaker: q.speaker ?? null });
          b = i + 1;
        }
      }
    }
    const pairs = [];
    preds.forEach((p, pi) => gold.forEach((g, gi) => {
      const v = iou(p.span, g.span);
      if (v >= QUOTE_IOU) pairs.push([v, pi, gi]);
    }));
    pairs.sort((x, y) => y[0] - x[0]);
    const pm = preds.map(() => -1);
    const gm = gold.map(() => -1);
    for (const [, pi, gi] of pairs) {
      if (pm[pi] >= 0 || gm[gi] >= 0) continue;
      pm[pi] = gi;
      gm[gi] = pi;
    }
    const extra = preds.map(() => 0);
    preds.forEach((p, pi) => {
      if (pm[pi] >= 0) return;
      let u = [Infinity, 0];
      const within = [];
      let covered = 0;
      gold.forEach((g, gi) => {
        if (gm[gi] >= 0 || g.attr === '') return;
        if (within.length && g.attr !== gold[within[0]].attr) return;
        const r = g.span;
        const inter = Math.max(0, Math.min(r[1], p.span[1]) - Math.max(r[0], p.span[0]));
        if (r[1] > r[0] && inter * 10 >= (r[1] - r[0]) * 9) {
          within.push(gi);
          u = [Math.min(u[0], r[0]), Math.max(u[1], r[1])];
          covered += r[1] - r[0];
        }
      });
      if (within.length >= 2 && iou(u, p.span) >= QUOTE_IOU && covered * 10 >= (p.span[1] - p.span[0]) * 8) {
        pm[pi] = within[0];
        for (const gi of within) gm[gi] = pi;
        extra[pi] = within.length - 1;
      }
    });
    preds.forEach((p, pi) => {
      if (pm[pi] >= 0) {
        c.tp += 1;
        c.tp_gold += 1 + extra[pi];
        const g = gold[pm[pi]];
        if (g.speaker) {
          c.speaker_total += 1;
          if (p.speaker && overlaps(p.speaker, g.speaker)) c.speaker_right += 1;
        }
      } else {
        c.fp += 1;
      }
    });
    c.gold += gold.length;
    c.predicted += preds.length;
  }
  const P = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const R = c.gold ? c.tp_gold / c.gold : 0;
  const F = (p, r) => (p + r ? (200 * p * r) / (p + r) : 0);
  return {
    ...c, precision: 100 * P, recall: 100 * R, f1: F(P, R),
    speaker_accuracy: c.speaker_total ? (100 * c.speaker_right) / c.speaker_total : null,
  };
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
