// The page's pure modules, in Node (no browser): entity and quote grouping for the panels, the
// exports, and where the highlighted text is cut into blocks.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { groupEntities, groupQuotes, normalizeName } from '../../web/summary.js';
import { csvCell, entitiesCsv, exportObject, quotesCsv } from '../../web/export.js';
import { blockBreaks } from '../../web/highlight.js';

const ent = (text, type, begin = 0) => ({ begin, end: begin + text.length, text, type });

describe('groupEntities', () => {
  const cases = [
    {
      name: 'a surname joins the one full name it belongs to',
      entities: [ent('Jens Stoltenberg', 'PER'), ent('Stoltenberg', 'PER'), ent('Stoltenberg’s', 'PER')],
      want: { PER: [['Jens Stoltenberg', 3]] },
    },
    {
      name: 'an ambiguous surname stays on its own',
      entities: [ent('Olaf Scholz', 'PER'), ent('Anna Scholz', 'PER'), ent('Scholz', 'PER')],
      want: { PER: [['Olaf Scholz', 1], ['Anna Scholz', 1], ['Scholz', 1]] },
    },
    {
      name: 'a first name joins when no surname matches',
      entities: [ent('Vladimir Putin', 'PER'), ent('Vladimir', 'PER'), ent('Putin', 'PER')],
      want: { PER: [['Vladimir Putin', 3]] },
    },
    {
      name: 'case and spacing are ignored; the fullest spelling is shown; types stay apart',
      entities: [ent('NATO', 'ORG'), ent('Nato', 'ORG'), ent('New  York', 'LOC'), ent('New York', 'LOC'),
        ent('Thursday', 'DATE')],
      want: { ORG: [['NATO', 2]], LOC: [['New York', 2]], DATE: [['Thursday', 1]] },
    },
    {
      name: 'only people are merged by words',
      entities: [ent('Bank of England', 'ORG'), ent('England', 'ORG')],
      want: { ORG: [['Bank of England', 1], ['England', 1]] },
    },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const got = Object.fromEntries([...groupEntities(c.entities)].map(
        ([type, list]) => [type, list.map((g) => [g.name, g.count])]));
      assert.deepEqual(got, c.want);
    });
  }

  test('mentions are indexes into the entity list, in order', () => {
    const groups = groupEntities([ent('Stoltenberg', 'PER', 30), ent('Oslo', 'LOC', 40),
      ent('Jens Stoltenberg', 'PER', 50)]);
    assert.deepEqual(groups.get('PER')[0].mentions, [0, 2]);
  });

  test('normalizeName drops possessives', () => {
    assert.equal(normalizeName('Ukraine’s'), 'Ukraine');
    assert.equal(normalizeName("Reuters' "), 'Reuters');
    assert.equal(normalizeName(' Jens\nStoltenberg '), 'Jens Stoltenberg');
  });
});

describe('groupQuotes', () => {
  test('by resolved name, then unresolved mention, then unattributed; biggest first', () => {
    const q = (speaker_name, speakerText) => ({
      begin: 0, end: 1, text: 'x', kind: 'direct', speaker_name,
      speaker: speakerText ? { begin: 0, end: speakerText.length, text: speakerText } : null,
    });
    const groups = groupQuotes([q(null, null), q('Jens Stoltenberg', 'he'), q(null, 'the spokesman'),
      q('Volodymyr Zelenskyy', 'Zelenskyy'), q('Jens Stoltenberg', 'Stoltenberg')]);
    assert.deepEqual(groups.map((g) => [g.label, g.resolved, g.quotes]), [
      ['Jens Stoltenberg', true, [1, 4]],
      ['Volodymyr Zelenskyy', true, [3]],
      ['the spokesman', false, [2]],
      [null, false, [0]],
    ]);
  });
});

describe('exports', () => {
  const result = {
    entities: [ent('Jens Stoltenberg', 'PER', 5), ent('=SUM(A1)', 'MISC', 30)],
    quotes: [{ begin: 1, end: 12, text: 'We, "will"\nwin', kind: 'direct', partial: false,
      speaker: { begin: 20, end: 22, text: 'he' }, speaker_name: 'Jens Stoltenberg' },
    { begin: 40, end: 45, text: 'maybe', kind: 'indirect', partial: false, speaker: null,
      speaker_name: null }],
    sentences: [{ begin: 0, end: 50 }],
  };

  test('JSON: the CLI schema plus the offset unit', () => {
    const o = exportObject(result);
    assert.equal(o.offset_unit, 'utf-16 code units');
    assert.deepEqual(o.entities, result.entities);
    assert.deepEqual(o.quotes, result.quotes);
    assert.deepEqual(o.sentences, result.sentences);
  });

  test('CSV cells', () => {
    const cases = [
      ['plain', 'plain'], [12, '12'], [null, ''], ['a,b', '"a,b"'], ['say "hi"', '"say ""hi"""'],
      ['two\nlines', '"two\nlines"'], [' padded', '" padded"'], ['=1+1', "'=1+1"],
      ['+cmd', "'+cmd"], ['-2', "'-2"], ['@x', "'@x"],
    ];
    for (const [input, want] of cases) assert.equal(csvCell(input), want, JSON.stringify(input));
  });

  test('CSV files: header, one row per item, CRLF', () => {
    assert.equal(entitiesCsv(result),
      'begin,end,type,text\r\n5,21,PER,Jens Stoltenberg\r\n30,38,MISC,\'=SUM(A1)\r\n');
    assert.equal(quotesCsv(result),
      'begin,end,kind,speaker_name,speaker_text,speaker_begin,speaker_end,text,partial\r\n' +
      '1,12,direct,Jens Stoltenberg,he,20,22,"We, ""will""\nwin",false\r\n' +
      '40,45,indirect,,,,,maybe,false\r\n');
  });
});

describe('blockBreaks', () => {
  test('a block starts after each blank line', () => {
    const text = 'One.\n\nTwo.\n \nThree.\n\n\nFour.';
    assert.deepEqual(blockBreaks(text).map((p) => text.slice(p, p + 3)), ['Two', 'Thr', 'Fou']);
  });
  test('a long paragraph is cut at a space, never inside a surrogate pair', () => {
    const text = '😀'.repeat(3000) + ' ' + 'a '.repeat(5000);
    const breaks = blockBreaks(text, 1000);
    assert.ok(breaks.length >= 5);
    for (const p of breaks) {
      const c = text.charCodeAt(p);
      assert.ok(!(c >= 0xdc00 && c <= 0xdfff), `break at ${p} splits a surrogate pair`);
      assert.ok(p > 0 && p < text.length);
    }
    assert.deepEqual([...breaks].sort((a, b) => a - b), breaks);
  });
  test('no breaks in a short text or at its very end', () => {
    assert.deepEqual(blockBreaks('Short.'), []);
    assert.deepEqual(blockBreaks('Ends with a blank line.\n\n'), []);
  });
});
