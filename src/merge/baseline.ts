// Baselines of known conflicts, so CI fails only on new ones. Entries are keyed by subject, attribute and the
// normalised values that clash — never by file or line — so editing an article around a known conflict keeps it known.
import type { Baseline, BaselineEntry } from './baseline-schema.js';
import type { DateValue, Fact, FactValue, MoneyValue, PercentValue, Report } from '../model/report.js';
import type { CompareOptions } from './compare.js';
import { RULE_BY_KIND } from './rules.js';

export type { Baseline, BaselineEntry };

/**
 * The values of a conflict that disagree with a value from another document: the sides of the conflict. A vague
 * value that fits both sides ("billion-dollar") is not a side. Falls back to every value when no rule applies.
 */
export function conflictSides(fact: Fact, options: CompareOptions = { tolerance: 0 }): FactValue[] {
  const rule = RULE_BY_KIND.get(fact.kind);
  if (!rule) return fact.values;
  const sides = fact.values.filter((a) =>
    fact.values.some((b) => a !== b && b.docs.some((d) => !a.docs.includes(d)) && disagree(rule.check, a.value, b.value, options)),
  );
  return sides.length > 0 ? sides : fact.values;
}

// Reports are data from outside (a file, another version): a value the rule cannot read is not a side, and never a crash.
function disagree(check: (a: unknown, b: unknown, o: CompareOptions) => boolean | null, a: unknown, b: unknown, o: CompareOptions): boolean {
  try {
    return check(a, b, o) === false;
  } catch {
    return false;
  }
}

/** A value in a form that survives rewording: "USD 14800000000", "≥ USD 1000000000", "49%", "2025-06-10". */
export function normalValue(kind: string, value: unknown): string {
  if (kind === 'money' || kind === 'count') {
    const m = value as MoneyValue;
    const unit = m.currency ? `${m.currency} ` : '';
    if (m.amount !== null && !m.approximate) return `${unit}${m.amount}`;
    if (m.min !== null && m.max !== null) return `${unit}${m.min}..${m.max}`;
    if (m.min !== null) return `≥ ${unit}${m.min}`;
    if (m.max !== null) return `≤ ${unit}${m.max}`;
    return `≈ ${unit}${m.amount}`;
  }
  if (kind === 'percent') {
    const p = value as PercentValue;
    return `${p.approximate ? '≈ ' : ''}${p.percent}%`;
  }
  if (kind === 'date') {
    const d = value as DateValue;
    return d.iso ?? (d.from && d.to ? `${d.from}..${d.to}` : stableJson(d));
  }
  return typeof value === 'string' ? value : stableJson(value);
}

/** JSON with sorted keys, so equal values give equal strings whatever order their keys were built in. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export function baselineEntry(fact: Fact, options?: CompareOptions): BaselineEntry {
  const sides = conflictSides(fact, options);
  return {
    code: fact.conflict?.code ?? '',
    subject: fact.subject,
    attribute: fact.attribute,
    values: [...new Set(sides.map((v) => normalValue(fact.kind, v.value)))].sort(),
    texts: [...new Set(sides.map((v) => v.text))].sort(),
  };
}

/** The identity of a conflict: what a baseline matches on. */
export function entryKey(e: Pick<BaselineEntry, 'subject' | 'attribute' | 'values'>): string {
  return JSON.stringify([e.subject.toLowerCase(), e.attribute.toLowerCase(), [...e.values].sort()]);
}

/** Today's conflicts as a baseline, sorted and without duplicates so the file diffs cleanly. */
export function makeBaseline(report: Report, options?: CompareOptions): Baseline {
  const byKey = new Map<string, BaselineEntry>();
  for (const f of report.facts) {
    if (f.status !== 'conflict') continue;
    const entry = baselineEntry(f, options);
    byKey.set(entryKey(entry), entry);
  }
  const conflicts = [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, e]) => e);
  return { version: 1, conflicts };
}

export interface BaselineComparison {
  /** The report without the conflicts the baseline knows (summary recomputed). */
  report: Report;
  /** Conflicts in the report that the baseline knows. */
  known: Fact[];
  /** Baseline entries that match no conflict any more: candidates for pruning. */
  stale: BaselineEntry[];
}

export function applyBaseline(report: Report, baseline: Baseline, options?: CompareOptions): BaselineComparison {
  const entries = new Map(baseline.conflicts.map((e) => [entryKey(e), e]));
  const matched = new Set<string>();
  const known: Fact[] = [];
  const facts = report.facts.filter((f) => {
    if (f.status !== 'conflict') return true;
    const key = entryKey(baselineEntry(f, options));
    if (!entries.has(key)) return true;
    matched.add(key);
    known.push(f);
    return false;
  });
  const stale = [...entries.entries()].filter(([k]) => !matched.has(k)).map(([, e]) => e);
  return { report: withFacts(report, facts), known, stale };
}

/** The report with another list of facts and the summary counted again. */
export function withFacts(report: Report, facts: Fact[]): Report {
  return {
    ...report,
    facts,
    summary: { ...report.summary, facts: facts.length, conflicts: facts.filter((f) => f.status === 'conflict').length },
  };
}
