import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalKey, canonicalizeAcrossDocuments, entityKey, type EntityInput } from '../../src/merge/canonical.js';

type Kind = 'person' | 'organization' | 'place';

/** A document as its text plus the entities in it, each written as it appears (canonical = surface unless given). */
function doc(text: string, ents: Array<[surface: string, kind: Kind, canonical?: string]>): { text: string; found: EntityInput[] } {
  let from = 0;
  const found = ents.map(([surface, kind, canonical]) => {
    const start = text.indexOf(surface, from);
    if (start < 0) throw new Error(`${surface} not in ${text}`);
    from = start + surface.length;
    return { start, end: start + surface.length, kind, value: { canonical: canonical ?? surface } };
  });
  return { text, found };
}

function resolve(docs: Array<ReturnType<typeof doc>>) {
  const map = canonicalizeAcrossDocuments(
    docs.map((d) => d.found),
    docs.map((d) => d.text),
  );
  return (kind: Kind, canonical: string) => map.get(entityKey(kind, canonical));
}

describe('canonicalKey', () => {
  it.each([
    ['Open AI', 'openai'],
    ['OpenAI', 'openai'],
    ['Techcrunch', 'techcrunch'],
    ['Société Générale', 'societegenerale'],
    ['AT&T', 'att'],
    ['U.S.', 'us'],
    ['  ', ''],
  ])('%s → %s', (name, key) => {
    expect(canonicalKey(name)).toBe(key);
  });
});

describe('canonicalizeAcrossDocuments', () => {
  const a = doc('Acme Robotics CEO Dana Whitlock spoke. Whitlock said Acme Robotics would grow.', [
    ['Acme Robotics', 'organization'],
    ['Dana Whitlock', 'person'],
    ['Whitlock', 'person', 'Dana Whitlock'],
    ['Acme Robotics', 'organization'],
  ]);
  const b = doc('Whitlock told NewsDesk that Acme would hire.', [
    ['Whitlock', 'person'],
    ['NewsDesk', 'organization'],
    ['Acme', 'organization'],
  ]);
  const c = doc('Newsdesk reported that Open Mind had raised money; OpenMind declined to comment.', [
    ['Newsdesk', 'organization'],
    ['Open Mind', 'organization', 'OpenMind'],
    ['OpenMind', 'organization'],
  ]);

  it('maps a surname alone to the full name seen in another document', () => {
    expect(resolve([a, b, c])('person', 'Whitlock')).toEqual({ kind: 'person', canonical: 'Dana Whitlock' });
  });

  it('maps a one-word stem to the organisation it starts', () => {
    expect(resolve([a, b, c])('organization', 'Acme')).toEqual({ kind: 'organization', canonical: 'Acme Robotics' });
  });

  it('collapses case variants to the form with inner capitals', () => {
    const r = resolve([a, b, c]);
    expect(r('organization', 'Newsdesk')).toEqual({ kind: 'organization', canonical: 'NewsDesk' });
    expect(r('organization', 'NewsDesk')).toEqual({ kind: 'organization', canonical: 'NewsDesk' });
  });

  it('collapses spacing variants to the most written form', () => {
    expect(resolve([a, b, c])('organization', 'OpenMind')?.canonical).toBe('OpenMind');
  });

  it('keeps a short name apart when one document uses both names separately', () => {
    const d = doc('Northwind and Northwind Labs are different companies.', [
      ['Northwind', 'organization'],
      ['Northwind Labs', 'organization'],
    ]);
    expect(resolve([d])('organization', 'Northwind')?.canonical).toBe('Northwind');
  });

  it('maps a name to the one longer organisation name it begins, unless a document writes both or it is ambiguous', () => {
    const d1 = doc('Lumora Pay was fined. Great Plains & Western Railroad said. Halden Pharma AG of Basel said.', [
      ['Lumora Pay', 'organization'],
      ['Great Plains & Western Railroad', 'organization'],
      ['Halden Pharma AG of Basel', 'organization'],
    ]);
    const d2 = doc('Lumora will appeal. Great Plains & Western said. Halden Pharma said. Varnel said.', [
      ['Lumora', 'organization'],
      ['Great Plains & Western', 'organization'],
      ['Halden Pharma', 'organization'],
      ['Varnel', 'organization'],
    ]);
    const d3 = doc('Varnel Bank and Varnel Energy said.', [
      ['Varnel Bank', 'organization'],
      ['Varnel Energy', 'organization'],
    ]);
    const r = resolve([d1, d2, d3]);
    expect(r('organization', 'Lumora')?.canonical).toBe('Lumora Pay');
    expect(r('organization', 'Great Plains & Western')?.canonical).toBe('Great Plains & Western Railroad');
    // A name run on past a lower-case word is no longer name; two longer names make the short one ambiguous.
    expect(r('organization', 'Halden Pharma')?.canonical).toBe('Halden Pharma');
    expect(r('organization', 'Varnel')?.canonical).toBe('Varnel');
    const both = doc('Lumora and Lumora Pay are rivals.', [
      ['Lumora', 'organization'],
      ['Lumora Pay', 'organization'],
    ]);
    expect(resolve([d1, both])('organization', 'Lumora')?.canonical).toBe('Lumora');
  });

  it('gives organisation names that differ only in a closing legal form one name, the one most documents write', () => {
    const d1 = doc('Torvane Therapeutics Inc. and Pellmark AG said.', [
      ['Torvane Therapeutics Inc.', 'organization'],
      ['Pellmark AG', 'organization'],
    ]);
    const d2 = doc('Torvane Therapeutics said. Pellmark Group said.', [
      ['Torvane Therapeutics', 'organization'],
      ['Pellmark Group', 'organization'],
    ]);
    const d3 = doc('Torvane Therapeutics said. Pellmark said.', [
      ['Torvane Therapeutics', 'organization'],
      ['Pellmark', 'organization'],
    ]);
    const r = resolve([d1, d2, d3]);
    expect(r('organization', 'Torvane Therapeutics Inc.')?.canonical).toBe('Torvane Therapeutics');
    // One document each: the shorter name; the bare word then finds the one organisation it opens.
    expect(r('organization', 'Pellmark Group')?.canonical).toBe('Pellmark AG');
    expect(r('organization', 'Pellmark')?.canonical).toBe('Pellmark AG');
  });

  it('keeps organisations apart whose names differ in more than a legal form', () => {
    const d1 = doc('Harwell University said.', [['Harwell University', 'organization']]);
    const d2 = doc('Harwell Hospital said. Harwell Labs Inc said.', [
      ['Harwell Hospital', 'organization'],
      ['Harwell Labs Inc', 'organization'],
    ]);
    const r = resolve([d1, d2]);
    expect(r('organization', 'Harwell University')?.canonical).toBe('Harwell University');
    expect(r('organization', 'Harwell Hospital')?.canonical).toBe('Harwell Hospital');
    expect(r('organization', 'Harwell Labs Inc')?.canonical).toBe('Harwell Labs Inc');
  });

  it('leaves an ambiguous surname alone', () => {
    const d = doc('Ann Lee met Bo Lee.', [
      ['Ann Lee', 'person'],
      ['Bo Lee', 'person'],
    ]);
    const e = doc('Lee spoke.', [['Lee', 'person']]);
    expect(resolve([d, e])('person', 'Lee')?.canonical).toBe('Lee');
  });

  it('maps an acronym to the one organisation whose initials it spells, in the same document or another', () => {
    const d1 = doc('The Veldran Safety Board (VSB) opened an inquiry; the VSB said more.', [
      ['Veldran Safety Board', 'organization'],
      ['VSB', 'organization'],
      ['VSB', 'organization'],
    ]);
    const d2 = doc('The Orsk Union pledged aid. The OU and the Bureau of Coastal Affairs agreed. The BCA said so.', [
      ['Orsk Union', 'organization'],
      ['OU', 'organization'],
      ['Bureau of Coastal Affairs', 'organization'],
      ['BCA', 'organization'],
    ]);
    const d3 = doc('The OU said.', [['OU', 'organization']]);
    const r = resolve([d1, d2, d3]);
    expect(r('organization', 'VSB')).toEqual({ kind: 'organization', canonical: 'Veldran Safety Board' });
    expect(r('organization', 'OU')?.canonical).toBe('Orsk Union');
    // The small word may be left out of the acronym or not.
    expect(r('organization', 'BCA')?.canonical).toBe('Bureau of Coastal Affairs');
  });

  it('leaves an acronym alone when two names spell it, or only a person does', () => {
    const d1 = doc('Arden Media Corp and Avalon Mining Company met AMC.', [
      ['Arden Media Corp', 'organization'],
      ['Avalon Mining Company', 'organization'],
      ['AMC', 'organization'],
    ]);
    const d2 = doc('Jana Sorel met JS.', [
      ['Jana Sorel', 'person'],
      ['JS', 'organization'],
    ]);
    const r = resolve([d1, d2]);
    expect(r('organization', 'AMC')?.canonical).toBe('AMC');
    expect(r('organization', 'JS')?.canonical).toBe('JS');
  });

  it('gives a name the kind most documents give it', () => {
    const d1 = doc('Kelvane said.', [['Kelvane', 'organization']]);
    const d2 = doc('Kelvane said.', [['Kelvane', 'organization']]);
    const d3 = doc('Kelvane said.', [['Kelvane', 'person']]);
    expect(resolve([d1, d2, d3])('person', 'Kelvane')).toEqual({ kind: 'organization', canonical: 'Kelvane' });
  });

  it('works without the texts, from the canonicals alone', () => {
    const map = canonicalizeAcrossDocuments([a.found, b.found]);
    expect(map.get(entityKey('person', 'Whitlock'))?.canonical).toBe('Dana Whitlock');
  });

  it('does not depend on document order', () => {
    const docs = [a, b, c];
    const reference = JSON.stringify([...resolveAll(docs)].sort());
    fc.assert(
      fc.property(fc.shuffledSubarray(docs, { minLength: 3, maxLength: 3 }), (shuffled) => {
        expect(JSON.stringify([...resolveAll(shuffled)].sort())).toBe(reference);
      }),
      { numRuns: 30 },
    );
  });
});

function resolveAll(docs: Array<ReturnType<typeof doc>>): string[] {
  const map = canonicalizeAcrossDocuments(
    docs.map((d) => d.found),
    docs.map((d) => d.text),
  );
  return [...map.entries()].map(([k, v]) => `${k}=>${v.kind}:${v.canonical}`);
}
