import { describe, expect, it } from 'vitest';
import { datesAgree, exactAgree, intervalOf, moneyAgree, percentAgree, precisionOf } from '../../src/merge/compare.js';
import type { DateValue, MoneyValue } from '../../src/model/report.js';

const usd = (amount: number | null, extra: Partial<MoneyValue> = {}): MoneyValue => ({
  amount,
  currency: 'USD',
  min: amount,
  max: amount,
  approximate: false,
  ...extra,
});
const opts = { tolerance: 0 };

describe('precisionOf', () => {
  it.each([
    [14.8e9, 1e8],
    [14e9, 1e9],
    [14.3e9, 1e8],
    [100e6, 1e6],
    [15e9, 1e9],
    [49, 1],
    [50, 1],
    [49.5, 0.1],
    [1234567, 1],
  ])('%d has precision %d', (x, p) => {
    expect(precisionOf(x)).toBeCloseTo(p, 12);
  });
});

describe('exact figures at the precision of the less precise one', () => {
  it.each([
    [14.8e9, 14.3e9, false],
    [14e9, 14.3e9, true],
    [14.3e9, 14.3e9, true],
    [15e9, 14.8e9, true],
    [14e9, 14.8e9, false],
    [100e6, 120e6, false],
    [10e9, 14e9, false],
    [49, 50, false],
  ])('%d vs %d agree: %s', (a, b, agree) => {
    expect(exactAgree(a, b, opts)).toBe(agree);
  });

  it('a tolerance lets nearby figures agree', () => {
    expect(exactAgree(14.8e9, 14.3e9, { tolerance: 0.05 })).toBe(true);
    expect(exactAgree(14.8e9, 14.3e9, { tolerance: 0.01 })).toBe(false);
  });
});

describe('money', () => {
  const conflicts: Array<[string, MoneyValue, MoneyValue]> = [
    ['$14.8bn vs $14.3bn', usd(14.8e9), usd(14.3e9)],
    ['more than $20bn vs $14.8bn', usd(20e9, { min: 20e9, max: null }), usd(14.8e9)],
    ['up to $1m vs $2m', usd(1e6, { min: null, max: 1e6 }), usd(2e6)],
    // "about" allows its rounding or 6%, whichever is more, not the next figure at its precision
    ['about €1.1bn vs €1.2bn', usd(1.1e9, { min: null, max: null, approximate: true }), usd(1.2e9)],
    ['about 1,100 vs 1,200', usd(1100, { min: null, max: null, approximate: true }), usd(1200)],
  ];
  const agreements: Array<[string, MoneyValue, MoneyValue]> = [
    ['billion-dollar vs $14.8bn', usd(null, { min: 1e9, max: null, approximate: true }), usd(14.8e9)],
    ['billions of dollars vs $14.3bn', usd(null, { min: 2e9, max: null, approximate: true }), usd(14.3e9)],
    ['more than $10bn vs $14.3bn', usd(10e9, { min: 10e9, max: null }), usd(14.3e9)],
    ['about $14bn vs $14.8bn', usd(14e9, { min: null, max: null, approximate: true }), usd(14.8e9)],
    ['nearly $15bn vs $14.8bn', usd(15e9, { min: null, max: 15e9, approximate: true }), usd(14.8e9)],
    ['$10-20bn vs $14.8bn', usd(null, { min: 10e9, max: 20e9 }), usd(14.8e9)],
    ['$14bn vs $14.3bn', usd(14e9), usd(14.3e9)],
    ['about $1.1bn vs $1.16bn', usd(1.1e9, { min: null, max: null, approximate: true }), usd(1.16e9)],
    ['about $4bn vs $4.4bn', usd(4e9, { min: null, max: null, approximate: true }), usd(4.4e9)],
  ];
  it.each(conflicts)('%s: conflict', (_, a, b) => expect(moneyAgree(a, b, opts)).toBe(false));
  it.each(agreements)('%s: no conflict', (_, a, b) => expect(moneyAgree(a, b, opts)).toBe(true));

  it('different currencies are not comparable (a conversion is not a second claim)', () => {
    expect(moneyAgree(usd(14.3e9), { ...usd(10.55e9), currency: 'GBP' }, opts)).toBeNull();
  });

  it('a vague amount says too little to contradict a figure outside it: not comparable', () => {
    const billions = usd(null, { min: 2e9, max: null, approximate: true });
    expect(moneyAgree(billions, usd(1.3e9), opts)).toBeNull();
    expect(moneyAgree(usd(1.3e9), billions, opts)).toBeNull();
    // a range with both ends is a claim, and can be contradicted
    expect(moneyAgree(usd(null, { min: 2e9, max: 3e9 }), usd(1.3e9), opts)).toBe(false);
  });

  it('a hedge is an interval', () => {
    expect(intervalOf(usd(200, { min: 200, max: null }))).toEqual({ lo: 200, hi: Infinity, exact: null });
  });
});

describe('percent', () => {
  it('nearly 50% agrees with 49%, and 49% disagrees with 51%', () => {
    expect(percentAgree({ percent: 50, max: 50, min: null, approximate: true }, { percent: 49 }, opts)).toBe(true);
    expect(percentAgree({ percent: 49 }, { percent: 51 }, opts)).toBe(false);
    expect(percentAgree({ percent: 10, approximate: true }, { percent: 8 }, opts)).toBe(false);
    expect(percentAgree({ percent: 18, approximate: true }, { percent: 17.6 }, opts)).toBe(true);
  });
});

describe('dates at the granularity both give', () => {
  const day = (iso: string): DateValue => ({ iso, from: iso, to: iso, granularity: 'day' });
  const noYear = (month: number, d: number): DateValue => ({ iso: null, from: null, to: null, granularity: 'partial', month, day: d });
  const month = (iso: string, from: string, to: string): DateValue => ({ iso, from, to, granularity: 'month' });
  const weekday = (wd: number): DateValue => ({ iso: null, from: null, to: null, granularity: 'day', relative: true, weekday: wd });
  const blank: DateValue = { iso: null, from: null, to: null, granularity: 'day', relative: true };
  it.each<[string, DateValue, DateValue, boolean | null]>([
    ['June 12 vs June 12 without a year', day('2025-06-12'), noYear(6, 12), true],
    ['June vs June 12', month('2025-06', '2025-06-01', '2025-06-30'), day('2025-06-12'), true],
    ['June 12 vs June 13', day('2025-06-12'), day('2025-06-13'), false],
    ['June 12 vs July 12 without a year', day('2025-06-12'), noYear(7, 12), false],
    ['2025-06-12 vs 2024-06-12', day('2025-06-12'), day('2024-06-12'), false],
    // 2025-06-12 is a Thursday (weekday 3, Monday = 0).
    ['Thursday (no document date) vs 2025-06-12', weekday(3), day('2025-06-12'), true],
    ['Wednesday (no document date) vs 2025-06-12', weekday(2), day('2025-06-12'), false],
    // "today" in a document with no date of its own says nothing of its day: it neither agrees nor disagrees.
    ['today (no document date) vs 2026-03-16', blank, day('2026-03-16'), null],
    ['2026-03-16 vs today (no document date)', day('2026-03-16'), blank, null],
    ['today vs June 12 without a year', blank, noYear(6, 12), null],
    // A weekday placed in its document against one that could not be placed: the same rule as a full date.
    ['Tuesday (no document date) vs Wednesday 2025-06-11', weekday(1), { ...day('2025-06-11'), weekday: 2 }, false],
    ['Wednesday (no document date) vs Wednesday 2025-06-11', weekday(2), { ...day('2025-06-11'), weekday: 2 }, true],
    // ... and against what has no day of the week, or another weekday of some week: nothing to compare.
    ['Thursday (no document date) vs June 2031', weekday(3), month('2031-06', '2031-06-01', '2031-06-30'), null],
    ['Thursday vs Monday (neither placed)', weekday(3), weekday(0), null],
    ['Thursday vs Thursday (neither placed)', weekday(3), weekday(3), true],
    // A month without a year against a year: nothing both give.
    ['February without a year vs 2017', { iso: null, from: null, to: null, granularity: 'partial', month: 2 }, { iso: '2017', from: '2017-01-01', to: '2017-12-31', granularity: 'year' }, null],
    ['June 12 without a year vs last week (June 9-15, 2025)', noYear(6, 12), { iso: '2025-W24', from: '2025-06-09', to: '2025-06-15', granularity: 'week' }, true],
  ])('%s → %s', (_, a, b, agree) => {
    expect(datesAgree(a, b)).toBe(agree);
  });
});
