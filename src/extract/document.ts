// Extracts every kind of mention from one document and turns the extractors' spans into report mentions.
import type { Claim, Document, Mention } from '../model/report.js';
import { findDocumentDate, inDateline } from '../read/document-date.js';
import { describeContext } from './context.js';
import { extractCounts } from './counts.js';
import { extractDates } from './dates.js';
import { extractEntities } from './entities.js';
import { addKnownEntities, type KnownEntity } from './known.js';
import { extractMoney } from './money.js';
import { extractPercent } from './percent.js';
import { extractQuotes } from './quotes.js';
import { extractRolesAndAges } from './roles.js';
import { LineIndex, makeContext, sentenceAt } from './text.js';
import type { EntityFound, Found } from './types.js';
import type { InputText } from '../read/inputs.js';
import { mapped } from '../util/mapped.js';

/** One input document with its id: what read/ gives (type only: extraction never touches the disk). */
export type DocumentInput = InputText & { id: string };

export interface ExtractOptions {
  /** Reference date (YYYY-MM-DD) for documents whose own date cannot be found. */
  referenceDate?: string | null;
  /** Names the user declares with their kind (facts.config.json "lexicon"). */
  knownEntities?: KnownEntity[];
}

export interface DocumentResult {
  document: Document;
  mentions: Mention[];
  /** Roles, ages and counts: facts that are not one of the seven mention kinds. */
  claims: Claim[];
}

export function extractDocument(input: DocumentInput, options: ExtractOptions = {}): DocumentResult {
  // A date from the file's metadata is not in the text, so no mention gets the dateline role for it.
  const given = input.date ? { date: input.date, source: input.dateSource ?? 'metadata' } : null;
  const own = given ? null : findDocumentDate(input.text);
  const stated = given ?? own;
  const date = stated?.date ?? options.referenceDate ?? null;
  const document: Document = {
    id: input.id,
    path: input.path,
    date: stated?.date ?? null,
    dateSource: stated ? stated.source : options.referenceDate ? 'reference' : null,
    ...(input.offsets ? { offsets: input.offsets } : {}),
    ...(input.title !== undefined ? { title: input.title } : {}),
    ...(input.url !== undefined ? { url: input.url } : {}),
  };
  const ctx = makeContext(input.text, date);
  const entities = addKnownEntities(ctx.text, extractEntities(ctx), options.knownEntities ?? []);
  // Pushed one by one, not spread: V8 optimises a spread for the kinds of array it has seen, and the extractors'
  // results came in more than one (packed and holey: see util/mapped.ts), so spreads here deoptimised this function.
  const found: Array<{ kind: Mention['kind']; item: Found<unknown> }> = [];
  for (const e of entities) found.push({ kind: e.kind, item: e });
  for (const item of extractMoney(ctx)) found.push({ kind: 'money', item });
  for (const item of extractPercent(ctx)) found.push({ kind: 'percent', item });
  for (const item of extractDates(ctx)) found.push({ kind: 'date', item });
  for (const item of extractQuotes(ctx, entities)) found.push({ kind: 'quote', item });
  found.sort((a, b) => a.item.start - b.item.start || a.item.end - b.item.end || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));

  const lines = new LineIndex(input.text);
  // Only conversions look ids up, and only money mentions' (by start offset).
  const moneyIdByStart = new Map<number, string>();
  const mentions: Mention[] = mapped(found, ({ kind, item }, i) => {
    const id = `${input.id}#${i + 1}`;
    if (kind === 'money') moneyIdByStart.set(item.start, id);
    const { line, column } = lines.locate(item.start);
    const sentence = sentenceAt(ctx.sentences, item.start);
    const mention = {
      id,
      doc: input.id,
      kind,
      text: input.text.slice(item.start, item.end),
      start: item.start,
      end: item.end,
      line,
      column,
      value: { ...(item.value as object) },
    } as Mention;
    // Assigned after the literal, it still comes right after `value` in the JSON.
    if (sentence) mention.sentence = sentence.text;
    if (kind === 'date' && own && item.start < own.end && item.end > own.start) mention.role = 'dateline';
    // A dateline without a year gives the document no date (nor does one below a byline that gave it), but its date
    // is still the dateline's, no event's.
    else if (kind === 'date' && inDateline(input.text, item.start, item.end)) mention.role = 'dateline';
    return mention;
  });
  // A currency conversion points at the mention it converts, by id.
  found.forEach(({ kind, item }, i) => {
    const of = (item as { conversionOfStart?: number }).conversionOfStart;
    const target = of === undefined ? undefined : moneyIdByStart.get(of);
    if (kind === 'money' && target) (mentions[i].value as { conversionOf?: string }).conversionOf = target;
  });
  const claims = extractClaims(input, ctx, entities, mentions, lines);
  describeContext(mentions, claims, ctx);
  return { document, mentions, claims };
}

function extractClaims(
  input: DocumentInput,
  ctx: ReturnType<typeof makeContext>,
  entities: EntityFound[],
  mentions: Mention[],
  lines: LineIndex,
): Claim[] {
  const entityAt = new Map<string, Mention>();
  for (const m of mentions) {
    if (m.kind === 'person' || m.kind === 'organization' || m.kind === 'place') entityAt.set(`${m.start}:${m.end}`, m);
  }
  const at = (span: { start: number; end: number } | null) => (span ? entityAt.get(`${span.start}:${span.end}`) : undefined);
  const claims: Claim[] = [];
  const base = (start: number, end: number) => {
    const { line, column } = lines.locate(start);
    const sentence = sentenceAt(ctx.sentences, start);
    return {
      id: `${input.id}#c${claims.length + 1}`,
      doc: input.id,
      text: input.text.slice(start, end),
      start,
      end,
      line,
      column,
      ...(sentence ? { sentence: sentence.text } : {}),
    };
  };
  const { roles, ages } = extractRolesAndAges(ctx, entities);
  const found: Array<{ start: number; make: () => Claim | null }> = [];
  for (const r of roles) {
    found.push({
      start: r.start,
      make: () => {
        const person = at(r.person);
        const org = at(r.org);
        if (!person) return null;
        const canonical = (m: Mention | undefined) => (m && 'canonical' in (m.value as object) ? (m.value as { canonical: string }).canonical : null);
        return {
          ...base(r.start, r.end),
          kind: 'role' as const,
          value: { title: r.title, org: canonical(org) },
          about: { attribute: 'role', trigger: input.text.slice(r.start, r.end), entities: [person.id, ...(org ? [org.id] : [])], qualifier: null },
        };
      },
    });
  }
  for (const a of ages) {
    found.push({
      start: a.start,
      make: () => {
        const person = at(a.person);
        if (!person) return null;
        return {
          ...base(a.start, a.end),
          kind: 'age' as const,
          value: { age: a.age },
          about: { attribute: 'age', trigger: null, entities: [person.id], qualifier: null },
        };
      },
    });
  }
  for (const c of extractCounts(ctx)) {
    found.push({
      start: c.start,
      make: () => ({
        ...base(c.start, c.end),
        kind: 'count' as const,
        value: { count: c.count, min: c.min, max: c.max, approximate: c.approximate, noun: c.noun },
        about: { attribute: c.attribute, trigger: null, entities: [], qualifier: null },
      }),
    });
  }
  found.sort((a, b) => a.start - b.start);
  for (const f of found) {
    const claim = f.make();
    if (claim) claims.push(claim);
  }
  return claims;
}
