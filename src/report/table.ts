// The default human-readable output: conflicts first, then agreed facts, then single-source ones.
import { Chalk } from 'chalk';
import type { Fact, Report } from '../model/report.js';
import { oneLine } from './escape.js';
import type { FormatOptions } from './types.js';
import { type Span, visibleWidth, wrapSpans } from './wrap.js';
import { displayValue, sourcesOf } from './values.js';

const SECTIONS: Array<{ status: Fact['status']; title: string }> = [
  { status: 'conflict', title: 'Conflicts' },
  { status: 'agreed', title: 'Agreed' },
  { status: 'single', title: 'Single source' },
];

export function formatTable(report: Report, options: FormatOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const width = Math.max(20, options.width);
  const out: string[] = [];
  for (const { status, title } of SECTIONS) {
    const facts = report.facts.filter((f) => f.status === status);
    if (facts.length === 0 || (options.quiet && status !== 'conflict')) continue;
    const heading = `${title} (${facts.length})`;
    out.push(...wrapSpans([{ text: heading, style: status === 'conflict' ? c.bold.red : c.bold }], width, ''));
    for (const fact of facts) out.push(...factLines(fact, width, options, c), '');
  }
  if (options.quiet && report.summary.conflicts === 0) out.push('No conflicts.', '');
  out.push(...wrapSpans([{ text: summaryLine(report) }], width, ''));
  return `${out.join('\n')}\n`;
}

function factLines(fact: Fact, width: number, options: FormatOptions, c: InstanceType<typeof Chalk>): string[] {
  const lines: string[] = [];
  const mark: Span =
    fact.status === 'conflict' ? { text: '✖', style: c.red } : fact.status === 'agreed' ? { text: '✔', style: c.green } : { text: '•', style: c.dim };
  lines.push(
    ...wrapSpans(
      [
        mark,
        { text: ' ' },
        ...(fact.conflict ? [{ text: oneLine(fact.conflict.code), style: c.red }, { text: ' ' }] : []),
        { text: oneLine(fact.subject), style: c.bold },
        { text: ` · ${oneLine(fact.attribute)}` },
      ],
      width,
      '    ',
    ),
  );
  if (fact.conflict) lines.push(...wrapSpans([{ text: `  ${oneLine(fact.conflict.message)}`, style: c.dim }], width, '    '));
  // The value column is as wide as the widest value, but never more than 40 columns or half the line.
  const valueWidth = Math.min(40, Math.floor(width / 2), Math.max(...fact.values.map((v) => visibleWidth(oneLine(displayValue(fact.kind, v))))));
  for (const v of fact.values) {
    const shown = oneLine(displayValue(fact.kind, v));
    const copied = v.docs.length - (v.independent ?? v.docs.length);
    const support = v.docs.length > 1 ? `${v.docs.length} sources${copied > 0 ? ` (${copied} copied word for word)` : ''}` : '';
    const head = `    ${shown}${' '.repeat(Math.max(0, valueWidth - visibleWidth(shown)))}  `;
    lines.push(
      ...wrapSpans(
        [{ text: head }, { text: sourcesOf(v).map(oneLine).join(', ') }, ...(support ? [{ text: ` ${support}`, style: c.green }] : [])],
        width,
        ' '.repeat(Math.min(visibleWidth(head), 24)),
      ),
    );
    if (options.verbose) {
      for (const s of v.sources ?? []) lines.push(...wrapSpans([{ text: `      “${oneLine(s.sentence)}”`, style: c.dim }], width, '       '));
    }
  }
  return lines;
}

export function summaryLine(report: Report): string {
  const s = report.summary;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return [plural(s.documents, 'document'), plural(s.mentions, 'mention'), plural(s.facts, 'fact'), plural(s.conflicts, 'conflict')].join(' · ');
}
