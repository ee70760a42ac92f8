// Gives every entity mention its corpus-wide canonical name (and kind), so that "Doe" in one article and
// "Jane Doe" in another are one person. Works from mentions alone, so shards can be merged later.
import type { Claim, Mention } from '../model/report.js';
import { canonicalizeAcrossDocuments, entityKey } from './canonical.js';

/** Returns the mentions and claims of all documents, in document order, with corpus-wide canonical names. */
export function applyCanonicalNames(perDocument: Mention[][], claimsPerDocument: Claim[][] = []): { mentions: Mention[]; claims: Claim[] } {
  const entities = perDocument.map((mentions) =>
    mentions.flatMap((m) =>
      m.kind === 'person' || m.kind === 'organization' || m.kind === 'place'
        ? [{ start: m.start, end: m.end, kind: m.kind, value: { canonical: m.value.canonical }, surface: m.text }]
        : [],
    ),
  );
  const corpus = canonicalizeAcrossDocuments(entities);
  const lookup = (name: string) => (['organization', 'person', 'place'] as const).map((k) => corpus.get(entityKey(k, name))).find(Boolean);
  const claims = claimsPerDocument.flat().map((c) => {
    if (c.kind !== 'role' || !c.value.org) return c;
    const org = lookup(c.value.org);
    return org ? { ...c, value: { ...c.value, org: org.canonical } } : c;
  });
  const mentions = perDocument.flat().map((m) => {
    if (m.kind === 'quote' && m.value.speakerCanonical) {
      const name = m.value.speakerCanonical;
      const resolved = lookup(name);
      return resolved ? { ...m, value: { ...m.value, speakerCanonical: resolved.canonical } } : m;
    }
    if (!(m.kind === 'person' || m.kind === 'organization' || m.kind === 'place')) return m;
    const resolved = corpus.get(entityKey(m.kind, m.value.canonical));
    if (!resolved) return m;
    return { ...m, kind: resolved.kind, value: { canonical: resolved.canonical } } as Mention;
  });
  return { mentions, claims };
}

/** A fact's subject ("A / B") with each name renamed, repeats dropped, in order again. */
export function renameSubject(subject: string, rename: (name: string) => string): string {
  return [...new Set(subject.split(' / ').map(rename))].sort().join(' / ');
}
