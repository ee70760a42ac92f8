// Helpers that replaced allocating code (spaces.ts, lower.ts, triggerWordsIn and sortSmall in attributes.ts,
// extractRolesAndAges in roles.ts) must give exactly what the simple versions give: on written cases and random text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortSmall, triggerLiterals, triggerWordsIn } from '../../src/extract/attributes.js';
import { extractEntities } from '../../src/extract/entities.js';
import { gapEquals, hasUpperAfterFirst } from '../../src/extract/entities-tokens.js';
import { toLower } from '../../src/extract/lower.js';
import { extractAges, extractRoles, extractRolesAndAges } from '../../src/extract/roles.js';
import { forEachPartWith, isSpace } from '../../src/extract/spaces.js';
import { makeContext } from '../../src/extract/text.js';

const partsVia = (text: string, ch: string) => {
  const out: Array<[number, number]> = [];
  forEachPartWith(text, ch, (s, e) => out.push([s, e]));
  return out;
};
const partsPlain = (text: string, ch: string) =>
  [...text.matchAll(/\S+/g)].filter((m) => m[0].includes(ch)).map((m): [number, number] => [m.index, m.index + m[0].length]);

describe('isSpace', () => {
  it('is /\\s/ on every BMP code unit', () => {
    for (let c = 0; c < 0x10000; c++) expect(isSpace(c), `U+${c.toString(16)}`).toBe(/\s/.test(String.fromCharCode(c)));
  });
});

describe('forEachPartWith', () => {
  it.each([
    ['see https://example.com/2025/06/18/story and more', '/', [[4, 40]]],
    ['a/b c d/e/f /', '/', [[0, 3], [6, 11], [12, 13]]],
    ['no slash here', '/', []],
    ['', '/', []],
    ['\u00a0x/y\u2003z/\ufeff', '/', [[1, 4], [5, 7]]],
    ['//', '/', [[0, 2]]],
  ])('finds the parts of %j holding %j', (text, ch, want) => {
    expect(partsVia(text, ch)).toEqual(want);
    expect(partsVia(text, ch)).toEqual(partsPlain(text, ch));
  });

  it('agrees with /\\S+/g filtered on random text', () => {
    const pieces = fc.constantFrom('/', 'a', 'www.', '2025', ' ', '  ', '\n', '\t', '\u00a0', '\u2003', '\ufeff', '“', '😀', '.');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(partsVia(text, '/')).toEqual(partsPlain(text, '/'));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('toLower', () => {
  it.each([
    ['acme', 'acme'],
    ['Acme', 'acme'],
    ['ACME-2', 'acme-2'],
    ['Ñandú', 'ñandú'],
    ['İstanbul', 'İstanbul'.toLowerCase()],
    ['', ''],
  ])('lower-cases %j', (s, want) => {
    expect(toLower(s)).toBe(want);
  });

  it('is toLowerCase on random strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 20 }), (s) => {
        expect(toLower(s)).toBe(s.toLowerCase());
      }),
      { numRuns: 2000 },
    );
  });
});

describe('triggerWordsIn', () => {
  const literals = triggerLiterals();
  const whole = [...new Set(literals.filter((l) => l.whole).map((l) => l.literal))];
  const prefix = [...new Set(literals.filter((l) => !l.whole).map((l) => l.literal))];
  // The simple version: every run of [a-z0-9], then set lookups and startsWith.
  const plain = (folded: string) => {
    const runs = folded.match(/[a-z0-9]+/g) ?? [];
    return {
      words: [...new Set(runs.filter((r) => whole.includes(r)))],
      prefixes: prefix.filter((p) => runs.some((r) => r.startsWith(p))).sort(),
    };
  };
  const via = (folded: string) => {
    const got = triggerWordsIn(folded);
    return { words: got.words, prefixes: [...got.prefixes].sort() };
  };

  it('indexes both kinds of literal', () => {
    expect(whole).toContain('stake');
    expect(prefix).toContain('invest');
  });

  it.each([
    ['the stake rose; investors invested in a stake', { words: ['stake', 'rose'], prefixes: ['invest'] }],
    ['reinvest mistake stakes', { words: [], prefixes: [] }],
    ['', { words: [], prefixes: [] }],
  ])('reads %j', (folded, want) => {
    const got = via(folded);
    expect(got.words).toEqual(want.words);
    for (const p of want.prefixes) expect(got.prefixes).toContain(p);
    expect(got).toEqual(plain(folded));
  });

  it('agrees with the simple version on random text made of trigger words', () => {
    const pieces = fc.constantFrom(...whole.slice(0, 40), ...prefix, ' ', ',', 's', 'x', '1', 'é', '-', '’');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 25 }), (parts) => {
        const folded = parts.join('');
        expect(via(folded)).toEqual(plain(folded));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('sortSmall', () => {
  it.each([[[]], [[1]], [[3, 1, 2]], [[5, 5, 1, 0, 9, 1]]])('sorts %j', (list) => {
    const got = [...list];
    sortSmall(got);
    expect(got).toEqual([...list].sort((a, b) => a - b));
  });

  it('sorts like Array.prototype.sort', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 300 }), { maxLength: 60 }), (list) => {
        const got = [...list];
        sortSmall(got);
        expect(got).toEqual([...list].sort((a, b) => a - b));
      }),
    );
  });
});

describe('extractRolesAndAges', () => {
  // One entity index for both readings: the same roles and ages as the two separate calls.
  it.each([
    'Acme CEO Jane Doe, 52, said the deal closed. Its founder, John Smith, 61, agreed.',
    'Jane Doe (34) joined Acme as chief financial officer.',
    '',
  ])('gives what extractRoles and extractAges give for %j', (text) => {
    const ctx = makeContext(text, null);
    const entities = extractEntities(ctx);
    const both = extractRolesAndAges(ctx, entities);
    expect(both.roles).toEqual(extractRoles(ctx, entities));
    expect(both.ages).toEqual(extractAges(ctx, entities));
    if (text.startsWith('Acme CEO')) expect(both.ages.map((a) => a.age)).toEqual([52, 61]);
  });

  it('never throws on malformed entities', () => {
    const ctx = makeContext('Jane Doe, 40, spoke.', null);
    expect(extractRolesAndAges(ctx, null as unknown as [])).toEqual({ roles: [], ages: [] });
  });
});

describe('hasUpperAfterFirst and gapEquals (entities-tokens.ts)', () => {
  const plainHasUpper = (s: string) => s.slice(1) !== s.slice(1).toLowerCase();

  it.each([
    ['Acme', false],
    ['aCme', true],
    ['McDonald', true],
    ['Éclair', false],
    ['xÉ', true],
    ['A', false],
    ['', false],
  ])('hasUpperAfterFirst(%j) is %j', (s, want) => {
    expect(hasUpperAfterFirst(s)).toBe(want);
    expect(hasUpperAfterFirst(s)).toBe(plainHasUpper(s));
  });

  it('hasUpperAfterFirst agrees with lower-casing the rest on random strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 12 }), (s) => {
        expect(hasUpperAfterFirst(s)).toBe(plainHasUpper(s));
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['Bank of America', 4, 5, ' ', true],
    ['AT & T', 2, 5, ' & ', true],
    ['AT & T', 2, 5, ' ', false],
    ['Acme’ Group', 4, 6, '’ ', true],
    ['ab', 1, 1, '', true],
  ])('gapEquals(%j, %d, %d, %j) is %j', (text, from, to, s, want) => {
    expect(gapEquals(text, from, to, s)).toBe(want);
    expect(gapEquals(text, from, to, s)).toBe(text.slice(from, to) === s);
  });
});
