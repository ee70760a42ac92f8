// readLeftWords scans backwards by hand; these tests check it against the split-based reading it replaces.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readLeftWords } from '../../src/extract/entities-left.js';

function plain(text: string, start: number) {
  let raw = text.slice(Math.max(0, start - 60), start);
  raw = raw.slice(raw.lastIndexOf('\n') + 1).toLowerCase();
  const parts = raw.split(/\s+/).filter((w) => w.length > 0);
  if (start - 60 > 0 && parts.length > 0) parts.shift();
  const words = parts.slice(-6).map((w) => w.replace(/^[^\p{L}\p{N}]+/u, ''));
  let comma = false;
  const last = words.length - 1;
  if (last >= 0 && words[last].endsWith(',')) {
    comma = true;
    words[last] = words[last].slice(0, -1);
  }
  return { words, comma, raw };
}

describe('readLeftWords', () => {
  it.each<[string, string[], boolean]>([
    ['shares of ', ['shares', 'of'], false],
    ['the chief executive, ', ['the', 'chief', 'executive'], true],
    ['He told “Reuters', ['he', 'told', 'reuters'], false],
    ['one two three four five six seven eight ', ['three', 'four', 'five', 'six', 'seven', 'eight'], false],
    ['', [], false],
  ])('%j', (before, words, comma) => {
    const l = readLeftWords(`${before}X`, before.length);
    expect(l.words).toEqual(words);
    expect(l.comma).toBe(comma);
  });

  it('agrees with splitting on whitespace', () => {
    const parts = ['said', 'Acme', ' ', '  ', '\n', '\t', '\u00a0', '\u2009', '\u3000', '\ufeff', '\u1680', '\u2028', '\u205f', '\u200a', '\u200b', '\v', '\f', '\r', ',', '“', '(', '—', 'é', 'İ', '5', 'x,', 'of the'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...parts), { maxLength: 40 }), fc.string({ maxLength: 3 }), (ws, noise) => {
        const text = `${ws.join('')}${noise}X`;
        for (const start of [0, 1, text.length - 1, text.length, Math.floor(text.length / 2)]) {
          expect(readLeftWords(text, start)).toEqual(plain(text, start));
        }
      }),
      { numRuns: 5000 },
    );
  });
});
