// The one place where findings are worded for humans; everything else carries codes and values.
import type { Fact, FactValue } from '../model/report.js';

export function sourceLabel(v: FactValue): string {
  const s = v.sources?.[0];
  const where = s ? `${s.path}:${s.line}` : v.docs[0];
  const more = v.docs.length > 1 ? ` (+${v.docs.length - 1} more)` : '';
  return `${where}${more}`;
}

export function conflictMessage(fact: Pick<Fact, 'subject' | 'attribute'>, a: FactValue, b: FactValue): string {
  return `${fact.attribute} of ${fact.subject}: "${a.text}" in ${sourceLabel(a)} vs "${b.text}" in ${sourceLabel(b)}`;
}
