// Whether two stated values can both be true. Numbers are compared at the precision of the less precise figure,
// hedged and vague values as the interval they allow, dates at the granularity both give.
import type { DateValue, MoneyValue, PercentValue, RoleValue } from '../model/report.js';

export interface CompareOptions {
  /** Relative tolerance for numbers: 0.02 lets values 2% apart agree. */
  tolerance: number;
}

/** A closed interval of what a value allows, with `exact` set when the text states one precise figure. */
export interface Interval {
  lo: number;
  hi: number;
  exact: number | null;
  /** An "about X" figure: its interval already holds every value X may be rounded from. */
  about?: boolean;
}

/**
 * Place value of the last digit as a reporter writes the figure: over the largest power of a thousand it reaches
 * ("6.1 billion" → 1e8, "6 billion" → 1e9, "100 million" → 1e6, "49" → 1, "49.5" → 0.1).
 */
export function precisionOf(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return 1;
  const abs = Math.abs(x);
  const scale = abs >= 1000 ? 1000 ** Math.floor(Math.log10(abs) / 3) : 1;
  const mantissa = abs / scale;
  for (let decimals = 0; decimals < 10; decimals++) {
    const q = mantissa * 10 ** decimals;
    if (Math.abs(q - Math.round(q)) < 1e-9 * Math.max(1, q)) return scale / 10 ** decimals;
  }
  return scale / 1e10;
}

// How far an "about X" figure may be from the truth, when that is more than rounding at its own precision.
const APPROXIMATE_SLACK = 0.06;

export function intervalOf(v: { amount: number | null; min: number | null; max: number | null; approximate: boolean }): Interval {
  const { amount, min, max, approximate } = v;
  const bounded = min !== null || max !== null;
  if (amount !== null && !approximate && (!bounded || (min === amount && max === amount))) {
    return { lo: amount, hi: amount, exact: amount };
  }
  if (amount !== null && !bounded) {
    // "about $4 billion" allows 3.5–4.5bn; "roughly $4.6 billion" and "about 1,100" allow 6% either side. (Rounding
    // and 5% more let "about 1,100 jobs" agree with "1,200 jobs", and "about €1.1 billion" with "€1.2 billion".)
    const slack = Math.max(precisionOf(amount) / 2, Math.abs(amount) * APPROXIMATE_SLACK);
    return { lo: amount - slack, hi: amount + slack, exact: null, about: true };
  }
  // Bounds only ("more than X", "up to X", "nearly X"): open on the side the text leaves open. "Nearly X" and
  // "up to X" read alike in the values, so neither is given a floor: a missed disagreement beats a false alarm.
  const lo = min ?? -Infinity;
  const hi = max ?? Infinity;
  return lo <= hi ? { lo, hi, exact: null } : { lo: hi, hi: lo, exact: null };
}

/** Two exact figures agree when the more precise one, rounded to the other's precision, equals it. */
export function exactAgree(a: number, b: number, options: CompareOptions): boolean {
  if (a === b) return true;
  if (Math.abs(a - b) <= options.tolerance * Math.max(Math.abs(a), Math.abs(b))) return true;
  const p = Math.max(precisionOf(a), precisionOf(b));
  return Math.round(a / p) === Math.round(b / p);
}

export function intervalsAgree(a: Interval, b: Interval, options: CompareOptions): boolean {
  if (a.exact !== null && b.exact !== null) return exactAgree(a.exact, b.exact, options);
  // An exact figure may be rounded at its precision, except against an "about" figure, whose interval holds that.
  const slack = (x: Interval) => (x.exact !== null && !a.about && !b.about ? precisionOf(x.exact) / 2 : 0);
  const tol = options.tolerance * Math.max(finiteAbs(a.hi), finiteAbs(b.hi), finiteAbs(a.lo), finiteAbs(b.lo));
  const s = Math.max(slack(a), slack(b)) + tol;
  return a.lo <= b.hi + s && b.lo <= a.hi + s;
}

function finiteAbs(x: number): number {
  return Number.isFinite(x) ? Math.abs(x) : 0;
}

export function moneyAgree(a: MoneyValue, b: MoneyValue, options: CompareOptions): boolean | null {
  if (a.currency !== b.currency) return null; // not comparable without exchange rates
  const agree = intervalsAgree(intervalOf(a), intervalOf(b), options);
  // A vague amount ("billions of dollars", "a billion-dollar deal") is compatible with the figures inside it and
  // says too little to contradict any other: not comparable, never a conflict.
  return agree || !(isVague(a) || isVague(b)) ? agree : null;
}

/** An amount with no figure and an open side: "billions of dollars", "a billion-dollar deal". */
function isVague(v: MoneyValue): boolean {
  return v.amount === null && (v.min === null || v.max === null);
}

export function percentAgree(a: PercentValue, b: PercentValue, options: CompareOptions): boolean {
  const toInterval = (p: PercentValue) =>
    intervalOf({ amount: p.percent, min: p.min ?? null, max: p.max ?? null, approximate: p.approximate ?? false });
  return intervalsAgree(toInterval(a), toInterval(b), options);
}

/** Whether a value states one precise figure (as opposed to a hedge, range or vague amount). */
export function isExact(v: { amount: number | null; min: number | null; max: number | null; approximate: boolean }): boolean {
  return intervalOf(v).exact !== null;
}

/**
 * Dates agree at the granularity both give: June and June 12 agree; June 12 and June 13 do not; a value
 * without a year compares by month and day only. Null when the two cannot be compared.
 */
export function datesAgree(a: DateValue, b: DateValue): boolean | null {
  // "on Wednesday" against a full date of the same event that falls on another day of the week.
  if (weekdayContradicts(a, b) || weekdayContradicts(b, a)) return false;
  // A weekday a document without a date could not place agrees with a full date on that weekday, and with the same
  // weekday; with anything else ("June 2031", another weekday of some week) it cannot be compared.
  const named = onlyWeekday(a) ? a : onlyWeekday(b) ? b : null;
  if (named) {
    const other = named === a ? b : a;
    if (onlyWeekday(other)) return other.weekday === named.weekday ? true : null;
    const day = weekdayOf(other);
    return day === null ? null : day === named.weekday;
  }
  // "today" or "last week" in a document with no date of its own says nothing of its day: it can neither agree with
  // a date nor contradict one (it used to agree with every date of its fact).
  if (saysNothing(a) || saysNothing(b)) return null;
  if (a.from && a.to && b.from && b.to) return a.from <= b.to && b.from <= a.to;
  const parts = (d: DateValue) => {
    const m = d.iso?.match(/^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/);
    return {
      year: m ? Number(m[1]) : null,
      month: d.month ?? (m?.[2] ? Number(m[2]) : null),
      day: d.day ?? (m?.[3] ? Number(m[3]) : null),
    };
  };
  const pa = parts(a);
  const pb = parts(b);
  if (pa.year !== null && pb.year !== null && pa.year !== pb.year) return false;
  if (pa.month !== null && pb.month !== null && pa.month !== pb.month) return false;
  if (pa.day !== null && pb.day !== null && pa.day !== pb.day) return false;
  // Ranges ("mid-June", "last week") against a day: compare the day against the range.
  if (a.from && a.to && pb.day !== null && pb.month !== null) return inRange(a, pb.month, pb.day);
  if (b.from && b.to && pa.day !== null && pa.month !== null) return inRange(b, pa.month, pa.day);
  // Nothing both give (a month without a year against a year, "February" against "2017"): not comparable.
  const both = (x: number | null, y: number | null) => x !== null && y !== null;
  if (!both(pa.year, pb.year) && !both(pa.month, pb.month)) return null;
  return true;
}

function saysNothing(d: DateValue): boolean {
  return d.iso === null && d.from === null && d.to === null && d.month == null && d.day == null && d.weekday === undefined;
}

function inRange(range: DateValue, month: number, day: number): boolean {
  const md = (iso: string) => iso.slice(5);
  const x = `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return md(range.from!) <= x && x <= md(range.to!);
}

// Titles qualified like this say when or how, not what: "interim CEO" is the CEO's office.
const TITLE_QUALIFIER = /^(?:interim|acting|former|ex|deputy|incoming|outgoing|then)[\s-]+/;
// Offices one person rarely holds two of at once in one organisation: the chief officers.
const CHIEF_OFFICE = /^(?:c[a-z]{1,3}o|co-ceo|chief [a-z ]+ officer)$/;

/**
 * A person's titles conflict only when both are chief offices at the same organisation and differ ("CFO" vs "COO");
 * a founder can be CEO, a president can be chair, and a former title is history, not a contradiction.
 */
export function rolesAgree(a: RoleValue, b: RoleValue): boolean | null {
  if (a.org && b.org && a.org !== b.org) return null;
  // A past or future title is another time, not a contradiction.
  const otherTime = /^(?:former|ex|outgoing|incoming|then)\b/;
  if (otherTime.test(a.title) || otherTime.test(b.title)) return true;
  const base = (t: string) => t.replace(TITLE_QUALIFIER, '');
  const x = base(a.title);
  const y = base(b.title);
  if (x === y) return true;
  return !(CHIEF_OFFICE.test(x) && CHIEF_OFFICE.test(y) && x !== 'co-ceo' && y !== 'co-ceo');
}

/** A weekday ("on Wednesday") contradicts a full calendar date that is not that weekday. */
function weekdayContradicts(named: DateValue, other: DateValue): boolean {
  if (named.weekday === undefined || other.weekday !== undefined) return false;
  const day = weekdayOf(other);
  return day !== null && day !== named.weekday;
}

/** A weekday and nothing else: one a document without a date of its own could not place. */
function onlyWeekday(d: DateValue): boolean {
  return d.weekday !== undefined && d.iso === null && d.from === null && d.month == null && d.day == null;
}

/** The weekday of a full calendar date (0 = Monday), null for anything less. */
function weekdayOf(d: DateValue): number | null {
  if (!d.iso || !/^\d{4}-\d{2}-\d{2}$/.test(d.iso)) return null;
  const [y, m, day] = d.iso.split('-').map(Number);
  return (new Date(Date.UTC(y, m - 1, day)).getUTCDay() + 6) % 7;
}
