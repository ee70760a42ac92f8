// Baselines: keyed by subject, attribute and the clashing values, so line moves and rewordings keep an entry known.
import { describe, expect, it } from 'vitest';
import { applyBaseline, conflictSides, makeBaseline, normalValue } from '../../src/merge/baseline.js';
import type { Fact } from '../../src/model/report.js';
import { AGREED, conflictReport, MONEY_CONFLICT, SINGLE, TITLE_CONFLICT } from '../report/conflict-report.js';

describe('conflictSides', () => {
  it('leaves out a vague value that fits both sides', () => {
    expect(conflictSides(MONEY_CONFLICT).map((v) => v.text)).toEqual(['$2.5 billion', '$2.1 billion']);
  });
  it('takes every value when no rule knows the kind', () => {
    expect(conflictSides(TITLE_CONFLICT)).toHaveLength(2);
  });
  it('never throws on values the rule cannot read', () => {
    const odd: Fact = { ...MONEY_CONFLICT, values: MONEY_CONFLICT.values.map((v) => ({ ...v, value: 'garbled' })) };
    expect(conflictSides(odd)).toHaveLength(3);
  });
});

describe('normalValue', () => {
  it.each<[string, unknown, string]>([
    ['money', { amount: 14.8e9, currency: 'USD', min: 14.8e9, max: 14.8e9, approximate: false }, 'USD 14800000000'],
    ['money', { amount: null, currency: 'USD', min: 1e9, max: null, approximate: true }, '≥ USD 1000000000'],
    ['money', { amount: null, currency: 'EUR', min: 1e6, max: 2e6, approximate: true }, 'EUR 1000000..2000000'],
    ['money', { amount: 5e6, currency: 'GBP', min: null, max: null, approximate: true }, '≈ GBP 5000000'],
    ['percent', { percent: 49 }, '49%'],
    ['percent', { percent: 50, approximate: true }, '≈ 50%'],
    ['date', { iso: '2025-06-10', from: '2025-06-10', to: '2025-06-10', granularity: 'day', relative: true }, '2025-06-10'],
    ['date', { iso: null, from: '2025-06-11', to: '2025-06-20', granularity: 'part-of-month' }, '2025-06-11..2025-06-20'],
    ['title', 'chief executive', 'chief executive'],
    ['role', { org: 'Acme', title: 'cfo' }, '{"org":"Acme","title":"cfo"}'],
    ['role', { title: 'cfo', org: 'Acme' }, '{"org":"Acme","title":"cfo"}'],
  ])('%s %j → %s', (kind, value, expected) => {
    expect(normalValue(kind, value)).toBe(expected);
  });
});

describe('makeBaseline and applyBaseline', () => {
  const report = conflictReport();
  const baseline = makeBaseline(report);

  it('records each conflict by code, subject, attribute and sorted values, sorted', () => {
    expect(baseline).toEqual({
      version: 1,
      conflicts: [
        { code: 'MONEY_MISMATCH', subject: 'Acme / Globex', attribute: 'deal value', values: ['USD 2100000000', 'USD 2500000000'], texts: ['$2.1 billion', '$2.5 billion'] },
        { code: 'TITLE_MISMATCH', subject: 'Jo, "The Boss" <Smith>', attribute: 'role', values: ['chair: 50%', 'chief executive'], texts: ['chair: 50%', 'chief executive'] },
      ],
    });
  });

  it('drops known conflicts, recounts the summary, and finds nothing stale', () => {
    const result = applyBaseline(report, baseline);
    expect(result.report.facts).toEqual([AGREED, SINGLE]);
    expect(result.report.summary).toMatchObject({ facts: 2, conflicts: 0 });
    expect(result.known.map((f) => f.id)).toEqual(['F1', 'F2']);
    expect(result.stale).toEqual([]);
  });

  it('matches whatever the lines, texts, ids or the case of subject and attribute', () => {
    const moved: Fact = {
      ...MONEY_CONFLICT,
      id: 'F9',
      subject: 'ACME / Globex',
      values: MONEY_CONFLICT.values.map((v) => ({ ...v, text: `${v.text} (reworded)`, sources: v.sources!.map((s) => ({ ...s, line: s.line + 10 })) })),
    };
    expect(applyBaseline(conflictReport([moved]), baseline).known).toEqual([moved]);
  });

  it('reports a conflict with a new value as new, and the old entry as stale', () => {
    const changed: Fact = {
      ...MONEY_CONFLICT,
      values: [MONEY_CONFLICT.values[1], { ...MONEY_CONFLICT.values[2], value: { amount: 3e9, currency: 'USD', min: 3e9, max: 3e9, approximate: false } }],
    };
    const result = applyBaseline(conflictReport([changed]), baseline);
    expect(result.report.facts).toEqual([changed]);
    expect(result.stale.map((e) => e.code)).toEqual(['MONEY_MISMATCH', 'TITLE_MISMATCH']);
  });
});
