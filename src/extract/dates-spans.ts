// Span bookkeeping for the date extractor: links to skip and the choice among overlapping candidates.
import type { DateCandidate } from './dates-resolve.js';
import { type PrefixScanner, execFrom } from './prefix-scan.js';

/** Spans of URLs and e-mail addresses: the digits in "/2025/06/18/" are not dates of the story. */
export function linkSpans(text: string): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  // Only a whitespace-delimited token holding "/", "@" or "www." can be a link: find those characters and widen
  // each to its token, instead of cutting the whole text into tokens.
  let tokenEnd = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 47 && c !== 64 && !(c === 119 && text.startsWith('www.', i))) continue;
    if (i < tokenEnd) continue; // inside the token just looked at
    let start = i;
    while (start > 0 && !isSpace(text.charCodeAt(start - 1))) start--;
    let end = i + 1;
    while (end < text.length && !isSpace(text.charCodeAt(end))) end++;
    tokenEnd = end;
    const t = text.slice(start, end);
    if (/^[("'“‘<[]*(?:[a-z][a-z0-9+.-]*:\/\/|www\.)/i.test(t) || /^[^\s@]+@[^\s@]+\.[a-z]{2,}/i.test(t) || /^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\//i.test(t)) {
      spans.push({ start, end });
    }
  }
  return spans;
}

/** Exactly the characters of the regex class \s. */
function isSpace(c: number): boolean {
  return (
    (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** Keeps the longest of overlapping candidates (earliest first on ties) and returns them in text order. */
export function keepLongest(candidates: DateCandidate[], textLength: number): DateCandidate[] {
  const byLength = [...candidates].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken = new Uint8Array(textLength);
  const kept: DateCandidate[] = [];
  for (const c of byLength) {
    let free = true;
    for (let i = c.start; i < c.end; i++) {
      if (taken[i]) {
        free = false;
        break;
      }
    }
    if (!free) continue;
    taken.fill(1, c.start, c.end);
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** Runs a global regex over the text, keeping the candidates `accept` makes of its matches. */
export function scan(re: RegExp, text: string, out: DateCandidate[], accept: (m: RegExpExecArray) => DateCandidate | null) {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const c = accept(m);
    if (c) out.push(c);
    // Retry one character on so a rejected match does not hide a valid one starting inside it.
    re.lastIndex = c ? m.index + m[0].length : m.index + 1;
  }
}

/**
 * `scan` for a regex registered with prefixScanner: tries the regex only at the text's candidate positions. Since
 * every match starts at a candidate, the first candidate at or after the resume point where the sticky regex
 * matches is exactly the match the global regex would find from there; resuming works as in `scan`.
 */
export function scanAt(
  scanner: PrefixScanner | null,
  global: RegExp,
  text: string,
  out: DateCandidate[],
  accept: (m: RegExpExecArray) => DateCandidate | null,
) {
  if (scanner === null) {
    scan(global, text, out, accept);
    return;
  }
  for (let m = execFrom(scanner, text, 0); m !== null; ) {
    const c = accept(m);
    if (c) out.push(c);
    m = execFrom(scanner, text, c ? m.index + m[0].length : m.index + 1);
  }
}
