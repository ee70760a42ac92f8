// Turns a speaker phrase into the reported speaker: the person named inside it, the organisation it speaks for,
// or for "she"/"it"/"the company" the most recent fitting entity before it (simple recency coreference).
import type { EntityKind } from '../model/report.js';
import type { EntityFound } from './types.js';
import { sentenceAt, type Sentence, type Span } from './text.js';
import {
  DETERMINERS,
  DROPPED_ARTICLES,
  FEMALE_HONORIFICS,
  FEMALE_PRONOUNS,
  MALE_HONORIFICS,
  MALE_PRONOUNS,
  ORG_ANAPHORS,
  ORG_PRONOUNS,
  OTHER_PRONOUNS,
  PERSON_PRONOUNS,
} from './quotes-lexicon.js';
import { mapped } from '../util/mapped.js';
import { TITLE_WORDS, firstNameSex } from './entities-lexicon.js';

const HONORIFICS = [...FEMALE_HONORIFICS, ...MALE_HONORIFICS];
const HONORIFIC_BEFORE = new RegExp(`(?<![\\p{L}])(${HONORIFICS.join('|')})\\.?\\s+$`, 'iu');

export interface ResolvedSpeaker {
  speaker: string | null;
  canonical: string | null;
  span: Span | null;
}

export type Sex = 'female' | 'male';

/** How many people of the other sex "she" or "he" may pass over on the way back to the person meant. */
const MAX_SKIPPED = 20;

// From a subject to a name inside the relative clause that follows it: ", who founded the firm with".
const RELATIVE_CLAUSE = /^,\s+who\s[^,;:.]*$/u;

/** The document's entities sorted by offset, with those inside quotes set aside for coreference. */
export class EntityIndex {
  private readonly sorted: EntityFound[];
  private readonly quoted: boolean[];
  private sexes: Map<string, Sex> | null = null;

  constructor(
    private readonly text: string,
    entities: EntityFound[],
    insideQuote: (offset: number) => boolean,
    private readonly sentences: Sentence[],
  ) {
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

  /** The closest entity of a kind ending before an offset, ignoring entities named inside quotes and, for "she" or
   *  "he", people known to be of the other sex. */
  lastBefore(offset: number, kind: EntityKind, sex: Sex | null = null): EntityFound | null {
    // Bounded, so that a long document of many "she said" and many men stays linear.
    let skipped = 0;
    for (let i = this.firstAtOrAfter(offset) - 1; i >= 0 && skipped <= MAX_SKIPPED; i--) {
      const e = this.sorted[i];
      if (e.kind !== kind || e.end > offset || this.quoted[i]) continue;
      const known = sex ? this.sexOf(e.value.canonical) : undefined;
      if (!known || known === sex) return e;
      skipped++;
    }
    return null;
  }

  /**
   * The person "she" or "he" at an offset stands for: the closest fitting person, unless that person is named in a
   * relative clause on the subject of an earlier sentence ("Jane Roe, who has represented Tom Lee since he was 17,
   * was sure. “…,” she said."), where the subject is meant.
   */
  antecedent(offset: number, sex: Sex | null): EntityFound | null {
    const closest = this.lastBefore(offset, 'person', sex);
    if (!closest) return null;
    const sentence = sentenceAt(this.sentences, closest.start);
    if (!sentence || offset < sentence.end) return closest;
    for (let i = this.firstAtOrAfter(sentence.start); i < this.sorted.length && this.sorted[i].start < closest.start; i++) {
      const e = this.sorted[i];
      if (e.kind !== 'person' || this.quoted[i]) continue;
      const known = sex ? this.sexOf(e.value.canonical) : undefined;
      if (known && known !== sex) continue;
      return RELATIVE_CLAUSE.test(this.text.slice(e.end, closest.start)) ? e : closest;
    }
    return closest;
  }

  /** The one person named (outside quotes) in text[from, to), or null when there are none or several. */
  onlyPersonIn(from: number, to: number): EntityFound | null {
    let found: EntityFound | null = null;
    for (let i = this.firstAtOrAfter(from); i < this.sorted.length && this.sorted[i].start < to; i++) {
      const e = this.sorted[i];
      if (e.kind !== 'person' || this.quoted[i] || e.end > to) continue;
      if (found && found.value.canonical !== e.value.canonical) return null;
      found = e;
    }
    return found;
  }

  /** Whether a mention of this person stands right after the title or before it in an appositive ("Transport
   *  Minister Jane Roe", "Roe, the transport minister,"), not merely in the same sentence ("Judge X remanded Roe"). */
  titled(person: EntityFound, title: string): boolean {
    const t = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const before = new RegExp(`(?<![\\p{L}])${t}\\s+$`, 'iu');
    const after = new RegExp(`^,\\s+(?:the|a|an|its|his|her|their|\\p{Lu}[\\p{L}]*['’]s)\\s+(?:[\\p{L}'’-]+\\s+){0,3}?${t}(?![\\p{L}])`, 'iu');
    return this.sorted.some(
      (e) =>
        e.kind === 'person' &&
        e.value.canonical === person.value.canonical &&
        (before.test(this.text.slice(Math.max(0, e.start - 40), e.start)) || after.test(this.text.slice(e.end, e.end + 80))),
    );
  }

  /** A person's sex as the document shows it: an honorific before any mention ("Ms Roe"), else a given name that
   *  compromise files as female or male. Unknown for most names. */
  private sexOf(canonical: string): Sex | undefined {
    this.sexes ??= this.readSexes();
    return this.sexes.get(canonical);
  }

  private readSexes(): Map<string, Sex> {
    const out = new Map<string, Sex>();
    const people = this.sorted.filter((e) => e.kind === 'person');
    for (const e of people) {
      const honorific = HONORIFIC_BEFORE.exec(this.text.slice(Math.max(0, e.start - 12), e.start))?.[1].toLowerCase();
      if (honorific && !out.has(e.value.canonical)) {
        out.set(e.value.canonical, FEMALE_HONORIFICS.has(honorific) ? 'female' : 'male');
      }
    }
    for (const e of people) {
      const words = e.value.canonical.split(/\s+/);
      const given = words.length > 1 ? firstNameSex(words[0].toLowerCase()) : null;
      if (given && !out.has(e.value.canonical)) out.set(e.value.canonical, given);
    }
    return out;
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

export function resolveSpeaker(text: string, phrase: Span, index: EntityIndex, paragraphStart: number): ResolvedSpeaker {
  const written = text.slice(phrase.start, phrase.end);
  const lower = written.toLowerCase();
  if (PERSON_PRONOUNS.has(lower) || ORG_PRONOUNS.has(lower)) {
    const sex = FEMALE_PRONOUNS.has(lower) ? 'female' : MALE_PRONOUNS.has(lower) ? 'male' : null;
    const e = PERSON_PRONOUNS.has(lower) ? index.antecedent(phrase.start, sex) : index.lastBefore(phrase.start, 'organization');
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
  // "“…,” the minister said": a title with "the" stands for the one person its paragraph names, when the document
  // writes that person with the title ("Transport Minister Jane Roe", "Roe, the minister,").
  const title = /^the\s/i.test(written) ? titleAtEnd(lower) : null;
  if (title) {
    const e = index.onlyPersonIn(paragraphStart, phrase.start);
    if (e && index.titled(e, title)) return { speaker: e.value.canonical, canonical: e.value.canonical, span: phrase };
  }
  const group = inside.find((e) => e.kind === 'organization') ?? inside.find((e) => e.kind === 'place');
  if (group) return { ...described, canonical: group.value.canonical };
  if (ORG_ANAPHORS.has(described.speaker?.toLowerCase() ?? '')) {
    const e = index.lastBefore(phrase.start, 'organization');
    return { ...described, canonical: e ? e.value.canonical : null };
  }
  return described;
}

/** The title a phrase ends with ("the Acme chief executive" → "chief executive"), or null. */
function titleAtEnd(lower: string): string | null {
  const words = lower.split(/\s+/);
  for (let n = Math.min(3, words.length - 1); n >= 1; n--) {
    const title = words.slice(-n).join(' ');
    if (TITLE_WORDS.has(title)) return title;
  }
  return null;
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
