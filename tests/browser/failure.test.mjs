// Failures are said in words and the page stays usable: the WebAssembly core cannot be fetched; the
// model is missing (rules only, with a notice) or corrupt; an analysis fails or the worker crashes
// (the worker is replaced and the next text works); a text over the 5 MB cap is refused with a message.
// (Service workers are blocked here so that every request meets the test's routes.)
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  ROOT, analyzeText, launchBrowser, openPage, readHighlights, requireBuiltCore, startServer,
} from './helpers.mjs';

const TEXT = '“We will win,” said Jens Stoltenberg in Oslo on Thursday.';
const noSW = { serviceWorkers: 'block' };

async function stateOf(page) {
  return page.evaluate(() => ({
    state: document.body.dataset.state,
    error: document.getElementById('error').hidden ? '' : document.getElementById('error').textContent,
    notice: document.getElementById('notice').hidden ? '' : document.getElementById('notice').textContent,
  }));
}

describe('with the WebAssembly engine', () => {
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

  test('the .wasm cannot be fetched: the page says so and still shows pasted text', { timeout: 120_000 }, async () => {
    const { context, page } = await openPage(browser, null, noSW);
    await context.route('**/byline-core.wasm', (route) => route.abort('failed'));
    await page.goto(server.url);
    await page.waitForFunction(() => document.body.dataset.state === 'error');
    const s = await stateOf(page);
    assert.match(s.error, /could not load its analysis engine \(byline-core\.wasm\)/);
    assert.match(s.error, /reload the page/);
    assert.match(await page.textContent('#status'), /not available/);

    // Still usable: the text is shown (without highlights), controls respond, a retry says so again.
    await page.fill('#text-input', TEXT);
    await page.click('#analyze-button');
    await page.waitForFunction((t) => document.querySelector('#reading .blocks')?.textContent === t, TEXT);
    assert.equal((await readHighlights(page)).length, 0);
    assert.equal(await page.isDisabled('#export-json'), true);
    assert.equal((await stateOf(page)).state, 'error');
    assert.match((await stateOf(page)).error, /could not load/);

    // Once the network is back, Analyze loads the engine and works.
    await context.unroute('**/byline-core.wasm');
    await page.click('#analyze-button');
    await page.waitForFunction(() => document.body.dataset.state === 'done', null, { timeout: 30000 });
    assert.equal((await stateOf(page)).error, '');
  });

  test('no model (HTTP 404): a notice, and analysis by rules still works', { timeout: 120_000 }, async () => {
    const { context, page, errors } = await openPage(browser, null, noSW);
    await context.route('**/models/byline-ner.bin', (route) => route.fulfill({ status: 404, body: 'no' }));
    await page.goto(server.url);
    await page.waitForFunction(() => document.body.dataset.state === 'ready');
    assert.match((await stateOf(page)).notice, /entity model could not be loaded.*rules only/);
    await analyzeText(page, TEXT);
    assert.equal((await stateOf(page)).error, '');
    assert.deepEqual(errors.filter((e) => !/404/.test(e)), []);
  });

  test('a corrupt model: the page says the model could not be loaded', { timeout: 120_000 }, async () => {
    const { context, page } = await openPage(browser, null, noSW);
    await context.route('**/models/byline-ner.bin', (route) =>
      route.fulfill({ status: 200, contentType: 'application/octet-stream', body: Buffer.from('not a model at all') }));
    await page.goto(server.url);
    await page.waitForFunction(() => document.body.dataset.state === 'error');
    assert.match((await stateOf(page)).error, /could not load its analysis engine.*model/);
  });

  test('a text over 5 MB is refused with a message', { timeout: 120_000 }, async () => {
    const { page } = await openPage(browser, server.url);
    await page.$eval('#text-input', (el) => {
      el.value = 'Jens Stoltenberg said so. '.repeat(200_000);  // 5.2 MB
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.waitForFunction(() => !document.getElementById('error').hidden);
    const s = await stateOf(page);
    assert.match(s.error, /5\.2 MB.*at most 5 MB/);
    assert.equal(s.state, 'error');
    // A shorter text is analyzed again.
    await analyzeText(page, TEXT);
    assert.equal((await stateOf(page)).error, '');
  });
});

describe('with the stub engine', () => {
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

  test('a failed analysis is reported; the worker is replaced and the next text works', { timeout: 120_000 }, async () => {
    const { page } = await openPage(browser, server.url, noSW);
    const workers = [];
    page.on('worker', (w) => workers.push(w));
    await page.fill('#text-input', `${TEXT} FAIL-ANALYSIS`);
    await page.waitForFunction(() => document.body.dataset.state === 'error');
    const s = await stateOf(page);
    assert.match(s.error, /The analysis failed: Byline: stub failure on request\. The analysis engine was restarted/);
    await page.waitForFunction((t) => document.querySelector('#reading .blocks')?.textContent === t,
      `${TEXT} FAIL-ANALYSIS`);
    await analyzeText(page, TEXT);
    assert.equal((await stateOf(page)).error, '');
    assert.ok((await readHighlights(page)).length > 0);
    assert.ok(workers.length >= 1, 'no new worker was started');
  });

  test('a crashed worker is reported and replaced', { timeout: 120_000 }, async () => {
    const { page } = await openPage(browser, server.url, noSW);
    const workers = [];
    page.on('worker', (w) => workers.push(w));
    await page.fill('#text-input', `${TEXT} CRASH-WORKER`);
    await page.waitForFunction(() => document.body.dataset.state === 'error');
    assert.match((await stateOf(page)).error, /The analysis failed: .*stub worker crash.*restarted/);
    await analyzeText(page, TEXT);
    assert.equal((await stateOf(page)).error, '');
    assert.ok((await readHighlights(page)).length > 0);
    assert.ok(workers.length >= 1, 'no new worker was started');
  });
});
