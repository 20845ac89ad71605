// Offline after the first visit: the service worker (web/sw.js) keeps the page, the engine, the
// model and the example, so with the network gone (and the server stopped) a reload still works.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  SEED, analyzeText, launchBrowser, openPage, readHighlights, requireBuiltCore, startServer,
  waitForAnalysis,
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

test('after one visit the page works offline', async () => {
  const { context, page, errors } = await openPage(browser, server.url);
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  assert.equal(scope, server.url, 'the service worker\'s scope is the page\'s folder');
  // The install step has kept the engine and the model.
  await page.waitForFunction(async () => {
    const keys = (await caches.open('byline-v1').then((c) => c.keys())).map((r) => r.url);
    return ['byline-core.wasm', 'byline.js', 'worker.js', 'examples/nato-stoltenberg.txt']
      .every((f) => keys.some((k) => k.endsWith(`/${f}`)));
  });

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
