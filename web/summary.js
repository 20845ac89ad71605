// What the side panels list: entities grouped by type and name, quotes grouped by speaker.
//
// Usage:
//   const byType = groupEntities(result.entities);  // Map 'PER' → [{name, count, mentions}]
//   const speakers = groupQuotes(result.quotes);     // [{label, resolved, quotes: [index, …]}]
//
// An entity is listed once, under its fullest name: mentions are grouped by their text (spaces
// collapsed, a possessive 's dropped, case ignored), and a one-word person mention ("Stoltenberg")
// joins the longer person name it is part of ("Jens Stoltenberg") when exactly one such name exists.
// mentions are indexes into the entities array.

export const ENTITY_TYPES = ['PER', 'ORG', 'LOC', 'MISC', 'DATE', 'TIME', 'MONEY', 'PERCENT',
  'QUANTITY'];

export const TYPE_NAMES = {
  PER: 'People', ORG: 'Organizations', LOC: 'Places', MISC: 'Other names', DATE: 'Dates',
  TIME: 'Times', MONEY: 'Money', PERCENT: 'Percentages', QUANTITY: 'Quantities',
};

export function normalizeName(s) {
  return s.replace(/\s+/g, ' ').trim().replace(/(?:['’]s|s['’])$/u, (m) => (m[0] === 's' ? 's' : ''))
    .trim();
}

function tokens(name) {
  return name.toLocaleLowerCase().split(/[\s\-]+/).filter(Boolean);
}

export function groupEntities(entities) {
  const byType = new Map();
  entities.forEach((e, index) => {
    const name = normalizeName(e.text ?? '');
    if (!name) return;
    const key = name.toLocaleLowerCase();
    let groups = byType.get(e.type);
    if (!groups) byType.set(e.type, (groups = new Map()));
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, name, variants: new Map(), mentions: [] }));
    g.mentions.push(index);
    g.variants.set(name, (g.variants.get(name) || 0) + 1);
  });

  const out = new Map();
  for (const [type, groups] of byType) {
    if (type === 'PER') mergePersonNames(groups);
    const list = [];
    for (const g of groups.values()) {
      // The fullest name: the longest variant; among equals, the most frequent.
      let best = null;
      let bestCount = 0;
      for (const [v, c] of g.variants) {
        if (!best || v.length > best.length || (v.length === best.length && c > bestCount)) {
          best = v;
          bestCount = c;
        }
      }
      g.mentions.sort((a, b) => a - b);
      list.push({ name: best, count: g.mentions.length, mentions: g.mentions });
    }
    list.sort((a, b) => b.count - a.count || a.mentions[0] - b.mentions[0]);
    out.set(type, list);
  }
  return out;
}

function mergePersonNames(groups) {
  const multi = [...groups.values()].filter((g) => tokens(g.key).length > 1);
  for (const g of [...groups.values()]) {
    const t = tokens(g.key);
    if (t.length !== 1) continue;
    let targets = multi.filter((m) => tokens(m.key).at(-1) === t[0]);
    if (targets.length === 0) targets = multi.filter((m) => tokens(m.key).includes(t[0]));
    if (targets.length !== 1) continue;
    const target = targets[0];
    target.mentions.push(...g.mentions);
    for (const [v, c] of g.variants) target.variants.set(v, (target.variants.get(v) || 0) + c);
    groups.delete(g.key);
  }
}

// Quotes grouped by who said them: the resolved speaker name, else the speaker mention's text,
// else "Unattributed". Largest groups first; unattributed last.
export function groupQuotes(quotes) {
  const groups = new Map();
  quotes.forEach((q, index) => {
    let label;
    let resolved = true;
    if (q.speaker_name) {
      label = q.speaker_name;
    } else if (q.speaker && q.speaker.text) {
      label = q.speaker.text.replace(/\s+/g, ' ').trim();
      resolved = false;
    } else {
      label = null;
      resolved = false;
    }
    const key = label === null ? '\u0000' : (resolved ? 'r:' : 'u:') + label.toLocaleLowerCase();
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { label, resolved, quotes: [] }));
    g.quotes.push(index);
  });
  return [...groups.values()].sort((a, b) =>
    (a.label === null) - (b.label === null) || b.resolved - a.resolved ||
    b.quotes.length - a.quotes.length || a.quotes[0] - b.quotes[0]);
}
