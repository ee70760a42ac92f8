// The worker pool: --jobs changes the speed, never the bytes. Run through the compiled CLI (workers need dist/), on a
// corpus just big enough to be spread (≥ 50 documents and ≥ 1 MB); in-process from sources it stays in one thread.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../scripts/bench-corpus.js';
import type { DocumentResult } from '../../src/extract/document.js';
import { documentInputs, extractAll } from '../../src/pipeline.js';
import { extractEach, MIN_PARALLEL_BYTES, MIN_PARALLEL_DOCS, plannedJobs } from '../../src/parallel/pool.js';
import { BIN, BUILT, ROOT, runBuilt } from '../cli/run.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'facts-pool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const facts = (args: string[]) => runBuilt(dir, args);

describe.runIf(BUILT)('facts extract --jobs (compiled)', () => {
  it('gives byte-identical JSON and tables with 1, 2 and 3 jobs, and mergeable partial lines', () => {
    // Few long documents: past both thresholds at the least cost to the test run.
    const corpus = writeCorpus(ROOT, path.join(dir, 'corpus'), { docs: MIN_PARALLEL_DOCS + 5, docBytes: 19_000, seed: 11 });
    expect(corpus.docs).toBe(MIN_PARALLEL_DOCS + 5);
    expect(corpus.bytes).toBeGreaterThan(MIN_PARALLEL_BYTES);
    const one = facts(['extract', 'corpus', '--format', 'json', '--jobs', '1']);
    expect(one.status, one.stderr).toBe(0);
    const report = JSON.parse(one.stdout) as { summary: { documents: number; mentions: number } };
    expect(report.summary.documents).toBe(MIN_PARALLEL_DOCS + 5);
    expect(report.summary.mentions).toBeGreaterThan((MIN_PARALLEL_DOCS + 5) * 100);
    for (const jobs of ['2', '3']) {
      const many = facts(['extract', 'corpus', '--format', 'json', '--jobs', jobs]);
      expect(many.status, many.stderr).toBe(0);
      expect(many.stdout === one.stdout, `--jobs ${jobs} differs from --jobs 1`).toBe(true);
    }
    // Node run with V8 flags (a larger heap, as a user may give for a large corpus): the workers, which may not be
    // given them, inherit them.
    const flagged = spawnSync(process.execPath, ['--max-old-space-size=2048', '--stack-size=900', BIN, 'extract', 'corpus', '--format', 'json', '--jobs', '2'], {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    });
    expect(flagged.stderr).toBe('');
    expect(flagged.status).toBe(0);
    expect(flagged.stdout === one.stdout, 'node --max-old-space-size … --jobs 2 differs from --jobs 1').toBe(true);
    const table1 = facts(['check', 'corpus', '--format', 'table', '--jobs', '1', '--fail-on', 'none']);
    const table2 = facts(['check', 'corpus', '--format', 'table', '--jobs', '2', '--fail-on', 'none']);
    expect(table1.status).toBe(0);
    expect(table2.stdout === table1.stdout).toBe(true);
    const part = spawnSync('/bin/sh', ['-c', `"${process.execPath}" "${BIN}" extract --partial corpus --jobs 2 > part.ndjson`], { cwd: dir });
    expect(part.status).toBe(0);
    expect(facts(['merge', 'part.ndjson', '--format', 'json']).stdout === one.stdout).toBe(true);
  }, 240_000);

  it('rejects --jobs that is not a whole number from 1', () => {
    for (const bad of ['0', '-1', '1.5', 'many']) {
      const r = facts(['extract', 'corpus', '--jobs', bad]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/--jobs|whole number/);
    }
  });
});

describe('plannedJobs and the in-process pool', () => {
  const doc = (i: number, size: number) => ({ id: `d${i}`, path: `d${i}.txt`, text: 'x'.repeat(size) });

  it('keeps small inputs in one thread', () => {
    const few = Array.from({ length: MIN_PARALLEL_DOCS - 1 }, (_, i) => doc(i, MIN_PARALLEL_BYTES));
    const small = Array.from({ length: 200 }, (_, i) => doc(i, 100));
    expect(plannedJobs(few, 4)).toBe(1);
    expect(plannedJobs(small, 4)).toBe(1);
    expect(plannedJobs(small, 1)).toBe(1);
  });

  it('from TypeScript sources, runs in one thread and gives what extractAll gives', async () => {
    const inputs = [
      { path: 'a/x.txt', text: 'Acme Corp said on Monday it would pay $5 million for Globex Inc, a 12% premium.' },
      { path: 'b/x.txt', text: 'Globex Inc shares rose 3% on Tuesday.' },
    ];
    const docs = documentInputs(inputs);
    expect(docs.map((d) => d.id)).toEqual(['a/x.txt', 'b/x.txt']);
    expect(plannedJobs(docs, 4)).toBe(1);
    let progress = 0;
    const results: DocumentResult[] = [];
    await extractEach(docs, { jobs: 4, referenceDate: '2025-06-18', onProgress: (n) => (progress = n) }, (i, r) => {
      results[i] = r;
    });
    expect(progress).toBe(2);
    expect(JSON.stringify(results)).toBe(JSON.stringify(extractAll(inputs, { referenceDate: '2025-06-18' })));
    expect(results[0].mentions.find((m) => m.kind === 'money')?.value).toMatchObject({ amount: 5e6, currency: 'USD' });
  });
});
