// The hand-written word scanner (words.ts) must give exactly the spans of the regex it replaces.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countLetterRuns, forEachWord } from '../../src/extract/words.js';

const WORD = /[\p{L}\p{N}]+(?:(?:[’'.&]|-(?=\p{Lu}))[\p{L}\p{N}]+)*/gu;
const viaRegex = (t: string) => [...t.matchAll(WORD)].map((m) => [m.index, m.index + m[0].length]);
const viaScanner = (t: string) => {
  const out: number[][] = [];
  forEachWord(t, (s, e) => out.push([s, e]));
  return out;
};

describe('forEachWord', () => {
  it.each([
    ['Coca-Cola and mid-June', [[0, 9], [10, 13], [14, 22]]],
    ["O'Neil’s U.S. R&D", [[0, 8], [9, 12], [14, 17]]],
    ['end. 3.5 ’tis &x', [[0, 3], [5, 8], [10, 13], [15, 16]]],
    ['', []],
    ['😀𝐀b \ud835 x', [[2, 5], [8, 9]]],
  ])('reads the words of %j', (text, spans) => {
    expect(viaScanner(text)).toEqual(spans);
    expect(viaScanner(text)).toEqual(viaRegex(text));
  });

  it('agrees with the regex on random text', () => {
    const pieces = fc.constantFrom('a', 'B', 'é', 'É', '1', '٣', 'ß', '’', "'", '.', '&', '-', ' ', '\n', '😀', '𝐀', '\ud835', '\udc00', 'ǅ', 'İ', 'x-Y', '漢', '_', '—', 'Ⅻ');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(viaScanner(text)).toEqual(viaRegex(text));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        expect(viaScanner(text)).toEqual(viaRegex(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('classifies every BMP character as the regex does, alone and between words (the per-character cache)', () => {
    // Twice over: the first pass fills the cache, the second reads it.
    for (let pass = 0; pass < 2; pass++) {
      for (let c = 0; c < 0x10000; c++) {
        if (c >= 0xd800 && c <= 0xdfff) continue;
        const ch = String.fromCharCode(c);
        for (const text of [ch, `a-${ch}b`]) expect(viaScanner(text), `U+${c.toString(16)}`).toEqual(viaRegex(text));
      }
    }
  });
});

describe('countLetterRuns', () => {
  const plain = (t: string) => (t.match(/[\p{L}\p{N}]+/gu) ?? []).length;

  it.each([
    ['Grow faster.', 2],
    ["O'Neil’s U.S. R&D, 3.5%", 9],
    ['', 0],
    ['😀𝐀b \ud835 x', 2],
    ['  é-É ٣ ', 3],
  ])('counts the runs of %j', (text, n) => {
    expect(countLetterRuns(text)).toBe(n);
    expect(countLetterRuns(text)).toBe(plain(text));
  });

  it('agrees with the regex on random text', () => {
    const pieces = fc.constantFrom('a', 'B', 'é', '1', '٣', '’', "'", '.', ' ', '\n', '😀', '𝐀', '\ud835', '\udc00', '漢', '_', '—');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(countLetterRuns(text)).toBe(plain(text));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        expect(countLetterRuns(text)).toBe(plain(text));
      }),
      { numRuns: 2000 },
    );
  });
});
