// The library's pipeline: documents in, one report out. Pure (no disk, no process): the CLI reads the files.
import { type DocumentInput, type DocumentResult, extractDocument } from './extract/document.js';
import { assignDocumentIds } from './read/document-ids.js';
import { mergeFacts } from './merge/facts.js';
import { applyCanonicalNames } from './merge/entities.js';
import type { Report, Warning } from './model/report.js';
import type { InputText } from './read/inputs.js';

/** A document to extract before it has an id: its path, text and what the file's metadata gave. */
export type PipelineInput = InputText;

export interface PipelineOptions {
  referenceDate?: string | null;
  tolerance?: number;
  /** Called after each document is extracted (the CLI draws its progress bar from this). */
  onProgress?: (done: number, total: number) => void;
}

/** The documents to extract: each input with its id (ids depend on all the paths of the run). */
export function documentInputs(inputs: PipelineInput[]): DocumentInput[] {
  const ids = assignDocumentIds(inputs.map((i) => i.path));
  return inputs.map((input, i) => ({ ...input, id: ids[i] }));
}

export function extractAll(inputs: PipelineInput[], options: PipelineOptions = {}): DocumentResult[] {
  return documentInputs(inputs).map((input, i) => {
    const result = extractDocument(input, { referenceDate: options.referenceDate });
    options.onProgress?.(i + 1, inputs.length);
    return result;
  });
}

/** Merges per-document results (from one run or from shards) into the report. */
export function buildReport(results: DocumentResult[], options: PipelineOptions = {}, warnings: Warning[] = []): Report {
  const sorted = [...results].sort((a, b) => (a.document.path < b.document.path ? -1 : a.document.path > b.document.path ? 1 : 0));
  const documents = sorted.map((r) => r.document);
  const { mentions, claims } = applyCanonicalNames(sorted.map((r) => r.mentions), sorted.map((r) => r.claims));
  const facts = mergeFacts(documents, mentions, claims, { tolerance: options.tolerance });
  return {
    version: 1,
    documents,
    mentions,
    claims,
    facts,
    summary: {
      documents: documents.length,
      mentions: mentions.length,
      facts: facts.length,
      conflicts: facts.filter((f) => f.status === 'conflict').length,
    },
    ...(warnings.length > 0 ? { warnings } : {}),
  };
}

export function run(inputs: PipelineInput[], options: PipelineOptions = {}, warnings: Warning[] = []): Report {
  return buildReport(extractAll(inputs, options), options, warnings);
}
