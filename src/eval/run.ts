// Runs the extractor over every answer key's documents and scores it. Used by `npm run eval` and the floors test.
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { run } from '../pipeline.js';
import { readInputs } from '../read/inputs.js';
import { GoldFile, type Scores, score } from './score.js';

/** Where a cluster's articles live: fixtures/gold/<cluster>/ or, for the seeds, the project's <cluster>/ folder. */
async function documentsFolder(root: string, cluster: string): Promise<string> {
  const beside = path.join(root, 'fixtures', 'gold', cluster);
  const isDir = await stat(beside).then((s) => s.isDirectory()).catch(() => false);
  return isDir ? beside : path.join(root, cluster);
}

export async function evaluateAll(root: string): Promise<Scores[]> {
  const goldDir = path.join(root, 'fixtures', 'gold');
  const files = (await readdir(goldDir)).filter((f) => f.endsWith('.gold.json')).sort();
  const out: Scores[] = [];
  for (const file of files) {
    const gold = GoldFile.parse(JSON.parse(await readFile(path.join(goldDir, file), 'utf8')));
    const folder = await documentsFolder(root, gold.cluster);
    const { inputs } = await readInputs([path.relative(root, folder) || '.'], { cwd: root });
    out.push(score(run(inputs), gold));
  }
  return out;
}

export const METRICS = [
  'entities',
  'money',
  'percentages',
  'dates',
  'datesResolved',
  'quotes',
  'quoteSpeakers',
  'documentDates',
  'conflicts',
  'agreements',
  'roles',
] as const satisfies ReadonlyArray<keyof Scores>;
