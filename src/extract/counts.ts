// Count extractor: how many people, employees, investors, deaths… a sentence states ("killed at least 12 people",
// "employs 1,500 people", "over 100 investors", "the death toll rose to 30", "hundreds of workers").
// Conservative on purpose: a number only counts when a noun from lexicon/counts-nouns.json follows it (or a total
// such as "death toll" leads to it), so years, money, percentages, times and UI furniture never do.
//
// Value convention (money.ts's, with count always a number so facts can be compared):
//   exact        "12 people"                       count=12   min=12   max=12   approximate=false
//   lower bound  "more than/over/at least 100", "100+"  count=100 min=100 max=null approximate=true
//   upper bound  "nearly/almost/up to 100"         count=100  min=null max=100  approximate=true
//   estimate     "about/around/some 100"           count=100  min=null max=null approximate=true
//   range        "10-20 people", "between 10 and 20"  count=10 min=10   max=20   approximate=false
//   vague        "hundreds of", "a dozen"          count=min  min/max from the lexicon       approximate=true
import { firstCharGuard } from './regex-guard.js';
import { allMatches, prefixScanner } from './prefix-scan.js';
import type { CountLexicon } from './lexicon-schemas.js';
import data from './lexicon/counts-nouns.json' with { type: 'json' };
import {
  HEDGES,
  NUMBER_SOURCE,
  NUMBER_WORD_FIRST,
  NUMBER_WORD_SOURCE,
  SP,
  alternation,
  betweenBefore,
  decimalValue,
  fromBefore,
  hedgeBefore,
  splitNumber,
  wordNumber,
} from './money.js';
import { type ExtractContext, sentenceAt } from './text.js';

export interface CountFound {
  start: number;
  end: number;
  count: number;
  min: number | null;
  max: number | null;
  approximate: boolean;
  /** Normalised lemma of what is counted: "people", "employee", "investor". */
  noun: string;
  /** What the count is of: "death toll", "employees", "investors", … or "count" when the sentence does not say. */
  attribute: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Lexicon (its shape: lexicon-schemas.ts)

// JSON types tuples as arrays; the shape is checked by the lexicon test.
export const COUNT_LEXICON = data as unknown as CountLexicon;

type Noun = CountLexicon['nouns'][number];
type AttributeRule = CountLexicon['attributes'][number];

const norm = (s: string): string => s.toLowerCase().replace(/[\s\u00a0\u2009\u202f]+/g, ' ');
const NOUN_FORMS = new Map<string, { noun: Noun; singular: boolean }>();
for (const noun of COUNT_LEXICON.nouns) {
  for (const f of noun.plural) NOUN_FORMS.set(f, { noun, singular: false });
  for (const f of noun.singular) NOUN_FORMS.set(f, { noun, singular: true });
}
const TOTALS = new Map(COUNT_LEXICON.totals.map((t) => [t.phrase, t]));
const BLOCKERS = new Set(COUNT_LEXICON.blockersBefore);
const OPENERS = new Set(COUNT_LEXICON.openers);
const SCALE_WORDS = new Map(Object.entries(COUNT_LEXICON.scales).filter(([w]) => w.length > 2));
const SCALE_ATTACHED = new Map(Object.entries(COUNT_LEXICON.scales).filter(([w]) => w.length <= 2));

// ---------------------------------------------------------------------------------------------------------------
// Regexes. Every one is a bounded sequence of literal alternations, so scanning stays linear.

const WB = '(?![\\p{L}\\p{N}])';
const NUMBER_START = '(?<![\\p{L}\\p{N}$€£¥#/.,_-])';
const nounAlt = alternation(NOUN_FORMS.keys());
const modAlt = alternation(COUNT_LEXICON.modifiers);
const hedgeAlt = alternation([...HEDGES.min, ...HEDGES.max, ...HEDGES.approx]);

/** A figure with an optional scale: "1,500", "1.5 million", "10k". */
const DIGITS_RE = new RegExp(
  `${NUMBER_START}(${NUMBER_SOURCE})(?:${SP}+(${alternation(SCALE_WORDS.keys())})${WB}|(${alternation(SCALE_ATTACHED.keys())})${WB})?`,
  'giu',
);
/** "three", "twenty-five", "two hundred". */
const WORDS_RE = new RegExp(
  `${firstCharGuard(NUMBER_WORD_FIRST)}(?<![\\p{L}\\p{N}-])(${NUMBER_WORD_SOURCE})(?:${SP}+(${alternation(SCALE_WORDS.keys())}))?(?![\\p{L}\\p{N}-])`,
  'giu',
);
// Number words are tried only where one starts (see prefix-scan.ts).
const WORDS_AT = prefixScanner(WORDS_RE, NUMBER_WORD_FIRST);
const WORD_QUANTITY_RE = new RegExp(`(?<![\\p{L}\\p{N}-])(${alternation(Object.keys(COUNT_LEXICON.wordQuantities))})${WB}`, 'giu');
const VAGUE_RE = new RegExp(`(?<![\\p{L}\\p{N}-])(${alternation(Object.keys(COUNT_LEXICON.vague))})${SP}+of${WB}`, 'giu');
/** After a quantity: up to two modifiers, then a counted noun ("1,500 full-time employees"). */
const NOUN_AFTER = new RegExp(`(?:${SP}+(?:${modAlt})){0,2}${SP}+(${nounAlt})(?![\\p{L}\\p{N}]|-\\p{L})`, 'iuy');
/** After a vague quantity: "of (the|its|their)? modifiers noun". */
const VAGUE_NOUN_AFTER = new RegExp(
  `${SP}+of(?:${SP}+(?:the|its|their))?(?:${SP}+(?:${modAlt})){0,2}${SP}+(${nounAlt})(?![\\p{L}\\p{N}]|-\\p{L})`,
  'iuy',
);
const RANGE_AT = new RegExp(`(?:${SP}*[-–]${SP}*|${SP}+to${SP}+|${SP}+and${SP}+)(${NUMBER_SOURCE})${WB}`, 'iy');
const PLUS_AT = /(?:\+|-plus(?![\p{L}]))/uy;
const TOTAL_RE = new RegExp(
  `(?<![\\p{L}\\p{N}])(${alternation(TOTALS.keys())})(?:${SP}+(?:has|had|have|now|also|officially|then)){0,2}${SP}+(?:${alternation(COUNT_LEXICON.totalLinks)})${SP}+(?:(?:${hedgeAlt})${SP}+)?(?=\\d|\\p{L})`,
  'giu',
);
const TOTAL_NUMBER_AT = new RegExp(
  `(${NUMBER_SOURCE})(?:${SP}+(${alternation(SCALE_WORDS.keys())}))?${WB}|(${NUMBER_WORD_SOURCE})${WB}`,
  'iuy',
);
// Vague quantities and totals are tried only where one of their words starts (see prefix-scan.ts).
const VAGUE_AT = prefixScanner(VAGUE_RE, Object.keys(COUNT_LEXICON.vague));
const TOTAL_AT = prefixScanner(TOTAL_RE, [...TOTALS.keys()]);
const SOURCE_AFTER = new RegExp(`^${SP}*,?${SP}*(?:${alternation(COUNT_LEXICON.sourceAfter)})${WB}`, 'iu');
const WORD_BEFORE = /([\p{L}\p{N}.'’-]+)[ \t\u00a0]*$/u;

interface Quantity extends Pick<CountFound, 'start' | 'end' | 'count' | 'min' | 'max' | 'approximate'> {
  /** Digits: checked against years and blockers; words and vague forms are never years. */
  digits: boolean;
  vague: boolean;
  hedged: boolean;
}

function execAt(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

/** Value of a hedged or plain figure, following the convention at the top. */
function bounded(n: number, hedge: ReturnType<typeof hedgeBefore>, plus: boolean): Pick<Quantity, 'count' | 'min' | 'max' | 'approximate'> {
  if (plus || hedge === 'min') return { count: n, min: n, max: null, approximate: true };
  if (hedge === 'max') return { count: n, min: null, max: n, approximate: true };
  if (hedge === 'approx') return { count: n, min: null, max: null, approximate: true };
  return { count: n, min: n, max: n, approximate: false };
}

/** The figure times its scale, in decimal where the scale is a power of ten ("4.1 million" is 4100000, where
 *  4.1 × 1e6 in binary floating point is 4099999.9999999995). */
function figureValue(raw: string, scale: number): number {
  const { int, frac } = splitNumber(raw);
  const exp = Math.round(Math.log10(scale));
  return 10 ** exp === scale ? decimalValue(int, frac, exp) : decimalValue(int, frac, 0) * scale;
}

function scanQuantities(text: string): Quantity[] {
  const out: Quantity[] = [];
  for (const m of text.matchAll(DIGITS_RE)) {
    const start = m.index;
    const scaleWord = m[2] ?? m[3];
    const scale = scaleWord ? (SCALE_WORDS.get(scaleWord.toLowerCase()) ?? SCALE_ATTACHED.get(scaleWord.toLowerCase()) ?? 1) : 1;
    // A bare decimal ("2.5 people") is never a head count; a scaled one ("1.5 million users") is.
    if (!scaleWord && /[.]\d/.test(m[1]) && !/^\d{1,3}(?:\.\d{3}){2,}$/.test(m[1])) continue;
    let end = start + m[0].length;
    const n = figureValue(m[1], scale);
    const range = scaleWord ? null : execAt(RANGE_AT, text, end);
    // "10-20", "10 to 20", "between 10 and 20"; "from 10 to 20" is a change, not a range.
    const connector = range ? range[0].slice(0, range[0].length - range[1].length).trim().toLowerCase() : '';
    const isRange = range !== null && !fromBefore(text, start) && (connector !== 'and' || betweenBefore(text, start));
    if (range && isRange) {
      const hi = figureValue(range[1], 1);
      if (hi > n) {
        end += range[0].length;
        out.push({ start, end, count: n, min: n, max: hi, approximate: hedgeBefore(text, start) !== null, digits: true, vague: false, hedged: true });
        continue;
      }
    }
    const plus = execAt(PLUS_AT, text, end);
    if (plus) end += plus[0].length;
    const hedge = hedgeBefore(text, start);
    out.push({ start, end, ...bounded(n, hedge, plus !== null), digits: !scaleWord, vague: false, hedged: hedge !== null || plus !== null });
  }
  for (const m of allMatches(WORDS_AT, WORDS_RE, text)) {
    const n = wordNumber(m[1]);
    if (n === null || n === 0) continue;
    const scale = m[2] ? (SCALE_WORDS.get(m[2].toLowerCase()) ?? 1) : 1;
    const hedge = hedgeBefore(text, m.index);
    out.push({ start: m.index, end: m.index + m[0].length, ...bounded(n * scale, hedge, false), digits: false, vague: false, hedged: hedge !== null });
  }
  for (const m of text.matchAll(WORD_QUANTITY_RE)) {
    const n = COUNT_LEXICON.wordQuantities[norm(m[1])];
    if (n === undefined) continue;
    out.push({ start: m.index, end: m.index + m[0].length, count: n, min: null, max: null, approximate: true, digits: false, vague: true, hedged: true });
  }
  for (const m of allMatches(VAGUE_AT, VAGUE_RE, text)) {
    const range = COUNT_LEXICON.vague[norm(m[1])];
    if (!range) continue;
    // The span is the vague quantity itself ("hundreds"); "of" is read again with the noun.
    out.push({ start: m.index, end: m.index + m[1].length, count: range[0], min: range[0], max: range[1], approximate: true, digits: false, vague: true, hedged: true });
  }
  return out;
}

/** Four bare digits between 1900 and 2099 with no hedge are a year ("in 2019 investors…"), not a count. */
function looksLikeYear(text: string, q: Quantity): boolean {
  return q.digits && !q.hedged && /^(?:19|20)\d\d$/.test(text.slice(q.start, q.end));
}

/** The word right before the quantity rules it out: "top 10 customers", "Boeing 787 passengers", "Windows 11 users". */
function blockedBefore(text: string, q: Quantity, sentenceStart: number): boolean {
  if (q.hedged) return false;
  const m = WORD_BEFORE.exec(text.slice(Math.max(sentenceStart, q.start - 40), q.start));
  if (!m) return false;
  const word = m[1];
  if (BLOCKERS.has(word.toLowerCase())) return true;
  // A capitalised word names a model, product or date ("June 12 people", "Boeing 787 passengers") unless it is a
  // function word that opens the sentence ("The 12 people…", "All 30 passengers…").
  if (!/\p{Lu}/u.test(word)) return false;
  const wordStart = q.start - m[0].length;
  const opensSentence = text.slice(sentenceStart, wordStart).trim() === '';
  return !(opensSentence && OPENERS.has(word.toLowerCase()));
}

interface Trigger {
  attribute: string;
  distance: number;
}

const phrasesRe = (ps: string[], flags: string): RegExp | null =>
  ps.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation(ps)})${WB}`, flags) : null;
const RULES = COUNT_LEXICON.attributes.map((rule) => ({
  rule,
  near: rule.near?.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation(rule.near)})${SP}+(?:(?:${hedgeAlt})${SP}+)?$`, 'iu') : null,
  before: phrasesRe(rule.before, 'giu'),
  after: phrasesRe(rule.after, 'iu'),
}));

function ruleApplies(rule: AttributeRule, noun: Noun): boolean {
  if (rule.nouns) return rule.nouns.includes(noun.lemma);
  return !rule.humanOnly || noun.human;
}

/** The attribute whose trigger stands nearest the count in its sentence, or null when none does. */
function triggerFor(text: string, q: Quantity, nounEnd: number, noun: Noun, sentence: { start: number; end: number }): Trigger | null {
  let best: Trigger | null = null;
  const consider = (attribute: string, distance: number) => {
    if (!best || distance < best.distance) best = { attribute, distance };
  };
  const beforeFrom = Math.max(sentence.start, q.start - 60);
  const beforeText = text.slice(beforeFrom, q.start);
  const afterText = text.slice(nounEnd, Math.min(sentence.end, nounEnd + 40));
  for (const { rule, near, before, after } of RULES) {
    if (!ruleApplies(rule, noun)) continue;
    if (near?.test(text.slice(Math.max(sentence.start, q.start - 40), q.start))) consider(rule.attribute, 0);
    if (before) {
      let last: RegExpExecArray | null = null;
      for (const m of beforeText.matchAll(before)) last = m;
      if (last) consider(rule.attribute, beforeText.length - (last.index + last[0].length));
    }
    const m = after?.exec(afterText);
    if (m) consider(rule.attribute, m.index);
  }
  return best;
}

/** Totals that lead to their number: "the death toll rose to 30", "a workforce of 1,500". */
function scanTotals(text: string): Map<number, { end: number; value: Quantity; lemma: string; attribute: string }> {
  const out = new Map<number, { end: number; value: Quantity; lemma: string; attribute: string }>();
  for (const m of allMatches(TOTAL_AT, TOTAL_RE, text)) {
    const total = TOTALS.get(norm(m[1]));
    if (!total) continue;
    const pos = m.index + m[0].length;
    const num = execAt(TOTAL_NUMBER_AT, text, pos);
    if (!num) continue;
    let n: number | null;
    if (num[1] !== undefined) n = figureValue(num[1], num[2] ? (SCALE_WORDS.get(num[2].toLowerCase()) ?? 1) : 1);
    else n = wordNumber(num[3] ?? '');
    const after = text[pos + num[0].length];
    if (n === null || n <= 0 || after === '%') continue;
    if (num[1] !== undefined && !num[2] && /[.]\d/.test(num[1])) continue;
    const hedge = hedgeBefore(text, pos);
    const q: Quantity = { start: pos, end: pos + num[0].length, ...bounded(n, hedge, false), digits: num[1] !== undefined && !num[2], vague: false, hedged: hedge !== null };
    if (looksLikeYear(text, q)) continue;
    out.set(pos, { end: q.end, value: q, lemma: total.lemma, attribute: total.attribute });
  }
  return out;
}

/** All counts of the document, sorted by start, never overlapping. Never throws. */
export function extractCounts(ctx: ExtractContext): CountFound[] {
  try {
    return extract(ctx);
  } catch {
    return [];
  }
}

function extract(ctx: ExtractContext): CountFound[] {
  const text = ctx.text;
  if (typeof text !== 'string' || text.length === 0) return [];
  const totals = scanTotals(text);
  const found: CountFound[] = [];
  for (const q of scanQuantities(text)) {
    const sentence = sentenceAt(ctx.sentences, q.start) ?? { start: 0, end: text.length };
    const tail = execAt(q.vague && !/^(?:a|half)\b/i.test(text.slice(q.start, q.end)) ? VAGUE_NOUN_AFTER : NOUN_AFTER, text, q.end);
    const total = totals.get(q.start);
    if (!tail) {
      if (total) found.push(toFound(total.value, total.end, total.lemma, total.attribute));
      continue;
    }
    const form = NOUN_FORMS.get(norm(tail[1]));
    if (!form) continue;
    const nounEnd = q.end + tail[0].length;
    if (looksLikeYear(text, q) || blockedBefore(text, q, sentence.start)) continue;
    if (SOURCE_AFTER.test(text.slice(nounEnd, Math.min(text.length, nounEnd + 60)))) continue;
    if (form.singular && q.count !== 1) continue;
    if (!form.singular && q.count === 1 && !q.vague) continue;
    const trigger = triggerFor(text, q, nounEnd, form.noun, sentence);
    // "one person said" tells nothing; "one person was killed" is a death toll.
    if (form.singular && !trigger) continue;
    const attribute = total?.attribute ?? trigger?.attribute ?? form.noun.attribute;
    found.push(toFound(q, nounEnd, form.noun.lemma, attribute));
  }
  for (const [start, total] of totals) {
    if (!found.some((f) => f.start === start)) found.push(toFound(total.value, total.end, total.lemma, total.attribute));
  }
  return dropOverlaps(found);
}

function toFound(q: Quantity, end: number, noun: string, attribute: string): CountFound {
  return { start: q.start, end, count: q.count, min: q.min, max: q.max, approximate: q.approximate, noun, attribute };
}

/** Keeps the earliest (then longest) count of each overlapping group ("two hundred people" over "hundred"). */
function dropOverlaps(found: CountFound[]): CountFound[] {
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: CountFound[] = [];
  let lastEnd = -1;
  for (const f of found) {
    if (f.start < lastEnd || f.end <= f.start) continue;
    out.push(f);
    lastEnd = f.end;
  }
  return out;
}
