// The seeds end to end: the report validates against the contract and states the story's one real conflict,
// its agreements, and none of its traps as conflicts.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Fact, type MoneyValue, type PercentValue, Report } from '../../src/model/report.js';
import { buildReport, extractAll, run } from '../../src/pipeline.js';
import { readInputs } from '../../src/read/inputs.js';
import { ROOT } from '../cli/run.js';

let inputs: Array<{ path: string; text: string }>;
let report: Report;
const id = (prefix: string) => report.documents.find((d) => d.id.startsWith(prefix))!.id;
const amounts = (f: Fact) => f.values.map((v) => (v.value as MoneyValue).amount);

beforeAll(async () => {
  inputs = (await readInputs(['seeds'], { cwd: ROOT })).inputs;
  report = run(inputs);
});

describe('the JSON contract', () => {
  it('validates against the zod model, and money/percent fact values are the mentions’ own value objects', () => {
    const parsed = Report.parse(JSON.parse(JSON.stringify(report)));
    expect(parsed.version).toBe(1);
    expect(parsed.summary).toEqual({ documents: 5, mentions: report.mentions.length, facts: report.facts.length, conflicts: 1 });
    const byId = new Map(report.mentions.map((m) => [m.id, m]));
    for (const f of report.facts.filter((f) => f.kind === 'money' || f.kind === 'percent')) {
      for (const v of f.values) expect(v.value).toEqual(byId.get(v.mentions[0])!.value);
    }
  });

  it('gives every mention a line, column and offsets that slice back to its text', () => {
    const texts = new Map(inputs.map((i) => [i.path, i.text]));
    for (const m of report.mentions) {
      const doc = report.documents.find((d) => d.id === m.doc)!;
      const text = texts.get(doc.path)!;
      expect(text.slice(m.start, m.end)).toBe(m.text);
      const before = text.slice(0, m.start).split('\n');
      expect([m.line, m.column]).toEqual([before.length, before[before.length - 1].length + 1]);
    }
  });

  it('finds the documents’ own dates', () => {
    expect(report.documents.map((d) => [d.path, d.date, d.dateSource])).toEqual([
      ['seeds/000_c68eba899d344958.txt', null, null],
      ['seeds/001_64688252fd867e3f.txt', '2025-06-19', 'byline'],
      ['seeds/002_0e629da1930482bc.txt', null, null],
      ['seeds/003_805637547f8b231d.txt', '2025-06-18', 'url'],
      ['seeds/004_3aa42bb0fbb315da.txt', null, null],
    ]);
  });
});

describe('conflicts and agreements', () => {
  it('reports $14.8 billion (001) against $14.3 billion (004) as the only conflict', () => {
    const conflicts = report.facts.filter((f) => f.status === 'conflict');
    expect(conflicts).toHaveLength(1);
    const [c] = conflicts;
    expect(c.conflict).toMatchObject({ code: 'MONEY_MISMATCH', severity: 'error' });
    expect(c.subject).toBe('Meta / Scale AI');
    const side = (amount: number) => c.values.find((v) => (v.value as MoneyValue).amount === amount)!;
    expect(side(14.8e9).docs).toEqual([id('001')]);
    expect(side(14.3e9).docs).toEqual([id('004')]);
    expect((side(14.8e9).value as MoneyValue).currency).toBe('USD');
  });

  it('keeps the vague amounts in the conflicting fact as compatible values', () => {
    const c = report.facts.find((f) => f.status === 'conflict')!;
    const vague = c.values.filter((v) => (v.value as MoneyValue).amount === null).map((v) => [v.text, v.docs]);
    expect(vague).toEqual([
      ['billion-dollar', [id('000')]],
      ['billions of dollars', [id('003')]],
    ]);
  });

  it('agrees on the 49% stake from 001, 002 and 004', () => {
    const stake = report.facts.find((f) => f.kind === 'percent' && f.attribute === 'stake')!;
    expect(stake.status).toBe('agreed');
    expect(stake.values.map((v) => [(v.value as PercentValue).percent, v.docs])).toEqual([[49, [id('001'), id('002'), id('004')]]]);
  });

  it('agrees on June 12 for the announcement from 001 and 002', () => {
    const date = report.facts.find((f) => f.kind === 'date' && f.attribute === 'announcement date')!;
    expect(date.status).toBe('agreed');
    const docs = new Set(date.values.flatMap((v) => v.docs));
    expect(docs.has(id('001')) && docs.has(id('002'))).toBe(true);
  });

  it.each([
    ['Jason Droege', 'interim ceo', ['000', '001', '003', '004']],
    ['Sarah Friar', 'cfo', ['000', '003']],
    ['Alexandr Wang', 'ceo', ['000', '001', '003']],
    ['Alexandr Wang', 'founder', ['002', '004']],
  ])('agrees that %s is %s (%j)', (person, title, docs) => {
    const role = report.facts.find((f) => f.kind === 'role' && f.subject === person)!;
    expect(role.status).toBe('agreed');
    const value = role.values.find((v) => (v.value as { title: string }).title === title)!;
    expect(value.docs).toEqual(docs.map(id));
  });

  it('makes no conflict from the two $100 million (different meanings) or the $200+ advert', () => {
    const hundred = report.facts.filter((f) => f.kind === 'money' && amounts(f).includes(1e8));
    expect(hundred.map((f) => [f.attribute, f.status])).toEqual([
      ['salary or offer', 'single'],
      ['funding round', 'single'],
    ]);
    const advert = report.facts.find((f) => f.kind === 'money' && amounts(f).includes(200))!;
    expect(advert.status).toBe('single');
    expect(advert.values[0].mentions).toHaveLength(2);
  });

  it('makes no conflict between the Wednesday of 003 and the Thursday dateline of 001', () => {
    expect(report.facts.filter((f) => f.kind === 'date' && f.status === 'conflict')).toEqual([]);
    const dateline = report.mentions.find((m) => m.doc === id('001') && m.kind === 'date' && m.line === 3)!;
    expect(dateline.role).toBe('dateline');
  });
});

describe('determinism', () => {
  it('gives byte-identical output whatever the order of the input files', () => {
    const expected = JSON.stringify(report);
    fc.assert(
      fc.property(fc.shuffledSubarray(inputs, { minLength: inputs.length, maxLength: inputs.length }), (shuffled) => {
        expect(JSON.stringify(run(shuffled))).toBe(expected);
      }),
      { numRuns: 8 },
    );
  });

  it('gives the same report when partial results, extracted in any grouping, are merged', () => {
    const expected = JSON.stringify(report);
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: inputs.length, maxLength: inputs.length }), (sides) => {
        const left = inputs.filter((_, i) => sides[i]);
        const right = inputs.filter((_, i) => !sides[i]);
        const merged = buildReport([...extractAll(right), ...extractAll(left)]);
        expect(JSON.stringify(merged)).toBe(expected);
      }),
      { numRuns: 10 },
    );
  });
});
