// Takes docs/screenshot.png: the example article analyzed on the page, in headless Chromium.
//
// Usage: node tests/browser/screenshot.mjs [OUT.png] [--dark] [--width=1440] [--stub]
//   (web/byline-core.wasm must be built; --stub uses the test stub engine instead, for layout work)
import { join, resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import {
  ROOT, SEED, launchBrowser, openPage, requireBuiltCore, startServer, waitForAnalysis,
} from './helpers.mjs';

const args = process.argv.slice(2);
const out = resolve(args.find((a) => !a.startsWith('--')) ?? join(ROOT, 'docs', 'screenshot.png'));
const dark = args.includes('--dark');
const stub = args.includes('--stub');
const width = Number((args.find((a) => a.startsWith('--width=')) ?? '--width=1440').slice(8));

if (!stub) requireBuiltCore();
const server = await startServer(stub
  ? { overrides: { 'byline.js': join(ROOT, 'tests/browser/fixtures/stub-byline.js') } } : {});
const browser = await launchBrowser();
try {
  const { page } = await openPage(browser, server.url, {
    viewport: { width, height: 1000 }, deviceScaleFactor: 1, colorScheme: dark ? 'dark' : 'light',
    reducedMotion: 'reduce',
  });
  await page.click('#example-button');
  await waitForAnalysis(page, readFileSync(SEED, 'utf8'));
  // Show a quote's speaker as when hovering the first quote of the most quoted speaker.
  const first = page.locator('#quote-list .quote-item').first();
  if (await first.count()) await first.hover();
  await page.screenshot({ path: out, fullPage: false });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await server.close();
}
