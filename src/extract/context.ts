// Reads, for each number and date, what it is about: the attribute its sentence's trigger words name and the
// entities nearest to it. Merging turns these into fact keys, so this is where "about what?" is decided.
import type { Claim, Mention } from '../model/report.js';
import { EARLIER_PERIOD, findAttribute, PAST_PREFIX, UPDATED_PREFIX } from './attributes.js';
import { type ExtractContext, sentenceAt } from './text.js';
import { mapped } from '../util/mapped.js';

const CONTEXT_KINDS = new Set(['money', 'percent', 'date']);
// How many organisations make a subject: the buyer and the bought, the investor and the company.
const MAX_ORGS = 2;
// An entity right after these is where the news came from, not what it is about.
// A wire service's name in a dateline's parentheses ("BASEL, March 10 (Agency) -") is a source too.
const SOURCE_BEFORE = /(?:according to|told|reported by|per|cited by|via|reports? from|interview with|speaking to|\()\s*$/i;
const SOURCE_AFTER = /^\s*(?:reported|reports|said|says|first reported|quoted|\)\s*[-–—])/i;
// ... unless what it said is about itself: "Acme said on Tuesday it had agreed to buy ...".
const SELF_AFTER = /^\s*(?:said|says|announced|confirmed)\b[^.;:"“”]{0,40}?\b(?:it|its|they|their|he|she|we)\b/i;
// Between a mention and an entity after it: a new clause, whose entities are about something else
// ("$3.2 billion, its largest deal since it bought Beta"; "won on Sunday and will face Orr").
const CLAUSE_BREAK = /[,;:(—–]|(?<![\p{L}])and\s+(?:will|would|could|may|might|must|should|is|was|has|had|then|also)(?![\p{L}])/u;
const CLAUSE_PENALTY = 1000;
// A clause of its own, with a subject of its own named: "…, and the European Union said" (not "…, and they lost").
const NEW_CLAUSE = /;|,\s+(?:and|but|while|whereas|although)\s+(?:the\s+)?\p{Lu}/u;
const SERIES = /\bseries\s+([a-h])\b/i;
// A paragraph that names nobody but speaks of "the company" (or opens with "It") goes on about the organisation
// last named, up to this many sentences back: "Acme said ... \n\nThe company reported a loss of $1.1 billion."
const FIRM_ANAPHOR =
  /(?:^\s*(?:It|Its)\s|\b[Tt]he\s+(?:company|firm|group|business|carmaker|automaker|chipmaker|bank|lender|insurer|retailer|airline|maker|startup|start-up|conglomerate|manufacturer)(?:['’]s)?\b)/u;
const ANAPHOR_REACH = 6;
// Right before a figure: it is an update of a running total ("has risen to 19", "climbed to at least 40").
const RISEN_TO = /(?<![\p{L}])(?:risen|rose|rises|climbed|climbs|jumped|jumps|increased|increases|grown|grew|reached|reaches)\s+to\s+(?:(?:at\s+least|more\s+than|over|about|around|nearly|almost)\s+)?$/iu;
// Right after a figure: it is the same measure a year before ("$1.46 billion a year earlier", "in the year-ago
// quarter"), which must not meet this period's figure as a disagreement. Not "€7.2 million a year before bonuses":
// a yearly sum before what is added to it.
const PERIOD_BEFORE =
  /^\s*,?\s*(?:(?:a|one)\s+year\s+(?:earlier|before(?!\s+(?!that(?![\p{L}]))\p{L})|ago)|in\s+the\s+(?:same|year-ago|year-earlier|prior-year)\s+(?:period|quarter|half|month)(?:\s+(?:a|last)\s+year)?|(?:in\s+the\s+)?(?:a\s+)?year-(?:ago|earlier)\s+(?:period|quarter|half))(?![\p{L}])/iu;

// ", in 2006," before a figure of the same clause.
const SET_OFF_YEAR = /,\s*(?:in|during|back\s+in)\s+$/iu;

export function describeContext(mentions: Mention[], claims: Claim[], ctx: ExtractContext): void {
  // Everything a mention looks at is indexed by sentence once, so the work per mention does not grow with the
  // document (a scan over all entities or mentions per mention made 50,000-line inputs quadratic).
  const index = new SentenceIndex(mentions, ctx);
  // Counts bring their own attribute; what they are about is read like any number's.
  for (const c of claims) {
    if (c.kind !== 'count' || !c.about) continue;
    const sentence = sentenceAt(ctx.sentences, c.start);
    if (!sentence) continue;
    c.about.entities = subjectEntities(c, sentence.index, index);
    c.about.qualifier = qualifierOf(c, sentence, index);
  }
  for (const m of mentions) {
    if (!CONTEXT_KINDS.has(m.kind) || m.role === 'dateline') continue;
    if (m.kind === 'money' && m.value.conversionOf) continue;
    const sentence = sentenceAt(ctx.sentences, m.start);
    if (!sentence) continue;
    const attribute = findAttribute(m.kind, sentence.text, m.start - sentence.start, m.end - sentence.start);
    m.about = {
      attribute: attribute.name,
      trigger: attribute.trigger,
      entities: subjectEntities(m, sentence.index, index),
      qualifier: m.kind === 'date' ? null : qualifierOf(m, sentence, index),
    };
  }
  joinTheDeal(mentions);
}

// The terms of a deal: about both of its parties, though a sentence names one ("Acme will pay $40 a share, a
// premium of 32%" and "a 30% premium to Globex's close" are about one deal).
const DEAL_TERMS = new Set(['premium', 'price per share']);
const DEAL_VALUE = 'deal value';

/**
 * A document that tells of one deal (its deal values name one pair of organisations): its terms that name one of
 * the pair take the pair as their subject, so other documents' terms of the deal meet them. With two deals or
 * none, nothing changes.
 */
function joinTheDeal(mentions: Mention[]): void {
  const byId = new Map<string, Mention>();
  for (const m of mentions) if (m.kind === 'organization') byId.set(m.id, m);
  const nameOf = (id: string) => (byId.get(id)?.value as { canonical: string } | undefined)?.canonical;
  let pair: string[] | null = null;
  let pairKey: string | null = null;
  for (const m of mentions) {
    if (m.about?.attribute !== DEAL_VALUE || m.about.entities.length !== 2) continue;
    const names = m.about.entities.map(nameOf);
    if (names.some((n) => n === undefined)) continue;
    const key = [...names].sort().join('\u0000');
    if (pairKey !== null && key !== pairKey) return;
    pairKey = key;
    pair ??= m.about.entities;
  }
  if (pair === null) return;
  const names = new Set(pair.map(nameOf));
  for (const m of mentions) {
    if (!m.about || !DEAL_TERMS.has(m.about.attribute) || m.about.entities.length !== 1) continue;
    if (names.has(nameOf(m.about.entities[0]))) m.about.entities = [...pair];
  }
}

/** Per sentence: its subject candidates, its year mentions, its series letter; and per paragraph, where to look back. */
class SentenceIndex {
  /** Organisations and people inside each sentence (not sources), in document order. */
  readonly entities: Mention[][];
  /** Year-like date mentions inside each sentence. */
  readonly years: Mention[][];
  /** For each sentence, the nearest sentence at or before it in the same paragraph that has entities; -1 if none. */
  readonly subjectFrom: number[];
  private readonly series = new Map<number, string | null>();

  constructor(mentions: Mention[], readonly ctx: ExtractContext) {
    const n = ctx.sentences.length;
    this.entities = Array.from({ length: n }, () => []);
    this.years = Array.from({ length: n }, () => []);
    for (const m of mentions) {
      const s = sentenceAt(ctx.sentences, m.start);
      if (!s || m.end > s.end) continue;
      if ((m.kind === 'organization' || m.kind === 'person' || (m.kind === 'place' && isActor(m, ctx.text))) && !isSource(m, ctx.text)) {
        this.entities[s.index].push(m);
      }
      if (
        m.kind === 'date' &&
        m.role !== 'dateline' &&
        (m.value.granularity === 'year' || (m.value.relative === true && /^\d{4}$/.test(m.value.iso ?? '')))
      ) {
        this.years[s.index].push(m);
      }
    }
    this.subjectFrom = new Array<number>(n).fill(-1);
    for (let i = 0; i < n; i++) {
      if (this.entities[i].length > 0) this.subjectFrom[i] = i;
      else if (i > 0 && sameParagraph(ctx.text, ctx.sentences[i - 1].end, ctx.sentences[i].start)) this.subjectFrom[i] = this.subjectFrom[i - 1];
      else if (i > 0 && FIRM_ANAPHOR.test(ctx.sentences[i].text)) this.subjectFrom[i] = this.lastWithOrganisation(i);
    }
  }

  /** The nearest sentence before `i`, within ANAPHOR_REACH, whose subject candidates hold an organisation; -1 if none. */
  private lastWithOrganisation(i: number): number {
    for (let k = i - 1; k >= Math.max(0, i - ANAPHOR_REACH); k--) {
      const from = this.subjectFrom[k];
      if (from >= 0 && this.entities[from].some((e) => e.kind === 'organization')) return from;
    }
    return -1;
  }

  seriesOf(sentence: { index: number; text: string }): string | null {
    let v = this.series.get(sentence.index);
    if (v === undefined) {
      const m = sentence.text.match(SERIES);
      v = m ? `series ${m[1].toLowerCase()}` : null;
      this.series.set(sentence.index, v);
    }
    return v;
  }
}

function subjectEntities(m: { start: number; end: number }, sentenceIndex: number, index: SentenceIndex): string[] {
  // The mention's own sentence first; when it names nobody, earlier sentences of the same paragraph (or, for "the
  // company", the organisation last named before it: see FIRM_ANAPHOR).
  const from = index.subjectFrom[sentenceIndex];
  return from < 0 ? [] : pickSubject(m, index.entities[from], index.ctx.text);
}

/**
 * The subject of a mention among the entities of a sentence: the nearest organisations (up to MAX_ORGS, one per
 * name), else the nearest person. "Nearest" orders by distance, then start, then place in the list (a stable sort
 * by distance and start); the nearest ones are found by linear passes rather than by sorting a copy of the list.
 */
function pickSubject(m: { start: number; end: number }, inside: Mention[], text: string): string[] {
  const chosen: Mention[] = [];
  for (let pick = 0; pick < MAX_ORGS; pick++) {
    const org = nearest(m, inside, 'organization', chosen, text);
    if (org === undefined || (pick > 0 && inOtherClause(org, chosen[0], m, text))) break;
    chosen.push(org);
  }
  if (chosen.length === 0) {
    const person = nearest(m, inside, 'person', chosen, text);
    if (person) chosen.push(person);
  }
  return mapped(chosen, (e) => e.id);
}

/**
 * A second party does not come from another clause with its own subject: "Japan pledged $5 million in aid, and the
 * European Union said it was releasing €10 million" is Japan's pledge alone, and the Union's release too. What
 * separates it is read on its way to the figure, or to the first party when that stands between them ("Acme agreed
 * to buy Globex, and will pay $5 billion" is about both).
 */
function inOtherClause(second: Mention, first: Mention, m: { start: number; end: number }, text: string): boolean {
  const before = second.end <= m.start;
  const via = before === first.end <= m.start && (before ? first.start >= second.end : first.end <= second.start) ? first : m;
  // With the first letter of what follows: the name that opens the new clause.
  const gap = second.end <= via.start ? text.slice(second.end, via.start + 1) : text.slice(via.end, second.start + 1);
  return NEW_CLAUSE.test(gap);
}

// Right after a country or a town: it gives or pledges, as a government does ("Japan pledged $5 million in aid",
// "Germany will send €20 million"), so it is a party to the figure like an organisation.
const ACTOR_AFTER =
  /^\s+(?:(?:has|have|had|will|would|is|was)\s+(?:also\s+)?)?(?:pledged?|pledging|promised?|donated?|gave|give|given|sent|send|offered?|committed|commit|contributed?|allocated?|earmarked|provided?|granted?)(?![\p{L}])/u;

const canonicalOf = (e: Mention) => (e.value as { canonical: string }).canonical;

function nameTaken(taken: Mention[], e: Mention): boolean {
  for (const c of taken) if (canonicalOf(c) === canonicalOf(e)) return true;
  return false;
}

/** The nearest of `inside` of the kind whose name none of `taken` has: by distance from m, then start, then list order.
 *  A place that gives or pledges counts as an organisation (isActor). */
function nearest(m: { start: number; end: number }, inside: Mention[], kind: Mention['kind'], taken: Mention[], text: string): Mention | undefined {
  let best: Mention | undefined;
  let bestDistance = 0;
  for (const e of inside) {
    // Places among the entities are actors (see isActor): parties like organisations.
    const ofKind = e.kind === kind || (kind === 'organization' && e.kind === 'place');
    if (!ofKind || nameTaken(taken, e)) continue;
    const d = e.end <= m.start ? m.start - e.end : Math.max(0, e.start - m.end) + (CLAUSE_BREAK.test(text.slice(m.end, e.start)) ? CLAUSE_PENALTY : 0);
    // Strictly better only: an equal one later in the list loses, as in a stable sort.
    if (best === undefined || d < bestDistance || (d === bestDistance && e.start < best.start)) {
      best = e;
      bestDistance = d;
    }
  }
  return best;
}

/** A country or a town that gives or pledges, as a government does (ACTOR_AFTER). */
function isActor(e: Mention, text: string): boolean {
  return ACTOR_AFTER.test(text.slice(e.end, e.end + 40));
}

function isSource(e: Mention, text: string): boolean {
  const before = text.slice(Math.max(0, e.start - 24), e.start);
  const after = text.slice(e.end, e.end + 24);
  return SOURCE_BEFORE.test(before) || (SOURCE_AFTER.test(after) && !SELF_AFTER.test(text.slice(e.end, e.end + 64)));
}

function sameParagraph(text: string, from: number, to: number): boolean {
  return !text.slice(from, to).includes('\n');
}

function qualifierOf(m: Mention | Claim, sentence: { index: number; start: number; end: number; text: string }, index: SentenceIndex): string | null {
  const series = index.seriesOf(sentence);
  if (series) return series;
  // "a loss of $1.1 billion, compared with $1.46 billion a year earlier": the figure of the period before.
  const after = index.ctx.text.slice(m.end, m.end + 48);
  if (PERIOD_BEFORE.test(after)) return EARLIER_PERIOD;
  // "The death toll has risen to 19": a count as it stood on the document's day, which a report of another day
  // does not contradict. (Not a sum: "revenue rose to $1.3 billion" is the period's figure.)
  if (m.kind === 'count' && RISEN_TO.test(index.ctx.text.slice(Math.max(0, m.start - 40), m.start))) return `${UPDATED_PREFIX}${index.ctx.date ?? 'undated'}`;
  // The year nearest the figure: "4.5% this year and a further 3% in 2026" gives each figure its own year.
  if (index.years[sentence.index].length === 0) return null;
  const years = index.years[sentence.index].filter((o) => o.start !== m.start);
  const gap = (o: Mention) => (o.end <= m.start ? m.start - o.end : o.start - m.end);
  const year = years.sort((a, b) => gap(a) - gap(b) || a.start - b.start)[0];
  const iso = year && year.kind === 'date' ? year.value.iso : null;
  if (iso === null) return null;
  // A year before the document's own, in the figure's own clause: a figure of a past event ("his father bought it
  // in 1987 for £1.9 million"), which the story's figures never join.
  const own = index.ctx.date?.slice(0, 4);
  let between = year.end <= m.start ? index.ctx.text.slice(year.end, m.start) : index.ctx.text.slice(m.end, year.start);
  // A year set off by commas before its clause's verb is of that clause: "The costliest fire, in 2006, cost £310m".
  if (year.end <= m.start && SET_OFF_YEAR.test(index.ctx.text.slice(Math.max(0, year.start - 12), year.start))) between = between.replace(/^\s*,/, '');
  return own !== undefined && iso.slice(0, 4) < own && between.length <= 40 && !/[,;:()—–]/.test(between) ? `${PAST_PREFIX}${iso}` : iso;
}
