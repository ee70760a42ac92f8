// Groups mentions from every document into facts (subject + attribute → values with their sources) and decides
// whether each fact is agreed, in conflict, or stated by a single source. Pure: mentions in, facts out.
import { attributeConflicts, attributeRecurs, PAST_PREFIX, standsApart } from '../extract/attributes.js';
import type { Claim, Document, Fact, FactValue, Mention, Source } from '../model/report.js';
import type { CompareOptions } from './compare.js';
import { conflictMessage } from './messages.js';
import { RULE_BY_KIND } from './rules.js';
import { mapped } from '../util/mapped.js';
import { NO_STORY, storiesOf, tiesStory } from '../util/stories.js';

export interface MergeOptions {
  /** Relative tolerance for numbers (0.02 = 2%). */
  tolerance?: number;
}

export const UNKNOWN_SUBJECT = '(unknown)';
const FACT_KINDS = new Set(['money', 'percent', 'date', 'role', 'age', 'count']);

type Item = Mention | Claim;

/** What grouping reads of a candidate: a streamed report groups light stand-ins before it reads the items. */
export type GroupMember = Pick<Candidate, 'kind' | 'attribute' | 'unit' | 'subject' | 'qualifier' | 'inferred'>;

export interface Candidate {
  mention: Item;
  kind: string;
  attribute: string;
  /** Sorted canonical names the mention is about. */
  subject: string[];
  /** Values of different units are never compared (USD vs GBP). */
  unit: string;
  qualifier: string | null;
  /** The subject was taken from the only fact of this attribute, not read from the mention's own sentence. */
  inferred?: boolean;
}

export function mergeFacts(documents: Document[], mentions: Mention[], claims: Claim[] = [], options: MergeOptions = {}): Fact[] {
  const paths = new Map(documents.map((d) => [d.id, d.path]));
  const byId = new Map(mentions.map((m) => [m.id, m]));
  const story = documentStories(documents, mentions);
  const candidates: Candidate[] = [];
  for (const m of [...mentions, ...claims]) {
    if (!isFactItem(m)) continue;
    const names = new Set<string>();
    for (const id of subjectIds(m)) {
      const e = byId.get(id);
      if (e && (e.kind === 'organization' || e.kind === 'person' || e.kind === 'place')) names.add(e.value.canonical);
    }
    candidates.push(makeCandidate(m, [...names]));
  }
  const facts = factsOfCandidates(candidates, paths, options, (c) => story.get(c.mention.doc) ?? NO_STORY);
  facts.sort(compareFacts);
  return mapped(facts, (f, i) => ({ ...f, id: `F${i + 1}` }));
}

/** The story of each document (by id): documents that name a person or organisation in common share one. */
export function documentStories(documents: Document[], mentions: Mention[]): Map<string, number> {
  const position = new Map(documents.map((d, i) => [d.id, i]));
  const docsOf = new Map<string, Set<number>>();
  for (const m of mentions) {
    if (!tiesStory(m.kind)) continue;
    const d = position.get(m.doc);
    if (d === undefined) continue;
    const key = `${m.kind}\u0000${(m.value as { canonical: string }).canonical}`;
    const docs = docsOf.get(key);
    if (docs) docs.add(d);
    else docsOf.set(key, new Set([d]));
  }
  const stories = storiesOf(documents.length, docsOf.values());
  return new Map(documents.map((d, i) => [d.id, stories[i]]));
}

/** Whether a mention or claim can be part of a fact (numbers, dates, roles, ages, counts with their context). */
export function isFactItem(m: Item): boolean {
  if (!FACT_KINDS.has(m.kind) || !m.about || ('role' in m && m.role === 'dateline')) return false;
  return !(m.kind === 'money' && m.value.conversionOf);
}

/** Ids of the entity mentions a fact item is about. A role or age is about its person alone (the organisation is
 *  part of the value). */
export function subjectIds(m: Item): string[] {
  const entities = m.about?.entities ?? [];
  return m.kind === 'role' || m.kind === 'age' ? entities.slice(0, 1) : entities;
}

/** A fact item with the canonical names it is about (in any order, repeats allowed). */
export function makeCandidate(m: Item, names: string[]): Candidate {
  return candidateAbout(m, [...new Set(names)].sort());
}

/** A fact item with its subject as makeCandidate makes it: sorted names, each once. The array is kept, not copied
 *  (a streamed report shares one per distinct subject among many items). */
export function candidateAbout(m: Item, subject: string[]): Candidate {
  return {
    mention: m,
    kind: m.kind,
    attribute: m.about!.attribute,
    subject,
    unit: m.kind === 'money' ? m.value.currency : '',
    qualifier: m.about!.qualifier,
    // Always present, so that every candidate has one shape (V8 optimises the code that reads them for that shape).
    inferred: false,
  };
}

/** The facts of the candidates, unsorted and without ids. Candidates of different kinds, attributes or units never
 *  share a fact, so a caller may pass them in parts split by factHead(). */
export function factsOfCandidates(
  candidates: Candidate[],
  paths: Map<string, string>,
  options: MergeOptions = {},
  storyOf?: (c: Candidate) => number,
): Fact[] {
  const compare: CompareOptions = { tolerance: options.tolerance ?? 0 };
  return groupCandidates(candidates, storyOf, (c) => c.mention.doc).flatMap((group) => buildFacts(group, paths, compare));
}

/** What candidates must share to be compared at all. */
export function factHead(c: Pick<Candidate, 'kind' | 'attribute' | 'unit'>): string {
  return `${c.kind}\u0000${c.attribute}\u0000${c.unit}`;
}

/**
 * One group per fact. Mentions share a fact when kind, attribute, unit and subject match; a mention naming one
 * entity joins the fact whose subject contains it (the largest, when several do: see below); differing qualifiers
 * ("series b" vs "series c") split.
 * Mentions that name no one share a fact only within one story (`storyOf`, see util/stories.ts).
 */
export function groupCandidates<C extends GroupMember>(candidates: C[], storyOf?: (c: C) => number, docOf?: (c: C) => string | number): C[][] {
  const byHead = new Map<string, Map<string, C[]>>();
  for (const c of candidates) {
    const head = factHead(c);
    const bySubject = byHead.get(head) ?? new Map<string, C[]>();
    const key = c.subject.join('\u0000');
    // Push, never copy: a key can gather tens of thousands of mentions on a large corpus.
    const list = bySubject.get(key);
    if (list) list.push(c);
    else bySubject.set(key, [c]);
    byHead.set(head, bySubject);
  }
  const groups: C[][] = [];
  for (const bySubject of byHead.values()) {
    // Which subjects of several names contain each name, in key order: one lookup per key instead of a scan of all.
    const containing = new Map<string, string[]>();
    for (const [key, members] of bySubject) {
      if (members[0].subject.length < 2) continue;
      for (const name of new Set(members[0].subject)) {
        const keys = containing.get(name);
        if (keys) keys.push(key);
        else containing.set(name, [key]);
      }
    }
    // How many mentions each subject of several names has before any joins it.
    const sizes = new Map<string, number>();
    const citedBy = new Map<string, Set<string | number>>();
    if (docOf) for (const keys of containing.values()) for (const key of keys) sizes.set(key, bySubject.get(key)!.length);
    for (const [key, members] of [...bySubject]) {
      if (members[0].subject.length !== 1) continue;
      const name = members[0].subject[0];
      const supersets = containing.get(name) ?? [];
      if (supersets.length === 1) {
        bySubject.get(supersets[0])!.push(...members);
        bySubject.delete(key);
        continue;
      }
      // Several, of an attribute that can conflict: the mentions of documents the largest does not cite yet join it
      // ("fined Acme €48m" joins "the Commission fined Acme €42m", stated three times, not the headline's "Acme to
      // fight €42m fine in court"). A document it cites already states its own value there; its other mentions of
      // the name are other things. (A generic attribute gathers unrelated values: there they stay apart.)
      const into = docOf && supersets.length > 1 && kindConflicts(members[0].kind, members[0].attribute) ? largest(supersets, sizes) : null;
      if (into === null) continue;
      const target = bySubject.get(into)!;
      // The documents each fact cites, kept as mentions join it (one pass over a fact, not one per name).
      let cited = citedBy.get(into);
      if (!cited) citedBy.set(into, (cited = new Set(target.map(docOf!))));
      const joining = members.filter((c) => !cited.has(docOf!(c)));
      if (joining.length === 0) continue;
      if (joining.length === members.length) bySubject.delete(key);
      else bySubject.set(key, members.filter((c) => cited.has(docOf!(c))));
      target.push(...joining);
      for (const c of joining) cited.add(docOf!(c));
    }
    // A mention that names no one joins the one fact of its attribute that does, when there is exactly one (and it
    // is of the mention's story); the others of a story make facts of their own.
    const unknown = bySubject.get('');
    bySubject.delete('');
    const known = [...bySubject.keys()];
    const only = known.length === 1 ? bySubject.get(known[0])! : null;
    // A fact's member of this story, or of a document that names no one (which may be of any story).
    const ofStory = (story: number) => (c: C) => {
      const s = storyOf!(c);
      return s === story || s === NO_STORY;
    };
    for (const [story, part] of unknown ? byStory(unknown, storyOf) : []) {
      if (only && kindConflicts(part[0].kind, part[0].attribute) && (story === NO_STORY || only.some(ofStory(story)))) {
        // Marked, not copied: the caller made these candidates for this grouping, and a copy made by spreading would
        // have a shape of its own, for which V8 deoptimises the code that reads candidates.
        for (const c of part) c.inferred = true;
        only.push(...part);
      } else bySubject.set(`\u0001${story}`, part);
    }
    for (const members of bySubject.values()) groups.push(...splitByQualifier(members));
  }
  return groups;
}

/** Of several subjects, the one with more mentions than each other; none when two are as large. */
function largest(keys: string[], sizes: Map<string, number>): string | null {
  let best: string | null = null;
  let tie = false;
  for (const key of keys) {
    const n = sizes.get(key)!;
    const b = best === null ? -1 : sizes.get(best)!;
    if (n > b) {
      best = key;
      tie = false;
    } else if (n === b) tie = true;
  }
  return tie ? null : best;
}

/** Candidates by story, in the order each story first appears (one part without `storyOf`). Those of documents that
 *  name no one join the one story there is, or make a part of their own beside several. */
function byStory<C>(members: C[], storyOf?: (c: C) => number): Array<[number, C[]]> {
  if (!storyOf) return [[NO_STORY, members]];
  const parts = new Map<number, C[]>();
  for (const c of members) {
    const story = storyOf(c);
    const part = parts.get(story);
    if (part) part.push(c);
    else parts.set(story, [c]);
  }
  if (parts.size === 2 && parts.has(NO_STORY)) return [[[...parts.keys()].find((k) => k !== NO_STORY)!, members]];
  return [...parts];
}

function splitByQualifier<C extends GroupMember>(members: C[]): C[][] {
  const qualified = new Map<string, C[]>();
  const plain: C[] = [];
  for (const c of members) {
    // A past year is the same year to a document that cannot tell it is past (an undated one).
    const key = c.qualifier?.startsWith(PAST_PREFIX) ? c.qualifier.slice(PAST_PREFIX.length) : c.qualifier;
    if (!key) plain.push(c);
    else if (qualified.has(key)) qualified.get(key)!.push(c);
    else qualified.set(key, [c]);
  }
  if (qualified.size === 0) return [plain];
  const groups = [...qualified.values()];
  if (plain.length === 0) return groups;
  // One qualifier: the figures without one are of it too ("series b" named once), unless it stands apart.
  if (groups.length === 1 && !groups[0].some((c) => standsApart(c.qualifier!))) {
    groups[0].push(...plain);
    return groups;
  }
  return [...groups, plain];
}

/**
 * The facts of one group. Values that cannot all be true are a conflict when the attribute is a claim of the story
 * and each document states one side; otherwise (an attribute that never conflicts, or one document stating both
 * sides) they are different things that share words, and become separate facts.
 */
/** The facts of one group of groupCandidates (unsorted, without ids). */
export function factsOfGroup(group: Candidate[], paths: Map<string, string>, options: MergeOptions = {}): Fact[] {
  return buildFacts(group, paths, { tolerance: options.tolerance ?? 0 });
}

function buildFacts(group: Candidate[], paths: Map<string, string>, compare: CompareOptions): Fact[] {
  const rule = RULE_BY_KIND.get(group[0].kind);
  // A mention that joined by inference leaves again when its own document states something else here.
  // Own members by document, so each inferred mention is checked against its own document's only.
  const ownByDoc = new Map<string, Candidate[]>();
  if (rule && group.some((c) => c.inferred)) {
    for (const o of group) {
      if (o.inferred) continue;
      const list = ownByDoc.get(o.mention.doc);
      if (list) list.push(o);
      else ownByDoc.set(o.mention.doc, [o]);
    }
  }
  const misfits = rule
    ? group.filter(
        (c) =>
          c.inferred &&
          (ownByDoc.get(c.mention.doc) ?? []).some((o) => rule.check(o.mention.value, c.mention.value, compare) !== true),
      )
    : [];
  if (misfits.length > 0) {
    const out = new Set(misfits);
    const rest = group.filter((c) => !out.has(c));
    // They leave as mentions of their own (marked in place, as groupCandidates marks them).
    for (const c of misfits) c.inferred = false;
    return [...buildFacts(rest, paths, compare), ...buildFacts(misfits, paths, compare)];
  }
  const first = group[0];
  const values = collectValues(mapped(group, (c) => c.mention), paths);
  // The longest subject among the values' own (not inferred) members, the first in group order on a tie; looked up
  // by mention id rather than by a scan of the group per cluster.
  const ownIndex = new Map<string, number>();
  group.forEach((c, i) => {
    if (!c.inferred && !ownIndex.has(c.mention.id)) ownIndex.set(c.mention.id, i);
  });
  const subjectOf = (vals: FactValue[]): string[] => {
    let best = -1;
    for (const v of vals) {
      for (const id of v.mentions) {
        const i = ownIndex.get(id);
        if (i === undefined) continue;
        const len = group[i].subject.length;
        if (best === -1 || len > group[best].subject.length || (len === group[best].subject.length && i < best)) best = i;
      }
    }
    return best === -1 ? [] : group[best].subject;
  };
  const make = (vals: FactValue[]): Fact => {
    const subject = subjectOf(vals);
    return {
      id: '',
      subject: subject.length > 0 ? subject.join(' / ') : UNKNOWN_SUBJECT,
      attribute: first.attribute,
      kind: first.kind,
      status: independentSources(vals) >= 2 ? 'agreed' : 'single',
      values: vals,
    };
  };
  if (!rule) return [make(values)];
  const agree = (a: FactValue, b: FactValue) => rule.check(a.value, b.value, compare) === true;
  // A fact of `vals` in conflict over a and b: a warning when either is vague or the subject is uncertain.
  const conflictOf = (vals: FactValue[], a: FactValue, b: FactValue): Fact => {
    const fact = make(vals);
    const uncertainSubject = fact.subject === UNKNOWN_SUBJECT || group.some((c) => c.inferred);
    fact.status = 'conflict';
    fact.conflict = {
      code: rule.code,
      severity: rule.precise(a.value) && rule.precise(b.value) && !uncertainSubject ? rule.severity : 'warning',
      message: conflictMessage(fact, a, b),
    };
    return fact;
  };
  // One pass over the pairs, no list of them: a generic attribute can hold thousands of values on a large corpus.
  // An attribute that never conflicts goes straight to the clusters (values that all agree make one cluster).
  let oneDocBothSides = false;
  let disagreement: [FactValue, FactValue] | undefined;
  if (kindConflicts(first.kind, first.attribute)) {
    let clash = false;
    // Dates of an event that recurs, in different years, are of different events: apart, but no disagreement.
    const recurs = first.kind === 'date' && attributeRecurs(first.attribute);
    for (let i = 0; i < values.length && !oneDocBothSides; i++) {
      for (let j = i + 1; j < values.length; j++) {
        const [a, b] = [values[i], values[j]];
        const verdict = recurs && yearsDiffer(a.value, b.value) ? null : rule.check(a.value, b.value, compare);
        if (verdict === true) continue;
        clash = true;
        if (verdict === false && !disagreement) disagreement = [a, b];
        if (a.docs.some((d) => b.docs.includes(d))) {
          oneDocBothSides = true;
          break;
        }
      }
    }
    if (!clash) return [make(values)];
  }
  if (disagreement && !oneDocBothSides) {
    return [conflictOf(values, disagreement[0], disagreement[1])];
  }
  // Separate facts: each value joins the first cluster it agrees with entirely (values are sorted, so this is stable).
  const clusters: FactValue[][] = [];
  for (const v of values) {
    const home = clusters.find((c) => c.every((w) => agree(v, w)));
    if (home) home.push(v);
    else clusters.push([v]);
  }
  if (!oneDocBothSides) return mapped(clusters, make);
  // A document states two of the values: they are two things. Still, two clusters that no document states both of,
  // whose values disagree and are near (rule.near), are two accounts of one of them, when each is the other's only
  // such partner: "must decide by September 12" and "has until September 21", beside the first outlet's "opened a
  // review on Monday". With two partners it cannot be told which of the two things a figure is about.
  const partners = clusters.map((c, i) => {
    const docs = new Set(c.flatMap((v) => v.docs));
    const near: number[] = [];
    clusters.forEach((other, k) => {
      if (k === i || other.some((w) => w.docs.some((d) => docs.has(d)))) return;
      if (c.every((v) => other.every((w) => writtenOut(v.value) && writtenOut(w.value) && rule.check(v.value, w.value, compare) === false && rule.near(v.value, w.value)))) {
        near.push(k);
      }
    });
    return near;
  });
  const facts: Fact[] = [];
  const paired = new Set<number>();
  clusters.forEach((c, i) => {
    const j = partners[i].length === 1 ? partners[i][0] : -1;
    if (j < i || partners[j].length !== 1) return;
    paired.add(i).add(j);
    facts.push(conflictOf([...c, ...clusters[j]], c[0], clusters[j][0]));
  });
  clusters.forEach((c, i) => {
    if (!paired.has(i)) facts.push(make(c));
  });
  return facts;
}

/** Whether a value is written out, not a day found from the document's date ("on Sunday", "last week"): a weekday
 *  of another event read as this one's is the commonest wrong date. (A month and day take only their year from it.) */
function writtenOut(v: unknown): boolean {
  const d = v as { relative?: boolean; month?: number | null; day?: number | null } | null;
  return d?.relative !== true || (d.month != null && d.day != null);
}

/** Whether two date values lie in different years (false when either year is unknown). */
function yearsDiffer(a: unknown, b: unknown): boolean {
  const year = (v: unknown) => {
    const d = v as { iso?: string | null; from?: string | null } | null;
    return /^\d{4}/.exec(d?.iso ?? d?.from ?? '')?.[0] ?? null;
  };
  const [ya, yb] = [year(a), year(b)];
  return ya !== null && yb !== null && ya !== yb;
}

/** Independent documents behind a fact: syndicated copies of one sentence count once. */
function independentSources(values: FactValue[]): number {
  const docs = new Set(values.flatMap((v) => v.docs));
  const copyOf = new Map<string, string>();
  for (const v of values) for (const group of v.copies ?? []) for (const d of group.slice(1)) copyOf.set(d, group[0]);
  return [...docs].filter((d) => !copyOf.has(d)).length;
}

/** Whether different values of this attribute are a disagreement (a generic "count" of something is not). */
function kindConflicts(kind: string, attribute: string): boolean {
  if (kind === 'role' || kind === 'age') return true;
  if (kind === 'count') return attribute !== 'count';
  return attributeConflicts(attribute);
}

function collectValues(mentions: Item[], paths: Map<string, string>): FactValue[] {
  const sorted = [...mentions].sort((a, b) => cmp(a.doc, b.doc) || a.start - b.start);
  const byKey = new Map<string, FactValue & { sources: Source[] }>();
  for (const m of sorted) {
    const key = valueKey(m);
    let v = byKey.get(key);
    if (!v) {
      v = { value: m.value, text: m.text, docs: [], mentions: [], sources: [] };
      byKey.set(key, v);
    }
    // Sorted by document, so a new document can only differ from the last one added (no scan of all of them).
    if (v.docs[v.docs.length - 1] !== m.doc) v.docs.push(m.doc);
    v.mentions.push(m.id);
    v.sources.push({
      doc: m.doc,
      path: paths.get(m.doc) ?? m.doc,
      line: m.line,
      column: m.column,
      sentence: m.sentence ?? m.text,
      mention: m.id,
    });
  }
  for (const v of byKey.values()) markCopies(v);
  // Most-supported value first; ties by first appearance.
  return [...byKey.values()].sort((a, b) => b.docs.length - a.docs.length || cmp(a.mentions[0], b.mentions[0]));
}

// Each run of white space becomes one space, as /\s+/g would make it, but a lone space (most of them) is not
// matched: the sentence is copied in a few pieces instead of one a word (measured: 6x faster).
export const SPACES_TO_COLLAPSE = /\s{2,}|[^\S ]/g;

/**
 * Syndicated copies: documents that state the value in the same sentence, word for word, are one source.
 * Sets how many documents state it independently and which documents copy each other.
 */
function markCopies(v: FactValue & { sources: Source[] }): void {
  // One document is one independent source and copies nothing: most values (nine in ten on the bench corpus) are
  // stated by one document, and their sentences need not be normalised.
  if (v.docs.length === 1) {
    v.independent = 1;
    return;
  }
  const docsBySentence = new Map<string, Set<string>>();
  for (const s of v.sources) {
    const key = s.sentence.normalize('NFKC').toLowerCase().replace(SPACES_TO_COLLAPSE, ' ').trim();
    const docs = docsBySentence.get(key);
    if (docs) docs.add(s.doc);
    else docsBySentence.set(key, new Set([s.doc]));
  }
  // Union the documents that share any sentence; each group is one independent source.
  const parent = new Map(v.docs.map((d) => [d, d]));
  // Iterative with path halving: a value stated in thousands of documents must not recurse that deep.
  const find = (d: string): string => {
    let x = d;
    while (parent.get(x) !== x) {
      const up = parent.get(parent.get(x)!)!;
      parent.set(x, up);
      x = up;
    }
    return x;
  };
  for (const docs of docsBySentence.values()) {
    const [first, ...rest] = [...docs];
    for (const d of rest) parent.set(find(d), find(first));
  }
  const groups = new Map<string, string[]>();
  for (const d of v.docs) {
    const root = find(d);
    const members = groups.get(root);
    if (members) members.push(d);
    else groups.set(root, [d]);
  }
  v.independent = groups.size;
  const copies = [...groups.values()].filter((g) => g.length > 1);
  for (const g of copies) g.sort();
  if (copies.length > 0) v.copies = copies.sort((a, b) => cmp(a[0], b[0]));
}

/** Two mentions state the same value when their normalised values are equal. */
function valueKey(m: Item): string {
  switch (m.kind) {
    case 'role':
      return m.value.title;
    case 'age':
      return String(m.value.age);
    case 'count': {
      const { count, min, max, approximate } = m.value;
      return JSON.stringify([count, min, max, approximate]);
    }
    case 'money': {
      const { amount, currency, min, max, approximate } = m.value;
      return JSON.stringify([amount, currency, min, max, approximate]);
    }
    case 'percent': {
      const { percent, min, max, approximate } = m.value;
      return JSON.stringify([percent, min ?? null, max ?? null, approximate ?? false]);
    }
    case 'date': {
      const { iso, from, to, month, day } = m.value;
      // A date a document could not place is only its words ("Thursday", "earlier this month"): two such are one
      // value only when written alike.
      if (iso === null && from === null && month == null && day == null) return JSON.stringify([null, m.value.weekday ?? null, m.text.toLowerCase()]);
      return JSON.stringify([iso, from, to, month ?? null, day ?? null]);
    }
    default:
      return m.text.toLowerCase();
  }
}

const STATUS_ORDER = { conflict: 0, agreed: 1, single: 2 } as const;

/**
 * The order of compareFacts as one string, for sorting many facts without keeping them: the same order as long as no
 * subject, attribute, kind or id holds U+0000 (the separator sorts below every other character).
 */
export function factSortKey(f: Pick<Fact, 'status' | 'subject' | 'attribute' | 'kind' | 'values'>): string {
  const unknown = f.subject === UNKNOWN_SUBJECT ? 1 : 0;
  return `${STATUS_ORDER[f.status]}${unknown}\u0000${f.subject}\u0000${f.attribute}\u0000${f.kind}\u0000${f.values[0]?.mentions[0] ?? ''}`;
}

export function compareFacts(a: Fact, b: Fact): number {
  return (
    STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
    (a.subject === UNKNOWN_SUBJECT ? 1 : 0) - (b.subject === UNKNOWN_SUBJECT ? 1 : 0) ||
    cmp(a.subject, b.subject) ||
    cmp(a.attribute, b.attribute) ||
    cmp(a.kind, b.kind) ||
    cmp(a.values[0]?.mentions[0] ?? '', b.values[0]?.mentions[0] ?? '')
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
