// Writes a report to --out atomically: a temporary file beside the target, then a rename, so a failed run never
// leaves a truncated report behind. A target that exists and is not a regular file (/dev/null, /dev/stdout, a
// FIFO) is written directly: renaming over it would replace the device or pipe with a file.
import { lstat, readlink, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

export async function writeAtomically(file: string, data: string): Promise<void> {
  const existing = await stat(file).catch(() => null);
  if (existing && !existing.isFile()) {
    await writeFile(file, data, 'utf8');
    return;
  }
  // A symbolic link to a regular file: keep the link, replace what it points to.
  const link = await lstat(file).catch(() => null);
  const target = link?.isSymbolicLink() ? path.resolve(path.dirname(file), await readlink(file)) : file;
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    await writeFile(tmp, data, 'utf8');
    await rename(tmp, target);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}
