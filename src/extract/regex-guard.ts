// A cheap first-character test for the whole-text scanning regexes. V8 tries such a regex at every position; a
// leading lookahead on the characters a match can start with rejects nearly all positions before the costlier parts
// (Unicode lookbehinds, case-insensitive alternations) run. It only narrows where matching is tried, never what matches.

const escapeClass = (c: string) => (/[\\\]^-]/.test(c) ? `\\${c}` : c);

/**
 * `(?=[…])` admitting the first character of every word (both cases), plus `extra` characters. Every alternative a
 * match can start with must be listed, so that the guard is a necessary condition of a match.
 */
export function firstCharGuard(words: Iterable<string>, extra = ''): string {
  const chars = new Set<string>();
  for (const w of words) {
    if (w.length === 0) throw new Error('firstCharGuard: empty word would admit every position');
    const first = String.fromCodePoint(w.codePointAt(0) as number);
    chars.add(first.toLowerCase());
    chars.add(first.toUpperCase());
  }
  for (const c of extra) chars.add(c);
  return `(?=[${[...chars].map(escapeClass).join('')}])`;
}
