// The page's example articles (web/examples/, served as-is) are exact copies of seeds/.
// After changing a seed: node tests/browser/sync-examples.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './paths.mjs';
import { EXAMPLES } from './sync-examples.mjs';

test('web/examples/ holds exact copies of the seed articles', () => {
  for (const name of EXAMPLES) {
    const seed = readFileSync(join(ROOT, 'seeds', name));
    const copy = readFileSync(join(ROOT, 'web', 'examples', name));
    assert.ok(seed.equals(copy),
      `web/examples/${name} differs from seeds/${name}: run node tests/browser/sync-examples.mjs`);
  }
});
