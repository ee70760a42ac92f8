// Array.prototype.map for the code that runs per document or per group.
//
// V8's optimising compiler builds `map`'s result as a holey array (`new Array(n)`, then filled), where the
// interpreter's `map` returns a packed one. So the same call returns arrays of two kinds depending on whether its
// caller has been optimised yet, and every function that reads such arrays was optimised for the kind it saw first,
// then deoptimised ("wrong map") and compiled again when the other came: in each worker, and in functions as large
// as the entity classifier. Pushing onto a literal gives a packed array either way (test/util/mapped.test.ts checks
// both behaviours). Kept small so that V8 inlines it, and the callback with it.

/** `list.map(fn)`, always as a packed array. */
export function mapped<T, U>(list: readonly T[], fn: (x: T, i: number) => U): U[] {
  const out: U[] = [];
  for (let i = 0; i < list.length; i++) out.push(fn(list[i], i));
  return out;
}
