// Extracts every kind of mention from one document and turns the extractors' spans into report mentions.
import type { Document, Mention } from '../model/report.js';
import { findDocumentDate } from '../read/document-date.js';
import { describeContext } from './context.js';
import { extractDates } from './dates.js';
import { extractEntities } from './entities.js';
import { extractMoney } from './money.js';
import { extractPercent } from './percent.js';
import { extractQuotes } from './quotes.js';
import { LineIndex, makeContext, sentenceAt } from './text.js';
import type { EntityFound, Found } from './types.js';

export interface DocumentInput {
  id: string;
  path: string;
  text: string;
}

export interface ExtractOptions {
  /** Reference date (YYYY-MM-DD) for documents whose own date cannot be found. */
  referenceDate?: string | null;
}

export interface DocumentResult {
  document: Document;
  mentions: Mention[];
}

export function extractDocument(input: DocumentInput, options: ExtractOptions = {}): DocumentResult {
  const own = findDocumentDate(input.text);
  const date = own?.date ?? options.referenceDate ?? null;
  const document: Document = {
    id: input.id,
    path: input.path,
    date: own?.date ?? null,
    dateSource: own ? own.source : options.referenceDate ? 'reference' : null,
  };
  const ctx = makeContext(input.text, date);
  const entities = extractEntities(ctx);
  const found: Array<{ kind: Mention['kind']; item: Found<unknown> }> = [
    ...entities.map((e: EntityFound) => ({ kind: e.kind, item: e })),
    ...extractMoney(ctx).map((item) => ({ kind: 'money' as const, item })),
    ...extractPercent(ctx).map((item) => ({ kind: 'percent' as const, item })),
    ...extractDates(ctx).map((item) => ({ kind: 'date' as const, item })),
    ...extractQuotes(ctx, entities).map((item) => ({ kind: 'quote' as const, item })),
  ];
  found.sort((a, b) => a.item.start - b.item.start || a.item.end - b.item.end || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));

  const lines = new LineIndex(input.text);
  const idByStart = new Map<string, string>();
  const mentions: Mention[] = found.map(({ kind, item }, i) => {
    const id = `${input.id}#${i + 1}`;
    idByStart.set(`${kind}@${item.start}`, id);
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
      ...(sentence ? { sentence: sentence.text } : {}),
    } as Mention;
    if (kind === 'date' && own && item.start < own.end && item.end > own.start) mention.role = 'dateline';
    return mention;
  });
  // A currency conversion points at the mention it converts, by id.
  found.forEach(({ kind, item }, i) => {
    const of = (item as { conversionOfStart?: number }).conversionOfStart;
    const target = of === undefined ? undefined : idByStart.get(`money@${of}`);
    if (kind === 'money' && target) (mentions[i].value as { conversionOf?: string }).conversionOf = target;
  });
  describeContext(mentions, ctx);
  return { document, mentions };
}

/** Short stable ids: the file name without extension, or the whole relative path when names collide. */
export function assignDocumentIds(paths: string[]): string[] {
  const base = (p: string) => (p === '-' ? 'stdin' : p.replace(/^.*\//, '').replace(/\.[^.]+$/, '') || p);
  const counts = new Map<string, number>();
  for (const p of paths) counts.set(base(p), (counts.get(base(p)) ?? 0) + 1);
  return paths.map((p) => (counts.get(base(p)) === 1 ? base(p) : p));
}
