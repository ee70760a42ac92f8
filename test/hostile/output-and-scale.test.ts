// A failed run never leaves a partial or temporary report behind, and keeps an earlier report whole; 10,000 tiny
// files give the same report whether read in one run or in two halves merged.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/report.js';
import { runInProcess } from '../cli/run.js';
import { tempDir } from '../temp.js';

describe('--out after a failure', () => {
  let dir: string;
  beforeAll(async () => {
    dir = tempDir('out-fail');
    await writeFile(path.join(dir, 'a.txt'), 'Acme Corp paid $5 million for Globex Ltd on 2 May 2024.\n');
    await writeFile(path.join(dir, 'bin.txt'), Buffer.from([0x41, 0, 0x42]));
  });

  it('keeps the earlier report whole when a later run fails, and leaves no temporary file', async () => {
    const ok = await runInProcess(['extract', 'a.txt', '--format', 'json', '--out', 'report.json'], { cwd: dir });
    expect(ok.code).toBe(0);
    const before = await readFile(path.join(dir, 'report.json'), 'utf8');
    expect((JSON.parse(before) as Report).documents).toHaveLength(1);

    // Fails before writing: --strict and a skipped file.
    const strict = await runInProcess(['extract', '.', '--strict', '--format', 'json', '--out', 'report.json'], { cwd: dir });
    expect(strict.code).toBe(2);
    // Fails while writing: the target's folder is a file.
    const notDir = await runInProcess(['extract', 'a.txt', '--format', 'json', '--out', 'a.txt/report.json'], { cwd: dir });
    expect(notDir.code).toBe(2);
    expect(notDir.stderr).toMatch(/^facts: a\.txt\/report\.json: cannot write \(ENOTDIR\)$/m);
    // Fails at the rename: the target is a folder.
    await mkdir(path.join(dir, 'folder.json'));
    const isDir = await runInProcess(['extract', 'a.txt', '--format', 'json', '--out', 'folder.json'], { cwd: dir });
    expect(isDir.code).toBe(2);

    expect(await readFile(path.join(dir, 'report.json'), 'utf8')).toBe(before);
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(await readdir(path.join(dir, 'folder.json'))).toEqual([]);
  });
});

describe('10,000 tiny files', () => {
  let dir: string;
  const N = 10_000;
  beforeAll(async () => {
    dir = tempDir('many');
    for (let part = 0; part < 2; part++) await mkdir(path.join(dir, `part${part}`));
    const writes: Array<Promise<void>> = [];
    for (let i = 0; i < N; i++) {
      const text = `Firm${i} Ltd paid $${(i % 97) + 1} million for Unit${i % 50} Inc on 2 May 2024, up ${i % 40}%.\n`;
      writes.push(writeFile(path.join(dir, `part${i % 2}`, `f${String(i).padStart(5, '0')}.txt`), text));
    }
    await Promise.all(writes);
  }, 60_000);

  it('all read in one run, and the same documents and mentions as two runs over the halves', async () => {
    const whole = await runInProcess(['extract', '.', '--format', 'json'], { cwd: dir });
    expect(whole.code).toBe(0);
    expect(whole.stderr).toBe('');
    const report = JSON.parse(whole.stdout) as Report;
    expect(report.documents).toHaveLength(N);
    const halves = await Promise.all(['part0', 'part1'].map((p) => runInProcess(['extract', p, '--format', 'json'], { cwd: dir })));
    const pieces = halves.map((h) => JSON.parse(h.stdout) as Report);
    const key = (r: Report) => r.mentions.map((m) => `${m.doc}|${m.kind}|${m.start}|${m.end}|${JSON.stringify(m.value)}`);
    // Document ids are file names, unique across the whole folder: the two halves together are the whole.
    expect([...key(pieces[0]), ...key(pieces[1])].sort()).toEqual(key(report).sort());
    expect(report.summary.mentions).toBe(pieces[0].summary.mentions + pieces[1].summary.mentions);
  }, 120_000);
});
