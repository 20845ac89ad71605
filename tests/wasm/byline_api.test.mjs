// web/byline.js, the public JavaScript API, running the WebAssembly core in Node.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { createAnalyzer } from '../../web/byline.js';
import { CLI, MODEL_PATH, TEXTS, byteToUtf16Map, readModel, readWasm } from './helpers.mjs';

const wasmBinary = readWasm();
const modelBytes = readModel();

function isLowSurrogate(code) {
  return code >= 0xdc00 && code <= 0xdfff;
}

// Every span is half-open inside the input, never splits a surrogate pair, and its text is the slice.
function checkSpan(input, s, where) {
  assert.ok(Number.isInteger(s.begin) && Number.isInteger(s.end), `${where}: integer offsets`);
  assert.ok(0 <= s.begin && s.begin <= s.end && s.end <= input.length, `${where}: ${s.begin}..${s.end} in 0..${input.length}`);
  assert.ok(!isLowSurrogate(input.charCodeAt(s.begin)) || s.begin === input.length, `${where}: begin splits a pair`);
  assert.ok(!isLowSurrogate(input.charCodeAt(s.end)) || s.end === input.length, `${where}: end splits a pair`);
  if ('text' in s) assert.equal(s.text, input.slice(s.begin, s.end), `${where}: text is the slice`);
}

function checkAnalysis(input, r) {
  assert.deepEqual(Object.keys(r).sort(), ['entities', 'quotes', 'sentences']);
  r.entities.forEach((e, i) => {
    checkSpan(input, e, `entity ${i}`);
    assert.match(e.type, /^(PER|ORG|LOC|MISC|DATE|TIME|MONEY|PERCENT|QUANTITY)$/);
  });
  r.quotes.forEach((q, i) => {
    checkSpan(input, q, `quote ${i}`);
    assert.ok(q.kind === 'direct' || q.kind === 'indirect', `quote ${i}: kind ${q.kind}`);
    assert.equal(typeof q.partial, 'boolean', `quote ${i}: partial`);
    if (q.kind === 'indirect') assert.equal(q.partial, false, `quote ${i}: indirect and partial`);
    if (q.speaker !== null) checkSpan(input, q.speaker, `quote ${i} speaker`);
    assert.ok(q.speaker_name === null || (typeof q.speaker_name === 'string' && q.speaker_name !== ''));
  });
  r.sentences.forEach((s, i) => checkSpan(input, s, `sentence ${i}`));
}

describe('createAnalyzer', () => {
  let analyzer;
  before(async () => {
    analyzer = await createAnalyzer({ wasmBinary, modelBytes });
  });
  after(() => analyzer.dispose());

  test('loads the committed model when there is one', () => {
    assert.equal(analyzer.hasModel, modelBytes !== null);
  });

  for (const [name, input] of Object.entries(TEXTS)) {
    test(`every span of the ${name} text is its exact UTF-16 slice`, () => {
      const r = analyzer.analyze(input);
      checkAnalysis(input, r);
      assert.ok(r.sentences.length > 0, 'a non-empty text has sentences');
      // Sentences are in order and do not overlap.
      for (let i = 1; i < r.sentences.length; ++i) {
        assert.ok(r.sentences[i - 1].end <= r.sentences[i].begin, `sentences ${i - 1} and ${i} overlap`);
      }
    });
  }

  test('tokens on request, each a slice with no whitespace at its edges', () => {
    const input = TEXTS.emoji;
    const r = analyzer.analyze(input, { tokens: true });
    assert.ok(Array.isArray(r.tokens) && r.tokens.length > 10);
    r.tokens.forEach((t, i) => {
      checkSpan(input, t, `token ${i}`);
      const text = input.slice(t.begin, t.end);
      assert.ok(text.length > 0 && text.trim() === text, `token ${i} ${JSON.stringify(text)}`);
    });
    const words = r.tokens.map((t) => input.slice(t.begin, t.end));
    assert.ok(words.includes('Stoltenberg'), words.join('|'));
    assert.ok(words.includes('Brussels'), words.join('|'));
    assert.equal('tokens' in analyzer.analyze(input), false);
  });

  test('empty and whitespace-only text give empty results', () => {
    for (const input of ['', '   \n\n\t ']) {
      assert.deepEqual(analyzer.analyze(input), { entities: [], quotes: [], sentences: [] });
    }
  });

  test('lone surrogates neither crash nor shift offsets', () => {
    const input = 'Jens Stoltenberg \ud800 said \udfff “NATO is strong.” 😀 He left for Oslo.';
    const r = analyzer.analyze(input, { tokens: true });
    checkAnalysis(input, { entities: r.entities, quotes: r.quotes, sentences: r.sentences });
    const words = r.tokens.map((t) => input.slice(t.begin, t.end));
    assert.ok(words.includes('Oslo'), words.join('|'));
    assert.ok(words.includes('said'), words.join('|'));
  });

  test('bad input is an exception with a message, and the analyzer keeps working', () => {
    for (const bad of [undefined, null, 42, {}, ['text'], new Uint8Array(3)]) {
      assert.throws(() => analyzer.analyze(bad), TypeError);
    }
    // Larger than the web's 8 MiB limit (wasm/bindings.cc): an error, not a crash or a truncation.
    // 'é' is 2 bytes of UTF-8, so this string is over the limit in bytes though not in length.
    const huge = 'é'.repeat(4 * 1024 * 1024 + 1);
    assert.throws(() => analyzer.analyze(huge), /text too large: 8388610 bytes/);
    const r = analyzer.analyze(TEXTS.accents);
    checkAnalysis(TEXTS.accents, r);
  });
});

test('the most hostile text the web accepts: a result, or a clear error and a dead analyzer', async () => {
  // 8 MiB of quotation marks, the input that needs the most memory per byte found (about 330
  // bytes of heap per byte): whether it fits in the module's 2 GB depends on the core (today it
  // does not), but it must never escape as a raw RuntimeError or leave a half-working analyzer.
  const analyzer = await createAnalyzer({ wasmBinary, modelBytes });
  const input = '"'.repeat(8 * 1024 * 1024);
  let result = null;
  try {
    result = analyzer.analyze(input);
  } catch (error) {
    assert.equal(error.code, 'BYLINE_CORE_ABORTED', error.message);
    assert.equal(error.outOfMemory, true, error.message);
    assert.match(error.message,
      /^Byline: the analysis failed \(out of memory: the text needed more than the 2048 MB .*create a new one/);
    assert.equal(analyzer.usable, false);
    assert.throws(() => analyzer.analyze('Oslo.'), /create a new one/);
  }
  console.log(`# 8 MiB of quotation marks: ${result === null ? 'out of memory, reported' : 'analyzed'}`);
  if (result !== null) {
    assert.equal(analyzer.usable, true);
    checkAnalysis(input, result);
  }
  analyzer.dispose();
  const fresh = await createAnalyzer({ wasmBinary, modelBytes });
  checkAnalysis(TEXTS.curly, fresh.analyze(TEXTS.curly));
  fresh.dispose();
});

describe('the same spans as the native CLI', () => {
  const cliMissing = !existsSync(CLI);
  let analyzer;
  let dir;
  before(async () => {
    analyzer = await createAnalyzer({ wasmBinary, modelBytes });
    dir = mkdtempSync(join(tmpdir(), 'byline-wasm-'));
  });
  after(() => {
    analyzer.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const [name, input] of Object.entries(TEXTS)) {
    test(`${name} text: wasm (UTF-16) equals byline analyze (UTF-8 bytes, converted)`, () => {
      assert.ok(!cliMissing, `${CLI} is missing: build the native CLI first (bash scripts/test.sh does)`);
      const file = join(dir, `${name}.txt`);
      writeFileSync(file, input, 'utf8');
      const args = ['analyze', file];
      if (modelBytes !== null) args.push('--model', MODEL_PATH);
      const native = JSON.parse(execFileSync(CLI, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
      const u16 = byteToUtf16Map(input);
      const span = (s) => ({ begin: u16(s.begin), end: u16(s.end), text: s.text });
      const expected = {
        entities: native.entities.map((e) => ({ ...span(e), type: e.type })),
        quotes: native.quotes.map((q) => ({
          ...span(q),
          kind: q.kind,
          partial: q.partial,
          speaker: q.speaker === null ? null : span(q.speaker),
          speaker_name: q.speaker_name,
        })),
        sentences: native.sentences.map((s) => ({ begin: u16(s.begin), end: u16(s.end) })),
      };
      assert.deepEqual(analyzer.analyze(input), expected);
    });
  }
});

describe('models', () => {
  test('no model is not fatal: rules only', async () => {
    const a = await createAnalyzer({ wasmBinary, modelBytes: null });
    assert.equal(a.hasModel, false);
    checkAnalysis(TEXTS.seed, a.analyze(TEXTS.seed));
    a.dispose();
  });

  test('a model that cannot be fetched is not fatal either', async () => {
    const a = await createAnalyzer({ wasmBinary, modelUrl: 'does-not-exist/byline-ner.bin' });
    assert.equal(a.hasModel, false);
    assert.match(a.modelWarning, /does-not-exist/);
    a.dispose();
  });

  const header = (magic, version, crc, count) => {
    const b = Buffer.alloc(20);
    b.write(magic, 0, 'latin1');
    b.writeUInt32LE(version, 8);
    b.writeUInt32LE(crc, 12);
    b.writeUInt32LE(count, 16);
    return b;
  };
  const corrupt = {
    'empty file': new Uint8Array(0),
    'random bytes': Uint8Array.from({ length: 4096 }, (_, i) => (i * 2654435761) >>> 24),
    'a text file': Buffer.from('this is not a model\n'),
    'a newer format version': header('BYLINEMD', 999, 0, 0),
    'a wrong checksum': header('BYLINEMD', 1, 12345, 0),
  };
  if (modelBytes !== null) {
    const flipped = Buffer.from(modelBytes);
    flipped[flipped.length >> 1] ^= 0x55;
    corrupt['the real model with one byte changed'] = flipped;
    corrupt['the real model truncated'] = modelBytes.subarray(0, modelBytes.length >> 1);
  }
  for (const [name, bytes] of Object.entries(corrupt)) {
    test(`rejects ${name} with a message`, async () => {
      await assert.rejects(createAnalyzer({ wasmBinary, modelBytes: bytes }), (error) => {
        assert.ok(error instanceof Error);
        assert.match(error.message, /^Byline: the model could not be loaded: \S/);
        return true;
      });
    });
  }

  test('a corrupt core is rejected with a message', async () => {
    await assert.rejects(
      createAnalyzer({ wasmBinary: Buffer.from('not wasm at all'), modelBytes: null }),
      /^Error: Byline: could not load the WebAssembly core/,
    );
  });
});
