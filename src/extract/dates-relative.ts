// Finds dates that only make sense against the document's own date: weekdays ("told the AP on Wednesday"),
// "yesterday", "last week", "earlier this month", "two years ago".
import { wordBefore } from './dates-absolute.js';
import { firstCharGuard } from './regex-guard.js';
import {
  DATE_NAMES,
  NUMBER_WORDS,
  NUMBER_WORD_SRC,
  WEEKDAY_BY_NAME,
  WEEKDAY_FULL_SRC,
  WEEKDAY_NOT_DATE_FOLLOWERS,
  WEEKDAY_NOT_DATE_PREFIXES,
} from './dates-lexicon.js';
import type { DateCandidate, WeekdayModifier } from './dates-resolve.js';
import { scan, scanAt } from './dates-spans.js';
import { prefixScanner } from './prefix-scan.js';

const S = '[ \\t\\u00a0]';
const B = '(?<![\\p{L}\\d])';
const E = '(?![\\p{L}\\d])';

const DAY_WORD_RE = new RegExp(
  `${firstCharGuard(['yesterday', 'today', 'tonight', 'tomorrow', 'last', 'this'])}${B}(?:(yesterday|today|tonight|tomorrow)|(last${S}+night)|(this${S}+(?:morning|afternoon|evening)))${E}`,
  'giu',
);
const PERIOD_RE = new RegExp(`${firstCharGuard(['earlier', 'later', 'last', 'this', 'next'])}${B}(?:(earlier|later)${S}+)?(last|this|next)${S}+(week|month|year)${E}`, 'giu');
// "ago" is rare and the count words ("a") common: find "ago" first, then read the words before it.
const AGO_RE = new RegExp(`${B}ago${E}`, 'giu');
const AGO_COUNT_RE = new RegExp(`${B}(\\d{1,3}|${NUMBER_WORD_SRC})${S}+(day|week|month|year)s?${S}+$`, 'iu');
const WEEKDAY_RE = new RegExp(`${firstCharGuard(DATE_NAMES.weekdays.map((g) => g[0]))}${B}(${WEEKDAY_FULL_SRC})${E}`, 'giu');
// Looked for behind a weekday in code: an optional group in front of the name would make every position a start.
const WEEKDAY_MODIFIER_RE = new RegExp(`${B}(this${S}+past|last|this|next|past|coming)${S}+$`, 'iu');

// Where each word-led pattern can start (see dates-prefix.ts).
const DAY_WORD_AT = prefixScanner(DAY_WORD_RE, ['yesterday', 'today', 'tonight', 'tomorrow', 'last', 'this']);
const PERIOD_AT = prefixScanner(PERIOD_RE, ['earlier', 'later', 'last', 'this', 'next']);
const WEEKDAY_AT = prefixScanner(WEEKDAY_RE, DATE_NAMES.weekdays.map((g) => g[0]));

const isUpper = (c: string | undefined) => c !== undefined && c !== c.toLowerCase();

/** "USA Today", "the Today programme": a capitalised "Today" inside a run of capitalised words is a name. */
function isTitleWord(text: string, start: number): boolean {
  if (!isUpper(text[start])) return false;
  let k = start;
  while (k > 0 && (text[k - 1] === ' ' || text[k - 1] === '\t')) k--;
  if (k === start || k === 0) return false;
  let j = k;
  while (j > 0 && k - j < 40 && /\p{L}/u.test(text[j - 1])) j--;
  return j < k && isUpper(text[j]);
}

function scanDayWords(text: string, out: DateCandidate[]) {
  scanAt(DAY_WORD_AT, DAY_WORD_RE, text, out, (m) => {
    const [all, word, lastNight] = m;
    const start = m.index;
    const end = start + all.length;
    if (word) {
      const w = word.toLowerCase();
      if ((w === 'today' || w === 'tonight') && isTitleWord(text, start)) return null;
      const days = w === 'yesterday' ? -1 : w === 'tomorrow' ? 1 : 0;
      return { start, end, spec: { kind: 'dayOffset', days } };
    }
    return { start, end, spec: { kind: 'dayOffset', days: lastNight ? -1 : 0 } };
  });
}

function scanPeriods(text: string, out: DateCandidate[]) {
  scanAt(PERIOD_AT, PERIOD_RE, text, out, (m) => {
    const [all, edge, which, unit] = m;
    // "over the last year" is the past twelve months, not the previous calendar year.
    if (!edge && wordBefore(text, m.index) === 'the') return null;
    const offset = { last: -1, this: 0, next: 1 }[which.toLowerCase() as 'last' | 'this' | 'next'];
    const e = edge ? (edge.toLowerCase() as 'earlier' | 'later') : null;
    return {
      start: m.index,
      end: m.index + all.length,
      spec: { kind: 'period', unit: unit.toLowerCase() as 'week' | 'month' | 'year', offset, edge: e },
    };
  });
  scan(AGO_RE, text, out, (m) => {
    const windowStart = Math.max(0, m.index - 30);
    const c = AGO_COUNT_RE.exec(text.slice(windowStart, m.index));
    if (!c) return null;
    const [, count, unit] = c;
    const start = windowStart + c.index;
    const end = m.index + m[0].length;
    const n = /^\d+$/.test(count) ? Number(count) : NUMBER_WORDS.get(count.toLowerCase());
    if (n === undefined) return null;
    const u = unit.toLowerCase();
    const spec =
      u === 'day'
        ? ({ kind: 'dayOffset', days: -n } as const)
        : ({ kind: 'period', unit: u as 'week' | 'month' | 'year', offset: -n, edge: null } as const);
    return { start, end, spec };
  });
}

function followedByName(text: string, end: number): boolean {
  const after = text.slice(end, end + 40).toLowerCase().replace(/^[ \t\u00a0]+/, '');
  return WEEKDAY_NOT_DATE_FOLLOWERS.some((f) => after.startsWith(f) && !/[\p{L}\d]/u.test(after[f.length] ?? ''));
}

function scanWeekdays(text: string, out: DateCandidate[]) {
  scanAt(WEEKDAY_AT, WEEKDAY_RE, text, out, (m) => {
    const name = m[1];
    if (!isUpper(name[0])) return null;
    const nameStart = m.index;
    const end = m.index + name.length;
    const windowStart = Math.max(0, nameStart - 20);
    const mm = WEEKDAY_MODIFIER_RE.exec(text.slice(windowStart, nameStart));
    const modifier = mm?.[1];
    const start = mm ? windowStart + mm.index : nameStart;
    // "Black Friday", "Super Tuesday", "the Sunday Times" are names, not days.
    if (!modifier && WEEKDAY_NOT_DATE_PREFIXES.has(wordBefore(text, m.index))) return null;
    if (followedByName(text, end)) return null;
    const wd = WEEKDAY_BY_NAME.get(name.toLowerCase());
    if (wd === undefined) return null;
    const mod = modifier ? (modifier.toLowerCase().replace(/[ \t\u00a0]+/g, ' ') as string) : null;
    const normalised: WeekdayModifier = mod === 'this past' ? 'past' : (mod as WeekdayModifier);
    return { start, end, spec: { kind: 'weekday', wd, modifier: normalised } };
  });
}

/** Every relative date candidate in the text (overlapping; the caller keeps the longest). */
export function scanRelativeDates(text: string): DateCandidate[] {
  const out: DateCandidate[] = [];
  scanDayWords(text, out);
  scanPeriods(text, out);
  scanWeekdays(text, out);
  return out;
}
