// Decides what a number or date is about ("deal value", "stake", "announcement date") from trigger words in its
// sentence. The vocabulary is data (lexicon/attributes.json), its shape checked by the tests (lexicon-schemas.ts).
import type { AttributeLexicon } from './lexicon-schemas.js';
import data from './lexicon/attributes.json' with { type: 'json' };


export interface AttributeMatch {
  name: string;
  /** Whether two different values of this attribute about one subject are a disagreement. */
  conflicts: boolean;
  /** The trigger as written in the sentence, or null for the generic attribute. */
  trigger: string | null;
}

interface CompiledTrigger {
  attribute: string;
  conflicts: boolean;
  strong: boolean;
  /** Counts only when it stands before the mention. */
  onlyBefore: boolean;
  /** Words that, right before the trigger, make it none ("her own"): a pattern on the text before it, or null. */
  notAfter: RegExp | null;
  /** Words that, right after the trigger, make it none ("ticket holders"): a pattern on the text after it, or null. */
  notBefore: RegExp | null;
  /** The pattern's source; `pattern` is built from it (flags giu) the first time a sentence may hold the trigger. */
  source: string;
  pattern: RegExp | null;
  /**
   * The trigger's words alone (no boundaries, no trailing letters), for matchAt. Null when the words start or end
   * with a space: \s+ could then match in more than one way, and matchAt runs the full pattern instead.
   */
  bodySource: string | null;
  /** The sticky pattern matchAt runs (bodySource's, else the full one), built on first use. */
  body: RegExp | null;
  /** The trigger ends in "*": its last word may go on with more letters. */
  star: boolean;
  /** The trigger's first word, lower-cased, when plain ASCII: a sentence without it cannot match (see hitsIn). */
  literal: string | null;
  /** The literal is letters and digits and must be a whole word of the sentence (no trailing "*" on it). */
  wholeWord: boolean;
}

/** The qualifier of a figure of the period before ("$1.46 billion a year earlier", see context.ts): such figures
 *  make a fact of their own, which figures without a qualifier never join. */
export const EARLIER_PERIOD = 'a year earlier';
/** The qualifier of a running total as it stood on a day ("has risen to 19"): this prefix and the document's date.
 *  Like EARLIER_PERIOD, figures without a qualifier never join its fact. */
export const UPDATED_PREFIX = 'as of ';

/** The qualifier of a figure of a year before the document's ("in 1987 for £1.9 million"): this prefix and the year.
 *  Like EARLIER_PERIOD, figures without a qualifier never join its fact. */
export const PAST_PREFIX = 'in past ';

/** Whether figures without a qualifier stay out of the fact of this one (a period before, a running total's day, a
 *  past year), rather than join it as the figures of a "series b" named once do. */
export function standsApart(qualifier: string): boolean {
  return qualifier === EARLIER_PERIOD || qualifier.startsWith(UPDATED_PREFIX) || qualifier.startsWith(PAST_PREFIX);
}

/** The attribute given to a mention no trigger explains; such facts never conflict. */
export const GENERIC_ATTRIBUTE: Record<string, string> = {
  money: 'amount',
  percent: 'percentage',
  date: 'date',
  count: 'count',
  age: 'age',
};

export function compileAttributes(lexicon: AttributeLexicon): Map<string, CompiledTrigger[]> {
  const byKind = new Map<string, CompiledTrigger[]>();
  for (const attr of lexicon.attributes) {
    if (attr.triggers.length === 0 && (attr.after ?? []).length === 0) throw new Error(`attribute ${attr.name} has no trigger`);
    const add = (trigger: string, strong: boolean) => {
      // Compiled on first use (see hitsIn): most triggers' first word never occurs, and ~260 case-insensitive Unicode
      // patterns cost a quarter of a second at every process and worker start.
      const source = `(?<![\\p{L}\\p{N}])${triggerSource(trigger)}(?![\\p{L}\\p{N}])`;
      const star = trigger.endsWith('*');
      const words = star ? trigger.slice(0, -1) : trigger;
      const bodySource = words === words.trim() ? triggerWords(words) : null;
      const first = trigger.split(/\s+/)[0].replace(/\*$/, '').toLowerCase();
      const literal = /^[\x20-\x7e]+$/.test(first) ? first : null;
      // A one-word trigger ending in "*" may go on with more letters; any other trigger's first word ends at a
      // space or a non-letter, so in the lower-cased sentence it is a whole run of [a-z0-9] (see triggerWordsIn).
      const wholeWord = literal !== null && /^[a-z0-9]+$/.test(literal) && !(trigger.endsWith('*') && !/\s/.test(trigger));
      const blockers = attr.notAfter?.[trigger];
      // Each blocker a whole word, or "'s" any possessive ("Acme's own").
      const alternatives = blockers?.map((b) => (b === "'s" ? "\\p{L}['’]s" : `(?<![\\p{L}])${b}`));
      const notAfter = alternatives ? new RegExp(`(?:${alternatives.join('|')})\\s+$`, 'iu') : null;
      const followers = attr.notBefore?.[trigger];
      const notBefore = followers ? new RegExp(`^\\s+(?:${followers.join('|')})(?![\\p{L}])`, 'iu') : null;
      for (const kind of attr.kinds) {
        const list = byKind.get(kind) ?? [];
        list.push({ attribute: attr.name, conflicts: attr.conflicts, strong, onlyBefore: attr.before === true, notAfter, notBefore, source, pattern: null, bodySource, body: null, star, literal, wholeWord });
        byKind.set(kind, list);
      }
    };
    for (const t of attr.triggers) add(t, true);
    for (const t of attr.weak ?? []) add(t, false);
  }
  return byKind;
}

function triggerSource(trigger: string): string {
  const star = trigger.endsWith('*');
  const body = triggerWords(star ? trigger.slice(0, -1) : trigger);
  return star ? `${body}\\p{L}*` : body;
}

/** The trigger's words, escaped, joined by \s+. */
function triggerWords(words: string): string {
  return words
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');
}

// One letter or digit at lastIndex (a whole code point: the u flag reads a surrogate pair as one). With the
// patterns' i flag too: case folding takes a few non-letters into \p{L} (U+0345 folds to a Greek iota).
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/iuy;
const LETTER = /\p{L}/iuy;
const NUMBER = /\p{N}/iuy;

/** Whether the code point starting at `i` matches the sticky one-code-point pattern `re`. */
function codePointIs(re: RegExp, text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  re.lastIndex = i;
  return re.test(text);
}

/** Where the code point ending just before `i` starts: a surrogate pair is one code point, as for the u flag. */
function codePointBefore(text: string, i: number): number {
  const c = text.charCodeAt(i - 1);
  if (c >= 0xdc00 && c <= 0xdfff && i >= 2) {
    const lead = text.charCodeAt(i - 2);
    if (lead >= 0xd800 && lead <= 0xdbff) return i - 2;
  }
  return i - 1;
}

/** Past the code point starting at `i`. */
function codePointAfter(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const trail = text.charCodeAt(i + 1);
    if (trail >= 0xdc00 && trail <= 0xdfff) return i + 2;
  }
  return i + 1;
}

/**
 * The end of the trigger's match starting exactly at `at` of `sentence`, or -1: what its full pattern
 * (`t.source`, flags iu) matches there. The boundaries and trailing letters are checked here rather than in one
 * pattern: compiling ~230 case-insensitive patterns with \p{L} lookarounds took ~200 ms in every process and
 * worker, the bare words a tenth of that. The words match in one way only (\s+ is followed by a non-space), then
 * "\p{L}*" takes every letter, and the lookahead fails on a letter or a digit; after all the letters only a digit
 * can follow, and giving letters back leaves a letter next, so a digit there means no match at all.
 */
export function matchAt(t: CompiledTrigger, sentence: string, at: number): number {
  if (t.bodySource === null) {
    const full = t.body ?? (t.body = new RegExp(t.source, 'iuy'));
    full.lastIndex = at;
    const m = full.exec(sentence);
    return m === null ? -1 : at + m[0].length;
  }
  if (at > 0 && codePointIs(LETTER_OR_DIGIT, sentence, codePointBefore(sentence, at))) return -1;
  const body = t.body ?? (t.body = new RegExp(t.bodySource, 'iuy'));
  body.lastIndex = at;
  const m = body.exec(sentence);
  if (m === null) return -1;
  let end = at + m[0].length;
  if (t.star) while (codePointIs(LETTER, sentence, end)) end = codePointAfter(sentence, end);
  if (codePointIs(t.star ? NUMBER : LETTER_OR_DIGIT, sentence, end)) return -1;
  return end;
}

const lexicon = data as AttributeLexicon;
const compiled = compileAttributes(lexicon);

/**
 * A kind's triggers indexed for hitsIn: whole-word triggers by their first word, the others listed, each noting
 * whether its literal is letters and digits (a prefix trigger, "invest*"), found by triggerWordsIn.
 */
interface TriggerIndex {
  triggers: CompiledTrigger[];
  byWord: Map<string, number[]>;
  others: Array<{ i: number; prefixWord: boolean }>;
}
const isAsciiWord = (s: string) => /^[a-z0-9]+$/.test(s);
const indexed = new Map<string, TriggerIndex>();
for (const [kind, triggers] of compiled) {
  const byWord = new Map<string, number[]>();
  const others: TriggerIndex['others'] = [];
  triggers.forEach((t, i) => {
    if (!t.wholeWord) others.push({ i, prefixWord: t.literal !== null && isAsciiWord(t.literal) });
    else {
      const list = byWord.get(t.literal as string);
      if (list) list.push(i);
      else byWord.set(t.literal as string, [i]);
    }
  });
  indexed.set(kind, { triggers, byWord, others });
}
const following = lexicon.attributes.flatMap((a) =>
  (a.after ?? []).map((phrase) => ({
    attribute: a,
    pattern: new RegExp(`^[\\s,]{0,2}${triggerSource(phrase)}(?![\\p{L}\\p{N}])`, 'iu'),
  })),
);

const CHANGE = 'change';
const LEVEL_BEFORE = /(?<![\p{L}])to\s+(?:(?:about|around|roughly|nearly|almost|some)\s+)?$/iu;
// "raised its estimate of insured losses", "raised the death toll": raising a figure is no raising of money or pay.
const RAISED_FIGURE = /^\s+(?:its|their|his|her|the|our|this|that)\s+(?:\p{L}+\s+)?(?:estimates?|forecasts?|outlook|guidance|targets?|projections?|predictions?|expectations?|ratings?|toll|count|number)(?![\p{L}])/iu;
const isRaise = (trigger: string) => /^rais/i.test(trigger);
// "The death toll from the storm rose to 12 on Monday": a date after a toll is when the toll stood so, whatever
// nearer word names the event.
const TOLL_BEFORE = /(?<![\p{L}])toll(?![\p{L}])/iu;
const TOLL_DATE = 'toll date';
// What an inquiry, a row or a probe is about comes after "into" or "over": "an inquiry into the collapse".
const INTO_BEFORE = /(?<![\p{L}])(?:into|over)\s+(?:(?:the|a|an|its|their|this|that|last\s+\p{L}+['’]s|\p{L}+['’]s)\s+)?$/iu;
// Words that set a date against another event: "weeks after the breach", "a day before the attack".
const RELATIVE_TO = /(?<![\p{L}])(?:after|before|since|following|ahead\s+of)(?![\p{L}])/iu;
// How far before a trigger its notAfter words (and after it its notBefore words) are looked for: they are single
// short words ("her", "their", "holders").
const NOT_AFTER_REACH = 24;

/**
 * The attribute of a mention at [start, end) of `sentence` (offsets relative to the sentence):
 * the nearest strong trigger (the longest of those as near), else the nearest weak one, else the generic attribute of
 * the kind.
 */
export function findAttribute(kind: string, sentence: string, start: number, end: number): AttributeMatch {
  const rest = sentence.slice(end, end + 40);
  for (const f of following) {
    const m = f.attribute.kinds.includes(kind as never) ? rest.match(f.pattern) : null;
    if (m) return { name: f.attribute.name, conflicts: f.attribute.conflicts, trigger: m[0].trim() };
  }
  if (kind === 'date' && TOLL_BEFORE.test(sentence.slice(0, start))) {
    const toll = hitsIn(kind, sentence).find((h) => h.t.attribute === TOLL_DATE && h.end <= start);
    if (toll) return { name: TOLL_DATE, conflicts: toll.t.conflicts, trigger: toll.text };
  }
  let best: { t: CompiledTrigger; distance: number; text: string } | undefined;
  // "Revenue rose 13% to $1.3 billion": a sum a change arrives at is a level of what changed, not the change.
  const level = kind === 'money' && LEVEL_BEFORE.test(sentence.slice(Math.max(0, start - 24), start));
  for (const { t, start: mStart, end: mEnd, text } of hitsIn(kind, sentence)) {
    if (mStart < end && mEnd > start) continue; // inside the mention itself
    if (level && t.attribute === CHANGE) continue;
    if (t.onlyBefore && mStart >= end) continue;
    // "until May 9, weeks after the firm discovered the breach": a date set against a later-named event is not its.
    if (kind === 'date' && mStart >= end && RELATIVE_TO.test(sentence.slice(end, mStart))) continue;
    // "An inquiry into the collapse of the bridge opened on Monday": the event is what the inquiry is about.
    if (kind === 'date' && mEnd <= start && INTO_BEFORE.test(sentence.slice(Math.max(0, mStart - 40), mStart))) continue;
    if (t.notAfter?.test(sentence.slice(Math.max(0, mStart - NOT_AFTER_REACH), mStart))) continue;
    if (t.notBefore?.test(sentence.slice(mEnd, mEnd + NOT_AFTER_REACH))) continue;
    if (inCompound(sentence, mStart) || HYPHEN_AFTER.test(sentence.slice(mEnd, mEnd + 2))) continue;
    if (isRaise(text) && RAISED_FIGURE.test(sentence.slice(mEnd, mEnd + 40))) continue;
    const distance = mEnd <= start ? start - mEnd : mStart - end;
    // At the same distance the longer trigger is the more specific: "insured losses" (damage) over "losses" (profit).
    const better =
      !best ||
      (t.strong && !best.t.strong) ||
      (t.strong === best.t.strong && (distance < best.distance || (distance === best.distance && text.length > best.text.length)));
    if (better) best = { t, distance, text };
  }
  // "14% of its deposits", "22% of the group's revenue": a share of something, which outlets word alike whatever
  // trigger words stand around it. It names the attribute unless a trigger of one that conflicts is nearer.
  if (kind === 'percent' && (!best || !best.t.conflicts)) {
    const share = shareOf(sentence, start, end);
    if (share) return share;
  }
  if (!best) return { name: GENERIC_ATTRIBUTE[kind] ?? kind, conflicts: false, trigger: null };
  return { name: best.t.attribute, conflicts: best.t.conflicts, trigger: best.text };
}

// A trigger joined by a hyphen to the word before it is part of a compound of another sense ("the highest-paid
// player", "a fast-growing rival", "a non-deal roadshow"), unless that word is a prefix ("co-founded").
const COMPOUND_BEFORE = /(?<![\p{L}])(\p{L}+)-$/u;
const WORD_PREFIXES = new Set(['co', 're', 'pre', 'un', 'ex']);
// So is one joined to the word after it: "loss-making stores", "a deal-making streak", "a grant-funded post".
const HYPHEN_AFTER = /^-\p{Ll}/u;
function inCompound(sentence: string, at: number): boolean {
  if (at < 2 || sentence[at - 1] !== '-') return false;
  const m = COMPOUND_BEFORE.exec(sentence.slice(Math.max(0, at - 24), at));
  return m !== null && !WORD_PREFIXES.has(m[1].toLowerCase());
}

/** The prefix of the attribute of a share of something ("share of deposits"); such attributes conflict. */
const SHARE_OF = 'share of ';
// "of" after a percentage, an optional determiner, an optional name (possessive or not); then the words of what
// it is a share of (LOWER_WORD, one at a time).
const OF_AFTER =
  /^\s+of\s+(?:(?:the|its|their|his|her|our|all|any|this|that|these|those|each|every)\s+)?(?:((?:\p{Lu}[\p{L}\p{N}&.'’-]*\s+){0,3}\p{Lu}[\p{L}\p{N}&.'’-]*?)(['’]s?)?(?![\p{L}\p{N}&.'’-]))?/u;
// A possessive word owns what follows: "the company's annual turnover" is a share of turnover.
const LOWER_WORD = /\s*([\p{Ll}][\p{Ll}-]*)(['’]s?)?(?![\p{L}\p{N}'’])/uy;
// What a share "of its value" is: a change of price ("lost 85% of its value"), not a share of a thing.
const NOT_SHARES = new Set(['value', 'worth', 'price']);
// Words that end the noun phrase after "of" ("14% of its deposits in a week").
const PHRASE_END = new Set(
  'in on at for to from by with since and or but that which who whom whose is are was were has have had will would can could may might be been as than over under after before during about across per through into between among against within without'.split(
    ' ',
  ),
);
// Words after a name that end the phrase of a share there ("3% of GDP last year", "12% of Acme alone").
const AFTER_NAME_END = new Set('last next this a an the each every year years alone itself so now already yet still too also ago earlier later'.split(' '));
// Heads that say how a thing is measured, not what it is: "copper output" is a share of copper.
const MEASURE_HEADS = new Set(['output', 'production', 'traffic', 'volume', 'volumes', 'supply', 'supplies', 'total', 'base', 'capacity']);
// Words for one measure, written differently by different outlets.
const SHARE_SYNONYMS: Record<string, string> = { sales: 'revenue', revenues: 'revenue', turnover: 'revenue', income: 'revenue' };
// Words before a percentage of a named company that make it a stake ("holds 34% of Acme").
const HOLDS_BEFORE = /(?<![\p{L}])(?:holds?|held|owns?|owned|controls?|controlled|bought|buys?|acquired?|acquires|sold|sells?|took|takes?|taking|keeps?|kept|retains?|retained)(?:\s+(?:a|an|about|around|roughly|nearly|almost|some|just|over|under|more\s+than|less\s+than))*\s+$/iu;

/** The attribute of a percentage followed by "of" and what it is a share of; null when no noun follows. */
function shareOf(sentence: string, start: number, end: number): AttributeMatch | null {
  const m = OF_AFTER.exec(sentence.slice(end, end + 120));
  if (!m) return null;
  const [, name, possessive] = m;
  const tail = sentence.slice(end + m[0].length, end + 160);
  // After a name that is not possessive, nor an adjective ("the Dublin-based company's"), the words are not of the
  // phrase ("3% of GDP last year"), unless the name qualifies a noun: "68% of Acme Fest ticket holders".
  LOWER_WORD.lastIndex = 0;
  const next = name !== undefined && possessive === undefined ? LOWER_WORD.exec(tail) : null;
  const qualifies = next !== null && next[2] === undefined && !PHRASE_END.has(next[1]) && !AFTER_NAME_END.has(next[1]);
  const held = name !== undefined && HOLDS_BEFORE.test(sentence.slice(Math.max(0, start - 40), start));
  const nameEnds = name !== undefined && possessive === undefined && !/-\p{Ll}+$/u.test(name) && (held || !qualifies);
  LOWER_WORD.lastIndex = 0;
  // The name that qualifies a noun is the phrase's first word ("40% of Norway's output" and "of Norway output").
  const words: string[] = name !== undefined && !nameEnds && possessive === undefined ? [name.split(/\s+/).pop()!.toLowerCase()] : [];
  let read = 0;
  for (let w = nameEnds ? null : LOWER_WORD.exec(tail); w && words.length < 4 && !PHRASE_END.has(w[1]); w = LOWER_WORD.exec(tail)) {
    read = LOWER_WORD.lastIndex;
    if (w[2] === undefined) words.push(w[1]);
    else words.length = 0;
  }
  const trigger = sentence.slice(end, end + m[0].length + read).trim();
  if (nameEnds) {
    // "34% of Acme": a stake when held, bought or sold; else a share of the named thing ("38% of the Grampians
    // National Park").
    if (held) return { name: 'stake', conflicts: true, trigger };
    words.push(name.split(/\s+/).pop()!.toLowerCase());
  }
  if (words.length === 0) return null;
  while (words.length > 1 && MEASURE_HEADS.has(words[words.length - 1])) words.pop();
  const head = words[words.length - 1];
  if (head.length < 3 || NOT_SHARES.has(head)) return null;
  return { name: `${SHARE_OF}${SHARE_SYNONYMS[head] ?? head}`, conflicts: true, trigger };
}

interface TriggerHit {
  t: CompiledTrigger;
  start: number;
  end: number;
  text: string;
}

// The mentions of one sentence come one after another, their kinds interleaved (a sum, a share, a date): each
// kind's trigger matches are found once per sentence, not once per mention.
const lastHits = new Map<string, { sentence: string; hits: TriggerHit[] }>();
let lastFolded: ({ sentence: string; folded: string } & SentenceTriggers) | null = null;

/** The trigger first words a sentence holds (see triggerWordsIn). */
export interface SentenceTriggers {
  /** Whole-word literals that are a run of [a-z0-9] of the sentence. */
  words: string[];
  /** Prefix literals ("invest" of "invest*") that start a run of [a-z0-9] of the sentence. */
  prefixes: string[];
  /** Where each whole-word literal is a run: the start of every such run, ascending. */
  wordStarts: Map<string, number[]>;
  /** Where each prefix literal starts a run, ascending. */
  prefixStarts: Map<string, number[]>;
}

const isAsciiWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

// Every kind's trigger literals that triggerWordsIn looks for, by their first character: whole-word literals (the
// first word of a whole-word trigger) and prefix literals (a one-word "word*" trigger of letters and digits).
interface Literal {
  literal: string;
  whole: boolean;
}
const LITERALS_BY_FIRST = new Map<number, Literal[]>();
for (const index of indexed.values()) {
  for (const t of index.triggers) {
    if (t.literal === null || !isAsciiWord(t.literal)) continue;
    const entry = { literal: t.literal, whole: t.wholeWord };
    const list = LITERALS_BY_FIRST.get(t.literal.charCodeAt(0)) ?? [];
    if (!list.some((l) => l.literal === entry.literal && l.whole === entry.whole)) list.push(entry);
    LITERALS_BY_FIRST.set(t.literal.charCodeAt(0), list);
  }
}

/** For tests: the literals triggerWordsIn looks for. */
export function triggerLiterals(): Literal[] {
  return [...LITERALS_BY_FIRST.values()].flat();
}

/**
 * The trigger literals found at the maximal runs of [a-z0-9] of the lower-cased sentence, each once, in order of
 * first appearance. A trigger match starts after a non-letter and its first word is followed by a space or a
 * non-letter; lower-casing maps no non-letter to an ASCII letter or digit, and the only non-ASCII letters the
 * patterns' case folding equates with ASCII ones (the Kelvin sign, the long s) become ASCII in `folded`. So a
 * whole-word literal that is not one of these runs, or a prefix literal that starts none of them, cannot match.
 * Read by hand from character codes, comparing in place: a run that starts no literal, nearly all, costs one Map
 * lookup and no string. (A substring search per prefix trigger over the whole sentence was most of hitsIn's time.)
 * The lists hold at most the distinct literals, so the duplicate checks are bounded by the lexicon.
 */
export function triggerWordsIn(folded: string): SentenceTriggers {
  const words: string[] = [];
  const prefixes: string[] = [];
  const wordStarts = new Map<string, number[]>();
  const prefixStarts = new Map<string, number[]>();
  const n = folded.length;
  let i = 0;
  while (i < n) {
    if (!isAsciiWordChar(folded.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && isAsciiWordChar(folded.charCodeAt(i))) i++;
    const candidates = LITERALS_BY_FIRST.get(folded.charCodeAt(start));
    if (candidates === undefined) continue;
    for (const { literal, whole } of candidates) {
      if (whole ? literal.length !== i - start : literal.length > i - start) continue;
      if (!folded.startsWith(literal, start)) continue;
      const starts = whole ? wordStarts : prefixStarts;
      const at = starts.get(literal);
      if (at !== undefined) at.push(start);
      else {
        starts.set(literal, [start]);
        (whole ? words : prefixes).push(literal);
      }
    }
  }
  return { words, prefixes, wordStarts, prefixStarts };
}

/**
 * Sorts a short list of numbers ascending in place, by insertion: Array.prototype.sort allocates a work array per
 * call, and this runs per sentence and kind. The lists hold trigger indices of one kind, so their length is bounded
 * by the lexicon (a few hundred at most) and the quadratic worst case stays small.
 */
export function sortSmall(a: number[]): void {
  for (let i = 1; i < a.length; i++) {
    const v = a[i];
    let j = i - 1;
    while (j >= 0 && a[j] > v) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = v;
  }
}

/** Every match of every trigger of the kind in the sentence, in trigger order then position order. */
function hitsIn(kind: string, sentence: string): TriggerHit[] {
  const last = lastHits.get(kind);
  if (last && last.sentence === sentence) return last.hits;
  // A cheap substring test skips most of the ~100 patterns (and their compilation). Lower-casing is at least as
  // permissive as the patterns' case folding for ASCII words, except the long s, which folds to "s".
  if (!lastFolded || lastFolded.sentence !== sentence) {
    let folded = sentence.toLowerCase();
    if (folded.includes('\u017f')) folded = folded.replace(/\u017f/g, 's');
    lastFolded = { sentence, folded, ...triggerWordsIn(folded) };
  }
  const { folded, words, prefixes, wordStarts, prefixStarts } = lastFolded;
  // Lower-casing keeps offsets unless a character grows (only "İ" does; none shrinks), so the run starts found in
  // `folded` are offsets into `sentence` whenever the lengths agree.
  const aligned = folded.length === sentence.length;
  const hits: TriggerHit[] = [];
  const index = indexed.get(kind);
  if (!index) {
    lastHits.set(kind, { sentence, hits });
    return hits;
  }
  // The triggers that may match, in trigger order: whole-word ones whose first word is a word of the sentence (one
  // Map lookup per sentence word instead of one Set lookup per trigger), the others by a substring test.
  const candidates: number[] = [];
  for (const w of words) {
    const list = index.byWord.get(w);
    if (list) for (const i of list) candidates.push(i);
  }
  for (const { i, prefixWord } of index.others) {
    const literal = index.triggers[i].literal;
    // A letters-and-digits literal of a prefix trigger must start a word (triggerWordsIn); others are searched.
    if (literal === null || (prefixWord ? prefixes.includes(literal) : folded.includes(literal))) candidates.push(i);
  }
  sortSmall(candidates);
  for (const i of candidates) {
    const t = index.triggers[i];
    // A match of a letters-and-digits first word starts where triggerWordsIn saw that word (or prefix) start a run,
    // so the trigger is tried there alone (matchAt) instead of scanning the sentence; skipping starts inside the last
    // match gives exactly the global scan's non-overlapping matches. Running the global pattern over every
    // candidate's sentence was most of hitsIn's time.
    const starts = !aligned || t.literal === null ? undefined : t.wholeWord ? wordStarts.get(t.literal) : prefixStarts.get(t.literal);
    if (starts !== undefined) {
      let from = 0;
      for (const at of starts) {
        if (at < from) continue;
        const end = matchAt(t, sentence, at);
        if (end < 0) continue;
        hits.push({ t, start: at, end, text: sentence.slice(at, end) });
        from = end;
      }
      continue;
    }
    const pattern = t.pattern ?? (t.pattern = new RegExp(t.source, 'giu'));
    pattern.lastIndex = 0;
    for (let m = pattern.exec(sentence); m; m = pattern.exec(sentence)) {
      hits.push({ t, start: m.index, end: m.index + m[0].length, text: m[0] });
    }
  }
  lastHits.set(kind, { sentence, hits });
  return hits;
}

const conflictingAttributes = new Set(
  lexicon.attributes.filter((a) => a.conflicts).map((a) => a.name),
);

/** Whether two different values of this attribute about one subject are a disagreement. */
export function attributeConflicts(name: string): boolean {
  return conflictingAttributes.has(name) || name.startsWith(SHARE_OF);
}

const recurringAttributes = new Set(lexicon.attributes.filter((a) => a.recurs === true).map((a) => a.name));

/** Whether this attribute names an event that recurs (elections, hearings): its dates in different years are
 *  different events, not a disagreement. */
export function attributeRecurs(name: string): boolean {
  return recurringAttributes.has(name);
}
