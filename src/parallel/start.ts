// Starting worker threads, and where their code is optimised. V8 optimises a hot function on helper threads of its
// own ("concurrent recompilation"), and every isolate optimises the same functions for itself. While our threads
// leave a core idle, that compiling is free; once they fill the cores, the helpers take turns with them, and with two
// workers there is twice as much of it. Measured (2 cores, 2,000 documents, `--jobs 2`, rounds in random order against
// the build before): V8's helper threads used 7.6 s of CPU in a 15 s run before and 1.5 s after; the run was 4.4%
// faster in the median of ten rounds (faster in eight), 8.5% and 0% in two runs of five.
//
// V8 decides this once per isolate, when it is created: an isolate made while the flag is off has no compile
// dispatcher and optimises on its own thread for its whole life. So the flag is off only while such workers start,
// and back on once they run: the main thread keeps its helpers, and so does a worker started while cores are free.
// Only the compiler's flag is touched: flags that change the garbage collector's state mid-run crashed V8 when we
// tried them (see the README's Performance section).
import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** Whether workers should optimise on their own thread: `busy` threads of ours fill the cores this process may use
 *  (availableParallelism follows the CPU affinity, so a run pinned to one CPU has one core). */
export function compileInThread(busy: number, cores = availableParallelism()): boolean {
  return busy >= cores;
}

// Workers started with the flag off that have not begun to run yet: the flag goes back on when none is left.
let starting = 0;

/** A new worker; `busy` is how many of our threads will be working while it does. (A worker started while another
 *  is still starting with the flag off gets it off too: our pools start their workers together, with one `busy`.) */
export function startWorker(url: URL, given: WorkerOptions, busy: number): Worker {
  if (!compileInThread(busy)) return newWorker(url, given);
  if (starting++ === 0) setFlagsFromString('--no-concurrent-recompilation');
  let worker: Worker;
  try {
    worker = newWorker(url, given);
  } catch (e) {
    started();
    throw e;
  }
  // 'online' comes once the worker runs JavaScript, long after its isolate was made; a worker that fails first
  // ends with 'error' or 'exit'.
  let pending = true;
  const once = () => {
    if (pending) {
      pending = false;
      started();
    }
  };
  worker.once('online', once);
  worker.once('exit', once);
  return worker;
}

function started(): void {
  if (--starting === 0) setFlagsFromString('--concurrent-recompilation');
}

/** Workers still starting with the flag off (for tests: none once every worker runs). */
export function workersStarting(): number {
  return starting;
}

/**
 * A worker with this process's Node options. A worker inherits them by default, which is what we want (V8's flags,
 * such as --max-old-space-size, are the process's anyway), except for one: an inherited --input-type fails its start
 * when the process runs a script given with `-e` ("--input-type can only be used with string input"). Only then are
 * the options given, without it; and since a worker may not be given V8's flags (ERR_WORKER_INVALID_EXEC_ARGV), a
 * worker they are refused for starts with none.
 */
function newWorker(url: URL, given: WorkerOptions): Worker {
  const execArgv = given.execArgv ? undefined : workerExecArgv();
  if (!execArgv) return new Worker(url, given);
  try {
    return new Worker(url, { ...given, execArgv });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw e;
    return new Worker(url, { ...given, execArgv: [] });
  }
}

/** The options to give a worker instead of letting it inherit this process's: all but `--input-type`, and only when
 *  that is among them (undefined otherwise: inherited, V8's flags included, which a worker may not be given). */
export function workerExecArgv(argv: readonly string[] = process.execArgv): string[] | undefined {
  if (!argv.some((a) => a === '--input-type' || a.startsWith('--input-type='))) return undefined;
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--input-type') i++;
    else if (!argv[i].startsWith('--input-type=')) out.push(argv[i]);
  }
  return out;
}
