// Byline against what users would pick instead, side by side in one run: speed, load time, memory,
// entity and quote accuracy, sizes, and the page in headless Chromium. Writes BENCHMARKS.md.
//
// Usage (scripts/bench.sh builds what this needs, then runs it):
//   node bench/bench.mjs --byline build-bench/byline [--smoke] [--out BENCHMARKS.md] [--model M]
//
// --smoke: a few documents, one run each, the page with a small text; writes
// bench/out/BENCHMARKS.smoke.md (never BENCHMARKS.md) and fails only when something breaks,
// never because of a timing. All raw figures also go to bench/out/results*.json.
//
// Every tool runs in its own child process (bench/child.mjs), so its load time and peak memory
// (VmHWM) are its own; every tool is scored by the same code (bench/lib.mjs) on the same texts.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

import {
  byteToUtf16, conllDocuments, conlleval, readConll, readJsonl, scoreNer, scoreQuotes, QUOTE_IOU,
} from './lib.mjs';
import { TOOLS } from './tools.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..');

// ---- options -----------------------------------------------------------------------------------

const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 && i + 1 < argv.length ? argv[i + 1] : fallback;
};
const SMOKE = argv.includes('--smoke');
const BYLINE = resolve(opt('--byline', join(ROOT, 'build-bench', 'byline')));
const SHARED = resolve(opt('--shared', process.env.BYLINE_SHARED_DIR ?? join(ROOT, '..', 'shared')));
const OUT_DIR = join(HERE, 'out');
const REPORT = resolve(opt('--out', SMOKE ? join(OUT_DIR, 'BENCHMARKS.smoke.md') : join(ROOT, 'BENCHMARKS.md')));
const MODEL_ARG = opt('--model', join(ROOT, 'models', 'byline-ner.bin'));
const MODEL = existsSync(MODEL_ARG) ? resolve(MODEL_ARG) : '';
const RUNS = SMOKE ? 1 : 5;
const WARMUP = SMOKE ? 0 : 1;
const MAX_SECONDS = SMOKE ? 5 : 30;

const CORPUS_SRC = join(SHARED, 'data', 'unlabeled', 'wikinews', 'docs.jsonl');
const CONLL_DEV = join(SHARED, 'data', 'ner', 'conll2003', 'dev.conll');
const POLNEAR_DEV = join(SHARED, 'data', 'quotes', 'polnear', 'dev.jsonl');
const SEED = join(ROOT, 'seeds', 'nato-stoltenberg.txt');
const SMOKE_DOCS = 3;
const PAGE_BIG_CHARS = SMOKE ? 20000 : 1 << 20;

mkdirSync(OUT_DIR, { recursive: true });
const log = (...a) => console.error('bench:', ...a);
const started = new Date();
const loadStart = os.loadavg();

// ---- inputs ------------------------------------------------------------------------------------

function writeJsonl(path, records) {
  writeFileSync(path, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return path;
}

for (const p of [CORPUS_SRC, CONLL_DEV, POLNEAR_DEV, SEED]) {
  if (existsSync(p)) continue;
  if (SMOKE) {
    console.log(`bench --smoke: skipped: ${p} is missing (shared data: --shared DIR or BYLINE_SHARED_DIR)`);
    process.exit(0);
  }
  throw new Error(`${p} is missing (shared data: --shared DIR or BYLINE_SHARED_DIR)`);
}
// Whole Wikinews articles in file order, up to CORPUS_CHARS characters (the slowest peer takes
// ~6 s per pass over them on this machine).
const CORPUS_CHARS = 600000;
const corpusDocs = [];
for (const d of readJsonl(CORPUS_SRC)) {
  if (corpusDocs.length >= (SMOKE ? SMOKE_DOCS : Infinity)) break;
  if (corpusDocs.reduce((a, x) => a + x.text.length, 0) >= CORPUS_CHARS) break;
  corpusDocs.push(d);
}
const CORPUS = writeJsonl(join(OUT_DIR, 'corpus.jsonl'), corpusDocs.map((d) => ({ id: d.id, text: d.text })));
const corpusChars = corpusDocs.reduce((a, d) => a + d.text.length, 0);

const conllDocs = conllDocuments(readConll(CONLL_DEV)).slice(0, SMOKE ? SMOKE_DOCS : undefined);
const CONLL_JSONL = writeJsonl(join(OUT_DIR, 'conll-dev.jsonl'), conllDocs.map((d) => ({ id: d.id, text: d.text })));
const polnear = readJsonl(POLNEAR_DEV).slice(0, SMOKE ? SMOKE_DOCS : undefined);
const POLNEAR_JSONL = writeJsonl(join(OUT_DIR, 'polnear-dev.jsonl'), polnear.map((d) => ({ id: d.id, text: d.text })));

// The page's big text: whole wikinews articles, cut at PAGE_BIG_CHARS.
let big = '';
for (const d of readJsonl(CORPUS_SRC)) {
  if (big.length >= PAGE_BIG_CHARS) break;
  big += `${d.text}\n\n`;
}
const BIG_TEXT = join(OUT_DIR, 'page-big.txt');
writeFileSync(BIG_TEXT, big.slice(0, PAGE_BIG_CHARS));

// ---- running things ----------------------------------------------------------------------------

function run(cmd, args, { input, allowFail = false } = {}) {
  const r = spawnSync(cmd, args, { input, encoding: 'utf8', maxBuffer: 1 << 30, cwd: ROOT });
  if (r.status !== 0 && !allowFail) {
    throw new Error(`${cmd} ${args.join(' ')} failed (${r.status ?? r.signal}): ${r.stderr?.slice(-2000)}`);
  }
  return r;
}

function child(task) {
  const r = run(process.execPath, [join(HERE, 'child.mjs'), JSON.stringify({ root: ROOT, model: MODEL, ...task })]);
  return JSON.parse(r.stdout);
}

// A tool that fails is left out of the report with a note (the smoke run fails instead).
const failed = new Set();
function tryTool(tool, what, fn) {
  if (failed.has(tool)) return undefined;
  try {
    return fn();
  } catch (error) {
    if (SMOKE) throw error;
    failed.add(tool);
    const line = String(error.message).split('\n').find((l) => /Error:/.test(l)) ?? String(error.message).slice(0, 300);
    notes.push(`${tool} failed during ${what} and is left out: ${line.trim()}`);
    log(`${tool} FAILED (${what}): ${line.trim()}`);
    return undefined;
  }
}

const wasmBuilt = existsSync(join(ROOT, 'web', 'byline-core.wasm')) && existsSync(join(ROOT, 'web', 'byline-core.js'));
const PEERS = ['compromise', 'compromise-names', 'wink'];
const JS_TOOLS = [...(wasmBuilt ? ['byline-wasm'] : []), ...PEERS];
const notes = [];
if (!wasmBuilt) notes.push('web/byline-core.{js,wasm} were not built: no WebAssembly figures in this run.');
if (!MODEL) notes.push('models/byline-ner.bin is absent: Byline ran on rules only (no statistical tagger).');

// ---- 1. native ---------------------------------------------------------------------------------

log(`native: ${relative(ROOT, BYLINE)} bench on ${corpusDocs.length} documents`);
const benchArgs = ['bench', '--runs', String(RUNS), '--warmup', String(WARMUP), '--max-seconds', String(MAX_SECONDS)];
if (MODEL) benchArgs.push('--model', MODEL);
const native = JSON.parse(run(BYLINE, [...benchArgs, CORPUS]).stdout);
const TOKENS = native.tokens;  // Byline's tokens of the corpus: the one token count for every tool
if (native.chars !== corpusChars) throw new Error(`native counted ${native.chars} chars, JavaScript ${corpusChars}`);

// ---- 2. Node: speed, each tool in its own process ----------------------------------------------

const speed = {};
const baseline = child({ task: 'baseline' });
for (const tool of JS_TOOLS) {
  log(`speed: ${tool}`);
  const r = tryTool(tool, 'the speed run', () => child({ task: 'speed', tool, corpus: CORPUS, seed: SEED, runs: RUNS, warmup: WARMUP, maxSeconds: MAX_SECONDS }));
  if (r) speed[tool] = r;
}
// The native figures in the same shape.
const nativeFirst = (() => {
  const t0 = performance.now();
  run(BYLINE, ['analyze', ...(MODEL ? ['--model', MODEL] : []), SEED]);
  return performance.now() - t0;
})();

// ---- 3. accuracy -------------------------------------------------------------------------------

function nativeSpans(jsonlPath, records) {
  const byId = new Map(records.map((r) => [r.id, r.text]));
  const out = new Map();
  const r = run(BYLINE, ['analyze', '--jsonl', ...(MODEL ? ['--model', MODEL] : []), jsonlPath]);
  for (const line of r.stdout.split('\n')) {
    if (!line.trim()) continue;
    const a = JSON.parse(line);
    const to16 = byteToUtf16(byId.get(a.id));
    out.set(a.id, {
      entities: a.entities.map((e) => ({ begin: to16(e.begin), end: to16(e.end), type: e.type })),
      quotes: a.quotes.filter((q) => q.kind === 'direct').map((q) => ({
        begin: to16(q.begin), end: to16(q.end), partial: q.partial,
        speaker: q.speaker ? [to16(q.speaker.begin), to16(q.speaker.end)] : null,
      })),
    });
  }
  return out;
}

const spans = { conll: {}, polnear: {} };
log('accuracy: byline-native');
spans.conll['byline-native'] = nativeSpans(CONLL_JSONL, conllDocs);
spans.polnear['byline-native'] = nativeSpans(POLNEAR_JSONL, polnear);
for (const tool of JS_TOOLS.filter((t) => t !== 'compromise-names')) {
  log(`accuracy: ${tool}`);
  const conll = tryTool(tool, 'CoNLL tagging', () => child({ task: 'spans', tool, docs: CONLL_JSONL }));
  const pol = tryTool(tool, 'PolNeAR tagging', () => child({ task: 'spans', tool, docs: POLNEAR_JSONL }));
  if (conll && pol) {
    spans.conll[tool] = new Map(Object.entries(conll));
    spans.polnear[tool] = new Map(Object.entries(pol));
  }
}
const ner = {};
const quotes = {};
const typeCounts = {};
for (const [tool, byId] of Object.entries(spans.conll)) {
  ner[tool] = scoreNer(conllDocs, new Map([...byId].map(([id, r]) => [id, r.entities])));
  const counts = {};
  for (const r of byId.values()) for (const e of r.entities) counts[e.type] = (counts[e.type] ?? 0) + 1;
  typeCounts[tool] = counts;
}
for (const [tool, byId] of Object.entries(spans.polnear)) {
  const byIdQuotes = new Map([...byId].map(([id, r]) => [id, r.quotes]));
  quotes[tool] = scoreQuotes(polnear, byIdQuotes, { wholeOnly: true });
  quotes[tool].all = scoreQuotes(polnear, byIdQuotes);
}
// Native and wasm must agree: the same core on the same text.
let agreement = null;
if (spans.conll['byline-wasm']) {
  let same = 0;
  let total = 0;
  for (const set of ['conll', 'polnear']) {
    for (const [id, n] of spans[set]['byline-native']) {
      const w = spans[set]['byline-wasm'].get(id);
      total += 1;
      if (JSON.stringify(n) === JSON.stringify(w)) same += 1;
    }
  }
  agreement = { same, total };
}

// Byline on CoNLL's own tokens (tag-conll), scored by the same conlleval, and the CLI's own scorers.
function goldTokenScore() {
  const r = run(BYLINE, ['tag-conll', ...(MODEL ? ['--model', MODEL] : []), CONLL_DEV], { allowFail: true });
  if (r.status !== 0) return { error: (r.stderr || '').trim().split('\n').pop() };
  const tokens = [];
  const sentences = [];
  let first = 0;
  const lines = r.stdout.split('\n');
  let docs = 0;
  for (const line of [...lines, '']) {
    if (!line.trim() || line.startsWith('-DOCSTART-')) {
      if (line.startsWith('-DOCSTART-')) docs += 1;
      if (tokens.length > first) sentences.push([first, tokens.length]);
      first = tokens.length;
      if (SMOKE && docs > SMOKE_DOCS) break;
      continue;
    }
    const cols = line.split('\t');
    tokens.push({ gold: cols[1], predicted: cols[2] ?? 'O' });
  }
  const doc = { id: 'all', tokens, sentences };
  return conlleval([doc], new Map([['all', tokens.map((t) => t.predicted)]]));
}
log('accuracy: byline tag-conll / eval-ner / eval-quotes');
const goldTokens = goldTokenScore();
const cliEval = {};
{
  // The smoke run scores its few PolNeAR articles with eval-quotes too, for the cross-check below.
  const runs = SMOKE
    ? [['eval-quotes', writeJsonl(join(OUT_DIR, 'polnear.smoke.jsonl'), polnear), ['--json']]]
    : [['eval-ner', CONLL_DEV, []], ['eval-quotes', POLNEAR_DEV, []], ['eval-quotes', POLNEAR_DEV, ['--json']]];
  for (const [cmd, file, extra] of runs) {
    const r = run(BYLINE, [cmd, ...extra, ...(MODEL ? ['--model', MODEL] : []), file], { allowFail: true });
    cliEval[cmd + extra.join('')] = { status: r.status, stdout: r.stdout.trim(), stderr: r.stderr.trim().split('\n').slice(-3).join('\n') };
  }
}

// ---- 4. sizes ----------------------------------------------------------------------------------

function fileSize(path) {
  if (!existsSync(path)) return null;
  const b = readFileSync(path);
  return { bytes: b.length, gzip: gzipSync(b, { level: 9 }).length };
}
function treeSize(dir, filter) {
  let bytes = 0;
  let gzip = 0;
  let files = 0;
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (filter(p)) {
        const s = fileSize(p);
        bytes += s.bytes;
        gzip += s.gzip;
        files += 1;
      }
    }
  };
  if (existsSync(dir)) walk(dir);
  return { bytes, gzip, files };
}
const nm = join(HERE, 'node_modules');
const isJs = (p) => /\.(m|c)?js$/.test(p);
const sizes = {
  model: MODEL ? fileSize(MODEL) : null,
  wasm: fileSize(join(ROOT, 'web', 'byline-core.wasm')),
  wasmGlue: fileSize(join(ROOT, 'web', 'byline-core.js')),
  bylineJs: fileSize(join(ROOT, 'web', 'byline.js')),
  compromise: fileSize(join(nm, 'compromise', 'builds', 'compromise.js')),
  compromiseDates: fileSize(join(nm, 'compromise-dates', 'builds', 'compromise-dates.min.js')),
  winkNlp: treeSize(join(nm, 'wink-nlp', 'src'), isJs),
  winkModel: treeSize(join(nm, 'wink-eng-lite-web-model', 'dist'), isJs),
};

// ---- 5. the page -------------------------------------------------------------------------------

let page = null;
const chromiumPath = process.env.BYLINE_CHROMIUM || '/usr/bin/chromium';
if (!existsSync(join(ROOT, 'web', 'index.html')) || !wasmBuilt) {
  notes.push('The page (web/index.html with its WebAssembly core) is not built: no page figures.');
} else if (!existsSync(chromiumPath)) {
  notes.push(`${chromiumPath} is missing: no page figures.`);
} else {
  log('page: headless Chromium');
  page = tryTool('the page', 'the Chromium run', () =>
    JSON.parse(run(process.execPath, [join(HERE, 'page.mjs'), JSON.stringify({ root: ROOT, bigText: BIG_TEXT })]).stdout)) ?? null;
}

// ---- 6. versions and machine -------------------------------------------------------------------

const sh = (cmd, args) => {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
};
const pkgVersion = (name) => {
  try {
    return JSON.parse(readFileSync(join(nm, name, 'package.json'), 'utf8')).version;
  } catch {
    return '?';
  }
};
const cpuModel = (/model name\s*:\s*(.*)/.exec(sh('cat', ['/proc/cpuinfo'])) ?? [])[1] ?? os.cpus()[0]?.model ?? '?';
// BYLINE_BENCH_COMMIT names the commit when the tree is an export of one (git archive), not a checkout.
const commit = process.env.BYLINE_BENCH_COMMIT || sh('git', ['rev-parse', 'HEAD']) || 'unknown';
const dirty = !process.env.BYLINE_BENCH_COMMIT && sh('git', ['status', '--porcelain', '--untracked-files=no']) !== '';
const machine = {
  cpu: cpuModel,
  cores: os.cpus().length,
  memory_gib: os.totalmem() / 2 ** 30,
  kernel: `${os.type()} ${os.release()} ${os.arch()}`,
  load_start: loadStart,
  load_end: os.loadavg(),
};
const versions = {
  node: process.version,
  chromium: page?.chromium ?? sh(chromiumPath, ['--version']),
  'g++': sh('g++', ['-dumpfullversion']),
  emcc: (sh('emcc', ['--version']).split('\n')[0] ?? '').replace(/^emcc \(.*?\)\s*/, '').replace(/\s*\(\)$/, ''),
  packages: Object.fromEntries(['compromise', 'compromise-dates', 'wink-nlp', 'wink-eng-lite-web-model', 'playwright-core'].map((p) => [p, pkgVersion(p)])),
  byline: `${commit.slice(0, 12)}${dirty ? ' (with uncommitted changes)' : ''}`,
};

const results = {
  started: started.toISOString(), smoke: SMOKE, machine, versions, corpus: { documents: corpusDocs.length, chars: corpusChars, tokens: TOKENS },
  native, native_first_ms: nativeFirst, baseline, speed, ner, type_counts: typeCounts, quotes, agreement, gold_tokens: goldTokens,
  cli_eval: cliEval, sizes, page, notes,
};
writeFileSync(join(OUT_DIR, SMOKE ? 'results.smoke.json' : 'results.json'), JSON.stringify(results, null, 1));

// ---- 7. the report -----------------------------------------------------------------------------

const fmt = (x, digits = 0) => (x === null || x === undefined || Number.isNaN(x) ? '–' : Number(x).toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }));
const sig = (x) => {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  const a = Math.abs(x);
  return fmt(x, a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3);
};
const ratio = (a, b) => (a === null || a === undefined || !b ? '–' : `${sig(a / b)}×`);
const mb = (kb) => (kb === null || kb === undefined ? '–' : fmt(kb / 1024, 1));
const kib = (bytes) => (bytes === null || bytes === undefined ? '–' : fmt(bytes / 1024, 1));
const LABEL = {
  'byline-native': 'Byline native (C++)',
  'byline-wasm': TOOLS['byline-wasm'].label,
  compromise: TOOLS.compromise.label,
  'compromise-names': TOOLS['compromise-names'].label,
  wink: TOOLS.wink.label,
};

// One row per tool, in one shape.
const rows = {
  'byline-native': {
    seconds: native.analyze.seconds, cpu_seconds: native.analyze.cpu_seconds, runs: native.analyze.runs, load_ms: native.load_ms, init_ms: null,
    first_ms: null, first_process_ms: nativeFirst, peak_rss_kb: native.peak_rss_kb,
  },
};
for (const t of JS_TOOLS) if (speed[t]) rows[t] = { ...speed[t] };
for (const r of Object.values(rows)) {
  r.chars_per_s = r.seconds ? corpusChars / r.seconds : null;
  r.tokens_per_s = r.seconds ? TOKENS / r.seconds : null;
}

const md = [];
const p = (s = '') => md.push(s);
const table = (head, body) => {
  p(`| ${head.join(' | ')} |`);
  // Right-aligned: columns whose cells are all figures.
  const numeric = head.map((_, i) => i > 0 && body.every((r) => /^(\*\*)?[-+−–∞\d(]/.test(String(r[i] ?? '–'))));
  p(`| ${head.map((h, i) => (numeric[i] ? '---:' : '---')).join(' | ')} |`);
  for (const r of body) p(`| ${r.join(' | ')} |`);
  p();
};

p(SMOKE ? '# Byline benchmarks (SMOKE RUN: tiny inputs, figures meaningless)' : '# Byline benchmarks');
p();
p(`Generated by \`bash scripts/bench.sh\` on ${started.toISOString().replace(/\.\d+Z$/, 'Z')} (bench/bench.mjs; raw figures in`);
p('`bench/out/results.json` after a run). Byline is compared, on the same texts in the same run, with what a');
p('journalist\'s tool would otherwise use in JavaScript: [compromise](https://github.com/spencermountain/compromise)');
p('with its dates plugin, and [wink-nlp](https://github.com/winkjs/wink-nlp) with its English web model.');
p('Timings come from a shared 2-core machine and move by ±10–20% between runs; accuracy figures do not move.');
if (process.env.BYLINE_BENCH_COMMIT) {
  p(`This run: bench/bench.mjs on a clean export (\`git archive\`) of commit ${commit.slice(0, 12)}, built the way`);
  p('scripts/bench.sh builds it (build-bench/, build-bench-wasm/), so that uncommitted work in the shared tree is not measured.');
}
p();
for (const n of notes) p(`> **Note:** ${n}`);
if (notes.length) p();

// Bars.
const per = (t) => ner[t]?.PER_ORG_LOC?.f1;
const bars = [];
// Verdicts use wall-clock figures; the CPU-time figure is shown beside them (the machine is shared).
const verdict = (wall, cpu) => {
  if (wall === null) return 'n/a';
  const w = wall ? 'met' : '**not met**';
  return cpu === undefined || cpu === wall ? w : `${w} (${cpu ? 'met' : 'not met'} in CPU time)`;
};
const bar = (name, target, value, cpuValue, wall, cpu) => bars.push([name, target, value, cpuValue ?? '–', verdict(wall, cpu)]);
const wasmRow = rows['byline-wasm'];
const compRow = rows.compromise;
const nativeRow = rows['byline-native'];
const cpuRate = (r) => (r?.cpu_seconds ? corpusChars / r.cpu_seconds : null);
if (wasmRow && compRow) {
  const r = wasmRow.chars_per_s / compRow.chars_per_s;
  const c = cpuRate(wasmRow) / cpuRate(compRow);
  bar('Byline throughput vs compromise (both under Node)', '≥ 20×',
    `${sig(r)}× (WebAssembly); ${sig(nativeRow.chars_per_s / compRow.chars_per_s)}× native`,
    `${sig(c)}×; ${sig(cpuRate(nativeRow) / cpuRate(compRow))}× native`, r >= 20, c >= 20);
}
if (per('byline-native') !== undefined && per('compromise') !== undefined) {
  const d = per('byline-native') - per('compromise');
  bar('CoNLL dev PER/ORG/LOC F1 above compromise', '≥ 35 points', `${fmt(d, 1)} points (${fmt(per('byline-native'), 1)} vs ${fmt(per('compromise'), 1)})`, null, d >= 35);
}
if (page) bar('Page download, gzip', '≤ 2 MB', `${kib(page.download.gzip)} KiB (${kib(page.download.bytes)} KiB raw)`, null, page.download.gzip <= 2 * 1024 * 1024);
if (native.tagger) {
  const cpuTps = native.tagger.cpu_seconds ? TOKENS / native.tagger.cpu_seconds : null;
  bar('Native tagging (NER tagger alone)', '≥ 500,000 tokens/s', `${fmt(native.tagger.tokens_per_s)} tokens/s`, `${fmt(cpuTps)} tokens/s`,
    native.tagger.tokens_per_s >= 500000, cpuTps >= 500000);
} else {
  bar('Native tagging (NER tagger alone)', '≥ 500,000 tokens/s', 'no model: not measured', null, null);
}
if (wasmRow) {
  const r = native.analyze.seconds / wasmRow.seconds;
  const c = native.analyze.cpu_seconds / wasmRow.cpu_seconds;
  bar('WebAssembly speed vs native (full analysis)', '≥ 40%', `${fmt(100 * r, 0)}%`, `${fmt(100 * c, 0)}%`, r >= 0.4, c >= 0.4);
}
bar('Quotes + speakers add to analysis time', '< 30%', `${fmt(100 * native.quote_share, 1)}% (native: FindQuotes alone ÷ the rest of Analyze)`,
  `${fmt(100 * native.quote_share_cpu, 1)}%`, native.quote_share < 0.3, native.quote_share_cpu < 0.3);
p('## The bars');
p();
table(['bar', 'target', 'measured (wall clock)', 'in CPU time', ''], bars);

p('## Machine and versions');
p();
table(['', ''], [
  ['CPU', `${machine.cpu} (${machine.cores} cores visible)`],
  ['memory', `${fmt(machine.memory_gib, 1)} GiB`],
  ['system', machine.kernel],
  ['load average (1/5/15 min) at start / end', `${machine.load_start.map((x) => fmt(x, 2)).join(' ')} / ${machine.load_end.map((x) => fmt(x, 2)).join(' ')}`],
  ['Byline', `commit ${versions.byline}; g++ ${versions['g++']} -O3 (CMake Release); emcc ${versions.emcc}`],
  ['Node.js', versions.node],
  ['Chromium', versions.chromium || '–'],
  ...Object.entries(versions.packages).map(([k, v]) => [k, v]),
]);

p('## Speed, load time and memory');
p();
p(`The same ${fmt(corpusDocs.length)} Wikinews articles (the first ones of \`../shared/data/unlabeled/wikinews\`, CC BY 2.5):`);
p(`${fmt(corpusChars)} characters (UTF-16 code units, JavaScript's \`length\`), ${fmt(TOKENS)} tokens (Byline's`);
p('tokenizer; the one token count used for every tool, so tokens/s compare like characters/s). Each article is');
p('analyzed on its own, as a user pastes one. A tool\'s time is the median of ' + `${SMOKE ? 1 : '3–5'} timed passes over all articles after ${WARMUP} warm-up pass${WARMUP === 1 ? '' : 'es'};`);
p('Byline produces entities (with dates and quantities) and quotations with speakers; compromise produces people,');
p('organizations, places, dates and quotations; the "names only" row is compromise at its cheapest; wink-nlp');
p('produces its own entity types (dates, numbers, …), tokens and sentences.');
p();
const speedRows = Object.entries(rows).map(([t, r]) => [
  LABEL[t], fmt(r.chars_per_s), fmt(r.tokens_per_s), sig(r.seconds), sig(r.cpu_seconds), String(r.runs ?? '–'),
  r.load_ms === null ? '–' : sig(r.load_ms), r.init_ms === null || r.init_ms === undefined ? '–' : sig(r.init_ms),
  t === 'byline-native' ? `${sig(r.first_process_ms)} (whole process)` : sig(r.first_ms), mb(r.peak_rss_kb),
]);
table(['tool', 'characters/s', 'tokens/s', 'seconds per pass', 'CPU seconds per pass', 'passes', 'load ms', 'init ms', 'first analysis of the seed article, ms', 'peak RSS, MB'], speedRows);
p('CPU seconds are the process\'s own (Node counts its compiler and GC threads too); on a busy machine they move less');
p('than the wall-clock seconds, which every per-second figure here uses.');
p(`Load = importing the code (Node) or reading the model file and \`LoadModel\` (native); init = building the`);
p('analyzer (Byline: compiling the WebAssembly module and loading the model; wink: instantiating its model). The first');
p('analysis is of the seed article (2.4 KB), cold. Peak RSS is the process\'s VmHWM after the timed passes (native:');
p(`after loading and analyzing every article once); a bare \`node\` process peaks at ${mb(baseline.peak_rss_kb)} MB, which every Node row includes.`);
p();

p('### Ratios: Byline ÷ peer');
p();
p('Above 1× is better for speed; below 1× is better for times and memory.');
p();
const ratioRows = [];
for (const peer of PEERS.filter((t) => rows[t])) {
  const pr = rows[peer];
  for (const [bylineTool, br] of Object.entries(rows).filter(([t]) => t.startsWith('byline'))) {
    ratioRows.push([
      `${LABEL[bylineTool]} ÷ ${LABEL[peer]}`, ratio(br.chars_per_s, pr.chars_per_s), ratio(br.tokens_per_s, pr.tokens_per_s),
      bylineTool === 'byline-wasm' ? ratio(br.load_ms + br.init_ms, pr.load_ms + pr.init_ms) : '–',
      bylineTool === 'byline-wasm' ? ratio(br.first_ms, pr.first_ms) : '–',
      ratio(br.peak_rss_kb, pr.peak_rss_kb),
    ]);
  }
}
table(['', 'characters/s', 'tokens/s', 'load + init time', 'first analysis time', 'peak RSS'], ratioRows);

p('### Native stages');
p();
p('`byline bench` (tools/bench.cc) times the stages alone on the same articles through the public headers:');
p();
const stage = (name, f, what) => [name, f ? fmt(f.chars_per_s) : '–', f ? fmt(f.tokens_per_s) : '–', f ? sig(f.seconds * 1000) : '–', what];
table(['stage', 'characters/s', 'tokens/s', 'ms per pass', 'what'], [
  stage('full analysis', native.analyze, '`Analyzer::Analyze`: everything'),
  stage('tokenizer + sentences', native.tokenize, '`Tokenize` + `SplitSentences`'),
  stage('entity tagger', native.tagger, '`EntityTagger::TagDocument` alone (the statistical NER tagger)'),
  stage('quotes and speakers', native.quotes_stage, '`FindQuotes` alone, on Analyze\'s tokens, sentences and entities'),
]);
p(`Quotes and speakers add ${fmt(100 * native.quote_share, 1)}% to the rest of the analysis (FindQuotes time ÷ (Analyze − FindQuotes));`);
p(`in CPU time, ${fmt(100 * native.quote_share_cpu, 1)}%.`);
p(`Model load (read the file + \`LoadModel\`): ${sig(native.load_ms)} ms; RSS after loading ${mb(native.rss_after_load_kb)} MB, peak ${mb(native.peak_rss_kb)} MB.`);
p();

p('## Entity accuracy: CoNLL-2003 dev');
p();
p(`\`../shared/data/ner/conll2003/dev.conll\`, ${fmt(conllDocs.length)} documents. Every tool gets the same text: each sentence's tokens`);
p('joined by single spaces, sentences separated by a blank line, one text per document. Each tool\'s spans are trimmed of');
p('edge spaces and punctuation and mapped onto the gold tokens the same way (a token is inside a span if they overlap;');
p('overlapping spans: the first, longest, wins), converted to IOB2 and scored by one conlleval (strict: exact span and');
p('type). compromise\'s people/organizations/places count as PER/ORG/LOC; it has no MISC. wink-nlp has no person,');
p('organization or place types at all (its entities are dates, times, numbers, money, e-mail, URLs, …), so it scores 0;');
p('what it does find is counted below.');
p();
const nerRow = (name, s) => [name, ...['PER', 'ORG', 'LOC'].map((t) => fmt(s[t].f1, 1)),
  fmt(s.PER_ORG_LOC.precision, 1), fmt(s.PER_ORG_LOC.recall, 1), `**${fmt(s.PER_ORG_LOC.f1, 1)}**`, fmt(s.MISC.f1, 1), fmt(s.ALL.f1, 1)];
const nerRows = Object.entries(ner).map(([t, s]) => nerRow(LABEL[t], s));
if (goldTokens && !goldTokens.error) nerRows.push(nerRow('Byline native on the gold tokens (`byline tag-conll`, same conlleval)', goldTokens));
table(['tool', 'PER F1', 'ORG F1', 'LOC F1', 'PER+ORG+LOC P', 'R', 'F1', 'MISC F1', 'all four F1'], nerRows);
if (agreement) p(`Byline native and WebAssembly gave identical entities and quotes on ${agreement.same} of ${agreement.total} documents.`);
p();
const diffRows = [];
for (const peer of ['compromise', 'wink'].filter((t) => ner[t])) {
  const b = ner['byline-native'];
  const s = ner[peer];
  diffRows.push([`Byline ÷ ${LABEL[peer]}`, ...['PER', 'ORG', 'LOC', 'PER_ORG_LOC', 'MISC'].map((k) => `${s[k].f1 ? ratio(b[k].f1, s[k].f1) : '∞'} (${b[k].f1 - s[k].f1 >= 0 ? '+' : ''}${fmt(b[k].f1 - s[k].f1, 1)} points)`)]);
}
table(['F1: ratio (difference)', 'PER', 'ORG', 'LOC', 'PER+ORG+LOC', 'MISC'], diffRows);
p('Entities each tool reported on CoNLL dev, by its own type:');
p();
table(['tool', 'entities by type'], Object.entries(typeCounts).map(([t, c]) => [LABEL[t], Object.entries(c).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${fmt(v)}`).join(', ') || 'none']));

p('## Direct quotations: PolNeAR dev');
p();
p(`\`../shared/data/quotes/polnear/dev.jsonl\`, ${fmt(polnear.length)} articles. Every tool is scored by one JavaScript port of \`byline eval-quotes\`'s`);
p('direct-quote matching (bench/lib.mjs): gold = the `inner` span of every `direct` or `embedded` record (verbatim');
p('quotations); predicted = the tool\'s direct quotations, one piece per paragraph; both trimmed of spaces, punctuation and');
p(`quotation marks; matched one to one by character IoU ≥ ${QUOTE_IOU}, best first (a prediction that fits the pieces of one`);
p('attribution, which PolNeAR marks as several records with one `attr_id`, matches them all); every other prediction is');
p('wrong. "Whole" leaves out the quotations a tool marks as partial (fragments woven into the writer\'s sentence, which');
p('PolNeAR annotates as *mixed* attributions, not as direct quotes): only Byline marks them. "All" counts every direct');
p('quotation. PolNeAR does not annotate scare quotes or quoted titles, so a tool that reports every quoted string loses');
p('precision by design. compromise\'s `.quotations()` has no speakers; wink-nlp finds no quotations. Speaker accuracy: the');
p('predicted speaker mention overlaps the gold speaker, over matched whole quotes.');
p();
table(['tool', 'gold', 'predicted (whole)', 'matched', 'wrong', 'precision', 'recall', 'F1 (whole)', 'F1 (all)', 'speaker accuracy'],
  Object.entries(quotes).map(([t, s]) => [LABEL[t], fmt(s.gold), fmt(s.predicted), fmt(s.tp), fmt(s.fp),
    fmt(s.precision, 1), fmt(s.recall, 1), `**${fmt(s.f1, 1)}**`, fmt(s.all.f1, 1),
    s.speaker_accuracy === null || !s.speaker_total || t.startsWith('compromise') || t === 'wink' ? '–' : `${fmt(s.speaker_accuracy, 1)}% (${s.speaker_right}/${s.speaker_total})`]));
if (quotes.compromise && quotes['byline-native']) {
  const b = quotes['byline-native'];
  const c = quotes.compromise;
  const pick = { f1: (s) => s.f1, all_f1: (s) => s.all.f1, precision: (s) => s.precision, recall: (s) => s.recall };
  table(['Byline ÷ compromise', 'F1 (whole)', 'F1 (all)', 'precision', 'recall'], [[
    'ratio (difference in points)',
    ...Object.values(pick).map((f) => `${ratio(f(b), f(c))} (${f(b) - f(c) >= 0 ? '+' : ''}${fmt(f(b) - f(c), 1)})`)]]);
}
const cliJson = (() => {
  try {
    return JSON.parse(cliEval['eval-quotes--json']?.stdout ?? '').direct;
  } catch {
    return null;
  }
})();
const quotesCrossCheck = cliJson && quotes['byline-native']
  ? cliJson.tp === quotes['byline-native'].tp && cliJson.fp === quotes['byline-native'].fp &&
    cliJson.tp_gold === quotes['byline-native'].tp_gold
  : null;
if (cliJson && quotes['byline-native']) {
  const b = quotes['byline-native'];
  p(`Cross-check: \`byline eval-quotes\` (C++) scores Byline's whole direct quotes ${fmt(100 * cliJson.f1, 2)} F1 (${cliJson.tp} matched, ${cliJson.fp} wrong, ${cliJson.tp_gold} gold found); this harness's JavaScript port of its matching gives ${fmt(b.f1, 2)} (${b.tp}, ${b.fp}, ${b.tp_gold})${quotesCrossCheck ? ': the same counts' : ': DIFFERENT counts'}.`);
  p();
}
delete cliEval['eval-quotes--json'];
for (const [cmd, r] of Object.entries(cliEval)) {
  p(`\`byline ${cmd}\` (the CLI's own scorer${cmd === 'eval-ner' ? ', on the gold tokens' : ', with speakers'}):`);
  p();
  p('```');
  p(r.status === 0 ? r.stdout : `(exit ${r.status}) ${r.stderr}`);
  p('```');
  p();
}

p('## Sizes');
p();
p('What a web page has to download for each tool (gzip -9 of each file; bytes, KiB = 1024 bytes).');
p();
const sz = (s) => (s ? [kib(s.bytes), kib(s.gzip)] : ['–', '–']);
const sumSizes = (...l) => l.filter(Boolean).reduce((a, s) => ({ bytes: a.bytes + s.bytes, gzip: a.gzip + s.gzip }), { bytes: 0, gzip: 0 });
const bylineTotal = sumSizes(sizes.model, sizes.wasm, sizes.wasmGlue, sizes.bylineJs);
const compTotal = sumSizes(sizes.compromise, sizes.compromiseDates);
const winkTotal = sumSizes(sizes.winkNlp, sizes.winkModel);
table(['file', 'KiB', 'KiB gzip'], [
  ['Byline model `models/byline-ner.bin`', ...sz(sizes.model)],
  ['Byline core `web/byline-core.wasm`', ...sz(sizes.wasm)],
  ['Byline glue `web/byline-core.js` + `web/byline.js`', ...sz(sumSizes(sizes.wasmGlue, sizes.bylineJs))],
  ['**Byline engine total**', ...sz(bylineTotal)],
  ['compromise `builds/compromise.js` + compromise-dates `builds/compromise-dates.min.js`', ...sz(compTotal)],
  [`wink-nlp \`src/\` + wink-eng-lite-web-model \`dist/\` (${sizes.winkNlp.files + sizes.winkModel.files} files, unbundled)`, ...sz(winkTotal)],
]);
table(['Byline engine ÷ peer', 'raw', 'gzip'], [
  ['÷ compromise + dates', ratio(bylineTotal.bytes, compTotal.bytes), ratio(bylineTotal.gzip, compTotal.gzip)],
  ['÷ wink-nlp + model', ratio(bylineTotal.bytes, winkTotal.bytes), ratio(bylineTotal.gzip, winkTotal.gzip)],
]);

p('## The page in headless Chromium');
p();
if (!page) {
  p('Not measured in this run (see the notes above).');
  p();
} else {
  p(`Debian's Chromium ${page.chromium}, headless, driven by playwright-core; \`web/\` served from 127.0.0.1 by a`);
  p('small Node server (bench/page.mjs) with no compression and no caching, a fresh profile, service workers blocked.');
  p('Times are the page\'s own clock: navigation start to `body[data-state="ready"]` (analyzer loaded), and from the');
  p('click to `data-state="done"` with highlights (elements with `data-kind`) in the page.');
  p();
  table(['figure', 'value'], [
    ['page download to a ready analyzer', `${fmt(page.download.files)} files, ${kib(page.download.bytes)} KiB raw, **${kib(page.download.gzip)} KiB gzip**`],
    ['navigation to a ready analyzer', `${fmt(page.ready_ms)} ms`],
    [`"Try an example": the seed article (${fmt(page.seed.chars)} characters, fetched on click) analyzed and rendered`, `${fmt(page.seed.ms)} ms, ${fmt(page.seed.highlights)} highlight elements`],
    ...(page.big ? [[`a ${fmt(page.big.chars)}-character text (Wikinews articles) analyzed and rendered`, `${fmt(page.big.ms)} ms, ${fmt(page.big.highlights)} highlight elements`]] : []),
    ['errors on the page', page.page_errors.length ? page.page_errors.join('; ') : 'none'],
  ]);
  table(['file served', 'status', 'bytes', 'gzip'], page.download.list.map((f) => [`\`${f.path}\``, String(f.status), fmt(f.bytes), fmt(f.gzip)]));
}

p('## How this is measured');
p();
p('- `bash scripts/bench.sh` builds the native CLI (build-bench/) and the WebAssembly core when they are out of date,');
p('  installs bench/\'s own pinned npm packages (bench/package-lock.json; the product\'s package.json stays small), and');
p('  runs bench/bench.mjs. `bash scripts/bench.sh --smoke` does the same on 3 documents in seconds (CI builds and runs');
p('  it; it never fails on a timing).');
p('- Native: `byline bench` (tools/bench.cc). Node tools: bench/child.mjs, one process per tool and task; Byline under');
p('  Node is `web/byline.js` with `wasmBinary` and `modelBytes`, the same API the page uses.');
p('- Accuracy: Byline native through `byline analyze --jsonl` (byte offsets converted to UTF-16), the others through');
p('  their JavaScript APIs; one scorer for all (bench/lib.mjs). compromise spans come from its terms\' offsets.');
p('- Tokens/s for every tool = Byline\'s token count ÷ that tool\'s time, so that tokens/s and characters/s rank alike.');
p();
writeFileSync(REPORT, md.join('\n'));
log(`wrote ${relative(ROOT, REPORT)}`);
if (SMOKE) {
  // Smoke checks: things ran and produced sane figures; timings are never judged.
  const problems = [];
  if (!(native.analyze.seconds > 0)) problems.push('native analyze time is not positive');
  for (const t of JS_TOOLS) if (!(speed[t].seconds > 0)) problems.push(`${t}: no time measured`);
  for (const [t, s] of Object.entries(ner)) if (!(s.ALL.gold > 0)) problems.push(`${t}: no gold entities scored`);
  if (agreement && agreement.same !== agreement.total) problems.push(`native and wasm disagree on ${agreement.total - agreement.same} documents`);
  if (quotesCrossCheck === false) problems.push('the quote scorer here and byline eval-quotes disagree');
  if (problems.length) {
    console.error(`bench --smoke: ${problems.join('; ')}`);
    process.exit(1);
  }
  console.log(`bench --smoke: ok (native, ${JS_TOOLS.join(', ')}${page ? ', page' : ''})`);
}
