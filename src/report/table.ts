// The default human-readable output: conflicts first, then agreed facts, then single-source ones.
import { Chalk } from 'chalk';
import type { Fact, Report } from '../model/report.js';
import { oneLine } from './escape.js';
import type { FormatOptions } from './types.js';
import { displayValue, sourcesOf } from './values.js';

const SECTIONS: Array<{ status: Fact['status']; title: string }> = [
  { status: 'conflict', title: 'Conflicts' },
  { status: 'agreed', title: 'Agreed' },
  { status: 'single', title: 'Single source' },
];

export function formatTable(report: Report, options: FormatOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const width = Math.max(40, options.width);
  const out: string[] = [];
  for (const { status, title } of SECTIONS) {
    const facts = report.facts.filter((f) => f.status === status);
    if (facts.length === 0 || (options.quiet && status !== 'conflict')) continue;
    const heading = `${title} (${facts.length})`;
    out.push(status === 'conflict' ? c.bold.red(heading) : c.bold(heading));
    for (const fact of facts) out.push(...factLines(fact, width, options, c), '');
  }
  if (options.quiet && report.summary.conflicts === 0) out.push('No conflicts.', '');
  out.push(summaryLine(report));
  return `${out.join('\n')}\n`;
}

function factLines(fact: Fact, width: number, options: FormatOptions, c: InstanceType<typeof Chalk>): string[] {
  const lines: string[] = [];
  const mark = fact.status === 'conflict' ? c.red('✖') : fact.status === 'agreed' ? c.green('✔') : c.dim('•');
  const code = fact.conflict ? `${c.red(fact.conflict.code)} ` : '';
  lines.push(...wrap(`${mark} ${code}${c.bold(oneLine(fact.subject))} · ${oneLine(fact.attribute)}`, width, '    '));
  if (fact.conflict) lines.push(...wrap(c.dim(`  ${oneLine(fact.conflict.message)}`), width, '    '));
  const valueWidth = Math.min(40, Math.max(...fact.values.map((v) => oneLine(displayValue(fact.kind, v)).length)));
  for (const v of fact.values) {
    const shown = oneLine(displayValue(fact.kind, v));
    const copied = v.docs.length - (v.independent ?? v.docs.length);
    const support = v.docs.length > 1 ? c.green(` ${v.docs.length} sources${copied > 0 ? ` (${copied} copied word for word)` : ''}`) : '';
    const head = `    ${shown.padEnd(valueWidth)}  `;
    lines.push(...wrap(`${head}${sourcesOf(v).join(', ')}${support}`, width, ' '.repeat(Math.min(head.length, 24))));
    if (options.verbose) {
      for (const s of v.sources ?? []) lines.push(...wrap(c.dim(`      “${oneLine(s.sentence)}”`), width, '       '));
    }
  }
  return lines;
}

export function summaryLine(report: Report): string {
  const s = report.summary;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return [plural(s.documents, 'document'), plural(s.mentions, 'mention'), plural(s.facts, 'fact'), plural(s.conflicts, 'conflict')].join(' · ');
}

// Wraps at spaces to the width, measuring without colour codes; continuation lines are indented.
function wrap(line: string, width: number, indent: string): string[] {
  const visible = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '').length;
  if (visible(line) <= width) return [line];
  const lead = line.match(/^(?:\u001b\[[0-9;]*m)*\s*/)?.[0] ?? '';
  const words = line.slice(lead.length).split(' ');
  const out: string[] = [];
  let current = lead;
  for (const word of words) {
    const candidate = current.trim() === '' ? `${current}${word}` : `${current} ${word}`;
    if (visible(candidate) > width && visible(current.trim()) > 0) {
      out.push(current);
      current = `${indent}${word}`;
    } else {
      current = candidate;
    }
  }
  if (current.trim() !== '') out.push(current);
  return out;
}
