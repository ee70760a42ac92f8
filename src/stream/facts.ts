// The facts of a streamed report, built from the fact items the extraction threads spooled: bucket by bucket, one
// head (kind, attribute, unit) at a time, each fact written to the facts spool as it is made. Runs in a worker of
// its own when it can (runFactsJob), so the garbage of building facts never grows the main thread's heap.
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { Aliases, Ignore } from '../merge/adjust.js';
import { ignoreFilter } from '../merge/adjust.js';
import type { CorpusEntity } from '../merge/canonical.js';
import { renameSubject } from '../merge/entities.js';
import { type Candidate, factSortKey, factsOfGroup, groupCandidates, type GroupMember, makeCandidate } from '../merge/facts.js';
import type { Claim, Mention } from '../model/report.js';
import { itemFile } from './extract.js';
import { Names } from './names.js';
import { element, ITEM_BUCKETS, type ItemKey, type PackStyle } from './pack.js';
import { SpoolReader, SpoolWriter } from './spool.js';

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

/** Fact i of the report (in order) is `length[i]` bytes at `at[i]` of the facts spool; flags say if it is kept
 *  (not ignored) and if it is a conflict. Typed arrays: a few bytes a fact, and they cross from the worker for free. */
export interface FactIndex {
  at: Float64Array;
  length: Float64Array;
  flags: Uint8Array;
}

export const KEPT = 1;
export const CONFLICT = 2;

/** A fact item before it is read: what grouping needs, and where the item's line is (in `file`). */
interface Light extends GroupMember {
  index: number;
  file: string;
  at: number;
  length: number;
}

/**
 * Builds every fact into the facts spool; returns their keys in report order. Per bucket, the items' keys are read
 * and grouped by head and subject first; an item itself is read and parsed only when its group is built, so memory
 * holds one group's items, not a head's.
 */
export function buildFactsSpool(job: FactsJob): FactIndex {
  const names = new Names(new Map(job.corpus), job.aliases);
  const keep = ignoreFilter(job.ignore);
  const paths = new Map(job.paths);
  const reader = new SpoolReader(job.dir);
  const spool = new SpoolWriter(job.dir, FACTS_SPOOL);
  // Per fact, while facts are built: its sort key, where it is in the spool, its flags (parallel arrays: a few
  // dozen bytes a fact).
  const order: string[] = [];
  const ats: number[] = [];
  const lengths: number[] = [];
  const flags: number[] = [];
  try {
    for (let b = 0; b < ITEM_BUCKETS; b++) {
      const byHead = new Map<string, Light[]>();
      // Heads and subjects repeat across items: each is parsed once and shared, which keeps a light item small.
      const heads = new Map<string, { key: string; parts: string[] }>();
      const subjects = new Map<string, string[]>();
      for (const thread of job.threads) {
        for (const { line, at } of reader.lines(itemFile(thread, b))) {
          const tab1 = line.indexOf('\t');
          const tab2 = line.indexOf('\t', tab1 + 1);
          const tab3 = line.indexOf('\t', tab2 + 1);
          const headJson = line.slice(tab1 + 1, tab2);
          let head = heads.get(headJson);
          if (!head) {
            // Keys are fresh strings: a slice of the line would keep its whole piece of the file alive.
            const key = JSON.parse(headJson) as string;
            head = { key, parts: key.split('\u0000') };
            heads.set(JSON.stringify(key), head);
          }
          const [s, qualifier] = JSON.parse(line.slice(tab2 + 1, tab3)) as ItemKey;
          const subjectKey = JSON.stringify(s);
          let subject = subjects.get(subjectKey);
          if (!subject) {
            subject = [...new Set(s.map(([k, name]) => names.subject(k, name)))].sort();
            subjects.set(subjectKey, subject);
          }
          const light: Light = {
            index: Number(line.slice(0, tab1)),
            file: at.file,
            at: at.at,
            length: at.length,
            kind: head.parts[0],
            attribute: head.parts[1],
            unit: head.parts[2],
            subject,
            qualifier,
          };
          const list = byHead.get(head.key);
          if (list) list.push(light);
          else byHead.set(head.key, [light]);
        }
      }
      for (const [head, lights] of byHead) {
        byHead.delete(head);
        // Threads wrote their documents in turn: back to document order (stable: a document's items keep theirs).
        lights.sort((x, y) => x.index - y.index);
        for (const group of groupCandidates(lights)) {
          const candidates: Candidate[] = group.map((l) => {
            const line = reader.readNear(l);
            const m = names.claim(JSON.parse(line.slice(line.indexOf('\t', line.indexOf('\t', line.indexOf('\t') + 1) + 1) + 1)) as Mention | Claim);
            const c = makeCandidate(m, l.subject);
            return l.inferred ? { ...c, inferred: true } : c;
          });
          for (const fact of factsOfGroup(candidates, paths, { tolerance: job.tolerance })) {
            const shown = names.renames ? { ...fact, subject: renameSubject(fact.subject, names.rename) } : fact;
            const at = spool.append(element(job.style, 'fact', { ...shown, id: '' }));
            order.push(factSortKey(fact));
            ats.push(at.at);
            lengths.push(at.length);
            flags.push((keep && !keep(fact) ? 0 : KEPT) | (fact.status === 'conflict' ? CONFLICT : 0));
          }
        }
      }
    }
  } finally {
    spool.close();
    reader.close();
  }
  const sorted = Array.from(order, (_, i) => i).sort((a, b) => (order[a] < order[b] ? -1 : order[a] > order[b] ? 1 : 0));
  const index: FactIndex = { at: new Float64Array(sorted.length), length: new Float64Array(sorted.length), flags: new Uint8Array(sorted.length) };
  sorted.forEach((k, i) => {
    index.at[i] = ats[k];
    index.length[i] = lengths[k];
    index.flags[i] = flags[k];
  });
  return index;
}

/**
 * buildFactsSpool in a worker with a heap sized to the largest bucket, so its garbage is collected as it goes and
 * leaves with the worker. A worker that runs out of that heap is started again with twice as much (a fact can
 * gather tens of thousands of sources); without a compiled worker, or after that, it runs in this thread.
 */
export async function runFactsJob(job: FactsJob, bucketBytes: number): Promise<FactIndex> {
  const url = new URL('../parallel/worker.js', import.meta.url);
  if (!url.pathname.endsWith('.js') || !existsSync(url)) return buildFactsSpool(job);
  let heapMb = Math.ceil(FACTS_HEAP_FLOOR_MB + (FACTS_HEAP_PER_BYTE * bucketBytes) / (1 << 20));
  for (let attempt = 0; attempt < FACTS_ATTEMPTS; attempt++, heapMb *= 2) {
    try {
      return await factsWorker(url, job, heapMb);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ERR_WORKER_OUT_OF_MEMORY') break;
    }
  }
  return buildFactsSpool(job);
}

function factsWorker(url: URL, job: FactsJob, heapMb: number): Promise<FactIndex> {
  return new Promise<FactIndex>((resolve, reject) => {
    const w = new Worker(url, { workerData: { facts: job }, resourceLimits: { maxOldGenerationSizeMb: heapMb } });
    w.once('message', (res: { keys?: FactIndex; error?: string }) => {
      void w.terminate();
      if (res.keys) resolve(res.keys);
      else reject(new Error(res.error ?? 'no facts'));
    });
    w.once('error', reject);
    w.once('exit', (code) => reject(new Error(`facts worker exited with code ${code}`)));
  });
}

// Building facts keeps a bucket's item keys and one group's items, candidates and facts alive: about the bucket's
// size on disk above a floor (measured: 16 MB of articles need ~150 MB). Too little costs time, not the result.
const FACTS_HEAP_FLOOR_MB = 96;
const FACTS_HEAP_PER_BYTE = 1.5;
const FACTS_ATTEMPTS = 3;
