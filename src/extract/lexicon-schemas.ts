// The shapes of the extractors' JSON lexicons (lexicon/*.json), as zod schemas. The lexicons ship with the code, so
// they are checked by the test suite (test/extract/lexicon-schemas.test.ts) rather than every time a module loads:
// loading zod and parsing them took ~0.1 s in every process and worker. The extractors import only the types.
import { z } from 'zod';

const words = z.array(z.string().min(1));

export const AttributeLexicon = z.object({
  note: z.string().optional(),
  attributes: z
    .array(
      z.object({
        name: z.string().min(1),
        kinds: z.array(z.enum(['money', 'percent', 'date', 'count', 'age'])).min(1),
        conflicts: z.boolean(),
        triggers: z.array(z.string().min(1)),
        weak: z.array(z.string().min(1)).optional(),
        after: z.array(z.string().min(1)).optional(),
        before: z.boolean().optional(),
        // A word, or "'s" for any possessive ("Acme's own").
        notAfter: z.record(z.string().min(1), z.array(z.string().regex(/^(?:[a-z]+|'s)$/)).min(1)).optional(),
        // Words that, right after the trigger, make it none ("ticket holders" are people, not a price).
        notBefore: z.record(z.string().min(1), z.array(z.string().regex(/^[a-z]+$/)).min(1)).optional(),
        recurs: z.boolean().optional(),
      }),
    )
    .min(1),
});
export type AttributeLexicon = z.infer<typeof AttributeLexicon>;

const CountPhrase = z.string().regex(/^[a-z.' -]+$/);
export const CountLexicon = z.object({
  note: z.string(),
  nouns: z
    .array(
      z.object({
        plural: z.array(CountPhrase).min(1),
        singular: z.array(CountPhrase),
        lemma: z.string().min(1),
        attribute: z.string().min(1),
        human: z.boolean(),
      }),
    )
    .min(1),
  attributes: z.array(
    z.object({
      attribute: z.string().min(1),
      humanOnly: z.boolean(),
      nouns: z.array(z.string()).optional(),
      near: z.array(CountPhrase).optional(),
      before: z.array(CountPhrase),
      after: z.array(CountPhrase),
    }),
  ),
  totals: z.array(z.object({ phrase: CountPhrase, lemma: z.string().min(1), attribute: z.string().min(1) })),
  totalLinks: z.array(CountPhrase).min(1),
  modifiers: z.array(CountPhrase),
  blockersBefore: z.array(CountPhrase),
  openers: z.array(CountPhrase),
  sourceAfter: z.array(CountPhrase),
  vague: z.record(CountPhrase, z.tuple([z.number().int().positive(), z.number().int().positive().nullable()])),
  wordQuantities: z.record(CountPhrase, z.number().int().positive()),
  scales: z.record(z.string().regex(/^[a-z]+$/), z.number().int().positive()),
});
export type CountLexicon = z.infer<typeof CountLexicon>;

const NameGroups = z.array(z.array(z.string().min(2)).min(1));
export const DateNames = z.object({
  months: NameGroups.length(12),
  weekdays: NameGroups.length(7),
  timezones: z.array(z.string().min(1)),
  numberWords: z.record(z.string(), z.number().int().positive()),
});
export type DateNames = z.infer<typeof DateNames>;

export const DateContext = z.object({
  bareMonthBefore: z.array(z.string().min(1)),
  yearBlockersBefore: z.array(z.string().min(1)),
  yearUnitsAfter: z.array(z.string().min(1)),
  weekdayNotDatePrefixes: z.array(z.string().min(1)),
  weekdayNotDateFollowers: z.array(z.string().min(1)),
  futureCues: z.array(z.string().min(1)),
  pastCues: z.array(z.string().min(1)),
});
export type DateContext = z.infer<typeof DateContext>;

export const Kinds = z.object({
  note: z.string(),
  clubFirst: words,
  clubLast: words,
  placeFirst: words,
  placeLast: words,
  orgFirst: words,
  foreignArticles: words,
  civicRight: words,
  placeRightHeads: words,
  civicTitles: words,
  surnameVenues: words,
  sectionWords: words,
  fromPlaceBefore: words,
});
export type Kinds = z.infer<typeof Kinds>;

const Iso = z.string().regex(/^[A-Z]{3}$/);
export const CurrencyLexicon = z.object({
  symbols: z.array(z.object({ symbol: z.string().min(1), currency: Iso })),
  codes: z.array(Iso),
  prefixAliases: z.record(z.string().min(1), Iso),
  words: z.array(
    z.union([
      z.object({
        phrase: z.string().regex(/^[a-z. ]+$/),
        currency: Iso,
        form: z.enum(['plural', 'singular', 'invariant']),
        needsScale: z.boolean().optional(),
      }),
      // A word several countries' currencies share ("pesos", "kroner"): the one whose places (a group of `places`)
      // the document names.
      z.object({
        phrase: z.string().regex(/^[a-z. ]+$/),
        form: z.enum(['plural', 'singular', 'invariant']),
        needsScale: z.boolean().optional(),
        byPlace: z.string().min(1),
      }),
    ]),
  ),
  /** Per group of a shared currency word: each currency and the places (countries, demonyms, cities) that name it. */
  places: z.record(z.string().min(1), z.record(Iso, z.array(z.string().regex(/^[\p{Ll} ]+$/u)).min(1))),
  decimalComma: z.array(Iso),
}).refine((c) => c.words.every((w) => !('byPlace' in w) || w.byPlace in c.places), { message: 'a word names a group of places that is not in "places"' });
export type CurrencyLexicon = z.infer<typeof CurrencyLexicon>;
const Exponents = z.record(z.string().min(1), z.number().int().min(0).max(15));
export const ScaleLexicon = z.object({
  attached: Exponents,
  words: Exponents,
  vague: Exponents,
  vagueMultipliers: Exponents,
});
export type ScaleLexicon = z.infer<typeof ScaleLexicon>;
export const HedgeLexicon = z.object({
  min: z.array(z.string().min(1)),
  max: z.array(z.string().min(1)),
  approx: z.array(z.string().min(1)),
});
export type HedgeLexicon = z.infer<typeof HedgeLexicon>;
export const NumberWords = z.record(z.string().regex(/^[a-z]+$/), z.number().int().min(0));
export type NumberWords = z.infer<typeof NumberWords>;

export const ReportingVerbs = z.object({
  note: z.string(),
  subjectBefore: words,
  speakerAfter: words,
});
export type ReportingVerbs = z.infer<typeof ReportingVerbs>;

export const QuoteWords = z.object({
  note: z.string(),
  personPronouns: words,
  femalePronouns: words,
  malePronouns: words,
  femaleHonorifics: words,
  maleHonorifics: words,
  orgPronouns: words,
  otherPronouns: words,
  orgAnaphors: words,
  determiners: words,
  droppedArticles: words,
  clauseBoundaries: words,
  beforeVerbFillers: words,
  afterSpeakerStops: words,
  minorTitleWords: words,
  speechPronouns: words,
});
export type QuoteWords = z.infer<typeof QuoteWords>;

const TitlePhrase = z.string().regex(/^[a-z][a-z.' -]*$/);
export const TitleLexicon = z.object({
  note: z.string(),
  titles: z.array(z.object({ title: z.string().min(1), synonyms: z.array(TitlePhrase).min(1) })).min(1),
  qualifiers: z.array(z.object({ qualifier: z.string().min(1), synonyms: z.array(TitlePhrase).min(1) })),
  personNouns: z.array(TitlePhrase),
  ageFollowers: z.array(TitlePhrase),
});
export type TitleLexicon = z.infer<typeof TitleLexicon>;

export const OrgSuffixes = z.object({ note: z.string(), strong: words, weak: words });
export type OrgSuffixes = z.infer<typeof OrgSuffixes>;
export const Titles = z.object({ note: z.string(), titles: words, titleModifiers: words, honorifics: words });
export type Titles = z.infer<typeof Titles>;
export const Stopwords = z.object({ note: z.string(), acronyms: words, capitalised: words, functionWords: words, demonyms: words });
export type Stopwords = z.infer<typeof Stopwords>;
export const Cues = z.object({
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
export type Cues = z.infer<typeof Cues>;
export const Places = z.object({
  note: z.string(),
  stateAbbreviations: words,
  placeAcronyms: z.record(z.string(), z.string()),
  extraPlaces: words,
});
export type Places = z.infer<typeof Places>;
export const Products = z.object({ note: z.string(), products: words });
export type Products = z.infer<typeof Products>;
/** Generated (scripts/build-places.mjs): towns and cities, lower case, sorted. */
export const Gazetteer = z.object({ note: z.string(), names: words });
export type Gazetteer = z.infer<typeof Gazetteer>;

/** Every lexicon file (in lexicon/) and its schema. */
export const LEXICON_SCHEMAS: Record<string, z.ZodType> = {
  'attributes.json': AttributeLexicon,
  'counts-nouns.json': CountLexicon,
  'currencies.json': CurrencyLexicon,
  'dates-context.json': DateContext,
  'dates-names.json': DateNames,
  'entities-cues.json': Cues,
  'entities-gazetteer.json': Gazetteer,
  'entities-kinds.json': Kinds,
  'entities-org-suffixes.json': OrgSuffixes,
  'entities-places.json': Places,
  'entities-products.json': Products,
  'entities-stopwords.json': Stopwords,
  'entities-titles.json': Titles,
  'money-hedges.json': HedgeLexicon,
  'money-numbers.json': NumberWords,
  'money-scales.json': ScaleLexicon,
  'quotes-words.json': QuoteWords,
  'reporting-verbs.json': ReportingVerbs,
  'roles-titles.json': TitleLexicon,
};
