// A working folder for shard tests: the seed and fixture articles, plus one seed copied under a second folder so two
// documents share a file name (their ids then depend on every path of the run: the case merge must get right).
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../cli/run.js';

export function shardWorkspace(): { cwd: string; files: string[] } {
  const cwd = mkdtempSync(path.join(os.tmpdir(), 'facts-shard-'));
  const files: string[] = [];
  const copy = (from: string, to: string) => {
    mkdirSync(path.dirname(path.join(cwd, to)), { recursive: true });
    copyFileSync(path.join(ROOT, from), path.join(cwd, to));
    files.push(to);
  };
  for (const f of readdirSync(path.join(ROOT, 'seeds')).sort()) copy(`seeds/${f}`, `docs/seeds/${f}`);
  for (const cluster of ['biotech-deal', 'port-strike']) {
    for (const f of readdirSync(path.join(ROOT, 'fixtures/gold', cluster)).sort()) copy(`fixtures/gold/${cluster}/${f}`, `docs/${cluster}/${f}`);
  }
  const twin = readdirSync(path.join(ROOT, 'seeds')).sort()[2];
  copy(`seeds/${twin}`, `docs/twin/${twin}`);
  return { cwd, files: files.sort() };
}
