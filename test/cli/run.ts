// Runs the CLI in-process with captured streams: the harness for golden cases and exit-code tables.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../src/cli/program.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The compiled CLI, and whether it is built (workers need dist/; tests of it are skipped without). */
export const BIN = path.join(ROOT, 'bin', 'facts.js');
export const BUILT = existsSync(path.join(ROOT, 'dist', 'parallel', 'worker.js'));

/** Runs the compiled CLI in `cwd`, without colour. */
export function runBuilt(cwd: string, args: string[]): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined } });
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runInProcess(
  args: string[],
  options: { cwd?: string; env?: Record<string, string>; stdin?: string; tty?: boolean; columns?: number } = {},
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
    cwd: options.cwd ?? ROOT,
    env: options.env ?? {},
    stdoutIsTTY: options.tty ?? false,
    stderrIsTTY: options.tty ?? false,
    columns: options.columns,
    readStdin: async () => Buffer.from(options.stdin ?? ''),
  });
  return { code, stdout, stderr };
}
