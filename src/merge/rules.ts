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
}

const always = () => true;

export const RULES: readonly ConflictRule[] = [
  {
    kind: 'money',
    code: 'MONEY_MISMATCH',
    severity: 'error',
    check: (a, b, o) => moneyAgree(a as MoneyValue, b as MoneyValue, o),
    precise: (v) => isExact(v as MoneyValue),
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
  },
  {
    kind: 'date',
    code: 'DATE_MISMATCH',
    severity: 'error',
    check: (a, b) => datesAgree(a as DateValue, b as DateValue),
    precise: (v) => (v as DateValue).granularity === 'day',
  },
  {
    kind: 'role',
    code: 'ROLE_MISMATCH',
    severity: 'warning',
    check: (a, b) => rolesAgree(a as RoleValue, b as RoleValue),
    precise: always,
  },
  {
    kind: 'age',
    code: 'AGE_MISMATCH',
    severity: 'error',
    check: (a, b) => (a as { age: number }).age === (b as { age: number }).age,
    precise: always,
  },
  {
    kind: 'count',
    code: 'COUNT_MISMATCH',
    severity: 'error',
    check: (a, b, o) => intervalsAgree(countInterval(a as CountValue), countInterval(b as CountValue), o),
    precise: (v) => countInterval(v as CountValue).exact !== null,
  },
];

function countInterval(c: CountValue) {
  return intervalOf({ amount: c.count, min: c.min, max: c.max, approximate: c.approximate });
}

export const RULE_BY_KIND = new Map(RULES.map((r) => [r.kind, r]));
