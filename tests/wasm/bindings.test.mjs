// wasm/bindings.cc directly: the raw result object, and UTF-8 bytes that a JavaScript string
// cannot carry (a Uint8Array goes into the core byte for byte).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import createBylineModule from '../../web/byline-core.js';
import { WEB, readWasm } from './helpers.mjs';

test('the generated glue evaluates no strings (the page forbids unsafe-eval)', () => {
  const glue = readFileSync(join(WEB, 'byline-core.js'), 'utf8');
  assert.doesNotMatch(glue, /\bnew Function\b|\beval\s*\(/);
});

describe('Embind Analyzer', () => {
  let core;
  let analyzer;
  before(async () => {
    core = await createBylineModule({ wasmBinary: readWasm() });
    analyzer = new core.Analyzer();
  });
  after(() => analyzer.delete());

  test('the result object has every field, errors in a field', () => {
    const r = analyzer.analyze('Jens Stoltenberg spoke in Oslo.');
    assert.equal(r.ok, true);
    assert.equal(r.error, '');
    assert.equal(r.invalidUtf8Bytes, 0);
    for (const key of ['entities', 'quotes', 'sentences']) assert.ok(Array.isArray(r[key]), key);
    assert.equal('tokens' in r, false);
    assert.ok(Array.isArray(analyzer.analyze('Oslo.', true).tokens));
  });

  test('too large: ok is false with a message, nothing thrown', () => {
    const r = analyzer.analyze(new Uint8Array(8 * 1024 * 1024 + 1).fill(0x61));
    assert.equal(r.ok, false);
    assert.match(r.error, /^text too large: 8388609 bytes; .* at most 8388608 bytes/);
    assert.deepEqual([r.entities, r.quotes, r.sentences], [[], [], []]);
  });

  test('loadModel returns the reason, and a failed load keeps the analyzer usable', () => {
    assert.notEqual(analyzer.loadModel(new Uint8Array([1, 2, 3])), '');
    assert.equal(analyzer.hasModel(), false);
    assert.equal(analyzer.analyze('Oslo is cold.').ok, true);
  });

  // Each case: bytes, then the UTF-16 [begin, end) of every token. A byte that is not part of
  // well-formed UTF-8 counts one unit, and never shifts the valid text after it.
  const cases = [
    { name: 'stray continuation byte', bytes: [0x41, 0x80, 0x20, 0x42], tokens: [[0, 1], [3, 4]], invalid: 1 },
    { name: 'invalid lead byte', bytes: [0xff, 0x20, 0x4f, 0x73, 0x6c, 0x6f], tokens: [[2, 6]], invalid: 1 },
    { name: 'emoji (4 bytes, 2 units)', bytes: [0xf0, 0x9f, 0x98, 0x80, 0x20, 0x4f, 0x73, 0x6c, 0x6f], tokens: [[0, 2], [3, 7]], invalid: 0 },
    { name: 'é (2 bytes, 1 unit)', bytes: [0x63, 0x61, 0x66, 0xc3, 0xa9, 0x20, 0x78], tokens: [[0, 4], [5, 6]], invalid: 0 },
    { name: 'surrogate encoded in UTF-8 (invalid)', bytes: [0xed, 0xa0, 0x80, 0x20, 0x78], tokens: [[4, 5]], invalid: 3 },
  ];
  for (const c of cases) {
    test(`offsets: ${c.name}`, () => {
      const r = analyzer.analyze(Uint8Array.from(c.bytes), true);
      assert.equal(r.ok, true);
      assert.equal(r.invalidUtf8Bytes, c.invalid);
      assert.deepEqual(r.tokens.map((t) => [t.begin, t.end]), c.tokens);
    });
  }
});
