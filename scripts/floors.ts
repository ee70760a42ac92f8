// `npm run eval:floors`: writes fixtures/gold/floors.json from the current scores (rounded down), so the floors
// test holds accuracy at the level reached. Run it only when accuracy went up, and review the diff.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateAll, METRICS } from '../src/eval/run.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const floor = (x: number) => Math.floor(x * 1000) / 1000;
const out: Record<string, Record<string, { precision: number; recall: number }>> = {};
for (const s of await evaluateAll(root)) {
  out[s.cluster] = {};
  for (const m of METRICS) out[s.cluster][m] = { precision: floor(s[m].precision), recall: floor(s[m].recall) };
  out[s.cluster].forbidden = { precision: s.forbidden.length, recall: 0 };
}
writeFileSync(path.join(root, 'fixtures', 'gold', 'floors.json'), `${JSON.stringify(out, null, 2)}\n`);
console.log('wrote fixtures/gold/floors.json');
