// Markdown: GitHub tables, conflicts first; no cell can break the table or inject markup.
import { describe, expect, it } from 'vitest';
import { markdownCell } from '../../src/report/escape.js';
import { formatMarkdown } from '../../src/report/markdown.js';
import { conflictReport } from './conflict-report.js';

describe('formatMarkdown', () => {
  const out = formatMarkdown(conflictReport());
  const lines = out.split('\n');

  it('opens with the title and the summary, then the conflicts table, then every fact', () => {
    expect(lines.slice(0, 3)).toEqual(['# Facts', '', '3 documents · 2 mentions · 4 facts · 2 conflicts']);
    expect(out.indexOf('## Conflicts')).toBeLessThan(out.indexOf('## Facts'));
    expect(lines).toContain('| MONEY\\_MISMATCH | Acme / Globex | deal value | $2.5 billion | news/b.txt:4 |');
  });

  it('keeps every table row at the column count of its header', () => {
    // An unescaped pipe would add a column: count the separators that are not escaped.
    const cells = (l: string) => l.replace(/\\\|/g, '').split('|').length - 2;
    for (const l of lines.filter((x) => x.startsWith('|'))) expect(cells(l), l).toBe(5);
  });

  it('escapes markup and line breaks in cells', () => {
    expect(out).toContain('Jo, "The Boss" &lt;Smith&gt;');
    expect(out).not.toContain('<Smith>');
  });
});

describe('markdownCell', () => {
  it.each([
    ['a|b', 'a\\|b'],
    ['<script>', '&lt;script&gt;'],
    ['two\nlines', 'two lines'],
    ['*bold* _it_ `code` [link]', '\\*bold\\* \\_it\\_ \\`code\\` \\[link\\]'],
    ['back\\slash', 'back\\\\slash'],
  ])('%j → %j', (input, expected) => {
    expect(markdownCell(input)).toBe(expected);
  });
});
