// Reports whose article-derived text carries terminal escape sequences, a bell, a bidirectional override and a C1
// control: input for the tests that no formatter lets untrusted text act on a terminal.
import type { Report } from '../../src/model/report.js';
import { conflictReport } from './conflict-report.js';

export const HOSTILE = ' \u001b[31mred\u001b[0m \u0007bell \u202eevil \u009b2J';

// Fields that are the tool's own vocabulary rather than text from an article.
const OWN = new Set(['status', 'kind', 'severity', 'id', 'doc', 'mention', 'docs', 'mentions', 'currency', 'granularity', 'iso', 'from', 'to', 'date', 'dateSource']);

function taint(value: unknown, key = ''): unknown {
  if (typeof value === 'string') return OWN.has(key) ? value : `${value}${HOSTILE}`;
  if (Array.isArray(value)) return value.map((v) => taint(v, key));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, taint(v, k)]));
  return value;
}

/** The CI formatters' conflict report with the hostile text appended to every subject, value, sentence, path and message. */
export function hostileReport(): Report {
  return taint(conflictReport()) as Report;
}
