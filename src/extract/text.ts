// Shared text primitives for every extractor: sentence spans and offset → line/column mapping.
// Sentences never cross a line break: in the articles we read a line is a paragraph, a heading or a list item.

import { isSpace } from './spaces.js';

export interface Span {
  start: number;
  end: number;
}

export interface Sentence extends Span {
  index: number;
  text: string;
}

/** What every extractor gets: the document's text, its sentences and its reference date. */
export interface ExtractContext {
  text: string;
  sentences: Sentence[];
  /** The document's own date (YYYY-MM-DD) or the user's reference date; null when neither is known. */
  date: string | null;
}

// Words after which a full stop does not end a sentence.
const ABBREVIATIONS = new Set(
  [
    'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'gen', 'col', 'lt', 'sgt', 'capt', 'rep', 'sen', 'gov',
    'pres', 'rev', 'hon', 'inc', 'corp', 'ltd', 'co', 'bros', 'plc', 'llc', 'vs', 'etc', 'no', 'nos', 'fig', 'approx',
    'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mon', 'tue', 'tues', 'wed',
    'thu', 'thur', 'thurs', 'fri', 'sat', 'sun', 'est', 'dept', 'univ', 'assn', 'ave', 'blvd', 'e.g', 'i.e', 'u.s',
    'u.k', 'u.n', 'e.u', 'a.m', 'p.m', 'min',
  ],
);

// Closing quotes and brackets after a sentence's end: " ' ” ’ ) ] »
const CLOSER_CODES = new Set([0x22, 0x27, 0x201d, 0x2019, 0x29, 0x5d, 0xbb]);

/**
 * The longest sentence handed to the extractors. Real sentences stay far below it (the longest in our corpora is
 * ~320 characters); a run-on line of scraped text is cut into pieces of at most this size, so that per-sentence
 * work is bounded and no input makes extraction quadratic.
 */
export const MAX_SENTENCE = 2000;

/**
 * Splits text into sentences. Deterministic, linear, and never throws on odd input. Reads character codes, never
 * `text[i]`: a character outside Latin-1 (a curly quote) read as a string is allocated, and V8 optimises indexed
 * reads for the kind of string it saw first (one or two bytes per character) and deoptimises on the other.
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const n = text.length;
  const push = (start: number, end: number) => {
    while (start < end && isSpace(text.charCodeAt(start))) start++;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    while (end - start > MAX_SENTENCE) {
      const cut = cutPoint(text, start, start + MAX_SENTENCE);
      push(start, cut);
      start = cut;
      while (start < end && isSpace(text.charCodeAt(start))) start++;
    }
    if (end > start) out.push({ start, end, index: out.length, text: text.slice(start, end) });
  };
  let start = 0;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0a || code === 0x0d) {
      push(start, i);
      start = i + 1;
      continue;
    }
    if (code !== 0x2e && code !== 0x21 && code !== 0x3f && code !== 0x2026) continue; // . ! ? …
    let j = i + 1;
    for (let c = text.charCodeAt(j); c === 0x2e || c === 0x21 || c === 0x3f; c = text.charCodeAt(j)) j++;
    while (j < n && CLOSER_CODES.has(text.charCodeAt(j))) j++;
    if (j < n && text.charCodeAt(j) !== 0x20 && text.charCodeAt(j) !== 0x09) continue;
    let k = j;
    for (let c = text.charCodeAt(k); c === 0x20 || c === 0x09; c = text.charCodeAt(k)) k++;
    if (k >= n || text.charCodeAt(k) === 0x0a || text.charCodeAt(k) === 0x0d) continue; // the line break ends it anyway
    const next = text.charAt(k);
    // A new sentence opens with a capital, a digit or an opening quote/bracket.
    if (!/[\p{Lu}\d"“‘'(\[]/u.test(next)) continue;
    if (code === 0x2e && j === i + 1 && isAbbreviation(text, i)) continue;
    if (code === 0x2026 && !/[\p{Lu}]/u.test(next)) continue;
    push(start, j);
    start = j;
    i = j - 1;
  }
  push(start, n);
  return out;
}

/** Where to cut an over-long sentence before `limit`: after the last space in its second half, else at the limit. */
function cutPoint(text: string, start: number, limit: number): number {
  for (let i = limit; i > start + MAX_SENTENCE / 2; i--) {
    if (text.charCodeAt(i - 1) === 0x20 || text.charCodeAt(i - 1) === 0x09) return i;
  }
  // Never between the two halves of a surrogate pair.
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}

function isAbbreviation(text: string, dot: number): boolean {
  let s = dot;
  while (s > 0 && /[\p{L}.]/u.test(text.charAt(s - 1))) s--;
  const word = text.slice(s, dot).toLowerCase();
  if (word.length === 0) return false;
  if (ABBREVIATIONS.has(word)) return true;
  // A single capital initial ("J. Smith") or dotted acronym ("U.S.").
  if (/^\p{L}$/u.test(word) && /\p{Lu}/u.test(text.charAt(s))) return true;
  return /^(\p{L}\.)+\p{L}$/u.test(word);
}

/** Maps offsets to 1-based line and column (columns count UTF-16 code units, as offsets do). */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  locate(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo] + 1 };
  }
}

/** The sentence containing an offset (binary search over sorted sentences). */
export function sentenceAt(sentences: Sentence[], offset: number): Sentence | undefined {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid];
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}

export function makeContext(text: string, date: string | null): ExtractContext {
  return { text, sentences: splitSentences(text), date };
}
