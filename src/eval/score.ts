// Scores a report against a hand-checked answer key (fixtures/gold/*.gold.json): precision, recall and F1 per kind,
// plus the misses, so `npm run eval` can show what to fix and a test can hold the floors.
import { z } from 'zod';
import type { Mention, Report } from '../model/report.js';

const DocRef = z.string();
const GoldItem = z.object({
  doc: DocRef,
  line: z.number().int(),
  text: z.string(),
  optional: z.boolean().optional(),
});

export const GoldFile = z.object({
  cluster: z.string(),
  documents: z.array(z.object({ doc: z.string(), date: z.string().nullable() })),
  entities: z.array(
    z.object({
      canonical: z.string(),
      type: z.enum(['person', 'organization', 'place']),
      aliases: z.array(z.string()),
      docs: z.array(DocRef),
      optional: z.boolean().optional(),
    }),
  ),
  not_entities: z.array(z.object({ text: z.string(), doc: DocRef })),
  money: z.array(GoldItem.extend({ value: z.number().nullable(), min: z.number().optional(), currency: z.string() })),
  percentages: z.array(GoldItem.extend({ value: z.number() })),
  dates: z.array(GoldItem.extend({ iso: z.string().nullable(), month: z.number().optional(), day: z.number().optional() })),
  quotes: z.array(GoldItem.extend({ speaker: z.string(), speaker_entity: z.string().nullable().optional(), partial: z.boolean().optional() })),
  not_quotes: z.array(z.object({ doc: DocRef, line: z.number().int(), text: z.string() })),
  conflicts: z.array(
    z.object({
      about: z.string(),
      required: z.boolean(),
      values: z.array(z.object({ value: z.union([z.number(), z.string()]), docs: z.array(DocRef) })),
    }),
  ),
  agreements: z.array(z.object({ about: z.string(), value: z.string().optional(), docs: z.array(DocRef) })),
  roles: z.array(z.object({ person: z.string(), role: z.string(), org: z.string(), docs: z.array(DocRef) })).default([]),
});
export type GoldFile = z.infer<typeof GoldFile>;

export interface Score {
  precision: number;
  recall: number;
  f1: number;
  found: number;
  expected: number;
  misses: string[];
  extras: string[];
}

export interface Scores {
  cluster: string;
  entities: Score;
  money: Score;
  percentages: Score;
  dates: Score;
  datesResolved: Score;
  quotes: Score;
  quoteSpeakers: Score;
  documentDates: Score;
  conflicts: Score;
  agreements: Score;
  /** Each gold role (person, title) found as a role fact with every listed document. */
  roles: Score;
  /** not_entities and not_quotes items that were reported: each one is a defect. */
  forbidden: string[];
}

export function score(report: Report, gold: GoldFile): Scores {
  const docOf = docResolver(report, gold);
  return {
    cluster: gold.cluster,
    entities: scoreEntities(report, gold, docOf),
    money: scoreItems(report, gold.money, 'money', docOf, (m, g) =>
      m.kind === 'money' && m.value.currency === g.currency && (g.value !== null ? m.value.amount === g.value : m.value.min === (g.min ?? null)),
    ),
    percentages: scoreItems(report, gold.percentages, 'percent', docOf, (m, g) => m.kind === 'percent' && m.value.percent === g.value),
    dates: scoreItems(report, gold.dates, 'date', docOf, () => true),
    datesResolved: scoreItems(report, gold.dates, 'date', docOf, (m, g) => m.kind === 'date' && dateResolved(m, g)),
    quotes: scoreItems(report, gold.quotes, 'quote', docOf, () => true),
    quoteSpeakers: scoreItems(report, gold.quotes, 'quote', docOf, (m, g) => m.kind === 'quote' && speakerMatches(m, g.speaker)),
    documentDates: scoreDocumentDates(report, gold, docOf),
    conflicts: scoreConflicts(report, gold, docOf),
    agreements: scoreAgreements(report, gold, docOf),
    roles: scoreRoles(report, gold, docOf),
    forbidden: forbidden(report, gold, docOf),
  };
}

type DocOf = (ref: string) => string | undefined;

/** Gold refers to documents by file name or its numeric prefix ("001"); reports by id. */
function docResolver(report: Report, gold: GoldFile): DocOf {
  return (ref) => {
    const byName = report.documents.find((d) => d.path.endsWith(`/${ref}`) || d.path === ref);
    if (byName) return byName.id;
    const full = gold.documents.find((d) => d.doc.startsWith(`${ref}_`) || d.doc === ref)?.doc;
    return full ? report.documents.find((d) => d.path.endsWith(full))?.id : undefined;
  };
}

export function key(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/[’']s$/, '').replace(/[^\p{L}\p{N}]+/gu, '');
}

function ratio(a: number, b: number): number {
  return b === 0 ? 1 : a / b;
}

function makeScore(tpFound: number, found: number, tpExpected: number, expected: number, misses: string[], extras: string[]): Score {
  const precision = ratio(tpFound, found);
  const recall = ratio(tpExpected, expected);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, found, expected, misses, extras };
}

function scoreEntities(report: Report, gold: GoldFile, docOf: DocOf): Score {
  const found = new Map<string, string>();
  for (const m of report.mentions) {
    if (m.kind !== 'person' && m.kind !== 'organization' && m.kind !== 'place') continue;
    found.set(`${m.doc}|${m.kind}|${key(m.value.canonical)}`, `${m.doc}: ${m.value.canonical} (${m.kind})`);
  }
  const goldPairs = new Map<string, { required: boolean; label: string }>();
  for (const e of gold.entities) {
    for (const ref of e.docs) {
      const doc = docOf(ref);
      for (const alias of [e.canonical, ...e.aliases]) {
        goldPairs.set(`${doc}|${e.type}|${key(alias)}`, { required: !e.optional, label: `${ref}: ${e.canonical} (${e.type})` });
      }
    }
  }
  let tp = 0;
  const extras: string[] = [];
  for (const [k, label] of found) {
    if (goldPairs.has(k)) tp++;
    else extras.push(label);
  }
  const misses: string[] = [];
  let expected = 0;
  let hit = 0;
  for (const e of gold.entities) {
    if (e.optional) continue;
    for (const ref of e.docs) {
      expected++;
      const doc = docOf(ref);
      const ok = [e.canonical, ...e.aliases].some((a) => found.has(`${doc}|${e.type}|${key(a)}`));
      if (ok) hit++;
      else misses.push(`${ref}: ${e.canonical} (${e.type})`);
    }
  }
  return makeScore(tp, found.size, hit, expected, misses, extras);
}

interface Located {
  doc: string;
  line: number;
  text: string;
  optional?: boolean;
}

function scoreItems<G extends Located>(
  report: Report,
  items: G[],
  kind: Mention['kind'],
  docOf: DocOf,
  valueOk: (m: Mention, g: G) => boolean,
): Score {
  const mentions = report.mentions.filter((m) => m.kind === kind);
  const overlaps = (m: Mention, g: G) =>
    m.doc === docOf(g.doc) && m.line === g.line && (key(m.text).includes(key(g.text)) || key(g.text).includes(key(m.text)));
  const misses: string[] = [];
  let expected = 0;
  let hit = 0;
  for (const g of items) {
    if (g.optional) continue;
    expected++;
    if (mentions.some((m) => overlaps(m, g) && valueOk(m, g))) hit++;
    else misses.push(`${g.doc}:${g.line} ${g.text}`);
  }
  let tp = 0;
  const extras: string[] = [];
  for (const m of mentions) {
    if (items.some((g) => overlaps(m, g))) tp++;
    else extras.push(`${m.doc}:${m.line} ${m.text}`);
  }
  return makeScore(tp, mentions.length, hit, expected, misses, extras);
}

function dateResolved(m: Extract<Mention, { kind: 'date' }>, g: { iso: string | null; month?: number; day?: number }): boolean {
  if (g.iso !== null) return m.value.iso === g.iso;
  const month = m.value.month ?? (m.value.iso ? Number(m.value.iso.slice(5, 7)) : null);
  const day = m.value.day ?? (m.value.iso && m.value.iso.length === 10 ? Number(m.value.iso.slice(8, 10)) : null);
  return month === (g.month ?? null) && (g.day === undefined || day === g.day);
}

function speakerMatches(m: Extract<Mention, { kind: 'quote' }>, speaker: string): boolean {
  const want = key(speaker);
  return [m.value.speaker, m.value.speakerCanonical].some((s) => s !== null && (key(s) === want || key(s).endsWith(want)));
}

function scoreDocumentDates(report: Report, gold: GoldFile, docOf: DocOf): Score {
  const misses: string[] = [];
  let hit = 0;
  for (const g of gold.documents) {
    const doc = report.documents.find((d) => d.id === docOf(g.doc));
    if (doc && doc.date === g.date) hit++;
    else misses.push(`${g.doc}: expected ${g.date}, got ${doc?.date ?? 'no document'}`);
  }
  return makeScore(hit, gold.documents.length, hit, gold.documents.length, misses, []);
}

function scoreConflicts(report: Report, gold: GoldFile, docOf: DocOf): Score {
  const reported = report.facts.filter((f) => f.status === 'conflict');
  // A gold conflict is found when one reported conflict holds both figures, each side cited by one of its documents.
  const matches = (f: Report['facts'][number], c: GoldFile['conflicts'][number]) =>
    c.values.every((gv) => {
      const sides = f.values.filter((v) => {
        const n = (v.value as { amount?: number | null; percent?: number }) ?? {};
        return typeof gv.value === 'number' ? n.amount === gv.value || n.percent === gv.value : key(v.text) === key(gv.value);
      });
      return sides.some((v) => gv.docs.some((d) => v.docs.includes(docOf(d) ?? '')));
    });
  const required = gold.conflicts.filter((c) => c.required);
  const misses = required.filter((c) => !reported.some((f) => matches(f, c))).map((c) => c.about);
  const extras = reported.filter((f) => !gold.conflicts.some((c) => matches(f, c))).map((f) => f.conflict?.message ?? f.id);
  const tp = reported.length - extras.length;
  return makeScore(tp, reported.length, required.length - misses.length, required.length, misses, extras);
}

function scoreAgreements(report: Report, gold: GoldFile, docOf: DocOf): Score {
  const withValue = gold.agreements.filter((a) => a.value !== undefined);
  const agreed = report.facts.filter((f) => f.status === 'agreed');
  const misses: string[] = [];
  for (const a of withValue) {
    const docs = a.docs.map(docOf);
    const ok = agreed.some((f) => {
      const texts = f.values.filter((v) => key(v.text) === key(a.value!));
      const covered = new Set(f.values.flatMap((v) => v.docs));
      return texts.length > 0 && docs.every((d) => d !== undefined && covered.has(d));
    });
    if (!ok) misses.push(`${a.about} (${a.docs.join(', ')})`);
  }
  const hit = withValue.length - misses.length;
  return makeScore(hit, withValue.length, hit, withValue.length, misses, []);
}

function scoreRoles(report: Report, gold: GoldFile, docOf: DocOf): Score {
  const roleFacts = report.facts.filter((f) => f.kind === 'role');
  const misses: string[] = [];
  for (const r of gold.roles) {
    const docs = r.docs.map(docOf);
    const ok = roleFacts.some(
      (f) =>
        key(f.subject) === key(r.person) &&
        f.values.some((v) => key((v.value as { title: string }).title) === key(r.role) && docs.every((d) => d !== undefined && v.docs.includes(d))),
    );
    if (!ok) misses.push(`${r.person}: ${r.role} (${r.docs.join(', ')})`);
  }
  const hit = gold.roles.length - misses.length;
  const found = roleFacts.reduce((n, f) => n + f.values.length, 0);
  return makeScore(found, found, hit, gold.roles.length, misses, []);
}

function forbidden(report: Report, gold: GoldFile, docOf: DocOf): string[] {
  const out: string[] = [];
  for (const n of gold.not_entities) {
    const doc = docOf(n.doc);
    const hit = report.mentions.find(
      (m) => m.doc === doc && (m.kind === 'person' || m.kind === 'organization' || m.kind === 'place') && key(m.text) === key(n.text),
    );
    if (hit) out.push(`entity ${n.doc}: ${n.text}`);
  }
  for (const n of gold.not_quotes) {
    const doc = docOf(n.doc);
    const hit = report.mentions.find((m) => m.doc === doc && m.kind === 'quote' && m.line === n.line && key(m.value.quote) === key(n.text));
    if (hit) out.push(`quote ${n.doc}:${n.line} “${n.text}”`);
  }
  return out;
}
