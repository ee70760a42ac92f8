// The report as a stream: documents are added one at a time, in path order, as the extraction threads left them in
// the spool folder (extract.ts), and the JSON or NDJSON report is written at the end in pieces. This thread holds
// the documents' headers, the corpus' entity names and a few bytes per fact; mentions, claims, fact items and
// written facts wait in spool files, and the facts are built in workers (facts.ts) while this thread writes the
// documents, mentions and claims. The bytes are those of formatJson / formatNdjson over buildReport (with the
// config's aliases and ignores): a test holds them equal. For the formats that show only facts (table, CSV…),
// collect() gives that report without its mentions and claims, its facts read back from their spool.
import { statSync } from 'node:fs';
import path from 'node:path';
import { type Aliases, aliasLookup, type Ignore } from '../merge/adjust.js';
import { CanonicalCollector, type CorpusEntity } from '../merge/canonical.js';
import { storiesOf, tiesStory } from '../util/stories.js';
import type { Claim, Document, EntityKind, Fact, Mention, Report, Summary, Warning } from '../model/report.js';
import { jsonSafe } from '../report/escape.js';
import type { StreamDoc } from './extract.js';
import { CONFLICT, type FactIndex, KEPT, runFactsJobs } from './facts.js';
import { Names } from './names.js';
import { element, ITEM_BUCKETS, itemFile, type PackStyle, separator, SLOT_CLOSE, SLOT_OPEN, type SlotType } from './pack.js';
import { ByteWriter, type Segment, SpoolReader } from './spool.js';

export interface StreamOptions {
  style: PackStyle;
  tolerance?: number;
  /** The config's aliases: entity names renamed before the corpus-wide names are chosen and after. */
  aliases?: Aliases;
  /** The config's ignores: facts left out of the report (they keep their place in the numbering). */
  ignore?: Ignore;
  /** Warnings from listing the inputs; those from reading them come with the documents. */
  warnings?: Warning[];
  /** The run's spool folder, where the extraction threads write. */
  dir: string;
  /** Threads to build the facts with (default 1). */
  jobs?: number;
  /** See FactsBase.inMemoryBytes. */
  inMemoryBytes?: number;
}

const BLANK_ID = { json: '"id": ""', ndjson: '"id":""' } as const;

export class StreamedReport {
  private readonly documents: Document[] = [];
  /** Each document's index among the tasks (its items' first field). */
  private readonly taskIndex: number[] = [];
  private readonly segments: Array<{ mentions: Segment; claims: Segment }> = [];
  readonly warnings: Warning[];
  private readonly collector = new CanonicalCollector();
  private readonly reader: SpoolReader;
  private mentionCount = 0;
  private claimCount = 0;
  private readonly rename: (name: string) => string;
  private names: Names | null = null;
  private readonly filledSlots = new Map<string, Buffer>();

  constructor(private readonly options: StreamOptions) {
    this.rename = options.aliases ? aliasLookup(options.aliases) : (name) => name;
    this.warnings = [...(options.warnings ?? [])];
    this.reader = new SpoolReader(options.dir);
  }

  get style(): PackStyle {
    return this.options.style;
  }

  get documentCount(): number {
    return this.documents.length;
  }

  /** The next document, in report order (path order). */
  add(doc: StreamDoc): void {
    if (this.names) throw new Error('StreamedReport: add() after write()');
    if (doc.warning) this.warnings.push(doc.warning);
    const x = doc.extracted;
    if (!x) return;
    const d = this.documents.length;
    this.documents.push(x.document);
    this.taskIndex.push(doc.index);
    this.segments.push({ mentions: x.mentions, claims: x.claims });
    for (const [kind, name, surface, count] of x.entities) this.collector.add(d, kind, this.rename(name), surface, count);
    this.mentionCount += x.mentionCount;
    this.claimCount += x.claimCount;
  }

  /**
   * Writes the whole report through `out`, in pieces of about 64 KB that `out` must write or copy before it returns
   * (the buffer is reused). `threads` names the extraction threads whose spool files hold the documents' items.
   */
  async write(out: (chunk: Buffer) => void, threads: string[]): Promise<Summary> {
    const stop = new AbortController();
    try {
      // The facts are built in workers while this thread writes what comes before them (documents, mentions and
      // claims need the corpus' names only).
      const facts = this.buildFacts(threads, stop.signal, true);
      // A rejection is taken up below; until then it must not count as unhandled.
      facts.catch(() => {});
      const w = new ByteWriter(out);
      if (this.options.style === 'json') {
        this.writeJsonHead(w);
        return this.writeJsonTail(await facts, w);
      }
      this.writeNdjsonHead(w);
      return this.writeNdjsonTail(await facts, w);
    } finally {
      // Workers still building facts when writing failed are stopped, so the process can end.
      stop.abort();
      this.reader.close();
    }
  }

  /**
   * The report without its mentions and claims, for the formats that show only facts (table, CSV, Markdown…): its
   * documents, its facts read back from the facts spool, its summary and warnings. This thread holds the facts, not
   * the documents' items. `room` is told the bytes of the facts before they are read, and may refuse them by throwing.
   */
  async collect(threads: string[], room?: (factBytes: number) => void): Promise<Report> {
    const stop = new AbortController();
    try {
      const keys = await this.buildFacts(threads, stop.signal, false);
      let bytes = 0;
      for (let i = 0; i < keys.flags.length; i++) if (keys.flags[i]! & KEPT) bytes += keys.length[i]!;
      room?.(bytes);
      const facts: Fact[] = [];
      for (let i = 0; i < keys.flags.length; i++) {
        if (!(keys.flags[i]! & KEPT)) continue;
        // Each piece is copied: the reader reuses its buffer for the next (a fact with many sources spans several).
        const pieces: Buffer[] = [];
        for (const piece of this.reader.bytes({ file: keys.spools[keys.spool[i]!]!, at: keys.at[i]!, length: keys.length[i]! })) pieces.push(Buffer.from(piece));
        const parsed = JSON.parse(Buffer.concat(pieces).toString('utf8')) as Fact & { type?: string };
        // An NDJSON line is typed; the id, the fact's first key, is numbered here as in the written report.
        const { type: _, ...fact } = parsed;
        fact.id = `F${i + 1}`;
        facts.push(fact);
      }
      const report: Report = { version: 1, documents: this.documents, mentions: [], claims: [], facts, summary: this.summary(keys) };
      if (this.warnings.length > 0) report.warnings = this.warnings;
      return report;
    } finally {
      stop.abort();
      this.reader.close();
    }
  }

  /** Starts building the facts (in workers when they are many) once every document is in: their index in report order.
   *  `writing`: this thread writes meanwhile. */
  private buildFacts(threads: string[], signal: AbortSignal, writing: boolean): Promise<FactIndex> {
    const corpus = this.collector.resolve();
    this.names = new Names(corpus, this.options.aliases);
    const { dir, style } = this.options;
    const bucketBytes = Array.from({ length: ITEM_BUCKETS }, (_, b) =>
      threads.reduce((n, t) => n + (statSync(path.join(dir, itemFile(t, b)), { throwIfNoEntry: false })?.size ?? 0), 0),
    );
    return runFactsJobs(
      {
        dir,
        threads,
        style,
        tolerance: this.options.tolerance ?? 0,
        ...(this.options.inMemoryBytes !== undefined ? { inMemoryBytes: this.options.inMemoryBytes } : {}),
        ...(this.options.aliases ? { aliases: this.options.aliases } : {}),
        ...(this.options.ignore ? { ignore: this.options.ignore } : {}),
        corpus: [...corpus],
        paths: this.documents.map((d) => [d.id, d.path]),
        stories: this.stories(corpus),
      },
      bucketBytes,
      this.options.jobs ?? 1,
      signal,
      writing,
    );
  }

  /** Each document's story, by its task index (as documentStories gives a report built in memory). */
  private stories(corpus: Map<string, CorpusEntity>): Array<[number, number]> {
    const stories = storiesOf(this.documents.length, this.collector.documentsByEntity(corpus, tiesStory).values());
    return this.taskIndex.map((index, d) => [index, stories[d]]);
  }

  private fill(type: SlotType, kind: string, name: string): string {
    const style = this.options.style;
    const names = this.names!;
    switch (type) {
      case 'k':
        return JSON.stringify(names.entity(kind as EntityKind, name).kind);
      case 'n':
        return jsonSafe(JSON.stringify(names.entity(kind as EntityKind, name).canonical));
      case 's':
        return jsonSafe(JSON.stringify(names.speaker(name)));
      case 'o':
        return jsonSafe(JSON.stringify(names.org(name)));
      case 'm': {
        const m = JSON.parse(name) as Mention | Claim;
        return element(kind === 'claim' ? 'json' : style, 'mention', kind === 'claim' ? names.claim(m as Claim) : names.mention(m as Mention));
      }
    }
  }

  private summary(keys: FactIndex): Summary {
    let facts = 0;
    let conflicts = 0;
    for (const f of keys.flags) {
      if (!(f & KEPT)) continue;
      facts++;
      if (f & CONFLICT) conflicts++;
    }
    return { documents: this.documents.length, mentions: this.mentionCount, facts, conflicts };
  }

  // --- output --------------------------------------------------------------------------------------------------

  /**
   * The documents' spooled mentions or claims, with every slot filled in and the style's separator between them,
   * copied as bytes: only slots are decoded.
   */
  private filled(which: 'mentions' | 'claims', w: ByteWriter): void {
    const sep = separator(this.options.style);
    let first = true;
    for (const segs of this.segments) {
      const segment = segs[which];
      if (segment.length === 0) continue;
      if (!first) w.put(sep);
      first = false;
      // A slot cut between two pieces: its bytes so far.
      let slot: Buffer[] | null = null;
      for (const piece of this.reader.bytes(segment)) {
        let from = 0;
        while (from < piece.length) {
          if (slot) {
            const close = piece.indexOf(CLOSE_BYTE, from);
            if (close < 0) {
              slot.push(Buffer.from(piece.subarray(from)));
              from = piece.length;
              break;
            }
            slot.push(piece.subarray(from, close));
            w.putBytes(this.fillSlot(Buffer.concat(slot).toString('latin1')));
            slot = null;
            from = close + 1;
            continue;
          }
          const open = piece.indexOf(OPEN_BYTE, from);
          if (open < 0) {
            w.putRange(piece, from, piece.length);
            break;
          }
          w.putRange(piece, from, open);
          // Nearly every slot lies within its piece: read in place.
          const close = piece.indexOf(CLOSE_BYTE, open + 1);
          if (close >= 0) {
            w.putBytes(this.fillSlot(piece.toString('latin1', open + 1, close)));
            from = close + 1;
            continue;
          }
          slot = [];
          from = open + 1;
        }
      }
      if (slot) throw new Error('StreamedReport: a slot in the spool is cut short');
    }
  }

  /**
   * The bytes of one slot, given the slot's bytes (without its markers) as a latin1 string: one character per byte,
   * so any bytes make a key, decoded as UTF-8 only the first time. Names repeat: each distinct slot is parsed and
   * looked up once, and its filled text encoded once.
   */
  private fillSlot(key: string): Buffer {
    let filled = this.filledSlots.get(key);
    if (filled === undefined) {
      const [type, kind, name] = JSON.parse(Buffer.from(key, 'latin1').toString('utf8')) as [SlotType, string, string];
      filled = Buffer.from(this.fill(type, kind, name));
      if (type !== 'm') this.filledSlots.set(key, filled);
    }
    return filled;
  }

  /** The kept facts, numbered in report order, as bytes from the facts spool. */
  private facts(keys: FactIndex, w: ByteWriter, sep: string, last: string): void {
    const blank = Buffer.from(BLANK_ID[this.options.style]);
    let first = true;
    for (let i = 0; i < keys.flags.length; i++) {
      if (!(keys.flags[i] & KEPT)) continue;
      if (!first) w.put(sep);
      first = false;
      // The id is the fact's first key: its blank is found in the first piece.
      let numbered = false;
      for (const piece of this.reader.bytes({ file: keys.spools[keys.spool[i]], at: keys.at[i], length: keys.length[i] })) {
        const at = numbered ? -1 : piece.indexOf(blank);
        if (at < 0) {
          w.putBytes(piece);
          continue;
        }
        numbered = true;
        w.putBytes(piece.subarray(0, at));
        w.put(BLANK_ID[this.options.style].replace('""', `"F${i + 1}"`));
        w.putBytes(piece.subarray(at + blank.length));
      }
    }
    if (!first) w.put(last);
  }

  private writeJsonHead(w: ByteWriter): void {
    w.put('{\n  "version": 1,\n');
    jsonArray(w, 'documents', this.documents.length === 0, () => w.put(this.documents.map((d) => element('json', 'document', d)).join(',\n')));
    jsonArray(w, 'mentions', this.mentionCount === 0, () => this.filled('mentions', w));
    jsonArray(w, 'claims', this.claimCount === 0, () => this.filled('claims', w));
  }

  private writeJsonTail(keys: FactIndex, w: ByteWriter): Summary {
    const summary = this.summary(keys);
    jsonArray(w, 'facts', summary.facts === 0, () => this.facts(keys, w, ',\n', ''));
    const warnings = this.warnings;
    w.put(`  "summary": ${JSON.stringify(summary, null, 2).replace(/\n/g, '\n  ')}${warnings.length > 0 ? ',' : ''}\n`);
    if (warnings.length > 0) jsonArray(w, 'warnings', false, () => w.put(warnings.map((x) => element('json', 'warning', x)).join(',\n')), true);
    w.put('}\n');
    w.flush();
    return summary;
  }

  private writeNdjsonHead(w: ByteWriter): void {
    for (const d of this.documents) w.put(`${element('ndjson', 'document', d)}\n`);
    if (this.mentionCount > 0) {
      this.filled('mentions', w);
      w.put('\n');
    }
  }

  private writeNdjsonTail(keys: FactIndex, w: ByteWriter): Summary {
    const summary = this.summary(keys);
    this.facts(keys, w, '\n', '\n');
    for (const x of this.warnings) w.put(`${element('ndjson', 'warning', x)}\n`);
    w.put(`${jsonSafe(JSON.stringify({ type: 'summary', version: 1, ...summary }))}\n`);
    w.flush();
    return summary;
  }
}

/** One array of the pretty report: `"name": [` elements `]`, or `"name": []` when empty. */
function jsonArray(w: ByteWriter, name: string, empty: boolean, body: () => void, last = false): void {
  if (empty) {
    w.put(`  "${name}": []${last ? '' : ','}\n`);
    return;
  }
  w.put(`  "${name}": [\n`);
  body();
  w.put(`\n  ]${last ? '' : ','}\n`);
}

const OPEN_BYTE = SLOT_OPEN.charCodeAt(0);
const CLOSE_BYTE = SLOT_CLOSE.charCodeAt(0);
