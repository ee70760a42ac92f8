// The shard format: `facts extract --partial` writes NDJSON, one header line then one line per document (its
// DocumentResult: document, mentions, claims) and one per read warning; `facts merge` reads any number of these files
// and builds the report one run over all the documents would have built. Document ids depend on every path of the
// run (colliding file names get their whole path), so merge gives every document its id again from all the paths.
import type { DocumentResult } from '../extract/document.js';
import { assignDocumentIds } from '../read/document-ids.js';
import type { Warning } from '../model/report.js';

export const PARTIAL_FORMAT = 'facts-partial';
export const PARTIAL_VERSION = 1;

export interface PartialHeader {
  format: typeof PARTIAL_FORMAT;
  version: number;
  /** The facts version that wrote the file: informative, merge does not require it to match. */
  generator: string;
  /** The --date the shard was extracted with: every shard of one report must use the same. */
  referenceDate: string | null;
}

export type PartialLine = { type: 'document'; result: DocumentResult } | { type: 'warning'; warning: Warning };

export interface Partial {
  /** One per shard in the file: files may be concatenated (`cat part-*.ndjson`, GNU parallel, Spark's pipe). */
  headers: PartialHeader[];
  results: DocumentResult[];
  warnings: Warning[];
}

export function partialHeader(generator: string, referenceDate: string | null): PartialHeader {
  return { format: PARTIAL_FORMAT, version: PARTIAL_VERSION, generator, referenceDate };
}

/** The file's lines, each ending in a newline: header, documents in input order, then warnings. */
export function headerLine(header: PartialHeader): string {
  return `${JSON.stringify(header)}\n`;
}

export function documentLine(result: DocumentResult): string {
  return `${JSON.stringify({ type: 'document', result } satisfies PartialLine)}\n`;
}

export function warningLine(warning: Warning): string {
  return `${JSON.stringify({ type: 'warning', warning } satisfies PartialLine)}\n`;
}

export class PartialError extends Error {}

/** Parses one part file; `name` is used in error messages. Blank lines are allowed (a trailing newline). */
export function parsePartial(text: string, name: string): Partial {
  const reader = new PartialReader(name);
  for (const line of text.split('\n')) reader.add(line);
  return reader.finish();
}

/** parsePartial a line at a time, for a part file read as it comes (it may be longer than a string can be). */
export class PartialReader {
  private readonly headers: PartialHeader[] = [];
  private readonly results: DocumentResult[] = [];
  private readonly warnings: Warning[] = [];
  private lineNumber = 0;

  constructor(private readonly name: string) {}

  add(line: string): void {
    const n = ++this.lineNumber;
    if (line.trim() === '') return;
    let data: unknown;
    try {
      data = JSON.parse(line);
    } catch {
      throw new PartialError(`${this.name}:${n}: not a JSON line (is this a file written by facts extract --partial?)`);
    }
    const h = data as PartialHeader;
    if (this.headers.length === 0 || h?.format === PARTIAL_FORMAT) {
      if (typeof h !== 'object' || h === null || h.format !== PARTIAL_FORMAT) {
        throw new PartialError(`${this.name}:${n}: not a facts partial file (the first line must be its header; write it with facts extract --partial)`);
      }
      if (h.version !== PARTIAL_VERSION) {
        throw new PartialError(`${this.name}: partial format version ${String(h.version)}, this facts reads version ${PARTIAL_VERSION}; extract the shard again`);
      }
      this.headers.push(h);
      return;
    }
    const entry = data as PartialLine;
    if (entry?.type === 'document' && isResult(entry.result)) this.results.push(entry.result);
    else if (entry?.type === 'warning' && typeof entry.warning?.path === 'string') this.warnings.push(entry.warning);
    else throw new PartialError(`${this.name}:${n}: neither a document nor a warning line`);
  }

  finish(): Partial {
    if (this.headers.length === 0) throw new PartialError(`${this.name}: empty; a partial file starts with its header line`);
    return { headers: this.headers, results: this.results, warnings: this.warnings };
  }
}

function isResult(r: unknown): r is DocumentResult {
  const x = r as DocumentResult | undefined;
  return (
    typeof x === 'object' && x !== null && typeof x.document?.id === 'string' && typeof x.document?.path === 'string' &&
    Array.isArray(x.mentions) && Array.isArray(x.claims)
  );
}

/**
 * The results of all shards with the ids one run over all of them would have given: ids come from every path at
 * once, and every reference (mention and claim ids, `doc`, `about.entities`, `conversionOf`) follows. Throws when a
 * path comes from two shards, which one run could never produce.
 */
export function combineResults(parts: Array<{ name: string; results: DocumentResult[] }>): DocumentResult[] {
  const from = new Map<string, string>();
  const all: DocumentResult[] = [];
  for (const part of parts) {
    for (const r of part.results) {
      const seen = from.get(r.document.path);
      if (seen !== undefined) throw new PartialError(`${r.document.path}: in both ${seen} and ${part.name}; give each document to one shard`);
      from.set(r.document.path, part.name);
      all.push(r);
    }
  }
  const ids = assignDocumentIds(all.map((r) => r.document.path));
  return all.map((r, i) => withId(r, ids[i]));
}

/** The result with its document id changed, in place (key order kept, so the JSON is what a single run writes). */
export function withId(result: DocumentResult, id: string): DocumentResult {
  const old = result.document.id;
  if (old === id) return result;
  const re = (x: string) => (x === old ? id : x.startsWith(`${old}#`) ? `${id}${x.slice(old.length)}` : x);
  result.document.id = id;
  for (const item of [...result.mentions, ...result.claims]) {
    item.id = re(item.id);
    item.doc = re(item.doc);
    if (item.about) item.about.entities = item.about.entities.map(re);
    const value = item.value as { conversionOf?: string };
    if (typeof value.conversionOf === 'string') value.conversionOf = re(value.conversionOf);
  }
  return result;
}
