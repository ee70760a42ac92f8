// Linear scan for entity candidates: word tokens with their shape, sentence-initial and headline flags,
// grouped into runs of capitalised words and cut at titles, honorifics, dates and function words.
import type { ExtractContext } from './text.js';
import {
  HONORIFICS,
  ORG_HEADS,
  STOP_ACRONYMS,
  TITLE_WORDS,
  isCommonWord,
  isDateWord,
  isFirstName,
  isFunctionWord,
  isKnownOrg,
  isKnownPlace,
  knownNameKinds,
  placeAcronym,
} from './entities-lexicon.js';
import { isOrgSuffix } from './org-suffix.js';
import { LETTER_SUM } from './currency-letters.js';
import { kindWord } from './entities-kinds.js';
import { DATE_NAMES } from './dates-lexicon.js';
import { toLower } from './lower.js';
import { forEachWord } from './words.js';
import { mapped } from '../util/mapped.js';

export type Shape = 'title' | 'upper' | 'camel' | 'lower' | 'number';

export interface Token {
  start: number;
  end: number;
  text: string;
  lower: string;
  shape: Shape;
  /** Followed by a possessive "’s"/"'s" (not part of the token) or a bare "’" after a final s. */
  possessive: boolean;
  /** First word of a sentence, of a quotation, or after a colon: its capital proves nothing. */
  initial: boolean;
  /** On a Title Case line (a heading), where every word is capitalised. */
  headline: boolean;
  /** On a line written all in capitals. */
  shouting: boolean;
  line: number;
}

// The four flags of a token, packed into one number.
const POSSESSIVE = 1;
const INITIAL = 2;
const HEADLINE = 4;
const SHOUTING = 8;

/**
 * A Token as made by tokenize. One is made for every word of a document, so its size counts: the four flags live in
 * one number behind accessors (one field instead of four saves about a fifth of the object).
 */
class WordToken implements Token {
  private flags: number;

  constructor(
    public start: number,
    public end: number,
    public text: string,
    public lower: string,
    public shape: Shape,
    possessive: boolean,
    public line: number,
  ) {
    this.flags = possessive ? POSSESSIVE : 0;
  }

  private setFlag(flag: number, on: boolean): void {
    this.flags = on ? this.flags | flag : this.flags & ~flag;
  }

  get possessive(): boolean {
    return (this.flags & POSSESSIVE) !== 0;
  }
  set possessive(on: boolean) {
    this.setFlag(POSSESSIVE, on);
  }
  get initial(): boolean {
    return (this.flags & INITIAL) !== 0;
  }
  set initial(on: boolean) {
    this.setFlag(INITIAL, on);
  }
  get headline(): boolean {
    return (this.flags & HEADLINE) !== 0;
  }
  set headline(on: boolean) {
    this.setFlag(HEADLINE, on);
  }
  get shouting(): boolean {
    return (this.flags & SHOUTING) !== 0;
  }
  set shouting(on: boolean) {
    this.setFlag(SHOUTING, on);
  }
}

export interface Piece {
  tokens: Token[];
  start: number;
  end: number;
  text: string;
  /** The piece's first word starts a sentence (or follows an ordinary word that did). */
  initial: boolean;
  headline: boolean;
  /** A title ("CEO", "President") or honorific ("Dr.") right before the piece, inside the same run. */
  afterTitle: boolean;
  afterHonorific: boolean;
  /** A title right after the piece, inside the same run ("Acme CFO ..."). */
  beforeTitle: boolean;
}

// Words are letters/digits, with inner apostrophes, dots, ampersands, and hyphens before a capital ("Coca-Cola"):
// /[\p{L}\p{N}]+(?:(?:[’'.&]|-(?=\p{Lu}))[\p{L}\p{N}]+)*/gu, scanned by hand in words.ts.
const GLUED_DATE =
  /^(.*\p{Ll})(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)$/u;
const NAME_PREFIX_CAMEL = /^(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|Fitz|O’|O')\p{Lu}\p{Ll}+$/u;

// Case tests by comparing with toUpperCase/toLowerCase: cheaper than Unicode regexes on every token.
const hasUpper = (s: string) => s !== s.toLowerCase();
const hasLower = (s: string) => s !== s.toUpperCase();

/** hasUpper(s.slice(1)), read from character codes for ASCII: the slice and its lower-cased copy cost two strings. */
export function hasUpperAfterFirst(s: string): boolean {
  for (let i = 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128) return hasUpper(s.slice(1));
    if (c >= 65 && c <= 90) return true;
  }
  return false;
}

/**
 * The shape of a token, given its lower-case form. Plain ASCII words ("acme", "Acme", "ACME"), nearly all tokens,
 * are read from their character codes; anything else takes the general path (shapeOfGeneral), which gives the same
 * answer for them.
 */
function shapeOf(text: string, lower: string): Shape {
  const c0 = text.charCodeAt(0);
  if (c0 >= 97 && c0 <= 122 && text === lower) return 'lower';
  if (c0 >= 65 && c0 <= 90) {
    let lowers = 0;
    let uppers = 1;
    let i = 1;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 97 && c <= 122) lowers++;
      else if (c >= 65 && c <= 90) uppers++;
      else break;
    }
    if (i === text.length) {
      if (lowers === 0) return 'upper';
      if (uppers === 1) return 'title';
    }
  }
  return shapeOfGeneral(text);
}

function shapeOfGeneral(text: string): Shape {
  const first = text[0];
  if (first >= '0' && first <= '9') return 'number';
  if (LETTER_SUM.test(text)) return 'number';
  if (!hasUpper(text)) return hasLower(text) ? 'lower' : 'number';
  if (hasLower(first)) return 'camel';
  const rest = text.slice(1);
  if (!hasLower(rest)) return 'upper';
  // Plural acronyms ("CEOs", "IPOs") are acronyms, not Title Case names.
  if (text.length > 2 && text.endsWith('s') && !hasLower(text.slice(0, -1))) return 'upper';
  if (!hasUpper(rest)) return 'title';
  if (NAME_PREFIX_CAMEL.test(text)) return 'title';
  // An inner capital after a lower-case letter ("eBay", "YouTube") or a capital pair before lower case ("NYTimes").
  if (/\p{Ll}\p{Lu}/u.test(text) || /^\p{Lu}{2,}\p{Ll}{2,}/u.test(text)) return 'camel';
  return 'title';
}

export function isCapitalised(t: Token): boolean {
  return t.shape === 'title' || t.shape === 'upper' || t.shape === 'camel';
}

/** Tokenises the whole document once. Linear: one regex pass plus constant work per token. */
export function tokenize(ctx: ExtractContext): Token[] {
  const { text } = ctx;
  const tokens: Token[] = [];
  // The line of a token: the line breaks before the furthest start seen so far, counted by jumping from one to the
  // next with indexOf rather than reading every character of the text.
  let line = 0;
  let nextBreak = text.indexOf('\n');
  // Each piece becomes a token as soon as it is found (pieces come in text order), so no list of spans is built.
  const emit = (start: number, rawEnd: number, word: string | null) => {
    while (nextBreak !== -1 && nextBreak < start) {
      line++;
      nextBreak = text.indexOf('\n', nextBreak + 1);
    }
    let end = rawEnd;
    let possessive = false;
    const body = word ?? text.slice(start, end);
    const poss = body.length > 2 && (body.endsWith('’s') || body.endsWith("'s") || body.endsWith('’S') || body.endsWith("'S"));
    if (poss) {
      end -= 2;
      possessive = true;
    } else if ((text[end] === '’' || text[end] === "'") && (body.endsWith('s') || body.endsWith('S')) && !/\p{L}/u.test(text[end + 1] ?? '')) {
      possessive = true;
    }
    const t = end === rawEnd ? body : text.slice(start, end);
    const lower = toLower(t);
    tokens.push(new WordToken(start, end, t, lower, shapeOf(t, lower), possessive, line));
  };
  // The spans of WORD, found by hand (words.ts).
  forEachWord(text, (wordStart, wordEnd) => {
    let start = wordStart;
    let end = wordEnd;
    const word = text.slice(wordStart, wordEnd);
    // Keep the final dot of dotted acronyms ("U.S.").
    if (text[end] === '.' && /^(?:\p{L}\.)+\p{L}$/u.test(word)) end++;
    // "mid-June", "non-US": a lower-case prefix glued by a hyphen is not part of the name.
    const prefix = word.includes('-') ? /^\p{Ll}+-(?=\p{Lu})/u.exec(word) : null;
    if (prefix) {
      emit(start, start + prefix[0].length - 1, null);
      start += prefix[0].length;
    }
    const glued = end - start > 6 && hasUpperAfterFirst(word) ? GLUED_DATE.exec(text.slice(start, end)) : null;
    if (glued && glued[1].length > 1) {
      emit(start, start + glued[1].length, null);
      start += glued[1].length;
    }
    // The common case, the word as found, reuses its text.
    emit(start, end, start === wordStart && end === wordEnd ? word : null);
  });

  markInitial(tokens, ctx);
  markHeadlines(tokens, text);
  return tokens;
}

function markInitial(tokens: Token[], ctx: ExtractContext): void {
  const { text } = ctx;
  let s = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    while (s < ctx.sentences.length && ctx.sentences[s].end <= t.start) s++;
    const sentence = ctx.sentences[s];
    const prev = tokens[i - 1];
    const firstInSentence = sentence !== undefined && (prev === undefined || prev.end <= sentence.start);
    // The text between the previous word and this one: an opening quote or a colon starts a new clause.
    // A dateline ends with a dash: "LONDON (Wire) - The ...". Each of these needs one of the characters “"‘:;) in
    // the gap, so a gap without them (nearly always a single space) skips the patterns.
    const from = prev ? prev.end : 0;
    if (firstInSentence || !gapHasCue(text, from, t.start)) {
      t.initial = firstInSentence;
      continue;
    }
    const gap = text.slice(from, t.start);
    t.initial = /[“"‘:]\s*$/.test(gap) || /[:;]\s*[“"‘(]?\s*$/.test(gap) || /\)\s+[-–—]\s+$/.test(gap);
  }
}

function gapHasCue(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    // Character codes: text[i] allocates a string for a character outside Latin-1 (a curly quote, a dash).
    const c = text.charCodeAt(i);
    if (c === 0x201c || c === 0x22 || c === 0x2018 || c === 0x3a || c === 0x3b || c === 0x29) return true; // “ " ‘ : ; )
  }
  return false;
}

// A heading is a line where (almost) every content word is capitalised: "Why This Breakup Actually Matters".
function markHeadlines(tokens: Token[], text: string): void {
  let i = 0;
  while (i < tokens.length) {
    let j = i;
    while (j < tokens.length && tokens[j].line === tokens[i].line) j++;
    let caps = 0;
    let letters = 0;
    let upper = 0;
    for (let k = i; k < j; k++) {
      const t = tokens[k];
      if (t.shape === 'number') continue;
      letters++;
      if (t.shape === 'upper') upper++;
      if (t.shape !== 'lower') caps++;
    }
    // Content words are the capitalised ones plus the lower-case words that are not function words. The ratio
    // caps / content only falls as content grows, so the lexicon lookups stop once the line cannot be a heading:
    // an ordinary line of prose costs a few lookups, not one per word.
    let content = caps;
    let possible = caps > 0;
    for (let k = i; k < j && possible; k++) {
      const t = tokens[k];
      if (t.shape !== 'lower' || isFunctionWord(t.lower)) continue;
      content++;
      possible = caps / content >= 0.75;
    }
    let headline = false;
    if (possible && content >= 2) {
      const ratio = caps / content;
      // A sentence full of names ("Ernst & Young advised Acme.") ends with a full stop; a heading rarely does.
      const lineEnd = text.indexOf('\n', tokens[j - 1].end);
      const tail = text.slice(tokens[j - 1].end, lineEnd < 0 ? text.length : lineEnd);
      headline = ratio === 1 || (ratio >= 0.75 && !/^[^\p{L}\p{N}]*[.;]\s*$/u.test(tail));
    }
    const shouting = letters >= 2 && upper === letters;
    for (let k = i; k < j; k++) {
      tokens[k].headline = headline;
      tokens[k].shouting = shouting;
    }
    i = j;
  }
}

const OF_HEADS = new Set([
  'republic', 'kingdom', 'city', 'state', 'states', 'province', 'county', 'district', 'isle', 'islands', 'gulf', 'bay', 'sea', 'lake',
  'cape', 'port', 'house', 'bank', 'university', 'college', 'museum', 'church', 'school', 'institute', 'department', 'ministry',
  'bureau', 'office', 'board', 'council', 'court', 'academy', 'federation', 'association', 'society', 'union', 'chamber', 'league',
]);
export const NAME_PARTICLES = new Set(['van', 'von', 'de', 'der', 'den', 'des', 'du', 'da', 'di', 'del', 'della', 'dos', 'das', 'bin', 'al', 'el', 'le', 'la', 'ibn']);
// Lower-case articles after a particle inside a name ("de la", "de los", "van der", "de l'").
const LOWER_ARTICLES = new Set(['la', 'las', 'los', 'le', 'les', 'der', 'den', 'het', 'lo', 'il']);
// Capitalised articles that open place and organisation names in other languages ("Le Mans", "Los Angeles", "El Paso").
export const NAME_ARTICLES = new Set(['le', 'la', 'les', 'el', 'los', 'las', 'al', 'de', 'van', 'von', 'san', 'santa']);

/** Whether text.slice(from, to) === s, without making the slice. */
export function gapEquals(text: string, from: number, to: number, s: string): boolean {
  return to - from === s.length && text.startsWith(s, from);
}

// Plurals whose possessive opens the rest of a name: "Children's Hospital", "People's Bank of China", "Women's Tennis
// Association".
const GROUP_POSSESSIVES = new Set(['children', 'women', 'men', 'people', 'workers', 'veterans', 'farmers', 'mothers', 'teachers', 'citizens']);
const SAINT = new Set(['st', 'saint', 'ste']);

/** "Fenwick Children's Clinic", "St Mary's Hospital": tokens[j - 1]'s "'s" is inside the name that goes on at j. */
function possessiveInName(tokens: Token[], j: number, text: string): boolean {
  const prev = tokens[j - 1];
  const next = tokens[j];
  if (!isCapitalised(next) || !(gapEquals(text, prev.end, next.start, '’s ') || gapEquals(text, prev.end, next.start, "'s "))) return false;
  if (GROUP_POSSESSIVES.has(prev.lower)) return true;
  const before = tokens[j - 2];
  return before !== undefined && before.line === prev.line && SAINT.has(before.lower) && prev.shape === 'title';
}

/** Groups capitalised tokens into runs ("Bank of America", "Federal Reserve Board", "AT & T"). */
export function capitalisedRuns(tokens: Token[], text: string): Token[][] {
  const runs: Token[][] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isCapitalised(tokens[i])) {
      i++;
      continue;
    }
    // The run is always tokens[i..j): it is sliced out once at the end instead of grown word by word.
    let j = i + 1;
    while (j < tokens.length) {
      const prev = tokens[j - 1];
      const next = tokens[j];
      if (next.line !== prev.line) break;
      // The text between the two words is compared in place (a slice per pair of words was a visible allocation).
      const from = prev.end;
      const to = next.start;
      // "Port Traders' Association": a plural possessive inside an organisation's name.
      const apostropheGap = gapEquals(text, from, to, '’ ') || gapEquals(text, from, to, "' ");
      if (prev.possessive && !(apostropheGap && isCapitalised(next) && isOrgSuffix(next.lower) !== null) && !possessiveInName(tokens, j, text)) break;
      if (prev.possessive) {
        j++;
        continue;
      }
      const joined =
        gapEquals(text, from, to, ' ') ||
        gapEquals(text, from, to, '\u00a0') ||
        gapEquals(text, from, to, ' & ') ||
        (gapEquals(text, from, to, '. ') && isInitialOrHonorific(prev));
      if (isCapitalised(next) && joined) {
        j++;
        continue;
      }
      // "Bank of America", "Ursula von der Leyen": a lower-case connector between two capitalised words.
      if (next.shape === 'lower' && gapEquals(text, from, to, ' ') && j + 1 < tokens.length && isCapitalised(tokens[j + 1])) {
        const after = tokens[j + 1];
        const ok =
          (next.lower === 'of' && (OF_HEADS.has(prev.lower) || isOrgSuffix(prev.lower) !== null)) ||
          (next.lower === 'and' && kindWord(tokens.slice(i, j)) === null && andJoinsOrg(tokens, j + 1, text)) ||
          (NAME_PARTICLES.has(next.lower) && prev.shape === 'title');
        if (ok && gapEquals(text, next.end, after.start, ' ') && after.line === prev.line) {
          j += 2;
          continue;
        }
      }
      // "Estadio de la Garenne", "Plaza de los Mártires", "Pieter van der Berg": a particle and a lower-case article.
      if (next.shape === 'lower' && gapEquals(text, from, to, ' ') && NAME_PARTICLES.has(next.lower) && prev.shape === 'title' && j + 2 < tokens.length) {
        const article = tokens[j + 1];
        const after = tokens[j + 2];
        if (
          LOWER_ARTICLES.has(article.lower) &&
          article.shape === 'lower' &&
          isCapitalised(after) &&
          gapEquals(text, next.end, article.start, ' ') &&
          gapEquals(text, article.end, after.start, ' ') &&
          after.line === prev.line
        ) {
          j += 3;
          continue;
        }
      }
      break;
    }
    runs.push(tokens.slice(i, j));
    i = j;
  }
  return runs;
}

/** "Food and Drug Administration": "and" inside a name when the capitalised words after it end in an organisation word. */
function andJoinsOrg(tokens: Token[], from: number, text: string): boolean {
  // Only between plain words: "Acme and Nimbus AI" are two names, and so are "Acme Airways and Nimbus Air" (a name
  // that ends in an organisation word is whole, unless only such words follow: "Acme Bank and Trust Company").
  const before = tokens[from - 2];
  if (before === undefined || before.shape !== 'title' || isKnownOrg(before.lower) || isKnownPlace(before.lower)) return false;
  let k = from;
  while (k + 1 < tokens.length && k - from < 5 && isCapitalised(tokens[k + 1]) && text.slice(tokens[k].end, tokens[k + 1].start) === ' ') k++;
  if (isOrgSuffix(before.lower) === 'strong' && tokens.slice(from, k + 1).some((t) => isOrgSuffix(t.lower) === null)) return false;
  return isCapitalised(tokens[k]) && isOrgSuffix(tokens[k].lower) !== null;
}

function isInitialOrHonorific(t: Token): boolean {
  return (t.shape === 'upper' && t.text.length === 1) || HONORIFICS.has(t.lower);
}

// The first word of every title phrase ("chief" of "chief financial officer"; "gov" of "gov."): a run word that is
// none of these starts no title, and titleLength builds no phrase strings for it (nearly every word of a run).
const TITLE_FIRST_WORDS = new Set<string>();
for (const phrase of TITLE_WORDS) {
  const space = phrase.indexOf(' ');
  const first = space < 0 ? phrase : phrase.slice(0, space);
  TITLE_FIRST_WORDS.add(first);
  if (first.endsWith('.')) TITLE_FIRST_WORDS.add(first.slice(0, -1));
}

/** Length of a title starting at run[k] ("Chief Financial Officer" → 3), or 0. */
function titleLength(run: Token[], k: number): number {
  if (!TITLE_FIRST_WORDS.has(run[k].lower)) return 0;
  // "OFFICIAL STATEMENT", "CHIEF EXECUTIVE": a heading in capitals holds no titles; "CEO" and "MP" are abbreviations.
  if (run[k].shape === 'upper' && run[k].text.length > 4) return 0;
  for (let n = Math.min(4, run.length - k); n >= 1; n--) {
    const phrase = mapped(run.slice(k, k + n), (t) => t.lower).join(' ');
    if (TITLE_WORDS.has(phrase) || TITLE_WORDS.has(`${phrase}.`)) return n;
  }
  return 0;
}

// Abbreviations of month and weekday names: without a dot or a number after them they are seldom dates ("Jan Koum",
// "Sun Microsystems", "Viña del Mar").
const DATE_ABBREVIATIONS = new Set([...DATE_NAMES.months, ...DATE_NAMES.weekdays].flatMap((g) => g.slice(1)).map((a) => a.toLowerCase()));
const FULL_MONTHS = new Set(DATE_NAMES.months.map((g) => g[0].toLowerCase()));
const DATE_FOLLOWS = /^(?:\.|,?[ \t]*\d)/u;

/**
 * Whether the date word run[k] is part of a name rather than a date cutting the run: an abbreviation next to another
 * word of the run ("Jan Koum", "Sun Life", "Mar del Plata"), or a month's full name after a name of the current piece
 * ("Theresa May", "Brian May"). Never with a dot or a number after it ("Mar. 3", "May 5"), and never a weekday's
 * full name ("Acme Monday said": news writes the day after the name).
 */
function dateWordInName(run: Token[], k: number, from: number, text: string): boolean {
  const t = run[k];
  if (DATE_FOLLOWS.test(text.slice(t.end, t.end + 3))) return false;
  const nameBefore = k > from && isNamePart(run[k - 1]);
  if (DATE_ABBREVIATIONS.has(t.lower)) return t.shape === 'title' && (nameBefore || (k + 1 < run.length && isNamePart(run[k + 1])));
  return FULL_MONTHS.has(t.lower) && nameBefore && run[k - 1].shape === 'title';
}

/** A word that can stand next to a date word in a name: not itself a date, a function word or a title. */
function isNamePart(t: Token): boolean {
  return !isDateWord(t.lower) && (NAME_PARTICLES.has(t.lower) || ((t.shape === 'title' || t.shape === 'camel') && !isFunctionWord(t.lower) && !TITLE_FIRST_WORDS.has(t.lower)));
}

function isSeparator(t: Token): boolean {
  if (isDateWord(t.lower) && t.shape !== 'camel') return true;
  // "The", "Both", and a lone "A"/"I"; but not "US", which is a place, not the pronoun.
  if ((t.shape === 'title' || t.text.length === 1) && isFunctionWord(t.lower)) return true;
  if (t.shape === 'upper' && STOP_ACRONYMS.has(t.lower) && isOrgSuffix(t.lower) === null && placeAcronym(t.lower) === null) return true;
  return false;
}

/**
 * Cuts a run into name pieces at titles, honorifics, dates and function words, noting which cue sat where. The
 * pieces are appended to `pieces` (one list for the whole document rather than one per run).
 */
export function splitRun(run: Token[], text: string, pieces: Piece[] = []): Piece[] {
  // A lone capitalised word, most runs: the general loop below gives this, without its closure and arrays.
  if (run.length === 1) {
    const t = run[0];
    if (!isSeparator(t)) {
      pieces.push({ tokens: run, start: t.start, end: t.end, text: t.text, initial: t.initial, headline: t.headline, afterTitle: false, afterHonorific: false, beforeTitle: false });
    }
    return pieces;
  }
  // "Conor Tallis SC", "Jane Doe KC", "Ann Lee MP": a person's post-nominal is no part of the name (nor makes it a
  // club's: "Hamburger SC" and "Al Ahly SC" open with no given name).
  const runEnd = run.length >= 3 && run[run.length - 1].shape === 'upper' && POST_NOMINALS.has(run[run.length - 1].lower) && isFirstName(run[0].lower) && !NAME_ARTICLES.has(run[0].lower) ? run.length - 1 : run.length;
  const last = run[runEnd - 1];
  // A run that ends in a strong organisation word keeps its inner title-like words ("General Motors").
  const keepTitles = isOrgSuffix(last.lower) === 'strong';
  // The current piece is run[from..k): pieces are contiguous, so their tokens are slices of the run rather than
  // arrays grown word by word. The cues below are those of the current piece.
  // "Resident Agnes Hale described the night", "Critic Tom Pike wrote": a common noun opening the sentence before a
  // given name and a surname describes the person, as a title does.
  const described = runEnd === 3 && describesPerson(run);
  let from = described || describesOrganisation(run, runEnd) ? 1 : 0;
  let afterTitle = described;
  let afterHonorific = false;
  let initial = false;
  for (let k = from; k < runEnd; k++) {
    const t = run[k];
    if (HONORIFICS.has(t.lower) && k + 1 < runEnd) {
      pushPiece(pieces, run, from, k, text, { initial, afterTitle, afterHonorific, beforeTitle: false });
      afterTitle = false;
      initial = false;
      afterHonorific = true;
      from = k + 1;
      continue;
    }
    const tl = keepTitles || k + 1 >= runEnd ? 0 : titleLength(run, k);
    if (tl > 0 && k + tl < runEnd) {
      pushPiece(pieces, run, from, k, text, { initial, afterTitle, afterHonorific, beforeTitle: true });
      afterHonorific = false;
      initial = false;
      afterTitle = true;
      k += tl - 1;
      from = k + 1;
      continue;
    }
    const article = t.shape === 'title' && NAME_ARTICLES.has(t.lower) && k + 1 < runEnd && run[k + 1].shape === 'title';
    if (!article && isSeparator(t) && !dateWordInName(run, k, from, text)) {
      const wasInitial = t.initial || (k > from && run[from].initial);
      pushPiece(pieces, run, from, k, text, { initial, afterTitle, afterHonorific, beforeTitle: false });
      afterTitle = false;
      afterHonorific = false;
      // A capitalised function word opening a sentence ("Both Nvidia") leaves the rest mid-sentence.
      initial = wasInitial && !((t.shape === 'title' || t.text.length === 1) && isFunctionWord(t.lower));
      from = k + 1;
      continue;
    }
    // Otherwise the word joins the current piece. (Runs already end at a possessive, except inside a name:
    // "Shippers' Association".)
  }
  pushPiece(pieces, run, from, runEnd, text, { initial, afterTitle, afterHonorific, beforeTitle: false });
  return pieces;
}

function describesPerson(run: Token[]): boolean {
  const [word, given, last] = run;
  return (
    word.initial &&
    word.shape === 'title' &&
    isCommonWord(word.lower) &&
    !isFirstName(word.lower) &&
    knownNameKinds(word.lower) === 0 &&
    !isFunctionWord(word.lower) &&
    given.shape === 'title' &&
    isFirstName(given.lower) &&
    last.shape === 'title' &&
    isOrgSuffix(last.lower) === null &&
    !ORG_HEADS.has(last.lower)
  );
}

/**
 * "Insurer Acme Insurance has agreed", "Lender Acme Bank said": a common noun for what a firm does, opening
 * the sentence before a coined name and an organisation word, describes the organisation. Only the listed nouns do:
 * a surname ("Baker Hughes Company") or an adjective ("Silver Lake Partners") opening a name is part of it.
 */
function describesOrganisation(run: Token[], runEnd: number): boolean {
  if (runEnd < 3) return false;
  const [word, name] = run;
  return (
    word.initial &&
    word.shape === 'title' &&
    ORG_DESCRIPTORS.has(word.lower) &&
    name.shape === 'title' &&
    !isCommonWord(name.lower) &&
    isOrgSuffix(name.lower) === null &&
    isOrgSuffix(run[runEnd - 1].lower) !== null
  );
}

/** Common nouns for what a firm does, which news writes before its name ("insurer Acme Insurance"). */
const ORG_DESCRIPTORS = new Set(
  'insurer reinsurer lender regulator watchdog carmaker automaker chipmaker drugmaker steelmaker planemaker retailer broker miner operator supplier developer distributor wholesaler manufacturer producer brewer publisher broadcaster carrier airline rival'.split(
    ' ',
  ),
);

/** Letters after a person's name that say what they are: counsel (KC, QC, SC), members of parliaments. */
const POST_NOMINALS = new Set(['kc', 'qc', 'sc', 'mp', 'mep', 'msp', 'td', 'mla']);

interface PieceCues {
  initial: boolean;
  afterTitle: boolean;
  afterHonorific: boolean;
  beforeTitle: boolean;
}

/** Adds the piece run[from..to), if it has any token. */
function pushPiece(pieces: Piece[], run: Token[], from: number, to: number, text: string, cues: PieceCues): void {
  if (to <= from) return;
  const first = run[from];
  const lastToken = run[to - 1];
  pieces.push({
    tokens: from === 0 && to === run.length ? run : run.slice(from, to),
    start: first.start,
    end: lastToken.end,
    // A token's text is text.slice(start, end) already: a one-word piece reuses it.
    text: to - from === 1 ? first.text : text.slice(first.start, lastToken.end),
    initial: cues.initial || first.initial,
    headline: first.headline,
    afterTitle: cues.afterTitle,
    afterHonorific: cues.afterHonorific,
    beforeTitle: cues.beforeTitle,
  });
}
