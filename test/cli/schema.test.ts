// The committed JSON Schema (schema/report.schema.json) must be what the zod model generates: a change to the model
// fails here until the schema is regenerated with UPDATE=1 and the diff reviewed.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportJsonSchema } from '../../src/cli/commands/report-schema.js';
import { Report } from '../../src/model/report.js';
import { ROOT, runInProcess } from './run.js';

const file = path.join(ROOT, 'schema', 'report.schema.json');

describe('facts schema', () => {
  const generated = `${JSON.stringify(reportJsonSchema(), null, 2)}\n`;

  it('matches the committed schema/report.schema.json (UPDATE=1 regenerates it)', () => {
    if (process.env.UPDATE === '1') writeFileSync(file, generated);
    expect(existsSync(file), 'schema/report.schema.json is missing; run UPDATE=1 npx vitest run test/cli/schema.test.ts').toBe(true);
    expect(generated).toBe(readFileSync(file, 'utf8'));
  });

  it('is printed by `facts schema` and exits 0', async () => {
    const result = await runInProcess(['schema']);
    expect(result).toEqual({ code: 0, stdout: generated, stderr: '' });
  });

  it('describes the report: version 1, required parts, the mention kinds and fact statuses', () => {
    const schema = reportJsonSchema() as {
      $schema: string;
      required: string[];
      properties: { version: { const: number }; facts: { items: { properties: { status: { enum: string[] } } } } };
    };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.properties.version.const).toBe(1);
    expect(schema.required).toEqual(['version', 'documents', 'mentions', 'facts', 'summary']);
    expect(schema.properties.facts.items.properties.status.enum).toEqual(Report.shape.facts.element.shape.status.options);
    expect(JSON.stringify(schema)).toContain('"quote"');
  });
});
