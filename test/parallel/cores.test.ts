// V8's helper threads are turned off only when the workers fill the cores, and then for the workers that start after.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { workersFillCores } from '../../src/parallel/cores.js';
import { ROOT } from '../cli/run.js';

const CORES = path.join(ROOT, 'dist', 'parallel', 'cores.js');

describe('workersFillCores', () => {
  it('is true when there are at least as many workers as cores', () => {
    expect(workersFillCores(2, 2)).toBe(true);
    expect(workersFillCores(3, 2)).toBe(true);
    expect(workersFillCores(1, 1)).toBe(true);
    expect(workersFillCores(1, 2)).toBe(false);
    expect(workersFillCores(4, 8)).toBe(false);
  });
});

// In a process of its own (the setting is process-wide): a worker reports whether its isolate compiles optimised code
// on a helper thread, before and after dedicateCores.
const PROBE = `
import { setFlagsFromString } from 'node:v8';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
const { dedicateCores } = await import(process.argv[1]);
setFlagsFromString('--allow-natives-syntax');
const helpers = () => new Promise((resolve, reject) =>
  new Worker("import { parentPort } from 'node:worker_threads'; parentPort.postMessage(new Function('return %IsConcurrentRecompilationSupported()')())", { eval: true })
    .once('message', resolve).once('error', reject));
const before = await helpers();
const fewer = dedicateCores(availableParallelism() - 1);
const middle = await helpers();
const all = dedicateCores(availableParallelism());
const after = await helpers();
console.log(JSON.stringify({ before, fewer, middle, all, after, cores: availableParallelism() }));
`;

describe.runIf(existsSync(CORES))('dedicateCores (compiled, in a process of its own)', () => {
  it('leaves the helpers on for fewer workers than cores, and turns them off for workers that fill the cores', () => {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', PROBE, pathToFileURL(CORES).href], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const seen = JSON.parse(r.stdout) as { before: boolean; fewer: boolean; middle: boolean; all: boolean; after: boolean; cores: number };
    expect(seen.before).toBe(true);
    // With one core, no number of workers leaves it free (0 workers is below it).
    expect(seen.fewer).toBe(false);
    expect(seen.middle).toBe(true);
    expect(seen.all).toBe(true);
    expect(seen.after).toBe(false);
  });
});
