// Word lists the quote extractor uses (reporting verbs, pronouns, clause boundaries; shapes in lexicon-schemas.ts),
// plus the tokenizer and reporting-verb finder shared by the attribution rules.
import type { QuoteWords, ReportingVerbs } from './lexicon-schemas.js';
import verbsData from './lexicon/reporting-verbs.json' with { type: 'json' };
import wordsData from './lexicon/quotes-words.json' with { type: 'json' };

export const VERB_LEXICON = verbsData as ReportingVerbs;
const W = wordsData as QuoteWords;

const set = (xs: string[]) => new Set(xs.map((x) => x.toLowerCase()));
export const PERSON_PRONOUNS = set(W.personPronouns);
export const FEMALE_PRONOUNS = set(W.femalePronouns);
export const MALE_PRONOUNS = set(W.malePronouns);
export const FEMALE_HONORIFICS = set(W.femaleHonorifics);
export const MALE_HONORIFICS = set(W.maleHonorifics);
export const ORG_PRONOUNS = set(W.orgPronouns);
export const OTHER_PRONOUNS = set(W.otherPronouns);
export const ORG_ANAPHORS = set(W.orgAnaphors);
export const DETERMINERS = set(W.determiners);
export const DROPPED_ARTICLES = set(W.droppedArticles);
export const CLAUSE_BOUNDARIES = set(W.clauseBoundaries);
export const RELATIVE_PRONOUNS = new Set(['who', 'which', 'whose', 'whom']);
export const BEFORE_VERB_FILLERS = set(W.beforeVerbFillers);
export const AFTER_SPEAKER_STOPS = set(W.afterSpeakerStops);
export const MINOR_TITLE_WORDS = set(W.minorTitleWords);
export const SPEECH_PRONOUNS = set(W.speechPronouns);

export interface Token {
  start: number;
  end: number;
  text: string;
  word: boolean;
}

// Words may hold inner apostrophes, dots, hyphens and ampersands ("Acme’s", "U.S", "AT&T") and thousands
// separators ("4,000"); a separator is required between letter runs, so the pattern cannot backtrack.
const TOKEN = /[\p{L}\p{N}]+(?:[.'’&-][\p{L}\p{N}]+|,\d{3}(?!\d))*|\S/gu;
const ABBREV = new Set(['mr', 'mrs', 'ms', 'dr', 'jr', 'sr', 'inc', 'corp', 'co', 'ltd', 'st', 'gov', 'sen', 'rep', 'gen', 'prof', 'lt', 'col', 'capt', 'sgt']);

/** Tokens of text[from, to): words and single punctuation characters. */
export function tokenize(text: string, from: number, to: number): Token[] {
  const slice = text.slice(from, to);
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(slice); m; m = TOKEN.exec(slice)) {
    let s = m[0];
    const word = /^[\p{L}\p{N}]/u.test(s);
    // Keep the full stop of an abbreviation or initial ("Dr.", "U.S.", "J.") on its word.
    if (word && slice[TOKEN.lastIndex] === '.' && (s.includes('.') || s.length === 1 || ABBREV.has(s.toLowerCase()))) {
      s += '.';
      TOKEN.lastIndex++;
    }
    out.push({ start: from + m.index, end: from + m.index + s.length, text: s, word });
  }
  return out;
}

export interface VerbMatch {
  start: number;
  end: number;
  /** The speaker follows the phrase ("according to X") instead of preceding it. */
  speakerAfter: boolean;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const toPattern = (phrase: string, capitalisable: boolean) => {
  const body = phrase.split(/\s+/).map(escape).join('\\s+');
  return capitalisable ? `[${body[0]}${body[0].toUpperCase()}]${body.slice(1)}` : body;
};

// Longest phrases first so "summed it up" wins over shorter entries; verbs match lower-case only (a capitalised
// "Says" is more often a headline or a name), except "According to" which opens sentences.
const ALTERNATIVES = [
  ...VERB_LEXICON.subjectBefore.map((p) => ({ p, after: false })),
  ...VERB_LEXICON.speakerAfter.map((p) => ({ p, after: true })),
].sort((a, b) => b.p.length - a.p.length);
const SPEAKER_AFTER = new Set(VERB_LEXICON.speakerAfter.map((p) => p.toLowerCase()));
const VERB_RE = new RegExp(
  `(?<![\\p{L}\\p{N}'’-])(?:${ALTERNATIVES.map((a) => toPattern(a.p, a.after)).join('|')})(?![\\p{L}\\p{N}'’-])`,
  'gu',
);

const UNSAID = /(?:(?<![\p{L}\p{N}'’-])(?:to|not|never)|n['’]t)\s+$/iu;

/** Reporting verbs and phrases in text[from, to), in order. */
export function findVerbs(text: string, from: number, to: number): VerbMatch[] {
  if (to <= from) return [];
  const slice = text.slice(from, to);
  const out: VerbMatch[] = [];
  VERB_RE.lastIndex = 0;
  for (let m = VERB_RE.exec(slice); m; m = VERB_RE.exec(slice)) {
    const key = m[0].toLowerCase().replace(/\s+/g, ' ');
    // "declined to say", "did not say", "was never told": speech that did not happen attributes nothing.
    if (UNSAID.test(text.slice(Math.max(0, from + m.index - 8), from + m.index))) continue;
    out.push({ start: from + m.index, end: from + m.index + m[0].length, speakerAfter: SPEAKER_AFTER.has(key) });
  }
  return out;
}
