// hedgeBefore skips its pattern when the text before a figure cannot end with a hedge; these tests check that the
// shortcut gives exactly the answers of the plain pattern, including case-folding corners (long s, Kelvin sign).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HEDGES, type HedgeKind, SP, alternation, hedgeBefore } from '../../src/extract/money.js';

const KIND = new Map<string, HedgeKind>([
  ...HEDGES.min.map((h): [string, HedgeKind] => [h.toLowerCase(), 'min']),
  ...HEDGES.max.map((h): [string, HedgeKind] => [h.toLowerCase(), 'max']),
  ...HEDGES.approx.map((h): [string, HedgeKind] => [h.toLowerCase(), 'approx']),
]);
const PLAIN = new RegExp(`(?:^|[^\\p{L}])(${alternation(KIND.keys())})${SP}*$`, 'iu');

function plainHedge(text: string, start: number): HedgeKind | null {
  const m = PLAIN.exec(text.slice(Math.max(0, start - 40), start));
  return m ? (KIND.get(m[1].toLowerCase().replace(/\s+/g, ' ')) ?? null) : null;
}

describe('hedgeBefore', () => {
  it.each<[string, HedgeKind | null]>([
    ['more than ', 'min'],
    ['sold for MORE THAN\u00a0', 'min'],
    ['at least\t', 'min'],
    ['(about ', 'approx'],
    ['approx. ', 'approx'],
    ['c. ', 'approx'],
    ['~', 'approx'],
    ['just shy of ', 'max'],
    ['a whopping ', null],
    ['moreover ', null],
    ['leftover ', null],
    ['1999 ', null],
    ['', null],
  ])('%j', (before, kind) => {
    const text = `${before}$5m`;
    expect(hedgeBefore(text, before.length)).toBe(kind);
    expect(plainHedge(text, before.length)).toBe(kind);
  });

  it('agrees with the plain pattern on random text', () => {
    const parts = ['more than', ' ', '\u00a0', '\u2009', '\t', '\n', 'over', 'OVER', 'le\u017fs than', 'less', 'than', 'approx.', 'c.',
      '~', '≈', 'x', 'é', '1', '$', ',', '(', '.', '-', 'about', 'ABOUT', 'shy of', 'of', '\u212a', 'K', '\u017fome', 'some',
      'in the region of', 'estimated', 'an', 'upward', 'wards'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...parts), { maxLength: 8 }), fc.string({ maxLength: 4 }), (words, noise) => {
        const before = noise + words.join('');
        const text = `${before}$5`;
        expect(hedgeBefore(text, before.length)).toBe(plainHedge(text, before.length));
      }),
      { numRuns: 5000 },
    );
  });
});
