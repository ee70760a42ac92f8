// matchAt (attributes.ts) checks a trigger's boundaries and trailing letters by hand around a bare-words pattern;
// it must end where the full pattern (lookbehind, words, \p{L}*, lookahead; flags iu) ends, sticky at the same
// place. And the run starts triggerWordsIn records must be exactly the runs of [a-z0-9] that hold each literal.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileAttributes, matchAt, triggerWordsIn } from '../../src/extract/attributes.js';

const triggers = compileAttributes({
  attributes: [
    { name: 'stake', kinds: ['percent'], conflicts: true, triggers: ['stake', 'wage increase', 'invest*', 'series a*', 'u.s. share', 'pay '] },
  ],
}).get('percent')!;
const byText = (text: string) => triggers[['stake', 'wage increase', 'invest*', 'series a*', 'u.s. share', 'pay '].indexOf(text)];

/** The full pattern's match end at `at`, or -1. */
const plain = (source: string, sentence: string, at: number) => {
  const re = new RegExp(source, 'iuy');
  re.lastIndex = at;
  const m = re.exec(sentence);
  return m === null ? -1 : at + m[0].length;
};

describe('matchAt', () => {
  it.each([
    ['stake', 'a stake of', 2, 7],
    ['stake', 'a STAKE.', 2, 7],
    ['stake', 'a \u212Atake', 2, -1], // the Kelvin sign folds to "k", not "s"
    ['stake', 'a ſtake', 2, 7], // the long s folds to "s": the pattern (and matchAt) match it
    ['stake', 'ta \u212Aake', 3, -1],
    ['stake', 'a stakes', 2, -1],
    ['stake', 'a stake1', 2, -1],
    ['stake', 'éstake', 1, -1],
    ['stake', '\u0345stake', 1, -1], // folds to a Greek iota under i: a letter before
    ['stake', '𝐀stake', 2, -1], // a letter outside the BMP before
    ['stake', 'stake\u0345', 0, -1],
    ['stake', 'stake', 0, 5],
    ['wage increase', 'a wage  \u00a0increase.', 2, 17],
    ['wage increase', 'a wage increases', 2, -1],
    ['invest*', 'investors', 0, 9],
    ['invest*', 'investorsé,', 0, 10],
    ['invest*', 'investors1', 0, -1],
    ['invest*', 'invest𝐀 x', 0, 8],
    ['series a*', 'Series Abc', 0, 10],
    ['u.s. share', 'the U.S. share', 4, 14],
    ['pay ', 'to pay  them', 3, 7], // a trailing space: \s+ gives one back, so matchAt runs the full pattern
    ['pay ', 'to pay.', 3, -1],
  ])('%s in %j at %d ends at %d', (trigger, sentence, at, want) => {
    const t = byText(trigger);
    expect(matchAt(t, sentence, at)).toBe(want);
    expect(plain(t.source, sentence, at)).toBe(want);
  });

  it('agrees with the full pattern on random text', () => {
    const pieces = fc.constantFrom(
      'stake', 'STAKE', 'Stake', 'pay', 'wage', 'increase', 'invest', 'series', 'a', 'u.s.', 'share', 's', 'k', 'x', '1',
      ' ', '  ', '\u00a0', '\n', ',', '.', '-', 'é', '\u0345', '\u212A', 'ſ', '𝐀', '\ud835', '\udc00', '١', '’',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 14 }), fc.nat(), (parts, pick) => {
        const sentence = parts.join('');
        const t = triggers[pick % triggers.length];
        for (let at = 0; at < sentence.length; at++) {
          if (!/[A-Za-z0-9]/.test(sentence[at])) continue;
          expect(matchAt(t, sentence, at)).toBe(plain(t.source, sentence, at));
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('triggerWordsIn run starts', () => {
  it('records every run holding a literal', () => {
    const got = triggerWordsIn('the stake, a stake; investors invest');
    expect(got.wordStarts.get('stake')).toEqual([4, 13]);
    expect(got.prefixStarts.get('invest')).toEqual([20, 30]);
  });

  it('are the runs of [a-z0-9] that are (or start with) the literal', () => {
    const pieces = fc.constantFrom('stake', 'invest', 'investors', 'deal', 'x', '1', ' ', ',', 'é', '’');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 20 }), (parts) => {
        const folded = parts.join('');
        const got = triggerWordsIn(folded);
        const runs = [...folded.matchAll(/[a-z0-9]+/g)];
        for (const w of got.words) expect(got.wordStarts.get(w)).toEqual(runs.filter((r) => r[0] === w).map((r) => r.index));
        for (const p of got.prefixes) {
          expect(got.prefixStarts.get(p)).toEqual(runs.filter((r) => r[0].startsWith(p)).map((r) => r.index));
        }
        expect(got.wordStarts.size).toBe(got.words.length);
        expect(got.prefixStarts.size).toBe(got.prefixes.length);
      }),
      { numRuns: 1000 },
    );
  });
});
