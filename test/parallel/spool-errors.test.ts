// A spool file that cannot be written (a full disk, a file-size limit) ends the run with one line naming the
// temporary folder, whether the writer is this thread, an extraction worker or a facts worker; never a stack trace,
// and the folder is removed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { errorOf, failureOf, isSystemError } from '../../src/parallel/errors.js';
import { ROOT } from '../cli/run.js';

describe('worker failures', () => {
  it('keep a system error’s code and syscall, in one line', () => {
    const e: NodeJS.ErrnoException = new Error('ENOSPC: no space left on device, write');
    e.code = 'ENOSPC';
    e.syscall = 'write';
    const sent = failureOf(e);
    expect(sent).toEqual({ error: 'ENOSPC: no space left on device, write', code: 'ENOSPC', syscall: 'write' });
    const back = errorOf('extraction worker failed', sent);
    expect(isSystemError(back)).toBe(true);
    expect(back).toMatchObject({ code: 'ENOSPC', syscall: 'write', message: 'extraction worker failed: ENOSPC: no space left on device, write' });
  });

  it('show a bug’s first line and keep its stack apart', () => {
    const sent = failureOf(new TypeError('x is undefined'));
    expect(sent.code).toBeUndefined();
    expect(sent.error).toMatch(/^TypeError: x is undefined\n\s+at /);
    const back = errorOf('facts worker failed', sent);
    expect(isSystemError(back)).toBe(false);
    expect(back.message).toBe('facts worker failed: TypeError: x is undefined');
    expect(back.stack).toMatch(/\n\s+at /);
    expect(errorOf('extraction worker failed', {}).message).toBe('extraction worker failed: no results');
    expect(isSystemError(Object.assign(new Error('x'), { code: 'ERR_WORKER_OUT_OF_MEMORY' }))).toBe(false);
  });
});

const BIN = path.join(ROOT, 'bin', 'facts.js');
const compiled = existsSync(path.join(ROOT, 'dist', 'cli', 'main.js')) && existsSync('/bin/bash');
const work = mkdtempSync(path.join(tmpdir(), 'facts-spool-errors-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The CLI under a limit on the size of any file it writes (`ulimit -f`, in KB), with its own temporary folder. */
function limited(kb: number, args: string[]) {
  const temp = mkdtempSync(path.join(work, 'tmp-'));
  const r = spawnSync('/bin/bash', ['-c', `ulimit -f ${kb} && exec "$0" "$@"`, process.execPath, BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, TMPDIR: temp },
  });
  return { ...r, temp };
}

describe.runIf(compiled)('a spool folder that cannot take the spool files', () => {
  // 60 documents of ~40 KB (2.4 MB): past the size at which extraction runs in workers.
  const corpus = path.join(work, 'corpus');
  mkdirSync(corpus);
  const seeds = readdirSync(path.join(ROOT, 'seeds')).map((f) => readFileSync(path.join(ROOT, 'seeds', f), 'utf8'));
  for (let i = 0; i < 60; i++) writeFileSync(path.join(corpus, `doc-${String(i).padStart(2, '0')}.txt`), seeds.join('\n\n'));

  it.each([
    ['in this thread (a small input)', 4, ['extract', 'seeds/', '--format', 'json']],
    ['in extraction workers', 64, ['extract', corpus, '--format', 'json', '--jobs', '2']],
    ['in extraction workers, NDJSON', 64, ['extract', corpus, '--format', 'ndjson', '--jobs', '2']],
  ] as const)('ends the run in one line, %s', (_, kb, args) => {
    const r = limited(kb, [...args]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^facts: temporary folder .*facts-\w+: cannot write \(EFBIG\): make room there, or set TMPDIR to a folder with more\n$/);
    expect(r.stdout).toBe('');
    // The spool folder is gone.
    expect(readdirSync(r.temp)).toEqual([]);
  });

  it('names a temporary folder that is not there', () => {
    const missing = path.join(work, 'no-such-folder');
    const r = spawnSync(process.execPath, [BIN, 'extract', 'seeds/', '--format', 'json'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, TMPDIR: missing } });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`facts: temporary folder ${missing}: cannot mkdtemp (ENOENT)\n`);
  });

  it('runs as usual when the limit leaves room', () => {
    const out = path.join(work, 'report.json');
    const r = limited(1 << 20, ['extract', corpus, '--format', 'json', '--jobs', '2', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect((JSON.parse(readFileSync(out, 'utf8')) as { summary: { documents: number } }).summary.documents).toBe(60);
    expect(readdirSync(r.temp)).toEqual([]);
  });
});
