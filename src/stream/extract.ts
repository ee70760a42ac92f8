// One extraction thread's part of a streamed report: reads each document it is given (the file itself, so reading
// is spread over the threads too), extracts and packs it, appends the written mentions, claims and fact items to
// this thread's own spool files, and answers with where they went. What goes back to the main thread is small: the
// document's header, its entity names and a few positions.
import { type DocumentInput, extractDocument, type ExtractOptions } from '../extract/document.js';
import type { Document, EntityKind, Warning } from '../model/report.js';
import { readInputFile } from '../read/inputs.js';
import { needsJsonSafe } from '../report/escape.js';
import { ITEM_BUCKETS, itemFile, packResult, type PackStyle } from './pack.js';
import { type Segment, SpoolWriter } from './spool.js';

/** One document of the run: read from `file`, or given (standard input). */
export interface StreamTask {
  /** Its place in the report's document order. */
  index: number;
  id: string;
  path: string;
  file?: string;
  input?: DocumentInput;
}

export interface StreamSettings {
  style: PackStyle;
  options: ExtractOptions;
  maxFileSize?: number;
  /** The run's spool folder. */
  dir: string;
}

/** What the report keeps of one document. */
export interface ExtractedDoc {
  document: Document;
  entities: Array<[EntityKind, string, string, number]>;
  mentions: Segment;
  mentionCount: number;
  claims: Segment;
  claimCount: number;
}

export interface StreamDoc {
  index: number;
  warning?: Warning;
  extracted?: ExtractedDoc;
}

/** A line of an item spool, "index TAB head TAB key TAB item", in pieces to append (the item, the long part, is not
 *  copied into a new string); head is written as JSON, so none of the first three holds a tab or a line break (JSON
 *  escapes them), and the item is one line of JSON. */
function itemLine(index: number, head: string, key: string, json: string): string[] {
  return [`${index}\t${JSON.stringify(head)}\t${key}\t`, json, '\n'];
}


export class StreamExtractor {
  private readonly mentions: SpoolWriter;
  private readonly claims: SpoolWriter;
  private readonly items: SpoolWriter[];

  constructor(
    private readonly settings: StreamSettings,
    thread: string,
  ) {
    this.mentions = new SpoolWriter(settings.dir, `${thread}-mentions`);
    this.claims = new SpoolWriter(settings.dir, `${thread}-claims`);
    this.items = Array.from({ length: ITEM_BUCKETS }, (_, b) => new SpoolWriter(settings.dir, itemFile(thread, b)));
  }

  async run(task: StreamTask): Promise<StreamDoc> {
    return this.process(task, await this.read(task));
  }

  /** Reads a task's file (start several before processing them, so reading overlaps extraction). */
  async read(task: StreamTask): Promise<{ input?: DocumentInput; warning?: Warning }> {
    if (task.input || task.file === undefined) return task.input ? { input: task.input } : {};
    const read = await readInputFile(task.file, task.path, this.settings.maxFileSize);
    const input = read.input ? { ...read.input, id: task.id } : undefined;
    return { ...(input ? { input } : {}), ...(read.warning ? { warning: read.warning } : {}) };
  }

  process(task: StreamTask, { input, warning }: { input?: DocumentInput; warning?: Warning }): StreamDoc {
    if (!input) return { index: task.index, ...(warning ? { warning } : {}) };
    const safe = !needsJsonSafe(input.text) && !needsJsonSafe(input.id) && !needsJsonSafe(input.path);
    const packed = packResult(extractDocument(input, this.settings.options), this.settings.style, safe);
    for (const item of packed.items) this.items[item.bucket].appendAll(itemLine(task.index, item.head, item.key, item.json));
    return {
      index: task.index,
      ...(warning ? { warning } : {}),
      extracted: {
        document: packed.document,
        entities: packed.entities,
        mentions: this.mentions.appendAll(packed.mentions),
        mentionCount: packed.mentionCount,
        claims: this.claims.appendAll(packed.claims),
        claimCount: packed.claimCount,
      },
    };
  }

  /** Writes out what is buffered: the main thread may read the files from here on. */
  flush(): void {
    for (const w of [this.mentions, this.claims, ...this.items]) w.flush();
  }

  close(): void {
    for (const w of [this.mentions, this.claims, ...this.items]) w.close();
  }
}
