// The facts workers of a streamed report (runFactsJobs, compiled: a worker runs the built code): a system error in
// one (its spool file cannot be opened) comes back with its code and is not tried again in this thread, and a report
// no longer wanted stops them. Run in a child process, so the workers are not this test runner's; a script given with
// `node --input-type=module --max-old-space-size=1024 -e`, which is also how a worker's own options are checked (it
// used to inherit --input-type and fail to start, and each range was then built in this thread; then to be given the
// V8 flag, which a worker refuses).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../cli/run.js';

const COMPILED = path.join(ROOT, 'dist', 'stream', 'facts.js');
const work = mkdtempSync(path.join(tmpdir(), 'facts-workers-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe.runIf(existsSync(COMPILED) && existsSync(path.join(ROOT, 'dist', 'parallel', 'worker.js')))('facts workers', () => {
  it('answer a system error in one line, stop when the report is no longer wanted, and build otherwise', () => {
    // No extraction threads, so nothing to read: each range writes an empty facts spool. Two buckets of 2 MB say
    // there is enough to build in two workers (under 1 MB would be built in this thread).
    const script = `
      import { mkdtempSync, readdirSync } from 'node:fs';
      import path from 'node:path';
      const { runFactsJobs } = await import(${JSON.stringify(pathToFileURL(COMPILED).href)});
      const work = process.argv[1];
      const base = { threads: [], style: 'json', tolerance: 0, corpus: [], paths: [] };
      const bytes = new Array(32).fill(0);
      bytes[0] = bytes[16] = 2 << 20;
      const failed = (e) => ({ message: e.message, code: e.code, syscall: e.syscall });
      const built = mkdtempSync(path.join(work, 'built-'));
      const index = await runFactsJobs({ ...base, dir: built }, bytes, 2);
      const stoppedDir = mkdtempSync(path.join(work, 'stopped-'));
      const stop = new AbortController();
      const running = runFactsJobs({ ...base, dir: stoppedDir }, bytes, 2, stop.signal);
      stop.abort();
      const stopped = await running.then(() => 'built', failed);
      const missing = await runFactsJobs({ ...base, dir: path.join(work, 'gone') }, bytes, 2).then(() => 'built', failed);
      console.log(JSON.stringify({
        built: { facts: index.flags.length, spools: index.spools, files: readdirSync(built).sort() },
        stopped: { ...stopped, files: readdirSync(stoppedDir) },
        missing,
      }));
    `;
    // The process must end by itself: a worker left running would keep it alive past the timeout.
    // With a V8 flag too, which a worker may not be given: its workers start with no options (they used to fail).
    const r = spawnSync(process.execPath, ['--input-type=module', '--max-old-space-size=1024', '-e', script, work], { encoding: 'utf8', timeout: 30_000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const seen = JSON.parse(r.stdout) as Record<string, unknown>;
    // Without a stop, both ranges are built in workers, each into its spool.
    expect(seen.built).toEqual({ facts: 0, spools: ['facts-0', 'facts-1'], files: ['facts-0', 'facts-1'] });
    // Stopped before they ran: nothing was written, and no range was built in this thread instead.
    expect(seen.stopped).toEqual({ message: 'facts no longer wanted', files: [] });
    // The worker's error keeps its code and syscall (what the CLI names the temporary folder by) and its message is
    // the worker's: this thread did not try the range again and meet the error itself.
    // (Either range's worker may fail first.)
    expect(seen.missing).toEqual({
      message: expect.stringMatching(new RegExp(`^facts worker failed: ENOENT: no such file or directory, open '${escaped(path.join(work, 'gone'))}/facts-[01]'$`)),
      code: 'ENOENT',
      syscall: 'open',
    });
  });
});
