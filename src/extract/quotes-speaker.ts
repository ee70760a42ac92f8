// Finds the speaker phrase that a reporting verb ties to a quote, in the text around it:
// after the quote ("…,” X said / “…,” said X) or before it (X said: “…” / X says the firm will “…”).
import type { Span } from './text.js';
import {
  AFTER_SPEAKER_STOPS,
  BEFORE_VERB_FILLERS,
  CLAUSE_BOUNDARIES,
  OTHER_PRONOUNS,
  ORG_PRONOUNS,
  PERSON_PRONOUNS,
  RELATIVE_PRONOUNS,
  findVerbs,
  tokenize,
  type Token,
  type VerbMatch,
} from './quotes-lexicon.js';
import type { QuoteSpan } from './quotes-scan.js';

export interface Attribution {
  verb: VerbMatch;
  /** The speaker phrase as written, or null when the verb is there but its subject is not a usable phrase. */
  speaker: Span | null;
}

// Attribution is local: these windows keep the work per quote bounded on 100 KB lines.
const PRE_WINDOW = 400;
const POST_WINDOW = 200;
const MAX_SUBJECT_WORDS = 12;
const MAX_AFTER_WORDS = 10;
const MAX_POST_SUBJECT_WORDS = 9;

const isAdverb = (w: string) => w.length > 4 && /^\p{Ll}+ly$/u.test(w);

/** The subject phrase that ends just before a reporting verb ("Its interim CEO, Jane Doe, | says"). */
export function subjectBefore(text: string, from: number, verbStart: number): Span | null {
  const toks = tokenize(text, from, verbStart);
  let k = toks.length - 1;
  while (k >= 0 && toks[k].word && (BEFORE_VERB_FILLERS.has(toks[k].text.toLowerCase()) || isAdverb(toks[k].text))) k--;
  // "X, the CEO, said": the comma before the verb closes an appositive, so one more comma may be crossed.
  let commasLeft = 0;
  if (k >= 0 && toks[k].text === ',') {
    commasLeft = 1;
    k--;
  }
  if (k < 0 || !toks[k].word) return null;
  let end = toks[k].end;
  let first = -1;
  let words = 0;
  for (let j = k; j >= 0; j--) {
    const t = toks[j];
    if (t.text === ',' && commasLeft > 0) {
      commasLeft--;
      continue;
    }
    if (t.text === '&') continue;
    // Inside an appositive, a clause or a figure sends the subject back before the comma that opens it.
    const open = commasLeft === 1 ? appositiveStart(toks, j) : -1;
    if (open > 0) {
      commasLeft = 0;
      j = open;
      end = toks[open - 1].end;
      first = -1;
      words = 0;
      continue;
    }
    if (!t.word || CLAUSE_BOUNDARIES.has(t.text.toLowerCase())) break;
    if (++words > MAX_SUBJECT_WORDS) return null;
    first = j;
  }
  if (first < 0) return null;
  return { start: toks[first].start, end };
}

/**
 * Where the appositive holding token j opens, when token j shows there is one, or -1:
 * "The company, which employs 4,000 people, said" (a relative clause right after the comma);
 * "Acme Partners, a fund that is short the stock, said" (a clause inside it);
 * "Acme Capital, its biggest investor with a 24% stake, told", "X, president of the Pilots' Guild, warned" (a figure
 * or a possessive inside it).
 */
function appositiveStart(toks: Token[], j: number): number {
  const t = toks[j];
  if (!t.word) return INNER_SIGNS.has(t.text) ? appositiveOpening(toks, j) : -1;
  const lower = t.text.toLowerCase();
  if (RELATIVE_PRONOUNS.has(lower) && toks[j - 1]?.text === ',' && toks[j - 2]?.word) return j - 1;
  return CLAUSE_BOUNDARIES.has(lower) || RELATIVE_PRONOUNS.has(lower) ? appositiveOpening(toks, j) : -1;
}

/** The comma opening an appositive that holds token j ("X, a firm that …"), when words stand before it: its index,
 *  or -1. Looks back as far as a subject may be long; the appositive may hold figures and possessives ("a 24% stake"). */
function appositiveOpening(toks: Token[], j: number): number {
  for (let i = j - 1; i > 0 && i >= j - MAX_SUBJECT_WORDS; i--) {
    if (toks[i].text === ',') return toks[i - 1].word ? i : -1;
    if (!toks[i].word && !INNER_SIGNS.has(toks[i].text)) return -1;
  }
  return -1;
}

const INNER_SIGNS = new Set(['%', '$', '€', '£', '¥', "'", '’']);

/** The speaker phrase right after "said" / "according to", up to a comma, a preposition of time or place, etc. */
export function speakerAfter(text: string, from: number, to: number): Span | null {
  const toks = tokenize(text, from, to);
  let last = -1;
  let words = 0;
  for (let j = 0; j < toks.length; j++) {
    const t = toks[j];
    if (!t.word) {
      if (t.text === '&' && last >= 0) continue;
      // "said Acme's chief operating officer, Jane Roe.": a title, then the name it belongs to.
      const named = t.text === ',' && last >= 0 && /^\p{Ll}/u.test(toks[last].text) ? nameAfterTitle(toks, j + 1) : -1;
      if (named > 0) last = named;
      break;
    }
    if (AFTER_SPEAKER_STOPS.has(t.text.toLowerCase())) break;
    if (++words > MAX_AFTER_WORDS) break;
    last = j;
  }
  if (last < 0) return null;
  return { start: toks[0].start, end: toks[last].end };
}

/** The last token of a name of one to four capitalised words from token k that closes its clause, or -1. */
function nameAfterTitle(toks: Token[], k: number): number {
  let j = k;
  while (j < toks.length && j - k < 4 && toks[j].word && /^\p{Lu}/u.test(toks[j].text)) j++;
  const next = toks[j];
  return j > k && (!next || /^[,.;!?]$/.test(next.text)) ? j - 1 : -1;
}

/** Attribution after the quote: "“…,” X said" or "“…,” said X" or "“…,” according to X". */
export function attributionAfter(text: string, q: QuoteSpan, lineEnd: number): Attribution | null {
  if (q.continues) return null;
  let i = q.end;
  let innerLast = q.innerEnd - 1;
  while (innerLast > q.innerStart && /\s/.test(text[innerLast])) innerLast--;
  // “…,” X said is the rule; “….” X said (a full stop inside) is sloppier, so it takes a short subject only.
  let punct: Punct = /[,?!…—–-]/.test(text[innerLast] ?? '') ? 'strong' : text[innerLast] === '.' ? 'weak' : 'none';
  while (i < lineEnd && (text[i] === ' ' || text[i] === '\t')) i++;
  if (i < lineEnd && /[,—–-]/.test(text[i])) {
    punct = 'strong';
    i++;
  }
  return attributionAt(text, i, punct, lineEnd);
}

/**
 * Attribution closing the sentence a partial quote stands in: "The firm will “double down” on retail, X said."
 * Looks after the last comma between the quote and the sentence's end.
 */
export function attributionAtSentenceEnd(text: string, q: QuoteSpan, sentenceEnd: number): Attribution | null {
  const from = Math.max(q.end, sentenceEnd - POST_WINDOW);
  const at = text.slice(from, sentenceEnd).lastIndexOf(',');
  if (at < 0) return null;
  const att = attributionAt(text, from + at + 1, 'strong', sentenceEnd);
  if (!att) return null;
  // The clause must close the sentence: nothing but a few words ("on Monday") may follow the verb.
  const rest = text.slice(att.verb.end, sentenceEnd);
  return /^[^,;:“”"]{0,40}$/.test(rest) ? att : null;
}

type Punct = 'strong' | 'weak' | 'none';

function attributionAt(text: string, from: number, punct: Punct, lineEnd: number): Attribution | null {
  let i = from;
  while (i < lineEnd && (text[i] === ' ' || text[i] === '\t')) i++;
  const windowEnd = postWindowEnd(text, i, Math.min(lineEnd, i + POST_WINDOW));
  const verbs = findVerbs(text, i, windowEnd);
  if (verbs.length === 0) return null;
  const verb = verbs[0];
  if (verb.start === i) {
    if (punct !== 'strong') return null;
    const speaker = speakerAfter(text, verb.end, windowEnd);
    return speaker ? { verb, speaker } : null;
  }
  if (verb.speakerAfter) return null;
  const phrase = postSubject(tokenize(text, i, verb.start));
  if (!phrase) return null;
  const single = phrase.words === 1 && isPronoun(text.slice(phrase.span.start, phrase.span.end));
  if (!single && (punct === 'none' || (punct === 'weak' && (phrase.words > 4 || !/^\p{Lu}/u.test(text[i]))))) return null;
  return { verb, speaker: phrase.span };
}

// The words between a quote and its verb ("an Acme spokesperson | told"), cut before ", who …" and rejected
// when they hold a clause of their own.
function postSubject(toks: Token[]): { span: Span; words: number } | null {
  let last = -1;
  let words = 0;
  for (let j = 0; j < toks.length; j++) {
    const t = toks[j];
    if (!t.word) {
      if (t.text === ',') {
        const next = toks[j + 1];
        if (next && CLAUSE_BOUNDARIES.has(next.text.toLowerCase())) break;
        continue;
      }
      if (t.text === '&') continue;
      return null;
    }
    if (CLAUSE_BOUNDARIES.has(t.text.toLowerCase()) && !joinsTitles(toks, j)) return null;
    if (BEFORE_VERB_FILLERS.has(t.text.toLowerCase()) || isAdverb(t.text)) continue;
    if (++words > MAX_POST_SUBJECT_WORDS) return null;
    last = j;
  }
  if (last < 0) return null;
  return { span: { start: toks[0].start, end: toks[last].end }, words };
}

/** "co-founder and chief executive": an "and" between two lower-case words joins the titles of one speaker. */
function joinsTitles(toks: Token[], j: number): boolean {
  const before = toks[j - 1];
  const after = toks[j + 1];
  return toks[j].text === 'and' && !!before?.word && !!after?.word && /^\p{Ll}/u.test(before.text) && /^\p{Ll}/u.test(after.text);
}

// The attribution clause after a quote ends at the sentence's end or where the next quote opens.
function postWindowEnd(text: string, from: number, limit: number): number {
  for (let i = from; i < limit; i++) {
    // Nearly every character is none of these: skip those by code (text[i] allocates outside Latin-1).
    const c = text.charCodeAt(i);
    if (c !== 0x201c && c !== 0x22 && c !== 0xab && c !== 0x2018 && c !== 0x3b && c !== 0x3a && c !== 0x2e && c !== 0x21 && c !== 0x3f) continue;
    const ch = text[i];
    if (ch === '“' || ch === '"' || ch === '«' || ch === '‘' || ch === ';' || ch === ':') return i;
    if ((ch === '.' || ch === '!' || ch === '?') && (i + 1 >= limit || /\s/.test(text[i + 1]))) {
      // "Dr." or "U.S." inside the speaker phrase is not the sentence's end.
      const before = text.slice(Math.max(from, i - 4), i);
      if (!/(?:^|[\s.])(?:\p{L}|Mr|Mrs|Ms|Dr|Jr|Sr|Inc|Co|Corp|Ltd|St)$/u.test(before)) return i;
    }
  }
  return limit;
}

/** Attribution before the quote within text[from, quoteStart): the last reporting verb and its subject. */
export function attributionBefore(
  text: string,
  from: number,
  quoteStart: number,
  insideQuote: (offset: number) => boolean,
): Attribution | null {
  const start = Math.max(from, quoteStart - PRE_WINDOW);
  const verbs = findVerbs(text, start, quoteStart).filter((v) => !insideQuote(v.start));
  const verb = verbs[verbs.length - 1];
  if (!verb) return null;
  if (verb.speakerAfter) return { verb, speaker: speakerAfter(text, verb.end, quoteStart) };
  // “…,” said X, “…”: a verb right after an earlier quote is inverted, and its speaker follows it.
  const inverted = /[”"’»][\s,—–-]*$/.test(text.slice(Math.max(start, verb.start - 4), verb.start));
  const speaker = inverted ? speakerAfter(text, verb.end, quoteStart) : subjectBefore(text, start, verb.start);
  return { verb, speaker };
}

export function isPronoun(word: string): boolean {
  const w = word.toLowerCase();
  return PERSON_PRONOUNS.has(w) || ORG_PRONOUNS.has(w) || OTHER_PRONOUNS.has(w);
}
