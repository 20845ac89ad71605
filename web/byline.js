// Byline's JavaScript API: people, organizations, places, dates and quotations in news text,
// analyzed by the WebAssembly core, entirely on this machine.
//
// Usage (browser, worker, or Node):
//   import { createAnalyzer } from './byline.js';
//   const analyzer = await createAnalyzer();          // fetches byline-core.wasm and the model
//   const r = analyzer.analyze(text);
//   for (const e of r.entities) console.log(e.type, e.text);          // e.text === text.slice(e.begin, e.end)
//   for (const q of r.quotes) console.log(q.speaker_name, q.text);
//   analyzer.dispose();                               // frees the core's memory (optional)
//
// In Node (no fetch of file: URLs) pass the bytes:
//   await createAnalyzer({ wasmBinary: readFileSync('web/byline-core.wasm'),
//                          modelBytes: readFileSync('models/byline-ner.bin') });
//
// Options (all optional):
//   wasmBinary  ArrayBuffer/Uint8Array of byline-core.wasm; else it is fetched from wasmUrl.
//   wasmUrl     where byline-core.wasm is (default: next to this file).
//   modelBytes  ArrayBuffer/Uint8Array of a model; null means "no model" (rules only).
//   modelUrl    where the model is (default: models/byline-ner.bin next to this file).
//
// Results are plain objects in the schema of `byline analyze` (the CLI):
//   { entities:  [{begin, end, text, type}],
//     quotes:    [{begin, end, text, kind, partial, speaker: {begin, end, text} | null,
//                  speaker_name}],
//     sentences: [{begin, end}] }
// plus, with analyze(text, {tokens: true}), tokens: [{begin, end}].
// Units: begin/end are UTF-16 code units into the string given, half-open, so that
// text === input.slice(begin, end); the core counts UTF-8 bytes and the wasm layer converts.
//
// Errors: a model that is missing (HTTP 404, or no file) is not fatal: the analyzer then finds
// entities by rules only and hasModel is false (modelWarning says why). A model that is there but
// cannot be read, or a core that cannot be loaded, rejects createAnalyzer() with an Error.
// analyze() throws a TypeError for a non-string and an Error with the core's message for text it
// cannot analyze (larger than 8 MiB of UTF-8 on the web). Should the core ever abort (out of
// memory: the message says so and error.outOfMemory is true), analyze() throws an Error with code
// 'BYLINE_CORE_ABORTED' and the analyzer is no longer usable (analyzer.usable === false): create a
// new one.

import createBylineModule from './byline-core.js';

const DEFAULT_WASM = 'byline-core.wasm';
const DEFAULT_MODEL = 'models/byline-ner.bin';

function toBytes(data, what) {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  throw new TypeError(`Byline: ${what} must be an ArrayBuffer or a Uint8Array`);
}

function describe(error) {
  return error instanceof Error ? error.message : String(error);
}

// Fetches the model; returns its bytes, or null with a reason when there is none.
async function fetchModel(url) {
  let response;
  try {
    response = await fetch(url);
  } catch (error) {
    return { bytes: null, warning: `no model could be fetched from ${url} (${describe(error)})` };
  }
  if (response.status === 404) return { bytes: null, warning: `no model at ${url} (HTTP 404)` };
  if (!response.ok) {
    throw new Error(`Byline: could not fetch the model ${url}: HTTP ${response.status}`);
  }
  return { bytes: new Uint8Array(await response.arrayBuffer()), warning: '' };
}

function span(input, s) {
  return { begin: s.begin, end: s.end, text: input.slice(s.begin, s.end) };
}

class BylineAnalyzer {
  #core;
  #analyzer;
  #heapMax;

  constructor(core, analyzer, modelWarning) {
    this.#core = core;
    this.#analyzer = analyzer;
    this.#heapMax = typeof core.heapMax === 'function' ? core.heapMax() : 0;
    this.modelWarning = modelWarning;
  }

  // True when a trained model was loaded; false when entities come from rules only.
  get hasModel() {
    return this.#analyzer !== null && this.#analyzer.hasModel();
  }

  // False after dispose(), or after the core aborted (error.code 'BYLINE_CORE_ABORTED').
  get usable() {
    return this.#analyzer !== null;
  }

  // Analyzes text (a string). Returns {entities, quotes, sentences[, tokens]} with UTF-16 offsets.
  analyze(input, options = {}) {
    if (typeof input !== 'string') {
      throw new TypeError(`Byline: analyze() expects a string, not ${input === null ? 'null' : typeof input}`);
    }
    if (this.#analyzer === null) {
      throw new Error('Byline: this analyzer was disposed or shut down; create a new one');
    }
    // Lone surrogates cannot be encoded as UTF-8; U+FFFD keeps every offset where it was.
    const text = typeof input.toWellFormed === 'function' ? input.toWellFormed() : input;
    let r;
    try {
      r = options.tokens ? this.#analyzer.analyze(text, true) : this.#analyzer.analyze(text);
    } catch (error) {
      // The core aborted (out of memory is the one way it can): its memory is no longer
      // trustworthy, so this analyzer is done; createAnalyzer() makes a fresh one.
      this.#analyzer = null;
      const used = this.#core.HEAPU8?.buffer.byteLength ?? 0;
      const max = this.#heapMax;
      // Growth is refused near the maximum; a request that big fails earlier, from half of it.
      const outOfMemory = max > 0 && used >= max / 2;
      const mb = (n) => `${Math.round(n / (1024 * 1024))} MB`;
      const why = outOfMemory
        ? `out of memory: the text needed more than the ${mb(max)} the analysis may use ` +
          `(${mb(used)} in use); split it into smaller parts`
        : describe(error);
      const e = new Error(`Byline: the analysis failed (${why}); ` +
                          'the analyzer was shut down, create a new one to go on');
      e.code = 'BYLINE_CORE_ABORTED';
      e.outOfMemory = outOfMemory;
      throw e;
    }
    if (!r.ok) throw new Error(`Byline: ${r.error}`);
    const result = {
      entities: r.entities.map((e) => ({ ...span(input, e), type: e.type })),
      quotes: r.quotes.map((q) => ({
        ...span(input, q),
        kind: q.kind,
        partial: q.partial,
        speaker: q.speaker === null ? null : span(input, q.speaker),
        speaker_name: q.speakerName,
      })),
      sentences: r.sentences.map((s) => ({ begin: s.begin, end: s.end })),
    };
    if (options.tokens) result.tokens = r.tokens;
    return result;
  }

  // Frees the core's memory; the analyzer cannot be used afterwards.
  dispose() {
    if (this.#analyzer !== null) {
      this.#analyzer.delete();
      this.#analyzer = null;
    }
  }
}

export async function createAnalyzer(options = {}) {
  const here = new URL('.', import.meta.url);
  const wasmUrl = new URL(options.wasmUrl ?? DEFAULT_WASM, here).href;
  const moduleArgs = {
    // Where the core's loader looks for byline-core.wasm when no bytes are given.
    locateFile: (path) => (path.endsWith('.wasm') ? wasmUrl : new URL(path, here).href),
  };
  if (options.wasmBinary !== undefined) moduleArgs.wasmBinary = toBytes(options.wasmBinary, 'wasmBinary');

  // The model's bytes, fetched while the core compiles.
  let modelPromise;
  if (options.modelBytes === null) {
    modelPromise = Promise.resolve({ bytes: null, warning: 'no model requested (rules only)' });
  } else if (options.modelBytes !== undefined) {
    modelPromise = Promise.resolve({ bytes: toBytes(options.modelBytes, 'modelBytes'), warning: '' });
  } else {
    modelPromise = fetchModel(new URL(options.modelUrl ?? DEFAULT_MODEL, here).href);
  }

  modelPromise.catch(() => {});  // its error is reported below, after the core's, not unhandled
  let core;
  try {
    core = await createBylineModule(moduleArgs);
  } catch (error) {
    throw new Error(`Byline: could not load the WebAssembly core ${wasmUrl}: ${describe(error)}`);
  }
  const model = await modelPromise;
  const analyzer = new core.Analyzer();
  if (model.bytes !== null) {
    const error = analyzer.loadModel(model.bytes);
    if (error !== '') {
      analyzer.delete();
      throw new Error(`Byline: the model could not be loaded: ${error}`);
    }
  }
  return new BylineAnalyzer(core, analyzer, model.warning);
}
