// Keyboard use: every control is reached with Tab and works with Enter or Space, with a visible
// focus ring; the legend hides and shows a type; an entity in the panel marks all its mentions; a
// quote in the panel marks its speaker and jumps to the quote. Uses the stub engine, so that what
// is tested is the page, whatever the model finds.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT, launchBrowser, openPage, startServer, waitForAnalysis } from './helpers.mjs';

const TEXT = [
  '“We will win,” said Jens Stoltenberg in Oslo on Thursday.',
  '',
  'Later, Volodymyr Zelenskyy met Jens Stoltenberg again. “Security matters,” said Volodymyr Zelenskyy.',
  '“Nothing changes,” said Jens Stoltenberg.',
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

// Presses Tab until the focused element matches selector; returns the number of presses.
async function tabTo(page, selector, max = 80) {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return i;
  }
  throw new Error(`Tab never reached ${selector}`);
}

async function focusRing(page) {
  return page.evaluate(() => {
    const s = getComputedStyle(document.activeElement);
    return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
  });
}

test('everything works from the keyboard', { timeout: 120_000 }, async () => {
  const { page, errors } = await openPage(browser, server.url);

  await tabTo(page, '#text-input');
  await page.keyboard.insertText(TEXT);  // as a paste does
  await tabTo(page, '#analyze-button');
  const ring = await focusRing(page);
  assert.notEqual(ring.style, 'none', 'no visible focus on the Analyze button');
  assert.ok(ring.width >= 2, `focus outline ${ring.width}px`);
  await page.keyboard.press('Enter');
  await waitForAnalysis(page, TEXT);

  // The export buttons are now enabled and reachable.
  await tabTo(page, '#export-json');

  // Legend: Space on the PER toggle hides people's highlights, again shows them.
  await tabTo(page, '#legend [data-toggle="PER"]');
  const per = '#reading mark[data-kind="PER"]';
  const colorOf = () => page.$eval(per, (el) => getComputedStyle(el).backgroundColor);
  const shown = await colorOf();
  assert.notEqual(shown, 'rgba(0, 0, 0, 0)');
  await page.keyboard.press('Space');
  assert.equal(await page.getAttribute('#legend [data-toggle="PER"]', 'aria-pressed'), 'false');
  assert.equal(await colorOf(), 'rgba(0, 0, 0, 0)', 'PER still highlighted after the toggle');
  await page.keyboard.press('Space');
  assert.equal(await colorOf(), shown);

  // Entity panel: Enter on "Jens Stoltenberg" marks its three mentions.
  await tabTo(page, '#entity-list .entity-item');
  let name = await page.evaluate(() => document.activeElement.querySelector('.name').textContent);
  while (name !== 'Jens Stoltenberg') {
    await page.keyboard.press('Tab');
    name = await page.evaluate(() => document.activeElement.querySelector('.name')?.textContent);
    assert.ok(name !== undefined, 'left the entity list without finding Jens Stoltenberg');
  }
  assert.equal(await page.evaluate(() => document.activeElement.querySelector('.badge').textContent), '3');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-pressed')), 'true');
  const selected = await page.$$eval('#reading .selected', (els) => els.map((e) => e.textContent));
  assert.deepEqual(selected, ['Jens Stoltenberg', 'Jens Stoltenberg', 'Jens Stoltenberg']);
  await page.keyboard.press('Enter');  // again: unmarks
  assert.equal(await page.$$eval('#reading .selected', (els) => els.length), 0);

  // Quote panel: focusing a quote marks its speaker's mention; Enter moves focus to the quote.
  await tabTo(page, '#quote-list .quote-item');
  const index = await page.evaluate(() => document.activeElement.dataset.quote);
  const speaker = await page.$$eval('#reading .speaker-active', (els) => els.map((e) => e.textContent));
  assert.equal(speaker.length, 1, 'the speaker mention is not marked');
  assert.match(speaker[0], /Stoltenberg|Zelenskyy/);
  await page.keyboard.press('Enter');
  const focused = await page.evaluate(() => ({
    kind: document.activeElement.dataset.kind, quote: document.activeElement.dataset.quote,
  }));
  assert.deepEqual(focused, { kind: 'quote', quote: index });
  // The quote now in focus shows who said it.
  assert.equal(await page.isVisible('#tooltip'), true);
  assert.match(await page.textContent('#tooltip'), /Direct quote — (Jens Stoltenberg|Volodymyr Zelenskyy)/);

  // Panels and legend are labelled for assistive technology.
  for (const sel of ['#entity-panel', '#quote-panel', '#legend', '#reading']) {
    const label = await page.evaluate((s) => {
      const el = document.querySelector(s);
      const by = el.getAttribute('aria-labelledby');
      return by ? document.getElementById(by)?.textContent : el.getAttribute('aria-label');
    }, sel);
    assert.ok(label && label.trim(), `${sel} has no accessible name`);
  }
  assert.deepEqual(errors, []);
});
