// Binds the CLI to the real process: streams, environment, terminal width. bin/facts.js calls this.
import { fstatSync, writeSync } from 'node:fs';
import { runCli } from './program.js';

export async function main(argv: string[] = process.argv.slice(2)): Promise<number> {
  return runCli(argv, {
    stdout: (s) => process.stdout.write(s),
    stdoutBytes: stdoutBytes(),
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
}

/**
 * Bytes to standard output. A file or a device such as /dev/null is written at once; a terminal, pipe or socket goes
 * through process.stdout, which may hold on to a chunk (asynchronous on some systems), so it gets a copy.
 */
function stdoutBytes(): (bytes: Uint8Array) => void {
  const info = (() => {
    try {
      return fstatSync(1);
    } catch {
      return null;
    }
  })();
  if (info && (info.isFile() || (info.isCharacterDevice() && !process.stdout.isTTY))) {
    return (bytes) => {
      let off = 0;
      while (off < bytes.length) off += writeSync(1, bytes, off, bytes.length - off);
    };
  }
  return (bytes) => process.stdout.write(Buffer.from(bytes));
}
