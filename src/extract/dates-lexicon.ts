// Month and weekday names, time zones and the context word lists the date extractor uses,
// loaded from lexicon/dates-*.json (their shape: lexicon-schemas.ts).
import type { DateContext, DateNames } from './lexicon-schemas.js';
import names from './lexicon/dates-names.json' with { type: 'json' };
import context from './lexicon/dates-context.json' with { type: 'json' };

export const DATE_NAMES = names as DateNames;
export const DATE_CONTEXT = context as DateContext;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const byLengthDesc = (a: string, b: string) => b.length - a.length || (a < b ? -1 : 1);

/** lower-case name or abbreviation (no dot) → month 1-12. */
export const MONTH_BY_NAME = new Map<string, number>();
DATE_NAMES.months.forEach((group, i) => group.forEach((n) => MONTH_BY_NAME.set(n.toLowerCase(), i + 1)));

/** lower-case name or abbreviation → ISO weekday index 0 (Monday) … 6 (Sunday). */
export const WEEKDAY_BY_NAME = new Map<string, number>();
DATE_NAMES.weekdays.forEach((group, i) => group.forEach((n) => WEEKDAY_BY_NAME.set(n.toLowerCase(), i)));

const fullNames = (groups: string[][]) => groups.map((g) => g[0]);
const abbreviations = (groups: string[][]) => groups.flatMap((g) => g.slice(1));

/** Regex source: any month name or abbreviation (abbreviations may carry a dot). */
export const MONTH_SRC = [
  ...fullNames(DATE_NAMES.months).map(escape),
  ...abbreviations(DATE_NAMES.months).map((a) => `${escape(a)}\\.?`),
]
  .sort(byLengthDesc)
  .join('|');

/** Regex source: full month names only (a bare "Jun" or "Mar" on its own is too risky). */
export const MONTH_FULL_SRC = fullNames(DATE_NAMES.months).map(escape).sort(byLengthDesc).join('|');

export const WEEKDAY_SRC = [
  ...fullNames(DATE_NAMES.weekdays).map(escape),
  ...abbreviations(DATE_NAMES.weekdays).map((a) => `${escape(a)}\\.?`),
]
  .sort(byLengthDesc)
  .join('|');

export const WEEKDAY_FULL_SRC = fullNames(DATE_NAMES.weekdays).map(escape).sort(byLengthDesc).join('|');

export const TIMEZONE_SRC = [...DATE_NAMES.timezones].map(escape).sort(byLengthDesc).join('|');

export const NUMBER_WORDS = new Map(Object.entries(DATE_NAMES.numberWords));
export const NUMBER_WORD_SRC = [...NUMBER_WORDS.keys()].map(escape).sort(byLengthDesc).join('|');

export const BARE_MONTH_BEFORE = new Set(DATE_CONTEXT.bareMonthBefore);
export const YEAR_BLOCKERS_BEFORE = new Set(DATE_CONTEXT.yearBlockersBefore);
export const YEAR_UNITS_AFTER = new Set(DATE_CONTEXT.yearUnitsAfter);
export const WEEKDAY_NOT_DATE_PREFIXES = new Set(DATE_CONTEXT.weekdayNotDatePrefixes);
/** Lower-case phrases; matched against the words right after a weekday ("Sunday Times"). */
export const WEEKDAY_NOT_DATE_FOLLOWERS = DATE_CONTEXT.weekdayNotDateFollowers;

/** Word-bounded alternation of cue phrases; apostrophes in the list match both ' and ’. */
export function cueSource(cues: string[]): string {
  return [...cues]
    .sort(byLengthDesc)
    .map((c) => escape(c).replace(/['’]/g, "['’]").replace(/ /g, '[ \\t]+'))
    .join('|');
}
