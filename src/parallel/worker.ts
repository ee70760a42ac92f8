// A worker of the extraction pool: receives batches of documents, answers with their DocumentResults. Loads only
// the extractors (compromise's lexicon comes from the build's JSON dump, so a worker starts in ~0.1 s).
import { parentPort } from 'node:worker_threads';
import { type DocumentInput, type DocumentResult, extractDocument, type ExtractOptions } from '../extract/document.js';

export interface BatchRequest {
  batch: number;
  docs: DocumentInput[];
  options: ExtractOptions;
}

export interface BatchResponse {
  batch: number;
  results?: DocumentResult[];
  error?: string;
}

parentPort?.on('message', (req: BatchRequest) => {
  let res: BatchResponse;
  try {
    res = { batch: req.batch, results: req.docs.map((d) => extractDocument(d, req.options)) };
  } catch (e) {
    res = { batch: req.batch, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  parentPort?.postMessage(res);
});
