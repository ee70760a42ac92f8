// Tense of the words around a date mention: whether "Wednesday" or "June 12" points back or ahead of the
// document's date. A verb joined to the date by a preposition alone governs it ("said on Tuesday it will ..." is
// past), and so does an infinitive or modal's verb ("to close by June" is ahead); otherwise the nearest cue in the
// date's own clause, then in the sentence, wins, and a future cue wins a tie with the past cue inside it
// ("expected to" also ends in -ed). A participle after "be" is no past cue: "would be held on Thursday" is ahead.
import type { ExtractContext } from './text.js';
import { sentenceAt } from './text.js';
import { DATE_CONTEXT, cueSource } from './dates-lexicon.js';

export type Tense = 'past' | 'future';

// Participles that take an infinitive or a date ahead: "expected to", "scheduled for".
// So do verbs of telling someone to do a thing: "told to return stock by October 31", "ordered to pay by June".
const FUTURE_PARTICIPLE_WORDS = ['expected', 'scheduled', 'planned', 'slated', 'poised', 'intended', 'designed', 'supposed', 'required', 'asked', 'allowed', 'obliged', 'committed', 'prepared', 'pledged', 'promised', 'vowed', 'told', 'ordered', 'urged', 'instructed', 'advised', 'directed'];
const FUTURE_RE = new RegExp(`(?<![\\p{L}\\d])(?:${cueSource(DATE_CONTEXT.futureCues)})(?![\\p{L}\\d])|\\p{L}['’]ll(?![\\p{L}])`, 'giu');
// Irregular past forms and reporting verbs, plus any regular past form (-ed, at least 3 letters before it); not a
// passive infinitive's participle ("to be signed", "will be held"), which says nothing of the past.
// Nor a participle that points ahead ("is expected in September", "scheduled for May 20"), nor "last" as an
// adjective ("before the last home game of the season").
const PAST_RE = new RegExp(
  `(?<![\\p{L}\\d])(?<!(?<![\\p{L}])be[ \\t]+)(?<!(?<![\\p{L}])(?:the|its|their|his|her|our|this|that)[ \\t]+(?=last))(?:${cueSource(DATE_CONTEXT.pastCues)}|(?!(?:${FUTURE_PARTICIPLE_WORDS.join('|')})(?![\\p{L}]))\\p{L}{3,}ed)(?![\\p{L}\\d])`,
  'giu',
);
const CLOSE_AFTER = /^['’]s[ \t]+clos(?:e|ing)(?![\p{L}])/iu;
// A noun, not the verb: "the close on Monday", "the closing price on Monday", not "expected to close on Friday".
const CLOSE_BEFORE = /(?<![\p{L}])(?:closing|(?:the|its|their|a|market)[ \t]+close)(?:[ \t]+(?:price|level))?[ \t]+(?:on|of)[ \t]+$/iu;
// What may stand between a verb and the date it governs: "said on", "met late on", "announced early".
const JOINED = /^[ \t]*(?:(?:on|at|in|by|from|until|since|early|late|earlier|later)[ \t]+)*$/iu;
// An infinitive or a modal's verb, with up to two words of its object, that governs the date: "expects it to close
// by the end of June", "should be completed in the second quarter", "will remain closed until at least March 16",
// "must balance their books by June 30" point ahead.
// (The verb is in lower case, so the pattern is case-sensitive: "flew to Spain on Tuesday" holds the preposition.)
const FUTURE_JOINED =
  /(?<![\p{L}])(to|will|would|should|shall|must|can)[ \t]+(?:(?:be|remain|stay|keep)[ \t]+)?\p{Ll}+((?:[ \t]+\p{Ll}+){0,2})[ \t]+(?:(?:on|at|in|by|until|till|early|late|least)[ \t]+)+(?:the[ \t]+)?$/u;
// ... unless a past verb takes the infinitive: "shares began to fall on Monday", "continued to rise in March".
const PAST_BEFORE_TO = /(?:^|[^\p{L}])(\p{L}+)[ \t]+$/u;
const PAST_SET = new Set(DATE_CONTEXT.pastCues);
const FUTURE_PARTICIPLES = new Set(FUTURE_PARTICIPLE_WORDS);

/** Whether an infinitive's or a modal's verb right before the date points it ahead (see FUTURE_JOINED). */
function futureJoined(before: string): boolean {
  const m = FUTURE_JOINED.exec(before);
  if (!m) return false;
  // The object's words are no verb of their own: "according to estimates published on Thursday".
  if (m[2].split(/[ \t]+/).some((x) => PAST_SET.has(x) || /ed$/.test(x))) return false;
  if (m[1].toLowerCase() !== 'to') return true;
  const w = PAST_BEFORE_TO.exec(before.slice(0, m.index))?.[1].toLowerCase();
  return w === undefined || FUTURE_PARTICIPLES.has(w) || (w !== 'according' && !(PAST_SET.has(w) || /ed$/.test(w)));
}
// What ends a clause between a cue and the date: a cue behind it speaks of another verb ("told investors on Monday
// that it would file": "would" is the filing's; "won the first round on Sunday and will face": "will" is the facing's).
const CLAUSE_BREAK = /[,;:()]|(?<![\p{L}])(?:that|which|who|because|after|before|once|when|while|if|although|but|and)(?![\p{L}])/iu;

// A date something was put off to, past the verb's object: "adjourned the sentencing of X to April 23".
const MOVED_TO =
  /(?<![\p{L}])(?:adjourned|postponed|delayed|deferred|moved|pushed[ \t]+back|rescheduled|put[ \t]+off)(?:[ \t]+[^\s,.;:]+){0,6}?[ \t]+(?:to|until|till)[ \t]+(?:the[ \t]+)?$/iu;
// A pluperfect before a future cue: "had been scheduled for", "had planned to".
const HAD_BEFORE = /(?:^|[^\p{L}])had[ \t]+(?:been[ \t]+)?$/iu;

/** How far (characters) either side of the mention to look for cues: keeps long lines linear. */
const WINDOW = 160;

/**
 * The tense nearest to the span [start, end) inside its sentence, or null when the sentence has no cue.
 * Words of the mention itself are skipped. With `ownClause`, a cue in a clause after the date counts for nothing: a
 * weekday is one just gone unless what leads to it points ahead ("filed on Wednesday, and a hearing has been set for
 * March 18" is past; "would bring rain to Kentucky and Ohio through Thursday" is ahead).
 */
export function tenseAround(ctx: ExtractContext, start: number, end: number, ownClause = false): Tense | null {
  const sentence = sentenceAt(ctx.sentences, start);
  const lo = Math.max(sentence ? sentence.start : 0, start - WINDOW);
  const hi = Math.min(sentence ? sentence.end : ctx.text.length, end + WINDOW);
  // Cues never reach across a line break (without sentences, the window may).
  let before = ctx.text.slice(lo, start);
  before = before.slice(before.lastIndexOf('\n') + 1);
  let after = ctx.text.slice(end, hi);
  const nl = after.indexOf('\n');
  if (nl >= 0) after = after.slice(0, nl);
  // A market's close is always one gone by: "a premium of 32% to Friday's close", "the closing price on Monday".
  if (CLOSE_AFTER.test(after) || CLOSE_BEFORE.test(before)) return 'past';
  if (futureJoined(before) || MOVED_TO.test(before)) return 'future';
  let best: Cue | null = null;
  const consider = (re: RegExp, tense: Tense) => {
    for (const [part, isBefore] of [[before, true], [after, false]] as const) {
      re.lastIndex = 0;
      for (let m = re.exec(part); m; m = re.exec(part)) {
        const end = m.index + m[0].length;
        const between = isBefore ? part.slice(end) : part.slice(0, m.index);
        const joined = isBefore && JOINED.test(between);
        // "had been scheduled for Sunday": a plan of the past, for a day gone by.
        const cueTense = tense === 'future' && HAD_BEFORE.test(part.slice(Math.max(0, m.index - 12), m.index)) ? 'past' : tense;
        const cue: Cue = { distance: isBefore ? part.length - end : m.index, tense: cueTense, joined, remote: !joined && CLAUSE_BREAK.test(between), start: m.index, isBefore };
        if (ownClause && cue.remote && !isBefore) continue;
        if (!best || wins(cue, best)) best = cue;
      }
    }
  };
  consider(PAST_RE, 'past');
  consider(FUTURE_RE, 'future');
  return (best as Cue | null)?.tense ?? null;
}

interface Cue {
  distance: number;
  tense: Tense;
  /** Joined to the date by prepositions alone (before it). */
  joined: boolean;
  /** In another clause than the date: a cue in the date's own clause beats it, however far. */
  remote: boolean;
  start: number;
  isBefore: boolean;
}

/** Whether cue a beats cue b (b was found first: every past cue comes before every future one). */
function wins(a: Cue, b: Cue): boolean {
  if (a.joined !== b.joined) return a.joined;
  if (a.remote !== b.remote) return !a.remote;
  if (a.distance !== b.distance) return a.distance < b.distance;
  // A tie: the future cue holds the past one ("expected to" holds "expected", "is scheduled" holds "scheduled"), as
  // cues on the same side that end (before the date) or start (after it) at the same place do; the future wins.
  return a.tense === 'future' && a.isBefore === b.isBefore;
}
