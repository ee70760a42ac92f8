// Lower-casing that reuses the string when nothing changes: String.prototype.toLowerCase allocates a new copy even
// for a word that is already lower case, and most words of a document are.

/** The same as s.toLowerCase(), returning s itself when s is ASCII without capitals. */
export function toLower(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || (c >= 65 && c <= 90)) return s.toLowerCase();
  }
  return s;
}
