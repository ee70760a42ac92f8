// `npm run bench`: speed and memory of the real `facts extract` (compiled CLI, child processes) on a deterministic
// corpus, against compromise's bare full parse of the same documents in the same run, plus cold start-up and a
// scale curve. Options (flags or environment):
//   --docs N          corpus size in documents of ~8 KB (BENCH_DOCS, default 2000 ≈ 16 MB)
//   --ref-docs N      documents compromise parses for the reference (BENCH_REF_DOCS, default 300: it runs ~0.1 MB/s)
//   --scale-docs N    the 1× of the scale curve (BENCH_SCALE_DOCS, default: --docs); --scales 1,2,4,8 (BENCH_SCALES)
//   --jobs N          the "all cores" run (default: the number of cores)
//   --runs N          runs of each row (compromise's too), the median shown (BENCH_RUNS, default 3)
//   --skip-scale      no scale curve
// Writes under .bench/ (gitignored). Needs `npm run build` first (it runs bin/facts.js, as users do).
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CorpusInfo, writeCorpus } from './bench-corpus.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin', 'facts.js');
const arg = (name: string, env: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : (process.env[env] ?? fallback);
};
const DOCS = Number(arg('docs', 'BENCH_DOCS', '2000'));
const REF_DOCS = Math.min(DOCS, Number(arg('ref-docs', 'BENCH_REF_DOCS', '300')));
const SCALE_DOCS = Number(arg('scale-docs', 'BENCH_SCALE_DOCS', String(DOCS)));
const SCALES = arg('scales', 'BENCH_SCALES', '1,2,4,8').split(',').map(Number);
const JOBS = Number(arg('jobs', 'BENCH_JOBS', String(availableParallelism())));
const SKIP_SCALE = process.argv.includes('--skip-scale');
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
// "One core" literally: the process (and V8's own helper threads) pinned to one CPU, where taskset exists.
const TASKSET = ['/usr/bin/taskset', '/bin/taskset'].find((p) => existsSync(p)) ?? null;

if (!existsSync(path.join(root, 'dist', 'cli', 'main.js'))) {
  console.error('bench: dist/ is missing; run npm run build first');
  process.exit(2);
}

interface Run {
  wall: number;
  cpu: number;
  rssMB: number | null;
}

/** Command and arguments that run node with these arguments, pinned to CPU 0 when `pinned` (and taskset exists). */
function nodeCommand(args: string[], pinned: boolean): [string, string[]] {
  return pinned && TASKSET ? [TASKSET, ['-c', '0', process.execPath, ...args]] : [process.execPath, args];
}

/**
 * Runs node with these arguments, stdout discarded; wall time, CPU time (user + sys) and peak RSS from
 * /usr/bin/time. `pinned`: on one CPU only.
 */
function measure(args: string[], cwd = root, pinned = false): Run {
  const start = performance.now();
  const [cmd, cmdArgs] = nodeCommand(args, pinned);
  const r = TIME
    ? spawnSync(TIME, ['-f', 'BENCH %e %U %S %M', cmd, ...cmdArgs], { cwd, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' })
    : spawnSync(cmd, cmdArgs, { cwd, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const wall = (performance.now() - start) / 1000;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  const line = r.stderr.split('\n').find((l) => l.startsWith('BENCH '));
  if (!line) return { wall, cpu: NaN, rssMB: null };
  const [, e, u, s, m] = line.split(' ').map(Number);
  return { wall: e, cpu: u + s, rssMB: m / 1024 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const f = (x: number, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');
const row = (cells: Array<string | number>, widths: number[]) =>
  cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');

function corpus(docs: number): CorpusInfo {
  return writeCorpus(root, path.join(root, '.bench', `corpus-${docs}`), { docs });
}

function extract(info: CorpusInfo, jobs: number, pinned = false): Run {
  return measure([bin, 'extract', path.relative(root, info.dir), '--format', 'json', '--jobs', String(jobs)], root, pinned);
}

console.log(`facts bench — ${cpus()[0]?.model ?? 'cpu'} × ${availableParallelism()} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GB, Node ${process.version}`);
const main = corpus(DOCS);
const MB = main.bytes / 1e6;
console.log(`corpus: ${main.docs} documents, ${f(MB, 1)} MB, ${main.words} words (${path.relative(root, main.dir)})\n`);

// compromise's bare full parse on the first REF_DOCS documents (same files), in its own process.
const list = path.join(root, '.bench', `ref-${REF_DOCS}.txt`);
const files = spawnSync('find', [main.dir, '-name', '*.txt'], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean).sort().slice(0, REF_DOCS);
writeFileSync(list, `${files.join('\n')}\n`);
const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
interface Ref {
  docs: number;
  bytes: number;
  words: number;
  ms: number;
  maxRssKB: number;
}
function reference(pinned: boolean): Ref {
  const [cmd, cmdArgs] = nodeCommand([tsx, path.join(root, 'scripts', 'bench-nlp.ts'), list], pinned);
  const out = spawnSync(cmd, cmdArgs, { cwd: root, encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`compromise reference failed: ${out.stderr}`);
  return JSON.parse(out.stdout.trim().split('\n').at(-1)!) as Ref;
}
// Every row is the median of RUNS runs by wall time (peak RSS: the highest of them). The runs are taken in turn,
// compromise's reference among them, so that a passing disturbance or a drift of the machine's speed falls on the
// facts rows and on their reference alike rather than on one row.
const RUNS = Number(arg('runs', 'BENCH_RUNS', '3'));
const refKinds: Array<() => Ref> = [() => reference(false), ...(TASKSET ? [() => reference(true)] : [])];
const kinds: Array<() => Run> = [() => extract(main, 1), ...(TASKSET ? [() => extract(main, 1, true)] : []), ...(JOBS > 1 ? [() => extract(main, JOBS)] : [])];
const refSamples: Ref[][] = refKinds.map(() => []);
const samples: Run[][] = kinds.map(() => []);
for (let n = 0; n < RUNS; n++) {
  refKinds.forEach((k, i) => refSamples[i].push(k()));
  kinds.forEach((k, i) => samples[i].push(k()));
}
const medianBy = <T>(runs: T[], time: (r: T) => number): T => [...runs].sort((a, b) => time(a) - time(b))[Math.floor(runs.length / 2)];
const typical = (runs: Run[]): Run => {
  const peaks = runs.map((r) => r.rssMB).filter((x): x is number => x !== null);
  return { ...medianBy(runs, (r) => r.wall), rssMB: peaks.length > 0 ? Math.max(...peaks) : null };
};
const typicalRef = (runs: Ref[]): Ref => ({ ...medianBy(runs, (r) => r.ms), maxRssKB: Math.max(...runs.map((r) => r.maxRssKB)) });
const ref = typicalRef(refSamples[0]);
const refMBs = ref.bytes / 1e6 / (ref.ms / 1000);
const pinnedRef = TASKSET ? typicalRef(refSamples[1]) : null;
const [one, ...rest] = samples.map(typical);
const pinned = TASKSET ? rest.shift()! : null;
const all = JOBS > 1 ? rest.shift()! : one;
const spread = [...samples.map((runs) => runs.map((r) => f(r.wall, 1))), ...refSamples.map((runs) => runs.map((r) => f(r.ms / 1000, 1)))].map((x) => x.join('/'));
const w = [40, 10, 10, 10, 12, 10, 10];
console.log(row(['run', 'wall s', 'cpu s', 'docs/s', 'words/s', 'MB/s', 'peak MB'], w));
const line = (name: string, r: Run) =>
  console.log(row([name, f(r.wall), f(r.cpu), f(main.docs / r.wall, 0), f(main.words / r.wall, 0), f(MB / r.wall), r.rssMB === null ? 'n/a' : f(r.rssMB, 0)], w));
line('facts extract --jobs 1', one);
if (pinned) line('facts extract --jobs 1, pinned to 1 CPU', pinned);
if (JOBS > 1) line(`facts extract --jobs ${JOBS}`, all);
const refLine = (name: string, r: Ref) =>
  console.log(row([name, f(r.ms / 1000), '', f(r.docs / (r.ms / 1000), 0), f(r.words / (r.ms / 1000), 0), f(r.bytes / 1e6 / (r.ms / 1000), 3), f(r.maxRssKB / 1024, 0)], w));
refLine(`compromise nlp(text), ${ref.docs} docs`, ref);
if (pinnedRef) refLine('  the same, pinned to 1 CPU', pinnedRef);
// --jobs 1 still lets V8 collect garbage and compile on a second core; pinned, everything runs on one.
console.log(`\nspeed-up over compromise's full parse (MB/s, whole facts run incl. start-up, merge, JSON):`);
console.log(`  --jobs 1: ${f(MB / one.wall / refMBs, 1)}× by wall, ${f(MB / one.cpu / refMBs, 1)}× by CPU time (robust when other processes share the machine)`);
if (pinned && pinnedRef) console.log(`  both pinned to 1 CPU: ${f(MB / pinned.wall / (pinnedRef.bytes / 1e6 / (pinnedRef.ms / 1000)), 1)}× by wall`);
if (JOBS > 1) {
  console.log(`speed-up of --jobs ${JOBS} over --jobs 1 (wall): ${f(one.wall / all.wall, 2)}×`);
  if (pinned) console.log(`  over --jobs 1 pinned to 1 CPU: ${f(pinned.wall / all.wall, 2)}×`);
  // The same ratios run by run: each pair ran seconds apart, so a drift of the machine's speed over the bench falls
  // on both of its runs (it cannot help with a disturbance that hits one run only).
  const paired = (slow: Run[], fast: Run[]) => {
    const ratios = slow.map((r, n) => r.wall / fast[n].wall);
    return `${ratios.map((x) => f(x, 2)).join(' / ')} (median ${f(median(ratios), 2)}×)`;
  };
  const jobsRuns = samples[samples.length - 1];
  console.log(`  run by run: over --jobs 1 ${paired(samples[0], jobsRuns)}${pinned ? `; over pinned ${paired(samples[1], jobsRuns)}` : ''}`);
}
console.log(`(each row: median of ${RUNS} runs taken in turn, by wall time, peak RSS the highest; walls in row order ${spread.join(' · ')} s)`);
if (REF_DOCS < DOCS) console.log(`(compromise measured on the first ${REF_DOCS} of the ${DOCS} documents: its throughput is linear in size)`);

// Cold start: medians of 5 fresh processes.
const cold = (args: string[]) => median(Array.from({ length: 5 }, () => measure([bin, ...args]).wall));
console.log(`\ncold start (median of 5): facts --version ${f(cold(['--version']))} s · facts extract seeds/ ${f(cold(['extract', 'seeds/']))} s`);

if (!SKIP_SCALE) {
  console.log(`\nscale curve (--jobs ${JOBS}, --format json; 1× = ${SCALE_DOCS} documents)`);
  const sw = [6, 8, 8, 10, 10, 10, 10, 10];
  console.log(row(['scale', 'docs', 'MB', 'wall s', 'cpu s', 'peak MB', 'time ×', 'peak ×'], sw));
  let prev: Run | undefined;
  let first: Run | undefined;
  for (const k of SCALES) {
    const info = corpus(SCALE_DOCS * k);
    // The 1× of the default curve is the run above: the same corpus, the same jobs.
    const r = k === 1 && SCALE_DOCS === DOCS ? all : extract(info, JOBS);
    first ??= r;
    const peakX = r.rssMB !== null && first.rssMB !== null ? f(r.rssMB / first.rssMB) : 'n/a';
    console.log(row([`${k}×`, info.docs, f(info.bytes / 1e6, 1), f(r.wall), f(r.cpu), r.rssMB === null ? 'n/a' : f(r.rssMB, 0), prev ? f(r.wall / prev.wall) : '', peakX], sw));
    prev = r;
  }
}
