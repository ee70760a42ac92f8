// Span bookkeeping for the date extractor: links to skip and the choice among overlapping candidates.
import type { DateCandidate } from './dates-resolve.js';

/** Spans of URLs and e-mail addresses: the digits in "/2025/06/18/" are not dates of the story. */
export function linkSpans(text: string): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  const token = /\S+/g;
  for (let m = token.exec(text); m; m = token.exec(text)) {
    const t = m[0];
    if (!t.includes('/') && !t.includes('@') && !t.includes('www.')) continue; // cheap test first
    if (/^[("'“‘<[]*(?:[a-z][a-z0-9+.-]*:\/\/|www\.)/i.test(t) || /^[^\s@]+@[^\s@]+\.[a-z]{2,}/i.test(t) || /^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\//i.test(t)) {
      spans.push({ start: m.index, end: m.index + t.length });
    }
  }
  return spans;
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
