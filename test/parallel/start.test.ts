// Where workers optimise their code: on their own thread once our threads fill the cores, on V8's helpers otherwise.
// The V8 flag is off only while such workers start; these tests check the decision and that the flag's hold is
// given back whatever way a worker ends.
import { afterEach, describe, expect, it } from 'vitest';
import type { Worker } from 'node:worker_threads';
import { compileInThread, INITIAL_OLD_MB, startWorker, workerExecArgv, workersStarting } from '../../src/parallel/start.js';

const script = (code: string) => new URL(`data:text/javascript,${encodeURIComponent(code)}`);
const ended = (w: Worker) => new Promise<number>((resolve) => w.once('exit', resolve));

describe('compileInThread', () => {
  it('compiles in the worker once our threads fill the cores, not while a core is left', () => {
    expect(compileInThread(2, 2)).toBe(true);
    expect(compileInThread(3, 2)).toBe(true);
    expect(compileInThread(1, 2)).toBe(false);
    expect(compileInThread(2, 4)).toBe(false);
    // One CPU (a run pinned with taskset): even one worker fills it.
    expect(compileInThread(1, 1)).toBe(true);
  });
});

describe('workerExecArgv', () => {
  it('lets a worker inherit this process’s options, but gives them without --input-type when it is among them', () => {
    // Inherited: a worker may not be given V8's flags, such as --max-old-space-size (ERR_WORKER_INVALID_EXEC_ARGV).
    expect(workerExecArgv(['--max-old-space-size=512', '--enable-source-maps'])).toBeUndefined();
    expect(workerExecArgv([])).toBeUndefined();
    // A worker started under `node --input-type=module -e` would fail with the option inherited.
    expect(workerExecArgv(['--input-type=module', '-e', 'x', '--enable-source-maps'])).toEqual(['-e', 'x', '--enable-source-maps']);
    expect(workerExecArgv(['--input-type', 'module', '--enable-source-maps'])).toEqual(['--enable-source-maps']);
  });
});

describe('startWorker', () => {
  afterEach(() => expect(workersStarting()).toBe(0));

  it('holds the flag until every worker started on a full machine runs, then gives it back', async () => {
    const workers = [startWorker(script('1'), {}, 1 << 20), startWorker(script('1'), {}, 1 << 20)];
    // Listened for at once: a worker may end before the other one is online.
    const exits = Promise.all(workers.map(ended));
    expect(workersStarting()).toBe(2);
    await Promise.all(workers.map((w) => new Promise((resolve) => w.once('online', resolve))));
    expect(workersStarting()).toBe(0);
    expect(await exits).toEqual([0, 0]);
  });

  it('does not hold it for workers started while cores are free', async () => {
    const w = startWorker(script('1'), {}, 0);
    expect(workersStarting()).toBe(0);
    expect(await ended(w)).toBe(0);
  });

  it('starts a worker on full cores with an old generation V8 does not collect whole below INITIAL_OLD_MB', async () => {
    // ~20 MB kept: V8 sizing a fresh isolate's old generation itself marks and compacts it at least once on the way.
    const keeper = script(`
      import { constants, PerformanceObserver } from 'node:perf_hooks';
      import { parentPort } from 'node:worker_threads';
      let majors = 0;
      const seen = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (e.detail.kind === constants.NODE_PERFORMANCE_GC_MAJOR) majors++;
      });
      seen.observe({ entryTypes: ['gc'] });
      const kept = [];
      for (let i = 0; i < 150000; i++) kept.push({ a: i, b: 'x' + i, c: [i] });
      setTimeout(() => parentPort.postMessage([majors, kept.length]), 50);`);
    const majors = async (busy: number) => {
      const w = startWorker(keeper, {}, busy);
      const [count, kept] = await new Promise<[number, number]>((resolve) => w.once('message', resolve));
      expect(kept).toBe(150000);
      expect(await ended(w)).toBe(0);
      return count;
    };
    expect(INITIAL_OLD_MB).toBeGreaterThan(20 * 1.5);
    expect(await majors(1 << 20)).toBe(0);
    // Given back: the next worker, on free cores, gets V8's own sizing.
    expect(await majors(0)).toBeGreaterThan(0);
  });

  it('gives it back when a worker fails before it runs, or cannot be made', async () => {
    const w = startWorker(new URL('file:///no/such/worker.js'), {}, 1 << 20);
    w.on('error', () => {});
    expect(workersStarting()).toBe(1);
    expect(await ended(w)).toBe(1);
    // Data that cannot cross to a thread: the constructor throws.
    expect(() => startWorker(script('1'), { workerData: () => 1 }, 1 << 20)).toThrow(/could not be cloned/);
    expect(workersStarting()).toBe(0);
  });
});
