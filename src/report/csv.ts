// CSV (RFC 4180): one row per fact value, ready for a spreadsheet; cells that could run as formulas are neutralised.
import type { Report } from '../model/report.js';
import { csvField } from './escape.js';
import { displayValue, sourcesOf } from './values.js';

const HEADER = ['fact', 'status', 'code', 'subject', 'attribute', 'kind', 'value', 'text', 'sources', 'documents'];

export function formatCsv(report: Report): string {
  const rows = [HEADER];
  for (const f of report.facts) {
    for (const v of f.values) {
      rows.push([
        f.id,
        f.status,
        f.conflict?.code ?? '',
        f.subject,
        f.attribute,
        f.kind,
        displayValue(f.kind, v),
        v.text,
        sourcesOf(v).join(' '),
        String(v.docs.length),
      ]);
    }
  }
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
