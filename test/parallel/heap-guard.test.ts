// A report built in memory (HTML, SARIF, `facts merge`; any format below the size where extraction takes workers)
// holds every document's results, then takes as much again to build. When they would not fit, the run stops with a
// one-line error naming the remedies, as early as it can tell, instead of V8's fatal out-of-memory error and native
// stack trace. A large run in a format of facts only (table, CSV…) holds its facts: checkRoom guards them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../scripts/bench-corpus.js';
import { checkHeld, checkRoom, HeapFullError, HELD_SHARE } from '../../src/parallel/pool.js';
import { BIN, BUILT, ROOT } from '../cli/run.js';

const MB = 1 << 20;

describe('checkHeld', () => {
  const limit = 1000 * MB;
  const base = 50 * MB;

  it('lets results pass while what they will come to stays within the share of the heap', () => {
    // A quarter done, 100 MB held over the base: 450 MB projected, under 650.
    expect(() => checkHeld(250, 1000, base, { used: 150 * MB, limit })).not.toThrow();
    // All done, just under the share.
    expect(() => checkHeld(1000, 1000, base, { used: limit * HELD_SHARE - 1, limit })).not.toThrow();
  });

  it('stops once a quarter of the documents shows that all of them would pass it', () => {
    // 200 MB over the base for a quarter: 850 MB projected for all, over 650.
    const stop = () => checkHeld(250, 1000, base, { used: 250 * MB, limit });
    expect(stop).toThrow(HeapFullError);
    expect(stop).toThrow(
      'the results of these 1000 documents would take about 850 MB of this process’s 1000 MB heap (250 MB after 250), ' +
        'and this report is built in memory, which takes as much again: give Node more (NODE_OPTIONS=--max-old-space-size=3072), ' +
        'or use facts extract --format json or ndjson, which are written as they go',
    );
    // Before a quarter, what is held counts, not a projection from a few documents (and their garbage).
    expect(() => checkHeld(240, 1000, base, { used: 250 * MB, limit })).not.toThrow();
    expect(() => checkHeld(16, 1000, base, { used: 700 * MB, limit })).toThrow(HeapFullError);
  });

  it('asks for at least a gigabyte more than the heap has', () => {
    expect(() => checkHeld(1000, 1000, base, { used: 700 * MB, limit })).toThrow('--max-old-space-size=2048)');
  });
});

describe('checkRoom', () => {
  const limit = 1000 * MB;
  const text = { whole: 'the facts of this report', instead: ', or use --format json' };

  it('lets what is held and what comes pass up to the share of the heap, and stops past it in one line', () => {
    expect(() => checkRoom(400 * MB, text, { used: 250 * MB, limit })).not.toThrow();
    expect(() => checkRoom(401 * MB, text, { used: 250 * MB, limit })).toThrow(HeapFullError);
    expect(() => checkRoom(401 * MB, text, { used: 250 * MB, limit })).toThrow(
      'the facts of this report would take about 401 MB of this process’s 1000 MB heap (250 MB in use), and its output is ' +
        'made in memory: give Node more (NODE_OPTIONS=--max-old-space-size=2048), or use --format json',
    );
    // The heap asked for holds what is expected two and a half times, in whole gigabytes.
    expect(() => checkRoom(1000 * MB, text, { used: 250 * MB, limit })).toThrow('--max-old-space-size=4096)');
  });
});

const dir = mkdtempSync(path.join(os.tmpdir(), 'facts-heap-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.runIf(BUILT)('a report too large for the heap (compiled)', () => {
  it('stops with one line and exit code 2, where it used to end in V8’s fatal error; fits with the default heap', () => {
    // 600 documents' results come to ~100 MB with what the thread starts with (104 MB projected when this was
    // written): more than the 64 MB old generation given (Node reports 112 MB with the young generation).
    const corpus = writeCorpus(ROOT, path.join(dir, 'corpus'), { docs: 600, docBytes: 8000, seed: 5 });
    expect(corpus.docs).toBe(600);
    // SARIF: a report built in memory at any size (a table of this many documents is made from the spool).
    const run = (node: string[]) =>
      spawnSync(process.execPath, [...node, BIN, 'check', 'corpus', '--format', 'sarif', '--jobs', '2', '--fail-on', 'none'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
    const small = run(['--max-old-space-size=64']);
    expect(small.status).toBe(2);
    expect(small.stdout).toBe('');
    expect(small.stderr).toMatch(
      /^facts: the results of these 600 documents would take about \d+ MB of this process’s \d+ MB heap \(\d+ MB after \d+\), and this report is built in memory, which takes as much again: give Node more \(NODE_OPTIONS=--max-old-space-size=\d+\), or use facts extract --format json or ndjson, which are written as they go\n$/,
    );
    // Told from a quarter of the documents, not after all of them.
    const after = Number(/after (\d+)\)/.exec(small.stderr)?.[1]);
    expect(after).toBeLessThan(300);
    const fits = run([]);
    expect(fits.stderr).toBe('');
    expect(fits.status).toBe(0);
    expect((JSON.parse(fits.stdout) as { runs: Array<{ results: unknown[] }> }).runs[0].results.length).toBeGreaterThan(0);
    // The table of the same check is made from the spool: it holds the facts only, and fits the small heap.
    const table = spawnSync(process.execPath, ['--max-old-space-size=64', BIN, 'check', 'corpus', '--jobs', '2', '--fail-on', 'none'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
    expect(table.stderr).toBe('');
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/^Conflicts \(\d+\)/);

    // facts merge checks what the part files hold as it reads them (by bytes read), with a lower share: its results
    // take more to build the report from.
    const part = spawnSync(process.execPath, [BIN, 'extract', '--partial', 'corpus', '--jobs', '2', '--out', 'part.ndjson'], { cwd: dir, encoding: 'utf8' });
    expect(part.status).toBe(0);
    const merge = (node: string[]) =>
      spawnSync(process.execPath, [...node, BIN, 'merge', 'part.ndjson', '--format', 'json'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
    const tight = merge(['--max-old-space-size=64']);
    expect(tight.status).toBe(2);
    expect(tight.stdout).toBe('');
    expect(tight.stderr).toMatch(
      /^facts: the results in these part files \(\d+ MB\) would take about \d+ MB of this process’s \d+ MB heap \(\d+ MB after \d+ MB\), and this report is built in memory, which takes as much again: give Node more \(NODE_OPTIONS=--max-old-space-size=\d+\)\n$/,
    );
    const merged = merge([]);
    expect(merged.stderr).toBe('');
    expect(merged.status).toBe(0);
    expect((JSON.parse(merged.stdout) as { summary: { documents: number } }).summary.documents).toBe(600);
  }, 120_000);
});
