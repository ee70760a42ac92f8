// Decides what each candidate piece is (person, organisation, place, or nothing) from its own shape, word
// lists and the words around it. Context is read from a short window on the same line, so the cost is linear.
import { initialsOf } from '../util/initials.js';
import {
  CUES,
  HONORIFICS,
  ORG_HEADS,
  PRODUCT_HEADS,
  PRODUCT_NAMES,
  STATE_ABBREVIATIONS,
  STOP_ACRONYMS,
  STOP_CAPITALISED,
  TITLES,
  TITLE_WORDS,
  isCommonWord,
  isCountryOrRegion,
  isDemonym,
  isFirstName,
  isFunctionWord,
  isGazetteerPlace,
  isKnownPlace,
  knownNameKinds,
  KNOWN_ORG,
  KNOWN_PERSON,
  KNOWN_PLACE,
  isLastName,
  isVerbWord,
  placeAcronym,
} from './entities-lexicon.js';
import { CURRENCY_LETTERS } from './currency-letters.js';
import { isOrgSuffix } from './org-suffix.js';
import {
  ageBefore,
  commaAfterWord,
  employerLinkBefore,
  headBefore,
  inBefore,
  honorificBefore,
  readLeftWords,
  listBefore,
  makerBefore,
  orgContextBefore,
  placeContextBefore,
  productHeadBefore,
  titleBefore,
  type LeftWords,
} from './entities-left.js';
import {
  CIVIC_TITLES,
  FOREIGN_ARTICLES,
  FROM_PLACE_BEFORE,
  RIGHT_CIVIC,
  RIGHT_PLACE_HEAD,
  endsInCity,
  isClubFirst,
  isClubLast,
  isSectionLabel,
  isSurnameVenue,
  kindWord,
} from './entities-kinds.js';
import { NAME_ARTICLES, NAME_PARTICLES, type Piece, type Token } from './entities-tokens.js';
import type { EntityKind } from '../model/report.js';
import { mapped } from '../util/mapped.js';

/** Evidence weights: 3 = a context cue that names the kind, 2 = the word itself (lexicon, suffix, shape), 1 = a guess. */
export type Strength = 1 | 2 | 3;

export type Verdict =
  | { accept: true; kind: EntityKind; strength: Strength; start: number; end: number; reason: string; canonical?: string }
  // soft: a capital that proves nothing (sentence start, heading); the name is accepted if the document names it elsewhere.
  // hard: something that is not an entity at all (a product, an adjective, a date).
  // maybePerson: shaped like a person's name but with no evidence; entities.ts looks for evidence elsewhere in the document.
  | { accept: false; hard: boolean; product?: boolean; reason: string; maybePerson?: boolean; storm?: string };

/** Cues that come from neighbouring pieces (lists), filled before classification. */
export interface ListCue {
  kind: 'org' | 'product';
}

const WINDOW = 90;
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alt = (list: Iterable<string>) =>
  [...list]
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
    .map(esc)
    .join('|');

const TITLE_ALT = alt(TITLE_WORDS);
const MODIFIER_ALT = alt(TITLES.titleModifiers);
const HEAD_ALT = alt(ORG_HEADS);
const PRODUCT_HEAD_ALT = alt(PRODUCT_HEADS);

// Right context (starts right after the piece).
const RIGHT_TITLE = new RegExp(`^(?:[’']s)?\\s+(?:(?:${MODIFIER_ALT})\\s+){0,3}(?:${TITLE_ALT})(?![\\p{L}])`, 'iu');
const RIGHT_APPOSITION = new RegExp(
  `^,\\s+(?:the|its|his|her|their|a|an|our|my|\\p{Lu}[\\p{L}]*[’']s)\\s+((?:[\\p{L}’'-]+\\s+){0,4}?)(${TITLE_ALT}|${HEAD_ALT}|${PRODUCT_HEAD_ALT})(?![\\p{L}])`,
  'iu',
);
// "Patricio Urzua, director of SERVEL, said": a title without an article, of or at somewhere, after a name of two
// words or more (a person's post; "Northwind, head of the consortium" may be a firm).
const RIGHT_BARE_TITLE = new RegExp(`^,\\s+(?:(?:${MODIFIER_ALT})\\s+){0,3}(?:${TITLE_ALT})\\s+(?:of|at)\\s`, 'iu');
const RIGHT_AGE = /^,\s+(?:a\s+|an\s+)?\d{1,3}(?:-year-old)?(?:,|\s)/u;
// "Ilze Kalnina, who has run the airline since 2020, …": "who" follows a person.
const RIGHT_WHO = /^,\s+who(?![\p{L}])/u;
const RIGHT_SAID = new RegExp(
  `^\\s+(?:(?:has|had|have|also|previously|later|then|first|recently|reportedly|publicly|separately|earlier|once)\\s+){0,2}(?:${alt(CUES.reportingVerbs)})(?![\\p{L}])`,
  'iu',
);
const RIGHT_OUTLET = new RegExp(`^(?:[’']s)?\\s+(?:(?:first|previously|has|had|also|earlier)\\s+)?(?:${alt(CUES.outletVerbs)})(?![\\p{L}])`, 'iu');
const RIGHT_PRODUCT_HEAD = new RegExp(`^\\s+(?:${PRODUCT_HEAD_ALT})(?![\\p{L}])`, 'u');
const RIGHT_STATE = /^,\s*([\p{L}.]{2,6})(?![\p{L}])/u;
const RIGHT_HYPHEN = /^-(\p{Ll}+)/u;
// "Fire chief Ana Ruiz": the capitalised word and the lower-case words after it make one title.
const RIGHT_WORDS = /^\s+(\p{Ll}+)(?:\s+(\p{Ll}+))?/u;
// A dateline: "VALDERA, Spain, May 2 (Agency) -", "VALDERA (Agency) -". Bounded lazy scans keep it linear.
// A masthead ("ACME MONITOR — M&A") has a dash but no comma or agency, so one of them is required.
const RIGHT_DATELINE = /^(?:,[^\n()]{1,60}?\s*(?:\([^()\n]{1,60}\)\s*)?|\s*\([^()\n]{1,60}\)\s*)[-–—]\s/u;
const RIGHT_DATELINE_AGENCY = /^\)\s*[-–—]\s/u;
const RIGHT_VERSION = /^\s\d{1,3}(?:\.\d+)?(?![\d%]|\.\d|,\d|\s*%|\s*(?:percent|per\s+cent|million|billion|trillion|bn|m|k|years?|months?|days?|weeks?)\b)/u;

const PLACE_HYPHEN = new Set(CUES.placeHyphen);
const ENTITY_HYPHEN = new Set(CUES.entityHyphen);
const IMPERATIVE_NEXT = new Set(CUES.imperativeNext);

export interface Env {
  text: string;
  /** Words the document writes in lower case somewhere: "Local" in a heading is the word "local". */
  lowerWords?: Set<string>;
  /** The words before an offset, kept by a document's env (a piece's are read twice: list cues, then classify). */
  leftWords?(start: number): LeftWords;
}

function leftOf(env: Env, start: number): LeftWords {
  return env.leftWords ? env.leftWords(start) : readLeftWords(env.text, start);
}

/** Up to WINDOW characters after an offset, on the same line. */
export function rightContext(env: Env, end: number): string {
  const s = env.text.slice(end, end + WINDOW);
  const nl = s.indexOf('\n');
  return nl < 0 ? s : s.slice(0, nl);
}

/** A list cue right before the piece: "companies such as X" → org, "tools such as X" → product. */
export function listCueBefore(env: Env, piece: Piece): ListCue | null {
  const kind = listBefore(leftOf(env, piece.start));
  return kind === null ? null : { kind };
}

const nameLike = (t: Token) => t.shape === 'title' && !isCommonWord(t.lower) && isOrgSuffix(t.lower) === null && !isFunctionWord(t.lower);

/**
 * An acronym that spells a word ("WHO", the "RENEW" trial) names an organisation only where the document defines it
 * as one: in parentheses right after an organisation's name whose initials it spells ("World Health Organization
 * (WHO)"), there or anywhere else in the document; never in a heading.
 */
function definedAcronym(t: Token, doc: string): boolean {
  return !t.headline && definedAcronyms(doc).has(t.text);
}

// The acronyms the last document defines, found in one pass when first asked: a shouted text asks for every word.
let defined: { doc: string; acronyms: Set<string> } | null = null;
const PARENTHESISED_ACRONYM = /\((\p{Lu}{2,6})\)/gu;

function definedAcronyms(doc: string): Set<string> {
  if (defined?.doc !== doc) {
    const acronyms = new Set<string>();
    for (const m of doc.matchAll(PARENTHESISED_ACRONYM)) if (!acronyms.has(m[1]) && spelledBefore(doc, m.index, m[1])) acronyms.add(m[1]);
    defined = { doc, acronyms };
  }
  return defined.acronyms;
}

/** The words before `open` (a parenthesis) end in an organisation's name whose initials spell `acronym`. */
function spelledBefore(doc: string, open: number, acronym: string): boolean {
  const words = doc.slice(Math.max(0, open - 120), open).trimEnd().split(/[ \t]+/);
  if (isOrgSuffix(words[words.length - 1].toLowerCase()) === null) return false;
  for (let k = 2; k <= Math.min(8, words.length); k++) if (initialsOf(words.slice(-k)).includes(acronym)) return true;
  return false;
}

/** The piece's kind when it reads as a name on its own, with no help from context. */
function intrinsic(tokens: Token[], text: string, doc: string): { kind: EntityKind; strength: Strength; reason: string } | null {
  // A one-word piece's text is its token's, whose lower-case form is already known.
  const lower = tokens.length === 1 ? tokens[0].lower : text.toLowerCase();
  const last = tokens[tokens.length - 1];
  // "Marks & Spencer", "Johnson & Johnson": names joined by an ampersand are firms.
  if (tokens.length > 1 && tokens.some((t, i) => i > 0 && doc.slice(tokens[i - 1].end, t.start) === ' & ')) {
    return { kind: 'organization', strength: 2, reason: 'ampersand' };
  }
  const known = knownNameKinds(lower);
  if (known & KNOWN_ORG) return { kind: 'organization', strength: 2, reason: 'lexicon-org' };
  if (known & KNOWN_PERSON) return { kind: 'person', strength: 2, reason: 'lexicon-person' };
  if (tokens.length > 1 && isOrgSuffix(last.lower) === 'strong') return { kind: 'organization', strength: 2, reason: 'org-suffix' };
  if (known & KNOWN_PLACE) return { kind: 'place', strength: 2, reason: 'lexicon-place' };
  const named = kindOfName(tokens);
  if (named) return named;
  if (tokens.length === 1) {
    const t = tokens[0];
    const acronymPlace = placeAcronym(t.text);
    if (t.shape === 'upper' && acronymPlace !== null) return { kind: 'place', strength: 2, reason: 'place-acronym' };
    if (t.shape === 'camel') return { kind: 'organization', strength: 2, reason: 'mixed-case' };
    if (t.shape === 'upper' && /^\p{Lu}{2,5}$/u.test(t.text) && (!isCommonWord(t.lower) || definedAcronym(t, doc))) {
      return { kind: 'organization', strength: 2, reason: 'acronym' };
    }
    return null;
  }
  if (isOrgSuffix(last.lower) === 'weak') return { kind: 'organization', strength: 2, reason: 'org-suffix-weak' };
  if (tokens.length <= 4 && isFirstName(tokens[0].lower) && tokens.slice(1).every((t) => t.shape === 'title')) {
    return { kind: 'person', strength: 2, reason: 'first-name' };
  }
  if (tokens.length <= 3 && isLastName(last.lower) && nameLike(tokens[0])) return { kind: 'person', strength: 2, reason: 'last-name' };
  return null;
}

/**
 * A club, venue or organisation word opening or closing the name: "Real Ostra", "Ostra United" (clubs), "Estadio de
 * Las Palmeras", "Ostra Airport" (places), "Hospital San Roque", "Radio Ostra" (organisations). The other words must
 * read as a name ("Real Estate" is not a club), and "Jane Park" stays a person: a first name beats a venue word
 * that is also a surname.
 */
function kindOfName(tokens: Token[]): { kind: EntityKind; strength: Strength; reason: string } | null {
  const kind = kindWord(tokens);
  if (kind === null) return null;
  const content = tokens.filter((t) => !NAME_PARTICLES.has(t.lower) && !FOREIGN_ARTICLES.has(t.lower));
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  if (kind === 'club') {
    const rest = content.slice(isClubFirst(first) ? 1 : 0, isClubLast(last) ? -1 : content.length);
    if (rest.length === 0 || rest.some((t) => isCommonWord(t.lower) && !isKnownPlace(t.lower))) return null;
    return { kind: 'organization', strength: 2, reason: endsInCity(tokens) ? 'club-city' : 'club' };
  }
  if (kind === 'venue' && tokens.length === 2 && isFirstName(first.lower) && (isLastName(last.lower) || isSurnameVenue(last.lower))) return null;
  return kind === 'venue' ? { kind: 'place', strength: 2, reason: 'venue' } : { kind: 'organization', strength: 2, reason: 'org-first' };
}

/** The written name of a place acronym ("U.S." → "United States"), so spellings agree. */
function placeName(tokens: Token[]): string | undefined {
  return tokens.length === 1 && tokens[0].shape === 'upper' ? (placeAcronym(tokens[0].text) ?? undefined) : undefined;
}

/** Hard negatives that need no context: bare titles, stop words, known products, demonyms. */
function intrinsicNegative(tokens: Token[], doc: string): string | null {
  if (tokens.length === 1) {
    const t = tokens[0];
    if (t.text.length === 1) return 'single-letter';
    // "I'll", "I've", "I'm", "I'd": the speaker, not a name.
    if (/^I['’](?:ll|ve|m|d)$/.test(t.text)) return 'pronoun';
    if (TITLE_WORDS.has(t.lower) || HONORIFICS.has(t.lower)) return 'title';
    if (STOP_CAPITALISED.has(t.lower)) return 'stop-word';
    if (PRODUCT_NAMES.has(t.lower)) return 'product';
    if (isDemonym(t.lower)) return 'demonym';
    if ((t.shape === 'upper' || t.shape === 'camel') && STOP_ACRONYMS.has(t.lower) && placeAcronym(t.lower) === null) return 'stop-acronym';
    if (isFunctionWord(t.lower) && !(t.shape === 'upper' && definedAcronym(t, doc))) return 'function-word';
  } else {
    const phrase = mapped(tokens, (t) => t.lower).join(' ');
    if (PRODUCT_NAMES.has(phrase)) return 'product';
    // "as Chief Executive", "the company's Chief Financial Officer": a title written in capitals is no name.
    if (TITLE_WORDS.has(phrase)) return 'title';
    if (isDemonym(phrase)) return 'demonym';
    // "the Central Bank Rate", "Bank Rate": a rate, not the bank.
    if (tokens[tokens.length - 1].lower === 'rate') return 'rate';
  }
  return null;
}

/** "Grow faster.", "Read our...", "Save $200": an imperative verb opening a short sentence or taking an object. */
export function looksImperative(env: Env, t: Token, sentenceWords: number): boolean {
  if (!t.initial || !(isVerbWord(t.lower) || isCommonWord(t.lower))) return false;
  if (sentenceWords <= 3) return true;
  const next = /^\s+([\p{L}$€£\d][\p{L}’']*)/u.exec(env.text.slice(t.end, t.end + 40));
  if (!next) return false;
  const w = next[1].toLowerCase();
  if (/^[$€£\d]/.test(w)) return true;
  return IMPERATIVE_NEXT.has(w) || /^\p{Ll}+er$/u.test(next[1]) && isCommonWord(w.slice(0, -2));
}

// The verdicts classify returns (plain functions: closures over the piece's offsets were allocated per piece).
function accept(start: number, end: number, kind: EntityKind, strength: Strength, reason: string, canonical?: string): Verdict {
  return canonical === undefined ? { accept: true, kind, strength, start, end, reason } : { accept: true, kind, strength, start, end, reason, canonical };
}
const soft = (reason: string): Verdict => ({ accept: false, hard: false, reason });
const hard = (reason: string, product = false): Verdict => ({ accept: false, hard: true, product, reason });

export function classify(env: Env, piece: Piece, list: ListCue | null): Verdict {
  let tokens = piece.tokens;
  // Drop a leading acronym that is not a name ("AI Act" keeps "Act"... which then needs its own evidence).
  while (tokens.length > 1 && tokens[0].shape === 'upper' && STOP_ACRONYMS.has(tokens[0].lower) && placeAcronym(tokens[0].lower) === null) {
    tokens = tokens.slice(1);
  }
  // Funding rounds and numbered things: "Series C", "Phase 2".
  while (tokens.length > 1 && tokens[tokens.length - 1].text.length === 1) tokens = tokens.slice(0, -1);
  const start = tokens[0].start;
  const end = tokens[tokens.length - 1].end;
  // A token's text is already this slice of the document.
  const text = tokens.length === 1 ? tokens[0].text : env.text.slice(start, end);

  // "Hurricane Marisol", "Tropical Storm Alberto": a storm is no person, organisation or place, nor is its name alone.
  const storm = stormName(tokens, env.text);
  if (storm !== null) return { accept: false, hard: true, reason: 'storm', storm };
  const negative = intrinsicNegative(tokens, env.text);
  if (negative) return hard(negative, negative === 'product');
  if (isSectionLabel(mapped(tokens, (t) => t.lower))) return hard('section-label');
  const own = intrinsic(tokens, text, env.text);
  const right = rightContext(env, end);
  // "KSh 1.2 billion", "RM 2 billion", "EUR 5m": a currency's letters before a figure.
  if (tokens.length === 1 && CURRENCY_LETTERS.has(text) && /^ ?\d/.test(right)) return hard('currency');
  if (tokens.length === 1 && own === null && titleContinues(tokens[0], right)) return hard('title-part');

  const left = leftOf(env, start);
  const single = tokens.length === 1;

  // Products: "tools such as X", "the creator of X", "Windows 11".
  if (list?.kind === 'product') return hard('product-list', true);
  if (makerBefore(left)) return hard('product-maker', true);
  if (productHeadBefore(left) && (own === null || own.strength < 2)) return hard('product-head', true);
  // "Windows 11", "Boeing 737": a model number; the word may still be a maker named elsewhere, so it is not a product name.
  if (single && RIGHT_VERSION.test(right) && tokens[0].shape !== 'upper') return hard('versioned-product');

  // "Paris-style", "Denver-based": the hyphen decides.
  const hyphen = RIGHT_HYPHEN.exec(right);
  let hyphenPlace = false;
  if (hyphen) {
    if (PLACE_HYPHEN.has(hyphen[1])) hyphenPlace = true;
    else if (!ENTITY_HYPHEN.has(hyphen[1])) return hard('adjectival-compound');
  }
  // "Denver, CO": the state abbreviation itself is not an organisation.
  if (single && commaAfterWord(left) && (STATE_ABBREVIATIONS.has(tokens[0].lower) || STATE_ABBREVIATIONS.has(`${tokens[0].lower}.`))) {
    return hard('state');
  }

  const stateAfter = RIGHT_STATE.exec(right);
  const foreignArticle = FOREIGN_ARTICLES.has(tokens[0].lower);
  // "Ostra police", "Ostra's mayor", "the Ostra region", "mayor of Ostra": a town, not an employer.
  const civic = own?.kind !== 'organization' && own?.kind !== 'person' && RIGHT_CIVIC.test(right);
  const placeCue =
    hyphenPlace ||
    civic ||
    civicTitleBefore(left) ||
    (left.words[left.words.length - 1] === 'the' && !left.comma && RIGHT_PLACE_HEAD.test(right)) ||
    isDateline(env, tokens, right) ||
    placeContextBefore(left) ||
    (stateAfter !== null && (STATE_ABBREVIATIONS.has(stateAfter[1].toLowerCase()) || isKnownPlace(stateAfter[1])));

  // Person cues from context.
  const personCue =
    piece.afterHonorific || honorificBefore(left)
      ? 'honorific'
      : piece.afterTitle || titleBefore(left)
        ? 'title-before'
        : ageBefore(left) || RIGHT_AGE.test(right)
          ? 'age'
          : RIGHT_WHO.test(right)
            ? 'who'
            : !single && !foreignArticle && saidBefore(left)
              ? 'said-before'
              : null;
  const apposition = RIGHT_APPOSITION.exec(right);
  const appositionWord = apposition ? apposition[2].toLowerCase() : '';
  const appositionKind = !apposition ? (!single && RIGHT_BARE_TITLE.test(right) ? 'person' : null) : TITLE_WORDS.has(appositionWord) ? 'person' : ORG_HEADS.has(appositionWord) ? 'organization' : 'product';
  if (appositionKind === 'product' && (own === null || own.strength < 2)) return hard('product-apposition', true);
  const orgCue =
    list?.kind === 'org'
      ? 'list'
      : left.raw.endsWith('(') && RIGHT_DATELINE_AGENCY.test(right)
        ? 'dateline-agency'
      : RIGHT_OUTLET.test(right)
        ? 'outlet'
        : headBefore(left)
          ? 'head-noun'
          : appositionKind === 'organization'
            ? 'apposition-org'
            : (piece.beforeTitle || RIGHT_TITLE.test(right)) && !civic
              ? 'employer'
              : orgContextBefore(left)
                ? 'org-context'
                : null;
  const suffix = isOrgSuffix(tokens[tokens.length - 1].lower);
  // "Las Palmeras", "El Cerro": a name opened by a foreign article is never a person's.
  // "Siemens Energy", "Sony Music": a name opened by a known organisation (not also a given name) is its unit.
  const orgFirst = !single && (knownNameKinds(tokens[0].lower) & KNOWN_ORG) !== 0 && !isFirstName(tokens[0].lower);
  // Initials may open a person's name: "RJ Scaringe".
  const looksPerson =
    !single && suffix === null && !foreignArticle && !orgFirst && tokens.every((t, i) => t.shape === 'title' || NAME_PARTICLES.has(t.lower) || (i === 0 && isInitials(t)));

  // "a press conference in Santiago on Monday": a given name alone after "in" names a town (people are rarely "in"
  // anyone, save in trust or a stake: "confidence in Santiago").
  if (single && own?.reason === 'lexicon-person' && !personCue && inBefore(left) && !PERSON_IN.has(left.words[left.words.length - 2] ?? '')) {
    return accept(start, end, 'place', 1, 'in-name');
  }
  // "Ostra City" is a club unless something says it is the town ("in Ostra City", "Ostra City police").
  if (own?.reason === 'club-city' && (placeCue || inBefore(left))) return accept(start, end, 'place', placeCue ? 3 : 1, 'city-name');

  // A country or a state stays a place where a firm's cues stand: "Latvia's transport minister", "Mississippi
  // reported two deaths" (a state has officials and reports; a list or a head noun still says otherwise).
  const statePlace = own?.kind === 'place' && single && (orgCue === 'outlet' || orgCue === 'employer' || orgCue === 'org-context') && isCountryOrRegion(tokens[0].lower);
  if (own?.kind === 'place' && (!orgCue || statePlace)) return accept(start, end, 'place', placeCue ? 3 : 2, own.reason, placeName(tokens));
  if (placeCue && !orgCue && !personCue && own?.kind !== 'organization') return accept(start, end, 'place', 3, 'place-context');
  if (employerLinkBefore(left) && !personCue && own?.kind !== 'place') return accept(start, end, 'organization', 3, 'employer-of-title');
  if ((personCue || appositionKind === 'person') && (looksPerson || (single && own === null)) && own?.kind !== 'organization') {
    return accept(start, end, 'person', 3, personCue ?? 'apposition-title');
  }
  if (own?.kind === 'person') return accept(start, end, 'person', 2, own.reason);
  // "Transport Minister X" opening a sentence: the word before a title is a portfolio, not necessarily a name.
  // (Corporate titles are acronyms or lower case: "Acme CFO", "an Acme spokesperson"; ministerial ones are Title Case,
  // or a minister's in lower case: "Revenue minister K. Rajan said", for a firm has no minister. A place or an
  // organisation known by its own name has evidence of its own.)
  // "Tournament director Fiona Gallaher said" where the document also writes "the tournament": that word, no employer.
  if (
    orgCue === 'employer' &&
    own === null &&
    (piece.initial || piece.headline) &&
    single &&
    (/^\s+\p{Lu}\p{Ll}/u.test(right) || PORTFOLIO_TITLE.test(right) || env.lowerWords?.has(tokens[0].lower) === true)
  ) {
    return soft('initial-employer');
  }
  if (orgCue && !(orgCue === 'org-context' && looksPerson && isFirstName(tokens[0].lower))) {
    if (own?.kind !== 'organization' && looksPerson && isFirstName(tokens[0].lower)) return accept(start, end, 'person', 2, 'first-name');
    const strength: Strength = orgCue === 'employer' || orgCue === 'org-context' ? 2 : 3;
    return accept(start, end, 'organization', own?.kind === 'organization' ? 3 : strength, orgCue);
  }
  if (own) {
    // A weak suffix on a two-word heading or sentence opener ("Generative AI is...") is not enough.
    const firstCommon = isCommonWord(tokens[0].lower) || !nameLike(tokens[0]) || env.lowerWords?.has(tokens[0].lower) === true;
    if (own.reason === 'org-suffix-weak' && (piece.initial || piece.headline) && tokens.length === 2 && firstCommon) {
      return soft('weak-suffix-at-start');
    }
    if (piece.headline && (own.reason === 'acronym' || own.reason === 'ampersand')) return soft('headline-name');
    if (tokens.some((t) => t.shouting) && own.reason === 'acronym') return soft('shouting');
    return accept(start, end, own.kind, own.strength, own.reason);
  }

  // No evidence of its own: a capital at a sentence start or in a heading proves nothing.
  if (piece.headline) return soft('headline');
  if (orgFirst) return RIGHT_PRODUCT_HEAD.test(right) ? hard('product-label', true) : accept(start, end, 'organization', 1, 'org-first-word');
  const subject = RIGHT_SAID.test(right);
  // A town or city of the gazetteer, with nothing around it that says otherwise: not the subject of "said" or
  // "announced", which a firm is far more often than a town.
  if (!subject && isGazetteerPlace(text)) return accept(start, end, 'place', 1, 'gazetteer');
  if (piece.initial) {
    // "Officials said ...": a word the document also writes in lower case is that word, not a name.
    const lowerElsewhere = single && env.lowerWords?.has(tokens[0].lower) === true;
    if (subject && tokens.every(nameLike) && !lowerElsewhere && !(single && isAgentPlural(tokens[0].lower))) return accept(start, end, single ? 'organization' : 'person', 1, 'initial-subject');
    if (looksPerson && tokens.every(nameLike)) return { accept: false, hard: false, reason: 'sentence-initial', maybePerson: true };
    // "National Grid said", "Royal Mail said": a name of ordinary words that speaks is an organisation's, never a
    // person's (whose names are not words of the language); "Transport Minister said" is a title.
    if (subject && !single && tokens.every((t) => t.shape === 'title' && !TITLE_WORDS.has(t.lower)) && !tokens.every(nameLike)) {
      return accept(start, end, 'organization', 1, 'initial-subject-words');
    }
    return soft('sentence-initial');
  }
  if (single) {
    const t = tokens[0];
    if (t.shape !== 'title' || isCommonWord(t.lower)) return soft('common-word');
    // "its Blackwell chips", "the Pixel phones": a name used as a product's label.
    if (RIGHT_PRODUCT_HEAD.test(right)) return hard('product-label', true);
    if (inBefore(left) || fromPlaceBefore(left)) return accept(start, end, 'place', 1, 'in-name');
    return accept(start, end, isLastName(t.lower) ? 'person' : 'organization', 1, 'capitalised');
  }
  if (looksPerson && tokens.every(nameLike) && ownerPossessive(env, tokens, right)) return accept(start, end, 'person', 1, 'owner');
  // "Le Mans", "Los Alamos", "San Rafael": a foreign article opening a name is most often a place.
  if (NAME_ARTICLES.has(tokens[0].lower) && tokens.length <= 3) return accept(start, end, 'place', 1, 'article-name');
  if ((inBefore(left) || fromPlaceBefore(left)) && tokens.every((t) => t.shape === 'title')) return accept(start, end, 'place', 1, 'in-name');
  if (looksPerson && tokens.every(nameLike)) {
    // Shaped like a person's name but nothing says so: "Elena Marsh's Acme" (an owner) is evidence; otherwise
    // entities.ts looks for evidence elsewhere in the document (the surname alone near he/she, a shared surname).
    return { accept: false, hard: false, reason: 'name-shaped', maybePerson: true };
  }
  if (subject && looksPerson) return accept(start, end, 'person', 1, 'subject');
  return accept(start, end, 'organization', 1, 'capitalised-run');
}

const STORM_WORDS = new Set(['hurricane', 'typhoon', 'cyclone', 'storm']);

/** The name of a storm the piece names ("Hurricane Marisol" → "Marisol"), or null when it names none. */
function stormName(tokens: Token[], text: string): string | null {
  let k = 0;
  if (tokens.length > 2 && (tokens[0].lower === 'tropical' || tokens[0].lower === 'super' || tokens[0].lower === 'winter')) k = 1;
  if (tokens.length < k + 2 || tokens.length > k + 3 || !STORM_WORDS.has(tokens[k].lower)) return null;
  // A storm's name is a given name or two ("Sally", "Ciarán"), not words of a firm's name ("Storm Financial Group").
  const name = tokens.slice(k + 1);
  if (name.some((t) => isOrgSuffix(t.lower) !== null || isCommonWord(t.lower) || t.shape !== 'title')) return null;
  return text.slice(name[0].start, name[name.length - 1].end);
}

// The first words of the titles of two words or more ("fire" of "fire chief"): only these can open one.
const MULTIWORD_TITLE_FIRST = new Set([...TITLE_WORDS].filter((w) => w.includes(' ')).map((w) => w.slice(0, w.indexOf(' '))));

/** Two or three capitals that are no known acronym: a person's initials ("RJ"). */
function isInitials(t: Token): boolean {
  return t.shape === 'upper' && /^\p{Lu}{2,3}$/u.test(t.text) && !STOP_ACRONYMS.has(t.lower) && placeAcronym(t.lower) === null && knownNameKinds(t.lower) === 0;
}

// Titles that take a portfolio before them ("finance minister", "health secretary").
const PORTFOLIO_TITLE = /^\s+(?:minister|secretary|commissioner)(?![\p{L}])/u;

const AGENT_PLURAL = /^(\p{L}{3,}?)(?:er|or)s$/u;

// "Seismologists", "Economists", "Analysts": the plural of a profession in -ist or -yst (no surname ends so).
const PROFESSION_PLURAL = /^\p{L}{3,}[iy]sts$/u;

/** "Regulators", "Insurers", "Forecasters": the plural of someone who does a verb compromise knows, or a thing of
 *  five letters or more it knows as a word ("forecast", "protest"), a word that opens a sentence as a group of people
 *  ("Regulators said ..."), not as a name. (Shorter words are surnames' stems too: "Sanders", "Peters".) So do the
 *  plurals of professions in -ist ("Seismologists said ..."). */
function isAgentPlural(lower: string): boolean {
  if (PROFESSION_PLURAL.test(lower)) return true;
  const m = AGENT_PLURAL.exec(lower);
  return m !== null && (isVerbWord(m[1]) || isVerbWord(`${m[1]}e`) || (m[1].length >= 5 && isCommonWord(m[1])));
}

/** "Fire chief Ana Ruiz", "Interior minister X": a capitalised word that opens a lower-case title is part of it. */
function titleContinues(t: Token, right: string): boolean {
  // Checked first, so that nearly all words skip the regex and its match.
  if (!MULTIWORD_TITLE_FIRST.has(t.lower)) return false;
  const m = RIGHT_WORDS.exec(right);
  if (m === null) return false;
  return TITLE_WORDS.has(`${t.lower} ${m[1]}`) || (m[2] !== undefined && TITLE_WORDS.has(`${t.lower} ${m[1]} ${m[2]}`));
}

/** "mayor of X", "the police chief of X", "residents of X": X is a town. */
function civicTitleBefore(l: LeftWords): boolean {
  const w = l.words[l.words.length - 1] === 'the' ? l.words.slice(0, -1) : l.words;
  const n = w.length;
  if (l.comma || n < 2 || w[n - 1] !== 'of') return false;
  return CIVIC_TITLES.has(w[n - 2]) || (n > 2 && CIVIC_TITLES.has(`${w[n - 3]} ${w[n - 2]}`));
}

/** '"...," said Ana Ruiz': a reporting verb right before a name (not "told", which takes outlets). */
function saidBefore(l: LeftWords): boolean {
  const w = l.words[l.words.length - 1];
  return !l.comma && (w === 'said' || w === 'says' || w === 'added' || w === 'explained' || w === 'wrote');
}

/** A shouted word opening a line before a dateline's country, date or agency: "OSTRA, Spain, May 2 (Agency) -". */
function isDateline(env: Env, tokens: Token[], right: string): boolean {
  const first = tokens[0];
  if (!tokens.every((t) => t.shape === 'upper') || tokens.length > 4) return false;
  const lineStart = env.text.lastIndexOf('\n', first.start - 1) + 1;
  return /^[\s*_#>]*$/u.test(env.text.slice(lineStart, first.start)) && RIGHT_DATELINE.test(right);
}

/** "Elena Marsh's Acme": a name owning a named organisation is a person. */
function ownerPossessive(env: Env, tokens: Token[], right: string): boolean {
  const last = tokens[tokens.length - 1];
  return last.possessive && /^[’']s?\s+(?:\p{Lu}|\p{Ll}+\p{Lu})/u.test(right);
}

// Words after which "in" takes a person: trust, faith or a stake in someone.
const PERSON_IN = new Set(['confidence', 'trust', 'faith', 'belief', 'believe', 'believes', 'believed', 'stake', 'stakes', 'shares', 'interest', 'invest', 'invests', 'invested', 'investment', 'role', 'part', 'hope', 'hopes']);

/** "fans from X", "arrived from X": a weak place cue, used only when nothing else says what X is. */
function fromPlaceBefore(l: LeftWords): boolean {
  const n = l.words.length;
  return !l.comma && n >= 2 && l.words[n - 1] === 'from' && FROM_PLACE_BEFORE.has(l.words[n - 2]);
}
