// The progress bar: drawn on stderr only for many files on a terminal, never in a pipe; rendering and throttling
// tested with a fake clock and stream, and the whole CLI run in-process on 25 articles both ways.
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDuration, PROGRESS_MIN_FILES, progressReporter, renderProgress, shouldShowProgress } from '../../src/cli/progress.js';
import { runInProcess } from './run.js';
import { tempDir } from '../temp.js';

describe('shouldShowProgress', () => {
  it.each([
    [25, true, {}, true],
    [PROGRESS_MIN_FILES, true, {}, true],
    [PROGRESS_MIN_FILES - 1, true, {}, false],
    [500, false, {}, false],
    [500, true, { TERM: 'dumb' }, false],
  ])('%i files, terminal %s, env %j → %s', (total, isTTY, env, expected) => {
    expect(shouldShowProgress(total, { isTTY, env })).toBe(expected);
  });
});

describe('renderProgress', () => {
  it('shows files done, the rate and the time left', () => {
    expect(renderProgress(12, 40, 2000, 80)).toBe(`[${'█'.repeat(9)}${'░'.repeat(21)}]  12/40 files · 6.0 files/s · 5s left`);
  });

  it('rounds fast rates and pads the count so the line does not jump', () => {
    expect(renderProgress(5, 120, 100, 80)).toMatch(/\]    5\/120 files · 50 files\/s · 3s left$/);
  });

  it('has no rate before the first file is done', () => {
    expect(renderProgress(0, 30, 0, 80)).toBe(`[${'░'.repeat(30)}]   0/30 files`);
  });

  it('fits narrow terminals, dropping the bar first', () => {
    for (const columns of [10, 20, 40, 60]) expect(renderProgress(7, 300, 1234, columns).length).toBeLessThan(columns);
    expect(renderProgress(7, 300, 1234, 40)).not.toContain('[');
  });

  it.each([
    [400, '1s'],
    [59_000, '59s'],
    [61_000, '1m 01s'],
    [3_720_000, '1h 02m'],
  ])('formatDuration(%i) = %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('progressReporter', () => {
  function fake(isTTY: boolean, total = 30) {
    let now = 1000;
    const written: string[] = [];
    const report = progressReporter(total, { write: (s) => written.push(s), isTTY, now: () => now, columns: 80 });
    return { report, written, tick: (ms: number) => (now += ms) };
  }

  it('is absent when the stream is not a terminal', () => {
    expect(fake(false).report).toBeUndefined();
  });

  it('redraws in place at most every 100 ms and erases itself at the end', () => {
    const { report, written, tick } = fake(true);
    tick(50);
    report!(1, 30); // first call always draws
    tick(10);
    report!(2, 30); // too soon
    tick(100);
    report!(3, 30);
    tick(100);
    report!(30, 30);
    report!(30, 30); // nothing after the end
    expect(written).toHaveLength(3);
    expect(written[0]).toMatch(/^\r\u001b\[2K\[█?░+\]   1\/30 files · 20 files\/s · 2s left$/);
    expect(written[1]).toContain(' 3/30 files');
    expect(written[2]).toBe('\r\u001b[2K');
  });
});

describe('the CLI on many files', () => {
  const dir = tempDir('progress');
  for (let i = 0; i < 25; i++) {
    writeFileSync(path.join(dir, `a${String(i).padStart(2, '0')}.txt`), `Acme Corp agreed to pay $${i + 1} million for Globex Inc.\n`);
  }

  it('draws the bar on stderr when it is a terminal', async () => {
    const r = await runInProcess(['extract', dir, '--format', 'json'], { tty: true });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^\r\u001b\[2K\[.*\] +1\/25 files/);
    expect(r.stderr.endsWith('\r\u001b[2K')).toBe(true);
    expect(JSON.parse(r.stdout).summary.documents).toBe(25);
  });

  it('writes nothing on stderr in a pipe', async () => {
    const r = await runInProcess(['extract', dir, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).summary.documents).toBe(25);
  });

  it('writes nothing for a few files, even on a terminal', async () => {
    const r = await runInProcess(['extract', 'seeds/', '--format', 'json'], { tty: true });
    expect(r.stderr).toBe('');
  });
});
