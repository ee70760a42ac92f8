// Table rows for entity tests: what extractEntities finds in a text, as [surface, kind, canonical].
import { extractEntities } from '../../src/extract/entities.js';
import { makeContext } from '../../src/extract/text.js';

export type Kind = 'person' | 'organization' | 'place';
export type Row = [surface: string, kind: Kind, canonical: string];

export function run(text: string): Row[] {
  return extractEntities(makeContext(text, null)).map((e) => [text.slice(e.start, e.end), e.kind, e.value.canonical]);
}

export const org = (s: string, c = s): Row => [s, 'organization', c];
export const person = (s: string, c = s): Row => [s, 'person', c];
export const place = (s: string, c = s): Row => [s, 'place', c];
