import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDocumentDate, inDateline } from '../../src/read/document-date.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** [date, source, text of the date] or null. */
function find(text: string) {
  const d = findDocumentDate(text);
  return d && [d.date, d.source, text.slice(d.start, d.end)];
}

/** The rest of a wire story's first line: long enough that only a dateline's shape makes its date the story's own. */
const LEDE =
  ' said on Monday it was recalling 212,000 packs of crisps after a supplier found traces of an undeclared allergen, in a move that analysts said would cost the company about £18 million.';

describe('findDocumentDate', () => {
  const rows: Array<[string, string, [string, string, string] | null]> = [
    ['byline with weekday and time', 'Headline here\n\nBy Jane Doe\nMonday, March 3, 2025 9:00 am EST\nBody text.', ['2025-03-03', 'byline', 'Monday, March 3, 2025 9:00 am EST']],
    ['weekday glued to outlet name', 'Title\n\nDaily NewsFriday, Jan 10, 2025 7:15 pm ET\n', ['2025-01-10', 'byline', 'Friday, Jan 10, 2025 7:15 pm ET']],
    ['day-month-year', 'Title\nPublished 19 June 2025\nText', ['2025-06-19', 'byline', '19 June 2025']],
    ['ISO date', 'Title\nPublished: 2024-11-05\nText', ['2024-11-05', 'byline', '2024-11-05']],
    ['published wins over updated', 'Title\nUpdated June 20, 2025. Published June 18, 2025.\nText', ['2025-06-18', 'byline', 'June 18, 2025']],
    [
      'front matter',
      '---\ntitle: "A story"\ndate: 2023-04-05T10:00:00Z\n---\nPublished June 1, 2024\nText',
      ['2023-04-05', 'front-matter', '2023-04-05T10:00:00Z'],
    ],
    ['front matter with a month name', "---\ntitle: x\npublished: 'May 7, 2022'\n---\nText", ['2022-05-07', 'front-matter', 'May 7, 2022']],
    ['meta tag', '<meta property="article:published_time" content="2022-02-03T08:00:00+00:00">\nText', ['2022-02-03', 'meta', '2022-02-03']],
    ['JSON-LD', '{"@type":"NewsArticle","datePublished":"2021-07-08"}\nText', ['2021-07-08', 'meta', '2021-07-08']],
    ['dated URL at the end', 'Title\n\nA story without a byline.\n\nOriginal Source: https://news.example.com/2025/06/18/a-story/\n', ['2025-06-18', 'url', '2025/06/18']],
    ['byline beats URL', 'Title\nJune 2, 2025\nSee https://example.org/2025/05/30/older/\n', ['2025-06-02', 'byline', 'June 2, 2025']],
    ['labelled URL beats a later related link', 'Text\nSource: https://a.example/2024/03/02/x\nRelated: https://a.example/2024/05/01/y\n', ['2024-03-02', 'url', '2024/03/02']],
    ['latest of unlabelled links', 'Text\nhttps://a.example/2024/03/02/x and https://a.example/2024/05/01/y\n', ['2024-05-01', 'url', '2024/05/01']],
    ['invalid URL date is skipped', 'Text\nhttps://example.com/2025/02/30/story/\n', null],
    ['ambiguous numeric date is not guessed', 'Title\nPublished: 03/04/2025\nText', null],
    ['"Published on" followed by nothing', 'Title\n3 min. read\nPublished on\nRead our disclosure page\nText', null],
    ['a body date is not the document date', 'The company was founded in 2016 and the deal was announced on June 12.\n', null],
    [
      'a full date inside a long body paragraph is not a byline',
      'Title\n' + 'The company, which grew fast, '.repeat(8) + 'agreed the deal on June 12, 2025 after talks.\n',
      null,
    ],
    [
      'a "published" date inside a long body paragraph is not a byline',
      'Title\n' + 'The company, which grew fast, '.repeat(8) + 'said its report was published June 12, 2025.\n',
      null,
    ],
    ['a labelled date opening a long line is', 'Published June 12, 2025 ' + 'and more words follow here. '.repeat(10), ['2025-06-12', 'byline', 'June 12, 2025']],
    ['a wire dateline before its lede on one long line', `Recall widens\n\nLONDON, March 2, 2026 (Meridian Wire) -${LEDE}`, ['2026-03-02', 'byline', 'March 2, 2026']],
    ['a dateline with its country and a dash', `BASEL, Switzerland, March 10, 2026 — Swiss drugmaker${LEDE}`, ['2026-03-10', 'byline', 'March 10, 2026']],
    ['a press-release dateline', `NEW YORK, Jan. 5, 2026 /PRNewswire/ -- Acme Corp${LEDE}`, ['2026-01-05', 'byline', 'Jan. 5, 2026']],
    ['a dateline shape after prose is not one', `The company said in LONDON, March 2, 2026 (Meridian Wire) -${LEDE}`, null],
    ['a place not in capitals is no dateline', `Acme, March 2, 2026 -${LEDE}`, null],
    ['a date beyond the first lines is not a byline', 'Title\n' + 'Line.\n'.repeat(12) + 'June 12, 2025\n', null],
    ['empty text', '', null],
  ];
  it.each(rows)('%s', (_, text, expected) => {
    expect(find(text)).toEqual(expected);
  });

  it('finds the seed articles\' dates', () => {
    const got = Object.fromEntries(
      readdirSync(path.join(root, 'seeds')).map((f) => [f.slice(0, 3), find(readFileSync(path.join(root, 'seeds', f), 'utf8'))]),
    );
    expect(got).toEqual({
      '000': null,
      '001': ['2025-06-19', 'byline', 'Thursday, Jun 19, 2025 3:22 pm ET'],
      '002': null,
      '003': ['2025-06-18', 'url', '2025/06/18'],
      '004': null,
    });
  });

  it('never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const d = findDocumentDate(text);
        if (d) expect(d.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }),
      { numRuns: 300 },
    );
    expect(findDocumentDate('---\n' + 'x'.repeat(100_000))).toBeNull();
    expect(findDocumentDate('a.'.repeat(50_000))).toBeNull();
  });
});

describe('a date after running prose on the first line', () => {
  it('is news, not the document’s own date', () => {
    expect(findDocumentDate('Acme Corp announced its takeover of Globex Inc on March 3, 2025.\nMore text.')).toBeNull();
  });

  it('still reads a byline with a name before the date', () => {
    expect(findDocumentDate('By Jane Roe | March 4, 2025\nAcme Corp said…')?.date).toBe('2025-03-04');
  });
});

describe('inDateline', () => {
  const text = 'Vote count\n\nSANTIAGO, May 11 (Andes Wire) - Marta Vale won the vote on May 10, officials said.\n';
  const at = (s: string) => [text.indexOf(s), text.indexOf(s) + s.length] as const;
  it('finds a dateline’s date without a year, which gives the document no date', () => {
    expect(findDocumentDate(text)).toBeNull();
    expect(inDateline(text, ...at('May 11'))).toBe(true);
  });

  it('not a date in the lede, nor one past the first lines', () => {
    expect(inDateline(text, ...at('May 10'))).toBe(false);
    const late = 'Title\n' + 'Line.\n'.repeat(12) + text;
    expect(inDateline(late, late.indexOf('May 11'), late.indexOf('May 11') + 6)).toBe(false);
  });
});
