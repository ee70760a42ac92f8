// Document ids, apart from the extractors: the thread that hands documents to workers names them without loading
// what extracts them.

/** Short stable ids: the file name without extension, or the whole relative path when names collide. */
export function assignDocumentIds(paths: string[]): string[] {
  const base = (p: string) => (p === '-' ? 'stdin' : p.replace(/^.*\//, '').replace(/\.[^.]+$/, '') || p);
  const counts = new Map<string, number>();
  for (const p of paths) counts.set(base(p), (counts.get(base(p)) ?? 0) + 1);
  return paths.map((p) => (counts.get(base(p)) === 1 ? base(p) : p));
}
