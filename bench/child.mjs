// One tool in its own Node process, so that its load time and peak memory are its own.
//
// Usage (bench/bench.mjs runs these; each prints one JSON object on stdout):
//   node bench/child.mjs '{"task":"speed","tool":"compromise","corpus":"F.jsonl","seed":"S.txt",
//                          "runs":5,"warmup":1,"maxSeconds":40,"root":"/repo","model":"M"}'
//   node bench/child.mjs '{"task":"spans","tool":"wink","docs":"F.jsonl","root":...,"model":...}'
//   node bench/child.mjs '{"task":"baseline"}'        # a bare Node process, for its memory
//
// speed: load (import) and init times, the first analysis of the seed text (cold), then `warmup`
// untimed passes and up to `runs` timed passes over every document of the corpus (at least 3; no
// more once maxSeconds have passed); peak RSS (VmHWM) at the end.
// spans: every document's entities and direct quotes, {id: {entities, quotes}}, UTF-16 offsets.
import { readFileSync } from 'node:fs';

import { median, peakRssKb, readJsonl } from './lib.mjs';
import { TOOLS } from './tools.mjs';

const args = JSON.parse(process.argv[2] ?? '{}');

async function start() {
  const tool = TOOLS[args.tool];
  if (!tool) throw new Error(`unknown tool '${args.tool}' (known: ${Object.keys(TOOLS).join(', ')})`);
  const ctx = { root: args.root, model: args.model ?? '' };
  const t0 = performance.now();
  const lib = await tool.load(ctx);
  const t1 = performance.now();
  const run = await tool.init(lib, ctx);
  const t2 = performance.now();
  return { run, loadMs: t1 - t0, initMs: t2 - t1 };
}

async function speed() {
  const texts = readJsonl(args.corpus).map((r) => r.text);
  const seed = readFileSync(args.seed, 'utf8');
  const rssStart = peakRssKb();
  const { run, loadMs, initMs } = await start();
  const rssAfterInit = peakRssKb();
  let t = performance.now();
  const first = run(seed);
  const firstMs = performance.now() - t;
  let sink = first.entities.length;
  for (let i = 0; i < args.warmup; ++i) for (const text of texts) sink += run(text).entities.length;
  const times = [];
  const cpu = [];
  const begin = performance.now();
  for (let i = 0; i < args.runs; ++i) {
    const c = process.cpuUsage();
    t = performance.now();
    for (const text of texts) sink += run(text).entities.length;
    times.push((performance.now() - t) / 1000);
    const dc = process.cpuUsage(c);
    cpu.push((dc.user + dc.system) / 1e6);
    if (times.length >= 3 && (performance.now() - begin) / 1000 > args.maxSeconds) break;
  }
  return {
    tool: args.tool,
    load_ms: loadMs,
    init_ms: initMs,
    first_ms: firstMs,
    seconds: median(times),
    all_seconds: times,
    cpu_seconds: median(cpu),  // the process's CPU time (all of Node's threads) per pass
    runs: times.length,
    rss_start_kb: rssStart,
    rss_after_init_kb: rssAfterInit,
    peak_rss_kb: peakRssKb(),
    heap_used_mb: process.memoryUsage().heapUsed / 2 ** 20,
    sink,
  };
}

async function spans() {
  const docs = readJsonl(args.docs);
  const { run } = await start();
  const out = {};
  for (const d of docs) out[d.id] = run(d.text);
  return out;
}

const tasks = { speed, spans, baseline: async () => ({ peak_rss_kb: peakRssKb() }) };
if (!tasks[args.task]) {
  console.error(`child.mjs: unknown task '${args.task}'`);
  process.exit(2);
}
process.stdout.write(`${JSON.stringify(await tasks[args.task]())}\n`);
