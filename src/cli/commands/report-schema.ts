// The report's JSON Schema, generated from the zod model so it cannot drift from it.
import { z } from 'zod';
import { Report } from '../../model/report.js';

/** The report's JSON Schema (draft 2020-12) as committed in schema/report.schema.json. */
export function reportJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Report, { target: 'draft-2020-12', io: 'output' }) as Record<string, unknown>;
  const { $schema, ...rest } = schema;
  return { $schema, title: 'facts report (version 1)', ...rest };
}
