// Corpus-wide canonical names for entities: one name per real-world person, organisation or place across documents.
//
//   canonicalKey(name: string): string
//     Matching key: lower case, accents, spaces and punctuation removed ("Open Table" and "OpenTable" → "opentable").
//
//   entityKey(kind: EntityKind, canonical: string): string
//     The map key for a per-document canonical qualified by its kind: `${kind}:${canonical}`.
//
//   canonicalizeAcrossDocuments(docs: EntityFound[][], texts: string[] = []): Map<string, CorpusEntity>
//     docs[i] is extractEntities' output for document i and texts[i] its text (optional: used to count surface forms;
//     an entity may instead carry its written form as `surface`).
//     Returns, for every entityKey(kind, canonical) seen in any document, the corpus-wide { kind, canonical }:
//       - spelling variants that share a canonicalKey collapse to the most written form ("Youtube" → "YouTube");
//       - a surname alone maps to the one full name ending in it ("Smith" → "Jane Smith");
//       - a one-word organisation maps to the one longer name made of it plus organisation words ("Acme" → "Acme Labs")
//         or to the one two-word club it names ("Ostra" → "Real Ostra"); else an organisation's name maps to the one
//         longer organisation name it begins ("Lumora" → "Lumora Pay"), when no document writes both;
//       - organisation names that differ only in a closing legal form share one name ("Acme Labs Inc" = "Acme Labs",
//         "Acme AG" = "Acme Group"): the one most documents write, then the shortest;
//       - an acronym maps to the one organisation or place whose initials it spells ("EU" → "European Union");
//       - a name filed under different kinds in different documents gets the kind most documents give it.
//     Deterministic: the result does not depend on document order (counts, then string order break ties).
import type { EntityKind } from '../model/report.js';
import type { EntityFound } from '../extract/types.js';
import { clubStem } from '../extract/entities-kinds.js';
import { isOrgSuffix } from '../extract/org-suffix.js';
import { initialsOf } from '../util/initials.js';
import { pushTo } from '../util/multimap.js';

export interface CorpusEntity {
  kind: EntityKind;
  canonical: string;
}

export function canonicalKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

export function entityKey(kind: EntityKind, canonical: string): string {
  return `${kind}:${canonical}`;
}

const KIND_ORDER: EntityKind[] = ['organization', 'person', 'place'];

interface Group {
  key: string;
  /** The documents that file the name under each kind, each once, in the order they were added (a few bytes a
   *  document: a large corpus has a name in thousands of them). */
  docs: Map<EntityKind, number[]>;
  surfaces: Map<string, number>;
  canonicals: Set<string>;
  words: string[];
}

/** Prefers the most written form, then one with inner capitals ("YouTube" over "Youtube"), then string order. */
export function preferName(counts: Map<string, number>): string {
  const inner = (s: string) => (s.match(/\p{Ll}\p{Lu}/gu) ?? []).length;
  return [...counts.entries()].sort(
    ([a, ca], [b, cb]) => cb - ca || inner(b) - inner(a) || (a < b ? -1 : a > b ? 1 : 0),
  )[0][0];
}

/** An entity as extracted, optionally carrying its written form (when the document text is not at hand). */
export type EntityInput = EntityFound & { surface?: string };

export function canonicalizeAcrossDocuments(docs: EntityInput[][], texts: string[] = []): Map<string, CorpusEntity> {
  const collector = new CanonicalCollector();
  docs.forEach((found, d) => {
    for (const e of found) {
      const surface = e.surface ?? texts[d]?.slice(e.start, e.end);
      collector.add(d, e.kind, e.value.canonical, surface);
    }
  });
  return collector.resolve();
}

/**
 * canonicalizeAcrossDocuments one entity at a time, for runs that never hold every document's entities at once:
 * what it keeps grows with the distinct names and the documents each appears in, not with the mentions.
 */
export class CanonicalCollector {
  private readonly groups = new Map<string, Group>();

  /** `count` entity mentions of document `doc` (any number identifying the document) with this written form. */
  add(doc: number, kind: EntityKind, canonical: string, surface?: string, count = 1): void {
    const key = canonicalKey(canonical);
    if (key === '') return;
    let g = this.groups.get(key);
    if (!g) {
      g = { key, docs: new Map(), surfaces: new Map(), canonicals: new Set(), words: [] };
      this.groups.set(key, g);
    }
    const docs = g.docs.get(kind);
    if (!docs) g.docs.set(kind, [doc]);
    // Documents come in order, so a repeat is the last one; a caller adding out of order pays a scan.
    else if (docs[docs.length - 1] !== doc && (doc > docs[docs.length - 1] || !docs.includes(doc))) docs.push(doc);
    g.canonicals.add(canonical);
    // Count the canonical itself (it is what the document settled on) and the written surface when it is the same name.
    g.surfaces.set(canonical, (g.surfaces.get(canonical) ?? 0) + count);
    if (surface && surface !== canonical && canonicalKey(surface) === key) {
      g.surfaces.set(surface, (g.surfaces.get(surface) ?? 0) + count);
    }
  }

  resolve(): Map<string, CorpusEntity> {
    return resolveGroups(this.groups);
  }

  /** The documents that name each entity of `corpus` (what resolve() gave) whose kind passes `keep`, keyed by that
   *  kind and name: the documents that a report built in memory finds under the same kind and canonical name. */
  documentsByEntity(corpus: Map<string, CorpusEntity>, keep: (kind: EntityKind) => boolean): Map<string, Set<number>> {
    const out = new Map<string, Set<number>>();
    for (const g of this.groups.values()) {
      const [canonical] = g.canonicals;
      for (const [kind, docs] of g.docs) {
        const e = corpus.get(entityKey(kind, canonical));
        if (!e || !keep(e.kind)) continue;
        const key = `${e.kind}\u0000${e.canonical}`;
        const set = out.get(key);
        if (set) for (const d of docs) set.add(d);
        else out.set(key, new Set(docs));
      }
    }
    return out;
  }
}

function resolveGroups(groups: Map<string, Group>): Map<string, CorpusEntity> {
  const kindOf = (g: Group): EntityKind => {
    let best: EntityKind = 'organization';
    let bestDocs = -1;
    for (const k of KIND_ORDER) {
      const n = g.docs.get(k)?.length ?? 0;
      if (n > bestDocs) {
        best = k;
        bestDocs = n;
      }
    }
    return best;
  };
  const nameOf = new Map<string, string>();
  const kinds = new Map<string, EntityKind>();
  for (const g of groups.values()) {
    const name = preferName(g.surfaces);
    nameOf.set(g.key, name);
    kinds.set(g.key, kindOf(g));
    g.words = name.split(/\s+/).filter(Boolean);
  }

  // Which documents hold each key (any kind): a short name seen next to its long form in one document, but kept
  // apart there, is a different entity.
  const docsOf = (g: Group) => new Set([...g.docs.values()].flat());
  const target = new Map<string, string>();
  // Names of several words that differ only in a closing legal form are one organisation.
  const organisations = [...groups.values()].filter((g) => kinds.get(g.key) === 'organization');
  for (const [g, keep] of legalVariants(organisations, (g) => docsOf(g).size)) target.set(g.key, keep.key);
  // Index long names by their last word (surnames) and first word (organisation stems): linear, not pairwise.
  const byLast = new Map<string, Group[]>();
  const byFirst = new Map<string, Group[]>();
  const byPrefix = new Map<string, Group[]>();
  for (const h of groups.values()) {
    // A name merged into another above is found through that one.
    if (h.words.length < 2 || target.has(h.key)) continue;
    const hk = kinds.get(h.key);
    if (hk === 'person') pushTo(byLast, canonicalKey(h.words[h.words.length - 1]), h);
    if (hk !== 'organization') continue;
    if (h.words.slice(1).every((w) => isOrgSuffix(w) !== null)) pushTo(byFirst, canonicalKey(h.words[0]), h);
    else {
      // "Ostra" for the club "Real Ostra" or "Ostra United".
      const stem = clubStem(h.words);
      if (stem !== null) pushTo(byFirst, canonicalKey(stem), h);
    }
    // Its first words, for a short form that other documents write alone ("Lumora" of "Lumora Pay", "Great Plains
    // & Western" of "Great Plains & Western Railroad"), where only words of a name follow ("Halden Pharma AG of
    // Basel" is a name run on, not a longer name of "Halden Pharma").
    for (let n = h.words.length - 1; n >= 1 && /^\p{Lu}/u.test(h.words[n]); n--) pushTo(byPrefix, canonicalKey(h.words.slice(0, n).join(' ')), h);
  }
  for (const g of groups.values()) {
    const kind = kinds.get(g.key);
    let candidates: Group[] =
      g.words.length !== 1
        ? []
        : [...(kind === 'person' || kind === 'organization' ? (byLast.get(g.key) ?? []) : []), ...(kind === 'organization' ? (byFirst.get(g.key) ?? []) : [])];
    // Else the one organisation whose name it begins, where no document writes both (one that does keeps them apart).
    if (candidates.length === 0 && kind === 'organization' && !target.has(g.key)) candidates = byPrefix.get(g.key) ?? [];
    if (candidates.length !== 1) continue;
    const h = candidates[0];
    const together = [...docsOf(g)].some((d) => docsOf(h).has(d));
    if (together) continue;
    target.set(g.key, h.key);
  }
  // An acronym names the one organisation or place of the corpus whose initials it spells ("EU" = "European Union",
  // "NTSB" = "National Transportation Safety Board"). Unlike a surname, it is usually written next to its long form.
  const byInitials = new Map<string, Group[]>();
  for (const h of groups.values()) {
    const hk = kinds.get(h.key);
    if (h.words.length < 2 || target.has(h.key) || (hk !== 'organization' && hk !== 'place')) continue;
    for (const spelt of new Set(initialsOf(h.words))) pushTo(byInitials, spelt, h);
  }
  for (const g of groups.values()) {
    const name = nameOf.get(g.key)!;
    if (g.words.length !== 1 || target.has(g.key) || !ACRONYM.test(name)) continue;
    const kind = kinds.get(g.key);
    const candidates = (byInitials.get(name) ?? []).filter((h) => kind === 'organization' || kinds.get(h.key) === kind);
    if (candidates.length === 1) target.set(g.key, candidates[0].key);
  }

  const out = new Map<string, CorpusEntity>();
  for (const g of groups.values()) {
    const finalKey = target.get(g.key) ?? g.key;
    const entity: CorpusEntity = { kind: kinds.get(finalKey) ?? 'organization', canonical: nameOf.get(finalKey) ?? g.key };
    for (const kind of g.docs.keys()) {
      for (const c of g.canonicals) out.set(entityKey(kind, c), entity);
    }
  }
  return out;
}

/** An acronym as written: two to six capitals. */
const ACRONYM = /^\p{Lu}{2,6}$/u;
/** Legal forms that may close an organisation's name without changing whom it names ("Inc", "AG", "Group"). */
const LEGAL_FORMS = new Set(['inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'ltd', 'limited', 'llc', 'llp', 'lp', 'plc', 'gmbh', 'ag', 'se', 'sa', 'nv', 'bv', 'spa', 'srl', 'pte', 'pty', 'oy', 'oyj', 'ab', 'as', 'asa', 'a/s', 'kk', 'group', 'holdings', 'holding']);

/** Of organisations' names (groups with their words and key), those of two words or more that differ from another
 *  only in a closing legal form, each with the one it joins: the one with the most `weight`, then the fewest words,
 *  then the first key. */
export function legalVariants<G extends { key: string; words: string[] }>(orgs: Iterable<G>, weight: (g: G) => number): Map<G, G> {
  const byStem = new Map<string, G[]>();
  for (const g of orgs) if (g.words.length >= 2) pushTo(byStem, canonicalKey(legalStem(g.words).join(' ')), g);
  const out = new Map<G, G>();
  for (const same of byStem.values()) {
    if (same.length < 2) continue;
    const [keep] = [...same].sort((a, b) => weight(b) - weight(a) || a.words.length - b.words.length || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    for (const g of same) if (g !== keep) out.set(g, keep);
  }
  return out;
}

/** The words of a name without the legal forms that close it (one word at least is left): "Acme Labs Holdings Inc"
 *  → "Acme Labs". */
function legalStem(words: string[]): string[] {
  let n = words.length;
  while (n > 1 && LEGAL_FORMS.has(words[n - 1].toLowerCase().replace(/\.$/, ''))) n--;
  return n === words.length ? words : words.slice(0, n);
}
