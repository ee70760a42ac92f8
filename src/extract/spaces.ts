// Whitespace as the regex class \s sees it, and a scan for the whitespace-separated parts (/\S+/g) that contain a
// given character, without a match object or string per part.

/** Whether a character code is one that /\s/ matches. */
export function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c > 0x7f && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff));
}

/**
 * Calls `found(start, end)` for every part of /\S+/g that contains `ch` (one code unit), in text order. Jumps from one
 * `ch` to the next with indexOf and widens to the part around it; every character is looked at a bounded number of
 * times, so the scan is linear. Parts without `ch`, nearly all of them, cost nothing.
 */
export function forEachPartWith(text: string, ch: string, found: (start: number, end: number) => void): void {
  let from = 0;
  for (let at = text.indexOf(ch, from); at >= 0; at = text.indexOf(ch, from)) {
    // The previous part ended at whitespace (or this is the first), so the walk back stops at or after `from`.
    let start = at;
    while (start > 0 && !isSpace(text.charCodeAt(start - 1))) start--;
    let end = at + 1;
    while (end < text.length && !isSpace(text.charCodeAt(end))) end++;
    found(start, end);
    from = end;
  }
}
