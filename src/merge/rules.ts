// Conflict rules are data over a few generic checks: which kind of fact, which check compares two of its values,
// and the code and severity a disagreement gets.
import type { CountValue, DateValue, MoneyValue, PercentValue, RoleValue, Severity } from '../model/report.js';
import { type CompareOptions, datesAgree, intervalOf, intervalsAgree, isExact, moneyAgree, percentAgree, rolesAgree } from './compare.js';

export type Check = (a: unknown, b: unknown, options: CompareOptions) => boolean | null;

export interface ConflictRule {
  kind: string;
  code: string;
  /** Severity when both values are precise; a disagreement involving a hedge or vague figure is a warning. */
  severity: Severity;
  check: Check;
  /** Whether a value states one precise figure (hedges and vague amounts weaken a conflict to a warning). */
  precise: (v: unknown) => boolean;
  /**
   * Whether two values that disagree are near enough to be two accounts of one figure (at most twice the other, or
   * dates a month apart): where a document states two values of a fact, they are two things, and only near values
   * of other documents are read as disagreeing about one of them.
   */
  near: (a: unknown, b: unknown) => boolean;
}

const always = () => true;
const never = () => false;
// How far apart two accounts of one figure may be: a typo, a swapped digit ("58" for "85"), another source's estimate.
const NEAR_RATIO = 2;
const NEAR_DAYS = 31;

/** A figure's middle: its amount, else the middle of its bounds (null when unbounded). */
function middle(v: { amount: number | null; min: number | null; max: number | null }): number | null {
  if (v.amount !== null) return v.amount;
  return v.min !== null && v.max !== null ? (v.min + v.max) / 2 : null;
}

function nearNumbers(a: number | null, b: number | null): boolean {
  if (a === null || b === null || a <= 0 || b <= 0) return false;
  return Math.max(a, b) / Math.min(a, b) <= NEAR_RATIO;
}

function nearDates(a: DateValue, b: DateValue): boolean {
  const day = (d: DateValue) => (d.granularity === 'day' && d.iso !== null && ISO_DAY.test(d.iso) ? Date.parse(d.iso) : null);
  const [x, y] = [day(a), day(b)];
  return x !== null && y !== null && Math.abs(x - y) <= NEAR_DAYS * 86_400_000;
}
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export const RULES: readonly ConflictRule[] = [
  {
    kind: 'money',
    code: 'MONEY_MISMATCH',
    severity: 'error',
    check: (a, b, o) => moneyAgree(a as MoneyValue, b as MoneyValue, o),
    precise: (v) => isExact(v as MoneyValue),
    near: (a, b) => nearNumbers(middle(a as MoneyValue), middle(b as MoneyValue)),
  },
  {
    kind: 'percent',
    code: 'PERCENT_MISMATCH',
    severity: 'error',
    check: (a, b, o) => percentAgree(a as PercentValue, b as PercentValue, o),
    precise: (v) => {
      const p = v as PercentValue;
      return isExact({ amount: p.percent, min: p.min ?? null, max: p.max ?? null, approximate: p.approximate ?? false });
    },
    near: (a, b) => {
      const of = (p: PercentValue) => middle({ amount: p.percent, min: p.min ?? null, max: p.max ?? null });
      return nearNumbers(of(a as PercentValue), of(b as PercentValue));
    },
  },
  {
    kind: 'date',
    code: 'DATE_MISMATCH',
    severity: 'error',
    check: (a, b) => datesAgree(a as DateValue, b as DateValue),
    precise: (v) => (v as DateValue).granularity === 'day',
    near: (a, b) => nearDates(a as DateValue, b as DateValue),
  },
  {
    kind: 'role',
    code: 'ROLE_MISMATCH',
    severity: 'warning',
    check: (a, b) => rolesAgree(a as RoleValue, b as RoleValue),
    precise: always,
    near: never,
  },
  {
    kind: 'age',
    code: 'AGE_MISMATCH',
    severity: 'error',
    check: (a, b) => (a as { age: number }).age === (b as { age: number }).age,
    precise: always,
    near: never,
  },
  {
    kind: 'count',
    code: 'COUNT_MISMATCH',
    severity: 'error',
    check: (a, b, o) => intervalsAgree(countInterval(a as CountValue), countInterval(b as CountValue), o),
    precise: (v) => countInterval(v as CountValue).exact !== null,
    near: (a, b) => nearNumbers(countMiddle(a as CountValue), countMiddle(b as CountValue)),
  },
];

const countMiddle = (c: CountValue) => middle({ amount: c.count, min: c.min, max: c.max });

function countInterval(c: CountValue) {
  return intervalOf({ amount: c.count, min: c.min, max: c.max, approximate: c.approximate });
}

export const RULE_BY_KIND = new Map(RULES.map((r) => [r.kind, r]));
