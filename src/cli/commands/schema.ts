// `facts schema`: the JSON Schema of the report, generated from the zod model so it cannot drift from it.
import { Command } from 'commander';
import { type CliIo, EXIT } from '../io.js';

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
    .action(async () => {
      // The report's zod model (and zod) load only for this command.
      const { reportJsonSchema } = await import('./report-schema.js');
      io.stdout(`${JSON.stringify(reportJsonSchema(), null, 2)}\n`);
      onExit(EXIT.OK);
    });
}
