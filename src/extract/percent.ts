// Percentage extractor: "37%", "37 percent", "37.5 per cent", "5 percentage points", "thirty-seven percent",
// "10-20%", "between 10% and 20%", with hedges ("nearly 50%", "more than 30%"). Linear regex and sticky scans.
//
// Value convention (the same as money.ts):
//   exact        "37%"                          { percent: 37 }
//   lower bound  "more than 30%", "at least 30%"  { percent: 30, min: 30,   max: null, approximate: true }
//   upper bound  "nearly 50%", "up to 50%"        { percent: 50, min: null, max: 50,   approximate: true }
//   estimate     "about 40%"                      { percent: 40, min: null, max: null, approximate: true }
//   range        "10-20%", "between 10 and 20%"   { percent: 10, min: 10, max: 20 }  (lower end; approximate if hedged)
// "percentage points" are reported as plain percents (the schema has no unit). Spans never include the hedge,
// "between", nor the noun after ("a 37% stake" → "37%").
import { firstCharGuard } from './regex-guard.js';
import type { ExtractContext } from './text.js';
import type { PercentFound } from './types.js';
import {
  NUMBER_SOURCE,
  RANGE_CONNECTOR_SOURCE,
  SP,
  betweenBefore,
  decimalValue,
  fromBefore,
  hedgeBefore,
  numberScanner,
  splitNumber,
  wordNumber,
  NUMBER_WORD_FIRST,
  NUMBER_WORD_SOURCE,
} from './money.js';

type PercentValue = PercentFound['value'];

// "%" followed by two hex digits is URL encoding ("a%20b"), not a percentage.
const UNIT_SOURCE = `${SP}?[%％](?![0-9A-Fa-f]{2})|(?:${SP}+|-)?(?:percentage${SP}+points?|per${SP}?cent|per-cent|percent|pct)(?![\\p{L}])|pc(?![\\p{L}\\p{N}])`;
const UNIT_AT = new RegExp(UNIT_SOURCE, 'iuy');
const UNIT_POSSIBLE = /[%％pP]/;
const NUMBER_AT = new RegExp(NUMBER_SOURCE, 'y');
const RANGE_AT = new RegExp(RANGE_CONNECTOR_SOURCE, 'iy');
// Every WORD_PERCENT_RE match contains one of its units ("percent", "per cent", "per-cent"), in any case.
const WORD_PERCENT_POSSIBLE = new RegExp(`per(?:${SP}?cent|-cent)`, 'i');
const WORD_PERCENT_RE = new RegExp(
  `${firstCharGuard(['one', 'a', ...NUMBER_WORD_FIRST])}(?<![\\p{L}\\p{N}])(${`(?:one|a)${SP}+hundred`}|${NUMBER_WORD_SOURCE})(?:${SP}+|-)(?:percent|per${SP}?cent|per-cent)(?![\\p{L}])`,
  'giu',
);

interface Figure {
  value: number;
  end: number;
  unit: boolean;
}

function execAt(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

const isLetter = (ch: string | undefined): boolean => ch !== undefined && /\p{L}/u.test(ch);

/** A figure at pos with its optional percent unit; null when glued to a word ("76ers"). */
function readFigure(text: string, pos: number): Figure | null {
  const m = execAt(NUMBER_AT, text, pos);
  if (!m) return null;
  const { int, frac } = splitNumber(m[0]);
  let end = pos + m[0].length;
  const unit = execAt(UNIT_AT, text, end);
  if (unit) end += unit[0].length;
  else if (isLetter(text[end])) return null;
  return { value: decimalValue(int, frac, 0), end, unit: unit !== null };
}

function bounded(percent: number, text: string, start: number): PercentValue {
  const hedge = hedgeBefore(text, start);
  if (hedge === 'min') return { percent, min: percent, max: null, approximate: true };
  if (hedge === 'max') return { percent, min: null, max: percent, approximate: true };
  if (hedge === 'approx') return { percent, min: null, max: null, approximate: true };
  return { percent };
}

function percentAt(text: string, numStart: number): PercentFound | null {
  // "B2B", "A4": a figure glued to a word is part of a name.
  if (isLetter(text[numStart - 1])) return null;
  // Cheap filter: no "%" or "p…" (percent, per cent, pc) close after the figure means no percentage here.
  if (!UNIT_POSSIBLE.test(text.slice(numStart, numStart + 40))) return null;
  const first = readFigure(text, numStart);
  if (!first) return null;
  let start = numStart;
  let sign = 1;
  const prev = text[numStart - 1];
  if ((prev === '-' || prev === '−') && (numStart === 1 || /[\s(]/.test(text[numStart - 2]))) {
    start = numStart - 1;
    sign = -1;
  }
  const lo = sign * first.value;

  const connector = execAt(RANGE_AT, text, first.end);
  if (connector) {
    const word = connector[1]?.toLowerCase();
    const allowed = word === 'and' ? betweenBefore(text, start) : word === 'to' ? !fromBefore(text, start) : true;
    const p = connector.index + connector[0].length;
    const second = allowed && /\d/.test(text[p] ?? '') ? readFigure(text, p) : null;
    if (second?.unit && second.value >= lo) {
      const hedged = hedgeBefore(text, start) !== null;
      const value: PercentValue = { percent: lo, min: lo, max: second.value };
      if (hedged) value.approximate = true;
      return { start, end: second.end, value };
    }
  }
  if (!first.unit) return null;
  return { start, end: first.end, value: bounded(lo, text, start) };
}

function wordPercents(text: string, out: PercentFound[]): void {
  // Most texts spell no percentage out: skip the scan when the unit is nowhere.
  if (!WORD_PERCENT_POSSIBLE.test(text)) return;
  const re = new RegExp(WORD_PERCENT_RE.source, WORD_PERCENT_RE.flags);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const n = /hundred$/i.test(m[1]) ? 100 : wordNumber(m[1]);
    if (n === null) continue;
    out.push({ start: m.index, end: m.index + m[0].length, value: bounded(n, text, m.index) });
  }
}

/** All percentage mentions of the document, sorted by start, never overlapping. */
export function extractPercent(ctx: ExtractContext): PercentFound[] {
  const text = ctx.text;
  if (typeof text !== 'string' || text.length === 0) return [];
  const cands: PercentFound[] = [];
  const re = numberScanner();
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const found = percentAt(text, m.index);
    if (!found) continue;
    cands.push(found);
    if (found.end > re.lastIndex) re.lastIndex = found.end;
  }
  wordPercents(text, cands);
  cands.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: PercentFound[] = [];
  let lastEnd = -1;
  for (const c of cands) {
    if (c.start < lastEnd) continue;
    out.push(c);
    lastEnd = c.end;
  }
  return out;
}
