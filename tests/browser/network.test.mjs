// Privacy: the page talks only to its own origin, and once loaded it makes no request at all while
// analyzing, selecting, hovering and exporting. Requests are seen three ways: the browser context
// (page, its worker, its service worker), a route that would catch (and abort) any other host, and
// the server's own log.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  SEED, analyzeText, launchBrowser, openPage, requireBuiltCore, serviceWorkerScope, startServer,
  waitForCached, offlineFiles,
} from './helpers.mjs';

let server;
let browser;
const served = [];
before(async () => {
  requireBuiltCore();
  server = await startServer({ onRequest: (req) => served.push(req.url) });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('no request leaves the origin; none at all after load', { timeout: 120_000 }, async () => {
  const { context, page, errors } = await openPage(browser, null);
  const requests = [];
  const foreign = [];
  context.on('request', (r) => requests.push(r.url()));
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== server.origin) {
      foreign.push(url.href);
      return route.abort();
    }
    return route.continue();
  });
  await page.goto(server.url);
  await page.waitForFunction(() => ['ready', 'error'].includes(document.body.dataset.state));
  assert.equal(await page.evaluate(() => document.body.dataset.state), 'ready',
    await page.textContent('#error'));
  // Let the service worker install (it fetches the app shell once, from the origin).
  await serviceWorkerScope(page);
  await waitForCached(page, offlineFiles());
  await page.waitForTimeout(300);
  const loadRequests = requests.length;
  assert.ok(loadRequests > 0);
  // The worker's own requests are seen too (so "none after load" covers the worker).
  assert.ok(requests.some((u) => u.endsWith('/byline-core.wasm')), requests.join('\n'));
  for (const url of requests) {
    assert.ok(url.startsWith(server.origin) || url.startsWith('blob:') || url.startsWith('data:'),
      `request to another origin: ${url}`);
  }

  const servedBefore = served.length;
  requests.length = 0;
  const text = `${readFileSync(SEED, 'utf8')}\n\n“We will win,” said José Müller 😀 in Zürich on Thursday.`;
  await analyzeText(page, text);
  await page.hover('#reading');
  const firstEntity = page.locator('#entity-list .entity-item').first();
  if (await firstEntity.count()) await firstEntity.click();
  const firstQuote = page.locator('#quote-list .quote-item').first();
  if (await firstQuote.count()) await firstQuote.click();
  await page.click('#analyze-button');
  await page.waitForFunction(() => document.body.dataset.state === 'done');
  await page.waitForTimeout(300);
  assert.deepEqual(requests, [], 'requests made after load, while analyzing');
  assert.equal(served.length, servedBefore, `the server saw: ${served.slice(servedBefore).join(', ')}`);

  // Exports are Blob downloads, never a request to a server.
  const download = page.waitForEvent('download');
  await page.click('#export-json');
  await download;
  assert.deepEqual(requests.filter((u) => !u.startsWith('blob:')), [], 'export made a request');
  assert.equal(served.length, servedBefore);

  assert.deepEqual(foreign, [], 'requests to other hosts');
  assert.deepEqual(errors, []);
});
