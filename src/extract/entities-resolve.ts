// Settles names inside one document: spelling variants share a name, a surname alone becomes the full name,
// a one-word stem becomes the organisation it starts ("Acme" → "Acme Labs"), names that differ only in a closing
// legal form are one ("Acme Labs Inc." = "Acme Labs"), and every mention of a name gets one kind.
import type { EntityKind } from '../model/report.js';
import { legalVariants, preferName } from '../merge/canonical.js';
import { cachedCanonicalKey as canonicalKey } from './canonical-key.js';
import { clubStem } from './entities-kinds.js';
import { isFirstName } from './entities-lexicon.js';
import { isOrgSuffix } from './org-suffix.js';
import type { EntityFound } from './types.js';
import { pushTo } from '../util/multimap.js';

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
  // One sum per kind of KIND_ORDER, in that order (plain numbers: a Map per group was a visible allocation).
  const score = [0, 0, 0];
  for (const m of mentions) {
    const k = KIND_ORDER.indexOf(m.kind);
    if (k >= 0) score[k] += m.strength * m.strength;
  }
  let best: EntityKind = mentions[0].kind;
  let bestScore = -1;
  for (let k = 0; k < KIND_ORDER.length; k++) {
    if (score[k] > bestScore) {
      best = KIND_ORDER[k];
      bestScore = score[k];
    }
  }
  return best;
}

function nameOf(mentions: Mention[]): string {
  // Most names are written once in a document: preferName of a single spelling is that spelling.
  if (mentions.length === 1) return titleCaseShouted(mentions[0].surface);
  const counts = new Map<string, number>();
  const good = mentions.filter((m) => !m.weakSpelling);
  for (const m of good.length > 0 ? good : mentions) {
    const name = titleCaseShouted(m.surface);
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return preferName(counts);
}

/** The one group the lists name between them (a group may appear in several), or null for none or several. */
const CAPITALISED_WORD = /^\p{Lu}[\p{L}\p{M}'’.-]*$/u;

function onlyGroup(lists: Array<Group[] | undefined>): Group | null {
  let only: Group | null = null;
  for (const list of lists) {
    if (list === undefined) continue;
    for (const g of list) {
      if (only === null) only = g;
      else if (only !== g) return null;
    }
  }
  return only;
}

/**
 * Of several longer names a short one may stand for, the one the document wrote before the short name first appears,
 * when only one was: a reader takes "Acme" for the name already given, not for one given later ("Acme Health Group
 * … Acme said …", then "the Acme Patients' Forum"). Null when none or several were.
 */
function introducedBefore(lists: Array<Group[] | undefined>, g: Group): Group | null {
  const firstAt = (h: Group) => Math.min(...h.mentions.map((m) => m.start));
  const at = firstAt(g);
  let only: Group | null = null;
  for (const list of lists) {
    for (const h of list ?? []) {
      if (h === only || firstAt(h) > at) continue;
      if (only !== null) return null;
      only = h;
    }
  }
  return only;
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
    // A name without whitespace (most) is its own single word.
    g.words = /\s/.test(g.name) ? g.name.split(/\s+/).filter(Boolean) : g.name === '' ? [] : [g.name];
  }

  // One-word names that stand for a longer name written elsewhere in the same document: a person's by surname
  // and by first name, an organisation's by its stem ("Acme" of "Acme Labs") and a club's by its town.
  const byLast = new Map<string, Group[]>();
  const byFirstName = new Map<string, Group[]>();
  const byStem = new Map<string, Group[]>();
  const byClub = new Map<string, Group[]>();
  // An organisation's first word, when every word after it is capitalised: "Baltica" of "Baltica Wind".
  const byHead = new Map<string, Group[]>();
  const target = new Map<string, Group>();
  // Names of an organisation that differ only in a closing legal form are one ("Acme Systems Inc." and "Acme
  // Systems"): the most written, then the shortest; the others are found through it.
  const organisations = [...groups.values()].filter((g) => g.kind === 'organization');
  for (const [g, keep] of legalVariants(organisations, (g) => g.mentions.length)) target.set(g.key, keep);
  for (const g of groups.values()) {
    if (g.words.length < 2 || target.has(g.key)) continue;
    if (g.kind === 'organization' && g.words.slice(1).every((w) => CAPITALISED_WORD.test(w))) pushTo(byHead, canonicalKey(g.words[0]), g);
    if (g.kind === 'person') {
      pushTo(byLast, canonicalKey(g.words[g.words.length - 1]), g);
      if (isFirstName(g.words[0])) pushTo(byFirstName, canonicalKey(g.words[0]), g);
    } else if (g.kind === 'organization' && g.words.slice(1).every((w) => isOrgSuffix(w) !== null)) {
      pushTo(byStem, canonicalKey(g.words[0]), g);
    } else if (g.kind === 'organization') {
      const stem = clubStem(g.words);
      if (stem !== null) pushTo(byClub, canonicalKey(stem), g);
    }
  }
  for (const g of groups.values()) {
    if (g.words.length !== 1) continue;
    // A name that is an organisation by its own spelling or lexicon ("Nvidia") is not a stem of "Nvidia Cloud".
    const ownOrg = g.mentions.some((m) => m.intrinsic && m.kind === 'organization');
    // Nor is a place known by its own name, as a place, the stem of the firm named after it: "Alabama" (the state)
    // of "Alabama Power".
    const ownPlace = g.kind === 'place' && g.mentions.some((m) => m.intrinsic && m.kind === 'place');
    const surname = ownOrg ? undefined : byLast.get(g.key);
    const firstName = byFirstName.get(g.key);
    const stem = ownOrg || ownPlace ? undefined : byStem.get(g.key);
    // "Ostra" for "Real Ostra": only where this mention is not the town itself ("in Ostra").
    const club = ownOrg || g.kind === 'place' ? undefined : byClub.get(g.key);
    // "Baltica" for "Baltica Wind": a bare organisation only, which journalism writes for the full name given before.
    const head = ownOrg || g.kind !== 'organization' ? undefined : byHead.get(g.key);
    const lists = [surname, firstName, stem, club, head];
    const only = onlyGroup(lists) ?? introducedBefore(lists, g);
    if (only !== null) target.set(g.key, only);
  }

  const out: EntityFound[] = [];
  for (const g of groups.values()) {
    const final = target.get(g.key) ?? g;
    for (const m of g.mentions) out.push({ start: m.start, end: m.end, kind: final.kind, value: { canonical: final.name } });
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}
