// What the config file changes about a report without a hook in the pipeline: aliases rename entities (before the
// merge, so renamed mentions group into one fact, and after it, so the report shows only the chosen name), and
// ignore drops facts by attribute or conflict code.
import type { DocumentResult } from '../extract/document.js';
import { withFacts } from './baseline.js';
import { renameSubject } from './entities.js';
import type { Fact, Mention, Report } from '../model/report.js';

export type Aliases = Record<string, string>;

/** Case- and space-insensitive lookup: "acme  corporation" finds the alias written "Acme Corporation". */
export function aliasLookup(aliases: Aliases): (name: string) => string {
  const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();
  const table = new Map(Object.entries(aliases).map(([from, to]) => [norm(from), to.trim()]));
  return (name) => table.get(norm(name)) ?? name;
}

function renameMention(m: Mention, rename: (name: string) => string): Mention {
  if (m.kind === 'person' || m.kind === 'organization' || m.kind === 'place') {
    const canonical = rename(m.value.canonical);
    return canonical === m.value.canonical ? m : { ...m, value: { canonical } };
  }
  if (m.kind === 'quote' && m.value.speakerCanonical) {
    const speakerCanonical = rename(m.value.speakerCanonical);
    return speakerCanonical === m.value.speakerCanonical ? m : { ...m, value: { ...m.value, speakerCanonical } };
  }
  return m;
}

/** Before the merge: entity mentions named by an alias take the canonical name. */
export function aliasResults(results: DocumentResult[], aliases: Aliases): DocumentResult[] {
  if (Object.keys(aliases).length === 0) return results;
  const rename = aliasLookup(aliases);
  return results.map((r) => ({ ...r, mentions: r.mentions.map((m) => renameMention(m, rename)) }));
}

/** After the merge: the corpus-wide canonical names chosen by the merge give way to the alias too. */
export function aliasReport(report: Report, aliases: Aliases): Report {
  if (Object.keys(aliases).length === 0) return report;
  const rename = aliasLookup(aliases);
  const facts = report.facts.map((f): Fact => {
    const subject = renameSubject(f.subject, rename);
    return subject === f.subject ? f : { ...f, subject };
  });
  return { ...report, mentions: report.mentions.map((m) => renameMention(m, rename)), facts };
}

export interface Ignore {
  attributes?: string[];
  codes?: string[];
}

/** Drops facts whose attribute is ignored and conflicts whose code is ignored; the summary is counted again. */
export function applyIgnore(report: Report, ignore: Ignore | undefined): Report {
  const keep = ignoreFilter(ignore);
  return keep ? withFacts(report, report.facts.filter(keep)) : report;
}

/** Whether a fact survives the config's ignores; null when nothing is ignored. */
export function ignoreFilter(ignore: Ignore | undefined): ((f: Fact) => boolean) | null {
  const attributes = new Set((ignore?.attributes ?? []).map((a) => a.toLowerCase()));
  const codes = new Set((ignore?.codes ?? []).map((c) => c.toUpperCase()));
  if (attributes.size === 0 && codes.size === 0) return null;
  return (f) => !attributes.has(f.attribute.toLowerCase()) && !(f.conflict && codes.has(f.conflict.code.toUpperCase()));
}
