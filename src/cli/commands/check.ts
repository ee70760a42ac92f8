// `facts check`: the same extraction and merge as `extract`, for CI. Exit 1 when a conflict at or above --fail-on
// is found (and not in the baseline), 0 when none is, 2 for usage, configuration or input errors.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Command, Option } from 'commander';
import { applyBaseline, type Baseline, makeBaseline } from '../../merge/baseline.js';
import type { Fact, Report } from '../../model/report.js';
import { terminalSafe } from '../../report/escape.js';
import { FAIL_ON_LEVELS, type FailOn, type LoadedConfig, loadConfig } from '../config.js';
import { UsageError } from '../errors.js';
import { type CliIo, EXIT } from '../io.js';
import { addReportOptions, type CliReport, emit, type ReportFlags, withCliReport, writeFileOrFail } from './shared.js';

interface CheckFlags extends ReportFlags {
  failOn?: FailOn;
  baseline?: string;
  writeBaseline?: string;
}

/** Read problems that mean the check did not see what it was asked to check. */
const INPUT_ERRORS = new Set(['NOT_FOUND', 'UNREADABLE', 'NO_MATCH', 'READ_ERROR', 'STDIN_UNAVAILABLE', 'EMPTY_FOLDER']);

export function checkCommand(io: CliIo, onExit: (code: number) => void): Command {
  const cmd = new Command('check')
    .description('report conflicts between the articles; exit 1 when there is one at or above --fail-on')
    .argument('[paths...]', 'files, folders (read recursively), glob patterns, or - for standard input');
  addReportOptions(cmd)
    .addOption(
      new Option('--fail-on <level>', 'fail on: none, warning (any conflict), conflict or error (conflicts of severity error)')
        .choices(FAIL_ON_LEVELS),
    )
    .option('--baseline <file>', 'known conflicts to accept: fail only on conflicts not in this file')
    .option('--write-baseline <file>', "record today's conflicts in this file as the baseline, and pass")
    .addHelpText(
      'after',
      `
Exit codes: 0 no conflict at or above --fail-on (default: conflict), 1 conflicts found, 2 usage, configuration or input error.

Examples:
  $ facts check seeds/
  $ facts check seeds/ --format github          annotations in a GitHub Actions log
  $ facts check seeds/ --write-baseline facts-baseline.json
  $ facts check seeds/ --baseline facts-baseline.json --format sarif --out facts.sarif`,
    )
    .action(async (paths: string[], flags: CheckFlags) => {
      onExit(await runCheck(paths, flags, io));
    });
  return cmd;
}

async function runCheck(paths: string[], flags: CheckFlags, io: CliIo): Promise<number> {
  const loaded = await loadConfig(io.cwd, flags.config);
  return withCliReport(paths, flags, loaded, io, async (cli) => {
    // Something named could not be read: the check did not see all it was asked to.
    if (cli.warnings.some((w) => INPUT_ERRORS.has(w.code))) return EXIT.USAGE;
    return judge(cli, flags, loaded, io);
  });
}

/** The check proper, on a report of what could all be read: the baseline, the output, the exit code. */
async function judge({ report, tolerance, texts }: CliReport, flags: CheckFlags, loaded: LoadedConfig, io: CliIo): Promise<number> {
  const compare = { tolerance };

  let baseline: Baseline | undefined;
  let baselineName: string | undefined;
  if (flags.writeBaseline !== undefined) {
    baseline = makeBaseline(report, compare);
    baselineName = flags.writeBaseline;
    await writeFileOrFail(io, flags.writeBaseline, `${JSON.stringify(baseline, null, 2)}\n`);
    const n = baseline.conflicts.length;
    io.stderr(`facts: ${flags.writeBaseline}: recorded ${n} conflict${n === 1 ? '' : 's'}\n`);
  } else {
    const fromConfig = loaded.config.baseline;
    baselineName = flags.baseline ?? (fromConfig && path.relative(io.cwd, path.resolve(loaded.dir, fromConfig)).split(path.sep).join('/'));
    if (baselineName !== undefined) baseline = await readBaseline(io, baselineName);
  }

  let shown: Report = report;
  if (baseline && baselineName !== undefined) {
    const result = applyBaseline(report, baseline, compare);
    shown = result.report;
    const where = terminalSafe(baselineName);
    if (result.known.length > 0 && flags.writeBaseline === undefined) {
      const n = result.known.length;
      io.stderr(`facts: ${where}: ${n} known conflict${n === 1 ? '' : 's'} not reported\n`);
    }
    for (const e of result.stale) {
      io.stderr(
        `facts: ${where}: no longer occurs: ${terminalSafe(`${e.code} ${e.subject} · ${e.attribute} (${(e.texts ?? e.values).join(' vs ')})`)}; prune it with --write-baseline\n`,
      );
    }
  }

  await emit(shown, flags, io, true, texts);
  const failOn = flags.failOn ?? loaded.config.failOn ?? 'conflict';
  return shown.facts.some((f) => fails(f, failOn)) ? EXIT.CONFLICTS : EXIT.OK;
}

/** Whether a fact fails the check at this level: warning counts every conflict, conflict/error only severity error. */
export function fails(fact: Fact, failOn: FailOn): boolean {
  if (fact.status !== 'conflict' || failOn === 'none') return false;
  if (failOn === 'warning') return true;
  return (fact.conflict?.severity ?? 'error') === 'error';
}

async function readBaseline(io: CliIo, file: string): Promise<Baseline> {
  let text: string;
  try {
    text = await readFile(path.resolve(io.cwd, file), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`${file}: ${code === 'ENOENT' ? 'no such file (create it with --write-baseline)' : `cannot read (${code ?? 'error'})`}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new UsageError(`${file}: not valid JSON; write it again with --write-baseline`);
  }
  // The schemas (and zod) load only when a baseline is read.
  const [{ Baseline: schema }, { describeIssue }] = await Promise.all([import('../../merge/baseline-schema.js'), import('../config-schema.js')]);
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new UsageError(`${file}: ${describeIssue(parsed.error.issues[0])}`);
  return parsed.data;
}
