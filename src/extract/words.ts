// The word scanner of the entity tokenizer, by hand: the same spans as the regex
//   /[\p{L}\p{N}]+(?:(?:[’'.&]|-(?=\p{Lu}))[\p{L}\p{N}]+)*/gu
// (letters and digits, with inner apostrophes, dots, ampersands, and hyphens before a capital), read from character
// codes with a table for ASCII. A regex match per word (its array and strings) was a visible share of extraction.

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const UPPER = /^\p{Lu}$/u;

// Classes of the Basic Multilingual Plane, filled on first sight of each character: 0 = not looked at yet,
// 1 = neither letter nor digit, 2 = letter or digit, 3 = also upper case. Testing the regexes on a one-character
// string per non-ASCII character (curly quotes, accented letters) allocated that string every time. Keyed by the
// 65,536 code units, so bounded; it holds facts about Unicode only, nothing about a document.
const BMP = new Uint8Array(0x10000);
for (let c = 0; c < 128; c++) BMP[c] = classify(String.fromCharCode(c));

function classify(ch: string): number {
  return LETTER_OR_DIGIT.test(ch) ? (UPPER.test(ch) ? 3 : 2) : 1;
}

/** The class of the code unit c, which is not a surrogate. */
function bmpClass(c: number): number {
  let k = BMP[c];
  if (k === 0) {
    k = classify(String.fromCharCode(c));
    BMP[c] = k;
  }
  return k;
}

const isSurrogate = (c: number) => c >= 0xd800 && c <= 0xdfff;

/** Whether the code point at `i` is a letter or digit: its length in code units (1 or 2), else 0. */
function wordCharAt(text: string, i: number): number {
  if (i >= text.length) return 0;
  const c = text.charCodeAt(i);
  if (!isSurrogate(c)) return bmpClass(c) >= 2 ? 1 : 0;
  const cp = text.codePointAt(i) as number;
  return LETTER_OR_DIGIT.test(String.fromCodePoint(cp)) ? (cp > 0xffff ? 2 : 1) : 0;
}

function upperAt(text: string, i: number): boolean {
  if (i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (!isSurrogate(c)) return bmpClass(c) === 3;
  return UPPER.test(String.fromCodePoint(text.codePointAt(i) as number));
}

/** Calls `found(start, end)` for every word of the text, in order (the spans of the regex above). */
export function forEachWord(text: string, found: (start: number, end: number) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const w = wordCharAt(text, i);
    if (w === 0) {
      // Step over the whole code point, as the Unicode regex does.
      const c = text.charCodeAt(i);
      i += c >= 0xd800 && c <= 0xdbff && i + 1 < n && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
      continue;
    }
    const start = i;
    i += w;
    for (;;) {
      // [\p{L}\p{N}]+
      for (let k = wordCharAt(text, i); k !== 0; k = wordCharAt(text, i)) i += k;
      // (?:[’'.&]|-(?=\p{Lu}))[\p{L}\p{N}]+ : a connector counts only with a word character after it.
      if (i >= n) break;
      const c = text.charCodeAt(i);
      const connector = c === 0x2019 || c === 0x27 || c === 0x2e || c === 0x26 || (c === 0x2d && upperAt(text, i + 1));
      if (!connector || i + 1 >= n || wordCharAt(text, i + 1) === 0) break;
      i += 1;
    }
    found(start, i);
  }
}

/** How many runs of letters and digits the text has: (text.match(/[\p{L}\p{N}]+/gu) ?? []).length, without the array. */
export function countLetterRuns(text: string): number {
  let count = 0;
  let inRun = false;
  for (let i = 0; i < text.length; ) {
    const w = wordCharAt(text, i);
    if (w === 0) {
      inRun = false;
      i++;
      continue;
    }
    if (!inRun) count++;
    inRun = true;
    i += w;
  }
  return count;
}
