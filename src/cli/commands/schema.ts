// `facts schema`: the JSON Schema of the report, generated from the zod model so it cannot drift from it.
import { Command } from 'commander';
import { z } from 'zod';
import { Report } from '../../model/report.js';
import { type CliIo, EXIT } from '../io.js';

/** The report's JSON Schema (draft 2020-12) as committed in schema/report.schema.json. */
export function reportJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Report, { target: 'draft-2020-12', io: 'output' }) as Record<string, unknown>;
  const { $schema, ...rest } = schema;
  return { $schema, title: 'facts report (version 1)', ...rest };
}

export function schemaCommand(io: CliIo, onExit: (code: number) => void): Command {
  return new Command('schema')
    .description('print the JSON Schema of the report that --format json writes')
    .addHelpText(
      'after',
      `
Examples:
  $ facts schema > report.schema.json
  $ facts extract seeds/ --format json > report.json && npx ajv-cli validate -s report.schema.json -d report.json`,
    )
    .action(() => {
      io.stdout(`${JSON.stringify(reportJsonSchema(), null, 2)}\n`);
      onExit(EXIT.OK);
    });
}
