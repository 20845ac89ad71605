// Exports: the JSON download is exactly analyze()'s result in the CLI's schema plus the offset unit;
// the CSV downloads have a header and one row per entity or quote, with fields that survive commas,
// quotation marks and line breaks; Copy JSON puts the same JSON on the clipboard.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  SEED, analyzeInPage, analyzeText, launchBrowser, openPage, requireBuiltCore, startServer,
} from './helpers.mjs';

// RFC 4180: quoted fields may hold commas, "" and line breaks.
function parseCsv(s) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\r' && s[i + 1] === '\n') {
      row.push(cell); rows.push(row); row = []; cell = ''; i++;
    } else cell += c;
  }
  assert.equal(quoted, false, 'unterminated quoted field');
  assert.equal(row.length + cell.length, 0, 'the CSV does not end with CRLF');
  return rows;
}

// The spreadsheet guard: a cell starting with = + - @ gets a leading '.
const unguard = (v) => (/^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v);

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

async function downloadText(page, button) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
}

test('JSON and CSV exports match the analysis', { timeout: 120_000 }, async () => {
  const { context, page, errors } = await openPage(browser, server.url);
  const text = `${readFileSync(SEED, 'utf8')}\n\n“We will win, “really”, for sure,” said José Müller 😀 in Zürich on Thursday.\n` +
    '=1+1 said Angela Merkel, the "chancellor", in Berlin.';
  await analyzeText(page, text);
  const expected = await analyzeInPage(page, text);
  assert.ok(expected.entities.length > 0 && expected.quotes.length > 0, 'the engine found nothing to export');

  const json = await downloadText(page, '#export-json');
  assert.equal(json.name, 'byline-analysis.json');
  const exported = JSON.parse(json.text);
  assert.equal(exported.offset_unit, 'utf-16 code units');
  assert.deepEqual(exported.entities, expected.entities);
  assert.deepEqual(exported.quotes, expected.quotes);
  assert.deepEqual(exported.sentences, expected.sentences);
  assert.deepEqual(Object.keys(exported).sort(), ['entities', 'offset_unit', 'quotes', 'sentences']);
  for (const e of exported.entities) assert.equal(e.text, text.slice(e.begin, e.end));

  const ents = await downloadText(page, '#export-entities-csv');
  assert.equal(ents.name, 'byline-entities.csv');
  const erows = parseCsv(ents.text);
  assert.deepEqual(erows[0], ['begin', 'end', 'type', 'text']);
  assert.equal(erows.length - 1, expected.entities.length);
  erows.slice(1).forEach((r, i) => {
    const e = expected.entities[i];
    assert.deepEqual([Number(r[0]), Number(r[1]), r[2], unguard(r[3])], [e.begin, e.end, e.type, e.text]);
  });

  const quotes = await downloadText(page, '#export-quotes-csv');
  assert.equal(quotes.name, 'byline-quotes.csv');
  const qrows = parseCsv(quotes.text);
  assert.deepEqual(qrows[0], ['begin', 'end', 'kind', 'speaker_name', 'speaker_text', 'speaker_begin',
    'speaker_end', 'text', 'partial']);
  assert.equal(qrows.length - 1, expected.quotes.length);
  qrows.slice(1).forEach((r, i) => {
    const q = expected.quotes[i];
    assert.deepEqual(
      [Number(r[0]), Number(r[1]), r[2], unguard(r[3]), unguard(r[4]), unguard(r[7]), r[8]],
      [q.begin, q.end, q.kind, q.speaker_name ?? '', q.speaker?.text ?? '', q.text, String(q.partial)]);
  });
  // The seed's two quoted fragments are partial quotes.
  assert.deepEqual(expected.quotes.filter((q) => q.partial).map((q) => q.text),
    ["history doesn't repeat itself", 'pattern of Russian aggression against Ukraine']);

  // Copy JSON: the same document on the clipboard.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  await page.click('#copy-json');
  await page.waitForFunction(() => /Copied/.test(document.getElementById('status').textContent));
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, json.text);

  console.log(`# exported ${expected.entities.length} entities, ${expected.quotes.length} quotes`);
  assert.deepEqual(errors, []);
});
