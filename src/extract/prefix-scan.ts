// Runs word-led whole-text regexes only where a match can start. Each such pattern opens with one of a known list
// of words ("March", "last", "million", "chief"...); one pass over the text finds every position whose first two or
// three characters begin such a word, and the regex is tried (sticky) at those positions only, instead of being run
// over the whole text once per pattern. The matches are exactly those of the global regex (see execFrom).

/** Letters fold as the patterns' Unicode case-insensitive matching folds them; digits stay; 0 for anything else. */
function symbol(c: number): number {
  if (c >= 97 && c <= 122) return c - 96;
  if (c >= 65 && c <= 90) return c - 64;
  if (c >= 48 && c <= 57) return c - 48 + 27;
  // The only non-ASCII characters whose simple case folding is an ASCII letter: long s and the Kelvin sign.
  if (c === 0x17f) return 19;
  if (c === 0x212a) return 11;
  return 0;
}

// The same as a table over UTF-16 code units, for the pass over every character of the text. Filled in a function
// of its own: a loop this long at a module's top level makes V8 optimise the whole module body, in every thread.
const SYMBOLS = symbolTable();

function symbolTable(): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) table[c] = symbol(c);
  return table;
}

const BASE = 37;
/** For each code of two or three symbols, a bit per scanner whose words start with it. */
const masks2 = new Uint32Array(BASE * BASE);
const masks3 = new Uint32Array(BASE * BASE * BASE);
const MAX_SCANNERS = 31;
let scanners = 0;

export interface PrefixScanner {
  /** The pattern as a sticky regex, tried at each candidate position. */
  sticky: RegExp;
  bit: number;
}

/**
 * Registers a global regex whose every match starts with one of `words` (as the regex spells them, case aside).
 * Every word must open with at least two letters or digits; otherwise (null) the caller keeps the global scan.
 */
export function prefixScanner(global: RegExp, words: Iterable<string>): PrefixScanner | null {
  const two: number[] = [];
  const three: number[] = [];
  for (const w of words) {
    const s = [0, 1, 2].map((i) => (i < w.length ? symbol(w.charCodeAt(i)) : 0));
    if (s[0] === 0 || s[1] === 0) return null;
    if (s[2] === 0) two.push(s[0] * BASE + s[1]);
    else three.push((s[0] * BASE + s[1]) * BASE + s[2]);
  }
  if (scanners === MAX_SCANNERS || !global.global) return null;
  const bit = scanners++;
  for (const code of two) masks2[code] |= 1 << bit;
  for (const code of three) masks3[code] |= 1 << bit;
  return { sticky: new RegExp(global.source, `${global.flags.replace('g', '')}y`), bit };
}

// The candidate positions of the last text, per scanner (the extractors of one document read the same text).
let last: { text: string; starts: number[][] } | null = null;

/** Positions of `text` where a match of the scanner's regex may start, ascending. */
function candidateStarts(scanner: PrefixScanner, text: string): number[] {
  if (last === null || last.text !== text) last = { text, starts: indexText(text) };
  return last.starts[scanner.bit];
}

function indexText(text: string): number[][] {
  const starts: number[][] = Array.from({ length: scanners }, () => []);
  const n = text.length;
  let s1 = n > 0 ? SYMBOLS[text.charCodeAt(0)] : 0;
  let s2 = n > 1 ? SYMBOLS[text.charCodeAt(1)] : 0;
  for (let i = 0; i + 1 < n; i++) {
    const s0 = s1;
    s1 = s2;
    s2 = i + 2 < n ? SYMBOLS[text.charCodeAt(i + 2)] : 0;
    if (s0 === 0 || s1 === 0) continue;
    let mask = masks2[s0 * BASE + s1];
    if (s2 !== 0) mask |= masks3[(s0 * BASE + s1) * BASE + s2];
    while (mask !== 0) {
      const bit = 31 - Math.clz32(mask);
      starts[bit].push(i);
      mask &= ~(1 << bit);
    }
  }
  return starts;
}

/**
 * What `global.exec(text)` returns with `global.lastIndex = from`: the leftmost match starting at or after `from`.
 * Every match starts at a candidate, and the sticky regex at a candidate matches exactly as the global one would
 * there, so the first candidate at or after `from` where it matches gives that match.
 */
export function execFrom(scanner: PrefixScanner, text: string, from: number): RegExpExecArray | null {
  const starts = candidateStarts(scanner, text);
  // First candidate >= from (binary search: loops resume from the end of their last match).
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] < from) lo = mid + 1;
    else hi = mid;
  }
  const { sticky } = scanner;
  for (let k = lo; k < starts.length; k++) {
    sticky.lastIndex = starts[k];
    const m = sticky.exec(text);
    if (m !== null) return m;
  }
  return null;
}

/** `[...text.matchAll(global)]` for a pattern whose matches are never empty, through the scanner when there is one. */
export function allMatches(scanner: PrefixScanner | null, global: RegExp, text: string): RegExpExecArray[] {
  if (scanner === null) return [...text.matchAll(global)] as RegExpExecArray[];
  const out: RegExpExecArray[] = [];
  for (let m = execFrom(scanner, text, 0); m !== null; m = execFrom(scanner, text, m.index + m[0].length)) {
    // An empty match would not advance; matchAll steps one character on. Never happens for the patterns here.
    if (m[0].length === 0) throw new Error('allMatches: empty match');
    out.push(m);
  }
  return out;
}
