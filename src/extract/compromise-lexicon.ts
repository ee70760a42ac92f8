// compromise's word -> tag lexicon, the part of compromise the extractors use most (see compromise-dump.ts): read from
// dist/extract/lexicon/compromise.generated.json (~15 ms) instead of loading compromise.
import { compromiseModel, readDump } from './compromise-dump.js';

export type Lexicon = Record<string, string | string[]>;

const generated = readDump<Lexicon>(new URL('./lexicon/compromise.generated.json', import.meta.url), 'lexicon');

export const LEXICON: Lexicon = generated ?? (await compromiseModel()).one.lexicon;
/** Where the lexicon came from, for the start-up test. */
export const LEXICON_SOURCE: 'generated' | 'compromise' = generated ? 'generated' : 'compromise';
