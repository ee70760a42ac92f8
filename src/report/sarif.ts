// SARIF 2.1.0 (the format code-scanning tools read): one result per conflict, located at every place a side of the
// conflict is stated. Deterministic: no timestamps, no absolute paths, rules sorted by code.
import { createHash } from 'node:crypto';
import { baselineEntry, conflictSides, entryKey } from '../merge/baseline.js';
import type { Fact, Mention, Report, Source } from '../model/report.js';
import { jsonSafe } from './escape.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

type Level = 'error' | 'warning' | 'note';

export function formatSarif(report: Report): string {
  const conflicts = report.facts.filter((f) => f.status === 'conflict' && f.conflict);
  const codes = [...new Set(conflicts.map((f) => f.conflict!.code))].sort();
  const kindOf = new Map(conflicts.map((f) => [f.conflict!.code, f.kind]));
  const mentions = new Map(report.mentions.map((m) => [m.id, m]));
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'facts',
            rules: codes.map((code) => ({
              id: code,
              name: ruleName(code),
              shortDescription: { text: `Sources state different ${kindOf.get(code)} values for the same fact.` },
              defaultConfiguration: { level: 'error' },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: conflicts.map((f) => result(f, codes.indexOf(f.conflict!.code), mentions)),
      },
    ],
  };
  return `${jsonSafe(JSON.stringify(log, null, 2))}\n`;
}

function result(fact: Fact, ruleIndex: number, mentions: Map<string, Mention>) {
  const sides = conflictSides(fact);
  const locations = sides.flatMap((v) => (v.sources ?? []).filter((s) => s.path !== '-').map((s) => location(s, v.text, mentions)));
  return {
    ruleId: fact.conflict!.code,
    ruleIndex,
    level: level(fact.conflict!.severity),
    message: { text: fact.conflict!.message },
    locations,
    // Code scanning tracks a result across runs by this; it is the baseline key, so it survives edits too.
    partialFingerprints: { 'factsConflict/v1': createHash('sha256').update(entryKey(baselineEntry(fact))).digest('hex').slice(0, 32) },
    properties: { fact: fact.id, subject: fact.subject, attribute: fact.attribute, values: sides.map((v) => v.text) },
  };
}

function location(s: Source, text: string, mentions: Map<string, Mention>) {
  const m = mentions.get(s.mention);
  const length = m ? m.end - m.start : text.length;
  const spansLines = (m?.text ?? text).includes('\n');
  return {
    physicalLocation: {
      artifactLocation: { uri: s.path.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' },
      region: {
        startLine: s.line,
        startColumn: s.column,
        ...(spansLines ? {} : { endColumn: s.column + length }),
        snippet: { text: m?.text ?? text },
      },
    },
    message: { text: s.sentence },
  };
}

function level(severity: string): Level {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

/** MONEY_MISMATCH → MoneyMismatch (SARIF rule names are Pascal case by convention). */
function ruleName(code: string): string {
  return code
    .toLowerCase()
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}
