// The build (scripts/build-lexicon.mjs) dumps the parts of compromise the extractors use as JSON next to the compiled
// modules: reading them costs milliseconds where loading compromise costs ~0.4 s per process (and per worker). Run
// from sources (tests, tsx), there is no dump and they come from compromise itself.
import { readFileSync } from 'node:fs';

/** The dump's `key`, or null when there is no dump (a run from sources). */
export function readDump<T>(file: URL, key: string): T | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const data = JSON.parse(text) as Record<string, unknown>;
  const value = data[key];
  if (typeof value !== 'object' || value === null) throw new Error(`${file.pathname}: not a dump of compromise's ${key}; run npm run build again`);
  return value as T;
}

/** The parts of compromise's model that are dumped. */
interface Model {
  one: { lexicon: Record<string, string | string[]> };
  two: { orgWords: Record<string, boolean> };
}

/** compromise's model, for runs without the dumps. */
export async function compromiseModel(): Promise<Model> {
  const nlp = (await import('compromise')).default;
  return nlp.model() as Model;
}
