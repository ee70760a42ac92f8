// The SARIF format: one result per conflict with a location for each side. The log is checked by hand against the
// parts of the SARIF 2.1.0 schema it uses, and validated against the official schema itself (shipped by the
// devDependency @microsoft/jest-sarif; it is draft-04, so ajv 6 validates it).
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatSarif } from '../../src/report/sarif.js';
import { checkSarif, type Json } from './ci-parse.js';
import { AGREED, conflictReport, SINGLE } from './conflict-report.js';

describe('formatSarif', () => {
  const text = formatSarif(conflictReport());

  it('writes a log that keeps to the SARIF 2.1.0 schema for every object it uses', () => {
    expect(checkSarif(text)).toHaveLength(2);
  });

  it('gives one result per conflict, located at both sides and not at the vague value that fits both', () => {
    const [money, title] = checkSarif(text);
    expect(money.ruleId).toBe('MONEY_MISMATCH');
    expect(money.level).toBe('error');
    const where = (r: Json) =>
      (r.locations as Json[]).map((l) => {
        const p = l.physicalLocation as { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number; endColumn?: number } };
        return [p.artifactLocation.uri, p.region.startLine, p.region.startColumn, p.region.endColumn];
      });
    expect(where(money)).toEqual([
      ['news/b.txt', 4, 21, 33],
      ['news/c%20dir/c%231.txt', 7, 5, 17],
    ]);
    expect(title.ruleId).toBe('TITLE_MISMATCH');
    expect(title.level).toBe('warning');
    expect(where(title)).toHaveLength(2);
  });

  it('fingerprints a conflict by what it says, not where, so code scanning tracks it across edits', () => {
    const moved = conflictReport();
    moved.facts[0] = { ...moved.facts[0], values: moved.facts[0].values.map((v) => ({ ...v, sources: v.sources!.map((s) => ({ ...s, line: s.line + 3 })) })) };
    const fp = (t: string) => (checkSarif(t)[0].partialFingerprints as Json)['factsConflict/v1'];
    expect(fp(formatSarif(moved))).toBe(fp(text));
  });

  it('writes an empty result list and no rules when nothing conflicts', () => {
    const log = JSON.parse(formatSarif(conflictReport([AGREED, SINGLE]))) as { runs: Array<{ results: unknown[]; tool: { driver: { rules: unknown[] } } }> };
    expect(log.runs[0].results).toEqual([]);
    expect(log.runs[0].tool.driver.rules).toEqual([]);
  });

  // The schema @microsoft/jest-sarif ships is draft-04, which ajv 6 (its own dependency) validates; set up as it does.
  const schemaFile = resolveOptional('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const draft04 = resolveOptional('ajv/lib/refs/json-schema-draft-04.json');
  it('validates against the official SARIF 2.1.0 JSON Schema', () => {
    expect(schemaFile, 'devDependency @microsoft/jest-sarif ships the schema').not.toBeNull();
    expect(draft04, 'devDependency ajv@6 ships the draft-04 meta-schema').not.toBeNull();
    type Ajv = { addMetaSchema(s: object): void; validate(s: object, d: unknown): boolean; errorsText(): string };
    const require = createRequire(import.meta.url);
    const AjvClass = require('ajv') as new (o: object) => Ajv;
    const ajv = new AjvClass({ schemaId: 'auto', allErrors: true, validateSchema: false });
    ajv.addMetaSchema(require(draft04!) as object);
    const schema = JSON.parse(readFileSync(schemaFile!, 'utf8')) as object;
    const valid = ajv.validate(schema, JSON.parse(text));
    expect(valid, ajv.errorsText()).toBe(true);
  });
});

function resolveOptional(specifier: string): string | null {
  try {
    return createRequire(import.meta.url).resolve(specifier);
  } catch {
    return null;
  }
}
