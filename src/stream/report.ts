// The report as a stream: documents are added one at a time, in path order, as the extraction threads left them in
// the spool folder (extract.ts), and the JSON or NDJSON report is written at the end in pieces. Memory holds the
// documents' headers, the corpus' entity names, one sort key per fact and, while facts are built, the items of one
// head; mentions, claims, fact items and written facts wait in spool files. The bytes are those of formatJson /
// formatNdjson over buildReport (with the config's aliases and ignores): a test holds them equal.
import { statSync } from 'node:fs';
import path from 'node:path';
import type { Aliases, Ignore } from '../merge/adjust.js';
import { CanonicalCollector } from '../merge/canonical.js';
import type { Claim, Document, EntityKind, Mention, Summary, Warning } from '../model/report.js';
import { jsonSafe } from '../report/escape.js';
import { itemFile, type StreamDoc } from './extract.js';
import { type FactKey, runFactsJob } from './facts.js';
import { Names } from './names.js';
import { element, ITEM_BUCKETS, type PackStyle, separator, SLOT_CLOSE, SLOT_OPEN, type SlotType } from './pack.js';
import { type Segment, SpoolReader } from './spool.js';

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
}

const BLANK_ID = { json: '"id": ""', ndjson: '"id":""' } as const;

export class StreamedReport {
  private readonly documents: Document[] = [];
  private readonly segments: Array<{ mentions: Segment; claims: Segment }> = [];
  readonly warnings: Warning[];
  private readonly collector = new CanonicalCollector();
  private readonly reader: SpoolReader;
  private mentionCount = 0;
  private claimCount = 0;
  private readonly rename: (name: string) => string;
  private names: Names | null = null;

  constructor(private readonly options: StreamOptions) {
    this.rename = new Names(new Map(), options.aliases).rename;
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
    this.segments.push({ mentions: x.mentions, claims: x.claims });
    for (const [kind, name, surface, count] of x.entities) this.collector.add(d, kind, this.rename(name), surface, count);
    this.mentionCount += x.mentionCount;
    this.claimCount += x.claimCount;
  }

  /**
   * Writes the whole report through `out`, in pieces of about 64 KB. `threads` names the extraction threads whose
   * spool files hold the documents' items.
   */
  async write(out: (chunk: string) => void, threads: string[]): Promise<Summary> {
    const corpus = this.collector.resolve();
    this.names = new Names(corpus, this.options.aliases);
    const { dir, style } = this.options;
    let largest = 0;
    for (let b = 0; b < ITEM_BUCKETS; b++) {
      const bytes = threads.reduce((n, t) => n + (statSync(path.join(dir, itemFile(t, b)), { throwIfNoEntry: false })?.size ?? 0), 0);
      largest = Math.max(largest, bytes);
    }
    try {
      const keys = await runFactsJob(
        {
          dir,
          threads,
          style,
          tolerance: this.options.tolerance ?? 0,
          ...(this.options.aliases ? { aliases: this.options.aliases } : {}),
          ...(this.options.ignore ? { ignore: this.options.ignore } : {}),
          corpus: [...corpus],
          paths: this.documents.map((d) => [d.id, d.path]),
        },
        largest,
      );
      return style === 'json' ? this.writeJson(keys, out) : this.writeNdjson(keys, out);
    } finally {
      this.reader.close();
    }
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

  private *factTexts(keys: FactKey[]): Generator<string> {
    const blank = BLANK_ID[this.options.style];
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (!k.kept) continue;
      yield this.reader.read(k.at).replace(blank, blank.replace('""', `"F${i + 1}"`));
    }
  }

  private summary(keys: FactKey[]): Summary {
    const kept = keys.filter((k) => k.kept);
    return { documents: this.documents.length, mentions: this.mentionCount, facts: kept.length, conflicts: kept.filter((k) => k.conflict).length };
  }

  // --- output --------------------------------------------------------------------------------------------------

  /** The documents' spooled mentions or claims, with every slot filled in and the style's separator between them. */
  private *filled(which: 'mentions' | 'claims'): Generator<string> {
    const sep = separator(this.options.style);
    let first = true;
    for (const segs of this.segments) {
      const segment = segs[which];
      if (segment.length === 0) continue;
      if (!first) yield sep;
      first = false;
      let carry = '';
      for (const piece of this.reader.pieces(segment)) {
        const text = carry + piece;
        carry = '';
        let from = 0;
        const parts: string[] = [];
        for (;;) {
          const open = text.indexOf(SLOT_OPEN, from);
          if (open < 0) {
            parts.push(text.slice(from));
            break;
          }
          const close = text.indexOf(SLOT_CLOSE, open);
          if (close < 0) {
            parts.push(text.slice(from, open));
            carry = text.slice(open);
            break;
          }
          parts.push(text.slice(from, open));
          const [type, kind, name] = JSON.parse(text.slice(open + 1, close)) as [SlotType, string, string];
          parts.push(this.fill(type, kind, name));
          from = close + 1;
        }
        yield parts.join('');
      }
      if (carry !== '') throw new Error('StreamedReport: a slot in the spool is cut short');
    }
  }

  private writeJson(keys: FactKey[], out: (chunk: string) => void): Summary {
    const w = new Writer(out);
    const summary = this.summary(keys);
    const array = (name: string, empty: boolean, body: () => void, last = false) => {
      if (empty) {
        w.put(`  "${name}": []${last ? '' : ','}\n`);
        return;
      }
      w.put(`  "${name}": [\n`);
      body();
      w.put(`\n  ]${last ? '' : ','}\n`);
    };
    w.put('{\n  "version": 1,\n');
    array('documents', this.documents.length === 0, () => w.put(this.documents.map((d) => element('json', 'document', d)).join(',\n')));
    array('mentions', this.mentionCount === 0, () => {
      for (const text of this.filled('mentions')) w.put(text);
    });
    array('claims', this.claimCount === 0, () => {
      for (const text of this.filled('claims')) w.put(text);
    });
    array('facts', summary.facts === 0, () => {
      let first = true;
      for (const text of this.factTexts(keys)) {
        w.put(first ? text : `,\n${text}`);
        first = false;
      }
    });
    const warnings = this.warnings;
    w.put(`  "summary": ${JSON.stringify(summary, null, 2).replace(/\n/g, '\n  ')}${warnings.length > 0 ? ',' : ''}\n`);
    if (warnings.length > 0) array('warnings', false, () => w.put(warnings.map((x) => element('json', 'warning', x)).join(',\n')), true);
    w.put('}\n');
    w.flush();
    return summary;
  }

  private writeNdjson(keys: FactKey[], out: (chunk: string) => void): Summary {
    const w = new Writer(out);
    const summary = this.summary(keys);
    for (const d of this.documents) w.put(`${element('ndjson', 'document', d)}\n`);
    if (this.mentionCount > 0) {
      for (const text of this.filled('mentions')) w.put(text);
      w.put('\n');
    }
    for (const text of this.factTexts(keys)) w.put(`${text}\n`);
    for (const x of this.warnings) w.put(`${element('ndjson', 'warning', x)}\n`);
    w.put(`${jsonSafe(JSON.stringify({ type: 'summary', version: 1, ...summary }))}\n`);
    w.flush();
    return summary;
  }
}

/** Gathers small pieces into writes of about 64 KB: large enough for few system calls, small enough to stay out of
 *  the heap's large-object space. */
class Writer {
  private parts: string[] = [];
  private size = 0;
  constructor(private readonly out: (chunk: string) => void) {}
  put(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= 1 << 16) this.flush();
  }
  flush(): void {
    if (this.parts.length === 0) return;
    this.out(this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }
}
