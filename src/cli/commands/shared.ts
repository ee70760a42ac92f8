// What `extract` and `check` share: their common options, reading the inputs the config and arguments name, and
// running the pipeline with the config's aliases and ignores applied.
import path from 'node:path';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { glob } from 'tinyglobby';
import type { Report, Warning } from '../../model/report.js';
import { buildReport, extractAll } from '../../pipeline.js';
import { readInputs } from '../../read/inputs.js';
import { terminalSafe } from '../../report/escape.js';
import { FORMAT_NAMES, FORMATTERS, type FormatName } from '../../report/index.js';
import { aliasReport, aliasResults, applyIgnore } from '../adjust.js';
import { type LoadedConfig, CONFIG_FILE, isCalendarDay } from '../config.js';
import { UsageError } from '../errors.js';
import { type CliIo, useColor } from '../io.js';
import { writeAtomically } from '../output.js';

export interface ReportFlags {
  format: FormatName;
  out?: string;
  date?: string;
  tolerance?: number;
  color?: boolean;
  verbose?: boolean;
  config?: string;
}

/** Options both commands take. No defaults for settings the config file may give, so a flag can be told from none. */
export function addReportOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMAT_NAMES).default('table'))
    .option('-o, --out <file>', 'write the report to a file instead of standard output')
    .option('--date <YYYY-MM-DD>', 'reference date for documents whose own date cannot be found', parseDate)
    .option('--tolerance <fraction>', 'relative tolerance when comparing numbers (0.02 = 2%; default 0)', parseTolerance)
    .option('-c, --config <file>', `settings file (default: ./${CONFIG_FILE} when it exists)`)
    .option('--no-color', 'never colour the output')
    .option('-v, --verbose', 'show the evidence sentence under each value');
}

export function parseDate(value: string): string {
  if (!isCalendarDay(value)) throw new InvalidArgumentError('expected a calendar date as YYYY-MM-DD.');
  return value;
}

export function parseTolerance(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n >= 1) {
    throw new InvalidArgumentError('expected a fraction from 0 to below 1, such as 0.02.');
  }
  return n;
}

export interface CliReport {
  report: Report;
  warnings: Warning[];
  tolerance: number;
}

/** Reads what the arguments (or the config's include) name, minus the config's exclude, and builds the report. */
export async function buildCliReport(paths: string[], flags: ReportFlags, loaded: LoadedConfig, io: CliIo): Promise<CliReport> {
  const { config } = loaded;
  const targets = paths.length > 0 ? paths : (config.include ?? []).map((p) => relativeTo(io.cwd, loaded.dir, p));
  if (targets.length === 0) {
    throw new UsageError(`no paths given; name files, folders, glob patterns or - , or set "include" in ${CONFIG_FILE}`);
  }
  if (config.lexicon && Object.values(config.lexicon).some((l) => l.length > 0)) {
    // Said out loud rather than silently ignored: the extractors have no hook for extra entries yet.
    io.stderr(`facts: ${loaded.file}: lexicon: accepted, but this version does not use extra lexicon entries yet\n`);
  }
  const read = await readInputs(targets, { cwd: io.cwd, readStdin: io.readStdin });
  const excluded = await excludedFiles(loaded);
  const inputs = read.inputs.filter((i) => i.text.trim() !== '' && (i.path === '-' || !excluded.has(path.resolve(io.cwd, i.path))));
  const warnings = read.warnings.filter((w) => !excluded.has(path.resolve(io.cwd, w.path)));
  const tolerance = flags.tolerance ?? config.tolerance ?? 0;
  const options = { referenceDate: flags.date ?? config.date ?? null, tolerance };
  const aliases = config.aliases ?? {};
  const results = aliasResults(extractAll(inputs, options), aliases);
  const report = applyIgnore(aliasReport(buildReport(results, options, warnings), aliases), config.ignore);
  return { report, warnings, tolerance };
}

// Config paths are relative to the config file; the reader wants them relative to the working directory.
function relativeTo(cwd: string, dir: string, pattern: string): string {
  if (path.isAbsolute(pattern) || dir === cwd) return pattern;
  const rel = path.relative(cwd, dir).split(path.sep).join('/');
  return rel === '' ? pattern : `${rel}/${pattern}`;
}

async function excludedFiles(loaded: LoadedConfig): Promise<Set<string>> {
  const patterns = loaded.config.exclude ?? [];
  if (patterns.length === 0) return new Set();
  const files = await glob(patterns, { cwd: loaded.dir, absolute: true, onlyFiles: true, dot: true, followSymbolicLinks: false });
  return new Set(files.map((f) => path.resolve(f)));
}

export function printWarnings(warnings: Warning[], io: CliIo): void {
  for (const w of warnings) io.stderr(`facts: ${terminalSafe(w.path)}: ${terminalSafe(w.message)}\n`);
}

/** Formats the report and writes it to --out or standard output. */
export async function emit(report: Report, flags: ReportFlags, io: CliIo, quiet: boolean): Promise<void> {
  const toFile = flags.out !== undefined;
  const output = FORMATTERS[flags.format](report, {
    color: useColor(io, flags.color, toFile),
    width: io.columns ?? 100,
    verbose: flags.verbose ?? false,
    quiet,
  });
  if (flags.out === undefined) {
    io.stdout(output);
    return;
  }
  await writeFileOrFail(io, flags.out, output);
}

export async function writeFileOrFail(io: CliIo, file: string, data: string): Promise<void> {
  try {
    await writeAtomically(path.resolve(io.cwd, file), data);
  } catch (e) {
    throw new UsageError(`${file}: cannot write (${(e as NodeJS.ErrnoException).code ?? 'write failed'})`);
  }
}
