// The date extractor: absolute dates, parts of months and years, bare years, weekdays and relative
// expressions, resolved against the reference date (ctx.date). See dates-*.ts for the pieces.
//
// Values: a date without a year and without a reference date has iso/from/to null, month (and day) set and
// granularity 'partial' ("June 12", "in June"); "mid-June" keeps 'part-of-month'. Relative forms without a
// reference date keep their granularity ('day', 'week', …) with iso null and relative: true.
import type { DateFound } from './types.js';
import type { ExtractContext } from './text.js';
import { parseIsoDay } from './dates-calendar.js';
import { scanAbsoluteDates } from './dates-absolute.js';
import { scanRelativeDates } from './dates-relative.js';
import { type DateCandidate, resolveSpec } from './dates-resolve.js';
import { keepLongest, linkSpans } from './dates-spans.js';
import { tenseAround } from './dates-tense.js';
import { mapped } from '../util/mapped.js';

export function extractDates(ctx: ExtractContext): DateFound[] {
  const { text } = ctx;
  if (!text) return [];
  const links = linkSpans(text);
  const inLink = (c: DateCandidate) => {
    // Binary search: links are in text order and do not overlap.
    let lo = 0;
    let hi = links.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (c.end <= links[mid].start) hi = mid - 1;
      else if (c.start >= links[mid].end) lo = mid + 1;
      else return true;
    }
    return false;
  };
  const candidates = [...scanAbsoluteDates(text), ...scanRelativeDates(text)].filter((c) => !inLink(c));
  const ref = parseIsoDay(ctx.date);
  const kept = keepLongest(candidates, text.length);
  yearsFromRangeEnds(text, kept);
  return mapped(kept, (c) => ({
    start: c.start,
    end: c.end,
    value: resolveSpec(c.spec, ref, () => {
      if (c.tense === 'none') return null;
      return c.tense ?? tenseAround(ctx, c.start, c.end, c.spec.kind === 'weekday');
    }),
  }));
}

// Between the two ends of a range: "from April 10 to June 30, 2026", "between May and July 2025", "May 2-June 30".
const RANGE_BETWEEN = /^[ \t]*(?:to|through|thru|until|till|and|[-–—])[ \t]*$/iu;
// Between a month's first day and the year of "March 11-14, 2027": the last day and a comma.
const DAYS_TO_YEAR = /^[-–](?:[1-9]|[12]\d|3[01]),?[ \t]+$/u;

/**
 * A range's first end written without a year takes the year its second end gives ("best-before dates from April 10
 * to June 30, 2026": April 10, 2026, not the April before the article), or the year before when it falls later in
 * the year ("December 20 to January 5, 2026"). Candidates are in text order and do not overlap.
 */
function yearsFromRangeEnds(text: string, kept: DateCandidate[]): void {
  for (let i = 0; i + 1 < kept.length; i++) {
    const [a, b] = [kept[i].spec, kept[i + 1].spec];
    // "March 11-14, 2027": a range of days in one month, its year after the last day.
    if (a.kind === 'day' && a.y === null && b.kind === 'year' && DAYS_TO_YEAR.test(text.slice(kept[i].end, kept[i + 1].start))) {
      kept[i] = { ...kept[i], spec: { ...a, y: b.y } };
      continue;
    }
    if ((a.kind !== 'day' && a.kind !== 'month') || a.y !== null) continue;
    if ((b.kind !== 'day' && b.kind !== 'month') || b.y === null) continue;
    if (!RANGE_BETWEEN.test(text.slice(kept[i].end, kept[i + 1].start))) continue;
    const later = a.m > b.m || (a.m === b.m && a.kind === 'day' && b.kind === 'day' && a.d > b.d);
    kept[i] = { ...kept[i], spec: { ...a, y: later ? b.y - 1 : b.y } };
  }
}
