// Writes a report to --out atomically: a temporary file beside the target, then a rename, so a failed run never
// leaves a truncated report behind. A target that exists and is not a regular file (/dev/null, /dev/stdout, a
// FIFO) is written directly: renaming over it would replace the device or pipe with a file.
import { writeSync } from 'node:fs';
import { lstat, open, readlink, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';

export async function writeAtomically(file: string, data: string): Promise<void> {
  await writeAtomicallyWith(file, async (write) => write(Buffer.from(data, 'utf8')));
}

/** writeAtomically for output produced in pieces: `produce` calls `write` for each piece, in order. */
export async function writeAtomicallyWith(file: string, produce: (write: (chunk: Uint8Array) => void) => Promise<unknown>): Promise<void> {
  const existing = await stat(file).catch(() => null);
  // Opened without blocking (a FIFO waits there for its reader); the pieces are then written as they come.
  const into = async (target: string, flags: string) => {
    const handle = await open(target, flags);
    try {
      await produce((chunk) => {
        let off = 0;
        while (off < chunk.length) off += writeSync(handle.fd, chunk, off, chunk.length - off);
      });
    } finally {
      await handle.close();
    }
  };
  if (existing && !existing.isFile()) {
    await into(file, 'w');
    return;
  }
  await replaceAtomically(file, (tmp) => into(tmp, 'w'));
}

/** Writes a temporary file beside the target (through a symbolic link to its target), then renames it over. */
async function replaceAtomically(file: string, write: (tmp: string) => Promise<void>): Promise<void> {
  // A symbolic link to a regular file: keep the link, replace what it points to.
  const link = await lstat(file).catch(() => null);
  const target = link?.isSymbolicLink() ? path.resolve(path.dirname(file), await readlink(file)) : file;
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    await write(tmp);
    await rename(tmp, target);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}
