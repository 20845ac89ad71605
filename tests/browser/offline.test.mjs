// Offline after the first visit: the service worker (web/sw.js) keeps the page, the engine, the
// model and the example, so with the network gone (and the server stopped) a reload still works.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  SEED, analyzeText, launchBrowser, openPage, readHighlights, requireBuiltCore, serviceWorkerScope,
  startServer, waitForAnalysis, waitForCached, offlineFiles,
} from './helpers.mjs';

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

test('after one visit the page works offline', { timeout: 120_000 }, async () => {
  const { context, page, errors } = await openPage(browser, server.url);
  assert.equal(await serviceWorkerScope(page), server.url, 'the service worker\'s scope is the page\'s folder');
  // The install step has kept the engine, the model and the example.
  await waitForCached(page, offlineFiles());

  // Offline for the browser, and the server gone too (so nothing can come from the network).
  await context.setOffline(true);
  await server.close();
  server = null;
  await page.reload();
  await page.waitForFunction(() => ['ready', 'error'].includes(document.body.dataset.state));
  assert.equal(await page.evaluate(() => document.body.dataset.state), 'ready',
    await page.textContent('#error'));
  const text = '“We will win,” said Jens Stoltenberg in Oslo on Thursday.';
  await analyzeText(page, text);
  assert.ok((await readHighlights(page)).length > 0, 'nothing highlighted offline');
  await page.click('#example-button');
  await waitForAnalysis(page, readFileSync(SEED, 'utf8'));
  await context.setOffline(false);
  assert.deepEqual(errors, []);
});
