// Spreads document extraction over worker threads (one per core by default). Results come back in input order, so
// the report is byte-identical whatever the number of jobs. Small inputs, and runs from TypeScript sources (tests),
// stay in one thread: a worker costs ~0.1 s to start and the sources have no compiled worker to start.
import { existsSync } from 'node:fs';
import { availableParallelism, totalmem } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import type { Worker } from 'node:worker_threads';
import type { DocumentInput, DocumentResult, ExtractOptions } from '../extract/document.js';
import type { StreamDoc, StreamSettings, StreamTask } from '../stream/extract.js';
import type { BatchRequest, BatchResponse, WorkerSetup } from './worker.js';
import { errorOf } from './errors.js';
import { YOUNG_MB } from './limits.js';
import { startWorker } from './start.js';

/** Below both of these, one thread is faster than starting workers. */
export const MIN_PARALLEL_DOCS = 50;
export const MIN_PARALLEL_BYTES = 1024 * 1024;
// Documents per message: large enough to amortise messaging, small enough to balance the load at the end.
const BATCH_DOCS = 16;

export interface PoolOptions extends ExtractOptions {
  /** Threads to use; default: the number of cores. */
  jobs?: number;
  onProgress?: (done: number, total: number) => void;
  /** A report will be built in memory from the results: stop before they fill the heap it needs (see HELD_SHARE). */
  forReport?: boolean;
}

/**
 * The share of this thread's heap that the results of a report built in memory may come to. Building the report
 * takes as much again or more: `check` of corpus-2000 held ~300 MB when extraction ended and peaked at 557 MB (the
 * table at 673 MB); of the 8x corpus it held ~2.3 GB (52% of a 4.3 GB heap) and peaked at 3.5 GB. A heap that fills
 * while the report is built ends the process with V8's fatal error and a native stack trace, which nobody can act on;
 * a run whose results would pass this share stops with a one-line error instead, as early as it can tell.
 */
export const HELD_SHARE = 0.65;
/** The share of the documents after which what the results will come to is projected from what they hold so far.
 *  It grows in step with the documents (372, 586, 818 … 1,950 MB every 5 s of the 8x corpus's extraction), but the
 *  heap also holds garbage not yet collected (up to the young generation's ~48 MB): projected from a quarter of the
 *  documents that adds at most ~200 MB at 8x, from a tenth ~500 MB, which would have stopped a run that fits. */
const PROJECT_FROM = 0.25;

/** The same for `facts merge`, whose results, read from part files, take more to build the report from: the 4x
 *  corpus's part (472 MB) held 664 MB once read and the merge peaked at 1,514 MB or more. */
export const MERGE_HELD_SHARE = 0.4;

/** The results would fill more of the heap than a report built from them leaves room for. */
export class HeapFullError extends Error {}

export interface HeapUse {
  used: number;
  limit: number;
}

/** This thread's heap, used and allowed, in bytes. */
export function heapUse(): HeapUse {
  const s = getHeapStatistics();
  return { used: s.used_heap_size, limit: s.heap_size_limit };
}

/** Bytes in whole megabytes, for messages. */
export function mb(bytes: number): number {
  return Math.round(bytes / (1 << 20));
}

/** How checkHeld names what is held, for its message: the whole, the part done so far, and what to do instead. */
export type HeldText = (done: number, total: number) => { whole: string; done: string; instead: string };

const DOCUMENTS_HELD: HeldText = (done, total) => ({
  whole: `the results of these ${total} documents`,
  done: String(done),
  instead: ', or use facts extract --format json or ndjson, which are written as they go',
});

/** Stops the run when what all of `total` will hold, from what `done` of it holds over `base`, would pass `share` of
 *  the heap (`done` and `total` count documents, or bytes of part files). */
export function checkHeld(done: number, total: number, base: number, heap: HeapUse, text: HeldText = DOCUMENTS_HELD, share = HELD_SHARE): void {
  const { used, limit } = heap;
  const projected = done >= total * PROJECT_FROM ? base + ((used - base) / done) * total : used;
  const expected = Math.max(used, projected);
  if (expected <= limit * share) return;
  const say = text(done, total);
  throw new HeapFullError(
    `${say.whole} would take about ${mb(expected)} MB of this process’s ${mb(limit)} MB heap (${mb(used)} MB after ` +
      `${say.done}), and this report is built in memory, which takes as much again: give Node more ` +
      `(NODE_OPTIONS=--max-old-space-size=${suggestedMb(expected, limit)})${say.instead}`,
  );
}

/** A heap for what is expected to be held: it, as much again to make the output, and some to spare, in whole GB. */
function suggestedMb(expected: number, limit: number): number {
  return Math.ceil(Math.max(expected * 2.5, limit + (1 << 30)) / (1 << 30)) * 1024;
}

/** Stops the run when holding `bytes` more would pass `share` of the heap. */
export function checkRoom(bytes: number, text: { whole: string; instead: string }, heap: HeapUse = heapUse(), share = HELD_SHARE): void {
  const { used, limit } = heap;
  const expected = used + bytes;
  if (expected <= limit * share) return;
  throw new HeapFullError(
    `${text.whole} would take about ${mb(bytes)} MB of this process’s ${mb(limit)} MB heap (${mb(used)} MB in use), and ` +
      `its output is made in memory: give Node more (NODE_OPTIONS=--max-old-space-size=${suggestedMb(expected, limit)})${text.instead}`,
  );
}

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/** The compiled worker next to this module, or null when running from sources (where there is no worker.js). */
function workerUrl(): URL | null {
  const url = new URL(import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.js', import.meta.url);
  return url.pathname.endsWith('.js') && existsSync(url) ? url : null;
}

/** How many threads this input gets: 1 for small inputs or without a compiled worker. */
export function plannedJobs(docs: DocumentInput[], jobs: number): number {
  return usesWorkers(docs) ? threadsFor(docs.length, jobs) : 1;
}

/** Threads for this many documents: no more than jobs, nor than batches to give them. */
function threadsFor(docs: number, jobs: number): number {
  return Math.max(1, Math.min(jobs, Math.ceil(docs / BATCH_DOCS)));
}

/**
 * Whether extraction runs in worker threads, even with one job: a worker's heap can be given a size, so that the
 * garbage of extraction is collected as it goes instead of growing the process (see heapLimitMb). Small inputs stay
 * in this thread (a worker costs ~0.1 s to start), and so do runs from TypeScript sources, which have no worker.
 */
export function usesWorkers(docs: DocumentInput[]): boolean {
  return worthWorkers(docs.length, docs.reduce((n, d) => n + d.text.length, 0));
}

function worthWorkers(docs: number, bytes: number): boolean {
  return docs >= MIN_PARALLEL_DOCS && bytes >= MIN_PARALLEL_BYTES && workerUrl() !== null;
}

/** Whether a streamed run of these files extracts in workers: many enough, or one large enough for a heap of its own. */
export function extractsInWorkers(docs: number, bytes: number, largest: number): boolean {
  return worthWorkers(docs, bytes) || (largest >= HUGE_DOC_BYTES && workerUrl() !== null);
}

/**
 * The old-generation size of each worker: what extraction keeps alive is the document at hand, so room for a few
 * times the largest document, and never less than a floor where V8's own collector works well.
 */
export function heapLimitMb(largest: number): number {
  return Math.min(Math.ceil(HEAP_FLOOR_MB + (HEAP_PER_DOC_MB * largest) / (1 << 20)), Math.floor(totalmem() / 2 / (1 << 20)));
}
const HEAP_FLOOR_MB = 96;
const HEAP_PER_DOC_MB = 200;

/** Extracts the documents and hands each result on in input order, keeping none (`facts extract --partial` writes
 *  them as they come). */
export async function extractEach(docs: DocumentInput[], options: PoolOptions, each: (index: number, result: DocumentResult) => void): Promise<void> {
  const extractOptions: ExtractOptions = {
    referenceDate: options.referenceDate,
    ...(options.knownEntities?.length ? { knownEntities: options.knownEntities } : {}),
  };
  if (!usesWorkers(docs)) {
    // The extractors load here only when this thread extracts (workers load their own).
    const { extractDocument } = await import('../extract/document.js');
    docs.forEach((d, i) => {
      each(i, extractDocument(d, extractOptions));
      options.onProgress?.(i + 1, docs.length);
    });
    return;
  }
  const base = heapUse().used;
  await runBatches<DocumentInput, DocumentResult>({
    items: docs,
    threads: plannedJobs(docs, options.jobs ?? defaultJobs()),
    setup: () => ({}),
    describe: (d) => d.path,
    heapMb: heapLimitMb(docs.reduce((n, d) => Math.max(n, d.text.length), 0)),
    request: (batch, items) => ({ batch, docs: items, options: extractOptions }),
    onResult: (i, r) => {
      each(i, r);
      // Once a batch, when its last result is in: a few microseconds.
      if (options.forReport && (i + 1) % BATCH_DOCS === 0) checkHeld(i + 1, docs.length, base, heapUse());
    },
    onProgress: options.onProgress,
  });
}

/** A worker ran out of its heap: the documents it had are named, so the user can skip or split them. */
export class OutOfMemoryError extends Error {}

/** A single document from this size on is extracted in a worker: should it need more memory than there is, the
 *  worker ends with an error we can report, where this thread would end the process. */
export const HUGE_DOC_BYTES = 8 * 1024 * 1024;

export interface StreamPoolOptions {
  jobs?: number;
  /** Total and largest size of the files, when known (to choose threads and their heap size). */
  bytes: number;
  largest: number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * The streamed report's extraction: each task is read, extracted and spooled by one of the threads, and `onDoc`
 * gets what is left of each, in task order, as soon as it and all before it are done. Returns the names of the
 * threads that wrote spool files.
 */
export async function extractStreamed(
  tasks: StreamTask[],
  settings: StreamSettings,
  options: StreamPoolOptions,
  onDoc: (doc: StreamDoc) => void,
): Promise<string[]> {
  if (!extractsInWorkers(tasks.length, options.bytes, options.largest)) {
    const here = new (await import('../stream/extract.js')).StreamExtractor(settings, 't0');
    try {
      for (let i = 0; i < tasks.length; i++) {
        onDoc(await here.run(tasks[i]));
        options.onProgress?.(i + 1, tasks.length);
      }
    } finally {
      here.close();
    }
    return ['t0'];
  }
  const threads = threadsFor(tasks.length, options.jobs ?? defaultJobs());
  await runBatches<StreamTask, StreamDoc>({
    items: tasks,
    threads,
    setup: (i) => ({ stream: settings, thread: `t${i}` }),
    describe: (t) => t.path,
    heapMb: heapLimitMb(options.largest),
    request: (batch, items) => ({ batch, tasks: items }),
    onResult: (_, r) => onDoc(r),
    onProgress: options.onProgress,
  });
  return Array.from({ length: threads }, (_, i) => `t${i}`);
}

interface BatchJob<T, R> {
  items: T[];
  threads: number;
  setup: (thread: number) => WorkerSetup;
  /** How an item is named in an error (its path). */
  describe: (item: T) => string;
  heapMb: number;
  request: (batch: number, items: T[]) => BatchRequest;
  onResult: (index: number, result: R) => void;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Sends the items to the workers in batches and hands results on in item order. When every batch is done, each
 * worker is told to close (a streaming worker closes its spool files) and then stopped.
 */
function runBatches<T, R>(job: BatchJob<T, R>): Promise<void> {
  const url = workerUrl()!;
  // Our own copy: entries are cleared as they are sent, so documents' texts can be collected while the run goes on.
  const items: Array<T | undefined> = [...job.items];
  const total = items.length;
  const batches = Math.ceil(total / BATCH_DOCS);
  // Finished batches waiting for an earlier one, so results are handed on in input order.
  const waiting = new Map<number, R[]>();
  let nextToHand = 0;
  let next = 0;
  let finished = 0;
  let done = 0;
  let closed = 0;
  const workers: Worker[] = [];
  // The paths each worker is extracting, for an error message.
  const working = new Map<Worker, string[]>();
  // Workers we stop on purpose exit with code 1: only an exit we did not ask for is a failure.
  const retired = new Set<Worker>();
  const retire = (w: Worker) => {
    retired.add(w);
    void w.terminate();
  };
  return new Promise((resolve, reject) => {
    let failed = false;
    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      for (const w of workers) retire(w);
      reject(error);
    };
    const send = (w: Worker) => {
      if (next >= batches) return;
      const batch = next++;
      const from = batch * BATCH_DOCS;
      const to = Math.min(total, from + BATCH_DOCS);
      const sent = items.slice(from, to) as T[];
      const req = job.request(batch, sent);
      items.fill(undefined, from, to);
      working.set(w, sent.map(job.describe));
      w.postMessage(req);
    };
    const hand = () => {
      for (let ready = waiting.get(nextToHand); ready; ready = waiting.get(nextToHand)) {
        waiting.delete(nextToHand);
        ready.forEach((r, k) => job.onResult(nextToHand * BATCH_DOCS + k, r));
        nextToHand++;
      }
    };
    for (let i = 0; i < job.threads; i++) {
      // The main thread only hands results on meanwhile: the workers are the busy threads.
      const w = startWorker(url, { workerData: job.setup(i), resourceLimits: { maxOldGenerationSizeMb: job.heapMb, maxYoungGenerationSizeMb: YOUNG_MB } }, job.threads);
      workers.push(w);
      w.on('message', (res: BatchResponse) => {
        if (failed) return;
        if (res.closed) {
          // Resolved once every worker has stopped: its memory is given back before the run goes on.
          retired.add(w);
          void w.terminate().then(() => {
            if (++closed === workers.length) resolve();
          });
          return;
        }
        if (res.error !== undefined || !res.results) {
          fail(errorOf('extraction worker failed', res));
          return;
        }
        waiting.set(res.batch, res.results as R[]);
        done += res.results.length;
        // The next batch goes out before this one is handed on, so the worker is not idle meanwhile.
        const last = ++finished === batches;
        send(w);
        try {
          hand();
        } catch (e) {
          fail(e instanceof Error ? e : new Error(String(e)));
          return;
        }
        job.onProgress?.(done, total);
        if (last) for (const x of workers) x.postMessage({ close: true } satisfies BatchRequest);
      });
      w.on('error', (e) => {
        if ((e as NodeJS.ErrnoException).code !== 'ERR_WORKER_OUT_OF_MEMORY') return fail(e);
        const names = working.get(w) ?? [];
        const shown = names.slice(0, 3).join(', ') + (names.length > 3 ? ` and ${names.length - 3} more` : '');
        fail(new OutOfMemoryError(`ran out of memory extracting ${shown} (skip such files with --max-file-size, or split them)`));
      });
      w.on('exit', (code) => {
        if (!retired.has(w) && !failed) fail(new Error(`extraction worker exited with code ${code}`));
      });
      send(w);
    }
  });
}
