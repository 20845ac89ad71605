// WCAG AA contrast (4.5:1 for text) in the light and the dark theme: every visible piece of text on
// the page, including the type labels drawn after each highlight, against the background it is
// drawn on (semi-transparent layers composited). Disabled controls are exempt, as WCAG says.
// Uses the stub engine (every highlight kind the page draws) and a failed analysis (the error box).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT, analyzeText, launchBrowser, openPage, startServer } from './helpers.mjs';

const TEXT = [
  '“We will win,” said Jens Stoltenberg in Oslo on Thursday.',
  '',
  'Later, Volodymyr Zelenskyy met Jens Stoltenberg again. “Security matters,” said Volodymyr Zelenskyy.',
].join('\n');

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

// Runs in the page: the lowest contrast ratios found, with what they belong to.
function measureContrast() {
  const parse = (c) => {
    const m = c.match(/rgba?\(([^)]+)\)/);
    if (!m) return [0, 0, 0, 0];
    const p = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const over = (top, bottom) => {  // alpha-composite top over an opaque bottom
    const a = top[3];
    return [0, 1, 2].map((i) => top[i] * a + bottom[i] * (1 - a)).concat(1);
  };
  const background = (el) => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c[3] > 0) layers.push(c);
      if (c[3] >= 1) break;
    }
    let bg = [255, 255, 255, 1];
    if (!layers.length || layers.at(-1)[3] < 1) bg = parse(getComputedStyle(document.documentElement).backgroundColor);
    for (let i = layers.length - 1; i >= 0; i--) bg = over(layers[i], bg);
    return bg;
  };
  const lum = (c) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
  };
  const ratio = (fg, bg) => {
    const c = over(fg, bg);
    const [a, b] = [lum(c), lum(bg)].sort((x, y) => y - x);
    return (a + 0.05) / (b + 0.05);
  };
  const results = [];
  const visible = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  for (const el of document.body.querySelectorAll('*')) {
    if (!visible(el) || el.closest('[disabled]') || el.closest('.skip')) continue;
    const hasText = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (hasText) {
      results.push({ what: `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}.${el.className} "${el.textContent.trim().slice(0, 30)}"`,
        ratio: ratio(parse(getComputedStyle(el).color), background(el)) });
    }
    const after = getComputedStyle(el, '::after');
    if (after.content && after.content !== 'none' && after.content !== 'normal' && after.display !== 'none') {
      results.push({ what: `${el.tagName.toLowerCase()}[data-kind=${el.dataset.kind}]::after`,
        ratio: ratio(parse(after.color), background(el)) });
    }
  }
  return results;
}

for (const colorScheme of ['light', 'dark']) {
  test(`text contrast is at least 4.5:1 (${colorScheme} theme)`, { timeout: 120_000 }, async () => {
    const { page } = await openPage(browser, server.url, { colorScheme });
    await analyzeText(page, TEXT);
    await page.click('#legend [data-toggle="DATE"]');  // a legend item turned off
    await page.click('#entity-list .entity-item');      // a selected entity
    await page.hover('#reading [data-kind="quote"]');   // a quote's tooltip
    let results = await page.evaluate(measureContrast);
    // The error box, after a failed analysis.
    await page.fill('#text-input', 'FAIL-ANALYSIS');
    await page.waitForFunction(() => document.body.dataset.state === 'error');
    results = results.concat((await page.evaluate(measureContrast)).filter((r) => r.what.includes('#error')));
    assert.ok(results.length > 50, `only ${results.length} text elements measured`);
    assert.ok(results.some((r) => r.what.includes('::after')), 'no highlight label measured');
    assert.ok(results.some((r) => r.what.includes('#error')), 'the error box was not measured');
    const low = results.filter((r) => r.ratio < 4.5).map((r) => `${r.what}: ${r.ratio.toFixed(2)}`);
    assert.deepEqual(low, []);
    const min = Math.min(...results.map((r) => r.ratio));
    console.log(`# ${colorScheme}: ${results.length} texts, lowest contrast ${min.toFixed(2)}:1`);
  });
}
