// CSV: RFC 4180 (CRLF rows, quoted fields with doubled quotes), one row per fact value, formula cells neutralised.
import { describe, expect, it } from 'vitest';
import { formatCsv } from '../../src/report/csv.js';
import { csvField } from '../../src/report/escape.js';
import { conflictReport } from './conflict-report.js';
import { parseCsv } from './csv-parse.js';

describe('formatCsv', () => {
  const out = formatCsv(conflictReport());
  const rows = parseCsv(out);

  it('writes a header and one row per fact value, every row ending in CRLF', () => {
    expect(out.endsWith('\r\n')).toBe(true);
    expect(rows[0]).toEqual(['fact', 'status', 'code', 'subject', 'attribute', 'kind', 'value', 'text', 'sources', 'documents']);
    expect(rows).toHaveLength(1 + 3 + 2 + 1 + 1);
    expect(rows.every((r) => r.length === 10)).toBe(true);
    expect(rows[2]).toEqual(['F1', 'conflict', 'MONEY_MISMATCH', 'Acme / Globex', 'deal value', 'money', '$2.5 billion', '$2.5 billion', 'news/b.txt:4', '1']);
  });

  it('quotes fields with commas, quotes and line breaks, and reads them back unchanged', () => {
    const title = rows.filter((r) => r[0] === 'F2');
    expect(title[0][3]).toBe('Jo, "The Boss" <Smith>');
    expect(title[1][6]).toBe('chair: 50%');
  });
});

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+1', "'+1"],
    ['-2%', "'-2%"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['bell\u0007', 'bell␇'],
  ])('%j → %j', (input, expected) => {
    expect(csvField(input)).toBe(expected);
  });
});
