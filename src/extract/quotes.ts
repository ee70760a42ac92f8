// Direct quotations with speaker attribution: pairs quotation marks, ties each quote to a reporting verb and its
// speaker phrase, resolves the speaker to an entity, and drops scare quotes, names and titles of works.
import type { EntityFound, QuoteFound } from './types.js';
import { sentenceAt, type ExtractContext, type Sentence, type Span } from './text.js';
import { scanQuotes, type QuoteSpan } from './quotes-scan.js';
import {
  attributionAfter,
  attributionAtSentenceEnd,
  attributionBefore,
  speakerAfter,
  subjectBefore,
  type Attribution,
} from './quotes-speaker.js';
import { findVerbs, MINOR_TITLE_WORDS, OTHER_PRONOUNS, SPEECH_PRONOUNS } from './quotes-lexicon.js';
import { resolveSpeaker, EntityIndex, type ResolvedSpeaker } from './quotes-resolve.js';

/** How a quote got its speaker: this decides how short a quote may be and still count. */
type AttributionKind = 'direct' | 'sentence' | 'inherited' | 'none';

interface Accepted {
  span: QuoteSpan;
  speaker: ResolvedSpeaker | null;
}

/** Finds the direct quotes of a document and who said them. Never throws. */
export function extractQuotes(ctx: ExtractContext, entities: EntityFound[]): QuoteFound[] {
  const { text } = ctx;
  if (!text) return [];
  const spans = scanQuotes(text);
  if (spans.length === 0) return [];
  const insideQuote = makeInsideTest(spans);
  const index = new EntityIndex(text, entities, insideQuote, ctx.sentences);
  const out: QuoteFound[] = [];
  // The accepted quotes, one for each of `out`.
  const kept: Accepted[] = [];
  let last: Accepted | null = null;

  for (const q of spans) {
    const inner = trimInner(text, q);
    if (!inner) continue;
    const quote = text.slice(inner.start, inner.end);
    const words = countWords(quote);
    if (words === 0) continue;
    const sentence = sentenceAt(ctx.sentences, q.start);
    const prefixStart = Math.max(q.lineStart, sentence ? sentence.start : q.lineStart);
    const partial = isPartial(text, prefixStart, q.start, quote);
    const lineEnd = endOfLine(text, q.end);

    let att: Attribution | null = null;
    let kind: AttributionKind = 'none';
    if (!partial) {
      att = attributionAfter(text, q, lineEnd) ?? attributionBefore(text, prefixStart, q.start, insideQuote);
      att ??= attributionFromPreviousLine(text, ctx.sentences, sentence, q, insideQuote);
      if (att) kind = 'direct';
    } else {
      const before = attributionBefore(text, prefixStart, q.start, insideQuote);
      att = before?.speaker ? before : attributionAfter(text, q, lineEnd);
      if (!att?.speaker && sentence) att = attributionAtSentenceEnd(text, q, sentence.end);
      if (att?.speaker) kind = 'sentence';
    }

    let speaker: ResolvedSpeaker | null = att?.speaker ? resolveSpeaker(text, att.speaker, index, q.lineStart) : null;
    // A quote with no speaker of its own (or an unresolved "he") goes on from the quote before it; "they" does not.
    const own = att?.speaker ? text.slice(att.speaker.start, att.speaker.end).toLowerCase() : '';
    const open = !speaker?.speaker && !OTHER_PRONOUNS.has(own);
    const before: Accepted | null = last?.speaker?.speaker ? last : null;
    if (open && !partial && before && continuesFrom(text, before.span, q)) {
      kind = 'inherited';
      speaker = before.speaker;
    } else if (open && !partial && att === null) {
      // “X said the firm ignored warnings. “We …”” / a paragraph that is one more quote of the last speaker.
      const prior =
        speakerOfSentenceBefore(text, ctx.sentences, sentence, q, index, insideQuote) ??
        (before && opensParagraphAfter(text, before.span, q) ? before.speaker : null);
      if (prior) {
        kind = 'inherited';
        speaker = prior;
      }
    }
    if (!accept(kind, partial, quote, words, att !== null && att.verb.start >= q.end)) continue;
    // “the "robot port" is coming”: a short quoted noun phrase after a determiner is a scare quote, not speech.
    if (partial && words <= 3 && SCARE_DETERMINER.test(text.slice(Math.max(prefixStart, q.start - 16), q.start))) continue;

    out.push({
      start: q.start,
      end: q.end,
      value: {
        quote,
        speaker: speaker?.speaker ?? null,
        speakerCanonical: speaker?.canonical ?? null,
        ...(partial ? { partial: true } : {}),
      },
      ...(speaker?.span ? { speakerSpan: { ...speaker.span } } : {}),
    });
    const accepted: Accepted = { span: q, speaker };
    last = accepted;
    kept.push(accepted);
  }
  fillFromChainEnd(text, out, kept);
  return out;
}

/**
 * “… (no closing mark) ¶ “…,” she added.': a quote running over paragraphs is attributed where it ends. A paragraph
 * of it with no speaker takes the speaker of the paragraph that goes on from it (the last first, so that a chain of
 * three fills from its end).
 */
function fillFromChainEnd(text: string, out: QuoteFound[], kept: Accepted[]): void {
  for (let i = kept.length - 2; i >= 0; i--) {
    const next = kept[i + 1].speaker;
    if (out[i].value.speaker !== null || out[i].value.partial || !next?.speaker) continue;
    if (!kept[i].span.continues || !continuesFrom(text, kept[i].span, kept[i + 1].span)) continue;
    kept[i] = { span: kept[i].span, speaker: next };
    out[i] = {
      ...out[i],
      value: { ...out[i].value, speaker: next.speaker, speakerCanonical: next.canonical },
      ...(next.span ? { speakerSpan: { ...next.span } } : {}),
    };
  }
}

const SCARE_DETERMINER = /(?<![\p{L}])(?:the|this|that|these|those|its|their|his|her|our|so-called)\s*$/iu;

// Short quotes need a speaker: a single word never counts (scare quotes such as “neutral” sit in sentences with
// reporting verbs too), two words only with a verb tying them to a speaker; an unattributed quote must read like
// speech, not a name or a title of a work.
function accept(kind: AttributionKind, partial: boolean, quote: string, words: number, fromAfter: boolean): boolean {
  const titled = isTitleCase(quote);
  switch (kind) {
    case 'direct':
      return fromAfter || !titled || words > 6;
    case 'sentence':
      return words >= 2 && !titled;
    case 'inherited':
      return words >= 2;
    case 'none':
      return words >= 3 && !titled && (!partial || hasSpeechPronoun(quote));
  }
}

/** A quote is partial when it opens mid-sentence rather than after a colon, a comma or the reporting verb. */
function isPartial(text: string, prefixStart: number, quoteStart: number, quote: string): boolean {
  const prefix = text.slice(prefixStart, quoteStart).trimEnd();
  if (!/[\p{L}\p{N}]/u.test(prefix)) return false;
  const last = prefix[prefix.length - 1];
  // A colon, or a full stop the sentence splitter kept (“…,” said Jane Roe of Globex Corp. “…”).
  if (last === ':' || last === '!' || last === '?') return false;
  if (last === '.' && !/(?:^|[\s.])\p{Lu}\.$/u.test(prefix)) return false;
  // “We tried,” he said, “and failed.”: the second half of a quote broken by its attribution.
  if (last === ',' && /[”"»]|’(?!\p{L})/u.test(prefix)) return false;
  if (!/^\P{L}*\p{Lu}/u.test(quote)) return true;
  if (last === ',') return false;
  // "She said “We…”", "told the AP that “The…”": a capitalised quote that is the verb's whole complement.
  const tail = prefix.slice(-60);
  const offset = prefixStart + prefix.length - tail.length;
  const verbs = findVerbs(text, offset, offset + tail.length);
  const lastVerb = verbs[verbs.length - 1];
  if (!lastVerb) return true;
  const between = text.slice(lastVerb.end, prefixStart + prefix.length);
  return !(/^\s*$/.test(between) || /\bthat$/.test(between));
}

/** "She said:\n“…”": a quote opening a paragraph takes its attribution from a previous line ending in a colon. */
function attributionFromPreviousLine(
  text: string,
  sentences: Sentence[],
  sentence: Sentence | undefined,
  q: QuoteSpan,
  insideQuote: (offset: number) => boolean,
): Attribution | null {
  if (!sentence || sentence.start !== q.start || sentence.index === 0) return null;
  const prev = sentences[sentence.index - 1];
  if (!text.slice(prev.end, q.start).includes('\n') || !prev.text.endsWith(':')) return null;
  return attributionBefore(text, prev.start, prev.end - 1, insideQuote);
}

/**
 * "Jane Roe said the firm had ignored warnings. “We …”": a quote opening a sentence with no attribution of its own
 * is the speech of the subject of the sentence before it in the same paragraph, when that sentence reports speech
 * and its speaker resolves to an entity.
 */
function speakerOfSentenceBefore(
  text: string,
  sentences: Sentence[],
  sentence: Sentence | undefined,
  q: QuoteSpan,
  index: EntityIndex,
  insideQuote: (offset: number) => boolean,
): ResolvedSpeaker | null {
  if (!sentence || sentence.index === 0 || !/^\s*$/.test(text.slice(sentence.start, q.start))) return null;
  const prev = sentences[sentence.index - 1];
  if (prev.start < q.lineStart) return null;
  const verb = findVerbs(text, prev.start, prev.end).find((v) => !insideQuote(v.start));
  if (!verb) return null;
  const phrase = verb.speakerAfter ? speakerAfter(text, verb.end, prev.end) : subjectBefore(text, prev.start, verb.start);
  if (!phrase) return null;
  const speaker = resolveSpeaker(text, phrase, index, q.lineStart);
  return speaker.speaker && speaker.canonical ? speaker : null;
}

/** A paragraph that opens with a quote, right after a paragraph whose last words were a quote and its attribution. */
function opensParagraphAfter(text: string, prev: QuoteSpan, q: QuoteSpan): boolean {
  if (prev.lineStart === q.lineStart || q.start - prev.end > 200 || !/^\s*$/.test(text.slice(q.lineStart, q.start))) return false;
  return /^[^\n“”"«»]{0,80}\n\s*$/.test(text.slice(prev.end, q.start));
}

/** The quote goes on from the last accepted one: same paragraph, or the next paragraph of a multi-paragraph quote. */
function continuesFrom(text: string, prev: QuoteSpan, q: QuoteSpan): boolean {
  if (prev.lineStart === q.lineStart) return true;
  if (!prev.continues || q.start - prev.end > 200) return false;
  return /^\s*$/.test(text.slice(prev.end, q.start));
}

function trimInner(text: string, q: QuoteSpan): Span | null {
  let s = q.innerStart;
  let e = q.innerEnd;
  while (s < e && /\s/.test(text[s])) s++;
  // The comma or colon before the closing mark belongs to the attribution sentence, not to the quote.
  while (e > s && /[\s,;:]/.test(text[e - 1])) e--;
  return e > s ? { start: s, end: e } : null;
}

function endOfLine(text: string, from: number): number {
  const i = text.indexOf('\n', from);
  return i < 0 ? text.length : i;
}

const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;

function wordsOf(s: string): string[] {
  return s.match(WORD) ?? [];
}

function countWords(s: string): number {
  return wordsOf(s).filter((w) => /\p{L}/u.test(w)).length;
}

/** "The Lord of the Rings", "Jane Doe": every significant word capitalised. */
function isTitleCase(s: string): boolean {
  const words = wordsOf(s).filter((w) => /\p{L}/u.test(w));
  if (words.length < 2) return false;
  const significant = words.filter((w) => !MINOR_TITLE_WORDS.has(w.toLowerCase()));
  return significant.length > 0 && significant.every((w) => /^\p{Lu}/u.test(w));
}

function hasSpeechPronoun(s: string): boolean {
  return wordsOf(s).some((w) => SPEECH_PRONOUNS.has(w.toLowerCase()));
}

/** A test for "offset lies inside one of these (sorted, non-nested) quote spans", by binary search. */
function makeInsideTest(spans: QuoteSpan[]): (offset: number) => boolean {
  return (offset: number) => {
    let lo = 0;
    let hi = spans.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = spans[mid];
      if (offset < s.start) hi = mid - 1;
      else if (offset >= s.end) lo = mid + 1;
      else return true;
    }
    return false;
  };
}
