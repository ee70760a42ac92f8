// A stand-in for the entities module in extractor tests: every whole-word, same-case occurrence of hand-listed
// names, longest names first, so a test of quotes or roles does not depend on entity extraction.
import type { EntityKind } from '../../src/model/report.js';
import type { EntityFound } from '../../src/extract/types.js';

export type Known = [surface: string, kind: EntityKind, canonical?: string];

export function entitiesOf(text: string, known: Known[]): EntityFound[] {
  const out: EntityFound[] = [];
  const taken = (s: number, e: number) => out.some((x) => s < x.end && x.start < e);
  for (const [surface, kind, canonical] of [...known].sort((a, b) => b[0].length - a[0].length)) {
    for (let i = text.indexOf(surface); i >= 0; i = text.indexOf(surface, i + 1)) {
      const e = i + surface.length;
      if (/[\p{L}\p{N}]/u.test(text[i - 1] ?? '') || /[\p{L}\p{N}]/u.test(text[e] ?? '')) continue;
      if (!taken(i, e)) out.push({ start: i, end: e, kind, value: { canonical: canonical ?? surface } });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
