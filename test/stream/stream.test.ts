// The streamed report (`facts extract --format json|ndjson`) gives the bytes of the report built in memory
// (buildReport + the config's aliases and ignores + formatJson/formatNdjson), whatever the documents hold, and
// leaves no spool file behind.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aliasReport, aliasResults, applyIgnore, type Ignore } from '../../src/merge/adjust.js';
import { buildReport, documentInputs, extractAll } from '../../src/pipeline.js';
import { readInputs } from '../../src/read/inputs.js';
import type { Report } from '../../src/model/report.js';
import { formatJson, formatNdjson } from '../../src/report/json.js';
import { StreamExtractor } from '../../src/stream/extract.js';
import { bucketRanges, type FactsPart, mergeParts, planFacts, readReach } from '../../src/stream/facts.js';
import { packResult } from '../../src/stream/pack.js';
import { StreamedReport } from '../../src/stream/report.js';
import { makeSpoolDir, removeSpoolDir, SpoolReader, SpoolWriter } from '../../src/stream/spool.js';
import { ROOT, runInProcess } from '../cli/run.js';

const work = mkdtempSync(path.join(os.tmpdir(), 'facts-stream-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// A private TMPDIR for each test, so "no spool left behind" looks at this run's files only.
let tmp = '';
const savedTmp = process.env.TMPDIR;
beforeEach(() => {
  tmp = mkdtempSync(path.join(work, 'tmp-'));
  process.env.TMPDIR = tmp;
});
afterEach(() => {
  if (savedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmp;
});

interface Settings {
  aliases?: Record<string, string>;
  ignore?: Ignore;
  tolerance?: number;
}

/** The report built in memory, as the non-streamed formats get it. */
async function inMemory(cwd: string, target: string, settings: Settings = {}): Promise<{ json: string; ndjson: string }> {
  const read = await readInputs([target], { cwd });
  const aliases = settings.aliases ?? {};
  const results = aliasResults(extractAll(read.inputs), aliases);
  const report = applyIgnore(aliasReport(buildReport(results, { tolerance: settings.tolerance ?? 0 }, read.warnings), aliases), settings.ignore);
  return { json: formatJson(report), ndjson: formatNdjson(report) };
}

function corpus(name: string, files: Record<string, string>, folders: string[] = []): string {
  const dir = path.join(work, name);
  mkdirSync(path.join(dir, 'docs'), { recursive: true });
  for (const f of folders) cpSync(path.join(ROOT, f), path.join(dir, 'docs', path.basename(f)), { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(dir, 'docs', file), text);
  return dir;
}

// Names and quotes with characters of two, three and four bytes, so 64 KB pieces of the spool cut through them.
const WIDE = Array.from(
  { length: 400 },
  (_, i) =>
    `Zoë Ångström-Łukasz ${i} of Ærøskøbing Shipping said on Tuesday that the company would pay €${i + 1}.5 million, ` +
    `a ${i % 90}% premium. “We are pleased — 非常に 😀,” Ångström-Łukasz said.`,
).join('\n');

describe('facts extract --format json|ndjson (streamed)', () => {
  it('gives the in-memory report byte for byte, with aliases, ignores and a tolerance', async () => {
    // Two stories that share no one: their figures that name no one are not one fact (the in-memory report's
    // stories, util/stories.ts, must be the streamed report's).
    const stories = {
      'storm.txt': 'Published: 2025-06-09\n\nGulf Power said crews restored lines in Mobile.\n\nForecasters expect more rain. About 12 percent of homes were damaged.\n',
      'trial.txt': 'Published: 2025-06-10\n\nCorvia Bio said its drug worked in patients.\n\nSide effects were rare. About 12 percent of patients had headaches.\n',
    };
    const dir = corpus('clusters', { 'wide.txt': WIDE, 'binary.txt': 'abc\u0000\u0001\u0002def', ...stories }, ['seeds', 'fixtures/gold/port-strike']);
    const settings: Settings = {
      aliases: { 'Scale AI': 'Scale', 'Alexandr Wang': 'A. Wang' },
      ignore: { attributes: ['publication date'], codes: ['ROLE_MISMATCH'] },
      tolerance: 0.01,
    };
    writeFileSync(path.join(dir, 'facts.config.json'), JSON.stringify({ aliases: settings.aliases, ignore: settings.ignore }));
    const expected = await inMemory(dir, 'docs/', settings);
    // Three jobs: the facts are built over three ranges of buckets and merged back into one order.
    for (const format of ['json', 'ndjson'] as const) {
      for (const jobs of ['1', '3']) {
        const r = await runInProcess(['extract', 'docs/', '--format', format, '--tolerance', '0.01', '--jobs', jobs], { cwd: dir });
        expect(r.code, r.stderr).toBe(0);
        expect(r.stderr).toMatch(/docs\/binary\.txt: skipped/);
        expect(r.stdout === expected[format], `${format} with ${jobs} jobs differs from the in-memory report`).toBe(true);
      }
    }
    // The aliases and ignores did act: the check above compares something non-trivial.
    const report = JSON.parse(expected.json) as { facts: Array<{ subject: string; attribute: string }>; mentions: Array<{ value: { canonical?: string } }> };
    expect(report.facts.some((f) => f.subject.includes('Scale'))).toBe(true);
    expect(report.facts.some((f) => f.attribute === 'publication date')).toBe(false);
    expect(report.mentions.some((m) => m.value.canonical === 'A. Wang')).toBe(true);
    expect(report.mentions.some((m) => m.value.canonical === 'Ångström-Łukasz')).toBe(false);
    const twelve = (report as unknown as { facts: Array<{ subject: string; status: string; values: Array<{ docs: string[]; value: { percent?: number } }> }> }).facts.filter(
      (f) => f.subject === '(unknown)' && f.values.some((v) => v.value.percent === 12 && v.docs.some((d) => d === 'storm' || d === 'trial')),
    );
    expect(twelve.map((f) => [f.status, f.values.flatMap((v) => v.docs)])).toEqual([
      ['single', ['storm']],
      ['single', ['trial']],
    ]);
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('writes --out atomically with the same bytes, and an empty run or a failed write leaves no spool behind', async () => {
    const dir = corpus('out', {}, ['seeds']);
    const expected = await inMemory(dir, 'docs/');
    const ok = await runInProcess(['extract', 'docs/', '--format', 'json', '--out', 'report.json'], { cwd: dir });
    expect(ok.code, ok.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'report.json'), 'utf8') === expected.json).toBe(true);
    const bad = await runInProcess(['extract', 'docs/', '--format', 'json', '--out', 'missing/folder/report.json'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^facts: missing\/folder\/report\.json: cannot write \(ENOENT\)/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    const none = await runInProcess(['extract', 'docs/nothing-here', '--format', 'json'], { cwd: dir });
    expect(none.code).toBe(2);
    expect(none.stdout).toBe('');
    const strict = await runInProcess(['extract', 'docs/', 'docs/missing.txt', '--format', 'ndjson', '--strict'], { cwd: dir });
    expect(strict.code).toBe(2);
    expect(strict.stdout).toBe('');
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('fills names in a mention whose text spells a slot token (the whole-mention fallback)', async () => {
    // Files with NUL bytes are skipped as binary, so this text can only come from a library caller.
    const token = '\u0000facts-slot-speaker\u0000';
    const text = `Acme Corp said on Monday it would pay $5 million for Globex Inc, hiring Jane Doe.\nJane Doe said: “${token}”\nJane Doe, 52, later said “We will grow.”`;
    const inputs = [{ path: 'a.txt', text }, { path: 'b.txt', text: 'Jane Doe of Acme Corp said revenue rose 3% to $7 million.' }];
    const expected = buildReport(extractAll(inputs));
    // The packed text falls back to a whole-mention slot for that quote, and only for it.
    const packed = packResult(extractAll(inputs)[0], 'json');
    expect(packed.mentions.join('').match(/\u0001\["m"/g)).toHaveLength(1);
    for (const style of ['json', 'ndjson'] as const) {
      const dir = makeSpoolDir();
      try {
        const report = new StreamedReport({ style, dir });
        const here = new StreamExtractor({ style, options: {}, dir }, 't0');
        const docs = [
          { index: 0, id: 'a', path: 'a.txt', input: { ...inputs[0], id: 'a' } },
          { index: 1, id: 'b', path: 'b.txt', input: { ...inputs[1], id: 'b' } },
        ];
        for (const task of docs) report.add(await here.run(task));
        here.close();
        const chunks: Buffer[] = [];
        const summary = await report.write((chunk) => chunks.push(Buffer.from(chunk)), ['t0']);
        const out = Buffer.concat(chunks).toString('utf8');
        expect(out === (style === 'json' ? formatJson(expected) : formatNdjson(expected)), `${style} differs`).toBe(true);
        expect(summary).toEqual(expected.summary);
      } finally {
        removeSpoolDir(dir);
      }
    }
    const quote = expected.mentions.find((m) => m.kind === 'quote' && m.value.quote === token);
    expect(quote?.kind === 'quote' && quote.value.speakerCanonical).toBe('Jane Doe');
  });
});

describe('StreamedReport.collect (the report of a large table, CSV… run)', () => {
  it('gives the in-memory report without its mentions and claims: documents, facts, summary and warnings', async () => {
    // Four hundred sources of one fact: its line in the facts spool is longer than a piece the reader gives.
    const many = Object.fromEntries(
      Array.from({ length: 400 }, (_, i) => [`many-${String(i).padStart(3, '0')}.txt`, `Acme Corp agreed on Tuesday to pay $5 million for Globex Inc, the companies said in filing ${i}.`]),
    );
    const dir = corpus('collect', { 'wide.txt': WIDE, 'binary.txt': 'abc\u0000def', ...many }, ['seeds', 'fixtures/gold/port-strike']);
    const settings: Settings = { aliases: { 'Scale AI': 'Scale' }, ignore: { attributes: ['publication date'] }, tolerance: 0.01 };
    const expected = JSON.parse((await inMemory(dir, 'docs/', settings)).json) as Report;
    expect(Math.max(...expected.facts.map((f) => JSON.stringify(f).length))).toBeGreaterThan(64 * 1024);
    expect(expected.warnings?.length).toBe(1);
    const read = await readInputs(['docs/'], { cwd: dir });
    const docs = documentInputs(read.inputs);
    for (const style of ['ndjson', 'json'] as const) {
      const spool = makeSpoolDir();
      try {
        const report = new StreamedReport({ style, dir: spool, jobs: 2, aliases: settings.aliases, ignore: settings.ignore, tolerance: 0.01, warnings: read.warnings });
        const threads = [new StreamExtractor({ style, options: {}, dir: spool }, 't0'), new StreamExtractor({ style, options: {}, dir: spool }, 't1')];
        for (const [index, input] of docs.entries()) report.add(await threads[index % 2].run({ index, id: input.id, path: input.path, input }));
        for (const t of threads) t.close();
        let told = -1;
        const got = await report.collect(['t0', 't1'], (bytes) => {
          told = bytes;
        });
        expect(got).toEqual({ ...expected, mentions: [], claims: [] });
        // The room asked for is the kept facts' lines, about what their JSON takes.
        const json = expected.facts.reduce((n, f) => n + Buffer.byteLength(JSON.stringify(f)), 0);
        expect(told).toBeGreaterThan(json);
        expect(told).toBeLessThan(json * (style === 'ndjson' ? 1.1 : 3));
      } finally {
        removeSpoolDir(spool);
      }
    }
  }, 60_000);

  it('ends with the error of a refused room', async () => {
    const dir = corpus('refused', {}, ['seeds']);
    const read = await readInputs(['docs/'], { cwd: dir });
    const spool = makeSpoolDir();
    try {
      const report = new StreamedReport({ style: 'ndjson', dir: spool });
      const here = new StreamExtractor({ style: 'ndjson', options: {}, dir: spool }, 't0');
      for (const [index, input] of documentInputs(read.inputs).entries()) report.add(await here.run({ index, id: input.id, path: input.path, input }));
      here.close();
      await expect(
        report.collect(['t0'], () => {
          throw new Error('no room');
        }),
      ).rejects.toThrow('no room');
    } finally {
      removeSpoolDir(spool);
    }
  });
});

describe('facts read through windows', () => {
  it('give the same report when no item file is read into memory, items spread over two threads', async () => {
    const dir = corpus('windows', { 'wide.txt': WIDE }, ['seeds', 'fixtures/gold/port-strike', 'fixtures/gold/biotech-deal']);
    const read = await readInputs(['docs/'], { cwd: dir });
    const expected = await inMemory(dir, 'docs/');
    const docs = documentInputs(read.inputs);
    for (const inMemoryBytes of [undefined, 0]) {
      const spool = makeSpoolDir();
      try {
        const report = new StreamedReport({ style: 'json', dir: spool, jobs: 2, ...(inMemoryBytes !== undefined ? { inMemoryBytes } : {}) });
        // Two extraction threads take the documents in turn, as the pool's workers do: a group's items lie in both.
        const threads = [new StreamExtractor({ style: 'json', options: {}, dir: spool }, 't0'), new StreamExtractor({ style: 'json', options: {}, dir: spool }, 't1')];
        for (const [index, input] of docs.entries()) report.add(await threads[index % 2].run({ index, id: input.id, path: input.path, input }));
        for (const t of threads) t.close();
        const chunks: Buffer[] = [];
        await report.write((chunk) => chunks.push(Buffer.from(chunk)), ['t0', 't1']);
        expect(Buffer.concat(chunks).toString('utf8') === expected.json, `inMemoryBytes ${inMemoryBytes} differs from the in-memory report`).toBe(true);
      } finally {
        removeSpoolDir(spool);
      }
    }
    expect((JSON.parse(expected.json) as { facts: unknown[] }).facts.length).toBeGreaterThan(100);
  });
});

describe('facts built over ranges of buckets', () => {
  it('splits the buckets into consecutive ranges of about the same size, never more than asked', () => {
    expect(bucketRanges([5, 5, 5, 5], 2)).toEqual([
      [0, 2],
      [2, 4],
    ]);
    expect(bucketRanges([1, 1, 10, 1, 1, 1], 2)).toEqual([
      [0, 3],
      [3, 6],
    ]);
    expect(bucketRanges([0, 0, 0], 4)).toEqual([[0, 3]]);
    expect(bucketRanges([3, 0, 0, 0], 3)).toEqual([[0, 4]]);
    expect(bucketRanges([1, 1, 1], 1)).toEqual([[0, 3]]);
    // Every split covers each bucket once, in order.
    for (const n of [1, 2, 3, 5, 40]) {
      const sizes = Array.from({ length: 32 }, (_, b) => (b * 7919) % 13);
      const ranges = bucketRanges(sizes, n);
      expect(ranges.length).toBeLessThanOrEqual(n);
      expect(ranges[0][0]).toBe(0);
      expect(ranges.at(-1)![1]).toBe(32);
      ranges.slice(1).forEach((r, k) => expect(r[0]).toBe(ranges[k][1]));
      for (const r of ranges) expect(r[1]).toBeGreaterThan(r[0]);
    }
  });

  it('builds small runs in this thread, and gives workers fewer ranges when their heaps would pass the budget', () => {
    const MB = 1 << 20;
    // Under 1 MB of items: in this thread, range after range.
    expect(planFacts(Array.from({ length: 32 }, () => 1000), 2)).toEqual({ inThread: true, ranges: bucketRanges(Array.from({ length: 32 }, () => 1000), 2) });
    // 16 MB in even buckets: two workers of ~97 MB each fit the 256 MB budget; a third would not (3 × 96 MB floors).
    const even = Array.from({ length: 32 }, () => MB / 2);
    expect(planFacts(even, 2)).toEqual({ inThread: false, ranges: [[0, 16], [16, 32]] });
    expect(planFacts(even, 4).ranges).toEqual([[0, 16], [16, 32]]);
    expect(planFacts(even, 1).ranges).toEqual([[0, 32]]);
    // One 30 MB bucket: 96 + 45 and 96 + 0.75 MB still fit, so two ranges.
    const giant = even.map((x, b) => (b === 5 ? 30 * MB : x));
    expect(planFacts(giant, 2).ranges).toHaveLength(2);
    // Two 25 MB buckets in different ranges: 2 × (96 + 37.5) MB passes the budget, so one worker builds everything.
    const twoGiants = even.map((x, b) => (b === 5 || b === 25 ? 25 * MB : x));
    expect(bucketRanges(twoGiants, 2)).toHaveLength(2);
    expect(planFacts(twoGiants, 2)).toEqual({ inThread: false, ranges: [[0, 32]] });
  });

  it('merges the ranges by sort key, equal keys in range order', () => {
    const part = (keys: string[], at: number[]): FactsPart => ({
      keys,
      at: Float64Array.from(at),
      length: Float64Array.from(at.map(() => 1)),
      flags: Uint8Array.from(at.map((a) => a % 4)),
    });
    const merged = mergeParts([part(['a', 'c', 'c', 'e'], [10, 11, 12, 13]), part(['b', 'c', 'd'], [20, 21, 22])], ['facts-0', 'facts-1']);
    expect([...merged.at]).toEqual([10, 20, 11, 12, 21, 22, 13]);
    expect([...merged.spool]).toEqual([0, 1, 0, 0, 1, 1, 0]);
    expect([...merged.flags]).toEqual([2, 0, 3, 0, 1, 2, 1]);
    expect(merged.spools).toEqual(['facts-0', 'facts-1']);
  });
});

describe('SpoolWriter.appendAll', () => {
  it('writes the pieces in order, short ones joined and long ones alone, and says where they all went', () => {
    // Pieces up to ~70,000 characters (past the 21,845 that one write copies into its 64 KB buffer), in 1- to 3-byte
    // characters and pairs, so joined runs end on both sides of that bound.
    const piece = fc.oneof(
      { weight: 6, arbitrary: fc.string({ unit: fc.constantFrom('a', 'é', '€', '😀', '\n'), maxLength: 40 }) },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom('x', 'é', '€'), fc.integer({ min: 5_000, max: 70_000 })).map(([c, n]) => c.repeat(n)) },
    );
    fc.assert(
      fc.property(fc.array(fc.array(piece, { maxLength: 60 }), { minLength: 1, maxLength: 4 }), (calls) => {
        const dir = makeSpoolDir();
        try {
          const w = new SpoolWriter(dir, 'pieces');
          const segments = calls.map((texts) => w.appendAll(texts));
          w.close();
          const file = readFileSync(path.join(dir, 'pieces'));
          let at = 0;
          calls.forEach((texts, k) => {
            const length = Buffer.byteLength(texts.join(''));
            expect(segments[k]).toEqual({ file: 'pieces', at, length });
            expect(file.subarray(at, at + length).toString('utf8')).toBe(texts.join(''));
            at += length;
          });
          expect(file.length).toBe(at);
        } finally {
          removeSpoolDir(dir);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('SpoolReader.fields', () => {
  it('gives each line up to its third tab and where the line is, read through windows or from memory alike', () => {
    const dir = makeSpoolDir();
    try {
      const w = new SpoolWriter(dir, 'items');
      const lines = ['1\t"money"\t[[],null]\t{"a":1}', '', '22\t"Zoë\u0000€"\t[[["person","Ærø"]],"2025"]\t{"b":"😀\tx"}', 'no tabs here', '3\tonly\ttwo'];
      w.append(`${lines.join('\n')}\n`);
      w.close();
      const expected = [
        { fields: '1\t"money"\t[[],null]', at: { file: 'items', at: 0, length: Buffer.byteLength(lines[0]) } },
        { fields: '22\t"Zoë\u0000€"\t[[["person","Ærø"]],"2025"]', at: { file: 'items', at: Buffer.byteLength(lines[0]) + 2, length: Buffer.byteLength(lines[2]) } },
        { fields: 'no tabs here', at: { file: 'items', at: Buffer.byteLength(lines.slice(0, 3).join('\n')) + 1, length: 12 } },
        { fields: '3\tonly\ttwo', at: { file: 'items', at: Buffer.byteLength(lines.slice(0, 4).join('\n')) + 1, length: 10 } },
      ];
      for (const cap of [0, 1 << 20]) {
        const r = new SpoolReader(dir);
        r.load('items', cap);
        expect([...r.fields('items', 3)]).toEqual(expected);
        // An item read back by its place is the whole line, from memory or through a window.
        expect(r.readNear(expected[1].at)).toBe(lines[2]);
        r.close();
      }
    } finally {
      removeSpoolDir(dir);
    }
  });

  it('reads a file of several megabytes through its buffer as from memory: lines across its pieces, one longer than a piece', () => {
    const dir = makeSpoolDir();
    try {
      const w = new SpoolWriter(dir, 'big');
      const lines: string[] = [];
      for (let i = 0; i < 9000; i++) lines.push(`${i}\t"date\u0000é"\t[[["person","N${i % 97}"]],null]\t{"s":"${'x€'.repeat(i % 211)}"}`);
      // A line of 1.5 MB (longer than the 1 MB pieces), then more short ones after it.
      lines.splice(4000, 0, `4000.5\t"h"\t[[],null]\t{"s":"${'y'.repeat(1_500_000)}"}`);
      w.append(`${lines.join('\n')}\n`);
      w.close();
      const windowed = new SpoolReader(dir);
      const loaded = new SpoolReader(dir);
      loaded.load('big', 1 << 30);
      const got = [...windowed.fields('big', 3)];
      expect(got).toEqual([...loaded.fields('big', 3)]);
      expect(got).toHaveLength(9001);
      expect(got[4000].fields).toBe('4000.5\t"h"\t[[],null]');
      expect(got[4000].at.length).toBe(Buffer.byteLength(lines[4000]));
      expect(got[8999].fields).toBe('8998\t"date\u0000é"\t[[["person","N74"]],null]');
      // Each place holds its whole line.
      for (const k of [0, 3999, 4000, 4001, 9000]) expect(windowed.readNear(got[k].at)).toBe(lines[k]);
      windowed.close();
      loaded.close();
    } finally {
      removeSpoolDir(dir);
    }
  });
});

describe('readReach', () => {
  it('reaches, per file, to the end of the last item one window read can also serve', () => {
    const items = [
      { file: 'a', at: 0, length: 10 },
      { file: 'b', at: 0, length: 5 },
      { file: 'a', at: 50, length: 10 },
      { file: 'a', at: 95, length: 10 },
      { file: 'b', at: 500, length: 5 },
      { file: 'a', at: 300, length: 10 },
    ];
    expect(readReach(items, 100)).toEqual([60, 5, 105, 105, 505, 310]);
    // An item longer than the window reaches its own end.
    expect(readReach([{ file: 'a', at: 0, length: 300 }], 100)).toEqual([300]);
  });

  it('lets readNear give every item of a group exactly, reads cut short or not', () => {
    const dir = makeSpoolDir();
    try {
      const w = new SpoolWriter(dir, 'items');
      const lines = Array.from({ length: 3000 }, (_, i) => `${i}\t"h"\t[[],null]\t{"t":"${'é'.repeat(i % 53)}"}`);
      w.append(`${lines.join('\n')}\n`);
      w.close();
      const all = [...new SpoolReader(dir).fields('items', 3)].map((f) => f.at);
      // Scattered items (every 97th) and a dense run, as groups are read.
      for (const group of [all.filter((_, i) => i % 97 === 0), all.slice(1000, 1400)]) {
        const r = new SpoolReader(dir);
        const reach = readReach(group);
        expect(group.map((at, i) => r.readNear(at, reach[i]))).toEqual(group.map((at) => lines[all.indexOf(at)]));
        r.close();
      }
    } finally {
      removeSpoolDir(dir);
    }
  });
});
