// Paths of the repository, for the browser tests and their scripts.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const WEB = join(ROOT, 'web');
export const SEED = join(ROOT, 'seeds', 'nato-stoltenberg.txt');
