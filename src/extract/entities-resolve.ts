// Settles names inside one document: spelling variants share a name, a surname alone becomes the full name,
// a one-word stem becomes the organisation it starts ("Acme" → "Acme Labs"), and every mention of a name gets one kind.
import type { EntityKind } from '../model/report.js';
import { preferName } from '../merge/canonical.js';
import { cachedCanonicalKey as canonicalKey } from './canonical-key.js';
import { clubStem } from './entities-kinds.js';
import { isFirstName, isOrgSuffix } from './entities-lexicon.js';
import type { EntityFound } from './types.js';

export interface Mention {
  start: number;
  end: number;
  kind: EntityKind;
  strength: number;
  /** The name as written, or its standard form when the extractor knows one ("U.S." → "United States"). */
  surface: string;
  /** Evidence came from the word itself (lexicon, mixed case, acronym, suffix), not from context. */
  intrinsic: boolean;
  /** Written where a capital proves little (sentence start, heading): its spelling counts less. */
  weakSpelling: boolean;
}

interface Group {
  key: string;
  mentions: Mention[];
  words: string[];
  kind: EntityKind;
  name: string;
}

const KIND_ORDER: EntityKind[] = ['organization', 'person', 'place'];

function vote(mentions: Mention[]): EntityKind {
  const score = new Map<EntityKind, number>();
  for (const m of mentions) score.set(m.kind, (score.get(m.kind) ?? 0) + m.strength * m.strength);
  let best: EntityKind = mentions[0].kind;
  let bestScore = -1;
  for (const k of KIND_ORDER) {
    const s = score.get(k) ?? 0;
    if (s > bestScore) {
      best = k;
      bestScore = s;
    }
  }
  return best;
}

function nameOf(mentions: Mention[]): string {
  const counts = new Map<string, number>();
  const good = mentions.filter((m) => !m.weakSpelling);
  for (const m of good.length > 0 ? good : mentions) {
    const name = titleCaseShouted(m.surface);
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return preferName(counts);
}

// Datelines and banners shout ("LONDON"); a long all-caps word is a name in capitals, not an acronym.
function titleCaseShouted(name: string): string {
  return name.replace(/\p{Lu}{6,}/gu, (w) => w[0] + w.slice(1).toLowerCase());
}

export function resolveInDocument(mentions: Mention[]): EntityFound[] {
  const groups = new Map<string, Group>();
  for (const m of mentions) {
    const key = canonicalKey(m.surface);
    if (key === '') continue;
    const g = groups.get(key);
    if (g) g.mentions.push(m);
    else groups.set(key, { key, mentions: [m], words: [], kind: m.kind, name: m.surface });
  }
  for (const g of groups.values()) {
    g.kind = vote(g.mentions);
    g.name = nameOf(g.mentions);
    g.words = g.name.split(/\s+/).filter(Boolean);
  }

  // One-word names that stand for a longer name written elsewhere in the same document.
  const byLast = new Map<string, Group[]>();
  const byFirst = new Map<string, Group[]>();
  const add = (m: Map<string, Group[]>, k: string, g: Group) => m.set(k, [...(m.get(k) ?? []), g]);
  for (const g of groups.values()) {
    if (g.words.length < 2) continue;
    if (g.kind === 'person') {
      add(byLast, canonicalKey(g.words[g.words.length - 1]), g);
      if (isFirstName(g.words[0])) add(byFirst, `person:${canonicalKey(g.words[0])}`, g);
    } else if (g.kind === 'organization' && g.words.slice(1).every((w) => isOrgSuffix(w) !== null)) {
      add(byFirst, `org:${canonicalKey(g.words[0])}`, g);
    } else if (g.kind === 'organization') {
      const stem = clubStem(g.words);
      if (stem !== null) add(byFirst, `club:${canonicalKey(stem)}`, g);
    }
  }
  const target = new Map<string, Group>();
  for (const g of groups.values()) {
    if (g.words.length !== 1) continue;
    // A name that is an organisation by its own spelling or lexicon ("Nvidia") is not a stem of "Nvidia Cloud".
    const ownOrg = g.mentions.some((m) => m.intrinsic && m.kind === 'organization');
    const surname = byLast.get(g.key) ?? [];
    const firstName = byFirst.get(`person:${g.key}`) ?? [];
    // "Ostra" for "Real Ostra": only where this mention is not the town itself ("in Ostra").
    const club = ownOrg || g.kind === 'place' ? [] : (byFirst.get(`club:${g.key}`) ?? []);
    const stem = ownOrg ? [] : [...(byFirst.get(`org:${g.key}`) ?? []), ...club];
    const options = [...new Set([...(ownOrg ? [] : surname), ...firstName, ...stem])];
    if (options.length === 1) target.set(g.key, options[0]);
  }

  const out: EntityFound[] = [];
  for (const g of groups.values()) {
    const final = target.get(g.key) ?? g;
    for (const m of g.mentions) out.push({ start: m.start, end: m.end, kind: final.kind, value: { canonical: final.name } });
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}
