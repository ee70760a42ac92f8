// Words that end organisation names: our suffixes ("Inc", "Group") and compromise's organisation words ("bank",
// "university", "labs"), from their own small dump. Apart from entities-lexicon, so that merging entities, which needs
// only this, does not read and index compromise's whole lexicon (~45 ms in every thread that merges).
import { compromiseModel, readDump } from './compromise-dump.js';
import type { OrgSuffixes } from './lexicon-schemas.js';
import suffixData from './lexicon/entities-org-suffixes.json' with { type: 'json' };
import { memo } from '../util/memo.js';

const ORG_WORDS =
  readDump<Record<string, boolean>>(new URL('./lexicon/compromise-org-words.generated.json', import.meta.url), 'orgWords') ??
  (await compromiseModel()).two.orgWords;
const ORG_WORD_SET = new Set(Object.keys(ORG_WORDS).filter((w) => ORG_WORDS[w] === true));

export const SUFFIXES = suffixData as OrgSuffixes;
const set = (list: string[]) => new Set(list.map((w) => w.toLowerCase()));
export const STRONG_SUFFIX = set(SUFFIXES.strong);
export const WEAK_SUFFIX = set(SUFFIXES.weak);

function isOrgSuffixUncached(word: string): 'strong' | 'weak' | null {
  const lower = word.toLowerCase();
  if (STRONG_SUFFIX.has(lower)) return 'strong';
  if (WEAK_SUFFIX.has(lower) || ORG_WORD_SET.has(lower)) return 'weak';
  return null;
}

export const isOrgSuffix = memo(isOrgSuffixUncached);
