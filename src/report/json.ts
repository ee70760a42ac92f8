// JSON and NDJSON: the machine contract (src/model/report.ts), byte-stable for the same input.
import type { Report } from '../model/report.js';
import { jsonSafe } from './escape.js';

export function formatJson(report: Report): string {
  return `${jsonSafe(JSON.stringify(report, null, 2))}\n`;
}

/** One record per line, each tagged with its type, so tools can stream facts without loading the whole report. */
export function formatNdjson(report: Report): string {
  const lines = [
    ...report.documents.map((d) => ({ type: 'document', ...d })),
    ...report.mentions.map((m) => ({ type: 'mention', ...m })),
    ...report.facts.map((f) => ({ type: 'fact', ...f })),
    ...(report.warnings ?? []).map((w) => ({ type: 'warning', ...w })),
    { type: 'summary', version: report.version, ...report.summary },
  ];
  return lines.map((l) => jsonSafe(JSON.stringify(l))).join('\n') + '\n';
}
