import { describe, expect, it } from 'vitest';
import { LineIndex, sentenceAt, splitSentences } from '../../src/extract/text.js';

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
