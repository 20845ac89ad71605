// Builds the highlighted text: the pasted text as DOM text nodes, with one element per highlight.
//
// Usage:
//   const spans = [{id: 'e0', begin: 0, end: 4, rank: 2, tag: 'mark', className: 'ent',
//                   attrs: {'data-kind': 'PER'}}];
//   const {root, elements} = await buildHighlights(document, text, spans);
//   container.replaceChildren(root);   // elements.get('e0') → [the span's element(s)]
//
// Offsets are UTF-16 code units (JavaScript string indices), half-open [begin, end).
//
// Invariant (what the browser tests check): every element built for a span carries data-start and
// data-end, and its textContent is exactly text.slice(data-start, data-end). Nested spans become
// nested elements. Where two spans overlap without nesting, or a span crosses a block boundary, the
// span is split into pieces: each piece has its own exact data-start/data-end, data-part (1, 2, …),
// data-span-start/data-span-end (the whole span), and the last piece has data-part-last.
//
// The text is cut into blocks (div.block) at paragraph breaks so the browser lays out only what is
// on screen (content-visibility in style.css). The build yields to the event loop every few
// milliseconds, so a megabyte of text never freezes the page; it is built detached and returned.
// User text only ever becomes text nodes (createTextNode), never markup.

// Positions where a new block starts: after a blank line, or (for very long paragraphs) at a
// newline or space once a block is longer than maxBlock code units.
export function blockBreaks(text, maxBlock = 4000) {
  const breaks = [];
  const re = /\n[ \t]*\n\s*/g;
  let last = 0;
  const pushLong = (from, to) => {  // splits [from, to) into pieces of about maxBlock
    let start = from;
    while (to - start > maxBlock * 1.5) {
      let p = start + maxBlock;
      const nl = text.indexOf('\n', p);
      const sp = text.indexOf(' ', p);
      const candidates = [nl, sp].filter((x) => x >= 0 && x < start + maxBlock * 1.25);
      p = candidates.length ? Math.min(...candidates) + 1 : start + maxBlock;
      const c = text.charCodeAt(p);
      if (c >= 0xdc00 && c <= 0xdfff) p++;  // never between the halves of a surrogate pair
      if (p >= to) break;
      breaks.push(p);
      start = p;
    }
  };
  let m;
  while ((m = re.exec(text)) !== null) {
    const p = m.index + m[0].length;
    if (p >= text.length) break;
    pushLong(last, m.index);
    breaks.push(p);
    last = p;
  }
  pushLong(last, text.length);
  return breaks;
}

function validSpans(text, spans) {
  const n = text.length;
  const out = [];
  spans.forEach((s, order) => {
    if (Number.isInteger(s.begin) && Number.isInteger(s.end) && s.begin >= 0 && s.begin < s.end &&
        s.end <= n) {
      out.push({ ...s, rank: s.rank ?? 0, order });
    }
  });
  out.sort((a, b) => a.begin - b.begin || b.end - a.end || a.rank - b.rank || a.order - b.order);
  return out;
}

// Yields to the event loop: scheduler.yield() where there is one, else a message to ourselves
// (setTimeout(0) would wait at least 4 ms each time once nested).
// The channel is made on first use (an open port would keep Node, which imports this module in
// tests, from exiting).
let channel = null;
const waiting = [];
const nextTask = () => {
  if (globalThis.scheduler && typeof globalThis.scheduler.yield === 'function') {
    return globalThis.scheduler.yield();
  }
  if (typeof MessageChannel !== 'function') return new Promise((resolve) => setTimeout(resolve, 0));
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
  }
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });
};

export async function buildHighlights(doc, text, spans, options = {}) {
  const sliceMs = options.sliceMs ?? 12;
  const isCancelled = options.isCancelled ?? (() => false);
  const yieldFn = options.yieldFn ?? nextTask;
  const onProgress = options.onProgress ?? null;
  const breaks = blockBreaks(text, options.maxBlock ?? 4000);
  const sorted = validSpans(text, spans);
  const n = text.length;
  if (sorted.length > 5000) {  // sorting many spans took a while: let the page breathe
    await yieldFn();
    if (isCancelled()) return null;
  }

  const root = doc.createElement('div');
  root.className = 'blocks';
  const elements = new Map();
  const newBlock = () => {
    const b = doc.createElement('div');
    b.className = 'block';
    root.appendChild(b);
    return b;
  };
  let block = newBlock();
  const stack = [];  // open pieces, outermost first: {span, el, start, part}
  const parent = () => (stack.length ? stack[stack.length - 1].el : block);

  const open = (span, pos, part) => {
    const el = doc.createElement(span.tag || 'span');
    if (span.className) el.className = span.className;
    if (span.attrs) for (const [k, v] of Object.entries(span.attrs)) el.setAttribute(k, v);
    el.setAttribute('data-start', String(pos));
    parent().appendChild(el);
    stack.push({ span, el, start: pos, part });
    let list = elements.get(span.id);
    if (!list) elements.set(span.id, (list = []));
    list.push(el);
  };
  const close = (o, pos) => {
    o.el.setAttribute('data-end', String(pos));
    const split = o.span.end > pos || o.part > 1;
    if (split) {
      o.el.setAttribute('data-part', String(o.part));
      o.el.setAttribute('data-span-start', String(o.span.begin));
      o.el.setAttribute('data-span-end', String(o.span.end));
      if (o.span.end <= pos) o.el.setAttribute('data-part-last', '');
    }
  };

  let pos = 0;
  let si = 0;
  let bi = 0;
  let t0 = performance.now();
  let steps = 0;
  while (pos < n) {
    if ((++steps & 255) === 0 && performance.now() - t0 > sliceMs) {
      if (onProgress) onProgress(pos / n);
      await yieldFn();
      if (isCancelled()) return null;
      t0 = performance.now();
    }
    const isBreak = bi < breaks.length && breaks[bi] === pos;
    if (isBreak) bi++;
    const toOpen = [];
    // Close every piece that ends here; pieces opened inside it that go on are reopened.
    const i = isBreak ? 0 : stack.findIndex((o) => o.span.end <= pos);
    if (i >= 0) {
      while (stack.length > i) {
        const o = stack.pop();
        close(o, pos);
        if (o.span.end > pos) toOpen.push({ span: o.span, part: o.part + 1 });
      }
    }
    if (isBreak) block = newBlock();
    while (si < sorted.length && sorted[si].begin <= pos) {
      const s = sorted[si++];
      if (s.begin === pos) toOpen.push({ span: s, part: 1 });
    }
    if (toOpen.length > 1) {
      toOpen.sort((a, b) => b.span.end - a.span.end || a.span.rank - b.span.rank ||
                            a.span.begin - b.span.begin || a.span.order - b.span.order);
    }
    for (const t of toOpen) open(t.span, pos, t.part);

    let next = n;
    if (si < sorted.length && sorted[si].begin < next) next = sorted[si].begin;
    if (bi < breaks.length && breaks[bi] < next) next = breaks[bi];
    for (const o of stack) if (o.span.end < next) next = o.span.end;
    parent().appendChild(doc.createTextNode(text.slice(pos, next)));
    pos = next;
  }
  while (stack.length) close(stack.pop(), n);
  if (onProgress) onProgress(1);
  return { root, elements };
}
