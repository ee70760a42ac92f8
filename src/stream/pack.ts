// Turns one document's extraction result into what a streamed report needs from it, in the worker that extracted
// it: the mentions and claims already written as report text, the fact items as lines for the merge's spool files,
// and the entity names for the corpus-wide canonical names. What cannot be written before every document has been
// seen (an entity's corpus-wide name and kind, a speaker's, a role's organisation) is left as a slot the report
// fills in at the end. The thread appends the text to its spool files (extract.ts): no mention stays in memory.
import type { DocumentResult } from '../extract/document.js';
import { factHead, isFactItem, subjectIds } from '../merge/facts.js';
import type { Claim, Document, EntityKind, Mention } from '../model/report.js';
import { jsonSafe } from '../report/escape.js';

/** json: elements of the pretty-printed report's arrays; ndjson: one typed record per line. */
export type PackStyle = 'json' | 'ndjson';

/** Spool files (per thread) the fact items are spread over by their head: a bucket's keys are read back together,
 *  one bucket at a time, so more buckets mean fewer held at once. */
export const ITEM_BUCKETS = 32;

/** The spool file of one thread's items of one bucket. */
export function itemFile(thread: string, bucket: number): string {
  return `${thread}-items-${bucket}`;
}

/**
 * A slot in spooled text: SLOT_OPEN + JSON [type, kind, name] + SLOT_CLOSE. JSON.stringify escapes every C0
 * control character, so report text never holds these two raw.
 */
export const SLOT_OPEN = '\u0001';
export const SLOT_CLOSE = '\u0002';
/** k: an entity's kind, n: its name, s: a quote's speaker, o: a role's organisation; m: a whole mention (compact
 *  JSON) whose slots could not be placed, written out by the report instead. */
export type SlotType = 'k' | 'n' | 's' | 'o' | 'm';

export interface Packed {
  document: Document;
  /** Entity mentions, counted per [kind, name as the document settled it, as written]. */
  entities: Array<[EntityKind, string, string, number]>;
  /** Mention elements joined by the style's separator, in pieces to write one after the other (none when no
   *  mention). A document with many mentions is never one string: it could pass V8's limit on a string's length. */
  mentions: string[];
  mentionCount: number;
  /** Claim elements, in pieces likewise (json style only; NDJSON has no claim records). */
  claims: string[];
  claimCount: number;
  /**
   * Fact items in document order: the bucket and head they go to, what grouping reads (an ItemKey, as JSON) and the
   * item itself (the mention or claim trimmed to what facts use, as JSON), read only when its group is built.
   */
  items: Array<{ bucket: number; head: string; key: string; json: string }>;
}

/** What grouping reads of a fact item: the entities it is about, as [kind, name as the document settled it], and its
 *  qualifier. */
export type ItemKey = [Array<[EntityKind, string]>, string | null];

export function separator(style: PackStyle): string {
  return style === 'json' ? ',\n' : '\n';
}

/**
 * A value as an element of the pretty report's arrays: printed inside an array inside an object, it comes out
 * indented as the report nests it, in one JSON.stringify and with no second pass to indent it (a fact with thousands
 * of sources is megabytes of text).
 */
function nested(value: object): string {
  const text = JSON.stringify({ a: [value] }, null, 2);
  // '{\n  "a": [\n' … '\n  ]\n}'
  return text.slice(11, text.length - 6);
}

type ElementType = 'document' | 'mention' | 'fact' | 'warning';

/** One element of the report's arrays in this style: indented inside the pretty report, or a typed NDJSON line. */
export function element(style: PackStyle, type: ElementType, value: object): string {
  return jsonSafe(printed(style, type, value));
}

/** element's text before jsonSafe: for values whose strings hold no character it escapes. */
function printed(style: PackStyle, type: ElementType, value: object): string {
  return style === 'ndjson' ? JSON.stringify({ type, ...value }) : nested(value);
}

const TOKEN = {
  k: '\u0000facts-slot-kind\u0000',
  n: '\u0000facts-slot-name\u0000',
  s: '\u0000facts-slot-speaker\u0000',
  o: '\u0000facts-slot-org\u0000',
} as const;

export function slot(type: SlotType, kind: string, name: string): string {
  return `${SLOT_OPEN}${JSON.stringify([type, kind, name])}${SLOT_CLOSE}`;
}

function isEntity(m: Mention): m is Extract<Mention, { kind: EntityKind }> {
  return m.kind === 'person' || m.kind === 'organization' || m.kind === 'place';
}

/** A slot to put where a token stands: its type, the kind and the name as the document settled them. */
type SlotSpec = [keyof typeof TOKEN, string, string];

/** A mention with tokens where its slots go, and the slots in order; the mention itself when it has none. */
function tokened(m: Mention): [object, SlotSpec[]] {
  if (isEntity(m)) {
    return [
      { ...m, kind: TOKEN.k, value: { canonical: TOKEN.n } },
      [
        ['k', m.kind, m.value.canonical],
        ['n', m.kind, m.value.canonical],
      ],
    ];
  }
  if (m.kind === 'quote' && m.value.speakerCanonical) return [{ ...m, value: { ...m.value, speakerCanonical: TOKEN.s } }, [['s', '', m.value.speakerCanonical]]];
  return [m, []];
}

function tokenedClaim(c: Claim): [object, SlotSpec[]] {
  return c.kind === 'role' && c.value.org ? [{ ...c, value: { ...c.value, org: TOKEN.o } }, [['o', '', c.value.org]]] : [c, []];
}

const TOKEN_TYPE = { kind: 'k', name: 'n', speaker: 's', org: 'o' } as const;
// A token as JSON.stringify writes it: "\u0000facts-slot-<type>\u0000" (quotes included).
const TOKEN_START = '"\\u0000facts-slot-';
const TOKEN_END = '\\u0000"';

/** The token's type name when a whole token starts at `at` (where TOKEN_START was found), else null. */
function tokenAt(text: string, at: number): keyof typeof TOKEN_TYPE | null {
  const from = at + TOKEN_START.length;
  for (const name of ['kind', 'name', 'speaker', 'org'] as const) {
    if (text.startsWith(name, from) && text.startsWith(TOKEN_END, from + name.length)) return name;
  }
  return null;
}

/**
 * JSON text with each token replaced, in order, by the slot put there, as pieces to write one after the other (the
 * text between tokens is not copied); null when the tokens found are not exactly those slots (article text that
 * spells one), so the caller falls back.
 */
function fillTokens(text: string, slots: SlotSpec[], out: string[]): boolean {
  let from = 0;
  let i = 0;
  for (let at = text.indexOf(TOKEN_START); at >= 0; at = text.indexOf(TOKEN_START, at + 1)) {
    const name = tokenAt(text, at);
    if (!name) continue;
    const expected = slots[i++];
    if (!expected || expected[0] !== TOKEN_TYPE[name]) return false;
    out.push(text.slice(from, at), slot(expected[0], expected[1], expected[2]));
    from = at + TOKEN_START.length + name.length + TOKEN_END.length;
    at = from - 1;
  }
  if (i !== slots.length) return false;
  out.push(text.slice(from));
  return true;
}

/**
 * One element with its slots, pushed onto `out`; a whole-mention slot (written out by the report) when its tokens
 * cannot be placed. Printed one element at a time, not a document's list in one JSON.stringify: V8 builds the
 * indented text of a long list in many small parts, and joining them (to search it for tokens, or to write it) cost
 * more than printing it. Per element, the extraction threads' packing took about half the time (corpus-2000: 1.65 s
 * of a worker's 12.8 s in JSON.stringify and the joining, against 0.86 s; two jobs 0.93 of the time per round).
 * `safe`: the caller knows no string of the element holds a character jsonSafe escapes.
 */
function packOne<T>(style: PackStyle, x: T, tokens: (x: T) => [object, SlotSpec[]], what: '' | 'claim', safe: boolean, out: string[]): void {
  const [value, slots] = tokens(x);
  const text = safe ? printed(style, 'mention', value) : element(style, 'mention', value);
  if (slots.length === 0) {
    out.push(text);
    return;
  }
  const mark = out.length;
  if (fillTokens(text, slots, out)) return;
  out.length = mark;
  out.push(slot('m', what, JSON.stringify(x)));
}

/** The elements of a list, with the separator between them, as pieces of text to write one after the other: never
 *  the whole list as one string, which for a document with many mentions could pass V8's limit on a string's length. */
function pieces<T>(list: T[], one: (x: T, out: string[]) => void, sep: string): string[] {
  const out: string[] = [];
  list.forEach((x, k) => {
    if (k > 0) out.push(sep);
    one(x, out);
  });
  return out;
}

/** Cheap, stable string hash (FNV-1a) to spread heads over the buckets. */
function bucketOf(head: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < head.length; i++) h = Math.imul(h ^ head.charCodeAt(i), 0x01000193);
  return (h >>> 0) % ITEM_BUCKETS;
}

/** The trimmed item: what building a fact reads of a mention or claim. */
function trimmed(m: Mention | Claim): Mention | Claim {
  const { id, doc, kind, text, start, end, line, column, value, sentence, about } = m;
  return {
    id,
    doc,
    kind,
    text,
    start,
    end,
    line,
    column,
    value,
    ...(sentence !== undefined ? { sentence } : {}),
    about: { attribute: about!.attribute, trigger: null, entities: [], qualifier: about!.qualifier },
  } as Mention | Claim;
}

/**
 * `safe`: the caller knows no string of the result holds a character jsonSafe escapes (every string of a mention
 * comes from the document's text and id, or from our lexicons), so the long JSON text need not be scanned.
 */
export function packResult(result: DocumentResult, style: PackStyle, safe = false): Packed {
  const sep = separator(style);
  const counts = new Map<string, [EntityKind, string, string, number]>();
  const byId = new Map<string, Mention>();
  for (const m of result.mentions) {
    if (!isEntity(m)) continue;
    byId.set(m.id, m);
    const key = `${m.kind}\u0000${m.value.canonical}\u0000${m.text}`;
    const entry = counts.get(key);
    if (entry) entry[3]++;
    else counts.set(key, [m.kind, m.value.canonical, m.text, 1]);
  }
  const items: Packed['items'] = [];
  for (const m of [...result.mentions, ...result.claims]) {
    if (!isFactItem(m)) continue;
    const s: Array<[EntityKind, string]> = [];
    for (const id of subjectIds(m)) {
      const e = byId.get(id);
      if (e) s.push([e.kind as EntityKind, (e.value as { canonical: string }).canonical]);
    }
    const head = factHead({ kind: m.kind, attribute: m.about!.attribute, unit: m.kind === 'money' ? m.value.currency : '' });
    items.push({ bucket: bucketOf(head), head, key: JSON.stringify([s, m.about!.qualifier] satisfies ItemKey), json: JSON.stringify(trimmed(m)) });
  }
  return {
    document: result.document,
    entities: [...counts.values()],
    mentions: pieces(result.mentions, (m, out) => packOne(style, m, tokened, '', safe, out), sep),
    mentionCount: result.mentions.length,
    claims: style === 'json' ? pieces(result.claims, (c, out) => packOne('json', c, tokenedClaim, 'claim', safe, out), sep) : [],
    claimCount: result.claims.length,
    items,
  };
}
