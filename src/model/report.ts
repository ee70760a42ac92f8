// The report's JSON contract (version 1). These zod schemas are the single source of truth:
// the TypeScript types are inferred from them and the committed JSON Schema is generated from them.
import { z } from 'zod';
import { ISO_DAY } from './iso-day.js';

export { ISO_DAY };

export const EntityKind = z.enum(['person', 'organization', 'place']);
export const MentionKind = z.enum(['person', 'organization', 'place', 'money', 'percent', 'date', 'quote']);

export const EntityValue = z.object({ canonical: z.string() });

export const MoneyValue = z.object({
  amount: z.number().nullable(),
  currency: z.string(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  approximate: z.boolean(),
  /** The mention this one converts into another currency ("$6.1 billion (£4.5 billion)"). */
  conversionOf: z.string().optional(),
});

export const PercentValue = z.object({
  percent: z.number(),
  min: z.number().nullable().optional(),
  max: z.number().nullable().optional(),
  approximate: z.boolean().optional(),
});

export const DateGranularity = z.enum(['day', 'week', 'month', 'part-of-month', 'year', 'partial']);

export const DateValue = z.object({
  /** Calendar value: YYYY-MM-DD, YYYY-MM, YYYY, YYYY-Www, or null when the year is unknown. */
  iso: z.string().nullable(),
  from: z.string().regex(ISO_DAY).nullable(),
  to: z.string().regex(ISO_DAY).nullable(),
  granularity: DateGranularity,
  /** Month (1-12) and day when the text names them, even when the year is unknown. */
  month: z.number().int().min(1).max(12).nullable().optional(),
  day: z.number().int().min(1).max(31).nullable().optional(),
  /** True when the value was resolved against the document's own date (weekdays, "last week"). */
  relative: z.boolean().optional(),
  /** For a weekday ("on Wednesday"): 0 = Monday … 6 = Sunday, kept so a date of the same event can contradict it. */
  weekday: z.number().int().min(0).max(6).optional(),
});

export const QuoteValue = z.object({
  quote: z.string(),
  speaker: z.string().nullable(),
  speakerCanonical: z.string().nullable(),
  /** A quoted fragment inside a sentence rather than a whole quoted statement. */
  partial: z.boolean().optional(),
});

const MentionBase = z.object({
  id: z.string(),
  doc: z.string(),
  text: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  line: z.number().int().positive(),
  column: z.number().int().positive(),
  /** The sentence the mention stands in: the evidence a reader checks. */
  sentence: z.string().optional(),
  /** What the mention is in its document when that is not a claim of the story ("dateline": the publication date). */
  role: z.enum(['dateline']).optional(),
  /** For numbers and dates: what the mention is about, read from its sentence. */
  about: z
    .object({
      /** Attribute from the lexicon ("deal value", "stake") or a generic one ("amount"). */
      attribute: z.string(),
      /** The trigger word as written, or null when none was found. */
      trigger: z.string().nullable(),
      /** Ids of the entity mentions the number is about, nearest first. */
      entities: z.array(z.string()),
      /** What sets this event apart from others of its kind ("series c", "2019"), when the sentence says. */
      qualifier: z.string().nullable(),
    })
    .optional(),
});

export const Mention = z.discriminatedUnion('kind', [
  MentionBase.extend({ kind: z.literal('person'), value: EntityValue }),
  MentionBase.extend({ kind: z.literal('organization'), value: EntityValue }),
  MentionBase.extend({ kind: z.literal('place'), value: EntityValue }),
  MentionBase.extend({ kind: z.literal('money'), value: MoneyValue }),
  MentionBase.extend({ kind: z.literal('percent'), value: PercentValue }),
  MentionBase.extend({ kind: z.literal('date'), value: DateValue }),
  MentionBase.extend({ kind: z.literal('quote'), value: QuoteValue }),
]);

/** A role or age of a person, or a count of something: facts that are not one of the seven mention kinds. */
export const RoleValue = z.object({
  /** Normalised title from the lexicon ("cfo" for "chief financial officer"). */
  title: z.string(),
  /** Canonical name of the organisation the title is at, when the text says. */
  org: z.string().nullable(),
});
export const AgeValue = z.object({ age: z.number().int().nonnegative() });
export const CountValue = z.object({
  count: z.number(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  approximate: z.boolean(),
  /** What is counted ("people", "employee"). */
  noun: z.string(),
});

const ClaimBase = MentionBase.omit({ role: true });
export const Claim = z.discriminatedUnion('kind', [
  ClaimBase.extend({ kind: z.literal('role'), value: RoleValue }),
  ClaimBase.extend({ kind: z.literal('age'), value: AgeValue }),
  ClaimBase.extend({ kind: z.literal('count'), value: CountValue }),
]);

export const Document = z.object({
  id: z.string(),
  path: z.string(),
  date: z.string().regex(ISO_DAY).nullable(),
  dateSource: z.string().nullable(),
  /**
   * What the offsets (and lines, columns) of this document's mentions refer to: 'file' = the file as decoded (UTF-16
   * code units, BOM dropped, Markdown front matter blanked with spaces but still counted); 'extracted' = the text
   * extracted from an HTML page; 'text' = the text a library caller passed in.
   */
  offsets: z.enum(['text', 'file', 'extracted']).optional(),
  /** The title the file's metadata gives (front matter `title:`, HTML `<title>`/og:title). */
  title: z.string().optional(),
  /** The canonical URL the file's metadata gives (front matter `url:`, HTML canonical link/og:url). */
  url: z.string().optional(),
});

export const Source = z.object({
  doc: z.string(),
  path: z.string(),
  line: z.number().int().positive(),
  column: z.number().int().positive(),
  sentence: z.string(),
  mention: z.string(),
});

export const FactValue = z.object({
  value: z.unknown(),
  text: z.string(),
  docs: z.array(z.string()),
  mentions: z.array(z.string()),
  sources: z.array(Source).optional(),
  /** Documents that state this value independently: a sentence copied word for word into several documents
   *  (syndicated copies) counts once. */
  independent: z.number().int().nonnegative().optional(),
  /** Groups of documents that state this value in the same sentence, word for word. */
  copies: z.array(z.array(z.string())).optional(),
});

export const FactStatus = z.enum(['conflict', 'agreed', 'single']);
export const Severity = z.enum(['error', 'warning', 'info']);

export const Fact = z.object({
  id: z.string(),
  subject: z.string(),
  attribute: z.string(),
  kind: z.string(),
  status: FactStatus,
  values: z.array(FactValue),
  /** Present when status is "conflict". */
  conflict: z
    .object({ code: z.string(), severity: Severity, message: z.string() })
    .optional(),
});

export const Summary = z.object({
  documents: z.number().int().nonnegative(),
  mentions: z.number().int().nonnegative(),
  facts: z.number().int().nonnegative(),
  conflicts: z.number().int().nonnegative(),
});

export const Warning = z.object({ path: z.string(), code: z.string(), message: z.string() });

export const Report = z.object({
  version: z.literal(1),
  documents: z.array(Document),
  mentions: z.array(Mention),
  /** Roles, ages and counts; fact values of those kinds list claim ids in their `mentions`. */
  claims: z.array(Claim).optional(),
  facts: z.array(Fact),
  summary: Summary,
  warnings: z.array(Warning).optional(),
});

export type EntityKind = z.infer<typeof EntityKind>;
export type MentionKind = z.infer<typeof MentionKind>;
export type MoneyValue = z.infer<typeof MoneyValue>;
export type PercentValue = z.infer<typeof PercentValue>;
export type DateValue = z.infer<typeof DateValue>;
export type QuoteValue = z.infer<typeof QuoteValue>;
export type EntityValue = z.infer<typeof EntityValue>;
export type Mention = z.infer<typeof Mention>;
export type Claim = z.infer<typeof Claim>;
export type RoleValue = z.infer<typeof RoleValue>;
export type AgeValue = z.infer<typeof AgeValue>;
export type CountValue = z.infer<typeof CountValue>;
export type Document = z.infer<typeof Document>;
export type Source = z.infer<typeof Source>;
export type FactValue = z.infer<typeof FactValue>;
export type Fact = z.infer<typeof Fact>;
export type FactStatus = z.infer<typeof FactStatus>;
export type Severity = z.infer<typeof Severity>;
export type Summary = z.infer<typeof Summary>;
export type Warning = z.infer<typeof Warning>;
export type Report = z.infer<typeof Report>;
