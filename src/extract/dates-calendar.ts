// Calendar arithmetic for the date extractor: day numbers, weekdays, ISO weeks and the periods
// (day, week, month, year) that a date mention stands for. Pure functions over proleptic Gregorian UTC days.

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

const DAY_MS = 86_400_000;

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function isValidDay(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Days since 1970-01-01 (negative before). */
export function dayNumber(y: number, m: number, d: number): number {
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d); // setUTCFullYear keeps years 0-99 literal, unlike Date.UTC
  return Math.round(t.getTime() / DAY_MS);
}

export function fromDayNumber(n: number): Ymd {
  const t = new Date(n * DAY_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** ISO weekday index: 0 = Monday … 6 = Sunday. */
export function weekdayOf(n: number): number {
  // 1970-01-01 was a Thursday (index 3).
  return (((n + 3) % 7) + 7) % 7;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function formatDay(n: number): string {
  const { y, m, d } = fromDayNumber(n);
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

export function formatMonth(y: number, m: number): string {
  return `${pad(y, 4)}-${pad(m)}`;
}

/** Parses YYYY-MM-DD (the only form a reference date takes) into a day number; null when invalid. */
export function parseIsoDay(s: string | null | undefined): number | null {
  if (!s) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidDay(y, mo, d) ? dayNumber(y, mo, d) : null;
}

/** ISO 8601 week of a day: the week belongs to the year of its Thursday. */
export function isoWeek(n: number): { year: number; week: number; monday: number } {
  const monday = n - weekdayOf(n);
  const thursday = monday + 3;
  const year = fromDayNumber(thursday).y;
  const week = Math.floor((thursday - dayNumber(year, 1, 1)) / 7) + 1;
  return { year, week, monday };
}

/** A calendar period: first and last day numbers. */
export interface Period {
  from: number;
  to: number;
}

export function monthPeriod(y: number, m: number): Period {
  return { from: dayNumber(y, m, 1), to: dayNumber(y, m, daysInMonth(y, m)) };
}

export function yearPeriod(y: number): Period {
  return { from: dayNumber(y, 1, 1), to: dayNumber(y, 12, 31) };
}

export function weekLabel(n: number): string {
  const w = isoWeek(n);
  return `${pad(w.year, 4)}-W${pad(w.week)}`;
}

/** Adds months to a year/month pair (month 1-12). */
export function addMonths(y: number, m: number, k: number): { y: number; m: number } {
  const idx = y * 12 + (m - 1) + k;
  return { y: Math.floor(idx / 12), m: (idx % 12) + 1 };
}
