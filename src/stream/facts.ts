// The facts of a streamed report, built from the fact items the extraction threads spooled: bucket by bucket, one
// head (kind, attribute, unit) at a time, each fact written to the facts spool as it is made. Runs in a worker of
// its own when it can (runFactsJob), so the garbage of building facts never grows the main thread's heap.
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { Aliases, Ignore } from '../merge/adjust.js';
import { ignoreFilter } from '../merge/adjust.js';
import type { CorpusEntity } from '../merge/canonical.js';
import { renameSubject } from '../merge/entities.js';
import { type Candidate, compareFacts, factsOfCandidates, makeCandidate } from '../merge/facts.js';
import type { Fact } from '../model/report.js';
import { itemFile } from './extract.js';
import { Names } from './names.js';
import { element, ITEM_BUCKETS, type ItemLine, type PackStyle } from './pack.js';
import { type Segment, SpoolReader, SpoolWriter } from './spool.js';

export const FACTS_SPOOL = 'facts';

/** Everything building the facts needs, as plain data (it crosses to a worker). */
export interface FactsJob {
  dir: string;
  /** Threads whose item spools to read. */
  threads: string[];
  style: PackStyle;
  tolerance: number;
  aliases?: Aliases;
  ignore?: Ignore;
  corpus: Array<[string, CorpusEntity]>;
  /** Document id → path, for the facts' sources. */
  paths: Array<[string, string]>;
}

/** One fact in the spool: where it is, and what sorting and counting need. */
export interface FactKey {
  /** What compareFacts reads. */
  order: Pick<Fact, 'status' | 'subject' | 'attribute' | 'kind'> & { values: Array<{ mentions: string[] }> };
  at: Segment;
  kept: boolean;
  conflict: boolean;
}

/** Builds every fact into the facts spool; returns their keys in report order. */
export function buildFactsSpool(job: FactsJob): FactKey[] {
  const names = new Names(new Map(job.corpus), job.aliases);
  const keep = ignoreFilter(job.ignore);
  const paths = new Map(job.paths);
  const reader = new SpoolReader(job.dir);
  const spool = new SpoolWriter(job.dir, FACTS_SPOOL);
  const keys: FactKey[] = [];
  try {
    for (let b = 0; b < ITEM_BUCKETS; b++) {
      // The bucket's lines ("index TAB head TAB item"), by head; only one head's items are parsed at a time.
      const byHead = new Map<string, Array<{ index: number; json: string }>>();
      for (const thread of job.threads) {
        for (const line of reader.lines(itemFile(thread, b))) {
          const tab1 = line.indexOf('\t');
          const tab2 = line.indexOf('\t', tab1 + 1);
          const head = line.slice(tab1 + 1, tab2);
          const entry = { index: Number(line.slice(0, tab1)), json: line.slice(tab2 + 1) };
          const list = byHead.get(head);
          if (list) list.push(entry);
          else byHead.set(head, [entry]);
        }
      }
      for (const [head, entries] of byHead) {
        byHead.delete(head);
        // Threads wrote their documents in turn: back to document order (stable: a document's items keep theirs).
        entries.sort((x, y) => x.index - y.index);
        const candidates: Candidate[] = entries.map(({ json }) => {
          const { m, s } = JSON.parse(json) as ItemLine;
          return makeCandidate(names.claim(m), s.map(([kind, name]) => names.subject(kind, name)));
        });
        entries.length = 0;
        for (const fact of factsOfCandidates(candidates, paths, { tolerance: job.tolerance })) {
          const shown = names.renames ? { ...fact, subject: renameSubject(fact.subject, names.rename) } : fact;
          keys.push({
            order: { status: fact.status, subject: fact.subject, attribute: fact.attribute, kind: fact.kind, values: [{ mentions: fact.values[0]?.mentions.slice(0, 1) ?? [] }] },
            at: spool.append(element(job.style, 'fact', { ...shown, id: '' })),
            kept: keep ? keep(fact) : true,
            conflict: fact.status === 'conflict',
          });
        }
      }
    }
  } finally {
    spool.close();
    reader.close();
  }
  return keys.sort((a, b) => compareFacts(a.order as Fact, b.order as Fact));
}

/**
 * buildFactsSpool in a worker with a heap sized to the largest bucket, so its garbage is collected as it goes and
 * leaves with the worker. Without a compiled worker, or if the worker fails (even for want of memory), it runs here.
 */
export async function runFactsJob(job: FactsJob, bucketBytes: number): Promise<FactKey[]> {
  const url = new URL('../parallel/worker.js', import.meta.url);
  if (!url.pathname.endsWith('.js') || !existsSync(url)) return buildFactsSpool(job);
  const heapMb = Math.ceil(FACTS_HEAP_FLOOR_MB + (FACTS_HEAP_PER_BYTE * bucketBytes) / (1 << 20));
  try {
    return await new Promise<FactKey[]>((resolve, reject) => {
      const w = new Worker(url, { workerData: { facts: job }, resourceLimits: { maxOldGenerationSizeMb: heapMb } });
      w.once('message', (res: { keys?: FactKey[]; error?: string }) => {
        void w.terminate();
        if (res.keys) resolve(res.keys);
        else reject(new Error(res.error ?? 'no facts'));
      });
      w.once('error', reject);
      w.once('exit', (code) => reject(new Error(`facts worker exited with code ${code}`)));
    });
  } catch {
    return buildFactsSpool(job);
  }
}
// Building facts keeps a bucket's lines and one head's parsed items, candidates and facts alive: a few times the
// bucket's size on disk.
const FACTS_HEAP_FLOOR_MB = 64;
const FACTS_HEAP_PER_BYTE = 2;
