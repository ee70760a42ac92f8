// Markdown tables that render on GitHub: conflicts first, then every fact.
import type { Report } from '../model/report.js';
import { markdownCell } from './escape.js';
import { summaryLine } from './table.js';
import { displayValue, sourcesOf } from './values.js';

export function formatMarkdown(report: Report): string {
  const out: string[] = ['# Facts', '', summaryLine(report), ''];
  const conflicts = report.facts.filter((f) => f.status === 'conflict');
  if (conflicts.length > 0) {
    out.push('## Conflicts', '', '| Code | Subject | Attribute | Value | Sources |', '| --- | --- | --- | --- | --- |');
    for (const f of conflicts) {
      for (const v of f.values) {
        out.push(row([f.conflict?.code ?? '', f.subject, f.attribute, displayValue(f.kind, v), sourcesOf(v).join(', ')]));
      }
    }
    out.push('');
  }
  out.push('## Facts', '', '| Status | Subject | Attribute | Value | Sources |', '| --- | --- | --- | --- | --- |');
  for (const f of report.facts) {
    for (const v of f.values) out.push(row([f.status, f.subject, f.attribute, displayValue(f.kind, v), sourcesOf(v).join(', ')]));
  }
  return `${out.join('\n')}\n`;
}

function row(cells: string[]): string {
  return `| ${cells.map(markdownCell).join(' | ')} |`;
}
