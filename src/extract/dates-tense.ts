// Tense of the words around a date mention: whether "Wednesday" or "June 12" points back or ahead of the
// document's date. The nearest cue in the sentence wins; a future cue wins a tie ("expected to" also ends in -ed).
import type { ExtractContext } from './text.js';
import { sentenceAt } from './text.js';
import { DATE_CONTEXT, cueSource } from './dates-lexicon.js';

export type Tense = 'past' | 'future';

const FUTURE_RE = new RegExp(`(?<![\\p{L}\\d])(?:${cueSource(DATE_CONTEXT.futureCues)})(?![\\p{L}\\d])|\\p{L}['’]ll(?![\\p{L}])`, 'giu');
// Irregular past forms and reporting verbs, plus any regular past form (-ed, at least 3 letters before it).
const PAST_RE = new RegExp(`(?<![\\p{L}\\d])(?:${cueSource(DATE_CONTEXT.pastCues)}|\\p{L}{3,}ed)(?![\\p{L}\\d])`, 'giu');

/** How far (characters) either side of the mention to look for cues: keeps long lines linear. */
const WINDOW = 160;

/**
 * The tense nearest to the span [start, end) inside its sentence, or null when the sentence has no cue.
 * Words of the mention itself are skipped.
 */
export function tenseAround(ctx: ExtractContext, start: number, end: number): Tense | null {
  const sentence = sentenceAt(ctx.sentences, start);
  const lo = Math.max(sentence ? sentence.start : 0, start - WINDOW);
  const hi = Math.min(sentence ? sentence.end : ctx.text.length, end + WINDOW);
  // Cues never reach across a line break (without sentences, the window may).
  let before = ctx.text.slice(lo, start);
  before = before.slice(before.lastIndexOf('\n') + 1);
  let after = ctx.text.slice(end, hi);
  const nl = after.indexOf('\n');
  if (nl >= 0) after = after.slice(0, nl);
  let best: { distance: number; tense: Tense } | null = null;
  const consider = (re: RegExp, tense: Tense) => {
    for (const [part, isBefore] of [[before, true], [after, false]] as const) {
      re.lastIndex = 0;
      for (let m = re.exec(part); m; m = re.exec(part)) {
        const distance = isBefore ? part.length - (m.index + m[0].length) : m.index;
        if (!best || distance < best.distance || (distance === best.distance && tense === 'future')) {
          best = { distance, tense };
        }
      }
    }
  };
  consider(PAST_RE, 'past');
  consider(FUTURE_RE, 'future');
  return (best as { distance: number; tense: Tense } | null)?.tense ?? null;
}
