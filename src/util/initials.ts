// The acronyms a name can be written as, for the entities of one document (an acronym defined in parentheses after its
// name) and of a corpus (an acronym that names the one organisation whose initials it spells).

/** Words an acronym may leave out ("Securities and Exchange Commission" is the SEC, "Department of Defense" the DOD). */
const SMALL_WORDS = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'to', '&', 'de', 'du', 'des', 'la', 'le', 'et', 'y']);

/** The acronyms a name of capitalised words can be written as: the initials of every word, and of every word but the
 *  small ones (a hyphenated word gives one: "Co-operation"). None for a name with a word that does not start with a
 *  letter, or with a lower-case word that is not a small one. */
export function initialsOf(words: string[]): string[] {
  const all: string[] = [];
  const content: string[] = [];
  for (const w of words) {
    const first = w.match(/^\p{L}/u)?.[0];
    if (first === undefined) return [];
    const small = SMALL_WORDS.has(w.toLowerCase());
    if (!small && first === first.toLowerCase()) return [];
    all.push(first.toUpperCase());
    if (!small) content.push(first.toUpperCase());
  }
  return content.length < 2 ? [] : [all.join(''), content.join('')];
}
