// `npm run eval`: precision, recall and F1 of every kind against every answer key in fixtures/gold/, with the misses.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateAll, METRICS } from '../src/eval/run.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const verbose = process.argv.includes('--verbose') || process.argv.includes('-v');
const pct = (x: number) => `${(100 * x).toFixed(1)}%`.padStart(7);

for (const s of await evaluateAll(root)) {
  console.log(`cluster ${s.cluster}`);
  console.log(`  ${'metric'.padEnd(15)} ${'precision'.padStart(9)} ${'recall'.padStart(7)} ${'F1'.padStart(7)}   found/expected`);
  for (const m of METRICS) {
    const r = s[m];
    console.log(`  ${m.padEnd(15)} ${pct(r.precision).padStart(9)} ${pct(r.recall)} ${pct(r.f1)}   ${r.found}/${r.expected}`);
    if (verbose || r.recall < 1) for (const miss of r.misses) console.log(`      miss:  ${miss}`);
    if (verbose) for (const extra of r.extras) console.log(`      extra: ${extra}`);
  }
  console.log(`  forbidden items reported: ${s.forbidden.length}`);
  for (const f of s.forbidden) console.log(`      ${f}`);
}
