// Writes a report to --out atomically: a temporary file beside the target, then a rename, so a failed run never
// leaves a truncated report behind.
import { rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

export async function writeAtomically(file: string, data: string): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await writeFile(tmp, data, 'utf8');
    await rename(tmp, file);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}
