// Tests of the benchmark's scorers and tool adapters: the figures in BENCHMARKS.md are only as
// good as these. Run: node --test bench/   (scripts/bench.sh --smoke runs them first)
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';

import { byteToUtf16, chunks, conllDocuments, conlleval, scoreQuotes, spansToTags, trimSpan } from './lib.mjs';
import { TOOLS } from './tools.mjs';

describe('conlleval', () => {
  const cases = [
    { name: 'exact match', gold: ['B-PER', 'I-PER', 'O'], pred: ['B-PER', 'I-PER', 'O'], per: [1, 1, 1] },
    { name: 'wrong type', gold: ['B-LOC', 'O'], pred: ['B-ORG', 'O'], per: [0, 1, 1] },
    { name: 'short span is wrong', gold: ['B-PER', 'I-PER'], pred: ['B-PER', 'O'], per: [0, 1, 1] },
    { name: 'I- after O starts a chunk', gold: ['O', 'B-PER'], pred: ['O', 'I-PER'], per: [1, 1, 1] },
    { name: 'B- splits adjacent chunks', gold: ['B-PER', 'B-PER'], pred: ['B-PER', 'I-PER'], per: [0, 2, 1] },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const doc = { id: 'd', tokens: c.gold.map((gold) => ({ gold })), sentences: [[0, c.gold.length]] };
      const s = conlleval([doc], new Map([['d', c.pred]]));
      const [correct, gold, predicted] = c.per;
      assert.deepEqual([s.ALL.correct, s.ALL.gold, s.ALL.predicted], [correct, gold, predicted]);
    });
  }
  test('chunks of a sentence', () => {
    assert.deepEqual(chunks(['B-PER', 'I-PER', 'O', 'B-LOC', 'I-ORG']), ['0:2:PER', '3:4:LOC', '4:5:ORG']);
  });
  test('PER+ORG+LOC and MISC are scored apart', () => {
    const doc = { id: 'd', tokens: ['B-PER', 'B-MISC', 'B-LOC'].map((gold) => ({ gold })), sentences: [[0, 3]] };
    const s = conlleval([doc], new Map([['d', ['B-PER', 'B-MISC', 'O']]]));
    assert.equal(s.PER_ORG_LOC.gold, 2);
    assert.equal(s.PER_ORG_LOC.correct, 1);
    assert.equal(s.MISC.f1, 100);
    assert.equal(Math.round(s.PER_ORG_LOC.f1 * 10) / 10, 66.7);
  });
});

describe('spans onto gold tokens', () => {
  const [doc] = conllDocuments([[
    [{ word: 'Angela', tag: 'B-PER' }, { word: 'Merkel', tag: 'I-PER' }, { word: '.', tag: 'O' }],
    [{ word: 'Berlin', tag: 'B-LOC' }, { word: 'wins', tag: 'O' }],
  ]]);
  test('the document text and token offsets', () => {
    assert.equal(doc.text, 'Angela Merkel .\n\nBerlin wins');
    for (const t of doc.tokens) assert.ok(doc.text.slice(t.begin, t.end).length > 0);
    assert.deepEqual(doc.sentences, [[0, 3], [3, 5]]);
  });
  const cases = [
    { name: 'exact spans', spans: [[0, 13, 'PER'], [17, 23, 'LOC']], tags: ['B-PER', 'I-PER', 'O', 'B-LOC', 'O'] },
    { name: 'trailing punctuation is trimmed', spans: [[0, 15, 'PER']], tags: ['B-PER', 'I-PER', 'O', 'O', 'O'] },
    { name: 'a partial overlap takes the token', spans: [[2, 9, 'PER']], tags: ['B-PER', 'I-PER', 'O', 'O', 'O'] },
    { name: 'types outside CoNLL are ignored', spans: [[17, 28, 'DATE']], tags: ['O', 'O', 'O', 'O', 'O'] },
    { name: 'an overlapping later span is dropped', spans: [[0, 13, 'PER'], [7, 13, 'LOC']], tags: ['B-PER', 'I-PER', 'O', 'O', 'O'] },
    { name: 'a span across sentences restarts', spans: [[7, 23, 'ORG']], tags: ['O', 'B-ORG', 'I-ORG', 'B-ORG', 'O'] },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const got = spansToTags(doc, c.spans.map(([begin, end, type]) => ({ begin, end, type })));
      assert.deepEqual(got, c.tags);
    });
  }
  test('trimSpan', () => {
    assert.deepEqual(trimSpan('“Hi, there,” he', 0, 12), [1, 10]);
    assert.equal(trimSpan(' ... ', 0, 5), null);
  });
});

test('byte offsets to UTF-16', () => {
  const text = 'aé€😀b';
  const to16 = byteToUtf16(text);
  assert.deepEqual([0, 1, 3, 6, 10, 11].map(to16), [0, 1, 2, 3, 5, 6]);
  assert.throws(() => to16(2));
});

describe('quote matching (the port of byline eval-quotes)', () => {
  //            0         1         2         3         4         5         6         7
  //            0123456789012345678901234567890123456789012345678901234567890123456789012345
  const text = '"We will win," he said. She said the plan was "a disaster for us" today. "One."\n"Two."';
  const rec = (quotes) => ({ id: 'a', text, quotes });
  const direct = (b, e) => ({ quote_type: 'direct', start: b, end: e, inner: [b + 1, e - 1], speaker: [14, 16] });
  const score = (records, preds) => scoreQuotes(records, new Map([['a', preds]]));
  test('a match with marks and punctuation trimmed, and its speaker', () => {
    const s = score([rec([direct(0, 14)])], [{ begin: 1, end: 13, speaker: [14, 16] }]);
    assert.deepEqual([s.tp, s.fp, s.gold, s.f1, s.speaker_right], [1, 0, 1, 100, 1]);
  });
  test('IoU below 0.8 is a miss', () => {
    const s = score([rec([direct(0, 14)])], [{ begin: 1, end: 8 }]);
    assert.deepEqual([s.tp, s.fp], [0, 1]);
  });
  test('a fragment inside a mixed record is wrong, unless the tool marks it partial and only whole quotes count', () => {
    const records = [rec([direct(0, 14), { quote_type: 'mixed', start: 28, end: 66, inner: null }])];
    const unmarked = score(records, [{ begin: 1, end: 13 }, { begin: 47, end: 64 }]);
    assert.deepEqual([unmarked.tp, unmarked.fp], [1, 1]);
    const marked = [{ begin: 1, end: 13 }, { begin: 47, end: 64, partial: true }];
    const whole = scoreQuotes(records, new Map([['a', marked]]), { wholeOnly: true });
    assert.deepEqual([whole.predicted, whole.tp, whole.fp, whole.f1], [1, 1, 0, 100]);
    const all = scoreQuotes(records, new Map([['a', marked]]));
    assert.deepEqual([all.predicted, all.tp, all.fp], [2, 1, 1]);
  });
  test('embedded records (speaker inside the marks) are gold too', () => {
    const s = score([rec([{ quote_type: 'embedded', start: 0, end: 14, inner: [1, 13], speaker: [2, 4] }])],
      [{ begin: 1, end: 13 }]);
    assert.deepEqual([s.gold, s.tp, s.fp], [1, 1, 0]);
  });
  test('a prediction over two paragraphs is two pieces', () => {
    const s = score([rec([direct(73, 79), direct(80, 86)])], [{ begin: 74, end: 85 }]);
    assert.deepEqual([s.predicted, s.tp, s.tp_gold], [2, 2, 2]);
  });
  test('one prediction over the pieces of one attribution matches them all', () => {
    const t = '"One two three. Four five six." he said.';
    const piece = (start, end, inner, attr) => ({ quote_type: 'direct', start, end, inner, attr_id: attr });
    const s = scoreQuotes([{ id: 'a', text: t, quotes: [piece(0, 15, [1, 15], 'E1'), piece(16, 31, [16, 30], 'E1')] }],
      new Map([['a', [{ begin: 1, end: 30 }]]]));
    assert.deepEqual([s.tp, s.tp_gold, s.fp, s.recall], [1, 2, 0, 100]);
    // Two attributions are two quotations: one prediction over both matches neither.
    const two = scoreQuotes([{ id: 'a', text: t, quotes: [piece(0, 15, [1, 15], 'E1'), piece(16, 31, [16, 30], 'E2')] }],
      new Map([['a', [{ begin: 1, end: 30 }]]]));
    assert.deepEqual([two.tp, two.tp_gold, two.fp], [0, 0, 1]);
  });
});

describe('tool adapters give exact spans', () => {
  const text = 'Émile Zola met “Barack Obama” in  New York.\n\n"We’re fine," said Angela Merkel on Monday, June 5, 2023.';
  for (const name of ['compromise', 'wink']) {
    test(name, async () => {
      const tool = TOOLS[name];
      const run = await tool.init(await tool.load({}), {});
      const r = run(text);
      assert.ok(r.entities.length > 0, 'some entities');
      for (const e of [...r.entities, ...r.quotes]) {
        assert.ok(e.begin >= 0 && e.begin < e.end && e.end <= text.length, `span ${e.begin}-${e.end}`);
        const s = text.slice(e.begin, e.end);
        assert.equal(s, s.trim(), `no edge spaces: "${s}"`);
      }
      if (name === 'compromise') {
        const names = r.entities.filter((e) => e.type === 'PER').map((e) => text.slice(e.begin, e.end));
        assert.ok(names.includes('Barack Obama'), names.join('|'));
        assert.ok(names.includes('Angela Merkel'), names.join('|'));
        assert.deepEqual(r.quotes.map((q) => text.slice(q.begin, q.end)), ['Barack Obama', 'We’re fine']);
      } else {
        assert.ok(r.entities.some((e) => e.type === 'DATE' && text.slice(e.begin, e.end).includes('June 5')));
      }
    });
  }
});

// `byline bench` itself (tools/bench.cc): BYLINE_CLI names the built CLI (scripts/bench.sh sets it).
describe('byline bench (native)', () => {
  const cli = process.env.BYLINE_CLI;
  const skip = cli ? false : 'BYLINE_CLI is not set (scripts/bench.sh --smoke sets it)';
  const dir = mkdtempSync(join(tmpdir(), 'byline-bench-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const texts = ['Angela Merkel met “Emmanuel Macron” in Paris. 😀 Café.', '"We will win," he said on Monday.'];
  const corpus = join(dir, 'corpus.jsonl');
  writeFileSync(corpus, texts.map((text, i) => JSON.stringify({ id: i, text })).join('\n') + '\n');
  test('prints its figures as JSON, counting characters as JavaScript does', { skip }, () => {
    const r = spawnSync(cli, ['bench', '--runs', '1', '--warmup', '0', corpus], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const j = JSON.parse(r.stdout);
    assert.equal(j.documents, 2);
    assert.equal(j.chars, texts.reduce((a, t) => a + t.length, 0));
    assert.equal(j.bytes, texts.reduce((a, t) => a + Buffer.byteLength(t), 0));
    assert.ok(j.tokens >= 20 && j.tokens < j.chars, `tokens ${j.tokens}`);
    assert.ok(j.quotes >= 1, 'the quotation is found');
    for (const k of ['analyze', 'tokenize', 'quotes_stage']) {
      assert.ok(j[k].seconds > 0 && j[k].chars_per_s > 0 && j[k].runs === 1, k);
    }
    assert.ok(j.peak_rss_kb > 0 && j.peak_rss_end_kb >= j.peak_rss_kb);
  });
  const bad = [
    ['no corpus', []],
    ['a missing file', [join(dir, 'missing.jsonl')]],
    ['an empty file', [join(dir, 'empty.txt')]],
    ['a bad JSON line', [join(dir, 'bad.jsonl')]],
  ];
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'bad.jsonl'), '{"text": "fine"}\n{"no text": 1}\n');
  for (const [name, args] of bad) {
    test(`fails clearly on ${name}`, { skip }, () => {
      const r = spawnSync(cli, ['bench', ...args], { encoding: 'utf8' });
      assert.notEqual(r.status, 0);
      assert.match(r.stderr, /byline bench: \S/);
      assert.equal(r.stdout.trim().startsWith('{'), false);
    });
  }
});
