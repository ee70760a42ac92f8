// What `extract` and `check` share: their common options, reading the inputs the config and arguments name, and
// running the pipeline with the config's aliases and ignores applied.
import { statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { StringDecoder } from 'node:string_decoder';
import path from 'node:path';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { glob } from 'tinyglobby';
import type { EntityKind, Report, Warning } from '../../model/report.js';
import type { DocumentResult } from '../../extract/document.js';
import { type InputList, type InputText, listInputs, readListed, SKIP_CODES } from '../../read/inputs.js';
import type { StreamTask } from '../../stream/extract.js';
import type { PackStyle } from '../../stream/pack.js';
import type { StreamedReport } from '../../stream/report.js';
import { isSystemError } from '../../parallel/errors.js';
import type { PoolOptions } from '../../parallel/pool.js';
import { assignDocumentIds } from '../../read/document-ids.js';
import { parseByteSize } from '../../read/size.js';
import { terminalSafe } from '../../report/escape.js';
import { FACTS_ONLY, FORMAT_NAMES, FORMATTERS, type FormatName, PIECEWISE } from '../../report/index.js';
import { type LoadedConfig, CONFIG_FILE, isCalendarDay } from '../config.js';
import { UsageError } from '../errors.js';
import { type CliIo, EXIT, useColor } from '../io.js';
import { progressReporter } from '../progress.js';
import { writeAtomically, writeAtomicallyWith } from '../output.js';

export interface ReportFlags {
  format: FormatName;
  out?: string;
  date?: string;
  tolerance?: number;
  color?: boolean;
  verbose?: boolean;
  config?: string;
  /** Bytes; files larger than this are skipped with a warning. */
  maxFileSize?: number;
  /** Any file or path that could not be read ends the run with exit 2. */
  strict?: boolean;
  /** Extraction threads (default: one per core; small inputs use one). */
  jobs?: number;
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
    .option('-v, --verbose', 'show the evidence sentence under each value')
    .option('--max-file-size <size>', 'skip files larger than this (e.g. 10MB, 500k; default 50MB)', parseMaxFileSize)
    .option('--strict', 'exit 2 when any file or path named could not be read (binary, too large, unreadable, empty…)')
    .option('-j, --jobs <n>', 'extraction threads (default: one per core; fewer than 50 documents or 1 MB use one)', parseJobs);
}

export function parseJobs(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(n) || n < 1 || n > 256) {
    throw new InvalidArgumentError('expected a whole number of threads from 1 to 256.');
  }
  return n;
}

export function parseDate(value: string): string {
  if (!isCalendarDay(value)) throw new InvalidArgumentError('expected a calendar date as YYYY-MM-DD.');
  return value;
}

export function parseMaxFileSize(value: string): number {
  const n = parseByteSize(value);
  if (n === null) throw new InvalidArgumentError('expected a size such as 50MB, 10M, 500k or a number of bytes.');
  return n;
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
  /** Each document's text by document id, for formats that show the articles (html). */
  texts: Record<string, string>;
}

/**
 * Builds the report of what the arguments (or the config's include) name, and hands it to `use` once the warnings
 * of reading are printed and --strict and an empty run are settled (exit 2 for both); returns `use`'s exit code.
 * Large runs in a format that shows only facts (FACTS_ONLY) get the report made from the spool without its mentions
 * and claims: this process then holds the facts, not every document's results.
 */
export async function withCliReport(
  paths: string[],
  flags: ReportFlags,
  loaded: LoadedConfig,
  io: CliIo,
  use: (cli: CliReport) => Promise<number>,
): Promise<number> {
  const list = await listCliInputs(paths, loaded, io);
  if (FACTS_ONLY.has(flags.format)) {
    const sizes = listedSizes(list);
    const { checkRoom, extractsInWorkers } = await import('../../parallel/pool.js');
    if (extractsInWorkers(sizes.length, sizes.bytes, sizes.largest)) {
      const room = (bytes: number) => checkRoom(bytes * FACT_HEAP_PER_BYTE, FACTS_HELD);
      let collected: CliReport | undefined;
      const code = await streamedRun(list, sizes, flags, loaded, io, 'ndjson', async (report, threads) => {
        collected = { report: await withMemoryError(() => report.collect(threads, room)), warnings: report.warnings, tolerance: toleranceOf(flags, loaded), texts: {} };
        return EXIT.OK;
      });
      // Used once the spool is gone: its errors are the command's own, not the spool's.
      return collected ? use(collected) : code;
    }
  }
  const cli = await buildCliReport(list, flags, loaded, io);
  printWarnings(cli.warnings, io);
  if (strictFailure(flags, loaded, cli.warnings, io)) return EXIT.USAGE;
  if (cli.report.documents.length === 0) {
    io.stderr(NO_INPUT);
    return EXIT.USAGE;
  }
  return use(cli);
}

/** Reads the listed inputs and builds the report in memory. */
async function buildCliReport(list: InputList, flags: ReportFlags, loaded: LoadedConfig, io: CliIo): Promise<CliReport> {
  const { inputs, warnings, results: raw } = await extractCliInputs(list, flags, loaded, io);
  const { report, tolerance } = await reportFromResults(raw, warnings, flags, loaded);
  const textOf = new Map(inputs.map((i) => [i.path, i.text]));
  const texts: Record<string, string> = {};
  for (const d of report.documents) {
    const text = textOf.get(d.path);
    if (text !== undefined) texts[d.id] = text;
  }
  return { report, warnings, tolerance, texts };
}

/** The merge half of the run, shared with `facts merge`: config aliases, then the report, then the config's ignores. */
export async function reportFromResults(
  raw: DocumentResult[],
  warnings: Warning[],
  flags: ReportFlags,
  loaded: LoadedConfig,
): Promise<{ report: Report; tolerance: number }> {
  const { config } = loaded;
  // Imported here, not at the top: --version, --help and schema never load the extractors (nor the lexicons that
  // merging entities shares with them).
  const { buildReport } = await import('../../pipeline.js');
  const { aliasReport, aliasResults, applyIgnore } = await import('../../merge/adjust.js');
  const tolerance = toleranceOf(flags, loaded);
  const aliases = config.aliases ?? {};
  const results = aliasResults(raw, aliases);
  const report = applyIgnore(aliasReport(buildReport(results, { tolerance }, warnings), aliases), config.ignore);
  return { report, tolerance };
}

function toleranceOf(flags: ReportFlags, loaded: LoadedConfig): number {
  return flags.tolerance ?? loaded.config.tolerance ?? 0;
}

/** The read and extract half of a report built in memory: the documents and their results. The run stops before the
 *  results fill the heap that building the report needs (see HELD_SHARE). */
async function extractCliInputs(
  list: InputList,
  flags: ReportFlags,
  loaded: LoadedConfig,
  io: CliIo,
): Promise<{ inputs: Array<{ path: string; text: string }>; warnings: Warning[]; results: DocumentResult[] }> {
  const { inputs, warnings, extract } = await readListedForEach(list, flags, loaded, io, true);
  const results: DocumentResult[] = [];
  await extract((result) => results.push(result));
  return { inputs, warnings, results };
}

/** The read and extract half of a run: the inputs are read, and `extract` hands each result to `each` in input order
 *  as it comes, keeping none (`facts extract --partial` writes them as they come). */
export async function readCliInputsForEach(paths: string[], flags: ReportFlags, loaded: LoadedConfig, io: CliIo): Promise<ForEachResult> {
  return readListedForEach(await listCliInputs(paths, loaded, io), flags, loaded, io, false);
}

interface ForEachResult {
  inputs: InputText[];
  warnings: Warning[];
  count: number;
  extract: (each: (result: DocumentResult) => void) => Promise<void>;
}

/** readCliInputsForEach for inputs listed already. `forReport`: a report will be built from the results in memory, so
 *  the run stops before they fill the heap it needs. */
async function readListedForEach(list: InputList, flags: ReportFlags, loaded: LoadedConfig, io: CliIo, forReport: boolean): Promise<ForEachResult> {
  const { inputs, warnings } = await readListed(list, maxFileSizeOf(flags, loaded));
  const { documentInputs } = await import('../../pipeline.js');
  const { extractEach } = await import('../../parallel/pool.js');
  const docs = documentInputs(inputs);
  const options = { ...poolOptions(inputs.length, flags, loaded, io), forReport };
  return { inputs, warnings, count: docs.length, extract: (each) => withMemoryError(() => extractEach(docs, options, (_, r) => each(r))) };
}

/** What the arguments (or the config's include) name, minus the config's exclude (never read), and the warnings of
 *  listing them. Standard input, when named, is read (it cannot be read twice). */
async function listCliInputs(paths: string[], loaded: LoadedConfig, io: CliIo): Promise<InputList> {
  const list = await listInputs(inputTargets(paths, loaded, io), { cwd: io.cwd, readStdin: io.readStdin });
  const excluded = await excludedFiles(loaded);
  return {
    files: list.files.filter((f) => !excluded.has(path.resolve(f.file))),
    ...(list.stdin ? { stdin: list.stdin } : {}),
    warnings: list.warnings.filter((w) => !excluded.has(path.resolve(io.cwd, w.path))),
  };
}

/** The paths to read: the arguments, or the config's include. */
function inputTargets(paths: string[], loaded: LoadedConfig, io: CliIo): string[] {
  const targets = paths.length > 0 ? paths : (loaded.config.include ?? []).map((p) => relativeTo(io.cwd, loaded.dir, p));
  if (targets.length === 0) {
    throw new UsageError(`no paths given; name files, folders, glob patterns or - , or set "include" in ${CONFIG_FILE}`);
  }
  return targets;
}

function maxFileSizeOf(flags: ReportFlags, loaded: LoadedConfig): number | undefined {
  const configured = loaded.config.maxFileSize;
  return flags.maxFileSize ?? (configured === undefined ? undefined : (parseByteSize(String(configured)) ?? undefined));
}

function poolOptions(count: number, flags: ReportFlags, loaded: LoadedConfig, io: CliIo): PoolOptions {
  const onProgress = progressReporter(count, {
    write: io.stderr,
    isTTY: io.stderrIsTTY,
    env: io.env,
    columns: io.columns,
    now: () => performance.now(),
  });
  return {
    referenceDate: flags.date ?? loaded.config.date ?? null,
    knownEntities: knownEntities(loaded.config),
    jobs: flags.jobs,
    ...(onProgress ? { onProgress } : {}),
  };
}

/** Formats the report writes as they go (JSON, NDJSON): no report object is ever built, so memory stays bounded. */
export const STREAMED_FORMATS = new Set<FormatName>(['json', 'ndjson']);

/**
 * `facts extract` for a streamed format: lists the inputs, has the extraction threads read, extract and spool each
 * document, and writes the report at the end in pieces; the same bytes as emit(buildCliReport(…)). Returns the exit
 * code.
 */
export async function streamCliReport(paths: string[], flags: ReportFlags, loaded: LoadedConfig, io: CliIo): Promise<number> {
  const list = await listCliInputs(paths, loaded, io);
  return streamedRun(list, listedSizes(list), flags, loaded, io, flags.format === 'ndjson' ? 'ndjson' : 'json', async (report, threads) => {
    if (flags.out === undefined) {
      await report.write(io.stdoutBytes ?? textSink(io.stdout), threads);
    } else {
      const file = path.resolve(io.cwd, flags.out);
      await writeOrFail(flags.out, () => writeAtomicallyWith(file, (write) => report.write(write, threads)));
    }
    return EXIT.OK;
  });
}

/** How many inputs are listed, their bytes and the largest's (standard input's text counts as one), to plan threads. */
interface ListedSizes {
  length: number;
  bytes: number;
  largest: number;
}

function listedSizes(list: InputList): ListedSizes {
  const each = list.files.map((f) => statSync(f.file, { throwIfNoEntry: false })?.size ?? 0).concat(list.stdin ? [list.stdin.text.length] : []);
  return { length: each.length, bytes: each.reduce((n, x) => n + x, 0), largest: each.reduce((n, x) => Math.max(n, x), 0) };
}

/**
 * A run through the spool: the extraction threads read, extract and spool each listed document; the warnings are
 * printed and --strict and an empty run settled (exit 2); then `finish` makes the output from the report and gives
 * the exit code. The spool folder is removed however the run ends.
 */
async function streamedRun(
  list: InputList,
  sizes: ListedSizes,
  flags: ReportFlags,
  loaded: LoadedConfig,
  io: CliIo,
  style: PackStyle,
  finish: (report: StreamedReport, threads: string[]) => Promise<number>,
): Promise<number> {
  const { config } = loaded;
  const { files, stdin } = list;
  const { defaultJobs, extractStreamed } = await import('../../parallel/pool.js');
  const { StreamedReport } = await import('../../stream/report.js');
  const { makeSpoolDir, removeSpoolDir } = await import('../../stream/spool.js');
  // Ids from every path listed (a file that turns out unreadable still counts when names collide); tasks in the
  // report's document order.
  const named = [...files.map((f) => ({ path: f.path, file: f.file })), ...(stdin ? [{ path: '-', file: undefined }] : [])];
  const ids = assignDocumentIds(named.map((n) => n.path));
  const tasks: StreamTask[] = named
    .map((n, i) => ({ id: ids[i], path: n.path, ...(n.file !== undefined ? { file: n.file } : { input: { ...stdin!, id: ids[i] } }) }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((t, index) => ({ ...t, index }));
  const dir = spooling(tmpdir(), () => makeSpoolDir());
  // Also on process.exit() (a signal's default action ends the process without it: the folder is in the system's
  // temporary folder).
  const cleanUp = () => removeSpoolDir(dir);
  process.once('exit', cleanUp);
  try {
    const aliases = config.aliases ?? {};
    const { onProgress, jobs, ...extractOptions } = poolOptions(tasks.length, flags, loaded, io);
    const report = new StreamedReport({
      style,
      tolerance: toleranceOf(flags, loaded),
      ...(Object.keys(aliases).length > 0 ? { aliases } : {}),
      ...(config.ignore ? { ignore: config.ignore } : {}),
      warnings: list.warnings,
      dir,
      jobs: jobs ?? defaultJobs(),
    });
    const threads = await withMemoryError(() => extractStreamed(
      tasks,
      { style, options: extractOptions, ...(flags.maxFileSize !== undefined || config.maxFileSize !== undefined ? { maxFileSize: maxFileSizeOf(flags, loaded) } : {}), dir },
      { jobs, bytes: sizes.bytes, largest: sizes.largest, ...(onProgress ? { onProgress } : {}) },
      (doc) => report.add(doc),
    ));
    printWarnings(report.warnings, io);
    if (strictFailure(flags, loaded, report.warnings, io)) return EXIT.USAGE;
    if (report.documentCount === 0) {
      io.stderr(NO_INPUT);
      return EXIT.USAGE;
    }
    return await finish(report, threads);
  } catch (e) {
    throw spoolFailure(e, dir);
  } finally {
    process.removeListener('exit', cleanUp);
    cleanUp();
  }
}

// A report made from the spool holds its facts: ~1.6 bytes of heap a byte of their NDJSON (measured), and its output
// is made from them besides.
const FACTS_HELD = { whole: 'the facts of this report', instead: ', or use --format json or ndjson, which are written as they are made' };
const FACT_HEAP_PER_BYTE = 2.5;

/**
 * A system error while the spool files are made, written or read (a full disk, a file-size limit) ends the run with
 * one line naming the folder, not a stack trace. Errors already worded for the user (--out) pass as they are.
 */
function spoolFailure(e: unknown, dir: string): unknown {
  if (e instanceof UsageError || !isSystemError(e)) return e;
  // A file outside the spool folder is named as it is.
  if (e.path !== undefined && path.relative(dir, e.path).startsWith('..')) return new UsageError(`${e.path}: cannot ${e.syscall ?? 'read'} (${e.code})`);
  const room = e.code === 'ENOSPC' || e.code === 'EDQUOT' || e.code === 'EFBIG' ? ': make room there, or set TMPDIR to a folder with more' : '';
  return new UsageError(`temporary folder ${dir}: cannot ${e.syscall ?? 'write'} (${e.code})${room}`);
}

/** Runs a step of the spool's life (making its folder) with a system error worded as spoolFailure words it. */
function spooling<T>(dir: string, run: () => T): T {
  try {
    return run();
  } catch (e) {
    throw spoolFailure(e, dir);
  }
}

/** Extraction that ran out of memory (naming the documents), or whose results would leave no room to build the report
 *  from them, ends the run with a one-line error. */
async function withMemoryError<T>(run: () => Promise<T>): Promise<T> {
  const { HeapFullError, OutOfMemoryError } = await import('../../parallel/pool.js');
  try {
    return await run();
  } catch (e) {
    if (e instanceof OutOfMemoryError || e instanceof HeapFullError) throw new UsageError(e.message);
    throw e;
  }
}

/** A sink for UTF-8 bytes that passes text on: characters cut between two chunks are joined first. */
function textSink(write: (text: string) => void): (bytes: Uint8Array) => void {
  const decoder = new StringDecoder('utf8');
  return (bytes) => {
    const text = decoder.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length));
    if (text !== '') write(text);
  };
}

export const NO_INPUT = 'facts: no input could be read; give files, folders, glob patterns or - for standard input\n';

/** The config's "lexicon": names declared as organisations, people or places. */
function knownEntities(config: LoadedConfig['config']): Array<{ name: string; kind: EntityKind }> {
  const lexicon = config.lexicon ?? {};
  return [
    ...(lexicon.organizations ?? []).map((name) => ({ name, kind: 'organization' as const })),
    ...(lexicon.people ?? []).map((name) => ({ name, kind: 'person' as const })),
    ...(lexicon.places ?? []).map((name) => ({ name, kind: 'place' as const })),
  ];
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

/** --strict (or "strict": true in the config): true, after saying so on stderr, when any path was not read. */
export function strictFailure(flags: ReportFlags, loaded: LoadedConfig, warnings: Warning[], io: CliIo): boolean {
  if (!(flags.strict ?? loaded.config.strict ?? false)) return false;
  const skipped = warnings.filter((w) => SKIP_CODES.has(w.code)).length;
  if (skipped === 0) return false;
  io.stderr(`facts: --strict: ${skipped} ${skipped === 1 ? 'path was' : 'paths were'} not read; no report written\n`);
  return true;
}

/** Formats the report and writes it to --out or standard output. */
export async function emit(report: Report, flags: ReportFlags, io: CliIo, quiet: boolean, texts?: Record<string, string>): Promise<void> {
  const toFile = flags.out !== undefined;
  const pieces = PIECEWISE[flags.format];
  if (pieces) {
    // JSON and NDJSON in pieces: `facts merge` of ~35 MB of articles or more makes a report longer than a string.
    const chunks = joined(pieces(report), 1 << 16);
    if (flags.out === undefined) for (const chunk of chunks) io.stdout(chunk);
    else await writePiecesOrFail(io, flags.out, chunks);
    return;
  }
  const output = FORMATTERS[flags.format](report, {
    color: useColor(io, flags.color, toFile),
    width: io.columns ?? 100,
    verbose: flags.verbose ?? false,
    quiet,
    ...(texts ? { texts } : {}),
  });
  if (flags.out === undefined) {
    io.stdout(output);
    return;
  }
  await writeFileOrFail(io, flags.out, output);
}

export async function writeFileOrFail(io: CliIo, file: string, data: string): Promise<void> {
  await writeOrFail(file, () => writeAtomically(path.resolve(io.cwd, file), data));
}

/** The pieces joined into strings of at least `size` characters (fewer writes), the last one shorter. */
function* joined(pieces: Iterable<string>, size: number): Generator<string> {
  let buffer: string[] = [];
  let length = 0;
  for (const piece of pieces) {
    buffer.push(piece);
    length += piece.length;
    if (length >= size) {
      yield buffer.join('');
      buffer = [];
      length = 0;
    }
  }
  if (length > 0) yield buffer.join('');
}

/** writeFileOrFail for text made in pieces, written as they come: it may be longer than a string can be (the JSON
 *  of ~35 MB of articles). */
export async function writePiecesOrFail(io: CliIo, file: string, pieces: Iterable<string>): Promise<void> {
  await writeProducedOrFail(io, file, async (write) => {
    for (const piece of pieces) write(piece);
  });
}

/** writeFileOrFail for text that `produce` writes as it makes it (a partial file, as extraction goes). */
export async function writeProducedOrFail(io: CliIo, file: string, produce: (write: (text: string) => void) => Promise<void>): Promise<void> {
  await writeOrFail(file, () => writeAtomicallyWith(path.resolve(io.cwd, file), (write) => produce((text) => write(Buffer.from(text, 'utf8')))));
}

/** Runs a write; a failure of the file system (it has an error code) becomes a one-line usage error naming the file. */
async function writeOrFail(file: string, write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === undefined || !/^E[A-Z]+$/.test(code)) throw e;
    throw new UsageError(`${file}: cannot write (${code})`);
  }
}
