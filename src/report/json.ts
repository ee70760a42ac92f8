// JSON and NDJSON: the machine contract (src/model/report.ts), byte-stable for the same input.
import type { Report } from '../model/report.js';
import { jsonSafe } from './escape.js';

export function formatJson(report: Report): string {
  return `${jsonSafe(JSON.stringify(report, null, 2))}\n`;
}

/**
 * formatJson's text in pieces, for a report whose JSON is longer than one string can be (V8's limit is ~512 M
 * characters: the JSON of ~35 MB of articles): the top-level arrays come one element at a time. The pieces join to
 * exactly formatJson(report): JSON.stringify's indentation, with each element's lines indented two levels deeper.
 */
export function* jsonPieces(report: Report): Generator<string> {
  const entries = Object.entries(report).filter(([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol');
  if (entries.length === 0) {
    yield '{}\n';
    return;
  }
  yield '{\n';
  for (let i = 0; i < entries.length; i++) {
    const [key, value] = entries[i]!;
    const comma = i < entries.length - 1 ? ',' : '';
    const name = `  ${JSON.stringify(key)}: `;
    if (Array.isArray(value) && value.length > 0) {
      yield `${name}[\n`;
      for (let j = 0; j < value.length; j++) {
        // JSON.stringify writes an element it cannot write as null; a string in JSON holds no raw line break, so
        // every one in the text is indentation's.
        const text = JSON.stringify(value[j], null, 2) ?? 'null';
        yield jsonSafe(`    ${text.replaceAll('\n', '\n    ')}${j < value.length - 1 ? ',' : ''}\n`);
      }
      yield `  ]${comma}\n`;
    } else {
      yield jsonSafe(`${name}${JSON.stringify(value, null, 2).replaceAll('\n', '\n  ')}${comma}\n`);
    }
  }
  yield '}\n';
}

/** One record per line, each tagged with its type, so tools can stream facts without loading the whole report. */
export function formatNdjson(report: Report): string {
  return [...ndjsonPieces(report)].join('');
}

/** formatNdjson's lines one at a time (see jsonPieces). */
export function* ndjsonPieces(report: Report): Generator<string> {
  const line = (record: object) => `${jsonSafe(JSON.stringify(record))}\n`;
  for (const d of report.documents) yield line({ type: 'document', ...d });
  for (const m of report.mentions) yield line({ type: 'mention', ...m });
  for (const f of report.facts) yield line({ type: 'fact', ...f });
  for (const w of report.warnings ?? []) yield line({ type: 'warning', ...w });
  yield line({ type: 'summary', version: report.version, ...report.summary });
}
