// Shared by the browser tests: a static server for web/ on 127.0.0.1 and headless Chromium.
//
// Usage:
//   const server = await startServer();                  // serves web/ under /byline/ (a sub-path)
//   const browser = await launchBrowser();
//   const { page, errors } = await openPage(browser, server.url);
//   await analyzeText(page, 'Some text');                // pastes and waits for the highlights
//   …; await browser.close(); await server.close();
//
// The server serves web/ under a sub-path to prove the page uses relative URLs only, with the MIME
// types the page needs (application/wasm among them). `overrides` maps a path inside web/ to a file
// served instead (tests use a stub engine that way), `headers` are added to every file served, and
// `onRequest` sees every request.
// Chromium is Debian's /usr/bin/chromium: no tool here downloads a browser.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { chromium } from 'playwright-core';

import { ROOT, SEED, WEB } from './paths.mjs';

export { ROOT, SEED, WEB };
export const CHROMIUM = process.env.BYLINE_CHROMIUM || '/usr/bin/chromium';
export const PREFIX = '/byline/';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json', '.txt': 'text/plain; charset=utf-8',
  '.bin': 'application/octet-stream', '.png': 'image/png', '.svg': 'image/svg+xml',
};

export async function startServer({ root = WEB, overrides = {}, onRequest = null, headers = {} } = {}) {
  const server = createServer(async (req, res) => {
    if (onRequest) onRequest(req);
    const url = new URL(req.url, 'http://127.0.0.1');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    if (!url.pathname.startsWith(PREFIX)) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    let rel = decodeURIComponent(url.pathname.slice(PREFIX.length));
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = overrides[rel] ?? normalize(join(root, rel));
    if (!overrides[rel] && !file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      const body = await readFile(file);
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file)] || 'application/octet-stream',
        'Content-Length': body.length,
        'Cache-Control': 'no-cache',
        ...headers,
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}${PREFIX}`,
    close: () => new Promise((ok) => { server.closeAllConnections(); server.close(ok); }),
  };
}

// The files the service worker must have kept for the page to work offline (the model only when
// the build put one into web/).
export function offlineFiles() {
  const files = ['index.html', 'app.js', 'worker.js', 'byline.js', 'byline-core.js', 'byline-core.wasm',
    'examples/nato-stoltenberg.txt'];
  if (existsSync(join(WEB, 'models', 'byline-ner.bin'))) files.push('models/byline-ner.bin');
  return files;
}

export function requireBuiltCore() {
  for (const f of ['byline-core.js', 'byline-core.wasm']) {
    if (!existsSync(join(WEB, f))) {
      throw new Error(`web/${f} is missing: build the WebAssembly core first (bash scripts/test.sh)`);
    }
  }
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run',
      '--disable-default-apps', '--disable-domain-reliability', '--disable-dev-shm-usage'],
  });
}

// A fresh context (empty profile) and page. errors collects page errors and console errors.
export async function openPage(browser, url, contextOptions = {}) {
  const context = await browser.newContext({ acceptDownloads: true, ...contextOptions });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  if (url) {
    await page.goto(url);
    await page.waitForFunction(() => ['ready', 'error', 'done'].includes(document.body.dataset.state));
  }
  return { context, page, errors };
}

// Puts text into the textarea (as a paste would) and waits until the page shows its analysis.
export async function analyzeText(page, text, { timeout = 30000 } = {}) {
  await page.fill('#text-input', text);
  await waitForAnalysis(page, text, timeout);
}

export async function waitForAnalysis(page, text, timeout = 30000) {
  try {
    await page.waitForFunction((t) => {
      const blocks = document.querySelector('#reading .blocks');
      return document.body.dataset.state === 'done' && blocks !== null && blocks.textContent === t;
    }, text, { timeout, polling: 50 });
  } catch (err) {
    const seen = await page.evaluate(() => ({
      state: document.body.dataset.state,
      status: document.getElementById('status').textContent,
      error: document.getElementById('error').textContent,
    })).catch(() => ({}));
    throw new Error(`${err.message} (page state ${seen.state}: "${seen.status}" ${seen.error})`,
      { cause: err });
  }
}

// Every element in the reading view that has data-start/data-end, as plain objects.
export async function readHighlights(page) {
  return page.$$eval('#reading [data-start][data-end]', (els) => els.map((el) => ({
    kind: el.dataset.kind ?? null,
    role: el.dataset.role ?? null,
    start: Number(el.dataset.start),
    end: Number(el.dataset.end),
    spanStart: el.dataset.spanStart === undefined ? null : Number(el.dataset.spanStart),
    spanEnd: el.dataset.spanEnd === undefined ? null : Number(el.dataset.spanEnd),
    part: el.dataset.part ?? null,
    quoteKind: el.dataset.quoteKind ?? null,
    partial: el.dataset.quotePartial === 'true',
    speaker: el.dataset.speaker ?? null,
    text: el.textContent,
  })));
}

// The engine's own result for text, computed in the page's origin by a fresh web/worker.js running
// web/byline.js: the same path the page takes, independent of what the page then shows.
export async function analyzeInPage(page, text) {
  return page.evaluate((t) => new Promise((resolve, reject) => {
    const w = new Worker(new URL('worker.js', location.href), { type: 'module' });
    w.onmessage = (e) => {
      if (e.data.type === 'result') {
        w.terminate();
        resolve(e.data.result);
      } else if (e.data.type === 'error' || e.data.type === 'loaderror') {
        w.terminate();
        reject(new Error(e.data.message));
      }
    };
    w.onerror = (e) => reject(new Error(e.message || 'worker error'));
    w.postMessage({ type: 'analyze', id: 1, text: t });
  }), text);
}

// The scope of the page's active service worker, or an error after timeout ms.
export async function serviceWorkerScope(page, timeout = 30000) {
  return page.evaluate((ms) => Promise.race([
    navigator.serviceWorker.ready.then((r) => r.scope),
    new Promise((_, reject) => setTimeout(() => reject(new Error(`no active service worker after ${ms} ms`)), ms)),
  ]), timeout);
}

// Waits until the service worker's cache holds every file named (paths relative to the page).
export async function waitForCached(page, files, timeout = 30000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const missing = await page.evaluate(async (names) => {
      const keys = (await (await caches.open('byline-v1')).keys()).map((r) => r.url);
      return names.filter((f) => !keys.includes(new URL(f, location.href).href));
    }, files);
    if (missing.length === 0) return;
    if (Date.now() > deadline) throw new Error(`not cached after ${timeout} ms: ${missing.join(', ')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function freshDir(prefix = 'byline-browser-') {
  return mkdtempSync(join(tmpdir(), prefix));
}
