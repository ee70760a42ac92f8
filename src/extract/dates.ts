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
  return mapped(keepLongest(candidates, text.length), (c) => ({
    start: c.start,
    end: c.end,
    value: resolveSpec(c.spec, ref, () => {
      if (c.tense === 'none') return null;
      return c.tense ?? tenseAround(ctx, c.start, c.end);
    }),
  }));
}
