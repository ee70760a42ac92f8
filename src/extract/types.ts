// What extractors return: spans into the document's text with a normalised value.
// The pipeline turns these into report mentions (ids, line/column, evidence sentence).
import type { DateValue, EntityKind, MoneyValue, PercentValue, QuoteValue } from '../model/report.js';

export interface Found<V> {
  start: number;
  end: number;
  value: V;
}

export interface EntityFound extends Found<{ canonical: string }> {
  kind: EntityKind;
}

export interface MoneyFound extends Found<Omit<MoneyValue, 'conversionOf'>> {
  /** Start offset of the money span this one is a currency conversion of. */
  conversionOfStart?: number;
}

export type PercentFound = Found<PercentValue>;
export type DateFound = Found<DateValue>;

export interface QuoteFound extends Found<QuoteValue> {
  /** Span of the speaker phrase as written ("an Acme spokesperson"), when found. */
  speakerSpan?: { start: number; end: number };
}
