// Pairs quotation marks into candidate quote spans, one paragraph (line) at a time, in one linear pass per line.
// Unbalanced marks are dropped, so a stray mark can never swallow the rest of the document.

/** A pair of quotation marks found in the text. */
export interface QuoteSpan {
  /** Offset of the opening mark. */
  start: number;
  /** Offset just after the closing mark (or the end of the paragraph for an unclosed continued quote). */
  end: number;
  innerStart: number;
  innerEnd: number;
  /** Unclosed at the end of its paragraph because the next paragraph reopens the quote (newspaper convention). */
  continues: boolean;
  /** Offset of the start of the paragraph (line) holding the span. */
  lineStart: number;
}

type Family = 'double' | 'guillemet' | 'single' | 'straight';

const WORD_CHAR = /[\p{L}\p{N}]/u;
const CAPITAL = /\p{Lu}/u;
// What a straight single quote closes right after.
const CLOSES_AFTER = /[,.?!]/u;
// Characters after which a straight double quote or a ‘ opens rather than closes.
const OPENS_AFTER = /[\s([{\u2014\u2013\-/“"‘«]/u;

function isSpace(ch: string | undefined): boolean {
  return ch === undefined || ch === ' ' || ch === '\t' || ch === '\u00a0';
}

/** Finds every paired quotation in the text, sorted by start. Never throws. */
export function scanQuotes(text: string): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let contentEnd = lineEnd;
    while (contentEnd > lineStart && /\s/.test(text[contentEnd - 1])) contentEnd--;
    if (contentEnd > lineStart) scanLine(text, lineStart, contentEnd, lineEnd, out);
    if (lineEnd >= text.length) break;
    lineStart = lineEnd + 1;
  }
  return out;
}

function scanLine(text: string, ls: number, le: number, lineBreak: number, out: QuoteSpan[]): void {
  const doubles = scanDoubles(text, ls, le, lineBreak);
  const singles = scanSingles(text, ls, le, lineBreak, doubles);
  // Most lines have no single quotes: the double-quoted spans come out of scanDoubles in start order already (one
  // is open at a time), so they are the merged list; no filtered, spread and sorted copies per line.
  if (singles.length === 0) {
    for (const d of doubles) out.push(d);
    return;
  }
  // Double quotes nested inside a British-style single quote are part of it, not quotes of their own.
  const kept = doubles.filter((d) => !singles.some((s) => s.start < d.start && d.end <= s.end));
  const merged = [...kept, ...singles].sort((a, b) => a.start - b.start);
  for (const s of merged) out.push(s);
}

function scanDoubles(text: string, ls: number, le: number, lineBreak: number): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let open = -1;
  let family: Family | null = null;
  const close = (i: number) => {
    spans.push({ start: open, end: i + 1, innerStart: open + 1, innerEnd: i, continues: false, lineStart: ls });
    open = -1;
    family = null;
  };
  for (let i = ls; i < le; i++) {
    // Compared as character codes: text[i] allocates a string for every character outside Latin-1 (’ is common).
    const c = text.charCodeAt(i);
    if (c !== 0x201c && c !== 0x201d && c !== 0x22 && c !== 0xab && c !== 0xbb) continue; // “ ” " « »
    const ch = text[i];
    if (ch === '“') {
      // A second opener means the first was never closed: restart at the new one.
      if (family !== 'guillemet') {
        open = i;
        family = 'double';
      }
    } else if (ch === '”') {
      if (family === 'double') close(i);
    } else if (ch === '"') {
      const prev = i > ls ? text[i - 1] : ' ';
      const next = text[i + 1];
      const opener = OPENS_AFTER.test(prev) && !isSpace(next) && next !== '\n' && next !== '\r';
      if (family === 'double') {
        // Straight marks inside a curly quote are nested (or stray): only a straight opener is closed by one.
        if (text[open] === '"') close(i);
      } else if (family === null && opener) {
        open = i;
        family = 'double';
      }
    } else if (ch === '«') {
      if (family === null || family === 'guillemet') {
        open = i;
        family = 'guillemet';
      }
    } else if (ch === '»') {
      if (family === 'guillemet') close(i);
    }
  }
  if (open >= 0 && family !== null && nextParagraphReopens(text, lineBreak, family)) {
    spans.push({ start: open, end: le, innerStart: open + 1, innerEnd: le, continues: true, lineStart: ls });
  }
  return spans;
}

// Single curly quotes: ‘ opens only at a word start, ’ closes only when no letter follows (else it is an apostrophe).
// Straight single quotes (British style in plain text: 'We are ready,' she said.) are stricter, since the same mark
// is every apostrophe: one opens only before a capital letter, and closes only right after the sentence's own
// punctuation (,.?!) with no letter after it; "don't" and "teachers' union" can do neither.
function scanSingles(text: string, ls: number, le: number, lineBreak: number, doubles: QuoteSpan[]): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let open = -1;
  let straight = false;
  let d = 0;
  for (let i = ls; i < le; i++) {
    // Skip over double-quoted regions while no single quote is open: a ‘ inside “…” is nested, not ours.
    while (d < doubles.length && doubles[d].end <= i) d++;
    if (open < 0 && d < doubles.length && doubles[d].start <= i) {
      i = doubles[d].end - 1;
      continue;
    }
    const c = text.charCodeAt(i);
    if (c !== 0x2018 && c !== 0x2019 && c !== 0x27) continue; // ‘ ’ ' (compared as codes, see scanDoubles)
    const ch = text[i];
    if (c === 0x27) {
      const next = text[i + 1];
      if (open < 0) {
        const prev = i > ls ? text[i - 1] : ' ';
        if (OPENS_AFTER.test(prev) && next !== undefined && CAPITAL.test(next)) {
          open = i;
          straight = true;
        }
      } else if (straight && CLOSES_AFTER.test(text[i - 1]) && (next === undefined || !WORD_CHAR.test(next)) && i > open + 2) {
        spans.push({ start: open, end: i + 1, innerStart: open + 1, innerEnd: i, continues: false, lineStart: ls });
        open = -1;
      }
    } else if (ch === '‘') {
      const prev = i > ls ? text[i - 1] : ' ';
      const next = text[i + 1];
      if (OPENS_AFTER.test(prev) && next !== undefined && WORD_CHAR.test(next)) {
        open = i;
        straight = false;
      }
    } else if (ch === '’' && open >= 0 && !straight) {
      const next = text[i + 1];
      const prev = text[i - 1];
      if ((next === undefined || !WORD_CHAR.test(next)) && !isSpace(prev) && i > open + 1) {
        spans.push({ start: open, end: i + 1, innerStart: open + 1, innerEnd: i, continues: false, lineStart: ls });
        open = -1;
      }
    }
  }
  if (open >= 0 && nextParagraphReopens(text, lineBreak, straight ? 'straight' : 'single')) {
    spans.push({ start: open, end: le, innerStart: open + 1, innerEnd: le, continues: true, lineStart: ls });
  }
  return spans;
}

/** True when the next non-blank paragraph opens with a quotation mark of the same family. */
function nextParagraphReopens(text: string, lineBreak: number, family: Family): boolean {
  let i = lineBreak;
  while (i < text.length && /\s/.test(text[i])) i++;
  // Only look one paragraph ahead: blank lines are skipped, but nothing else.
  if (i >= text.length || i === lineBreak) return false;
  const ch = text[i];
  if (family === 'double') return ch === '“' || ch === '"';
  if (family === 'guillemet') return ch === '«';
  if (family === 'straight') return ch === "'" && CAPITAL.test(text[i + 1] ?? '');
  return ch === '‘';
}
