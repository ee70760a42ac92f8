// Turns one document's extraction result into what a streamed report needs from it, in the worker that extracted
// it: the mentions and claims already written as report text, the fact items as lines for the merge's spool files,
// and the entity names for the corpus-wide canonical names. What cannot be written before every document has been
// seen (an entity's corpus-wide name and kind, a speaker's, a role's organisation) is left as a slot the report
// fills in at the end. The main thread then only appends text to files: it keeps no mention in memory.
import type { DocumentResult } from '../extract/document.js';
import { factHead, isFactItem, subjectIds } from '../merge/facts.js';
import type { Claim, Document, EntityKind, Mention } from '../model/report.js';
import { jsonSafe } from '../report/escape.js';

/** json: elements of the pretty-printed report's arrays; ndjson: one typed record per line. */
export type PackStyle = 'json' | 'ndjson';

/** Spool files the fact items are spread over by their head: each is read back whole, one at a time. */
export const ITEM_BUCKETS = 8;

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
  /** Mention elements joined by the style's separator (empty when none). */
  mentions: string;
  mentionCount: number;
  /** Claim elements (json style only; NDJSON has no claim records). */
  claims: string;
  claimCount: number;
  /** Fact items in document order: the bucket and head they go to, and the item as JSON (an ItemLine). */
  items: Array<{ bucket: number; head: string; json: string }>;
}

/** A fact item as the merge reads it back: the mention or claim trimmed to what facts use, and its subjects. */
export interface ItemLine {
  m: Mention | Claim;
  /** Entities the item is about, as [kind, name as the document settled it]. */
  s: Array<[EntityKind, string]>;
}

export function separator(style: PackStyle): string {
  return style === 'json' ? ',\n' : '\n';
}

/** One element of the report's arrays in this style: indented inside the pretty report, or a typed NDJSON line. */
export function element(style: PackStyle, type: 'document' | 'mention' | 'fact' | 'warning', value: object): string {
  if (style === 'ndjson') return jsonSafe(JSON.stringify({ type, ...value }));
  return jsonSafe(`    ${JSON.stringify(value, null, 2).replace(/\n/g, '\n    ')}`);
}

const TOKEN = {
  k: '\u0000facts-slot-kind\u0000',
  n: '\u0000facts-slot-name\u0000',
  s: '\u0000facts-slot-speaker\u0000',
  o: '\u0000facts-slot-org\u0000',
} as const;
const QUOTED = Object.fromEntries(Object.entries(TOKEN).map(([k, v]) => [k, JSON.stringify(v)])) as Record<keyof typeof TOKEN, string>;

export function slot(type: SlotType, kind: string, name: string): string {
  return `${SLOT_OPEN}${JSON.stringify([type, kind, name])}${SLOT_CLOSE}`;
}

/** Writes `value` with each token replaced by its slot; null when a token does not occur exactly once (article text
 *  that happens to spell one), so the caller falls back to a whole-mention slot. */
function withSlots(style: PackStyle, type: 'mention', value: object, slots: Array<[keyof typeof TOKEN, string, string]>): string | null {
  let text = element(style, type, value);
  for (const [t, kind, name] of slots) {
    const parts = text.split(QUOTED[t]);
    if (parts.length !== 2) return null;
    text = parts[0] + slot(t, kind, name) + parts[1];
  }
  return text;
}

function isEntity(m: Mention): m is Extract<Mention, { kind: EntityKind }> {
  return m.kind === 'person' || m.kind === 'organization' || m.kind === 'place';
}

function packMention(style: PackStyle, m: Mention): string {
  let text: string | null;
  if (isEntity(m)) {
    text = withSlots(style, 'mention', { ...m, kind: TOKEN.k, value: { canonical: TOKEN.n } }, [
      ['k', m.kind, m.value.canonical],
      ['n', m.kind, m.value.canonical],
    ]);
  } else if (m.kind === 'quote' && m.value.speakerCanonical) {
    text = withSlots(style, 'mention', { ...m, value: { ...m.value, speakerCanonical: TOKEN.s } }, [['s', '', m.value.speakerCanonical]]);
  } else {
    return element(style, 'mention', m);
  }
  return text ?? slot('m', '', JSON.stringify(m));
}

function packClaim(c: Claim): string {
  if (c.kind === 'role' && c.value.org) {
    const text = withSlots('json', 'mention', { ...c, value: { ...c.value, org: TOKEN.o } }, [['o', '', c.value.org]]);
    return text ?? slot('m', 'claim', JSON.stringify(c));
  }
  return element('json', 'mention', c);
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

export function packResult(result: DocumentResult, style: PackStyle): Packed {
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
    items.push({ bucket: bucketOf(head), head, json: JSON.stringify({ m: trimmed(m), s } satisfies ItemLine) });
  }
  return {
    document: result.document,
    entities: [...counts.values()],
    mentions: result.mentions.map((m) => packMention(style, m)).join(sep),
    mentionCount: result.mentions.length,
    claims: style === 'json' ? result.claims.map(packClaim).join(sep) : '',
    claimCount: result.claims.length,
    items,
  };
}
