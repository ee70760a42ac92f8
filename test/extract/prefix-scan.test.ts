// The speed-ups that narrow where a regex is tried (prefix-scan.ts, regex-guard.ts) must find exactly the matches of
// the plain global regex: checked on written cases and on random text built from the patterns' own words.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allMatches, execFrom, prefixScanner } from '../../src/extract/prefix-scan.js';
import { firstCharGuard } from '../../src/extract/regex-guard.js';

const plain = (re: RegExp, text: string) => [...text.matchAll(re)].map((m) => [m.index, m[0]]);
const viaScanner = (re: RegExp, words: string[], text: string) => {
  const scanner = prefixScanner(re, words);
  expect(scanner).not.toBeNull();
  return allMatches(scanner, re, text).map((m) => [m.index, m[0]]);
};

const MONTHS = ['January', 'March', 'May', 'Sept', 'September'];
const MONTH_RE = new RegExp(`(?<![\\p{L}])(?:(last|next)[ \\t]+)?(${MONTHS.join('|')})\\.?(?:[ \\t]+(\\d{1,2}))?(?![\\p{L}])`, 'giu');
const MONTH_WORDS = ['last', 'next', ...MONTHS];
const TITLE_RE = /(?<![\p{L}\p{N}-])(?:(ex|co)-)?(ceo|vp|chief executive)(?![\p{L}\p{N}])/giu;
const TITLE_WORDS = ['ex', 'co', 'ceo', 'vp', 'chief executive'];

describe('prefix scanner', () => {
  it.each([
    ['In March 5 and next May, not Marching.', MONTH_RE, MONTH_WORDS],
    ['LAST SEPT. 12; xMarch; maY', MONTH_RE, MONTH_WORDS],
    // The long s and the Kelvin sign fold to ASCII letters under /iu: "ſept" is "sept".
    ['ſept 3, laſt March, Sept\u017f', MONTH_RE, MONTH_WORDS],
    ['😀March 1 😀 May', MONTH_RE, MONTH_WORDS],
    ['the ex-CEO, a co-vp and the Chief  executive; CEOs', TITLE_RE, TITLE_WORDS],
    ['', MONTH_RE, MONTH_WORDS],
    ['M', MONTH_RE, MONTH_WORDS],
  ])('finds what matchAll finds in %j', (text, re, words) => {
    expect(viaScanner(re as RegExp, words as string[], text as string)).toEqual(plain(re as RegExp, text as string));
  });

  it('agrees with matchAll on random text made of the words', () => {
    const scanner = prefixScanner(MONTH_RE, MONTH_WORDS);
    const pieces = fc.constantFrom(...MONTH_WORDS, ...MONTH_WORDS.map((w) => w.toUpperCase()), ' ', '  ', '.', '12', 'x', 'ſ', 'K', '😀', '\n', 'ma', 'Ju');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(allMatches(scanner, MONTH_RE, text).map((m) => [m.index, m[0]])).toEqual(plain(MONTH_RE, text));
      }),
      { numRuns: 300 },
    );
  });

  it('execFrom resumes like exec with lastIndex', () => {
    const scanner = prefixScanner(MONTH_RE, MONTH_WORDS);
    const text = 'May 1, March 2, May 3';
    for (let from = 0; from <= text.length + 1; from++) {
      const re = new RegExp(MONTH_RE.source, MONTH_RE.flags);
      re.lastIndex = from;
      const want = re.exec(text);
      const got = scanner ? execFrom(scanner, text, from) : null;
      expect(got && [got.index, got[0]]).toEqual(want && [want.index, want[0]]);
    }
  });

  it('declines words it cannot index, leaving the plain scan', () => {
    expect(prefixScanner(/a(?:b)/g, ['a'])).toBeNull();
    expect(prefixScanner(/-x/g, ['-x'])).toBeNull();
    expect(allMatches(null, /ab/g, 'ab cab').map((m) => m.index)).toEqual([0, 4]);
  });
});

describe('firstCharGuard', () => {
  it('only narrows where matching is tried', () => {
    const re = /(?<![\p{L}])(seven|three|two)(?![\p{L}])/giu;
    const guarded = new RegExp(`${firstCharGuard(['seven', 'three', 'two'])}${re.source}`, re.flags);
    const text = 'Seven, THREE and two; ſeven; twofold; eleven';
    expect(plain(guarded, text)).toEqual(plain(re, text));
    expect(plain(guarded, text).map((m) => m[1])).toEqual(['Seven', 'THREE', 'two', 'ſeven']);
  });

  it('escapes class characters', () => {
    const guard = new RegExp(`${firstCharGuard(['-a', ']b', '^c', '\\d'])}.`, 'gu');
    expect('x-]^\\y'.match(guard)).toEqual(['-', ']', '^', '\\']);
  });
});
