/** Caches a pure function of one word: the same few thousand words come back in every document. */
export function memo<T>(fn: (word: string) => T): (word: string) => T {
  const cache = new Map<string, T>();
  return (word: string) => {
    const hit = cache.get(word);
    if (hit !== undefined) return hit;
    const value = fn(word);
    // Bounded: a stream of unseen words must not grow memory without limit.
    if (cache.size >= 50_000) cache.clear();
    cache.set(word, value);
    return value;
  };
}
