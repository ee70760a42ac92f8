// The `facts` command line: a fresh commander program per run, and runCli() that returns an exit code.
import path from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { ISO_DAY } from '../model/report.js';
import { run } from '../pipeline.js';
import { readInputs } from '../read/inputs.js';
import { FORMAT_NAMES, FORMATTERS, type FormatName } from '../report/index.js';
import { terminalSafe } from '../report/escape.js';
import { type CliIo, EXIT, useColor } from './io.js';
import { writeAtomically } from './output.js';
import { VERSION } from './version.js';

interface ExtractFlags {
  format: FormatName;
  out?: string;
  date?: string;
  color?: boolean;
  tolerance: number;
  verbose?: boolean;
  quiet?: boolean;
}

/** Thrown inside actions for errors that end the run with a one-line message. */
class UsageError extends Error {}

export function createProgram(io: CliIo, onExit: (code: number) => void): Command {
  const program = new Command('facts')
    .description('Extract the facts several news articles state, merge them, and flag where the sources disagree.')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
      outputError: (s, write) => write(s.startsWith('error:') ? `facts: ${s}` : s),
    });

  program
    .command('extract')
    .description('extract entities, amounts, percentages, dates and quotes, and merge them into one fact table')
    .argument('<paths...>', 'files, folders (read recursively), glob patterns, or - for standard input')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMAT_NAMES).default('table'))
    .option('-o, --out <file>', 'write the report to a file instead of standard output')
    .option('--date <YYYY-MM-DD>', 'reference date for documents whose own date cannot be found', parseDate)
    .option('--tolerance <fraction>', 'relative tolerance when comparing numbers (0.02 = 2%)', parseTolerance, 0)
    .option('--no-color', 'never colour the output')
    .option('-v, --verbose', 'show the evidence sentence under each value')
    .option('-q, --quiet', 'show only conflicts')
    .addHelpText(
      'after',
      `
Examples:
  $ facts extract seeds/                       table of facts, conflicts first
  $ facts extract seeds/ --format json | jq '.facts[] | select(.status == "conflict")'
  $ facts extract 'news/**/*.md' --date 2025-06-19 --format csv --out facts.csv
  $ cat article.txt | facts extract -`,
    )
    .action(async (paths: string[], flags: ExtractFlags) => {
      onExit(await extractCommand(paths, flags, io));
    });

  return program;
}

async function extractCommand(paths: string[], flags: ExtractFlags, io: CliIo): Promise<number> {
  const { inputs, warnings } = await readInputs(paths, { cwd: io.cwd, readStdin: io.readStdin });
  for (const w of warnings) io.stderr(`facts: ${terminalSafe(w.path)}: ${terminalSafe(w.message)}\n`);
  const readable = inputs.filter((i) => i.text.trim() !== '');
  if (readable.length === 0) {
    io.stderr('facts: no input could be read; give files, folders, glob patterns or - for standard input\n');
    return EXIT.USAGE;
  }
  const report = run(readable, { referenceDate: flags.date ?? null, tolerance: flags.tolerance }, warnings);
  const toFile = flags.out !== undefined;
  const output = FORMATTERS[flags.format](report, {
    color: useColor(io, flags.color, toFile),
    width: io.columns ?? 100,
    verbose: flags.verbose ?? false,
    quiet: flags.quiet ?? false,
  });
  if (flags.out) {
    const target = path.resolve(io.cwd, flags.out);
    try {
      await writeAtomically(target, output);
    } catch (e) {
      throw new UsageError(`cannot write ${flags.out}: ${(e as NodeJS.ErrnoException).code ?? 'write failed'}`);
    }
  } else {
    io.stdout(output);
  }
  return EXIT.OK;
}

function parseDate(value: string): string {
  if (!ISO_DAY.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)) || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
    throw new InvalidArgumentError('expected a calendar date as YYYY-MM-DD.');
  }
  return value;
}

function parseTolerance(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n >= 1) throw new InvalidArgumentError('expected a fraction from 0 to below 1, such as 0.02.');
  return n;
}

/** Runs the CLI and returns its exit code; never throws, never calls process.exit. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let code: number = EXIT.OK;
  const program = createProgram(io, (c) => {
    code = c;
  });
  if (argv.length === 0) {
    io.stderr(program.helpInformation());
    return EXIT.USAGE;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.OK;
      return EXIT.USAGE;
    }
    if (e instanceof UsageError) {
      io.stderr(`facts: ${e.message}\n`);
      return EXIT.USAGE;
    }
    io.stderr(`facts: internal error: ${terminalSafe(e instanceof Error ? e.message : String(e))}\n`);
    return EXIT.USAGE;
  }
}
