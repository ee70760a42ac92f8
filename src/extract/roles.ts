// Roles and ages as facts: a person's title at an organisation ("Acme CFO Jane Doe", "Jane Doe, the chief financial
// officer of Acme" → cfo at Acme) and a person's age ("Doe, 28,", "the 28-year-old").
// Spans of people and organisations come from the entities module; this module only reads the words between them,
// with sticky regexes over the titles lexicon (lexicon/roles-titles.json), so it stays linear.
import { firstCharGuard } from './regex-guard.js';
import { allMatches, prefixScanner } from './prefix-scan.js';
import type { TitleLexicon } from './lexicon-schemas.js';
import data from './lexicon/roles-titles.json' with { type: 'json' };
import { NUMBER_WORD_FIRST, NUMBER_WORD_SOURCE, SP, alternation, wordNumber } from './money.js';
import { type ExtractContext, sentenceAt } from './text.js';
import type { EntityFound } from './types.js';
import { mapped } from '../util/mapped.js';

export interface RoleFound {
  /** Span of the title phrase as written ("interim CEO", "chief financial officer"). */
  start: number;
  end: number;
  /** Span of the person entity the title belongs to. */
  person: { start: number; end: number };
  /** Canonical lowercase title from the lexicon, with its qualifier: "cfo", "interim ceo", "co-founder". */
  title: string;
  /** Span of the organisation (or, for offices such as governor or mayor, the place) the title is at. */
  org: { start: number; end: number } | null;
}

export interface AgeFound {
  start: number;
  end: number;
  person: { start: number; end: number };
  age: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Lexicon (its shape: lexicon-schemas.ts)

export const TITLE_LEXICON = data as TitleLexicon;

const norm = (s: string): string => s.toLowerCase().replace(/[\s\u00a0\u2009\u202f]+/g, ' ');
const TITLE_OF = new Map<string, string>();
for (const t of TITLE_LEXICON.titles) for (const s of t.synonyms) TITLE_OF.set(s, t.title);
const QUALIFIER_OF = new Map<string, string>();
for (const q of TITLE_LEXICON.qualifiers) for (const s of q.synonyms) QUALIFIER_OF.set(s, q.qualifier);
/** Words that may stand between an age and the person it describes ("28-year-old billionaire CEO Jane Doe"). */
const PERSON_WORDS = new Set<string>([...TITLE_LEXICON.personNouns]);
const NOT_PERSON_WORDS = new Set(['of', 'the', 'in', 'on', 'board', 'state', 'general', 'head']);
for (const s of [...TITLE_OF.keys(), ...QUALIFIER_OF.keys()]) {
  for (const w of s.split(' ')) if (!NOT_PERSON_WORDS.has(w)) PERSON_WORDS.add(w);
}
const AGE_FOLLOWERS = new Set(TITLE_LEXICON.ageFollowers);

// ---------------------------------------------------------------------------------------------------------------
// Regexes (literal alternations in bounded sequences: linear)

const H = '[ \\t\\u00a0]';
const qualAlt = alternation(QUALIFIER_OF.keys());
const TITLE_RE = new RegExp(
  `(?<![\\p{L}\\p{N}-])(?:(${qualAlt})(?:-|${SP}+))?(${alternation(TITLE_OF.keys())})(?![\\p{L}\\p{N}]|-\\p{L}|['’]s(?!\\p{L}))`,
  'giu',
);
// Titles are tried only where a qualifier or title word starts (see prefix-scan.ts).
const TITLE_AT = prefixScanner(TITLE_RE, [...QUALIFIER_OF.keys(), ...TITLE_OF.keys()]);
const GROUP_JOIN = new RegExp(`^(?:${SP}+(?:and|&)${SP}+|${SP}*[,/]${SP}*|${SP}*,${SP}*and${SP}+)$`, 'iu');
const ORG_TITLE_GAP = new RegExp(`^(?:['’]s?)?${SP}+$`, 'u');
const CLOSES_APPOSITION_AT = /^(?:[,;:)—–]|\.(?!\d)|[ \t\u00a0]*$|[ \t\u00a0]+[—–-][ \t\u00a0])/u;
const TITLE_PERSON_GAP = new RegExp(`^,?${SP}+$`, 'u');
const QUAL_BEFORE = new RegExp(`(?<![\\p{L}\\p{N}])(${qualAlt})(?:-|${SP}+)$`, 'iu');
const ITS_BEFORE = new RegExp(`(?<![\\p{L}\\p{N}])its${SP}+$`, 'iu');
const OF_AT = new RegExp(`${SP}+(?:of|at|for|with)${SP}+`, 'iy');
const THE_AT = new RegExp(`the${SP}+`, 'iy');
/** What may stand between a person and an appositive title: "X, the", "X, who is the", "X is a", "X, its". */
const APPOSITION_AT = new RegExp(
  `(?:,${SP}+(?:(?:currently|now|also|still)${SP}+)?(?:who${SP}+(?:is|was|remains|serves${SP}+as|served${SP}+as|became|has${SP}+been|had${SP}+been)${SP}+)?|${SP}+(?:is|was|remains|became|serves${SP}+as|served${SP}+as)${SP}+)(?:(the|its|their|his|her|a|an)${SP}+)?`,
  'iy',
);
/** A title after a relative clause or "as", whose person is the last one named before it in the sentence:
 *  "…, a former researcher who remains its chief executive", "after nine years as chief executive". */
const CLAUSE_BEFORE = new RegExp(
  `(?<![\\p{L}])(?:who${SP}+(?:is|was|remains|remained|is${SP}+now)|(?:years|time|stint|tenure|role|serves|served|serving|named|appointed|take${SP}+over|takes${SP}+over|took${SP}+over|taking${SP}+over)${SP}+as)${SP}+(?:(?:its|the|their|his|her)${SP}+)?(?:new${SP}+)?$`,
  'iu',
);
/** "as TITLE" after these is a role still to come ("will take over as CEO", "was named as CEO"). */
const FUTURE_AS = /\b(?:named|appointed|take\s+over|takes\s+over|taking\s+over)\s+as\s+(?:(?:its|the|their|his|her)\s+)?(?:new\s+)?$/i;
/** A portfolio before a minister's or secretary's title: "Transport Minister", "Health Secretary". */
const PORTFOLIO_BEFORE = new RegExp(`(?<![\\p{L}])(\\p{Lu}\\p{Ll}{2,})${SP}+$`, 'u');
const NOT_PORTFOLIO = new Set(['the', 'former', 'new', 'acting', 'interim', 'deputy', 'junior', 'senior', 'its', 'his', 'her', 'their', 'prime', 'cabinet']);
/** "the company’s CEO": an organisation the text does not name. */
const COMMON_POSSESSIVE_AT = new RegExp(`\\p{Ll}+['’]s${SP}+`, 'uy');

const NUM = `\\d{1,3}|${NUMBER_WORD_SOURCE}`;
const AGE_COMMA_AT = new RegExp(
  `,${H}*(\\d{1,3})(?=${H}*[,;)]|${H}*\\.(?!\\d)|${H}*$|${H}+(?:who|said|says|told|is|was|has|had|and|of|from|will|would|joined|founded)(?![\\p{L}]))`,
  'uy',
);
const AGE_PAREN_AT = new RegExp(`${H}*\\((\\d{1,3})\\)`, 'y');
const AGE_AGED_AT = new RegExp(`,?${H}+(aged?${H}+(${NUM}))(?![\\p{L}\\p{N}%-])`, 'iuy');
const AGE_PREDICATE_AT = new RegExp(
  `,?${H}+(?:who${H}+)?(?:is|was|turned|turns|will${H}+be)${H}+((${NUM})(?:${H}+years?${H}+old)?)(?=${H}*[,.;)]|${H}*$|${H}+(?:and|but|when|at|in)(?![\\p{L}]))`,
  'iuy',
);
const YEAR_OLD_RE = new RegExp(`${firstCharGuard(NUMBER_WORD_FIRST, '0123456789')}(?<![\\p{L}\\p{N}-])(${NUM})-years?-old(?![\\p{L}\\p{N}-])`, 'giu');
const YEAR_OLD_POSSIBLE = /-year/i;
const APPOSITIVE_ARTICLE_BEFORE = new RegExp(`,${H}+(?:a|an|the)${H}+$`, 'iu');
const THE_BEFORE = new RegExp(`(?<![\\p{L}])the${H}+$`, 'iu');
const NEXT_WORD_AT = new RegExp(`${H}+([\\p{L}][\\p{L}'’-]*)`, 'uy');

function execAt(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

// ---------------------------------------------------------------------------------------------------------------
// Titles and groups of titles ("founder and CEO")

interface TitleMatch {
  start: number;
  end: number;
  title: string;
  qualified: boolean;
}

interface Group {
  start: number;
  end: number;
  items: TitleMatch[];
}

function scanTitleGroups(text: string): Group[] {
  const groups: Group[] = [];
  for (const m of allMatches(TITLE_AT, TITLE_RE, text)) {
    const base = TITLE_OF.get(norm(m[2]));
    if (!base) continue;
    const qualifier = m[1] ? QUALIFIER_OF.get(norm(m[1])) : undefined;
    const item: TitleMatch = { start: m.index, end: m.index + m[0].length, title: qualifier ? `${qualifier} ${base}` : base, qualified: !!qualifier };
    const last = groups[groups.length - 1];
    if (last && GROUP_JOIN.test(text.slice(last.end, item.start))) {
      last.items.push(item);
      last.end = item.end;
    } else {
      groups.push({ start: item.start, end: item.end, items: [item] });
    }
  }
  return groups;
}

// ---------------------------------------------------------------------------------------------------------------
// Entity index

type Span = { start: number; end: number };
const spanOf = (e: Span): Span => ({ start: e.start, end: e.end });

class Entities {
  readonly persons: EntityFound[];
  /** Organisations and places, sorted by start. */
  readonly orgs: EntityFound[];
  private readonly organizations: EntityFound[];
  private readonly orgByStart = new Map<number, EntityFound>();
  private readonly orgByEnd = new Map<number, EntityFound>();
  private readonly personByStart = new Map<number, EntityFound>();
  private readonly personByEnd = new Map<number, EntityFound>();

  constructor(entities: EntityFound[], textLength: number) {
    const ok = entities.filter((e) => Number.isInteger(e.start) && Number.isInteger(e.end) && e.start >= 0 && e.end > e.start && e.end <= textLength);
    ok.sort((a, b) => a.start - b.start || b.end - a.end);
    this.persons = ok.filter((e) => e.kind === 'person');
    this.orgs = ok.filter((e) => e.kind === 'organization' || e.kind === 'place');
    this.organizations = ok.filter((e) => e.kind === 'organization');
    for (const o of this.orgs) {
      if (!this.orgByStart.has(o.start)) this.orgByStart.set(o.start, o);
      if (!this.orgByEnd.has(o.end)) this.orgByEnd.set(o.end, o);
    }
    for (const p of this.persons) {
      if (!this.personByStart.has(p.start)) this.personByStart.set(p.start, p);
      if (!this.personByEnd.has(p.end)) this.personByEnd.set(p.end, p);
    }
  }

  orgStartingAt(pos: number): EntityFound | undefined {
    return this.orgByStart.get(pos);
  }

  personStartingAt(pos: number): EntityFound | undefined {
    return this.personByStart.get(pos);
  }

  /** The organisation ending right before pos, separated only by spaces or a possessive ("Acme’s CEO"). */
  orgEndingBefore(text: string, pos: number): EntityFound | undefined {
    for (let back = 1; back <= 4 && pos - back >= 0; back++) {
      const o = this.orgByEnd.get(pos - back);
      if (o && ORG_TITLE_GAP.test(text.slice(o.end, pos))) return o;
    }
    return undefined;
  }

  /** "its founder": the nearest organisation earlier in the same sentence (not a place). */
  nearestOrgBefore(pos: number, from: number): EntityFound | undefined {
    const o = lastEndingBy(this.organizations, pos);
    return o && o.start >= from ? o : undefined;
  }

  /** The person mentioned last before pos, if it starts at or after from. */
  lastPersonBefore(pos: number, from: number): EntityFound | undefined {
    const p = lastEndingBy(this.persons, pos);
    return p && p.start >= from ? p : undefined;
  }

  personEndingAt(pos: number): EntityFound | undefined {
    return this.personByEnd.get(pos);
  }
}

/** Binary search over entities sorted by start: the one starting last among those ending by pos. */
function lastEndingBy(list: EntityFound[], pos: number): EntityFound | undefined {
  let lo = 0;
  let hi = list.length - 1;
  let idx = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].start < pos) {
      idx = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  // Entities do not nest in practice; step back over one that runs past pos.
  for (let i = idx; i >= 0 && i >= idx - 3; i--) if (list[i].end <= pos) return list[i];
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Roles

/** Organisation named right after a title: "chief financial officer of Acme", "partner at Sequoia". */
function orgAfter(text: string, ents: Entities, end: number): EntityFound | undefined {
  const m = execAt(OF_AT, text, end);
  if (!m) return undefined;
  const pos = end + m[0].length;
  // The entity may or may not include the article: "reporter for the Daily Planet", "mayor of the Bronx".
  const the = execAt(THE_AT, text, pos);
  return ents.orgStartingAt(pos) ?? (the ? ents.orgStartingAt(pos + the[0].length) : undefined);
}

function rolesOfGroup(g: Group, person: Span, org: EntityFound | undefined, leadingQualifier: string | null): RoleFound[] {
  return mapped(g.items, (t) => ({
    start: t.start,
    end: t.end,
    person: spanOf(person),
    title: leadingQualifier && !t.qualified ? `${leadingQualifier} ${t.title}` : t.title,
    org: org ? spanOf(org) : null,
  }));
}

/** Organisation and qualifier written before a title group: "former Acme CEO", "Acme’s interim CEO", "its CEO". */
function leftOf(text: string, ents: Entities, g: Group, sentenceStart: number): { org?: EntityFound; qualifier: string | null } {
  const org = ents.orgEndingBefore(text, g.start);
  if (org) {
    const q = QUAL_BEFORE.exec(text.slice(Math.max(0, org.start - 12), org.start));
    return { org, qualifier: q ? (QUALIFIER_OF.get(norm(q[1])) ?? null) : null };
  }
  if (ITS_BEFORE.test(text.slice(Math.max(sentenceStart, g.start - 6), g.start))) {
    return { org: ents.nearestOrgBefore(g.start, sentenceStart), qualifier: null };
  }
  return { qualifier: null };
}

export function extractRoles(ctx: ExtractContext, entities: EntityFound[]): RoleFound[] {
  const ents = indexEntities(ctx, entities);
  return ents === null ? [] : safely(() => findRoles(ctx, ents));
}

/** Roles and ages at once: the entities are indexed once for both (the index is a few Maps per document). */
export function extractRolesAndAges(ctx: ExtractContext, entities: EntityFound[]): { roles: RoleFound[]; ages: AgeFound[] } {
  const ents = indexEntities(ctx, entities);
  if (ents === null) return { roles: [], ages: [] };
  return { roles: safely(() => findRoles(ctx, ents)), ages: safely(() => findAges(ctx, ents)) };
}

/** The entities indexed for findRoles and findAges, or null when there is nothing to read (or they are malformed). */
function indexEntities(ctx: ExtractContext, entities: EntityFound[]): Entities | null {
  try {
    const ok = typeof ctx.text === 'string' && ctx.text.length > 0 && Array.isArray(entities);
    return ok ? new Entities(entities, ctx.text.length) : null;
  } catch {
    return null;
  }
}

/** Extraction never throws: a failure yields no items. */
function safely<T>(find: () => T[]): T[] {
  try {
    return find();
  } catch {
    return [];
  }
}

function findRoles(ctx: ExtractContext, ents: Entities): RoleFound[] {
  const text = ctx.text;
  if (ents.persons.length === 0) return [];
  const groups = scanTitleGroups(text);
  const out: RoleFound[] = [];
  const sentenceStartOf = (pos: number): number => sentenceAt(ctx.sentences, pos)?.start ?? 0;

  // TITLE PERSON: "Acme CFO Jane Doe", "Acme’s interim CEO, Jane Doe", "its founder, Jane Doe", "the CEO of Acme, Jane Doe".
  for (const g of groups) {
    const after = orgAfter(text, ents, g.end);
    for (const end of after ? [after.end, g.end] : [g.end]) {
      const gap = /^[,]?[ \t\u00a0]{1,3}/.exec(text.slice(end, end + 4));
      if (!gap || !TITLE_PERSON_GAP.test(gap[0])) continue;
      const person = ents.personStartingAt(end + gap[0].length);
      if (!person) continue;
      // "TITLE, PERSON" is an apposition only when it closes after the name ("its founder, Jane Doe, said");
      // "…as its new CEO, Jane Doe said" is a new clause.
      if (gap[0].startsWith(',') && !CLOSES_APPOSITION_AT.test(text.slice(person.end, person.end + 3))) continue;
      const left = leftOf(text, ents, g, sentenceStartOf(g.start));
      const org = end === g.end ? left.org : after;
      out.push(...rolesOfGroup(g, person, org, left.qualifier));
      break;
    }
  }

  // PERSON, the TITLE (of ORG): "Jane Doe, the chief financial officer of Acme", "Jane Doe, Acme’s CFO", "Jane Doe, its founder".
  const groupAt = new Map(groups.map((g) => [g.start, g]));
  for (const p of ents.persons) {
    const app = execAt(APPOSITION_AT, text, p.end);
    if (!app) continue;
    let pos = p.end + app[0].length;
    const det = app[1]?.toLowerCase() ?? null;
    let org: EntityFound | undefined;
    let named = false;
    const common = execAt(COMMON_POSSESSIVE_AT, text, pos);
    if (common && det === 'the') {
      pos += common[0].length;
      named = true; // "the company’s CEO": an organisation, but not one the text names here
    } else {
      const o = ents.orgStartingAt(pos);
      if (o) {
        const gap = /^(?:['’]s)?[ \t\u00a0]+/.exec(text.slice(o.end, o.end + 4));
        if (gap && groupAt.has(o.end + gap[0].length)) {
          org = o;
          pos = o.end + gap[0].length;
        }
      }
    }
    const g = groupAt.get(pos);
    if (!g) continue;
    org ??= orgAfter(text, ents, g.end);
    if (!org && !named && det === 'its') org = ents.nearestOrgBefore(p.start, sentenceStartOf(p.start));
    out.push(...rolesOfGroup(g, p, org, null));
  }

  // "… who remains its chief executive", "after nine years as chief executive": the last person named before.
  for (const g of groups) {
    const from = sentenceStartOf(g.start);
    const before = text.slice(Math.max(from, g.start - 60), g.start);
    if (!CLAUSE_BEFORE.test(before)) continue;
    const person = ents.lastPersonBefore(g.start, from);
    if (!person) continue;
    const its = /\bits\s+(?:new\s+)?$/i.test(before);
    const org = orgAfter(text, ents, g.end) ?? (its ? ents.nearestOrgBefore(person.start, from) : undefined);
    const future = FUTURE_AS.test(before);
    out.push(...rolesOfGroup(g, person, org, future ? 'incoming' : null));
  }
  return dedupe(mapped(out, (r) => withPortfolio(text, r)));
}

/** "Transport Minister Jane Doe" is the transport minister, not a minister at an organisation called Transport. */
function withPortfolio(text: string, r: RoleFound): RoleFound {
  if (r.title !== 'minister' && r.title !== 'secretary') return r;
  const m = PORTFOLIO_BEFORE.exec(text.slice(Math.max(0, r.start - 30), r.start));
  if (!m || NOT_PORTFOLIO.has(m[1].toLowerCase())) return r;
  const start = r.start - m[0].length;
  const overlapsOrg = r.org !== null && r.org.start < r.start && r.org.end > start;
  return { ...r, start, title: `${m[1].toLowerCase()} ${r.title}`, org: overlapsOrg ? null : r.org };
}

function dedupe(roles: RoleFound[]): RoleFound[] {
  const seen = new Set<string>();
  const out: RoleFound[] = [];
  roles.sort((a, b) => a.start - b.start || a.person.start - b.person.start);
  for (const r of roles) {
    const key = `${r.start}:${r.person.start}:${r.title}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(r);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Ages

const ageValue = (s: string): number | null => {
  const n = /^\d+$/.test(s) ? Number(s) : wordNumber(s);
  return n !== null && n >= 1 && n <= 120 ? n : null;
};

export function extractAges(ctx: ExtractContext, entities: EntityFound[]): AgeFound[] {
  const ents = indexEntities(ctx, entities);
  return ents === null ? [] : safely(() => findAges(ctx, ents));
}

function findAges(ctx: ExtractContext, ents: Entities): AgeFound[] {
  const text = ctx.text;
  if (ents.persons.length === 0) return [];
  const out: AgeFound[] = [];
  const push = (start: number, end: number, person: Span, raw: string) => {
    const age = ageValue(raw);
    if (age !== null) out.push({ start, end, person: spanOf(person), age });
  };

  // Right after the name: "Jane Doe, 28,", "Jane Doe (28)", "Jane Doe, aged 28", "Jane Doe, who is 28".
  for (const p of ents.persons) {
    const comma = execAt(AGE_COMMA_AT, text, p.end) ?? execAt(AGE_PAREN_AT, text, p.end);
    if (comma) {
      const s = p.end + comma[0].lastIndexOf(comma[1]);
      push(s, s + comma[1].length, p, comma[1]);
      continue;
    }
    const aged = execAt(AGE_AGED_AT, text, p.end) ?? execAt(AGE_PREDICATE_AT, text, p.end);
    if (aged) {
      const s = p.end + aged[0].lastIndexOf(aged[1]);
      push(s, s + aged[1].length, p, aged[2]);
    }
  }

  // "the 28-year-old", "28-year-old Jane Doe", "Jane Doe, a 28-year-old engineer".
  // Every match contains "-year" (in any case): most texts have none, and skip the scan.
  for (const m of YEAR_OLD_POSSIBLE.test(text) ? text.matchAll(YEAR_OLD_RE) : []) {
    const start = m.index;
    const end = start + m[0].length;
    const person = personForYearOld(text, ents, start, end, ctx);
    if (person) push(start, end, person, m[1]);
  }

  const seen = new Set<string>();
  return out
    .sort((a, b) => a.start - b.start)
    .filter((a) => {
      const key = `${a.start}:${a.person.start}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

function personForYearOld(text: string, ents: Entities, start: number, end: number, ctx: ExtractContext): EntityFound | undefined {
  // Followed by a name, with only person words between: "28-year-old billionaire CEO Jane Doe".
  let pos = end;
  let firstWord: string | null = null;
  for (let i = 0; i < 5; i++) {
    const gap = /^,?[ \t\u00a0]+/.exec(text.slice(pos, pos + 4));
    const named = gap ? ents.personStartingAt(pos + gap[0].length) : undefined;
    if (named) return named;
    const w = execAt(NEXT_WORD_AT, text, pos);
    if (!w) break;
    const word = w[1].toLowerCase();
    firstWord ??= word;
    if (!PERSON_WORDS.has(word)) break;
    pos += w[0].length;
  }
  const describesPerson = firstWord === null || PERSON_WORDS.has(firstWord) || AGE_FOLLOWERS.has(firstWord) || /^\p{Ll}+ed$/u.test(firstWord);
  const next = text.slice(end, end + 2);
  const punctuationNext = /^(?:[ \t\u00a0]*$|[,.;:)!?—–])/.test(next) || /^[ \t\u00a0]*[\r\n]/.test(next);

  // In apposition: "Jane Doe, a 28-year-old engineer".
  const before = text.slice(Math.max(0, start - 6), start);
  const app = APPOSITIVE_ARTICLE_BEFORE.exec(before);
  if (app) {
    const commaAt = start - app[0].length;
    const p = ents.personEndingAt(commaAt);
    if (p) return p;
  }
  // "the 28-year-old said": the most recent person before it, in this paragraph.
  if (!THE_BEFORE.test(before)) return undefined;
  if (!(punctuationNext || (firstWord !== null && describesPerson))) return undefined;
  // Bounded look-back (never the whole line) keeps this linear on long paragraphs.
  const sentence = sentenceAt(ctx.sentences, start);
  const windowStart = Math.max(0, (sentence?.start ?? start) - 600);
  const from = windowStart + text.slice(windowStart, start).lastIndexOf('\n') + 1;
  // "The 24-year-old will travel …" opening a paragraph: the one person the paragraph before names, if only one.
  return ents.lastPersonBefore(start, from) ?? (from > windowStart ? onlyPersonBefore(text, ents, from) : undefined);
}

/** The one person (by canonical name) that the paragraph ending before `from` names; undefined for none or several.
 *  The look-back is bounded, as above. */
function onlyPersonBefore(text: string, ents: Entities, from: number): EntityFound | undefined {
  let end = from - 1;
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  if (end <= 0) return undefined;
  const windowStart = Math.max(0, end - 800);
  const start = windowStart + text.slice(windowStart, end).lastIndexOf('\n') + 1;
  let only: EntityFound | undefined;
  for (let p = ents.lastPersonBefore(end, start); p; p = ents.lastPersonBefore(p.start, start)) {
    if (only && only.value.canonical !== p.value.canonical) return undefined;
    only ??= p;
  }
  return only;
}
