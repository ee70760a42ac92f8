// A worker of the extraction pool. Two kinds of batch: documents to answer with their DocumentResults, or (for a
// streamed report) tasks this worker reads, extracts and writes to its own spool files, answering with where they
// went. Or, for a streamed report, the facts of a range of buckets. Each kind of worker loads only the modules it
// runs: a facts worker does not load the extractors (measured: ~0.1 s less to start), an extraction worker does not
// load the facts (compromise's lexicon comes from the build's JSON dump, so a worker starts in ~0.1 s).
import { parentPort, workerData } from 'node:worker_threads';
import type { DocumentInput, DocumentResult, ExtractOptions } from '../extract/document.js';
import type { StreamDoc, StreamSettings, StreamTask } from '../stream/extract.js';
import type { FactsJob } from '../stream/facts.js';
import { failureOf, type WorkerFailure } from './errors.js';

/** Given at start: with `stream`, the worker is one thread of a streamed report, named `thread`; with `facts`, it
 *  builds a streamed report's facts, answers with their keys and is done. */
export interface WorkerSetup {
  stream?: StreamSettings;
  thread?: string;
  facts?: FactsJob;
}

export type BatchRequest =
  | { batch: number; docs: DocumentInput[]; options: ExtractOptions }
  | { batch: number; tasks: StreamTask[] }
  /** No more batches: close the spool files, then answer { closed: true }. */
  | { close: true };

export interface BatchResponse extends Partial<WorkerFailure> {
  batch: number;
  results?: Array<DocumentResult | StreamDoc>;
  closed?: boolean;
}

const setup = (workerData ?? {}) as WorkerSetup;
const streamer = setup.stream ? new (await import('../stream/extract.js')).StreamExtractor(setup.stream, setup.thread ?? 'w') : null;
const extractor = setup.facts ? null : (await import('../extract/document.js')).extractDocument;

async function answer(req: BatchRequest): Promise<BatchResponse> {
  if ('close' in req) {
    streamer?.close();
    return { batch: -1, closed: true };
  }
  if ('docs' in req) {
    if (!extractor) throw new Error('document batch sent to a facts worker');
    return { batch: req.batch, results: req.docs.map((d) => extractor(d, req.options)) };
  }
  if (!streamer) throw new Error('stream batch sent to a worker started without stream settings');
  // Every file of the batch is read at once (by libuv's threads) while this thread extracts them in turn.
  const reads = req.tasks.map((task) => streamer.read(task));
  const results: StreamDoc[] = [];
  for (let i = 0; i < req.tasks.length; i++) results.push(streamer.process(req.tasks[i], await reads[i]));
  streamer.flush();
  return { batch: req.batch, results };
}

if (setup.facts) {
  try {
    const part = (await import('../stream/facts.js')).buildFactsSpool(setup.facts);
    parentPort?.postMessage({ part }, [part.at.buffer as ArrayBuffer, part.length.buffer as ArrayBuffer, part.flags.buffer as ArrayBuffer]);
  } catch (e) {
    parentPort?.postMessage(failureOf(e));
  }
}

parentPort?.on('message', (req: BatchRequest) => {
  answer(req).then(
    (res) => parentPort?.postMessage(res),
    (e: unknown) => parentPort?.postMessage({ batch: 'batch' in req ? req.batch : -1, ...failureOf(e) }),
  );
});
