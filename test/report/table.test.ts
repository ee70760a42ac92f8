// The terminal table: it fits the width at every width (long values wrap, words longer than a line are cut, wide
// characters count double), colour never changes the layout and never leaks past a line, and verbose/quiet show
// what they promise.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/report.js';
import { run } from '../../src/pipeline.js';
import { formatTable, summaryLine } from '../../src/report/table.js';
import { DEFAULT_FORMAT_OPTIONS } from '../../src/report/types.js';
import { charWidth, visibleWidth, wrapCells, wrapSpans } from '../../src/report/wrap.js';
import { conflictReport } from './conflict-report.js';

const ANSI = /\u001b\[[0-9;]*m/g;
const strip = (s: string) => s.replace(ANSI, '');

const LONG = [
  {
    path: 'news/a-rather-long-folder-name/with-a-file-name-that-goes-on-and-on-and-on-without-any-space.txt',
    text: 'Acme Corp agreed to buy Globex Inc for $2.5 billion, the companies said on Monday. 会社の社長は「大きな一歩だ」と述べた。',
  },
  {
    path: 'news/b.txt',
    text: 'Acme Corp will pay $2.1 billion for Globex Inc, according to a filing that ran to a very long sentence with many words in it so that the evidence wraps.',
  },
];

const reports: Array<[string, Report]> = [
  ['hand-built conflicts', conflictReport()],
  ['long paths and wide characters', run(LONG)],
];

describe('formatTable fits the terminal', () => {
  const widths = [20, 32, 40, 60, 80, 100, 120];
  for (const [name, report] of reports) {
    for (const verbose of [false, true]) {
      it.each(widths)(`${name}${verbose ? ' (verbose)' : ''}: no line is wider than %i columns`, (width) => {
        for (const color of [false, true]) {
          const out = formatTable(report, { ...DEFAULT_FORMAT_OPTIONS, width, verbose, color });
          const tooWide = out.split('\n').filter((l) => visibleWidth(l) > width);
          expect(tooWide).toEqual([]);
        }
      });
    }
  }

  it('keeps every word of the report (wrapping loses nothing)', () => {
    const report = run(LONG);
    const chars = (s: string) => s.replace(/\s+/g, '');
    const wide = formatTable(report, { ...DEFAULT_FORMAT_OPTIONS, width: 400 });
    for (const width of [20, 60]) expect(chars(formatTable(report, { ...DEFAULT_FORMAT_OPTIONS, width }))).toBe(chars(wide));
  });
});

describe('colour', () => {
  it('changes no character of the layout, only adds SGR codes', () => {
    for (const width of [40, 80, 120]) {
      const plain = formatTable(conflictReport(), { ...DEFAULT_FORMAT_OPTIONS, width, verbose: true });
      const color = formatTable(conflictReport(), { ...DEFAULT_FORMAT_OPTIONS, width, verbose: true, color: true });
      expect(color).not.toBe(plain);
      expect(strip(color)).toBe(plain);
    }
  });

  it('closes every style on the line that opens it', () => {
    const out = formatTable(run(LONG), { ...DEFAULT_FORMAT_OPTIONS, width: 40, verbose: true, color: true });
    for (const line of out.split('\n')) {
      const codes = line.match(ANSI) ?? [];
      // chalk closes with 39 (colour), 22 (bold/dim): after the last code nothing may stay open.
      const opens = codes.filter((c) => !/\[(39|22|0)m$/.test(c)).length;
      const closes = codes.length - opens;
      expect(closes, line).toBe(opens);
    }
  });

  it('is absent without the colour option', () => {
    expect(formatTable(conflictReport(), DEFAULT_FORMAT_OPTIONS)).not.toMatch(/\u001b/);
  });
});

describe('verbose and quiet', () => {
  it('verbose adds the evidence sentence under each value', () => {
    const plain = formatTable(conflictReport(), DEFAULT_FORMAT_OPTIONS);
    const verbose = formatTable(conflictReport(), { ...DEFAULT_FORMAT_OPTIONS, verbose: true });
    expect(plain).not.toContain('“$2.5 billion.”');
    expect(verbose).toContain('      “$2.5 billion.”');
    expect(verbose).toContain('      “$2.1 billion.”');
  });

  it('quiet shows only the conflicts, then the summary', () => {
    const out = formatTable(conflictReport(), { ...DEFAULT_FORMAT_OPTIONS, quiet: true });
    expect(out).toMatch(/^Conflicts \(2\)\n/);
    expect(out).not.toContain('Agreed');
    expect(out).not.toContain('Single source');
    expect(out.trimEnd().split('\n').at(-1)).toBe('3 documents · 2 mentions · 4 facts · 2 conflicts');
  });

  it('quiet says so when there is no conflict', () => {
    const agreedOnly = conflictReport(conflictReport().facts.filter((f) => f.status !== 'conflict'));
    expect(formatTable(agreedOnly, { ...DEFAULT_FORMAT_OPTIONS, quiet: true })).toBe('No conflicts.\n\n3 documents · 2 mentions · 2 facts · 0 conflicts\n');
  });

  it('the summary line counts in the singular and plural', () => {
    const r = conflictReport();
    expect(summaryLine({ ...r, summary: { documents: 1, mentions: 1, facts: 1, conflicts: 1 } })).toBe('1 document · 1 mention · 1 fact · 1 conflict');
    expect(summaryLine({ ...r, summary: { documents: 5, mentions: 212, facts: 31, conflicts: 0 } })).toBe('5 documents · 212 mentions · 31 facts · 0 conflicts');
  });
});

describe('wrapSpans', () => {
  it.each([
    ['one two three four', 9, '  ', ['one two', '  three', '  four']],
    ['    value  a.txt:1, b.txt:2', 16, '      ', ['    value', '      a.txt:1,', '      b.txt:2']],
    ['abcdefghij', 4, '  ', ['abcd', '  ef', '  gh', '  ij']],
    ['x 会社の社長', 5, '', ['x', '会社', 'の社', '長']],
    ['', 10, '  ', ['']],
    ['trailing   ', 20, '', ['trailing']],
  ])('%j at %i columns', (text, width, indent, expected) => {
    expect(wrapSpans([{ text }], width, indent)).toEqual(expected);
  });

  it('gives the same lines as wrapping cell by cell, for any spans, styles and width', () => {
    // Distinct style functions (a run is styled once), and none. Text of one column a character takes wrapSpans' own
    // way; the rest (wide, combining, astral, NUL) is there to send whole lines the cells' way.
    const styles = [undefined, (s: string) => `<r>${s}</r>`, (s: string) => `<b>${s}</b>`];
    const text = fc.oneof(
      { weight: 4, arbitrary: fc.string({ unit: fc.constantFrom(' ', ' ', 'a', 'Z', '9', ',', '→', '·', '“', '\t', '\u00a0'), maxLength: 30 }) },
      { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(' ', 'a', '会', '\u0301', '😀', '\u0000'), maxLength: 12 }) },
    );
    const spans = fc.array(fc.record({ text, style: fc.nat(2) }), { maxLength: 6 });
    fc.assert(
      fc.property(spans, fc.integer({ min: 0, max: 40 }), fc.constantFrom('', '  ', '      ', '                        '), (list, width, indent) => {
        const given = list.map((s) => ({ text: s.text, style: styles[s.style] }));
        expect(wrapSpans(given, width, indent)).toEqual(wrapCells(given, Math.max(1, width), indent));
      }),
      { numRuns: 5000 },
    );
    const red = styles[1]!;
    // One style run across spans (an empty span between makes no break), spaces at the end dropped.
    expect(wrapSpans([{ text: '  a', style: red }, { text: '' }, { text: 'b ', style: red }, { text: '  ' }], 10, '')).toEqual(['<r>  ab</r>']);
    // Each line styled on its own, its indentation unstyled; a word longer than the line cut.
    expect(wrapSpans([{ text: 'one ' }, { text: 'two abcdefgh', style: red }], 7, '  ')).toEqual(['one <r>two</r>', '  <r>abcde</r>', '  <r>fgh</r>']);
  });

  it('measures wide characters as two columns and combining marks as none', () => {
    expect(charWidth('会'.codePointAt(0)!)).toBe(2);
    expect(charWidth(0x301)).toBe(0);
    expect(visibleWidth('e\u0301te\u0301')).toBe(3);
    expect(visibleWidth('\u001b[31mred\u001b[39m')).toBe(3);
  });
});
