// Exports of an analysis: JSON in the byline CLI's schema, and CSV of entities and of quotes.
//
// Usage:
//   const json = exportJson(result);          // string, pretty-printed
//   const csv = entitiesCsv(result);          // string with a header row, CRLF line ends
//
// The JSON has the CLI's "entities", "quotes" and "sentences" with the same fields, plus
// "offset_unit": offsets here are UTF-16 code units (JavaScript string indices), whereas the CLI
// counts UTF-8 bytes. CSV cells are quoted when needed (RFC 4180); a cell that starts with = + - @
// or a tab is prefixed with ' so that spreadsheet programs do not run it as a formula.

export const OFFSET_UNIT = 'utf-16 code units';

export function exportObject(result) {
  const span = (s) => ({ begin: s.begin, end: s.end, text: s.text });
  return {
    offset_unit: OFFSET_UNIT,
    entities: result.entities.map((e) => ({ ...span(e), type: e.type })),
    quotes: result.quotes.map((q) => ({
      ...span(q),
      kind: q.kind,
      partial: Boolean(q.partial),
      speaker: q.speaker ? span(q.speaker) : null,
      speaker_name: q.speaker_name ?? null,
    })),
    sentences: result.sentences.map((s) => ({ begin: s.begin, end: s.end })),
  };
}

export function exportJson(result) {
  return JSON.stringify(exportObject(result), null, 2) + '\n';
}

export function csvCell(value) {
  let v = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(v)) v = "'" + v;
  if (/[",\r\n]/.test(v) || v !== v.trim()) v = '"' + v.replace(/"/g, '""') + '"';
  return v;
}

function csv(header, rows) {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function entitiesCsv(result) {
  return csv(['begin', 'end', 'type', 'text'],
    result.entities.map((e) => [e.begin, e.end, e.type, e.text]));
}

export function quotesCsv(result) {
  return csv(['begin', 'end', 'kind', 'speaker_name', 'speaker_text', 'speaker_begin', 'speaker_end',
    'text', 'partial'],
  result.quotes.map((q) => [q.begin, q.end, q.kind, q.speaker_name ?? '', q.speaker?.text ?? '',
    q.speaker?.begin ?? '', q.speaker?.end ?? '', q.text, q.partial ? 'true' : 'false']));
}
