// Turns a speaker phrase into the reported speaker: the person named inside it, the organisation it speaks for,
// or for "she"/"it"/"the company" the most recent fitting entity before it (simple recency coreference).
import type { EntityKind } from '../model/report.js';
import type { EntityFound } from './types.js';
import type { Span } from './text.js';
import {
  DETERMINERS,
  DROPPED_ARTICLES,
  ORG_ANAPHORS,
  ORG_PRONOUNS,
  OTHER_PRONOUNS,
  PERSON_PRONOUNS,
} from './quotes-lexicon.js';
import { mapped } from '../util/mapped.js';

export interface ResolvedSpeaker {
  speaker: string | null;
  canonical: string | null;
  span: Span | null;
}

/** The document's entities sorted by offset, with those inside quotes set aside for coreference. */
export class EntityIndex {
  private readonly sorted: EntityFound[];
  private readonly quoted: boolean[];

  constructor(entities: EntityFound[], insideQuote: (offset: number) => boolean) {
    this.sorted = entities
      .filter((e) => Number.isFinite(e.start) && Number.isFinite(e.end) && e.end > e.start)
      .sort((a, b) => a.start - b.start || b.end - a.end);
    this.quoted = mapped(this.sorted, (e) => insideQuote(e.start));
  }

  /** Entities lying wholly inside a span, in order. */
  inside(span: Span): EntityFound[] {
    const out: EntityFound[] = [];
    for (let i = this.firstAtOrAfter(span.start); i < this.sorted.length && this.sorted[i].start < span.end; i++) {
      if (this.sorted[i].end <= span.end) out.push(this.sorted[i]);
    }
    return out;
  }

  /** The closest entity of a kind ending before an offset, ignoring entities named inside quotes. */
  lastBefore(offset: number, kind: EntityKind): EntityFound | null {
    for (let i = this.firstAtOrAfter(offset) - 1; i >= 0; i--) {
      const e = this.sorted[i];
      if (e.kind === kind && e.end <= offset && !this.quoted[i]) return e;
    }
    return null;
  }

  private firstAtOrAfter(offset: number): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid].start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

export function resolveSpeaker(text: string, phrase: Span, index: EntityIndex): ResolvedSpeaker {
  const written = text.slice(phrase.start, phrase.end);
  const lower = written.toLowerCase();
  if (PERSON_PRONOUNS.has(lower) || ORG_PRONOUNS.has(lower)) {
    const e = index.lastBefore(phrase.start, PERSON_PRONOUNS.has(lower) ? 'person' : 'organization');
    return e ? { speaker: e.value.canonical, canonical: e.value.canonical, span: phrase } : none();
  }
  if (OTHER_PRONOUNS.has(lower)) return none();

  const inside = index.inside(phrase);
  const people = inside.filter((e) => e.kind === 'person');
  // "Acme’s interim CEO Jane Doe", "Jane Doe, the CEO": the person is the speaker, the rest describes them.
  const person = people[people.length - 1];
  if (person) {
    return {
      speaker: text.slice(person.start, person.end),
      canonical: person.value.canonical,
      span: { start: person.start, end: person.end },
    };
  }
  const described = describe(text, phrase, inside);
  const group = inside.find((e) => e.kind === 'organization') ?? inside.find((e) => e.kind === 'place');
  if (group) return { ...described, canonical: group.value.canonical };
  if (ORG_ANAPHORS.has(described.speaker?.toLowerCase() ?? '')) {
    const e = index.lastBefore(phrase.start, 'organization');
    return { ...described, canonical: e ? e.value.canonical : null };
  }
  return described;
}

// "an Acme spokesperson" → "Acme spokesperson"; "One contractor" → "one contractor", so the same description
// reads the same wherever it stands in its sentence.
function describe(text: string, phrase: Span, inside: EntityFound[]): ResolvedSpeaker {
  let start = phrase.start;
  const end = phrase.end;
  const firstWord = /^[\p{L}]+/u.exec(text.slice(start, end))?.[0] ?? '';
  if (DROPPED_ARTICLES.has(firstWord.toLowerCase())) {
    const rest = /^[\p{L}]+\s+/u.exec(text.slice(start, end));
    if (rest && start + rest[0].length < end) start += rest[0].length;
  }
  let speaker = text.slice(start, end);
  const lead = /^[\p{L}]+/u.exec(speaker)?.[0] ?? '';
  const named = inside.some((e) => e.start === start);
  if (!named && DETERMINERS.has(lead.toLowerCase()) && lead !== lead.toLowerCase()) {
    speaker = lead.toLowerCase() + speaker.slice(lead.length);
  }
  return { speaker, canonical: null, span: { start, end } };
}

function none(): ResolvedSpeaker {
  return { speaker: null, canonical: null, span: null };
}
