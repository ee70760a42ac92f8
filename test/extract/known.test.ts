import { describe, expect, it } from 'vitest';
import { addKnownEntities } from '../../src/extract/known.js';
import type { EntityFound } from '../../src/extract/types.js';

const ent = (start: number, end: number, kind: EntityFound['kind'], canonical: string): EntityFound => ({ start, end, kind, value: { canonical } });
const spans = (text: string, found: EntityFound[]) => found.map((e) => `${text.slice(e.start, e.end)}:${e.kind}:${e.value.canonical}`);

describe('addKnownEntities', () => {
  const text = 'Blue Harbor bought Tide. Blue Harbors is not it; Blue Harbor Group is.';

  it('adds every whole-word occurrence of a declared name, with its kind', () => {
    const out = addKnownEntities(text, [], [{ name: 'Blue Harbor', kind: 'organization' }]);
    expect(spans(text, out)).toEqual(['Blue Harbor:organization:Blue Harbor', 'Blue Harbor:organization:Blue Harbor']);
  });

  it('replaces the guesses it overlaps and keeps the others', () => {
    const guesses = [ent(0, 4, 'person', 'Blue'), ent(19, 23, 'organization', 'Tide')];
    const out = addKnownEntities(text, guesses, [{ name: 'Blue Harbor', kind: 'organization' }]);
    expect(spans(text, out)[0]).toBe('Blue Harbor:organization:Blue Harbor');
    expect(spans(text, out)).toContain('Tide:organization:Tide');
    expect(spans(text, out)).not.toContain('Blue:person:Blue');
  });

  it('prefers the longest declared name', () => {
    const out = addKnownEntities(text, [], [
      { name: 'Blue Harbor', kind: 'organization' },
      { name: 'Blue Harbor Group', kind: 'organization' },
    ]);
    expect(spans(text, out).at(-1)).toBe('Blue Harbor Group:organization:Blue Harbor Group');
  });

  it('changes nothing without declared names', () => {
    const guesses = [ent(19, 23, 'organization', 'Tide')];
    expect(addKnownEntities(text, guesses, [])).toBe(guesses);
  });
});
