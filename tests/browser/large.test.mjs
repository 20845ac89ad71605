// A 1 MB paste is analyzed and shown without freezing the page: the analysis runs in the worker,
// so a click made meanwhile is handled at once; the highlights are built in slices. Prints figures
// (analysis time, time to highlights, the longest main-thread task); asserts only what must hold:
// the page responds during the analysis, and the highlights are exact.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  SEED, launchBrowser, openPage, requireBuiltCore, startServer, waitForAnalysis,
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

function megabyteOfNews() {
  const seed = readFileSync(SEED, 'utf8');
  const parts = [];
  let n = 0;
  for (let i = 0; n < 1_000_000; i++) {
    const p = `${i % 7 === 0 ? '“Day ' + i + ' is here,” said Jens Stoltenberg 😀 in Zürich.\n\n' : ''}${seed}\n\n`;
    parts.push(p);
    n += p.length;
  }
  return parts.join('');
}

test('a 1 MB paste is analyzed while the page stays responsive', { timeout: 300_000 }, async () => {
  const { page, errors } = await openPage(browser, null);
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, ms: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(server.url);
  await page.waitForFunction(() => document.body.dataset.state === 'ready');
  const text = megabyteOfNews();
  const box = await page.locator('#legend [data-toggle="DATE"]').boundingBox();

  const pasteAt = await page.evaluate(() => performance.now());
  // As a paste: the value arrives at once, then one input event.
  await page.$eval('#text-input', (el, t) => {
    el.value = t;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
  await page.waitForFunction(() => document.body.dataset.state === 'analyzing', null, { polling: 10 });

  // While the worker analyzes, the main thread handles a click at once.
  // (A real mouse click at the toggle, without Playwright's waits for animation frames.)
  const t0 = Date.now();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  const clickMs = Date.now() - t0;
  const during = await page.evaluate(() => ({
    state: document.body.dataset.state,
    pressed: document.querySelector('#legend [data-toggle="DATE"]').getAttribute('aria-pressed'),
    progress: !document.getElementById('progress').hidden,
    status: document.getElementById('status').textContent,
  }));
  assert.equal(during.state, 'analyzing', 'the analysis ended before the click: nothing was measured');
  assert.equal(during.pressed, 'false', 'the click handler did not run during the analysis');
  assert.equal(during.progress, true, 'no progress shown for a long text');
  assert.match(during.status, /Analyzing 1\.\d MB… \d+\.\d s/);

  await waitForAnalysis(page, text, 180000);
  const doneAt = await page.evaluate(() => performance.now());
  const status = await page.textContent('#status');
  const analysisMs = Number(status.match(/took (\d+) ms/)?.[1]);
  const longTasks = await page.evaluate(() => window.__longTasks.filter((t) => t.start >= 0));
  const afterPaste = longTasks.filter((t) => t.start >= pasteAt);
  const longest = Math.max(0, ...afterPaste.map((t) => t.ms));

  // Exact highlights, checked on every element (tens of thousands).
  const check = await page.$$eval('#reading [data-start][data-end]', (els, t) => {
    let bad = 0;
    for (const el of els) {
      if (el.textContent !== t.slice(Number(el.dataset.start), Number(el.dataset.end))) bad++;
    }
    return { count: els.length, bad };
  }, text);
  assert.equal(check.bad, 0, `${check.bad} of ${check.count} highlights are not their exact slice`);
  assert.ok(check.count > 1000, `only ${check.count} highlights in 1 MB of news`);

  console.log(`# 1 MB paste (${text.length} code units): analysis ${analysisMs} ms in the worker; ` +
    `paste to highlights ${Math.round(doneAt - pasteAt)} ms; ${check.count} highlight elements; ` +
    `click during analysis answered in ${clickMs} ms; longest main-thread task after the paste ` +
    `${Math.round(longest)} ms (${afterPaste.length} tasks over 50 ms)`);
  assert.deepEqual(errors, []);
});
