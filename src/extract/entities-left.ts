// Cues in the words just before a candidate ("its CEO", "companies such as", "according to"), checked by set
// lookups on the last few words rather than by end-anchored regexes, which would rescan the window per alternative.
import { CUES, HONORIFICS, ORG_HEADS, PRODUCT_HEADS, TITLE_WORDS } from './entities-lexicon.js';
import { toLower } from './lower.js';
import { isSpace } from './spaces.js';

const WINDOW = 60;
const MAKERS = new Set(CUES.productMakers);
const ORG_LEFT = new Set(CUES.orgLeft);
const PLACE_LEFT = new Set(CUES.placeLeft);
const LIST_WORDS = new Set(['like', 'including', 'include', 'includes', 'included', 'namely']);
const EMPLOYER_LINKS = new Set(['at', 'of', 'with', 'for', 'from']);
const AGE = /^\d{1,3}-year-old$/;

export interface LeftWords {
  /** The last words before the candidate, lower-cased, leading punctuation removed, oldest first. */
  words: string[];
  /** The window ended with a comma right before the candidate ("founder, X"). */
  comma: boolean;
  raw: string;
}

export function readLeftWords(text: string, start: number): LeftWords {
  // The window from the last line break in it, as one slice (a bounded backward scan: lastIndexOf could run far
  // past the window), lower-cased without a copy when it has no capitals.
  let from = start;
  while (from > 0 && from > start - WINDOW && text.charCodeAt(from - 1) !== 0x0a) from--;
  const raw = toLower(text.slice(from, start));
  // The last six whitespace-separated parts, read backwards (what splitting on /\s+/ and keeping the last six gives,
  // without the array of every part). The first part may be cut mid-word by the window: it is dropped.
  const cut = start - WINDOW > 0;
  // Counted first, then sliced in text order into an array of that size (an array grown by push reserves room for
  // sixteen, and this runs once per candidate name).
  let count = 0;
  let first = raw.length;
  let i = raw.length - 1;
  while (count < 6) {
    while (i >= 0 && isSpace(raw.charCodeAt(i))) i--;
    if (i < 0) break;
    while (i >= 0 && !isSpace(raw.charCodeAt(i))) i--;
    if (cut) {
      let j = i;
      while (j >= 0 && isSpace(raw.charCodeAt(j))) j--;
      if (j < 0) break; // this is the first part
    }
    count++;
    first = i + 1;
  }
  const words = new Array<string>(count);
  let p = first;
  for (let k = 0; k < count; k++) {
    while (isSpace(raw.charCodeAt(p))) p++;
    const wordStart = p;
    while (p < raw.length && !isSpace(raw.charCodeAt(p))) p++;
    words[k] = stripLeading(raw.slice(wordStart, p));
  }
  let comma = false;
  const last = words.length - 1;
  if (last >= 0 && words[last].endsWith(',')) {
    comma = true;
    words[last] = words[last].slice(0, -1);
  }
  return { words, comma, raw };
}

// Leading punctuation removed; a word starting with a lower-case ASCII letter or digit (nearly all) has none.
function stripLeading(w: string): string {
  const c = w.charCodeAt(0);
  if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) return w;
  return w.replace(/^[^\p{L}\p{N}]+/u, '');
}

/** True when the words end with one of the phrases (each of 1–4 words). */
function endsWithPhrase(words: string[], phrases: Set<string>): boolean {
  // Every joined phrase ends with the last word: when no phrase does, none can match (and no string is built).
  if (words.length === 0 || !lastWordsOf(phrases).has(words[words.length - 1])) return false;
  // The phrase grows one word to the left per step (the same strings as joining the last n words).
  let phrase = '';
  for (let n = 1; n <= Math.min(4, words.length); n++) {
    const w = words[words.length - n];
    phrase = n === 1 ? w : `${w} ${phrase}`;
    if (phrases.has(phrase)) return true;
  }
  return false;
}

// The last space-separated word of every phrase of a set, per set.
const lastWords = new WeakMap<Set<string>, Set<string>>();
function lastWordsOf(phrases: Set<string>): Set<string> {
  let last = lastWords.get(phrases);
  if (last === undefined) {
    last = new Set([...phrases].map((p) => p.slice(p.lastIndexOf(' ') + 1)));
    lastWords.set(phrases, last);
  }
  return last;
}

const isTitle = (w: string) => TITLE_WORDS.has(w) || (w.endsWith('s') && TITLE_WORDS.has(w.slice(0, -1)));

export function titleBefore(l: LeftWords): boolean {
  const last = l.words[l.words.length - 1];
  // A stop after the title ends its sentence ("… the chairman. Ray Hollis"), unless the title is an abbreviation
  // written with it ("Gov. Ray Hollis").
  return last !== undefined && (!/[.;:]$/.test(last) || TITLE_WORDS.has(last)) && endsWithPhrase(l.words, TITLE_WORDS);
}

export function honorificBefore(l: LeftWords): boolean {
  const w = l.words[l.words.length - 1];
  return !l.comma && w !== undefined && HONORIFICS.has(w.replace(/\.$/, ''));
}

export function ageBefore(l: LeftWords): boolean {
  const n = l.words.length;
  return !l.comma && n > 0 && (AGE.test(l.words[n - 1]) || (n > 1 && AGE.test(l.words[n - 2])));
}

/** "the startup X", "rival X", "data-labeling firm X". */
export function headBefore(l: LeftWords): boolean {
  const w = l.words[l.words.length - 1];
  return !l.comma && w !== undefined && ORG_HEADS.has(w);
}

/** "companies such as X" → org, "tools such as X" → product. */
export function listBefore(l: LeftWords): 'org' | 'product' | null {
  const w = l.words;
  const n = w.length;
  if (l.comma || n < 2) return null;
  let head: string | undefined;
  if (LIST_WORDS.has(w[n - 1])) head = w[n - 2];
  else if (n >= 3 && w[n - 2] === 'such' && w[n - 1] === 'as') head = w[n - 3];
  if (head === undefined) return null;
  if (ORG_HEADS.has(head)) return 'org';
  if (PRODUCT_HEADS.has(head)) return 'product';
  return null;
}

/** "the drug X", "its lead drug, X": a product named by its kind. */
export function productHeadBefore(l: LeftWords): boolean {
  const w = l.words[l.words.length - 1];
  return w !== undefined && PRODUCT_HEADS.has(w);
}

/** "the creator of X". */
export function makerBefore(l: LeftWords): boolean {
  const n = l.words.length;
  return !l.comma && n >= 2 && l.words[n - 1] === 'of' && MAKERS.has(l.words[n - 2]);
}

/** "analysts at X", "a researcher at the X", "CEO of X". */
export function employerLinkBefore(l: LeftWords): boolean {
  let w = l.words;
  if (l.comma) return false;
  if (w[w.length - 1] === 'the') w = w.slice(0, -1);
  const n = w.length;
  return n >= 2 && EMPLOYER_LINKS.has(w[n - 1]) && isTitle(w[n - 2]);
}

/** "told X", "according to X", "acquired by X". */
export function orgContextBefore(l: LeftWords): boolean {
  if (l.comma) return false;
  const w = l.words[l.words.length - 1] === 'the' ? l.words.slice(0, -1) : l.words;
  return endsWithPhrase(w, ORG_LEFT);
}

/** "based in X", "offices in X". */
export function placeContextBefore(l: LeftWords): boolean {
  return !l.comma && endsWithPhrase(l.words, PLACE_LEFT);
}

/** "in X": a weak place cue, used only when nothing else says what X is. */
export function inBefore(l: LeftWords): boolean {
  return !l.comma && l.words[l.words.length - 1] === 'in';
}

/** "Springfield, IL": a letter then a comma right before. */
export function commaAfterWord(l: LeftWords): boolean {
  return /\p{L},\s*$/u.test(l.raw);
}
