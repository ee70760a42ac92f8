// Turns what a date mention says (a DateSpec) into a calendar value, using the reference date for
// weekdays, "last week" and dates without a year. Without a reference date, relative values keep iso null.
import type { DateValue } from '../model/report.js';
import {
  type Period,
  addMonths,
  dayNumber,
  daysInMonth,
  formatDay,
  formatMonth,
  fromDayNumber,
  isoWeek,
  monthPeriod,
  weekLabel,
  weekdayOf,
  yearPeriod,
} from './dates-calendar.js';
import type { Tense } from './dates-tense.js';

export type PartOf = 'early' | 'mid' | 'late';
export type WeekdayModifier = 'last' | 'next' | 'this' | 'past' | 'coming' | null;

/** What the words of a date mention say, before any reference date is applied. */
export type DateSpec =
  | { kind: 'day'; y: number | null; m: number; d: number }
  | { kind: 'month'; y: number | null; m: number }
  | { kind: 'year'; y: number }
  | { kind: 'part'; part: PartOf; y: number | null; m: number | null }
  | { kind: 'months'; y: number; fromM: number; toM: number }
  | { kind: 'weekday'; wd: number; modifier: WeekdayModifier }
  | { kind: 'dayOffset'; days: number }
  | { kind: 'period'; unit: 'week' | 'month' | 'year'; offset: number; edge: 'earlier' | 'later' | null };

function make(
  iso: string | null,
  period: Period | null,
  granularity: DateValue['granularity'],
  extra: Partial<Pick<DateValue, 'month' | 'day' | 'relative' | 'weekday'>> = {},
): DateValue {
  return {
    iso,
    from: period ? formatDay(period.from) : null,
    to: period ? formatDay(period.to) : null,
    granularity,
    ...extra,
  };
}

function partPeriod(part: PartOf, y: number, m: number | null): Period {
  if (m === null) {
    // Thirds of a year: early = Jan-Apr, mid = May-Aug, late = Sep-Dec.
    const first = part === 'early' ? 1 : part === 'mid' ? 5 : 9;
    return { from: dayNumber(y, first, 1), to: dayNumber(y, first + 3, daysInMonth(y, first + 3)) };
  }
  const [d1, d2] = part === 'early' ? [1, 10] : part === 'mid' ? [11, 20] : [21, daysInMonth(y, m)];
  return { from: dayNumber(y, m, d1), to: dayNumber(y, m, d2) };
}

/** The period a yearless spec covers in year y (Feb 29 falls back to Feb 28 in common years). */
function periodInYear(spec: DateSpec, y: number): Period {
  if (spec.kind === 'day') {
    const d = Math.min(spec.d, daysInMonth(y, spec.m));
    const n = dayNumber(y, spec.m, d);
    return { from: n, to: n };
  }
  if (spec.kind === 'month') return monthPeriod(y, spec.m);
  if (spec.kind === 'part') return partPeriod(spec.part, y, spec.m);
  throw new Error(`not a yearless spec: ${spec.kind}`);
}

/** Days a past-tense date may fall after the reference date (or a future one before it) and keep its year:
 * a dateline a day after the user's reference date is not a year old. */
const TENSE_GRACE_DAYS = 7;

/**
 * The year of a date written without one: the latest on or before the reference date in past-tense text,
 * the earliest on or after it in future-tense text, else the nearest.
 */
function chooseYear(spec: DateSpec, ref: number, tense: Tense | null): number {
  const refYear = fromDayNumber(ref).y;
  const years = [refYear - 1, refYear, refYear + 1];
  if (tense === 'past') {
    for (const y of [...years].reverse()) if (periodInYear(spec, y).from <= ref + TENSE_GRACE_DAYS) return y;
  } else if (tense === 'future') {
    for (const y of years) if (periodInYear(spec, y).to >= ref - TENSE_GRACE_DAYS) return y;
  }
  let best = refYear;
  let bestDistance = Infinity;
  for (const y of years) {
    const p = periodInYear(spec, y);
    const distance = ref < p.from ? p.from - ref : ref > p.to ? ref - p.to : 0;
    if (distance < bestDistance) {
      bestDistance = distance;
      best = y;
    }
  }
  return best;
}

function dayValue(y: number, m: number, d: number, relative: boolean): DateValue {
  const n = dayNumber(y, m, Math.min(d, daysInMonth(y, m)));
  return make(formatDay(n), { from: n, to: n }, 'day', { month: m, day: d, ...(relative ? { relative } : {}) });
}

function absoluteValue(spec: DateSpec, y: number, relative: boolean): DateValue {
  const rel = relative ? { relative } : {};
  switch (spec.kind) {
    case 'day':
      return dayValue(y, spec.m, spec.d, relative);
    case 'month':
      return make(formatMonth(y, spec.m), monthPeriod(y, spec.m), 'month', { month: spec.m, ...rel });
    case 'part':
      return make(
        spec.m === null ? String(y) : formatMonth(y, spec.m),
        partPeriod(spec.part, y, spec.m),
        'part-of-month',
        spec.m === null ? rel : { month: spec.m, ...rel },
      );
    default:
      throw new Error(`not an absolute spec: ${spec.kind}`);
  }
}

function weekdayDay(ref: number, wd: number, modifier: WeekdayModifier, tense: Tense | null): number {
  const refWd = weekdayOf(ref);
  const back = (refWd - wd + 7) % 7; // days back to the same weekday, 0 when the reference is that day
  const ahead = (wd - refWd + 7) % 7;
  switch (modifier) {
    case 'last':
    case 'past':
      return ref - (back || 7);
    case 'next':
      return ref + (ahead || 7);
    case 'coming':
      return ref + ahead;
    default:
      // News reports the days just gone: "said on Wednesday" in a Wednesday article means that day.
      return tense === 'future' ? ref + ahead : ref - back;
  }
}

function periodValue(spec: Extract<DateSpec, { kind: 'period' }>, ref: number): DateValue {
  let p: Period;
  let iso: string;
  if (spec.unit === 'week') {
    const monday = isoWeek(ref).monday + 7 * spec.offset;
    p = { from: monday, to: monday + 6 };
    iso = weekLabel(monday);
  } else if (spec.unit === 'month') {
    const r = fromDayNumber(ref);
    const { y, m } = addMonths(r.y, r.m, spec.offset);
    p = monthPeriod(y, m);
    iso = formatMonth(y, m);
  } else {
    const y = fromDayNumber(ref).y + spec.offset;
    p = yearPeriod(y);
    iso = String(y);
  }
  // "earlier this month" ends at the reference date; "later this month" starts there.
  if (spec.offset === 0 && spec.edge === 'earlier') p = { from: p.from, to: Math.max(p.from, ref) };
  if (spec.offset === 0 && spec.edge === 'later') p = { from: Math.min(p.to, ref), to: p.to };
  return make(iso, p, spec.unit, { relative: true });
}

/** Resolves a spec; `tense` is asked only when the answer depends on it. */
export function resolveSpec(spec: DateSpec, refDay: number | null, tense: () => Tense | null): DateValue {
  switch (spec.kind) {
    case 'year':
      return make(String(spec.y), yearPeriod(spec.y), 'year');
    case 'months': {
      const p = { from: dayNumber(spec.y, spec.fromM, 1), to: dayNumber(spec.y, spec.toM, daysInMonth(spec.y, spec.toM)) };
      return make(String(spec.y), p, 'part-of-month');
    }
    case 'day':
    case 'month':
    case 'part': {
      if (spec.y !== null) return absoluteValue(spec, spec.y, false);
      if (refDay === null) {
        // The year is unknown: keep what the text names. A part of a month stays 'part-of-month'.
        const month = spec.m === null ? {} : { month: spec.m };
        if (spec.kind === 'day') return make(null, null, 'partial', { month: spec.m, day: spec.d });
        return make(null, null, spec.kind === 'part' ? 'part-of-month' : 'partial', month);
      }
      return absoluteValue(spec, chooseYear(spec, refDay, tense()), true);
    }
    case 'weekday': {
      // The weekday is kept even when it resolves: another source's date for the same event can contradict it.
      if (refDay === null) return make(null, null, 'day', { relative: true, weekday: spec.wd });
      const needsTense = spec.modifier === null || spec.modifier === 'this';
      const n = weekdayDay(refDay, spec.wd, spec.modifier, needsTense ? tense() : null);
      return make(formatDay(n), { from: n, to: n }, 'day', { relative: true, weekday: spec.wd });
    }
    case 'dayOffset': {
      if (refDay === null) return make(null, null, 'day', { relative: true });
      const n = refDay + spec.days;
      return make(formatDay(n), { from: n, to: n }, 'day', { relative: true });
    }
    case 'period':
      if (refDay === null) return make(null, null, spec.unit, { relative: true });
      return periodValue(spec, refDay);
  }
}

/** A date mention found in the text, before resolution. */
export interface DateCandidate {
  start: number;
  end: number;
  spec: DateSpec;
  /** Fixed tense for the year choice ("last June" looks back); 'none' = nearest; absent = ask the sentence. */
  tense?: Tense | 'none';
}
