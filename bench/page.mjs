// Page metrics in headless Chromium: what the page downloads, how soon its analyzer is ready, and
// how long it takes to analyze and render the seed article and a 1 MB text.
//
// Usage: node bench/page.mjs '{"root":"/repo","bigText":"bench/out/page-1mb.txt"}'   (prints JSON)
//
// web/ is served by a tiny static server on 127.0.0.1 (an ephemeral port) that records every file
// it sends; a file's gzip size is what `gzip -9` makes of it. Chromium is Debian's /usr/bin/chromium
// (BYLINE_CHROMIUM overrides), driven by playwright-core; no browser is downloaded.
// Readiness is the page's own: body[data-state] goes loading -> ready, and analyzing -> done once the
// highlights (elements with data-kind) are in the page.
import { createServer } from 'node:http';
import { readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

import { chromium } from 'playwright-core';

const args = JSON.parse(process.argv[2] ?? '{}');
const webDir = join(args.root, 'web');
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.txt': 'text/plain; charset=utf-8', '.bin': 'application/octet-stream',
  '.webmanifest': 'application/manifest+json', '.png': 'image/png', '.ico': 'image/x-icon',
};

const served = [];  // {path, bytes, gzip, at}
const gzipCache = new Map();
function gzipSize(path, body) {
  if (!gzipCache.has(path)) gzipCache.set(path, gzipSync(body, { level: 9 }).length);
  return gzipCache.get(path);
}

const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  let rel = decodeURIComponent(url.pathname);
  if (rel.endsWith('/')) rel += 'index.html';
  const file = normalize(join(webDir, rel));
  if (!file.startsWith(webDir + sep)) {
    res.writeHead(403).end();
    return;
  }
  let body;
  try {
    if (!statSync(file).isFile()) throw new Error('not a file');
    body = readFileSync(file);
  } catch {
    served.push({ path: rel, status: 404, bytes: 0, gzip: 0, at: performance.now() });
    res.writeHead(404).end();
    return;
  }
  served.push({ path: rel, status: 200, bytes: body.length, gzip: gzipSize(file, body), at: performance.now() });
  res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
  res.end(body);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: process.env.BYLINE_CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const totals = (list) => ({
  files: list.filter((f) => f.status === 200).length,
  bytes: list.reduce((a, f) => a + f.bytes, 0),
  gzip: list.reduce((a, f) => a + f.gzip, 0),
  list: list.map(({ path, status, bytes, gzip }) => ({ path, status, bytes, gzip })),
});
const TIMEOUT = 300000;
const result = { chromium: browser.version(), origin_is_loopback: true };
try {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));

  // 1. Navigation to a ready analyzer (page clock: ms since navigation start).
  const t0 = performance.now();
  await page.goto(`${origin}/`, { waitUntil: 'commit' });
  const readyHandle = await page.waitForFunction(
    () => (document.body && document.body.dataset.state === 'ready' ? performance.now() : 0),
    null, { polling: 'raf', timeout: TIMEOUT });
  result.ready_ms = await readyHandle.jsonValue();
  result.ready_wall_ms = performance.now() - t0;
  await page.waitForLoadState('networkidle');
  result.download = totals(served);

  // 2. The seed article through the page's own "Try an example" control: click to highlights.
  const startJob = (trigger) => page.evaluate((how) => {
    document.body.dataset.state = 'bench';
    window.__benchT0 = performance.now();
    if (how === 'example') document.getElementById('example-button').click();
    else document.getElementById('analyze-button').click();
  }, trigger);
  const waitDone = async () => {
    const h = await page.waitForFunction(() => {
      const s = document.body.dataset.state;
      if (s === 'error') return { error: document.getElementById('error')?.textContent || 'error' };
      if (s !== 'done') return 0;
      const n = document.querySelectorAll('[data-kind]').length;
      return n ? { ms: performance.now() - window.__benchT0, highlights: n } : 0;
    }, null, { polling: 'raf', timeout: TIMEOUT });
    const v = await h.jsonValue();
    if (v.error) throw new Error(`the page reported an error: ${v.error}`);
    return v;
  };
  const beforeSeed = served.length;
  await startJob('example');
  result.seed = await waitDone();
  result.seed.chars = await page.evaluate(() => document.getElementById('text-input').value.length);
  result.seed_download = totals(served.slice(beforeSeed));

  // 3. A 1 MB text, set into the text box and analyzed with the Analyze button.
  if (args.bigText) {
    const big = readFileSync(args.bigText, 'utf8');
    await page.evaluate((text) => { document.getElementById('text-input').value = text; }, big);
    await startJob('analyze');
    result.big = await waitDone();
    result.big.chars = big.length;
  }
  result.page_errors = errors;
  await context.close();
} finally {
  await browser.close();
  server.close();
}
process.stdout.write(`${JSON.stringify(result)}\n`);
