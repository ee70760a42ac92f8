// canonicalKey (merge/canonical.ts) memoised for the extractors, which ask for the keys of the same names and words
// over and over (every rejected piece, every known name); Unicode normalisation per call was a visible cost.
import { canonicalKey } from '../merge/canonical.js';

const cache = new Map<string, string>();

export function cachedCanonicalKey(name: string): string {
  let key = cache.get(name);
  if (key === undefined) {
    key = canonicalKey(name);
    // Bounded: a stream of unseen names must not grow memory without limit.
    if (cache.size >= 50_000) cache.clear();
    cache.set(name, key);
  }
  return key;
}
