// Shards: `facts extract --partial` on any split of the documents, then `facts merge`, gives the bytes of one run.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PARTIAL_FORMAT, PARTIAL_VERSION, parsePartial, withId } from '../../src/shard/partial.js';
import { runInProcess } from '../cli/run.js';
import { shardWorkspace } from './fixture.js';

let cwd = '';
let files: string[] = [];
let single = '';
let singleTable = '';

beforeAll(async () => {
  ({ cwd, files } = shardWorkspace());
  const r = await runInProcess(['extract', 'docs', '--format', 'json'], { cwd });
  expect(r.code).toBe(0);
  single = r.stdout;
  singleTable = (await runInProcess(['extract', 'docs', '--no-color'], { cwd })).stdout;
}, 60_000);

afterAll(() => rmSync(cwd, { recursive: true, force: true }));

async function mergeOf(shards: string[][], format = 'json'): Promise<{ code: number; stdout: string; stderr: string }> {
  const parts: string[] = [];
  for (const [i, shard] of shards.entries()) {
    const r = await runInProcess(['extract', '--partial', ...shard], { cwd });
    expect(r.code).toBe(0);
    const name = `parts/part-${i}.ndjson`;
    mkdirSync(path.join(cwd, 'parts'), { recursive: true });
    writeFileSync(path.join(cwd, name), r.stdout);
    parts.push(name);
  }
  return runInProcess(['merge', ...parts, '--format', format, ...(format === 'table' ? ['--no-color'] : [])], { cwd });
}

describe('facts merge', () => {
  it('the single run really has colliding file names (ids from whole paths)', () => {
    const report = JSON.parse(single) as { documents: Array<{ id: string; path: string }> };
    expect(report.documents).toHaveLength(files.length);
    expect(report.documents.filter((d) => d.id.includes('/')).map((d) => d.path)).toEqual([
      expect.stringMatching(/^docs\/seeds\/002_/),
      expect.stringMatching(/^docs\/twin\/002_/),
    ]);
  });

  it('one shard per document: the same JSON bytes and the same table', async () => {
    const shards = files.map((f) => [f]);
    expect((await mergeOf(shards)).stdout).toBe(single);
    expect((await mergeOf(shards, 'table')).stdout).toBe(singleTable);
  });

  it('any random split of the documents merges to the bytes of one run (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(3), { minLength: files.length, maxLength: files.length }),
        fc.boolean(),
        async (assign, reverse) => {
          const shards: string[][] = [[], [], [], []];
          files.forEach((f, i) => shards[assign[i]].push(f));
          const used = shards.filter((s) => s.length > 0);
          // Part order must not matter either.
          const r = await mergeOf(reverse ? used.reverse() : used);
          expect(r.code).toBe(0);
          expect(r.stdout).toBe(single);
        },
      ),
      { numRuns: 15, seed: 7 },
    );
  }, 120_000);

  it('concatenated part files (one stream from GNU parallel or Spark) merge the same', async () => {
    const a = await runInProcess(['extract', '--partial', ...files.slice(0, 6)], { cwd });
    const b = await runInProcess(['extract', '--partial', ...files.slice(6)], { cwd });
    writeFileSync(path.join(cwd, 'all.ndjson'), a.stdout + b.stdout);
    const r = await runInProcess(['merge', 'all.ndjson', '--format', 'json'], { cwd });
    expect(r.stdout).toBe(single);
  });

  it('refuses a document given to two shards, a file that is not a part, and a newer format version', async () => {
    const dup = await mergeOf([files.slice(0, 3), files.slice(2, 4)]);
    expect(dup.code).toBe(2);
    expect(dup.stderr).toMatch(/in both parts\/part-0\.ndjson and parts\/part-1\.ndjson/);

    writeFileSync(path.join(cwd, 'report.json'), single);
    const notPart = await runInProcess(['merge', 'report.json'], { cwd });
    expect(notPart.code).toBe(2);
    expect(notPart.stderr).toMatch(/report\.json:1: not a JSON line|not a facts partial file/);

    writeFileSync(path.join(cwd, 'future.ndjson'), `${JSON.stringify({ format: PARTIAL_FORMAT, version: PARTIAL_VERSION + 1 })}\n`);
    const future = await runInProcess(['merge', 'future.ndjson'], { cwd });
    expect(future.code).toBe(2);
    expect(future.stderr).toContain(`partial format version ${PARTIAL_VERSION + 1}`);

    const missing = await runInProcess(['merge', 'nope.ndjson'], { cwd });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.ndjson: no such file');
    // Read a line at a time now (a large part is longer than a string): a folder still fails in one line.
    const folder = await runInProcess(['merge', 'docs'], { cwd });
    expect(folder.code).toBe(2);
    expect(folder.stderr).toBe('facts: docs: cannot read (EISDIR)\n');
  });

  it('writes the same bytes to --out as to standard output (in pieces: it may be longer than a string)', async () => {
    const out = await runInProcess(['extract', '--partial', ...files.slice(0, 4), '--out', 'partial-out.ndjson'], { cwd });
    expect(out.code).toBe(0);
    expect(out.stdout).toBe('');
    const piped = await runInProcess(['extract', '--partial', ...files.slice(0, 4)], { cwd });
    expect(piped.stdout.split('\n')).toHaveLength(6);
    expect(readFileSync(path.join(cwd, 'partial-out.ndjson'), 'utf8')).toBe(piped.stdout);
  });

  it('writes each document as it comes, and leaves --out alone when the run stops before extracting', async () => {
    writeFileSync(path.join(cwd, 'kept.ndjson'), 'an earlier part\n');
    const strict = await runInProcess(['extract', '--partial', files[0], 'missing.txt', '--strict', '--out', 'kept.ndjson'], { cwd });
    expect(strict.code).toBe(2);
    expect(readFileSync(path.join(cwd, 'kept.ndjson'), 'utf8')).toBe('an earlier part\n');
    // The skipped file's warning line comes after the documents, as before.
    const lax = await runInProcess(['extract', '--partial', files[0], 'missing.txt'], { cwd });
    expect(lax.code).toBe(0);
    expect(lax.stdout.trimEnd().split('\n').map((l) => (JSON.parse(l) as { type?: string; format?: string }).type ?? 'header')).toEqual(['header', 'document', 'warning']);
  });

  it('the partial file is a header line then one line per document', async () => {
    const r = await runInProcess(['extract', '--partial', files[0], files[1], '--date', '2025-06-18'], { cwd });
    const lines = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toEqual({ format: PARTIAL_FORMAT, version: PARTIAL_VERSION, generator: expect.any(String), referenceDate: '2025-06-18' });
    expect(lines.slice(1).map((l) => l.type)).toEqual(['document', 'document']);
    const parsed = parsePartial(r.stdout, 'x');
    expect(parsed.results.map((d) => d.document.path)).toEqual([files[0], files[1]]);
  });
});

describe('withId', () => {
  it('renames the document and every reference to it, and nothing else', () => {
    const result = {
      document: { id: 'a', path: 'x/a.txt', date: null, dateSource: null },
      mentions: [
        { id: 'a#1', doc: 'a', kind: 'organization', text: 'a', start: 0, end: 1, line: 1, column: 1, value: { canonical: 'a' } },
        {
          id: 'a#2', doc: 'a', kind: 'money', text: 'a#1', start: 2, end: 5, line: 1, column: 3,
          value: { amount: 1, currency: 'USD', min: null, max: null, approximate: false, conversionOf: 'a#1' },
          about: { attribute: 'amount', trigger: null, entities: ['a#1'], qualifier: null },
        },
      ],
      claims: [{ id: 'a#c1', doc: 'a', kind: 'age', text: 'a', start: 0, end: 1, line: 1, column: 1, value: { age: 3 }, about: { attribute: 'age', trigger: null, entities: ['a#1'], qualifier: null } }],
    } as unknown as Parameters<typeof withId>[0];
    const out = withId(result, 'x/a.txt');
    expect(out.document.id).toBe('x/a.txt');
    expect(out.mentions.map((m) => [m.id, m.doc, m.text])).toEqual([['x/a.txt#1', 'x/a.txt', 'a'], ['x/a.txt#2', 'x/a.txt', 'a#1']]);
    expect((out.mentions[1].value as { conversionOf: string }).conversionOf).toBe('x/a.txt#1');
    expect(out.mentions[1].about?.entities).toEqual(['x/a.txt#1']);
    expect(out.claims[0].id).toBe('x/a.txt#c1');
    expect(out.claims[0].about?.entities).toEqual(['x/a.txt#1']);
    expect(out.mentions[0].value).toEqual({ canonical: 'a' });
  });
});
