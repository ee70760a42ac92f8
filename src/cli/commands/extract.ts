// `facts extract`: the fact table of the articles. Exit 0, or 2 when nothing could be read or the usage is wrong.
import { Command } from 'commander';
import { loadConfig } from '../config.js';
import { type CliIo, EXIT } from '../io.js';
import { writePartial } from './merge.js';
import { addReportOptions, emit, type ReportFlags, STREAMED_FORMATS, streamCliReport, withCliReport } from './shared.js';

interface ExtractFlags extends ReportFlags {
  quiet?: boolean;
  partial?: boolean;
}

export function extractCommand(io: CliIo, onExit: (code: number) => void): Command {
  const cmd = new Command('extract')
    .description('extract entities, amounts, percentages, dates and quotes, and merge them into one fact table')
    .argument('[paths...]', 'files, folders (read recursively), glob patterns, or - for standard input');
  addReportOptions(cmd)
    .option('-q, --quiet', 'show only conflicts')
    .option('--partial', 'write mergeable per-document results (NDJSON) for facts merge instead of a report')
    .addHelpText(
      'after',
      `
Examples:
  $ facts extract seeds/                       table of facts, conflicts first
  $ facts extract seeds/ --format json | jq '.facts[] | select(.status == "conflict")'
  $ facts extract 'news/**/*.md' --date 2025-06-19 --format csv --out facts.csv
  $ cat article.txt | facts extract -
  $ facts extract --partial news/a/ > part-a.ndjson    shards, merged by: facts merge part-*.ndjson`,
    )
    .action(async (paths: string[], flags: ExtractFlags) => {
      onExit(await runExtract(paths, flags, io));
    });
  return cmd;
}

async function runExtract(paths: string[], flags: ExtractFlags, io: CliIo): Promise<number> {
  const loaded = await loadConfig(io.cwd, flags.config);
  if (flags.partial) return writePartial(paths, flags, loaded, io);
  if (STREAMED_FORMATS.has(flags.format)) return streamCliReport(paths, flags, loaded, io);
  return withCliReport(paths, flags, loaded, io, async ({ report, texts }) => {
    await emit(report, flags, io, flags.quiet ?? false, texts);
    return EXIT.OK;
  });
}
