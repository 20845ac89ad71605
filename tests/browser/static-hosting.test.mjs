// Static hosting: web/ served as-is by `python3 -m http.server`, from a sub-path, works (relative
// URLs only), and the server gives the .wasm its application/wasm type. A host needs nothing else.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import {
  WEB, analyzeText, freshDir, launchBrowser, openPage, readHighlights, requireBuiltCore,
  serviceWorkerScope,
} from './helpers.mjs';

let python;
let dir;
let base;
let browser;

before(async () => {
  requireBuiltCore();
  dir = freshDir('byline-static-');
  mkdirSync(join(dir, 'some', 'sub'), { recursive: true });
  symlinkSync(WEB, join(dir, 'some', 'sub', 'path'));
  python = spawn('python3', ['-u', '-m', 'http.server', '0', '--bind', '127.0.0.1', '--directory', dir],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  const port = await new Promise((resolve, reject) => {
    let out = '';
    python.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/port (\d+)/);
      if (m) resolve(Number(m[1]));
    });
    python.on('exit', (code) => reject(new Error(`python3 -m http.server exited with ${code}`)));
    setTimeout(() => reject(new Error(`python3 -m http.server did not start: ${out}`)), 10000);
  });
  base = `http://127.0.0.1:${port}/some/sub/path/`;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  python?.kill();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('python3 -m http.server serves the .wasm as application/wasm', { timeout: 120_000 }, async () => {
  const r = await fetch(`${base}byline-core.wasm`);
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('content-type'), 'application/wasm');
  await r.arrayBuffer();
});

test('the page works from a sub-path of python3 -m http.server', { timeout: 120_000 }, async () => {
  const { page, errors } = await openPage(browser, base);
  assert.equal(await page.evaluate(() => document.body.dataset.state), 'ready',
    await page.textContent('#error'));
  const text = '“We will win,” said Jens Stoltenberg in Oslo on Thursday.';
  await analyzeText(page, text);
  const hs = await readHighlights(page);
  assert.ok(hs.length > 0);
  for (const h of hs) assert.equal(h.text, text.slice(h.start, h.end));
  assert.equal(await serviceWorkerScope(page), base, 'the service worker is scoped to the page\'s folder');
  assert.deepEqual(errors, []);
});
