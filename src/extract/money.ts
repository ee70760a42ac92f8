// Money extractor: finds sums of money ("$2.7 billion", "£3.25bn", "EUR 3.2bn", "5m USD", "billion-dollar",
// "billions of dollars") with linear regex and sticky scans only, and normalises them to a MoneyValue.
//
// Value convention (percent.ts follows the same one):
//   exact        "$5m"                                   amount=5e6  min=5e6  max=5e6  approximate=false
//   lower bound  "more than/over/at least $5m", "$5m+"   amount=5e6  min=5e6  max=null approximate=true
//   upper bound  "up to/as high as/nearly/under $5m"     amount=5e6  min=null max=5e6  approximate=true
//   estimate     "about/roughly/some/an estimated $5m"   amount=5e6  min=null max=null approximate=true
//   range        "$10-20bn", "between $10bn and $20bn"   amount=null min=1e10 max=2e10 approximate=false (true if hedged)
//   vague        "billion-dollar"                        amount=null min=1e9  max=null approximate=true
//                "billions of dollars"                   amount=null min=2e9  max=null approximate=true
//                "hundreds of millions of dollars"       amount=null min=2e8  max=1e9  approximate=true
// Spans cover currency, figure and scale ("$2.7 billion") but never the hedge ("more than") nor "between".
// A figure in brackets right after another one in a different currency ("$6.1bn (£4.5bn)") is a conversion:
// it gets conversionOfStart = the first one's start.
import { firstCharGuard } from './regex-guard.js';
import { allMatches, prefixScanner } from './prefix-scan.js';
import type { CurrencyLexicon, HedgeLexicon, NumberWords, ScaleLexicon } from './lexicon-schemas.js';
import currencyData from './lexicon/currencies.json' with { type: 'json' };
import scaleData from './lexicon/money-scales.json' with { type: 'json' };
import hedgeData from './lexicon/money-hedges.json' with { type: 'json' };
import numberData from './lexicon/money-numbers.json' with { type: 'json' };
import type { ExtractContext } from './text.js';
import type { MoneyFound } from './types.js';

// ---------------------------------------------------------------------------------------------------------------
// Lexicons (their shape: lexicon-schemas.ts)

export const CURRENCIES = currencyData as CurrencyLexicon;
export const SCALES = scaleData as ScaleLexicon;
export const HEDGES = hedgeData as HedgeLexicon;
export const NUMBER_WORDS = numberData as NumberWords;

type CurrencyWord = (typeof CURRENCIES.words)[number];
export type HedgeKind = 'min' | 'max' | 'approx';

const SYMBOLS = new Map(CURRENCIES.symbols.map((s) => [s.symbol, s.currency]));
const CODES = new Map<string, string>([
  ...CURRENCIES.codes.map((c): [string, string] => [c, c]),
  ...Object.entries(CURRENCIES.prefixAliases),
]);
const WORDS = new Map(CURRENCIES.words.map((w) => [w.phrase, w]));
const DECIMAL_COMMA = new Set(CURRENCIES.decimalComma);
const HEDGE_KIND = new Map<string, HedgeKind>([
  ...HEDGES.min.map((h): [string, HedgeKind] => [h.toLowerCase(), 'min']),
  ...HEDGES.max.map((h): [string, HedgeKind] => [h.toLowerCase(), 'max']),
  ...HEDGES.approx.map((h): [string, HedgeKind] => [h.toLowerCase(), 'approx']),
]);

// ---------------------------------------------------------------------------------------------------------------
// Shared regex building blocks (percent.ts uses them too)

/** Horizontal space only: a mention never runs across a line break. */
export const SP = '[ \\t\\u00a0\\u2009\\u202f]';

/**
 * A figure: "1.500.000" (dot-grouped thousands), "1,500,000.5" (comma-grouped), "2.7", "1987".
 * Each alternative is bounded by the digit run it starts on, so scanning stays linear.
 */
export const NUMBER_SOURCE = String.raw`\d{1,3}(?:\.\d{3}){2,}(?!\d)|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?`;

/** Global scan for figures that do not start inside another figure ("1.5" yields one, not two). */
export function numberScanner(): RegExp {
  return new RegExp(`(?<!\\d[.,]?)(?:${NUMBER_SOURCE})`, 'g');
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Alternation of literal phrases, longest first, spaces matching any horizontal run. */
export function alternation(items: Iterable<string>): string {
  return [...items]
    .sort((a, b) => b.length - a.length)
    .map((p) => p.split(' ').map(escapeRe).join(`${SP}+`))
    .join('|');
}

const normalise = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ');

/** Splits a figure's text into integer and fraction digits. */
export function splitNumber(text: string): { int: string; frac: string } {
  if (text.indexOf('.') !== text.lastIndexOf('.') && /^\d{1,3}(?:\.\d{3}){2,}$/.test(text)) return { int: text.replace(/\./g, ''), frac: '' };
  const [int, frac = ''] = text.replace(/,/g, '').split('.');
  return { int, frac };
}

/** int.frac × 10^exp computed in decimal so 2.7 × 10^9 is exactly 2700000000. */
export function decimalValue(int: string, frac: string, exp: number): number {
  return Number(`${int}${frac}e${exp - frac.length}`);
}

const HEDGE_BEFORE = new RegExp(`(?:^|[^\\p{L}])(${alternation(HEDGE_KIND.keys())})${SP}*$`, 'iu');
const BETWEEN_BEFORE = new RegExp(`(?:^|[^\\p{L}])between${SP}+$`, 'iu');
const FROM_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:from|by)${SP}+$`, 'iu');
const LOOKBACK = 40;

const before = (text: string, start: number): string => text.slice(Math.max(0, start - LOOKBACK), start);

// The last words of the hedges, when plain ASCII letters (see mayEndWithHedge).
const HEDGE_LAST_WORDS = new Set(
  [...HEDGE_KIND.keys()].map((h) => h.split(' ').pop() as string).filter((w) => /^[a-z]+$/.test(w)),
);

/**
 * False only when HEDGE_BEFORE cannot match `slice`: it must end (before spaces) with a hedge's last word, which
 * stands after a non-letter or the slice start. A trailing run of ASCII letters after an ASCII character (or the
 * start) is that word exactly, so one Set lookup decides; anything non-ASCII (case folding equates "ſ" with "s" and
 * the Kelvin sign with "k") or a trailing "." / "~" goes to the regex. Saves trying the pattern at every position.
 */
function mayEndWithHedge(slice: string): boolean {
  let i = slice.length - 1;
  for (; i >= 0; i--) {
    const c = slice.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0xa0 && c !== 0x2009 && c !== 0x202f) break;
  }
  if (i < 0) return false;
  const end = i + 1;
  const last = slice.charCodeAt(i);
  if (last > 0x7f || last === 0x2e || last === 0x7e) return true;
  for (; i >= 0; i--) {
    const c = slice.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) break;
  }
  if (i === end - 1) return false; // an ASCII character that ends no hedge
  if (i >= 0 && slice.charCodeAt(i) > 0x7f) return true;
  return HEDGE_LAST_WORDS.has(slice.slice(i + 1, end).toLowerCase());
}

/** The hedge word right before a mention ("more than $5m", "(about €9bn)"), if any. */
export function hedgeBefore(text: string, start: number): HedgeKind | null {
  const slice = before(text, start);
  if (!mayEndWithHedge(slice)) return null;
  const m = HEDGE_BEFORE.exec(slice);
  return m ? (HEDGE_KIND.get(normalise(m[1])) ?? null) : null;
}

/** "between X and Y" makes "and" a range connector. */
export function betweenBefore(text: string, start: number): boolean {
  return BETWEEN_BEFORE.test(before(text, start));
}

/** "from X to Y" and "by X to Y" describe a change, not a range. */
export function fromBefore(text: string, start: number): boolean {
  return FROM_BEFORE.test(before(text, start));
}

/** Connector between the two ends of a range: a dash, "to", or "and" (after "between"). */
export const RANGE_CONNECTOR_SOURCE = `${SP}*[-–—]${SP}*|${SP}+(to|and)${SP}+`;

const isLetter = (ch: string | undefined): boolean => ch !== undefined && /\p{L}/u.test(ch);

// ---------------------------------------------------------------------------------------------------------------
// Money-specific scanners

const symbolAlt = alternation(SYMBOLS.keys());
const codeAlt = alternation(CODES.keys());
const wordAlt = alternation(WORDS.keys());
const attachedScaleAlt = alternation(Object.keys(SCALES.attached));
const wordScaleAlt = alternation(Object.keys(SCALES.words));
// Spelled-out scales that can stand without a figure ("billion-dollar", "a million pounds").
const FULL_SCALES = Object.fromEntries(Object.entries(SCALES.words).filter(([w]) => /^[a-z]{4,}$/.test(w)));

const PREFIX_SYMBOL_BEFORE = new RegExp(`(?<![\\p{L}.])(${symbolAlt})${SP}?$`, 'u');
// Not after "/": "USD/JPY 150" is an exchange rate.
const PREFIX_CODE_BEFORE = new RegExp(`(?<![\\p{L}\\p{N}/])(${codeAlt})${SP}?$`, 'u');
const PREFIX_AT = new RegExp(`(?:(${symbolAlt})|(${codeAlt}))${SP}?`, 'uy');
const NUMBER_AT = new RegExp(NUMBER_SOURCE, 'y');
const DECIMAL_COMMA_AT = /,(\d{1,2})(?!\d)/y;
const SCALE_WORD_AT = new RegExp(`(?:${SP}|-)?(${wordScaleAlt})(?![\\p{L}\\p{N}])`, 'iuy');
const SCALE_ATTACHED_AT = new RegExp(`(${attachedScaleAlt})(?![\\p{L}\\p{N}])`, 'iuy');
const PLUS_AT = /(?:\+|-plus\b)(?!\d)/y;
const RANGE_AT = new RegExp(RANGE_CONNECTOR_SOURCE, 'iy');
const SUFFIX_CODE_AT = new RegExp(`${SP}?(${alternation(CURRENCIES.codes)})(?![\\p{L}\\p{N}])`, 'uy');
const SUFFIX_WORD_AT = new RegExp(`(?:${SP}+|-)(${wordAlt})(?![\\p{L}])`, 'iuy');
const SUFFIX_EURO_AT = new RegExp(`${SP}?€`, 'y');
const SUFFIX_POSSIBLE = /[\p{L}€]/u;
const IN_BEFORE = new RegExp(`(?:^|[^\\p{L}])in${SP}+$`, 'iu');

const WORD_SCALE_RE = new RegExp(
  `${firstCharGuard(['multi', ...Object.keys(FULL_SCALES)])}(?<![\\p{L}\\p{N}])(multi-?)?(${alternation(Object.keys(FULL_SCALES))})(?=${SP}|-)`,
  'giu',
);
// Scale words are tried only where one starts (see prefix-scan.ts).
const WORD_SCALE_AT = prefixScanner(WORD_SCALE_RE, ['multi', ...Object.keys(FULL_SCALES)]);
const CURRENCY_WORD_AT = new RegExp(`(${SP}+|-)(${wordAlt})(?![\\p{L}])`, 'iuy');
const numberWordAlt = alternation(Object.keys(NUMBER_WORDS));
/** "five", "thirty-seven", "forty nine" (wordNumber rejects impossible pairs such as "two three"). */
export const NUMBER_WORD_SOURCE = `(?:${numberWordAlt})(?:(?:-|${SP}+)(?:${numberWordAlt}))?`;
/** The characters a NUMBER_WORD_SOURCE match starts with, as a lookahead (see regex-guard.ts). */
export const NUMBER_WORD_FIRST = Object.keys(NUMBER_WORDS);
const QUANT_BEFORE = new RegExp(
  `(?<![\\p{L}\\p{N}])(half${SP}+a|a${SP}+half|a${SP}+couple${SP}+of|a${SP}+few|several|few|${NUMBER_WORD_SOURCE}|an|a)(?:${SP}+|-)$`,
  'iu',
);
const VAGUE_RE = new RegExp(`(?<![\\p{L}\\p{N}])(${alternation(Object.keys(SCALES.vague))})${SP}+of${SP}+`, 'giu');
const VAGUE_MULT_BEFORE = new RegExp(
  `(?<![\\p{L}\\p{N}])(${alternation(Object.keys(SCALES.vagueMultipliers))})${SP}+of${SP}+$`,
  'iu',
);
const CURRENCY_WORD_DIRECT_AT = new RegExp(`(${wordAlt})(?![\\p{L}])`, 'iuy');
const CONVERSION_GAP = new RegExp(`^${SP}*(?:[(\\[]|,?${SP}*or${SP})[^\\d()\\[\\]\\n\\r]{0,30}$`, 'i');
const CONVERSION_CLOSE_AT = new RegExp(`${SP}*[)\\]]`, 'y');

type MoneyValue = MoneyFound['value'];

interface Figure {
  start: number;
  end: number;
  int: string;
  frac: string;
  exp: number | null;
  commaDecimal: boolean;
}

interface Candidate {
  start: number;
  end: number;
  value: MoneyValue;
}

function execAt(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

// South Africa's rand as a prefix: "R1.2 billion", "R410m", "R250,000". A lone R is too common a letter to trust
// without a scale or thousands (an R2 statistic, the R1 road), and it is written against the figure.
const RAND_BEFORE = /(?<![\p{L}\p{N}.$&'’-])R$/u;
const RAND = 'ZAR';

/** Currency symbol or code written just before a figure ("US$", "€ ", "USD "); `needsScale` for a prefix that
 *  counts only before a scaled or grouped figure (the rand's R). */
function prefixBefore(text: string, numStart: number): { start: number; currency: string; needsScale?: boolean } | null {
  const slice = text.slice(Math.max(0, numStart - 12), numStart);
  if (RAND_BEFORE.test(slice)) return { start: numStart - 1, currency: RAND, needsScale: true };
  const sym = PREFIX_SYMBOL_BEFORE.exec(slice);
  if (sym) {
    const currency = SYMBOLS.get(sym[1]);
    if (currency) return { start: numStart - slice.length + sym.index, currency };
  }
  const code = PREFIX_CODE_BEFORE.exec(slice);
  if (code) {
    const currency = CODES.get(code[1]);
    if (currency) return { start: numStart - slice.length + code.index, currency };
  }
  return null;
}

/** Reads a figure with its scale at pos ("2.7 billion", "5bn", "1,5 Mio"); null when glued to a word ("3D"). */
function readFigure(text: string, pos: number, allowCommaDecimal: boolean): Figure | null {
  const m = execAt(NUMBER_AT, text, pos);
  if (!m) return null;
  let { int, frac } = splitNumber(m[0]);
  let end = pos + m[0].length;
  let commaDecimal = false;
  if (allowCommaDecimal && !/[.,]/.test(m[0])) {
    const tail = execAt(DECIMAL_COMMA_AT, text, end);
    if (tail) {
      frac = tail[1];
      end += tail[0].length;
      commaDecimal = true;
    }
  }
  let exp: number | null = null;
  const word = execAt(SCALE_WORD_AT, text, end);
  const attached = word ? null : execAt(SCALE_ATTACHED_AT, text, end);
  const scale = word ?? attached;
  if (scale) {
    exp = (word ? SCALES.words : SCALES.attached)[scale[1].toLowerCase()] ?? null;
    end += scale[0].length;
  } else if (isLetter(text[end])) {
    return null;
  }
  return { start: pos, end, int, frac, exp, commaDecimal };
}

function boundedValue(amount: number, hedge: HedgeKind | null, plus: boolean): Omit<MoneyValue, 'currency'> {
  if (plus || hedge === 'min') return { amount, min: amount, max: null, approximate: true };
  if (hedge === 'max') return { amount, min: null, max: amount, approximate: true };
  if (hedge === 'approx') return { amount, min: null, max: null, approximate: true };
  return { amount, min: amount, max: amount, approximate: false };
}

/** Tries to read a money expression around the figure starting at numStart. */
function moneyAt(text: string, numStart: number, allowCommaDecimal: boolean, currencyOf: CurrencyOf): (Candidate & { commaDecimal: boolean }) | null {
  const prefix = prefixBefore(text, numStart);
  if (!prefix && isLetter(text[numStart - 1])) return null;
  // Without a prefix the currency must be written after the figure: skip figures with no word or € nearby.
  if (!prefix && !SUFFIX_POSSIBLE.test(text.slice(numStart, numStart + 60))) return null;
  const first = readFigure(text, numStart, allowCommaDecimal);
  if (!first) return null;
  if (prefix?.needsScale && first.exp === null && !/^\d{1,3}(?:,\d{3})+/.test(text.slice(numStart, first.end))) return null;
  const start = prefix ? prefix.start : numStart;
  let end = first.end;
  let second: Figure | null = null;
  let loExp = first.exp ?? 0;
  let hiExp = 0;

  const plus = execAt(PLUS_AT, text, end);
  if (plus) end += plus[0].length;
  const connector = plus ? null : execAt(RANGE_AT, text, end);
  if (connector) {
    const word = connector[1]?.toLowerCase();
    const allowed = word === 'and' ? betweenBefore(text, start) : word === 'to' ? !fromBefore(text, start) : true;
    let p = connector.index + connector[0].length;
    const secondPrefix = allowed ? execAt(PREFIX_AT, text, p) : null;
    const secondCurrency = secondPrefix ? (SYMBOLS.get(secondPrefix[1] ?? '') ?? CODES.get(secondPrefix[2] ?? '')) : null;
    if (secondPrefix) p += secondPrefix[0].length;
    const sameCurrency = secondCurrency == null || secondCurrency === prefix?.currency;
    const fig = allowed && sameCurrency && /\d/.test(text[p] ?? '') ? readFigure(text, p, allowCommaDecimal) : null;
    // "$5m - 2019" or "$5 to 10 people": a spaced connector needs a second figure that looks like money
    // (its own currency or a scale); only "between $10 and 20" is trusted without.
    const spaced = /\s/.test(connector[0]) && word !== 'and';
    if (fig && (!spaced || secondPrefix || fig.exp !== null)) {
      const lo = decimalValue(first.int, first.frac, 0);
      const hi = decimalValue(fig.int, fig.frac, 0);
      // "$10-20 billion": the scale written once applies to both ends, unless that would invert the range
      // ("$500,000 to $1 million").
      const sharedLoExp = first.exp ?? (fig.exp !== null && lo <= hi ? fig.exp : 0);
      const sharedHiExp = fig.exp ?? first.exp ?? 0;
      if (decimalValue(first.int, first.frac, sharedLoExp) <= decimalValue(fig.int, fig.frac, sharedHiExp)) {
        second = fig;
        loExp = sharedLoExp;
        hiExp = sharedHiExp;
        end = fig.end;
      }
    }
  }

  let currency = prefix?.currency ?? null;
  if (!currency) {
    const code = execAt(SUFFIX_CODE_AT, text, end);
    const word = code ? null : execAt(SUFFIX_WORD_AT, text, end);
    const euro = code || word ? null : execAt(SUFFIX_EURO_AT, text, end);
    if (code) {
      currency = code[1];
      end += code[0].length;
    } else if (word) {
      const entry = WORDS.get(normalise(word[1])) as CurrencyWord;
      const scaled = first.exp !== null || (second !== null && second.exp !== null);
      if (entry.needsScale && !scaled) return null;
      // "in 2019 dollars" is a price base, not a sum.
      if (!scaled && !second && /^(?:1[89]|20)\d\d$/.test(first.int) && IN_BEFORE.test(before(text, start))) return null;
      currency = currencyOf(entry);
      if (currency === null) return null;
      end += word[0].length;
    } else if (euro) {
      currency = 'EUR';
      end += euro[0].length;
    }
  }
  if (!currency) return null;

  const commaDecimal = first.commaDecimal || (second?.commaDecimal ?? false);
  const hedge = hedgeBefore(text, start);
  if (second) {
    const min = decimalValue(first.int, first.frac, loExp);
    const max = decimalValue(second.int, second.frac, hiExp);
    return { start, end, commaDecimal, value: { amount: null, currency, min, max, approximate: hedge !== null } };
  }
  const amount = decimalValue(first.int, first.frac, loExp);
  return { start, end, commaDecimal, value: { currency, ...boundedValue(amount, hedge, plus !== null) } };
}

/** Figures with a currency: "$2.7 billion", "EUR 3.2bn", "5m USD", "€1,5 Mio", "$10-20 billion". */
function scanFigures(text: string, out: Candidate[], currencyOf: CurrencyOf): void {
  const re = numberScanner();
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const found = moneyAt(text, m.index, true, currencyOf);
    if (!found) continue;
    // "€1,5" is 1.5 euros; "$1,5" is no sum we can read (neither 15 nor 1), so it is left out.
    if (found.commaDecimal && !DECIMAL_COMMA.has(found.value.currency)) continue;
    out.push({ start: found.start, end: found.end, value: found.value });
    if (found.end > re.lastIndex) re.lastIndex = found.end;
  }
}

/** Spelled-out sums: "billion-dollar", "multibillion-dollar", "a million pounds", "half a billion dollars". */
function scanWordScales(text: string, out: Candidate[], currencyOf: CurrencyOf): void {
  for (const m of allMatches(WORD_SCALE_AT, WORD_SCALE_RE, text)) {
    const cur = execAt(CURRENCY_WORD_AT, text, m.index + m[0].length);
    if (!cur) continue;
    const word = WORDS.get(normalise(cur[2])) as CurrencyWord;
    const currency = currencyOf(word);
    if (currency === null) continue;
    const exp = FULL_SCALES[m[2].toLowerCase()] ?? 0;
    const end = cur.index + cur[0].length;
    const unit = 10 ** exp;
    if (m[1]) {
      out.push({ start: m.index, end, value: vague(currency, 2 * unit, null) });
      continue;
    }
    const slice = before(text, m.index);
    const q = QUANT_BEFORE.exec(slice);
    const quant = q ? normalise(q[1]) : null;
    const quantStart = q ? m.index - slice.length + q.index : m.index;
    const article = quant === null || quant === 'a' || quant === 'an';
    const adjective = cur[1].includes('-') || word.form === 'singular';
    if (article && adjective) {
      // "a billion-dollar investment": an order of magnitude, not a sum.
      out.push({ start: m.index, end, value: vague(currency, unit, null) });
    } else if (quant === 'several' || quant === 'few' || quant === 'a few' || quant === 'a couple of') {
      out.push({ start: quantStart, end, value: vague(currency, 2 * unit, 10 * unit) });
    } else if (quant === null) {
      // "billion dollars" with nothing countable before it is the tail of something we cannot read
      // ("one-and-a-half billion dollars", "five hundred billion dollars"): better no mention than a wrong one.
      continue;
    } else {
      const n = article ? 1 : quant === 'half a' || quant === 'a half' ? 0.5 : wordNumber(quant ?? '');
      if (n === null) continue;
      const hedge = hedgeBefore(text, quantStart);
      out.push({ start: quantStart, end, value: { currency, ...boundedValue(n * unit, hedge, false) } });
    }
  }
}

/** "billions of dollars", "hundreds of millions of pounds", "tens of billions of euros". */
function scanVaguePlurals(text: string, out: Candidate[], currencyOf: CurrencyOf): void {
  const re = new RegExp(VAGUE_RE.source, VAGUE_RE.flags);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const cur = execAt(CURRENCY_WORD_DIRECT_AT, text, m.index + m[0].length);
    if (!cur) continue;
    const currency = currencyOf(WORDS.get(normalise(cur[1])) as CurrencyWord);
    if (currency === null) continue;
    const exp = SCALES.vague[m[1].toLowerCase()] ?? 0;
    const slice = before(text, m.index);
    const mult = VAGUE_MULT_BEFORE.exec(slice);
    const end = cur.index + cur[0].length;
    if (mult) {
      const e = exp + (SCALES.vagueMultipliers[mult[1].toLowerCase()] ?? 0);
      out.push({ start: m.index - slice.length + mult.index, end, value: vague(currency, 2 * 10 ** e, 10 ** (e + 1)) });
    } else {
      out.push({ start: m.index, end, value: vague(currency, 2 * 10 ** exp, null) });
    }
  }
}

/** The ISO code a currency word names in one document (null: none can be told). */
type CurrencyOf = (entry: CurrencyWord) => string | null;

/**
 * A document's reader of currency words: a word's own currency, or for a word several countries' currencies share
 * ("pesos", "kroner", "shillings") the one whose places the document names most often; none when it names none of
 * them, or two as often (better no sum than one in the wrong currency). Places are counted once per document.
 */
function currencyReader(text: string): CurrencyOf {
  let lower: string | undefined;
  const counts = new Map<string, number>();
  const named = (place: string): number => {
    let n = counts.get(place);
    if (n === undefined) {
      lower ??= text.toLowerCase();
      n = 0;
      for (let i = lower.indexOf(place); i >= 0; i = lower.indexOf(place, i + place.length)) {
        if (!isLetter(lower[i - 1] ?? ' ') && !isLetter(lower[i + place.length] ?? ' ')) n++;
      }
      counts.set(place, n);
    }
    return n;
  };
  return (entry) => {
    if ('currency' in entry) return entry.currency;
    let best: string | null = null;
    let most = 0;
    let tie = false;
    for (const [code, places] of Object.entries(CURRENCIES.places[entry.byPlace])) {
      const n = places.reduce((sum, p) => sum + named(p), 0);
      if (n > most) [best, most, tie] = [code, n, false];
      else if (n === most && n > 0) tie = true;
    }
    return tie ? null : best;
  };
}

function vague(currency: string, min: number, max: number | null): MoneyValue {
  return { amount: null, currency, min, max, approximate: true };
}

/** "five" → 5, "thirty-seven" → 37; null for anything else. */
export function wordNumber(word: string): number | null {
  const parts = word.toLowerCase().split(/[-\s]+/);
  const a = NUMBER_WORDS[parts[0]];
  if (a === undefined) return null;
  if (parts.length === 1) return a;
  const b = NUMBER_WORDS[parts[1]];
  if (parts.length !== 2 || b === undefined || a < 20 || a % 10 !== 0 || b < 1 || b > 9) return null;
  return a + b;
}

/** Keeps the earliest (then longest) candidate of each overlapping group. */
function resolveOverlaps(cands: Candidate[]): MoneyFound[] {
  cands.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: MoneyFound[] = [];
  let lastEnd = -1;
  for (const c of cands) {
    if (c.start < lastEnd || c.end <= c.start) continue;
    out.push({ start: c.start, end: c.end, value: c.value });
    lastEnd = c.end;
  }
  return out;
}

/** "$6.1 billion (£4.5 billion)", "€8bn (about $9bn)", "£5m, or about $6.3m". */
function linkConversions(text: string, found: MoneyFound[]): void {
  for (let i = 1; i < found.length; i++) {
    const prev = found[i - 1];
    const cur = found[i];
    if (prev.conversionOfStart !== undefined) continue;
    if (cur.value.currency === prev.value.currency || cur.start - prev.end > 40) continue;
    const gap = text.slice(prev.end, cur.start);
    if (!CONVERSION_GAP.test(gap)) continue;
    const opensBracket = /[(\[]/.test(gap);
    if (opensBracket && !execAt(CONVERSION_CLOSE_AT, text, cur.end)) continue;
    cur.conversionOfStart = prev.start;
  }
}

/** All money mentions of the document, sorted by start, never overlapping. */
export function extractMoney(ctx: ExtractContext): MoneyFound[] {
  const text = ctx.text;
  if (typeof text !== 'string' || text.length === 0) return [];
  const cands: Candidate[] = [];
  const currencyOf = currencyReader(text);
  scanFigures(text, cands, currencyOf);
  scanWordScales(text, cands, currencyOf);
  scanVaguePlurals(text, cands, currencyOf);
  const found = resolveOverlaps(cands);
  linkConversions(text, found);
  return found;
}
