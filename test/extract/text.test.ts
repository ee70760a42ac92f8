import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineIndex, MAX_SENTENCE, sentenceAt, splitSentences } from '../../src/extract/text.js';

const texts = (t: string) => splitSentences(t).map((s) => s.text);

describe('splitSentences', () => {
  it.each([
    ['One. Two.', ['One.', 'Two.']],
    ['Mr. Smith left. He said no.', ['Mr. Smith left.', 'He said no.']],
    ['It cost $14.8 billion. Then it rose.', ['It cost $14.8 billion.', 'Then it rose.']],
    ['The U.S. economy grew. Analysts cheered.', ['The U.S. economy grew.', 'Analysts cheered.']],
    ['Acme Inc. said so. Others disagreed.', ['Acme Inc. said so.', 'Others disagreed.']],
    ['“It works,” she said. “We are happy.”', ['“It works,” she said.', '“We are happy.”']],
    ['Title line\nBody one. Body two.', ['Title line', 'Body one.', 'Body two.']],
    ['Really?! Yes.', ['Really?!', 'Yes.']],
    ['Published Jun. 19, 2025 by staff.', ['Published Jun. 19, 2025 by staff.']],
    ['J. K. Rowling wrote it.', ['J. K. Rowling wrote it.']],
    ['lower. case next', ['lower. case next']],
    ['CRLF line\r\nnext line', ['CRLF line', 'next line']],
  ])('%j', (text, expected) => {
    expect(texts(text)).toEqual(expected);
  });

  it('keeps offsets that slice back to the sentence', () => {
    const t = '  First one.  Second one.\n\nThird.';
    for (const s of splitSentences(t)) expect(t.slice(s.start, s.end)).toBe(s.text);
    expect(splitSentences(t).map((s) => s.index)).toEqual([0, 1, 2]);
  });

  it('never throws and returns nothing for blank text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' \n\t ')).toEqual([]);
    expect(() => splitSentences('“unbalanced ... ? ! \u0000 \u001b[31m')).not.toThrow();
  });
});

describe('LineIndex', () => {
  it('maps offsets to 1-based line and column', () => {
    const idx = new LineIndex('ab\ncd\r\nef');
    expect(idx.locate(0)).toEqual({ line: 1, column: 1 });
    expect(idx.locate(4)).toEqual({ line: 2, column: 2 });
    expect(idx.locate(7)).toEqual({ line: 3, column: 1 });
  });
});

describe('sentenceAt', () => {
  it('finds the sentence holding an offset', () => {
    const s = splitSentences('One two. Three four.');
    expect(sentenceAt(s, 10)?.text).toBe('Three four.');
    expect(sentenceAt(s, 8)).toBeUndefined();
  });
});

// The version splitSentences replaced (it read `text[i]`, which V8 deoptimises on when strings of one and of two
// bytes per character alternate): the new one must split every text exactly as it did.
function splitSentencesPlain(text: string): Array<[number, number]> {
  const abbreviations = new Set(['mr', 'dr', 'inc', 'u.s', 'jun', 'no']);
  const isAbbreviation = (dot: number) => {
    let s = dot;
    while (s > 0 && /[\p{L}.]/u.test(text[s - 1])) s--;
    const word = text.slice(s, dot).toLowerCase();
    if (word.length === 0) return false;
    if (abbreviations.has(word)) return true;
    if (/^\p{L}$/u.test(word) && /\p{Lu}/u.test(text[s])) return true;
    return /^(\p{L}\.)+\p{L}$/u.test(word);
  };
  const cutPoint = (start: number, limit: number) => {
    for (let i = limit; i > start + MAX_SENTENCE / 2; i--) if (text[i - 1] === ' ' || text[i - 1] === '\t') return i;
    const code = text.charCodeAt(limit - 1);
    return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
  };
  const out: Array<[number, number]> = [];
  const push = (start: number, end: number) => {
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    while (end - start > MAX_SENTENCE) {
      const cut = cutPoint(start, start + MAX_SENTENCE);
      push(start, cut);
      start = cut;
      while (start < end && /\s/.test(text[start])) start++;
    }
    if (end > start) out.push([start, end]);
  };
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n' || text[i] === '\r') {
      push(start, i);
      start = i + 1;
      continue;
    }
    const ch = text[i];
    if (ch !== '.' && ch !== '!' && ch !== '?' && ch !== '…') continue;
    let j = i + 1;
    while (j < text.length && (text[j] === '.' || text[j] === '!' || text[j] === '?')) j++;
    while (j < text.length && '"\'”’)]»'.includes(text[j])) j++;
    if (j < text.length && text[j] !== ' ' && text[j] !== '\t') continue;
    let k = j;
    while (k < text.length && (text[k] === ' ' || text[k] === '\t')) k++;
    if (k >= text.length || text[k] === '\n' || text[k] === '\r') continue;
    const next = text[k];
    if (!/[\p{Lu}\d"“‘'(\[]/u.test(next)) continue;
    if (ch === '.' && j === i + 1 && isAbbreviation(i)) continue;
    if (ch === '…' && !/[\p{Lu}]/u.test(next)) continue;
    push(start, j);
    start = j;
    i = j - 1;
  }
  push(start, text.length);
  return out;
}

describe('splitSentences against the plain version', () => {
  // Words (only the abbreviations both lists know), then what may end a sentence, close it and follow it.
  const word = fc.constantFrom('Mr', 'Dr', 'Inc', 'U.S', 'Jun', 'No', 'J', 'word', 'Word', 'É', 'é', '12', '“Quote', '(Aside', '[Note', '\u00a0', '');
  const end = fc.constantFrom('', '', '.', '!', '?', '…', '..', '?!', '. .');
  const closer = fc.constantFrom('', '', '"', '”', '’', "'", ')', ']', '»', '”)');
  const gap = fc.constantFrom(' ', ' ', '  ', '\t', '', '\n', '\r\n', '\u00a0', '\u2009', '\u3000', '\ufeff');
  const text = fc.array(fc.tuple(word, end, closer, gap), { maxLength: 30 }).map((p) => p.flat().join(''));
  const spans = (t: string) => splitSentences(t).map((s): [number, number] => [s.start, s.end]);

  it('splits random text the same way', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(spans(t)).toEqual(splitSentencesPlain(t));
      }),
      { numRuns: 3000 },
    );
  });

  it('cuts run-on lines the same way', () => {
    const long = 'word '.repeat(900) + 'end. Next one starts here.\n' + 'x'.repeat(4500);
    expect(spans(long)).toEqual(splitSentencesPlain(long));
    expect(spans(long).length).toBeGreaterThan(3);
  });
});

describe('LineIndex against a scan of every character', () => {
  it('starts lines where the plain scan does', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', '\n', '\r\n', 'é', '’', ' '), { maxLength: 40 }).map((p) => p.join('')), (t) => {
        const idx = new LineIndex(t);
        for (let o = 0; o <= t.length; o++) {
          const before = t.slice(0, o);
          const line = before.split('\n').length;
          expect(idx.locate(o)).toEqual({ line, column: o - (before.lastIndexOf('\n') + 1) + 1 });
        }
      }),
      { numRuns: 500 },
    );
  });
});
