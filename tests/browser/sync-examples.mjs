// Copies the seed articles the page offers as examples into web/examples/ (served as-is).
// Usage: node tests/browser/sync-examples.mjs     (examples.test.mjs checks the copies are current)
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './paths.mjs';

export const EXAMPLES = ['nato-stoltenberg.txt'];

if (import.meta.url === `file://${process.argv[1]}`) {
  mkdirSync(join(ROOT, 'web', 'examples'), { recursive: true });
  for (const name of EXAMPLES) {
    copyFileSync(join(ROOT, 'seeds', name), join(ROOT, 'web', 'examples', name));
    console.log(`web/examples/${name} ← seeds/${name}`);
  }
}
