// Binds the CLI to the real process: streams, environment, terminal width. bin/facts.js calls this.
import { fstatSync, writeSync } from 'node:fs';
import { EXIT } from './io.js';
import { runCli } from './program.js';

export async function main(argv: string[] = process.argv.slice(2)): Promise<number> {
  const stdout = standardOutput((line) => process.stderr.write(line));
  const code = await runCli(argv, {
    stdout: stdout.text,
    stdoutBytes: stdout.bytes,
    stderr: (s) => process.stderr.write(s),
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    columns: process.stdout.isTTY ? process.stdout.columns : undefined,
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
  });
  await stdout.drain();
  return stdout.failed() ? EXIT.USAGE : code;
}

export interface StandardOutput {
  text: (s: string) => void;
  bytes: (bytes: Uint8Array) => void;
  /** Resolves once what was written has been handed to the system (so that a failure is known). */
  drain: () => Promise<void>;
  /** Whether writing failed for another reason than the reader going away. */
  failed: () => boolean;
}

/**
 * Standard output, for text and for bytes. When the reader goes away (`facts … | head`: EPIPE), the rest of the
 * output is dropped and the run ends as it would have (its exit code still tells `facts check`'s verdict). Any other
 * failure to write (a full disk) is reported once, in one line, and the run ends with the usage exit code. Never a
 * stack trace. A file or a device such as /dev/null is written at once; a terminal, pipe or socket goes through
 * process.stdout, which may hold on to a chunk (asynchronous on some systems), so it gets a copy.
 */
export function standardOutput(report: (line: string) => void): StandardOutput {
  const fd = 1;
  const stream = process.stdout;
  let closed = false;
  let failed = false;
  const fail = (e: unknown) => {
    if (closed) return;
    closed = true;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EPIPE') return;
    failed = true;
    report(`facts: standard output: cannot write (${code ?? 'error'})\n`);
  };
  stream.on('error', fail);
  const info = (() => {
    try {
      return fstatSync(fd);
    } catch {
      return null;
    }
  })();
  const direct = info !== null && (info.isFile() || (info.isCharacterDevice() && !stream.isTTY));
  const bytes = direct
    ? (chunk: Uint8Array) => {
        try {
          for (let off = 0; !closed && off < chunk.length; ) off += writeSync(fd, chunk, off, chunk.length - off);
        } catch (e) {
          fail(e);
        }
      }
    : (chunk: Uint8Array) => {
        if (!closed) stream.write(Buffer.from(chunk));
      };
  const text = direct
    ? (s: string) => bytes(Buffer.from(s))
    : (s: string) => {
        if (!closed) stream.write(s);
      };
  const drain = () => (direct || closed ? Promise.resolve() : new Promise<void>((resolve) => stream.write('', () => resolve())));
  return { text, bytes, drain, failed: () => failed };
}
