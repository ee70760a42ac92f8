// The facts of a streamed report, built from the fact items the extraction threads spooled: bucket by bucket, one
// head (kind, attribute, unit) at a time, each fact written to a facts spool as it is made. The buckets are split
// into ranges, one per job, each built in a worker of its own when it can (runFactsJobs): the ranges are built at
// the same time, and the garbage of building facts never grows the main thread's heap.
import { existsSync } from 'node:fs';
import type { Aliases, Ignore } from '../merge/adjust.js';
import { ignoreFilter } from '../merge/adjust.js';
import type { CorpusEntity } from '../merge/canonical.js';
import { renameSubject } from '../merge/entities.js';
import { type Candidate, candidateAbout, factSortKey, factsOfGroup, groupCandidates, type GroupMember } from '../merge/facts.js';
import type { Claim, Mention } from '../model/report.js';
import { errorOf, isSystemError, type WorkerFailure } from '../parallel/errors.js';
import { YOUNG_MB } from '../parallel/limits.js';
import { startWorker } from '../parallel/start.js';
import { Names } from './names.js';
import { element, ITEM_BUCKETS, itemFile, type ItemKey, type PackStyle } from './pack.js';
import { READ_WINDOW, SpoolReader, SpoolWriter } from './spool.js';
import { pushTo } from '../util/multimap.js';
import { NO_STORY } from '../util/stories.js';
import { mapped } from '../util/mapped.js';

/** Everything building the facts needs, as plain data (it crosses to a worker). */
export interface FactsBase {
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
  /** A document's index (an item's first field) → its story (util/stories.ts). */
  stories: Array<[number, number]>;
  /** A thread's items of one bucket up to this many bytes are read into memory at once (default BUCKET_IN_MEMORY);
   *  larger files are read through windows. Tests set 0 to read every item that way. */
  inMemoryBytes?: number;
}

/** One range of buckets to build, [from, to), into its own facts spool file. */
export interface FactsJob extends FactsBase {
  buckets: [number, number];
  spool: string;
  /** Answer with the facts' sort keys too (to merge this range's facts with others'). */
  withKeys: boolean;
}

/** The facts of one range in their report order: where each is in the range's spool, its flags, and (when asked)
 *  its sort key. */
export interface FactsPart {
  at: Float64Array;
  length: Float64Array;
  flags: Uint8Array;
  keys?: string[];
}

/** Fact i of the report (in order) is `length[i]` bytes at `at[i]` of the facts spool `spools[spool[i]]`; flags say
 *  if it is kept (not ignored) and if it is a conflict. Typed arrays: a few bytes a fact, and they cross from a
 *  worker for free. */
export interface FactIndex {
  at: Float64Array;
  length: Float64Array;
  flags: Uint8Array;
  spool: Uint8Array;
  spools: string[];
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
export function buildFactsSpool(job: FactsJob): FactsPart {
  const names = new Names(new Map(job.corpus), job.aliases);
  const keep = ignoreFilter(job.ignore);
  const paths = new Map(job.paths);
  const stories = new Map(job.stories);
  const storyOf = (l: Light) => stories.get(l.index) ?? NO_STORY;
  const reader = new SpoolReader(job.dir);
  const spool = new SpoolWriter(job.dir, job.spool);
  // Per fact, while facts are built: its sort key, where it is in the spool, its flags (parallel arrays: a few
  // dozen bytes a fact).
  const order: string[] = [];
  const ats: number[] = [];
  const lengths: number[] = [];
  const flags: number[] = [];
  try {
    for (let b = job.buckets[0]; b < job.buckets[1]; b++) {
      const byHead = new Map<string, Light[]>();
      // Heads and subjects repeat across items: each is parsed once and shared, which keeps a light item small.
      const heads = new Map<string, { key: string; parts: string[] }>();
      const subjects = new Map<string, string[]>();
      const itemKeys = new Map<string, { subject: string[]; qualifier: string | null }>();
      const files = mapped(job.threads, (thread) => itemFile(thread, b));
      for (const file of files) reader.load(file, job.inMemoryBytes ?? BUCKET_IN_MEMORY);
      for (const file of files) {
        // "index TAB head TAB key": the item itself is read when its group is built.
        for (const { fields, at } of reader.fields(file, 3)) {
          const tab1 = fields.indexOf('\t');
          const tab2 = fields.indexOf('\t', tab1 + 1);
          const headJson = fields.slice(tab1 + 1, tab2);
          let head = heads.get(headJson);
          if (!head) {
            // Map keys are fresh strings (JSON.stringify gives back the same text): a slice would keep its whole
            // line alive.
            const key = JSON.parse(headJson) as string;
            head = { key, parts: key.split('\u0000') };
            heads.set(JSON.stringify(key), head);
          }
          const keyJson = fields.slice(tab2 + 1);
          let itemKey = itemKeys.get(keyJson);
          if (!itemKey) {
            const [s, qualifier] = JSON.parse(keyJson) as ItemKey;
            const subjectKey = JSON.stringify(s);
            let subject = subjects.get(subjectKey);
            if (!subject) {
              subject = [...new Set(s.map(([k, name]) => names.subject(k, name)))].sort();
              subjects.set(subjectKey, subject);
            }
            itemKey = { subject, qualifier };
            // A fresh key string, as for heads.
            itemKeys.set(JSON.stringify([s, qualifier]), itemKey);
          }
          const { subject, qualifier } = itemKey;
          const light: Light = {
            index: Number(fields.slice(0, tab1)),
            file: at.file,
            at: at.at,
            length: at.length,
            kind: head.parts[0],
            attribute: head.parts[1],
            unit: head.parts[2],
            subject,
            qualifier,
            inferred: false,
          };
          pushTo(byHead, head.key, light);
        }
      }
      for (const [head, lights] of byHead) {
        byHead.delete(head);
        // Threads wrote their documents in turn: back to document order (stable: a document's items keep theirs).
        lights.sort((x, y) => x.index - y.index);
        for (const group of groupCandidates(lights, storyOf, (l) => l.index)) {
          const reach = readReach(group);
          const candidates: Candidate[] = mapped(group, (l, i) => {
            const line = reader.readNear(l, reach[i]);
            const m = names.claim(JSON.parse(line.slice(line.indexOf('\t', line.indexOf('\t', line.indexOf('\t') + 1) + 1) + 1)) as Mention | Claim);
            // l.subject is sorted and holds each name once (see itemKeys above).
            const c = candidateAbout(m, l.subject);
            c.inferred = l.inferred;
            return c;
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
      for (const file of files) reader.unload(file);
    }
  } finally {
    spool.close();
    reader.close();
  }
  const sorted = Array.from(order, (_, i) => i).sort((a, b) => (order[a] < order[b] ? -1 : order[a] > order[b] ? 1 : 0));
  const part: FactsPart = { at: new Float64Array(sorted.length), length: new Float64Array(sorted.length), flags: new Uint8Array(sorted.length) };
  sorted.forEach((k, i) => {
    part.at[i] = ats[k];
    part.length[i] = lengths[k];
    part.flags[i] = flags[k];
  });
  if (job.withKeys) part.keys = sorted.map((k) => order[k]);
  return part;
}

/**
 * For each item of a group, in the order they are read: where the last item of the same file that one window read
 * there could also serve ends. Items of one file come in file order (a thread writes its documents in order), so two
 * pointers per file find it in one pass.
 */
export function readReach(items: Array<{ file: string; at: number; length: number }>, window = READ_WINDOW): number[] {
  const reach = new Array<number>(items.length);
  const byFile = new Map<string, number[]>();
  items.forEach((l, i) => pushTo(byFile, l.file, i));
  for (const list of byFile.values()) {
    let last = 0;
    for (let k = 0; k < list.length; k++) {
      const from = items[list[k]];
      if (last < k) last = k;
      while (last + 1 < list.length && items[list[last + 1]].at + items[list[last + 1]].length - from.at <= window) last++;
      reach[list[k]] = items[list[last]].at + items[list[last]].length;
    }
  }
  return reach;
}

/**
 * Every fact, built over up to `jobs` ranges of buckets at once, each in a worker with a heap sized to its largest
 * bucket (see runFactsJob); `bucketBytes` is the size of each bucket's items (ITEM_BUCKETS of them). Small runs are
 * built in this thread, range after range: starting a worker would cost more than it saves. `writing`: this thread
 * writes the report while they are built.
 */
export async function runFactsJobs(base: FactsBase, bucketBytes: number[], jobs: number, signal?: AbortSignal, writing = true): Promise<FactIndex> {
  const { ranges, inThread } = planFacts(bucketBytes, jobs);
  const largest = (r: [number, number]) => largestBucket(bucketBytes, r);
  const spools = ranges.map((_, k) => `facts-${k}`);
  const parts = await Promise.all(
    ranges.map((buckets, k) => {
      const job: FactsJob = { ...base, buckets, spool: spools[k], withKeys: ranges.length > 1 };
      if (inThread) return buildFactsSpool(job);
      // When this thread writes the report meanwhile, it is busy too.
      return runFactsJob(job, largest(buckets), ranges.length + (writing ? 1 : 0), signal);
    }),
  );
  return mergeParts(parts, spools);
}

/**
 * The ranges of buckets the facts are built over, and whether in this thread (under IN_THREAD_BYTES of items).
 * Workers get up to `jobs` ranges, fewer when their heaps together would pass FACTS_BUDGET_MB: a large corpus builds
 * its facts with fewer threads rather than more memory.
 */
export function planFacts(bucketBytes: number[], jobs: number): { ranges: Array<[number, number]>; inThread: boolean } {
  const inThread = bucketBytes.reduce((n, x) => n + x, 0) < IN_THREAD_BYTES;
  let ranges = bucketRanges(bucketBytes, jobs);
  for (let n = jobs - 1; !inThread && n >= 1 && ranges.length > 1 && ranges.reduce((mb, r) => mb + factsHeapMb(largestBucket(bucketBytes, r)), 0) > FACTS_BUDGET_MB; n--) {
    ranges = bucketRanges(bucketBytes, n);
  }
  return { ranges, inThread };
}

function largestBucket(bucketBytes: number[], [from, to]: [number, number]): number {
  return Math.max(0, ...bucketBytes.slice(from, to));
}

/** The old-generation size a facts worker starts with, for the largest bucket it reads. */
function factsHeapMb(bucketBytes: number): number {
  return Math.ceil(FACTS_HEAP_FLOOR_MB + (FACTS_HEAP_PER_BYTE * bucketBytes) / (1 << 20));
}

/** Splits the buckets into at most `n` consecutive ranges of about the same size (a bucket is never split). */
export function bucketRanges(bucketBytes: number[], n: number): Array<[number, number]> {
  const total = bucketBytes.reduce((s, x) => s + x, 0);
  const ranges: Array<[number, number]> = [];
  let from = 0;
  let sum = 0;
  let closed = 0;
  for (let b = 0; b < bucketBytes.length; b++) {
    sum += bucketBytes[b];
    // Close the range once it reaches its share of the total, unless it or what is left holds nothing (the last
    // range takes what is left).
    if (ranges.length < n - 1 && sum >= (total * (ranges.length + 1)) / n && sum > closed && sum < total) {
      ranges.push([from, b + 1]);
      from = b + 1;
      closed = sum;
    }
  }
  ranges.push([from, bucketBytes.length]);
  return ranges;
}

/**
 * The ranges' facts in one report order. Each range is sorted already; equal keys keep the order of the ranges (which
 * follow the buckets), as one stable sort over every bucket would.
 */
export function mergeParts(parts: FactsPart[], spools: string[]): FactIndex {
  const count = parts.reduce((n, p) => n + p.flags.length, 0);
  const index: FactIndex = {
    at: new Float64Array(count),
    length: new Float64Array(count),
    flags: new Uint8Array(count),
    spool: new Uint8Array(count),
    spools,
  };
  const next = parts.map(() => 0);
  for (let i = 0; i < count; i++) {
    let best = -1;
    for (let k = 0; k < parts.length; k++) {
      if (next[k] >= parts[k].flags.length) continue;
      if (best < 0 || parts[k].keys![next[k]] < parts[best].keys![next[best]]) best = k;
    }
    const p = parts[best];
    const j = next[best]++;
    index.at[i] = p.at[j];
    index.length[i] = p.length[j];
    index.flags[i] = p.flags[j];
    index.spool[i] = best;
  }
  return index;
}

/**
 * buildFactsSpool in a worker with a heap sized to the largest bucket, so its garbage is collected as it goes and
 * leaves with the worker. A worker that runs out of that heap is started again with twice as much (a fact can
 * gather tens of thousands of sources); without a compiled worker, or after that, it runs in this thread. `signal`
 * stops the worker (the report is no longer wanted); `busy` is how many threads work while it does (see startWorker).
 */
async function runFactsJob(job: FactsJob, bucketBytes: number, busy: number, signal?: AbortSignal): Promise<FactsPart> {
  const url = new URL('../parallel/worker.js', import.meta.url);
  if (!url.pathname.endsWith('.js') || !existsSync(url)) return buildFactsSpool(job);
  let heapMb = factsHeapMb(bucketBytes);
  for (let attempt = 0; attempt < FACTS_ATTEMPTS; attempt++, heapMb *= 2) {
    try {
      return await factsWorker(url, job, heapMb, busy, signal);
    } catch (e) {
      // Stopped on purpose: the report is no longer wanted, so no retry and no fallback either. Nor after a system
      // error (the spool folder is full): this thread would meet it again.
      if (signal?.aborted || isSystemError(e)) throw e;
      if ((e as NodeJS.ErrnoException).code !== 'ERR_WORKER_OUT_OF_MEMORY') break;
    }
  }
  return buildFactsSpool(job);
}

function factsWorker(url: URL, job: FactsJob, heapMb: number, busy: number, signal?: AbortSignal): Promise<FactsPart> {
  return new Promise<FactsPart>((resolve, reject) => {
    if (signal?.aborted) return reject(new Error('facts no longer wanted'));
    const w = startWorker(url, { workerData: { facts: job }, resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: YOUNG_MB } }, busy);
    signal?.addEventListener(
      'abort',
      () => {
        reject(new Error('facts no longer wanted'));
        void w.terminate();
      },
      { once: true },
    );
    w.once('message', (res: { part?: FactsPart } & Partial<WorkerFailure>) => {
      void w.terminate();
      if (res.part) resolve(res.part);
      else reject(errorOf('facts worker failed', res));
    });
    w.once('error', reject);
    w.once('exit', (code) => reject(new Error(`facts worker exited with code ${code}`)));
  });
}

// A thread's items of one bucket up to this size are read into memory at once: a group's items lie far apart in
// the file, and reading them through windows cost a system call for almost every other item (measured: 42%).
// Larger files (a large corpus) are read through windows, so memory stays bounded.
const BUCKET_IN_MEMORY = 16 << 20;
// Below this much in fact items, facts are built in this thread (a worker costs ~0.2 s to start).
const IN_THREAD_BYTES = 1 << 20;
// Building facts keeps a bucket's item keys and one group's items, candidates and facts alive: about the bucket's
// size on disk above a floor (measured: 16 MB of articles need ~150 MB). Too little costs time, not the result.
const FACTS_HEAP_FLOOR_MB = 96;
const FACTS_HEAP_PER_BYTE = 1.5;
const FACTS_ATTEMPTS = 3;
// What the facts workers' heaps may add up to before fewer of them run at once (one always runs). Measured: on the
// 16 MB bench corpus two workers need ~120 MB each; at 8x the corpus one needs ~270 MB.
const FACTS_BUDGET_MB = 256;
