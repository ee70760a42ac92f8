// compromise's word -> tag lexicon and organisation words, the only part of compromise the extractors use. The build
// (scripts/build-lexicon.mjs) dumps them as JSON next to the compiled module: reading that costs ~15 ms where loading
// compromise costs ~0.4 s per process (and per worker). Run from sources (tests, tsx), it falls back to compromise.
import { readFileSync } from 'node:fs';

export type Lexicon = Record<string, string | string[]>;

interface Dump {
  version: string;
  lexicon: Lexicon;
  orgWords: Record<string, boolean>;
}

const GENERATED = new URL('./lexicon/compromise.generated.json', import.meta.url);

function readGenerated(): Dump | null {
  let text: string;
  try {
    text = readFileSync(GENERATED, 'utf8');
  } catch {
    return null;
  }
  const data = JSON.parse(text) as Partial<Dump>;
  if (typeof data.lexicon !== 'object' || data.lexicon === null || typeof data.orgWords !== 'object' || data.orgWords === null) {
    throw new Error(`${GENERATED.pathname}: not a lexicon dump; run npm run build again`);
  }
  return data as Dump;
}

async function fromCompromise(): Promise<Dump> {
  const nlp = (await import('compromise')).default;
  const model = nlp.model() as { one: { lexicon: Lexicon }; two: { orgWords: Record<string, boolean> } };
  return { version: nlp.version, lexicon: model.one.lexicon, orgWords: model.two.orgWords };
}

const generated = readGenerated();
const dump = generated ?? (await fromCompromise());

export const LEXICON: Lexicon = dump.lexicon;
/** compromise's list of words that end organisation names ("bank", "university", "labs"). */
export const ORG_WORDS: Record<string, boolean> = dump.orgWords;
/** Where the lexicon came from, for the start-up test. */
export const LEXICON_SOURCE: 'generated' | 'compromise' = generated ? 'generated' : 'compromise';
