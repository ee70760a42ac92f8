// Word knowledge for the entity extractor: our JSON lexicons (shapes in lexicon-schemas.ts) plus compromise's lexicon,
// read as a plain word -> tag table (never its tagger), for first names, places, known organisations and common words.
import type { Cues, Gazetteer, Places, Products, Stopwords, Titles } from './lexicon-schemas.js';
import { LEXICON } from './compromise-lexicon.js';
import { toLower } from './lower.js';
import { memo } from '../util/memo.js';
import cuesData from './lexicon/entities-cues.json' with { type: 'json' };
import gazetteerData from './lexicon/entities-gazetteer.json' with { type: 'json' };
import placesData from './lexicon/entities-places.json' with { type: 'json' };
import productsData from './lexicon/entities-products.json' with { type: 'json' };
import stopData from './lexicon/entities-stopwords.json' with { type: 'json' };
import titlesData from './lexicon/entities-titles.json' with { type: 'json' };

export const TITLES = titlesData as Titles;
export const STOP = stopData as Stopwords;
export const CUES = cuesData as Cues;
export const PLACES = placesData as Places;
export const PRODUCTS = productsData as Products;

const set = (list: string[]) => new Set(list.map((w) => w.toLowerCase()));

export const TITLE_WORDS = set(TITLES.titles);
export const HONORIFICS = set(TITLES.honorifics);
export const STOP_ACRONYMS = set(STOP.acronyms);
export const STOP_CAPITALISED = set(STOP.capitalised);
export const FUNCTION_WORDS = set(STOP.functionWords);
export const DEMONYMS = set(STOP.demonyms);
export const ORG_HEADS = set(CUES.orgHeads);
export const PRODUCT_HEADS = set(CUES.productHeads);
export const REPORTING_VERBS = set(CUES.reportingVerbs);
export const STATE_ABBREVIATIONS = set(PLACES.stateAbbreviations);
export const EXTRA_PLACES = set(PLACES.extraPlaces);
export const PRODUCT_NAMES = set(PRODUCTS.products);
// Towns and cities compromise does not know: evidence of a place only where nothing else says what a name is.
const GAZETTEER = new Set((gazetteerData as Gazetteer).names);

/** A town or city of the gazetteer (scripts/build-places.mjs), by its name in any case. */
export function isGazetteerPlace(phrase: string): boolean {
  return GAZETTEER.has(toLower(phrase));
}

// The lexicon as a Map of tag lists: looking a fresh string up in a 25,000-key object costs far more than in a Map,
// and a single tag no longer needs a new array per call. Names inherited by the plain object ("constructor",
// "toString") are looked up as the object does, so the answers stay the same as reading the object itself.
const NO_TAGS: string[] = [];
const TAGS = new Map<string, string[]>();
{
  const single = new Map<unknown, string[]>();
  const add = (word: string, tags: unknown) => {
    if (tags === undefined) return;
    if (Array.isArray(tags)) TAGS.set(word, tags as string[]);
    else {
      let one = single.get(tags);
      if (one === undefined) single.set(tags, (one = [tags as string]));
      TAGS.set(word, one);
    }
  };
  for (const word of Object.keys(LEXICON)) add(word, LEXICON[word]);
  for (let proto = Object.getPrototypeOf(LEXICON); proto !== null; proto = Object.getPrototypeOf(proto)) {
    for (const word of Object.getOwnPropertyNames(proto)) if (!TAGS.has(word)) add(word, (LEXICON as Record<string, unknown>)[word]);
  }
}

/** compromise's lexicon tags for a word or phrase (lower-cased), or none. The array is shared: do not modify it. */
export function lexTags(phrase: string): string[] {
  return TAGS.get(toLower(phrase)) ?? NO_TAGS;
}

const NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName', 'LastName', 'Person']);
const PLACE_TAGS = new Set(['City', 'Country', 'Region', 'Place']);
const PROPER_TAGS = new Set([...NAME_TAGS, ...PLACE_TAGS, 'Organization', 'SportsTeam', 'ProperNoun']);
const DATE_TAGS = new Set(['Month', 'WeekDay', 'Date', 'Holiday']);

const FIRST_NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName']);

/** A given name compromise knows, also written with accents it files without ("Ramón" → "ramon", "Inés" → "ines"). */
function isFirstNameUncached(word: string): boolean {
  if (lexTags(word).some((t) => FIRST_NAME_TAGS.has(t))) return true;
  if (!/[^\x00-\x7f]/.test(word)) return false;
  const plain = word.normalize('NFD').replace(/\p{M}/gu, '');
  return plain !== word && lexTags(plain).some((t) => FIRST_NAME_TAGS.has(t));
}

/** The sex compromise files a given name under ("ingrid" → female), also written with accents; null when it files
 *  it under both or neither. */
function firstNameSexUncached(word: string): 'female' | 'male' | null {
  let tags = lexTags(word);
  if (tags.length === 0 && /[^\x00-\x7f]/.test(word)) tags = lexTags(word.normalize('NFD').replace(/\p{M}/gu, ''));
  const female = tags.includes('FemaleName');
  const male = tags.includes('MaleName');
  return female === male ? null : female ? 'female' : 'male';
}

function isLastNameUncached(word: string): boolean {
  return lexTags(word).includes('LastName');
}

/** A known person written in full ("bill gates"). */
function isKnownPersonUncached(phrase: string): boolean {
  return lexTags(phrase).includes('Person');
}

function isKnownOrgUncached(phrase: string): boolean {
  const tags = lexTags(phrase);
  // compromise files "inc", "ltd", "dept" as organisations too; a bare suffix names nothing.
  if (tags.includes('Abbreviation')) return false;
  return tags.includes('Organization') || tags.includes('SportsTeam');
}

function isKnownPlaceUncached(phrase: string): boolean {
  const lower = phrase.toLowerCase();
  if (EXTRA_PLACES.has(lower)) return true;
  const tags = lexTags(lower);
  // "St", "Ave", "Calif" are abbreviations filed as places: they are never a place on their own.
  if (tags.includes('Abbreviation') || lower.length < 3) return false;
  return tags.some((t) => PLACE_TAGS.has(t));
}

/** A country or a region (a state, a province) by compromise's lexicon: "latvia", "alabama". */
export function isCountryOrRegion(lower: string): boolean {
  const tags = lexTags(lower);
  return tags.includes('Country') || tags.includes('Region');
}

function isDateWordUncached(word: string): boolean {
  const lower = word.toLowerCase().replace(/\.$/, '');
  return lexTags(lower).some((t) => DATE_TAGS.has(t)) || /^(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/.test(lower);
}

function isDemonymUncached(word: string): boolean {
  const lower = word.toLowerCase();
  if (DEMONYMS.has(lower) || lexTags(word).includes('Demonym')) return true;
  // "Queenslander", "Londoners", "New Yorkers": the people of a known place.
  const dweller = /^(.{3,}?)ers?$/.exec(lower);
  return dweller !== null && isKnownPlace(dweller[1]);
}

/** True when compromise knows the word only as an ordinary word (verb, noun, adjective...), not as a name. */
function isCommonWordUncached(word: string): boolean {
  const lower = word.toLowerCase();
  const tags = lexTags(lower);
  if (tags.length > 0) return !tags.some((t) => PROPER_TAGS.has(t));
  // Plurals and inflections of known common words ("takeaways", "labels", "builds").
  for (const stem of inflectionStems(lower)) {
    const t = lexTags(stem);
    if (t.length > 0 && !t.some((x) => PROPER_TAGS.has(x))) return true;
  }
  return false;
}

function inflectionStems(w: string): string[] {
  const out: string[] = [];
  if (w.endsWith('ies')) out.push(`${w.slice(0, -3)}y`);
  if (w.endsWith('es')) out.push(w.slice(0, -2));
  if (w.endsWith('s')) out.push(w.slice(0, -1));
  if (w.endsWith('ed')) out.push(w.slice(0, -2), w.slice(0, -1));
  if (w.endsWith('ly')) out.push(w.slice(0, -2));
  return out.filter((s) => s.length > 2);
}

function isVerbWordUncached(word: string): boolean {
  return lexTags(word).some((t) => t === 'Infinitive' || t === 'Imperative' || t === 'Verb' || t === 'PresentTense');
}

function isFunctionWordUncached(word: string): boolean {
  const lower = word.toLowerCase().replace(/[’']/g, "'");
  if (FUNCTION_WORDS.has(lower)) return true;
  return lexTags(lower).some(
    (t) => t === 'Determiner' || t === 'Preposition' || t === 'Conjunction' || t === 'Pronoun' || t === 'QuestionWord' || t === 'Possessive',
  );
}

export function placeAcronym(word: string): string | null {
  return PLACES.placeAcronyms[toLower(word)] ?? null;
}

export const isFirstName = memo(isFirstNameUncached);
export const isLastName = memo(isLastNameUncached);
export const firstNameSex = memo(firstNameSexUncached);
export const isKnownPerson = memo(isKnownPersonUncached);
export const isKnownOrg = memo(isKnownOrgUncached);
export const isKnownPlace = memo(isKnownPlaceUncached);
export const isDateWord = memo(isDateWordUncached);
export const isDemonym = memo(isDemonymUncached);
export const isCommonWord = memo(isCommonWordUncached);
export const isVerbWord = memo(isVerbWordUncached);
export const isFunctionWord = memo(isFunctionWordUncached);

/** Bits of knownNameKinds. */
export const KNOWN_ORG = 1;
export const KNOWN_PERSON = 2;
export const KNOWN_PLACE = 4;

/**
 * isKnownOrg, isKnownPerson and isKnownPlace of one phrase at once, as bits: classifying a name asks all three of
 * the same (fresh, lower-cased) string, and one cache lookup instead of three was a visible share of entity time.
 */
export const knownNameKinds = memo(
  (phrase: string): number =>
    (isKnownOrg(phrase) ? KNOWN_ORG : 0) | (isKnownPerson(phrase) ? KNOWN_PERSON : 0) | (isKnownPlace(phrase) ? KNOWN_PLACE : 0),
);
