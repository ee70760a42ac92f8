// The streamed report (`facts extract --format json|ndjson`) gives the bytes of the report built in memory
// (buildReport + the config's aliases and ignores + formatJson/formatNdjson), whatever the documents hold, and
// leaves no spool file behind.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aliasReport, aliasResults, applyIgnore, type Ignore } from '../../src/merge/adjust.js';
import { buildReport, extractAll } from '../../src/pipeline.js';
import { readInputs } from '../../src/read/inputs.js';
import { formatJson, formatNdjson } from '../../src/report/json.js';
import { StreamExtractor } from '../../src/stream/extract.js';
import { packResult } from '../../src/stream/pack.js';
import { StreamedReport } from '../../src/stream/report.js';
import { makeSpoolDir, removeSpoolDir } from '../../src/stream/spool.js';
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
    const dir = corpus('clusters', { 'wide.txt': WIDE, 'binary.txt': 'abc\u0000\u0001\u0002def' }, ['seeds', 'fixtures/gold/port-strike']);
    const settings: Settings = {
      aliases: { 'Scale AI': 'Scale', 'Alexandr Wang': 'A. Wang' },
      ignore: { attributes: ['publication date'], codes: ['ROLE_MISMATCH'] },
      tolerance: 0.01,
    };
    writeFileSync(path.join(dir, 'facts.config.json'), JSON.stringify({ aliases: settings.aliases, ignore: settings.ignore }));
    const expected = await inMemory(dir, 'docs/', settings);
    for (const format of ['json', 'ndjson'] as const) {
      const r = await runInProcess(['extract', 'docs/', '--format', format, '--tolerance', '0.01'], { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/docs\/binary\.txt: skipped/);
      expect(r.stdout === expected[format], `${format} differs from the in-memory report`).toBe(true);
    }
    // The aliases and ignores did act: the check above compares something non-trivial.
    const report = JSON.parse(expected.json) as { facts: Array<{ subject: string; attribute: string }>; mentions: Array<{ value: { canonical?: string } }> };
    expect(report.facts.some((f) => f.subject.includes('Scale'))).toBe(true);
    expect(report.facts.some((f) => f.attribute === 'publication date')).toBe(false);
    expect(report.mentions.some((m) => m.value.canonical === 'A. Wang')).toBe(true);
    expect(report.mentions.some((m) => m.value.canonical === 'Ångström-Łukasz')).toBe(false);
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
