// A large run in a format that shows only facts (table, CSV, Markdown, GitHub, JUnit), and `facts check` in those
// formats, get their report made from the spool, holding the facts only: the output must be the in-memory report's.
// Through the compiled CLI, on a corpus past the size where extraction takes workers (the route that chooses it).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../scripts/bench-corpus.js';
import type { Report } from '../../src/model/report.js';
import { MIN_PARALLEL_BYTES, MIN_PARALLEL_DOCS } from '../../src/parallel/pool.js';
import { FACTS_ONLY, type FormatName, FORMATTERS } from '../../src/report/index.js';
import { DEFAULT_FORMAT_OPTIONS } from '../../src/report/types.js';
import { BUILT, ROOT, runBuilt } from '../cli/run.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'facts-only-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const facts = (args: string[]) => runBuilt(dir, args);

describe.runIf(BUILT)('a large table, CSV… run and its check (compiled)', () => {
  it('print what the in-memory report gives, with one job and two; the check judges and records the same conflicts', () => {
    const corpus = writeCorpus(ROOT, path.join(dir, 'corpus'), { docs: MIN_PARALLEL_DOCS + 5, docBytes: 19_000, seed: 4 });
    expect(corpus.bytes).toBeGreaterThan(MIN_PARALLEL_BYTES);
    // Files that are skipped, first and last in path order: their warnings come as the in-memory run gives them.
    writeFileSync(path.join(dir, 'corpus', '0-empty.txt'), '');
    writeFileSync(path.join(dir, 'corpus', 'zz-binary.txt'), 'abc\u0000def');
    const json = facts(['extract', 'corpus', '--format', 'json', '--jobs', '2']);
    expect(json.status, json.stderr).toBe(0);
    const skipped = /^facts: corpus\/0-empty\.txt: .+\nfacts: corpus\/zz-binary\.txt: .+\n$/;
    expect(json.stderr).toMatch(skipped);
    const report = JSON.parse(json.stdout) as Report;
    expect(report.summary.conflicts).toBeGreaterThan(0);
    const expected = (format: FormatName, options = {}) =>
      FORMATTERS[format](report, { ...DEFAULT_FORMAT_OPTIONS, ...options });

    for (const format of FACTS_ONLY) {
      const out = facts(['extract', 'corpus', '--format', format, '--jobs', '2']);
      expect(out.status, out.stderr).toBe(0);
      expect(out.stderr).toBe(json.stderr);
      expect(out.stdout === expected(format), `${format} differs`).toBe(true);
    }
    for (const [flags, options] of [[['-v'], { verbose: true }], [['--jobs', '1'], {}]] as const) {
      const out = facts(['extract', 'corpus', '--jobs', '2', ...flags]);
      expect(out.status, out.stderr).toBe(0);
      expect(out.stdout === expected('table', options), `table ${flags.join(' ')} differs`).toBe(true);
    }

    // The in-memory run (HTML is built in memory at any size) warns alike.
    expect(facts(['extract', 'corpus', '--format', 'html', '--jobs', '2']).stderr).toBe(json.stderr);

    // check: exit 1 on the conflicts, shown as the quiet table.
    const check = facts(['check', 'corpus', '--jobs', '2']);
    expect(check.status).toBe(1);
    expect(check.stdout === expected('table', { quiet: true })).toBe(true);
    // The baseline recorded from the spool's facts is the one recorded from the in-memory report (SARIF is built in
    // memory at any size), and accepting it passes.
    expect(facts(['check', 'corpus', '--jobs', '2', '--write-baseline', 'spool.json']).status).toBe(0);
    expect(facts(['check', 'corpus', '--jobs', '2', '--format', 'sarif', '--write-baseline', 'memory.json']).status).toBe(0);
    const baseline = readFileSync(path.join(dir, 'spool.json'), 'utf8');
    expect(baseline).toBe(readFileSync(path.join(dir, 'memory.json'), 'utf8'));
    expect((JSON.parse(baseline) as { conflicts: unknown[] }).conflicts.length).toBeGreaterThan(0);
    const known = facts(['check', 'corpus', '--jobs', '2', '--baseline', 'spool.json', '--format', 'github']);
    expect(known.status).toBe(0);
    expect(known.stderr.startsWith(json.stderr)).toBe(true);
    expect(known.stderr.slice(json.stderr.length)).toMatch(/^facts: spool\.json: \d+ known conflicts? not reported\n$/);
    expect(known.stdout).toBe('');
  }, 120_000);
});
