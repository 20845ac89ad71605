// Shared pieces of the Node tests of the WebAssembly build (node --test tests/wasm/).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const WEB = join(ROOT, 'web');
export const MODEL_PATH = join(ROOT, 'models', 'byline-ner.bin');
// The native CLI that the wasm results are compared with (scripts/test.sh builds it in build/).
export const CLI = process.env.BYLINE_CLI ?? join(ROOT, 'build', 'byline');

export function readWasm() {
  const path = join(WEB, 'byline-core.wasm');
  if (!existsSync(path)) {
    throw new Error(`${path} is missing: build the wasm first (bash scripts/test.sh does)`);
  }
  return readFileSync(path);
}

// The committed model's bytes, or null when there is none yet (then both sides use rules only).
export function readModel() {
  return existsSync(MODEL_PATH) ? readFileSync(MODEL_PATH) : null;
}

// Texts with what breaks offset arithmetic: emoji and other astral characters (2 UTF-16 units,
// 4 UTF-8 bytes), accents (1 unit, 2 bytes), curly quotes and dashes (1 unit, 3 bytes).
export const TEXTS = {
  emoji:
    '😀 “We will not be intimidated,” said Jens Stoltenberg, the NATO chief, in Brussels on ' +
    'Thursday. 🇺🇦 Ukraine’s President Volodymyr Zelenskyy said: “Russia can stop this war.” 👍🏽',
  accents:
    'Renée Dupré, a spokeswoman for Nestlé in Zürich, said on 3 April 2023 that the café ' +
    'chain would close. “C’est fini,” she told Agence France-Presse — and left for Genève.',
  curly:
    '‘It is a good day,’ the minister said. “Really?” asked the reporter. “Yes,” replied ' +
    'Maria Lopez, who works for the United Nations in New York. 𝒜𝒷𝒸 is not a name.',
  seed: readFileSync(join(ROOT, 'seeds', 'nato-stoltenberg.txt'), 'utf8'),
};

// Maps each UTF-8 byte offset of a (well-formed) string to its UTF-16 offset.
export function byteToUtf16Map(text) {
  const map = new Map([[0, 0]]);
  let bytes = 0;
  let units = 0;
  for (const ch of text) {
    bytes += Buffer.byteLength(ch, 'utf8');
    units += ch.length;
    map.set(bytes, units);
  }
  return (b) => {
    const u = map.get(b);
    if (u === undefined) throw new Error(`byte offset ${b} is not on a character boundary`);
    return u;
  };
}
