// The word scanner of the entity tokenizer, by hand: the same spans as the regex
//   /[\p{L}\p{N}]+(?:(?:[’'.&]|-(?=\p{Lu}))[\p{L}\p{N}]+)*/gu
// (letters and digits, with inner apostrophes, dots, ampersands, and hyphens before a capital), read from character
// codes with a table for ASCII. A regex match per word (its array and strings) was a visible share of extraction.

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const UPPER = /^\p{Lu}$/u;

// ASCII: 1 = letter or digit, 2 = also upper case.
const ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  ASCII[c] = LETTER_OR_DIGIT.test(ch) ? (UPPER.test(ch) ? 2 : 1) : 0;
}

/** Whether the code point at `i` is a letter or digit: its length in code units (1 or 2), else 0. */
function wordCharAt(text: string, i: number): number {
  if (i >= text.length) return 0;
  const c = text.charCodeAt(i);
  if (c < 128) return ASCII[c] !== 0 ? 1 : 0;
  const cp = text.codePointAt(i) as number;
  return LETTER_OR_DIGIT.test(String.fromCodePoint(cp)) ? (cp > 0xffff ? 2 : 1) : 0;
}

function upperAt(text: string, i: number): boolean {
  if (i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (c < 128) return ASCII[c] === 2;
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
