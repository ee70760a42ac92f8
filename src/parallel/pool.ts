// Spreads document extraction over worker threads (one per core by default). Results come back in input order, so
// the report is byte-identical whatever the number of jobs. Small inputs, and runs from TypeScript sources (tests),
// stay in one thread: a worker costs ~0.1 s to start and the sources have no compiled worker to start.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type DocumentInput, type DocumentResult, extractDocument, type ExtractOptions } from '../extract/document.js';
import type { BatchRequest, BatchResponse } from './worker.js';

/** Below both of these, one thread is faster than starting workers. */
export const MIN_PARALLEL_DOCS = 50;
export const MIN_PARALLEL_BYTES = 1024 * 1024;
// Documents per message: large enough to amortise messaging, small enough to balance the load at the end.
const BATCH_DOCS = 16;

export interface PoolOptions extends ExtractOptions {
  /** Threads to use; default: the number of cores. */
  jobs?: number;
  onProgress?: (done: number, total: number) => void;
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
  if (jobs <= 1 || docs.length < 2 || workerUrl() === null) return 1;
  const bytes = docs.reduce((n, d) => n + d.text.length, 0);
  if (docs.length < MIN_PARALLEL_DOCS || bytes < MIN_PARALLEL_BYTES) return 1;
  return Math.min(jobs, Math.ceil(docs.length / BATCH_DOCS));
}

export async function extractDocuments(docs: DocumentInput[], options: PoolOptions = {}): Promise<DocumentResult[]> {
  const extractOptions: ExtractOptions = {
    referenceDate: options.referenceDate,
    ...(options.knownEntities?.length ? { knownEntities: options.knownEntities } : {}),
  };
  const threads = plannedJobs(docs, options.jobs ?? defaultJobs());
  if (threads <= 1) {
    return docs.map((d, i) => {
      const result = extractDocument(d, extractOptions);
      options.onProgress?.(i + 1, docs.length);
      return result;
    });
  }
  return runPool(docs, extractOptions, threads, options.onProgress);
}

function runPool(
  docs: DocumentInput[],
  options: ExtractOptions,
  threads: number,
  onProgress?: (done: number, total: number) => void,
): Promise<DocumentResult[]> {
  const url = workerUrl()!;
  const results: DocumentResult[] = new Array(docs.length);
  const batches = Math.ceil(docs.length / BATCH_DOCS);
  let next = 0;
  let finished = 0;
  let done = 0;
  const workers: Worker[] = [];
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
      if (next >= batches) {
        retire(w);
        return;
      }
      const batch = next++;
      const req: BatchRequest = { batch, docs: docs.slice(batch * BATCH_DOCS, (batch + 1) * BATCH_DOCS), options };
      w.postMessage(req);
    };
    for (let i = 0; i < threads; i++) {
      const w = new Worker(url);
      workers.push(w);
      w.on('message', (res: BatchResponse) => {
        if (res.error !== undefined || !res.results) {
          fail(new Error(`extraction worker failed: ${res.error ?? 'no results'}`));
          return;
        }
        const offset = res.batch * BATCH_DOCS;
        res.results.forEach((r, k) => {
          results[offset + k] = r;
        });
        done += res.results.length;
        onProgress?.(done, docs.length);
        if (++finished === batches) {
          for (const x of workers) retire(x);
          resolve(results);
        } else {
          send(w);
        }
      });
      w.on('error', (e) => fail(e));
      w.on('exit', (code) => {
        if (!retired.has(w) && !failed) fail(new Error(`extraction worker exited with code ${code}`));
      });
      send(w);
    }
  });
}
