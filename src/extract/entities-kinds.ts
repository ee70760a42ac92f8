// Kind words inside and around a capitalised name beyond business news: sports clubs ("Real X", "X United"),
// venues and facilities ("Estadio X", "X Airport"), organisation openers ("Hospital X", "Radio X") and civic cues.
import type { Kinds } from './lexicon-schemas.js';
import data from './lexicon/entities-kinds.json' with { type: 'json' };

export const KINDS = data as Kinds;

const set = (list: string[]) => new Set(list.map((w) => w.toLowerCase()));
const CLUB_FIRST = set(KINDS.clubFirst);
const CLUB_LAST = set(KINDS.clubLast);
const PLACE_FIRST = set(KINDS.placeFirst);
const PLACE_LAST = set(KINDS.placeLast);
const ORG_FIRST = set(KINDS.orgFirst);
export const FOREIGN_ARTICLES = set(KINDS.foreignArticles);
export const CIVIC_TITLES = set(KINDS.civicTitles);
const SURNAME_VENUES = set(KINDS.surnameVenues);
const SECTION_WORDS = set(KINDS.sectionWords);
export const FROM_PLACE_BEFORE = set(KINDS.fromPlaceBefore);

/** "Jane Park": a venue word that is also a surname. */
export const isSurnameVenue = (lower: string) => SURNAME_VENUES.has(lower);

/** "Local News", "Club News", "World Sport": a section label made only of section words. */
export const isSectionLabel = (lowers: string[]) => lowers.length > 0 && lowers.every((w) => SECTION_WORDS.has(w));

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alt = (list: string[]) => [...list].sort((a, b) => b.length - a.length).map(esc).join('|');
/** "Valdera police", "Valdera city council", "Valdera mayor": lower-case civic words after a town's name. */
export const RIGHT_CIVIC = new RegExp(`^(?:[’']s)?\\s+(?:${alt(KINDS.civicRight)})(?![\\p{L}])`, 'iu');
/** "the Valdera region", "the Ostra area". */
export const RIGHT_PLACE_HEAD = new RegExp(`^\\s+(?:${alt(KINDS.placeRightHeads)})(?![\\p{L}])`, 'u');

export interface KindWord {
  lower: string;
  /** 'upper' for acronyms ("FC"), 'title' for ordinary capitalised words. */
  shape: string;
}

// Short club abbreviations ("FC", "AS", "CD") only count written in capitals: "As" and "Cd" are not clubs.
const clubWord = (w: KindWord, list: Set<string>) => list.has(w.lower) && (w.lower.length > 3 || w.shape === 'upper' || w.lower === 'fc');

export const isClubFirst = (w: KindWord) => clubWord(w, CLUB_FIRST);
export const isClubLast = (w: KindWord) => clubWord(w, CLUB_LAST);

export type NameKind = 'club' | 'venue' | 'org-first';

/**
 * What the name's own first or last word says it is, or null. `words` are the name's words (two or more).
 * A club word wins over a venue word ("FC Porto" is a club), and an organisation opener over both ("Radio Arena").
 */
export function kindWord(words: KindWord[]): NameKind | null {
  if (words.length < 2) return null;
  const first = words[0];
  const last = words[words.length - 1];
  if (ORG_FIRST.has(first.lower) && first.shape === 'title') return 'org-first';
  if (clubWord(first, CLUB_FIRST) || clubWord(last, CLUB_LAST)) return 'club';
  if ((PLACE_FIRST.has(first.lower) && first.shape === 'title') || (PLACE_LAST.has(last.lower) && last.shape === 'title')) return 'venue';
  return null;
}

/** The club word is "City" at the end: "Ostra City" is a club, unless something says it is the town. */
export function endsInCity(words: KindWord[]): boolean {
  return words.length > 1 && words[words.length - 1].lower === 'city';
}

export function isVenueLast(lower: string): boolean {
  return PLACE_LAST.has(lower);
}

/** The town or name word of a two-word club: "Ostra" in "Real Ostra" or "Ostra United". */
export function clubStem(words: string[]): string | null {
  if (words.length !== 2) return null;
  const w = (s: string): KindWord => ({ lower: s.toLowerCase(), shape: s === s.toUpperCase() ? 'upper' : 'title' });
  if (isClubFirst(w(words[0]))) return words[1];
  if (isClubLast(w(words[1]))) return words[0];
  return null;
}
