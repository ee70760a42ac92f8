// Decides what a number or date is about ("deal value", "stake", "announcement date") from trigger words in its
// sentence. The vocabulary is data (lexicon/attributes.json), validated here when the module loads.
import { z } from 'zod';
import data from './lexicon/attributes.json' with { type: 'json' };

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
      }),
    )
    .min(1),
});
export type AttributeLexicon = z.infer<typeof AttributeLexicon>;

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
  /** The pattern's source; `pattern` is built from it (flags giu) the first time a sentence may hold the trigger. */
  source: string;
  pattern: RegExp | null;
  /** The trigger's first word, lower-cased, when plain ASCII: a sentence without it cannot match (see hitsIn). */
  literal: string | null;
  /** The literal is letters and digits and must be a whole word of the sentence (no trailing "*" on it). */
  wholeWord: boolean;
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
      const first = trigger.split(/\s+/)[0].replace(/\*$/, '').toLowerCase();
      const literal = /^[\x20-\x7e]+$/.test(first) ? first : null;
      // A one-word trigger ending in "*" may go on with more letters; any other trigger's first word ends at a
      // space or a non-letter, so in the lower-cased sentence it is a whole run of [a-z0-9] (see sentenceWords).
      const wholeWord = literal !== null && /^[a-z0-9]+$/.test(literal) && !(trigger.endsWith('*') && !/\s/.test(trigger));
      for (const kind of attr.kinds) {
        const list = byKind.get(kind) ?? [];
        list.push({ attribute: attr.name, conflicts: attr.conflicts, strong, onlyBefore: attr.before === true, source, pattern: null, literal, wholeWord });
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
  const body = (star ? trigger.slice(0, -1) : trigger)
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');
  return star ? `${body}\\p{L}*` : body;
}

const lexicon = AttributeLexicon.parse(data);
const compiled = compileAttributes(lexicon);

/** A kind's triggers indexed for hitsIn: whole-word triggers by their first word, the others listed. */
interface TriggerIndex {
  triggers: CompiledTrigger[];
  byWord: Map<string, number[]>;
  others: number[];
}
const indexed = new Map<string, TriggerIndex>();
for (const [kind, triggers] of compiled) {
  const byWord = new Map<string, number[]>();
  const others: number[] = [];
  triggers.forEach((t, i) => {
    if (!t.wholeWord) others.push(i);
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

/**
 * The attribute of a mention at [start, end) of `sentence` (offsets relative to the sentence):
 * the nearest strong trigger, else the nearest weak one, else the generic attribute of the kind.
 */
export function findAttribute(kind: string, sentence: string, start: number, end: number): AttributeMatch {
  const rest = sentence.slice(end, end + 40);
  for (const f of following) {
    const m = f.attribute.kinds.includes(kind as never) ? rest.match(f.pattern) : null;
    if (m) return { name: f.attribute.name, conflicts: f.attribute.conflicts, trigger: m[0].trim() };
  }
  let best: { t: CompiledTrigger; distance: number; text: string } | undefined;
  for (const { t, start: mStart, end: mEnd, text } of hitsIn(kind, sentence)) {
    if (mStart < end && mEnd > start) continue; // inside the mention itself
    if (t.onlyBefore && mStart >= end) continue;
    const distance = mEnd <= start ? start - mEnd : mStart - end;
    const better =
      !best ||
      (t.strong && !best.t.strong) ||
      (t.strong === best.t.strong && distance < best.distance);
    if (better) best = { t, distance, text };
  }
  if (!best) return { name: GENERIC_ATTRIBUTE[kind] ?? kind, conflicts: false, trigger: null };
  return { name: best.t.attribute, conflicts: best.t.conflicts, trigger: best.text };
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
let lastFolded: { sentence: string; folded: string; words: Set<string> } | null = null;

/**
 * The maximal runs of [a-z0-9] in the lower-cased sentence. A trigger match starts after a non-letter and its first
 * word is followed by a space or a non-letter; lower-casing maps no non-letter to an ASCII letter or digit, and the
 * only non-ASCII letters the patterns' case folding equates with ASCII ones (the Kelvin sign, the long s) become
 * ASCII in `folded`. So a whole-word literal that is not one of these runs cannot match: one Set lookup instead of a
 * substring search per trigger.
 */
function sentenceWords(folded: string): Set<string> {
  return new Set(folded.match(/[a-z0-9]+/g) ?? []);
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
    lastFolded = { sentence, folded, words: sentenceWords(folded) };
  }
  const { folded, words } = lastFolded;
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
  for (const i of index.others) {
    const literal = index.triggers[i].literal;
    if (literal === null || folded.includes(literal)) candidates.push(i);
  }
  candidates.sort((a, b) => a - b);
  for (const i of candidates) {
    const t = index.triggers[i];
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
  return conflictingAttributes.has(name);
}
