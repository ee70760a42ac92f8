// Word knowledge for the entity extractor: our JSON lexicons (validated at load) plus compromise's lexicon,
// read as a plain word -> tag table (never its tagger), for first names, places, known organisations and common words.
import { z } from 'zod';
import { LEXICON, ORG_WORDS } from './compromise-lexicon.js';
import cuesData from './lexicon/entities-cues.json' with { type: 'json' };
import placesData from './lexicon/entities-places.json' with { type: 'json' };
import productsData from './lexicon/entities-products.json' with { type: 'json' };
import stopData from './lexicon/entities-stopwords.json' with { type: 'json' };
import suffixData from './lexicon/entities-org-suffixes.json' with { type: 'json' };
import titlesData from './lexicon/entities-titles.json' with { type: 'json' };

const words = z.array(z.string().min(1));

export const OrgSuffixSchema = z.object({ note: z.string(), strong: words, weak: words });
export const TitlesSchema = z.object({ note: z.string(), titles: words, titleModifiers: words, honorifics: words });
export const StopwordsSchema = z.object({ note: z.string(), acronyms: words, capitalised: words, functionWords: words, demonyms: words });
export const CuesSchema = z.object({
  note: z.string(),
  orgHeads: words,
  productHeads: words,
  productMakers: words,
  reportingVerbs: words,
  outletVerbs: words,
  orgLeft: words,
  placeLeft: words,
  placeHyphen: words,
  entityHyphen: words,
  imperativeNext: words,
});
export const PlacesSchema = z.object({
  note: z.string(),
  stateAbbreviations: words,
  placeAcronyms: z.record(z.string(), z.string()),
  extraPlaces: words,
});
export const ProductsSchema = z.object({ note: z.string(), products: words });

export const SUFFIXES = OrgSuffixSchema.parse(suffixData);
export const TITLES = TitlesSchema.parse(titlesData);
export const STOP = StopwordsSchema.parse(stopData);
export const CUES = CuesSchema.parse(cuesData);
export const PLACES = PlacesSchema.parse(placesData);
export const PRODUCTS = ProductsSchema.parse(productsData);

const set = (list: string[]) => new Set(list.map((w) => w.toLowerCase()));

export const STRONG_SUFFIX = set(SUFFIXES.strong);
export const WEAK_SUFFIX = set(SUFFIXES.weak);
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


/** compromise's lexicon tags for a word or phrase (lower-cased), or none. */
export function lexTags(phrase: string): string[] {
  const tags = LEXICON[phrase.toLowerCase()];
  if (tags === undefined) return [];
  return Array.isArray(tags) ? tags : [tags];
}

const NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName', 'LastName', 'Person']);
const PLACE_TAGS = new Set(['City', 'Country', 'Region', 'Place']);
const PROPER_TAGS = new Set([...NAME_TAGS, ...PLACE_TAGS, 'Organization', 'SportsTeam', 'ProperNoun']);
const DATE_TAGS = new Set(['Month', 'WeekDay', 'Date', 'Holiday']);

const FIRST_NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName']);

/** A given name compromise knows, also written with accents it files without ("Ramón" → "ramon", "Inés" → "ines"). */
export function isFirstName(word: string): boolean {
  if (lexTags(word).some((t) => FIRST_NAME_TAGS.has(t))) return true;
  if (!/[^\x00-\x7f]/.test(word)) return false;
  const plain = word.normalize('NFD').replace(/\p{M}/gu, '');
  return plain !== word && lexTags(plain).some((t) => FIRST_NAME_TAGS.has(t));
}

export function isLastName(word: string): boolean {
  return lexTags(word).includes('LastName');
}

/** A known person written in full ("bill gates"). */
export function isKnownPerson(phrase: string): boolean {
  return lexTags(phrase).includes('Person');
}

export function isKnownOrg(phrase: string): boolean {
  const tags = lexTags(phrase);
  // compromise files "inc", "ltd", "dept" as organisations too; a bare suffix names nothing.
  if (tags.includes('Abbreviation')) return false;
  return tags.includes('Organization') || tags.includes('SportsTeam');
}

export function isKnownPlace(phrase: string): boolean {
  const lower = phrase.toLowerCase();
  if (EXTRA_PLACES.has(lower)) return true;
  const tags = lexTags(lower);
  // "St", "Ave", "Calif" are abbreviations filed as places: they are never a place on their own.
  if (tags.includes('Abbreviation') || lower.length < 3) return false;
  return tags.some((t) => PLACE_TAGS.has(t));
}

export function isDateWord(word: string): boolean {
  const lower = word.toLowerCase().replace(/\.$/, '');
  return lexTags(lower).some((t) => DATE_TAGS.has(t)) || /^(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/.test(lower);
}

export function isDemonym(word: string): boolean {
  return DEMONYMS.has(word.toLowerCase()) || lexTags(word).includes('Demonym');
}

/** True when compromise knows the word only as an ordinary word (verb, noun, adjective...), not as a name. */
export function isCommonWord(word: string): boolean {
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

export function isVerbWord(word: string): boolean {
  return lexTags(word).some((t) => t === 'Infinitive' || t === 'Imperative' || t === 'Verb' || t === 'PresentTense');
}

export function isFunctionWord(word: string): boolean {
  const lower = word.toLowerCase().replace(/[’']/g, "'");
  if (FUNCTION_WORDS.has(lower)) return true;
  return lexTags(lower).some(
    (t) => t === 'Determiner' || t === 'Preposition' || t === 'Conjunction' || t === 'Pronoun' || t === 'QuestionWord' || t === 'Possessive',
  );
}

export function isOrgSuffix(word: string): 'strong' | 'weak' | null {
  const lower = word.toLowerCase();
  if (STRONG_SUFFIX.has(lower)) return 'strong';
  if (WEAK_SUFFIX.has(lower) || ORG_WORDS[lower] === true) return 'weak';
  return null;
}

export function placeAcronym(word: string): string | null {
  return PLACES.placeAcronyms[word.toLowerCase()] ?? null;
}
