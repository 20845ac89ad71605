// Editing while an analysis runs: only the newest text is ever shown; clearing the text or pasting
// one over the cap during an analysis leaves no stale highlights. Uses the stub engine, whose
// SLOW-ANALYSIS marker makes an analysis take 1.5 s.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT, launchBrowser, openPage, readHighlights, startServer, waitForAnalysis } from './helpers.mjs';

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

const SLOW = 'SLOW-ANALYSIS: “We will win,” said Jens Stoltenberg on Thursday.';
const NEXT = '“Security matters,” said Volodymyr Zelenskyy on Friday.';

async function startSlow(page) {
  await page.fill('#text-input', SLOW);
  await page.click('#analyze-button');
  await page.waitForFunction(() => document.body.dataset.state === 'analyzing');
}

test('a newer text replaces the one being analyzed', { timeout: 120_000 }, async () => {
  const { page, errors } = await openPage(browser, server.url);
  await startSlow(page);
  await page.fill('#text-input', NEXT);
  await page.click('#analyze-button');
  await waitForAnalysis(page, NEXT);
  await page.waitForTimeout(1800);  // the slow result has come and gone
  assert.equal(await page.textContent('#reading .blocks'), NEXT);
  const names = (await readHighlights(page)).filter((h) => h.kind === 'PER').map((h) => h.text);
  assert.deepEqual(names, ['Volodymyr Zelenskyy']);
  assert.deepEqual(errors, []);
});

test('clearing during an analysis leaves the view empty', { timeout: 120_000 }, async () => {
  const { page, errors } = await openPage(browser, server.url);
  await startSlow(page);
  await page.click('#clear-button');
  await page.waitForTimeout(2000);
  assert.equal(await page.$$eval('#reading [data-kind]', (els) => els.length), 0);
  assert.equal(await page.evaluate(() => document.body.dataset.state), 'ready');
  assert.equal(await page.isDisabled('#export-json'), true);
  assert.deepEqual(errors, []);
});

test('a text over the cap during an analysis: the message stays, no stale highlights', { timeout: 120_000 }, async () => {
  const { page } = await openPage(browser, server.url);
  await startSlow(page);
  await page.$eval('#text-input', (el) => {
    el.value = 'x'.repeat(5_000_001);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.waitForTimeout(2000);
  assert.equal(await page.$$eval('#reading [data-kind]', (els) => els.length), 0);
  assert.equal(await page.evaluate(() => document.body.dataset.state), 'error');
  assert.match(await page.textContent('#error'), /at most 5 MB/);
});
