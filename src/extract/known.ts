// Names the user declares (facts.config.json "lexicon"): every whole-word occurrence is that entity, of that kind,
// and takes precedence over what the rules guessed for the same words.
import type { EntityKind } from '../model/report.js';
import type { EntityFound } from './types.js';

export interface KnownEntity {
  name: string;
  kind: EntityKind;
}

const WORD = /[\p{L}\p{N}]/u;

/** The entities with the known names added; guesses overlapping a known name give way to it. */
export function addKnownEntities(text: string, found: EntityFound[], known: KnownEntity[]): EntityFound[] {
  if (known.length === 0) return found;
  const declared: EntityFound[] = [];
  const taken = (s: number, e: number) => declared.some((d) => s < d.end && d.start < e);
  // Longest names first, so "Acme Holdings" wins over "Acme" where both are declared.
  for (const k of [...known].sort((a, b) => b.name.length - a.name.length || (a.name < b.name ? -1 : 1))) {
    if (k.name.trim() === '') continue;
    for (let i = text.indexOf(k.name); i >= 0; i = text.indexOf(k.name, i + 1)) {
      const end = i + k.name.length;
      if (WORD.test(text[i - 1] ?? '') || WORD.test(text[end] ?? '')) continue;
      if (!taken(i, end)) declared.push({ start: i, end, kind: k.kind, value: { canonical: k.name } });
    }
  }
  if (declared.length === 0) return found;
  const kept = found.filter((f) => !declared.some((d) => f.start < d.end && d.start < f.end));
  return [...kept, ...declared].sort((a, b) => a.start - b.start || a.end - b.end);
}
