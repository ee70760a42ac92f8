// Finds calendar dates written out in the text: "Thursday, Jun 19, 2025 3:22 pm ET", "12 June", "June 2025",
// "2025-06-13", "mid-June", "Q3 2025", "in March", "2016". Every pattern is a linear regex; context checks
// (capitals, the word before a bare year or month) run on each match in code.
import { isValidDay } from './dates-calendar.js';
import { firstCharGuard } from './regex-guard.js';
import {
  BARE_MONTH_BEFORE,
  DATE_NAMES,
  MONTH_BY_NAME,
  MONTH_FULL_SRC,
  MONTH_SRC,
  TIMEZONE_SRC,
  WEEKDAY_SRC,
  YEAR_BLOCKERS_BEFORE,
  YEAR_UNITS_AFTER,
} from './dates-lexicon.js';
import type { DateCandidate, PartOf } from './dates-resolve.js';
import { scan, scanAt } from './dates-spans.js';
import { prefixScanner } from './prefix-scan.js';

const S = '[ \\t\\u00a0]';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?(?![\\p{L}\\d]|[.:,]\\d)';
const YEAR = '((?:19|20)\\d{2})(?![\\p{L}\\d]|[.,]\\d)';
const TZ = `(?:${TIMEZONE_SRC})(?![\\p{L}\\d])`;
// A clock time after a date belongs to the date mention ("Jun 19, 2025 3:22 pm ET").
const TIME =
  `(?:,?${S}+(?:at${S}+)?\\d{1,2}(?::\\d{2}){0,2}${S}*[ap]\\.?m\\.?(?![\\p{L}])(?:${S}+${TZ})?` +
  `|,?${S}+(?:at${S}+)?\\d{1,2}:\\d{2}(?::\\d{2})?(?![\\d])(?:${S}*${TZ})?)?`;
const WD_PREFIX = `(?:(${WEEKDAY_SRC}),?${S}+)?`;
// First characters a match can start with (see regex-guard.ts).
const MONTH_WORDS = DATE_NAMES.months.flat();
const WEEKDAY_WORDS = DATE_NAMES.weekdays.flat();
const MONTH_FULL_WORDS = DATE_NAMES.months.map((g) => g[0]);

const MDY_RE = new RegExp(`${firstCharGuard([...WEEKDAY_WORDS, ...MONTH_WORDS])}${WD_PREFIX}(${MONTH_SRC})${S}+${DAY}(?:(?:,${S}*|${S}+)${YEAR})?${TIME}`, 'giu');
const DMY_RE = new RegExp(
  `${firstCharGuard([...WEEKDAY_WORDS, 'the'], '0123456789')}${WD_PREFIX}(?:the${S}+)?${DAY}${S}+(?:of${S}+)?(${MONTH_SRC})(?![\\p{L}])(?:,?${S}+${YEAR})?${TIME}`,
  'giu',
);
const MY_RE = new RegExp(`${firstCharGuard(MONTH_WORDS)}(${MONTH_SRC})(?:,?${S}+|${S}+of${S}+)${YEAR}`, 'giu');
const ISO_RE = new RegExp(
  '(?<![\\d./-])((?:19|20)\\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])' +
    '(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?(?![\\d-])',
  'gu',
);
const SLASH_DMY_RE = /(?<![\d./-])(\d{1,2})\/(\d{1,2})\/((?:19|20)\d{2})(?![\d/])/gu;
const SLASH_YMD_RE = /(?<![\d./-])((?:19|20)\d{2})\/(\d{1,2})\/(\d{1,2})(?![\d/])/gu;
const PART_RE = new RegExp(
  `${firstCharGuard(['early', 'mid', 'late', 'end', 'beginning', 'start', 'middle'])}(?<![\\p{L}])(early|mid|late|end${S}+of|beginning${S}+of|start${S}+of|middle${S}+of)(?:${S}*-${S}*|${S}+)` +
    `(?:(${MONTH_FULL_SRC})(?![\\p{L}])(?:,?${S}+${YEAR})?|${YEAR})`,
  'giu',
);
const QUARTER_RE = new RegExp(`(?<![\\p{L}\\d])([QH])([1-4])${S}+${YEAR}`, 'gu');
const QUARTER_WORDS_RE = new RegExp(
  `${firstCharGuard(['first', 'second', 'third', 'fourth', '1st', '2nd', '3rd', '4th'])}(?<![\\p{L}])(first|second|third|fourth|1st|2nd|3rd|4th)${S}+(quarter|half)${S}+(?:of${S}+)?${YEAR}`,
  'giu',
);
const BARE_MONTH_RE = new RegExp(`${firstCharGuard(['last', 'next', 'this', ...MONTH_FULL_WORDS])}(?<![\\p{L}\\d])(?:(last|next|this)${S}+)?(${MONTH_FULL_SRC})(?![\\p{L}\\d])`, 'giu');
const YEAR_RE = /(?<![\p{L}\d])((?:19|20)\d{2})(?!\d)/gu;
// Where each word-led pattern can start (see dates-prefix.ts): the words its alternatives open with.
const MDY_AT = prefixScanner(MDY_RE, [...WEEKDAY_WORDS, ...MONTH_WORDS]);
const MY_AT = prefixScanner(MY_RE, MONTH_WORDS);
const PART_AT = prefixScanner(PART_RE, ['early', 'mid', 'late', 'end', 'beginning', 'start', 'middle']);
const QUARTER_WORDS_AT = prefixScanner(QUARTER_WORDS_RE, ['first', 'second', 'third', 'fourth', '1st', '2nd', '3rd', '4th']);
const BARE_MONTH_AT = prefixScanner(BARE_MONTH_RE, ['last', 'next', 'this', ...MONTH_FULL_WORDS]);

const isUpper = (c: string | undefined) => c !== undefined && c !== c.toLowerCase() && c === c.toUpperCase();
const isLetterOrDigit = (c: string | undefined) => c !== undefined && /[\p{L}\d]/u.test(c);
const isLower = (c: string | undefined) => c !== undefined && /\p{Ll}/u.test(c);

function monthOf(token: string): number | undefined {
  return MONTH_BY_NAME.get(token.replace(/\.$/, '').toLowerCase());
}

/** The word just before `i` (letters only, lower case), skipping spaces and one trailing dot. */
export function wordBefore(text: string, i: number): string {
  let k = i;
  while (k > 0 && (text[k - 1] === ' ' || text[k - 1] === '\t' || text[k - 1] === '\u00a0')) k--;
  if (k > 0 && text[k - 1] === '.') k--;
  const end = k;
  while (k > 0 && end - k < 40 && /\p{L}/u.test(text[k - 1])) k--;
  return text.slice(k, end).toLowerCase();
}

/** The word starting after `i` (letters only, lower case), skipping spaces. */
function wordAfter(text: string, i: number): string {
  let k = i;
  while (k < text.length && (text[k] === ' ' || text[k] === '\t' || text[k] === '\u00a0')) k++;
  const start = k;
  while (k < text.length && k - start < 40 && /\p{L}/u.test(text[k])) k++;
  return text.slice(start, k).toLowerCase();
}

/**
 * A date written with names must start at a word boundary, except a full date glued to a lower-case word
 * ("Coin WorldThursday, Jun 19, 2025": page layouts lose the space between outlet and dateline).
 */
function startsCleanly(text: string, start: number, hasYear: boolean): boolean {
  const prev = text[start - 1];
  if (!isLetterOrDigit(prev)) return true;
  return hasYear && isLower(prev) && isUpper(text[start]);
}

function dayCandidate(
  start: number,
  end: number,
  y: number | null,
  m: number | undefined,
  d: number,
): DateCandidate | null {
  if (m === undefined) return null;
  if (!isValidDay(y ?? 2000, m, d)) return null; // 2000 is a leap year: Feb 29 without a year is fine
  return { start, end, spec: { kind: 'day', y, m, d } };
}

function scanMonthDay(text: string, out: DateCandidate[]) {
  scanAt(MDY_AT, MDY_RE, text, out, (m) => {
    const [all, wd, mon, day, year] = m;
    if (!isUpper(mon[0]) || (wd && !isUpper(wd[0]))) return null;
    if (!startsCleanly(text, m.index, year !== undefined)) return null;
    return dayCandidate(m.index, m.index + all.length, year ? Number(year) : null, monthOf(mon), Number(day));
  });
  scan(DMY_RE, text, out, (m) => {
    const [all, wd, day, mon, year] = m;
    if (!isUpper(mon[0]) || (wd && !isUpper(wd[0]))) return null;
    const prev = text[m.index - 1];
    if (prev !== undefined && /[\p{L}\d.,:/$£€¥#]/u.test(prev)) return null;
    return dayCandidate(m.index, m.index + all.length, year ? Number(year) : null, monthOf(mon), Number(day));
  });
}

function scanNumeric(text: string, out: DateCandidate[]) {
  scan(ISO_RE, text, out, (m) =>
    dayCandidate(m.index, m.index + m[0].length, Number(m[1]), Number(m[2]), Number(m[3])),
  );
  scan(SLASH_YMD_RE, text, out, (m) =>
    dayCandidate(m.index, m.index + m[0].length, Number(m[1]), Number(m[2]), Number(m[3])),
  );
  // d/m/y against m/d/y: only when one reading is impossible (or both agree).
  scan(SLASH_DMY_RE, text, out, (m) => {
    const a = Number(m[1]);
    const b = Number(m[2]);
    let month: number;
    let day: number;
    if (a === b || b > 12) [month, day] = [a, b];
    else if (a > 12) [month, day] = [b, a];
    else return null;
    return dayCandidate(m.index, m.index + m[0].length, Number(m[3]), month, day);
  });
}

function scanMonthYear(text: string, out: DateCandidate[]) {
  scanAt(MY_AT, MY_RE, text, out, (m) => {
    const month = monthOf(m[1]);
    if (!month || !isUpper(m[1][0]) || !startsCleanly(text, m.index, true)) return null;
    return { start: m.index, end: m.index + m[0].length, spec: { kind: 'month', y: Number(m[2]), m: month } };
  });
}

const PART_WORDS: Record<string, PartOf> = { early: 'early', mid: 'mid', late: 'late', end: 'late', beginning: 'early', start: 'early', middle: 'mid' };

function scanParts(text: string, out: DateCandidate[]) {
  scanAt(PART_AT, PART_RE, text, out, (m) => {
    const [all, word, mon, yearAfterMonth, yearAlone] = m;
    const part = PART_WORDS[word.split(/[ \t\u00a0]/)[0].toLowerCase()];
    if (mon !== undefined && !isUpper(mon[0])) return null;
    const month = mon === undefined ? null : (monthOf(mon) ?? null);
    const yearText = yearAfterMonth ?? yearAlone;
    const y = yearText === undefined ? null : Number(yearText);
    return { start: m.index, end: m.index + all.length, spec: { kind: 'part', part, y, m: month } };
  });
  scan(QUARTER_RE, text, out, (m) => {
    const n = Number(m[2]);
    if (m[1] === 'H' && n > 2) return null;
    const span = m[1] === 'Q' ? 3 : 6;
    const fromM = (n - 1) * span + 1;
    return { start: m.index, end: m.index + m[0].length, spec: { kind: 'months', y: Number(m[3]), fromM, toM: fromM + span - 1 } };
  });
  scanAt(QUARTER_WORDS_AT, QUARTER_WORDS_RE, text, out, (m) => {
    const n = { first: 1, second: 2, third: 3, fourth: 4, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4 }[m[1].toLowerCase()];
    const span = m[2].toLowerCase() === 'quarter' ? 3 : 6;
    if (n === undefined || n * span > 12) return null;
    const fromM = (n - 1) * span + 1;
    return { start: m.index, end: m.index + m[0].length, spec: { kind: 'months', y: Number(m[3]), fromM, toM: fromM + span - 1 } };
  });
}

function scanBareMonths(text: string, out: DateCandidate[]) {
  scanAt(BARE_MONTH_AT, BARE_MONTH_RE, text, out, (m) => {
    const [all, modifier, mon] = m;
    const month = monthOf(mon);
    if (!month || !isUpper(mon[0])) return null;
    // A bare month name is a date only after a word that introduces one ("in March", not "March on").
    if (!modifier && !BARE_MONTH_BEFORE.has(wordBefore(text, m.index))) return null;
    const mod = modifier?.toLowerCase();
    const tense = mod === 'last' ? 'past' : mod === 'next' ? 'future' : mod === 'this' ? 'none' : undefined;
    return { start: m.index, end: m.index + all.length, spec: { kind: 'month', y: null, m: month }, tense };
  });
}

/** A bare year, unless it reads as an amount, a count, a code or part of a longer number. */
function scanYears(text: string, out: DateCandidate[]) {
  const acceptedEnds = new Set<number>();
  scan(YEAR_RE, text, out, (m) => {
    const start = m.index;
    const end = start + 4;
    const prev = text[start - 1];
    if (prev !== undefined && /[$£€¥#@/\\+_.,%&*=^~]/u.test(prev)) return null;
    if (prev === '-' || prev === '–' || prev === '—') {
      // "2019-2020" is a span of years when its first year was one; "555-2016" is a phone number.
      if (!acceptedEnds.has(start - 1)) return null;
    }
    const next = text[end];
    if (next !== undefined && /[\p{L}%]/u.test(next)) return null;
    if (next !== undefined && /[.,:]/.test(next) && /\d/.test(text[end + 1] ?? '')) return null;
    if (YEAR_BLOCKERS_BEFORE.has(wordBefore(text, start))) return null;
    if (YEAR_UNITS_AFTER.has(wordAfter(text, end))) return null;
    acceptedEnds.add(end);
    return { start, end, spec: { kind: 'year', y: Number(m[1]) } };
  });
}

/** Every absolute date candidate in the text (overlapping; the caller keeps the longest). */
export function scanAbsoluteDates(text: string): DateCandidate[] {
  const out: DateCandidate[] = [];
  scanMonthDay(text, out);
  scanNumeric(text, out);
  scanMonthYear(text, out);
  scanParts(text, out);
  scanBareMonths(text, out);
  scanYears(text, out);
  return out;
}
