// JSON and NDJSON in pieces (for reports longer than one string can be: `facts merge` of large shards) give exactly
// the bytes of the one-string formatters.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/report.js';
import { formatJson, formatNdjson, jsonPieces, ndjsonPieces } from '../../src/report/json.js';
import { conflictReport } from './conflict-report.js';
import { hostileReport } from './hostile-report.js';

const joined = (pieces: Iterable<string>) => [...pieces].join('');

describe('jsonPieces and ndjsonPieces', () => {
  it('join to formatJson and formatNdjson on reports with facts, conflicts and hostile text', () => {
    for (const report of [conflictReport(), hostileReport(), conflictReport([])]) {
      expect(joined(jsonPieces(report))).toBe(formatJson(report));
      expect(joined(ndjsonPieces(report))).toBe(formatNdjson(report));
    }
  });

  it('come one top-level array element at a time', () => {
    const report = conflictReport();
    const pieces = [...jsonPieces(report)];
    expect(pieces.filter((p) => p.startsWith('    {')).length).toBe(report.documents.length + report.mentions.length + report.facts.length + (report.warnings?.length ?? 0));
    expect([...ndjsonPieces(report)]).toHaveLength(report.documents.length + report.mentions.length + report.facts.length + (report.warnings?.length ?? 0) + 1);
  });

  it('escape lone surrogates, bidi overrides and C1 controls as formatJson does, and write empty arrays and objects', () => {
    const report = { ...conflictReport(), extra: ['a\ud800b\u202ec\u009b', [], {}, [[1, { x: [] }]], null], note: 'x\udfffy', empty: [], nothing: undefined } as unknown as Report;
    const text = joined(jsonPieces(report));
    expect(text).toBe(formatJson(report));
    expect(text).toContain('"a\\ud800b\\u202ec\\u009b"');
    expect(text).not.toContain('nothing');
  });

  it('join to JSON.stringify with indentation for any JSON object (fast-check)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 6 }), (value) => {
        const report = value as unknown as Report;
        expect(joined(jsonPieces(report))).toBe(formatJson(report));
      }),
      { numRuns: 300 },
    );
  });
});
