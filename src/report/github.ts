// GitHub Actions workflow commands: one `::error` (or `::warning`) annotation per place a side of a conflict is
// stated, so each disagreeing sentence is marked in the pull request. Every line is a workflow command.
import { conflictSides } from '../merge/baseline.js';
import type { Report } from '../model/report.js';
import { terminalSafeLines } from './escape.js';

export function formatGithub(report: Report): string {
  const lines: string[] = [];
  for (const fact of report.facts) {
    if (fact.status !== 'conflict' || !fact.conflict) continue;
    const level = fact.conflict.severity === 'error' ? 'error' : fact.conflict.severity === 'warning' ? 'warning' : 'notice';
    const title = `${fact.conflict.code}: ${fact.subject} · ${fact.attribute}`;
    for (const value of conflictSides(fact)) {
      for (const s of value.sources ?? []) {
        const props: Array<[string, string]> = [];
        // Standard input has no file a pull request could show.
        if (s.path !== '-') props.push(['file', s.path], ['line', String(s.line)], ['col', String(s.column)]);
        props.push(['title', title]);
        const message = `"${value.text}" here; ${fact.conflict.message}`;
        // The log is read on a terminal too: controls from the article are made visible before the runner's escaping.
        lines.push(`::${level} ${props.map(([k, v]) => `${k}=${escapeProperty(terminalSafeLines(v))}`).join(',')}::${escapeData(terminalSafeLines(message))}`);
      }
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/** The escaping GitHub's runner undoes for a command's message (@actions/core's escapeData). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value additionally may not hold the separators `:` and `,` (@actions/core's escapeProperty). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
