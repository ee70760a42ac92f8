// `facts merge`: the report of several `facts extract --partial` shards, the same bytes one run over all their
// documents gives. Also home of the --partial writer, so the format's two ends live side by side.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Command, Option } from 'commander';
import { FORMAT_NAMES } from '../../report/index.js';
import type { Partial } from '../../shard/partial.js';
import type { LoadedConfig } from '../config.js';
import { CONFIG_FILE, loadConfig } from '../config.js';
import { UsageError } from '../errors.js';
import { type CliIo, EXIT } from '../io.js';
import { VERSION } from '../version.js';
import { emit, NO_INPUT, parseTolerance, printWarnings, readCliInputsForEach, type ReportFlags, reportFromResults, strictFailure, writeProducedOrFail } from './shared.js';

interface MergeFlags extends ReportFlags {
  quiet?: boolean;
}

export function mergeCommand(io: CliIo, onExit: (code: number) => void): Command {
  return new Command('merge')
    .description('merge the partial results of facts extract --partial (shards) into one report')
    .argument('<parts...>', 'files written by facts extract --partial, or - for standard input')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMAT_NAMES).default('table'))
    .option('-o, --out <file>', 'write the report to a file instead of standard output')
    .option('--tolerance <fraction>', 'relative tolerance when comparing numbers (0.02 = 2%; default 0)', parseTolerance)
    .option('-c, --config <file>', `settings file for aliases and ignores (default: ./${CONFIG_FILE} when it exists)`)
    .option('--no-color', 'never colour the output')
    .option('-v, --verbose', 'show the evidence sentence under each value')
    .option('-q, --quiet', 'show only conflicts')
    .addHelpText(
      'after',
      `
Every shard must be extracted from the same working directory layout (paths are part of the report) and with the
same --date. Document ids are given again from all the paths, as one run would.

Examples:
  $ facts extract --partial news/2025-06/ > part-1.ndjson
  $ facts extract --partial news/2025-07/ > part-2.ndjson
  $ facts merge part-*.ndjson --format json --out facts.json`,
    )
    .action(async (parts: string[], flags: MergeFlags) => {
      onExit(await runMerge(parts, flags, io));
    });
}

async function runMerge(parts: string[], flags: MergeFlags, io: CliIo): Promise<number> {
  const loaded = await loadConfig(io.cwd, flags.config);
  // Loaded here, not at the top: it brings the extractors (for document ids), which --help never needs.
  const { combineResults, PartialError, PartialReader } = await import('../../shard/partial.js');
  const { checkHeld, HeapFullError, heapUse, mb, MERGE_HELD_SHARE } = await import('../../parallel/pool.js');
  // What the parts hold is checked as they are read, as extraction's results are (see MERGE_HELD_SHARE): by
  // characters read of the files' bytes (standard input is not counted).
  const sizes = await Promise.all(parts.map((name) => (name === '-' ? 0 : stat(path.resolve(io.cwd, name)).then((s) => s.size, () => 0))));
  const total = sizes.reduce((a, b) => a + b, 0);
  const base = heapUse().used;
  const held = (done: number, all: number) => ({ whole: `the results in these part files (${mb(all)} MB)`, done: `${mb(done)} MB`, instead: '' });
  let done = 0;
  let lines = 0;
  const read: Array<Partial & { name: string }> = [];
  for (const name of parts) {
    const reader = new PartialReader(name);
    try {
      // A file is read a line at a time: a part of ~70 MB of articles or more is longer than one string can be.
      if (name === '-') {
        for (const line of Buffer.from((await io.readStdin?.()) ?? new Uint8Array()).toString('utf8').split('\n')) reader.add(line);
      } else {
        for await (const line of createInterface({ input: createReadStream(path.resolve(io.cwd, name)), crlfDelay: Infinity })) {
          reader.add(line);
          done += line.length + 1;
          if (++lines % 16 === 0) checkHeld(done, total, base, heapUse(), held, MERGE_HELD_SHARE);
        }
      }
      read.push({ name, ...reader.finish() });
    } catch (e) {
      if (e instanceof PartialError || e instanceof HeapFullError) throw new UsageError(e.message);
      const code = (e as NodeJS.ErrnoException).code;
      if (code === undefined) throw e;
      throw new UsageError(`${name}: ${code === 'ENOENT' ? 'no such file' : `cannot read (${code})`}`);
    }
  }
  const dates = new Set(read.flatMap((p) => p.headers.map((h) => h.referenceDate ?? 'none')));
  if (dates.size > 1) {
    io.stderr(`facts: the shards were extracted with different --date values (${[...dates].sort().join(', ')}); undated documents may not compare\n`);
  }
  let results;
  try {
    results = combineResults(read);
  } catch (e) {
    if (e instanceof PartialError) throw new UsageError(e.message);
    throw e;
  }
  if (results.length === 0) {
    io.stderr('facts: the partial files hold no document\n');
    return EXIT.USAGE;
  }
  const warnings = read.flatMap((p) => p.warnings);
  const { report } = await reportFromResults(results, warnings, flags, loaded);
  await emit(report, flags, io, flags.quiet ?? false);
  return EXIT.OK;
}

/** `facts extract --partial`: read and extract only, written as NDJSON to --out or standard output, each document's
 *  line as its result comes (none is kept: a shard's memory does not grow with its documents). */
export async function writePartial(paths: string[], flags: ReportFlags, loaded: LoadedConfig, io: CliIo): Promise<number> {
  const { warnings, count, extract } = await readCliInputsForEach(paths, flags, loaded, io);
  printWarnings(warnings, io);
  if (strictFailure(flags, loaded, warnings, io)) return EXIT.USAGE;
  if (count === 0) {
    io.stderr(NO_INPUT);
    return EXIT.USAGE;
  }
  const { documentLine, headerLine, partialHeader, warningLine } = await import('../../shard/partial.js');
  const produce = async (write: (text: string) => void): Promise<void> => {
    write(headerLine(partialHeader(VERSION, flags.date ?? loaded.config.date ?? null)));
    await extract((result) => write(documentLine(result)));
    for (const warning of warnings) write(warningLine(warning));
  };
  if (flags.out === undefined) await produce(io.stdout);
  else await writeProducedOrFail(io, flags.out, produce);
  return EXIT.OK;
}
