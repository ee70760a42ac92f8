// V8 runs helper threads beside every JavaScript thread: optimising compilers and parallel, concurrent garbage
// collection. When the run's workers already take every core, those helpers have no core of their own: they take
// turns with the workers and cost more than they save. Measured on 2 cores, 2,000 documents, `--jobs 2`: the
// helpers used ~19% of the run's CPU (5 s of 28 s, mostly compiling the same functions once per worker), and the
// run took 7-8% longer than with V8 told to do that work on the thread that needs it. With a core to spare
// (`--jobs 1` on 2 cores) they run beside the worker for free, so they are left alone.
import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Whether `threads` workers leave no core for V8's helper threads. */
export function workersFillCores(threads: number, cores = availableParallelism()): boolean {
  return threads >= cores;
}

let done = false;

/**
 * When `threads` workers fill the cores, turns V8's helper threads off for the rest of the process: each worker's
 * isolate reads the setting as it starts. Only for a process that is ours (the CLI), never a library caller's: it
 * is process-wide. Call it before the first worker starts. Returns whether the helpers are off.
 */
export function dedicateCores(threads: number): boolean {
  if (!done && workersFillCores(threads)) {
    // This thread's heap may be in the middle of a collection whose helpers run concurrently: V8 joins them at the
    // end of the collection only while the setting is on, so the collection is finished first, with it on.
    setFlagsFromString('--expose-gc');
    const collect = runInNewContext('gc') as () => void;
    setFlagsFromString('--no-expose-gc');
    collect();
    setFlagsFromString('--single-threaded');
    done = true;
  }
  return done;
}
