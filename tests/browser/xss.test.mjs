// Pasted text is only ever shown as text: markup and script in it never run, in the reading view
// or in the panels (entity names, quotes, speakers), with the real engine and with the stub engine
// (which puts the payloads into the quote panel). index.html has no inline script or style, so the
// Content-Security-Policy needs no 'unsafe-inline'.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ROOT, WEB, analyzeText, launchBrowser, openPage, readHighlights, requireBuiltCore, startServer,
} from './helpers.mjs';

const PAYLOAD = [
  '“<img src=x onerror=window.__pwned=1>” said Evil Hacker on Monday.',
  '<script>window.__pwned=1</script> and <svg onload="window.__pwned=1"></svg>',
  '“<a href="javascript:window.__pwned=1">click me</a>” said Mallory Jones.',
  '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe> <style>body{display:none}</style>',
  '"><img src=x onerror=alert(1)> {{constructor.constructor(\'window.__pwned=1\')()}}',
  'Angela Merkel <b onmouseover=window.__pwned=1>Berlin</b> &lt;i&gt;escaped&lt;/i&gt; &amp;',
].join('\n');

async function checkShownAsText(page, dialogs) {
  await analyzeText(page, PAYLOAD);
  // Hover and focus what was shown, as a reader would.
  await page.hover('#reading');
  for (const b of await page.$$('#quote-list .quote-item')) await b.focus();
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(dialogs.length, 0, `a dialog opened: ${dialogs.join(', ')}`);
  const injected = await page.$$eval(
    '#reading img, #reading script, #reading svg, #reading iframe, #reading a, #reading b, #reading style,' +
    '#entity-list img, #entity-list script, #quote-list img, #quote-list a, #quote-list script',
    (els) => els.length);
  assert.equal(injected, 0, 'an element from the pasted text appeared on the page');
  assert.equal(await page.textContent('#reading .blocks'), PAYLOAD);
  assert.ok(await page.isVisible('body'), 'the page is still shown');
}

for (const [name, overrides] of [
  ['WebAssembly engine', null],
  ['stub engine (payloads in the panels)', { 'byline.js': join(ROOT, 'tests/browser/fixtures/stub-byline.js') }],
]) {
  describe(`pasted markup stays text (${name})`, () => {
    let server;
    let browser;
    before(async () => {
      if (!overrides) requireBuiltCore();
      server = await startServer(overrides ? { overrides } : {});
      browser = await launchBrowser();
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    test('nothing runs, nothing is injected', { timeout: 120_000 }, async () => {
      const { page, errors } = await openPage(browser, server.url);
      const dialogs = [];
      page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
      await checkShownAsText(page, dialogs);
      if (overrides) {
        const quotes = await page.$$eval('#quote-list .quote-text', (els) => els.map((e) => e.textContent));
        assert.ok(quotes.some((q) => q.includes('<img src=x onerror=window.__pwned=1>')),
          `the quote panel should show the payload as text: ${JSON.stringify(quotes)}`);
      }
      assert.deepEqual(errors, []);
    });
  });
}

test('index.html: a strict CSP, no inline script or style', () => {
  const html = readFileSync(join(WEB, 'index.html'), 'utf8');
  const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/);
  assert.ok(csp, 'no CSP meta tag');
  for (const d of ["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "connect-src 'self'",
    "style-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'none'"]) {
    assert.ok(csp[1].includes(d), `CSP lacks ${d}`);
  }
  assert.ok(!csp[1].includes('unsafe-inline'));
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'inline <script>');
  assert.doesNotMatch(html, /<style|\sstyle=|\son[a-z]+=/i, 'inline style or event handler');
  for (const f of ['app.js', 'engine.js', 'highlight.js', 'summary.js', 'export.js', 'worker.js']) {
    const js = readFileSync(join(WEB, f), 'utf8');
    assert.doesNotMatch(js, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function/,
      `${f} uses an HTML or code sink`);
  }
});

test('the page also works when a host sends the same CSP as an HTTP header on every file', { timeout: 120_000 }, async () => {
  requireBuiltCore();
  const html = readFileSync(join(WEB, 'index.html'), 'utf8');
  const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
  // Unlike the meta tag, a header also binds the worker and the service worker.
  const server = await startServer({ headers: { 'Content-Security-Policy': csp } });
  const browser = await launchBrowser();
  try {
    const { page, errors } = await openPage(browser, server.url);
    assert.equal(await page.evaluate(() => document.body.dataset.state), 'ready',
      await page.textContent('#error'));
    await analyzeText(page, '“We will win,” said Jens Stoltenberg in Oslo on Thursday.');
    assert.ok((await readHighlights(page)).length > 0);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await server.close();
  }
});
