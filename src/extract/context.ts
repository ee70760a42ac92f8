// Reads, for each number and date, what it is about: the attribute its sentence's trigger words name and the
// entities nearest to it. Merging turns these into fact keys, so this is where "about what?" is decided.
import type { Claim, Mention } from '../model/report.js';
import { findAttribute } from './attributes.js';
import { type ExtractContext, sentenceAt } from './text.js';

const CONTEXT_KINDS = new Set(['money', 'percent', 'date']);
// How many organisations make a subject: the buyer and the bought, the investor and the company.
const MAX_ORGS = 2;
// An entity right after these is where the news came from, not what it is about.
// A wire service's name in a dateline's parentheses ("BASEL, March 10 (Agency) -") is a source too.
const SOURCE_BEFORE = /(?:according to|told|reported by|per|cited by|via|reports? from|interview with|speaking to|\()\s*$/i;
const SOURCE_AFTER = /^\s*(?:reported|reports|said|says|first reported|quoted|\)\s*[-–—])/i;
const SERIES = /\bseries\s+([a-h])\b/i;

export function describeContext(mentions: Mention[], claims: Claim[], ctx: ExtractContext): void {
  const entities = mentions.filter((m) => m.kind === 'organization' || m.kind === 'person');
  // Counts bring their own attribute; what they are about is read like any number's.
  for (const c of claims) {
    if (c.kind !== 'count' || !c.about) continue;
    const sentence = sentenceAt(ctx.sentences, c.start);
    if (!sentence) continue;
    c.about.entities = subjectEntities(c, sentence.index, entities, ctx);
    c.about.qualifier = qualifierOf(c, sentence, mentions);
  }
  for (const m of mentions) {
    if (!CONTEXT_KINDS.has(m.kind) || m.role === 'dateline') continue;
    if (m.kind === 'money' && m.value.conversionOf) continue;
    const sentence = sentenceAt(ctx.sentences, m.start);
    if (!sentence) continue;
    const attribute = findAttribute(m.kind, sentence.text, m.start - sentence.start, m.end - sentence.start);
    m.about = {
      attribute: attribute.name,
      trigger: attribute.trigger,
      entities: subjectEntities(m, sentence.index, entities, ctx),
      qualifier: m.kind === 'date' ? null : qualifierOf(m, sentence, mentions),
    };
  }
}

function subjectEntities(m: { start: number; end: number }, sentenceIndex: number, entities: Mention[], ctx: ExtractContext): string[] {
  // The mention's own sentence first; when it names nobody, earlier sentences of the same paragraph.
  const line = ctx.sentences[sentenceIndex];
  for (let i = sentenceIndex; i >= 0; i--) {
    const s = ctx.sentences[i];
    if (i < sentenceIndex && !sameParagraph(ctx.text, s.end, line.start)) break;
    const inside = entities.filter((e) => e.start >= s.start && e.end <= s.end && !isSource(e, ctx.text));
    const picked = pickSubject(m, inside);
    if (picked.length > 0) return picked;
  }
  return [];
}

function pickSubject(m: { start: number; end: number }, inside: Mention[]): string[] {
  const distance = (e: Mention) => (e.end <= m.start ? m.start - e.end : Math.max(0, e.start - m.end));
  const byDistance = [...inside].sort((a, b) => distance(a) - distance(b) || a.start - b.start);
  const chosen: Mention[] = [];
  const seen = new Set<string>();
  for (const e of byDistance) {
    const canonical = (e.value as { canonical: string }).canonical;
    if (e.kind !== 'organization' || seen.has(canonical)) continue;
    seen.add(canonical);
    chosen.push(e);
    if (chosen.length === MAX_ORGS) break;
  }
  if (chosen.length === 0) {
    const person = byDistance.find((e) => e.kind === 'person');
    if (person) chosen.push(person);
  }
  return chosen.map((e) => e.id);
}

function isSource(e: Mention, text: string): boolean {
  const before = text.slice(Math.max(0, e.start - 24), e.start);
  const after = text.slice(e.end, e.end + 24);
  return SOURCE_BEFORE.test(before) || SOURCE_AFTER.test(after);
}

function sameParagraph(text: string, from: number, to: number): boolean {
  return !text.slice(from, to).includes('\n');
}

function qualifierOf(m: Mention | Claim, sentence: { start: number; end: number; text: string }, mentions: Mention[]): string | null {
  const series = sentence.text.match(SERIES);
  if (series) return `series ${series[1].toLowerCase()}`;
  // The year nearest the figure: "4.5% this year and a further 3% in 2026" gives each figure its own year.
  const years = mentions.filter(
    (o) =>
      o.kind === 'date' &&
      o.start !== m.start &&
      o.role !== 'dateline' &&
      o.start >= sentence.start &&
      o.end <= sentence.end &&
      (o.value.granularity === 'year' || (o.value.relative === true && /^\d{4}$/.test(o.value.iso ?? ''))),
  );
  const gap = (o: Mention) => (o.end <= m.start ? m.start - o.end : o.start - m.end);
  const year = years.sort((a, b) => gap(a) - gap(b) || a.start - b.start)[0];
  return year && year.kind === 'date' ? year.value.iso : null;
}
