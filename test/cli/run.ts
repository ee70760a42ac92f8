// Runs the CLI in-process with captured streams: the harness for golden cases and exit-code tables.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../src/cli/program.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

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
