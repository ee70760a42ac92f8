// The README's GNU parallel recipe, run locally on two shards: parallel runs `facts extract --partial` on each half
// of the file list, its grouped output is one stream of parts, and `facts merge` turns it into the single-run report.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../cli/run.js';
import { shardWorkspace } from './fixture.js';

const PARALLEL = '/usr/bin/parallel';
const BIN = path.join(ROOT, 'bin', 'facts.js');
const built = existsSync(path.join(ROOT, 'dist', 'cli', 'main.js'));
const ready = existsSync(PARALLEL) && built;
const { cwd, files } = shardWorkspace();
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

describe('GNU parallel recipe', () => {
  it.runIf(process.env.CI && !ready)('has GNU parallel and a build on CI', () => {
    expect(existsSync(PARALLEL), `${PARALLEL} is missing (CI installs it in .ci/run)`).toBe(true);
    expect(built, 'dist/ is missing: run npm run build').toBe(true);
  });

  it.runIf(ready)('two shards through parallel, merged, give the bytes of one run', () => {
    const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, FACTS: `${process.execPath} ${BIN}` };
    writeFileSync(path.join(cwd, 'files.txt'), `${files.join('\n')}\n`);
    const half = Math.ceil(files.length / 2);
    // The recipe: -N gives each job one shard of the list; --group (the default) keeps each job's output whole.
    const run = spawnSync(
      '/bin/sh',
      ['-c', `${PARALLEL} --will-cite --jobs 2 -N ${half} '$FACTS extract --partial --jobs 1 {}' :::: files.txt > parts.ndjson && $FACTS merge parts.ndjson --format json > merged.json && $FACTS extract docs --format json > single.json`],
      { cwd, env, encoding: 'utf8' },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const parts = spawnSync('grep', ['-c', '"format":"facts-partial"', 'parts.ndjson'], { cwd, encoding: 'utf8' });
    expect(parts.stdout.trim()).toBe('2');
    const merged = spawnSync('cmp', ['merged.json', 'single.json'], { cwd, encoding: 'utf8' });
    expect(merged.status, merged.stdout).toBe(0);
  }, 120_000);
});
