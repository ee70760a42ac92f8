// Entity extractor: people, organisations and places in one document, by a linear scan for capitalised words,
// word lists and nearby cues (never compromise's full parse). Names are settled per document by entities-resolve.
import { cachedCanonicalKey as canonicalKey } from './canonical-key.js';
import { type Env, type ListCue, type Verdict, classify, listCueBefore, looksImperative } from './entities-classify.js';
import { isOrgSuffix } from './org-suffix.js';
import { type Mention, resolveInDocument } from './entities-resolve.js';
import { type Piece, type Token, capitalisedRuns, isCapitalised, splitRun, tokenize } from './entities-tokens.js';
import type { EntityKind } from '../model/report.js';
import { type ExtractContext, type Sentence, sentenceAt } from './text.js';
import type { EntityFound } from './types.js';
import { countLetterRuns } from './words.js';
import { type LeftWords, readLeftWords } from './entities-left.js';
import { mapped } from '../util/mapped.js';

const INTRINSIC_REASONS = new Set(['lexicon-org', 'lexicon-person', 'lexicon-place', 'org-suffix', 'org-suffix-weak', 'mixed-case', 'acronym', 'place-acronym']);
// Items of one list: "Lyft, Uber, and Grab".
const LIST_GAP = /^(?:[’']s)?(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+)$/u;
const MAX_NAME_WORDS = 6;
const POSSESSIVE_GAP = /^[’']s\s+$/u;

export function extractEntities(ctx: ExtractContext): EntityFound[] {
  const { text } = ctx;
  if (text.length === 0) return [];
  const tokens = tokenize(ctx);
  const env = new DocumentEnv(ctx, tokens);
  const pieces: Piece[] = [];
  for (const run of capitalisedRuns(tokens, text)) splitRun(run, text, pieces);

  // List cues carry along the list: "companies such as A, B and C".
  const lists: Array<ListCue | null> = mapped(pieces, (p) => listCueBefore(env, p));
  for (let i = 1; i < pieces.length; i++) {
    if (lists[i] === null && lists[i - 1] !== null && LIST_GAP.test(text.slice(pieces[i - 1].end, pieces[i].start))) lists[i] = lists[i - 1];
  }
  const verdicts: Verdict[] = mapped(pieces, (p, i) => classify(env, p, lists[i]));

  const products = new Set<string>();
  // Names of storms ("Marisol" of "Hurricane Marisol"): not entities wherever they are written.
  const storms = new Set<string>();
  verdicts.forEach((v, i) => {
    if (!v.accept && v.product) products.add(canonicalKey(pieces[i].text));
    if (!v.accept && v.storm) storms.add(canonicalKey(v.storm));
  });

  const mentions: Mention[] = [];
  const rescue: Piece[] = [];
  const maybePeople: Piece[] = [];
  verdicts.forEach((v, i) => {
    const p = pieces[i];
    if (v.accept) {
      mentions.push({
        start: v.start,
        end: v.end,
        kind: v.kind,
        strength: v.strength,
        surface: v.canonical ?? text.slice(v.start, v.end),
        intrinsic: INTRINSIC_REASONS.has(v.reason),
        weakSpelling: p.initial || p.headline,
      });
    } else if (!v.hard) {
      if (v.maybePerson) maybePeople.push(p);
      rescue.push(p);
    }
  });
  const evidenced = new Set(personEvidence(ctx, tokens, maybePeople, mentions));
  for (const p of maybePeople) {
    if (!evidenced.has(p)) continue;
    mentions.push({ start: p.start, end: p.end, kind: 'person', strength: 1, surface: p.text, intrinsic: false, weakSpelling: p.initial || p.headline });
  }
  if (evidenced.size > 0) rescue.splice(0, rescue.length, ...rescue.filter((p) => !evidenced.has(p)));
  const found = [...mentions, ...rescueKnownNames(env, rescue, mentions, products)].sort((a, b) => a.start - b.start);
  ownedProducts(text, found, products);
  return resolveInDocument(
    found.filter((m) => (m.strength >= 3 || !products.has(canonicalKey(m.surface))) && (storms.size === 0 || !storms.has(canonicalKey(m.surface)))),
  );
}

/**
 * What classification reads of the whole document, and what it keeps of it while the document is read. A class,
 * and no module-level cache. It used to be an object literal with a getter, whose closure held the document's
 * tokens: with it, each document's tokens survived the young generation's collections and were promoted, ~500 MB
 * over 2,000 documents (a sixth of all extraction allocated), then collected by full collections. The likely
 * cause: each literal with a fresh getter gets a hidden class of its own, which V8 keeps in the old generation, and
 * an old object that points at young ones keeps them alive until the next full collection. A module-level WeakMap
 * keyed by the document's sentences did the same on a smaller scale. With this class, ~200 MB.
 */
class DocumentEnv implements Env {
  readonly text: string;
  private lower: Set<string> | undefined;
  private readonly left = new Map<number, LeftWords>();
  private readonly sentenceWords = new Map<Sentence, number>();

  constructor(
    private readonly ctx: ExtractContext,
    private readonly tokens: Token[],
  ) {
    this.text = ctx.text;
  }

  /** Built on first use: few pieces ever ask whether the document writes a word in lower case. */
  get lowerWords(): Set<string> {
    if (this.lower === undefined) {
      // A loop rather than filter/map: two arrays as long as the document's words are not needed.
      this.lower = new Set();
      for (const t of this.tokens) if (t.shape === 'lower') this.lower.add(t.lower);
    }
    return this.lower;
  }

  /** The words before `start`. The result is shared between callers: do not modify it. */
  leftWords(start: number): LeftWords {
    let l = this.left.get(start);
    if (l === undefined) {
      l = readLeftWords(this.text, start);
      this.left.set(start, l);
    }
    return l;
  }

  /** How many words the sentence at `offset` has (0 outside every sentence). */
  wordsInSentenceAt(offset: number): number {
    const s = sentenceAt(this.ctx.sentences, offset);
    if (!s) return 0;
    let n = this.sentenceWords.get(s);
    if (n === undefined) {
      n = countLetterRuns(s.text);
      this.sentenceWords.set(s, n);
    }
    return n;
  }
}

const PRONOUN = /(?<![\p{L}])(?:he|she|his|her|him|himself|herself)(?![\p{L}])/iu;

/**
 * Which name-shaped pieces with no cue of their own are people, by evidence elsewhere in the document: another
 * person shares the surname ("Mayor Ruiz" ... "Ana Ruiz"), or the surname stands alone in a sentence with he/she
 * ("Ruiz said she ..."). Without evidence the piece stays out (a two-word capitalised name is as often a club,
 * venue or firm as a person).
 */
function personEvidence(ctx: ExtractContext, tokens: Token[], candidates: Piece[], mentions: Mention[]): Piece[] {
  if (candidates.length === 0) return [];
  const surnames = new Set<string>();
  for (const m of mentions) {
    if (m.kind !== 'person') continue;
    const words = m.surface.split(/\s+/);
    surnames.add(canonicalKey(words[words.length - 1]));
  }
  // Surnames written alone (not right after another capitalised word) in a sentence with he/she. Indexed once and
  // memoised per word and per sentence, so the cost stays linear in the document.
  const wanted = new Set(candidates.map((p) => p.tokens[p.tokens.length - 1].text));
  const where = new Map<string, number[]>();
  tokens.forEach((t, i) => {
    if (!wanted.has(t.text)) return;
    const list = where.get(t.text);
    if (list) list.push(i);
    else where.set(t.text, [i]);
  });
  const pronounIn = new Map<number, boolean>();
  const lone = new Map<string, boolean>();
  const loneWithPronoun = (word: string): boolean => {
    const known = lone.get(word);
    if (known !== undefined) return known;
    let found = false;
    for (const i of where.get(word) ?? []) {
      const t = tokens[i];
      const prev = tokens[i - 1];
      if (prev !== undefined && isCapitalised(prev) && prev.line === t.line && /^\s+$/.test(ctx.text.slice(prev.end, t.start))) continue;
      const s = sentenceAt(ctx.sentences, t.start);
      if (s === undefined) continue;
      if (!pronounIn.has(s.index)) pronounIn.set(s.index, PRONOUN.test(s.text));
      if (pronounIn.get(s.index) === true) {
        found = true;
        break;
      }
    }
    lone.set(word, found);
    return found;
  };
  return candidates.filter((p) => {
    const last = p.tokens[p.tokens.length - 1].text;
    return surnames.has(canonicalKey(last)) || loneWithPronoun(last);
  });
}

/** "Acme's Widget": a bare capitalised word owned by an organisation is its product, unless the word proves otherwise. */
function ownedProducts(text: string, found: Mention[], products: Set<string>): void {
  for (let i = 1; i < found.length; i++) {
    const m = found[i];
    const owner = found[i - 1];
    if (m.strength > 1 || m.intrinsic || /\s/.test(m.surface) || owner.kind !== 'organization') continue;
    if (POSSESSIVE_GAP.test(text.slice(owner.end, m.start))) products.add(canonicalKey(m.surface));
  }
}
/**
 * Names the document already established are names wherever they are written: at a sentence start, in a heading,
 * as a surname ("Smith") or a one-word stem ("Acme"). Matches the longest known name inside each rejected piece.
 */
function rescueKnownNames(env: DocumentEnv, pieces: Piece[], known: Mention[], products: Set<string>): Mention[] {
  const gazetteer = new Map<string, EntityKind>();
  const strongest = new Map<string, number>();
  const note = (key: string, kind: EntityKind, strength: number) => {
    if (key === '' || (strongest.get(key) ?? 0) >= strength) return;
    strongest.set(key, strength);
    gazetteer.set(key, kind);
  };
  for (const m of known) {
    note(canonicalKey(m.surface), m.kind, m.strength + 1);
    // A one-word name (most) has nothing more to note: skip the split.
    if (!/\s/.test(m.surface)) continue;
    const words = m.surface.split(/\s+/);
    if (words.length < 2) continue;
    if (m.kind === 'person') note(canonicalKey(words[words.length - 1]), 'person', m.strength);
    if (m.kind === 'organization' && words.slice(1).every((w) => isOrgSuffix(w) !== null)) note(canonicalKey(words[0]), 'organization', m.strength);
  }
  const out: Mention[] = [];
  for (const p of pieces) {
    const toks = p.tokens;
    let i = 0;
    while (i < toks.length) {
      let matched = 0;
      // Names are short: looking at most MAX_NAME_WORDS ahead keeps this linear on a line of capitals.
      for (let j = Math.min(toks.length, i + MAX_NAME_WORDS); j > i; j--) {
        // A one-word span is its token's text already (no slice).
        const span = j - i === 1 ? toks[i].text : env.text.slice(toks[i].start, toks[j - 1].end);
        const key = canonicalKey(span);
        const kind = gazetteer.get(key);
        if (kind === undefined || products.has(key)) continue;
        if (j - i === 1 && looksImperative(env, toks[i], env.wordsInSentenceAt(toks[i].start))) continue;
        out.push({
          start: toks[i].start,
          end: toks[j - 1].end,
          kind,
          strength: 1,
          surface: span,
          intrinsic: false,
          weakSpelling: true,
        });
        matched = j - i;
        break;
      }
      i += matched > 0 ? matched : 1;
    }
  }
  return out;
}

