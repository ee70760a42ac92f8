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
//
// Such workers also start with an old generation of INITIAL_OLD_MB, below which V8 does not collect it whole. A fresh
// isolate's old generation grows from ~10 to ~30 MB over a run (compiled code and what extraction keeps), and V8,
// sizing it from the first survivals, marked and compacted it 24 times in a two-job run on 2,000 documents (9 with
// 48 MB): marking that, with the cores full, takes turns with our threads. Measured (rounds in random order,
// corpus-2000): two jobs 6-7% faster (0.941 and 0.933 of the time per round, medians of five and six rounds; 16.8
// instead of 18.2 s of CPU), peak RSS 234 -> 245 MB; one job pinned to one CPU 3.6% faster. A one-job run on two
// cores was 5% slower with it (its collector marks on the idle core), so a worker started while cores are free keeps
// V8's sizing. 32 MB gave nothing; 56 and 64 MB less than 48. Like the compiler's, this size is read only when an
// isolate is made. Flags that change the garbage collector's state mid-run crashed V8 when we tried them (see the
// README's Performance section).
import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** Whether workers should optimise on their own thread: `busy` threads of ours fill the cores this process may use
 *  (availableParallelism follows the CPU affinity, so a run pinned to one CPU has one core). */
export function compileInThread(busy: number, cores = availableParallelism()): boolean {
  return busy >= cores;
}

// Workers started with the flags set that have not begun to run yet: the flags go back when none is left.
let starting = 0;

/** The old generation, in MB, that a worker started on full cores begins with (see above). */
export const INITIAL_OLD_MB = 48;

// A size given to Node itself (NODE_OPTIONS or the command line) is left as given, for every worker.
const OLD_SIZE_GIVEN = /--initial[-_]old[-_]space[-_]size/.test([...process.execArgv, process.env.NODE_OPTIONS ?? ''].join(' '));

/** A new worker; `busy` is how many of our threads will be working while it does. (A worker started while another
 *  is still starting with the flag off gets it off too: our pools start their workers together, with one `busy`.) */
export function startWorker(url: URL, given: WorkerOptions, busy: number): Worker {
  if (!compileInThread(busy)) return newWorker(url, given);
  if (starting++ === 0) {
    setFlagsFromString('--no-concurrent-recompilation');
    if (!OLD_SIZE_GIVEN) setFlagsFromString(`--initial-old-space-size=${INITIAL_OLD_MB}`);
  }
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
  if (--starting === 0) {
    setFlagsFromString('--concurrent-recompilation');
    // 0 is V8's default: it sizes the old generation itself.
    if (!OLD_SIZE_GIVEN) setFlagsFromString('--initial-old-space-size=0');
  }
}

/** Workers still starting with the flags set (for tests: none once every worker runs). */
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
