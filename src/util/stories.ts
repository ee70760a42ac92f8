// Which documents tell the same story: those that name a person or organisation in common, directly or through
// others (connected components). Values that name no one are compared only within a story: a 12% in an article on
// a hurricane and a 12% in one on a drug trial are not one fact, although both name no one. A document that names
// no one at all may be of any story.

/** Story of each document (0 … count-1) given the documents that name each entity: the lowest document of its
 *  component, so the numbering does not depend on the order of the links; NO_STORY for a document that names no
 *  one (it may belong to any story). */
export function storiesOf(count: number, links: Iterable<Iterable<number>>): Int32Array {
  const parent = new Int32Array(count);
  const named = new Uint8Array(count);
  for (let i = 0; i < count; i++) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  for (const docs of links) {
    let first = -1;
    for (const d of docs) {
      named[d] = 1;
      if (first < 0) first = find(d);
      else {
        const r = find(d);
        // The lower root wins: the root of a component is its lowest document.
        if (r < first) {
          parent[first] = r;
          first = r;
        } else if (r > first) parent[r] = first;
      }
    }
  }
  const out = new Int32Array(count);
  for (let i = 0; i < count; i++) out[i] = named[i] ? find(i) : NO_STORY;
  return out;
}

/** The story of a document that names no person or organisation. */
export const NO_STORY = -1;

/** The kinds of entity that tie documents into one story (places do not: many stories share a country). */
export function tiesStory(kind: string): boolean {
  return kind === 'person' || kind === 'organization';
}
