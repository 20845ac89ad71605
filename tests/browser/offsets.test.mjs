// The page's data-* contract: every highlight element's text is exactly the slice of the pasted text
// between its data-start and data-end (UTF-16 code units), with emoji, accents and curly quotes,
// and the page shows exactly what the engine found.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ROOT, SEED, analyzeInPage, analyzeText, launchBrowser, openPage, readHighlights,
  requireBuiltCore, startServer, waitForAnalysis,
} from './helpers.mjs';

const TRICKY = [
  '“We will win,” said José Müller 😀 in Zürich on Thursday.',
  'Ukraine’s President Volodymyr Zelenskyy 🇺🇦 told reporters: “Russia can stop this war,” ' +
    'adding that the café in Kraków was “naïve — very naïve.”',
  '',
  '«Nous gagnerons», a déclaré Emmanuel Macron à Paris. The 👩‍👩‍👧 family paid €1,200 on Friday.',
  'Angela Merkel said the talks in Berlin had failed. ‘It is over,’ said Olaf Scholz 🙂.',
].join('\n');

// Each highlight's text equals its slice; pieces of a split span cover the span exactly.
function checkInvariant(text, highlights) {
  assert.ok(highlights.length > 0, 'no highlight elements at all');
  for (const h of highlights) {
    assert.ok(Number.isInteger(h.start) && Number.isInteger(h.end) && h.start < h.end &&
      h.end <= text.length, `bad offsets ${JSON.stringify(h)}`);
    assert.equal(h.text, text.slice(h.start, h.end),
      `element ${h.kind ?? h.role} [${h.start}, ${h.end}) shows ${JSON.stringify(h.text)}`);
  }
  // Pieces of one span, in order, tile [span-start, span-end).
  const pieces = new Map();
  for (const h of highlights.filter((x) => x.part !== null)) {
    const key = `${h.kind ?? h.role}:${h.spanStart}:${h.spanEnd}`;
    if (!pieces.has(key)) pieces.set(key, []);
    pieces.get(key).push(h);
  }
  for (const [key, list] of pieces) {
    list.sort((a, b) => a.start - b.start);
    assert.equal(list[0].start, list[0].spanStart, key);
    assert.equal(list.at(-1).end, list.at(-1).spanEnd, key);
    for (let i = 1; i < list.length; i++) assert.equal(list[i].start, list[i - 1].end, key);
  }
}

// The highlights as whole spans "KIND begin end" (pieces joined), to compare with the engine.
function shownSpans(highlights) {
  const out = new Set();
  for (const h of highlights) {
    if (h.kind === null) continue;
    const begin = h.part === null ? h.start : h.spanStart;
    const end = h.part === null ? h.end : h.spanEnd;
    out.add(`${h.kind} ${begin} ${end}`);
  }
  return [...out].sort();
}

function engineSpans(result) {
  return [...new Set([
    ...result.entities.map((e) => `${e.type} ${e.begin} ${e.end}`),
    ...result.quotes.map((q) => `quote ${q.begin} ${q.end}`),
  ])].sort();
}

describe('highlight offsets with the stub engine (nesting, overlaps, splits)', () => {
  let server;
  let browser;
  before(async () => {
    server = await startServer({
      overrides: { 'byline.js': join(ROOT, 'tests/browser/fixtures/stub-byline.js') },
    });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('entities in quotes nest; a span crossing a quote is split into exact pieces', { timeout: 120_000 }, async () => {
    const { page, errors } = await openPage(browser, server.url);
    const text = `${TRICKY}\n\n“A quote about Angela Merkel that runs\n\ninto the next paragraph,” said Jens Stoltenberg.`;
    await analyzeText(page, text);
    const hs = await readHighlights(page);
    checkInvariant(text, hs);
    assert.ok(hs.some((h) => h.part !== null), 'the crossing MISC entity should have been split');
    // PER inside a direct quote is an element inside the quote's element.
    const nested = await page.$$eval('#reading [data-kind="quote"] [data-kind="PER"]', (e) => e.length);
    assert.ok(nested > 0, 'no entity nested inside a quote');
    // Speakers are marked and quotes carry their speaker's name and kind.
    const q = hs.find((h) => h.kind === 'quote' && h.text.startsWith('We will win'));
    assert.ok(q, 'quote “We will win,” not shown');
    assert.equal(q.speaker, 'José Müller');
    assert.equal(q.quoteKind, 'direct');
    assert.deepEqual(shownSpans(hs), engineSpans(await analyzeInPage(page, text)));
    assert.deepEqual(errors, []);
  });
});

describe('highlight offsets with the WebAssembly engine', () => {
  let server;
  let browser;
  before(async () => {
    requireBuiltCore();
    server = await startServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('pasted text with emoji, accents and curly quotes: every highlight is its exact slice', { timeout: 120_000 }, async () => {
    const { page, errors } = await openPage(browser, server.url);
    const state = await page.evaluate(() => document.body.dataset.state);
    assert.equal(state, 'ready', await page.textContent('#error'));
    await analyzeText(page, TRICKY);
    const hs = await readHighlights(page);
    checkInvariant(TRICKY, hs);
    assert.deepEqual(shownSpans(hs), engineSpans(await analyzeInPage(page, TRICKY)));
    assert.deepEqual(errors, []);
  });

  test('the example article: exact highlights, and the names a reader expects', { timeout: 120_000 }, async () => {
    const { page, errors } = await openPage(browser, server.url);
    const seed = readFileSync(SEED, 'utf8');
    await page.click('#example-button');
    await waitForAnalysis(page, seed);
    assert.equal(await page.inputValue('#text-input'), seed);
    const hs = await readHighlights(page);
    checkInvariant(seed, hs);
    const result = await analyzeInPage(page, seed);
    assert.deepEqual(shownSpans(hs), engineSpans(result));
    const has = (kind, s, from = 0) => {
      const begin = seed.indexOf(s, from);
      assert.ok(begin >= 0, s);
      return hs.some((h) => h.kind === kind && h.start === begin && h.end === begin + s.length);
    };
    assert.ok(has('PER', 'Jens Stoltenberg', seed.indexOf('NATO Secretary-General')),
      'PER Jens Stoltenberg (second paragraph)');
    assert.ok(has('LOC', 'Oslo'), 'LOC Oslo');
    assert.ok(has('PER', 'Volodymyr Zelenskyy'), 'PER Volodymyr Zelenskyy');
    const door = hs.find((h) => h.kind === 'quote' && h.text.includes('door is open'));
    assert.ok(door, 'quote “NATO’s door is open for new members.”');
    assert.equal(door.quoteKind, 'direct');
    assert.equal(door.partial, false);
    assert.match(door.speaker ?? '', /Stoltenberg/);
    // The two quoted fragments are marked partial, in the reading view as in the result.
    const partial = hs.filter((h) => h.kind === 'quote' && h.partial).map((h) => h.text);
    assert.deepEqual(partial, ["history doesn't repeat itself",
      'pattern of Russian aggression against Ukraine']);
    assert.deepEqual(result.quotes.filter((q) => q.partial).map((q) => q.text), partial);
    assert.deepEqual(errors, []);
  });
});
