// Stress benchmark (issue 8): prints numbers, asserts nothing. Run: npx tsx scripts/stress.ts [scaling|regex|many|big]
//   scaling  each extractor on 1 MB and 2 MB inputs (one line; 50,000+ short lines; pathological runs): the time
//            ratio between the two sizes should be near 2 (linear), never near 4 (quadratic)
//   regex    fast-check strings through every extractor: worst time per character
//   many     10,000 tiny files through the CLI in-process: time and peak RSS, same output as in pieces
//   big      one 50 MB file through the CLI in-process: time and peak RSS
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { runCli } from '../src/cli/program.js';
import { extractCounts } from '../src/extract/counts.js';
import { extractDates } from '../src/extract/dates.js';
import { extractDocument } from '../src/extract/document.js';
import { extractEntities } from '../src/extract/entities.js';
import { extractMoney } from '../src/extract/money.js';
import { extractPercent } from '../src/extract/percent.js';
import { extractQuotes } from '../src/extract/quotes.js';
import { extractAges, extractRoles } from '../src/extract/roles.js';
import { makeContext } from '../src/extract/text.js';
import type { ExtractContext } from '../src/extract/text.js';
import { findDocumentDate } from '../src/read/document-date.js';
import { htmlToArticle } from '../src/read/html.js';

const SENTENCE =
  'Acme Holdings said on Monday it would pay $1.2 billion, or about 14% more than last week, for Globex Ltd, "a fair price," said Jane Doe, its chief executive, 54, on 3 March 2025. ';

type Stage = [name: string, run: (ctx: ExtractContext) => unknown];
const STAGES: Stage[] = [
  ['context', () => undefined],
  ['entities', (c) => extractEntities(c)],
  ['money', (c) => extractMoney(c)],
  ['percent', (c) => extractPercent(c)],
  ['dates', (c) => extractDates(c)],
  ['quotes', (c) => extractQuotes(c, extractEntities(c))],
  ['roles+ages', (c) => {
    const e = extractEntities(c);
    return [extractRoles(c, e), extractAges(c, e)];
  }],
  ['counts', (c) => extractCounts(c)],
  ['documentDate', (c) => findDocumentDate(c.text)],
  ['whole document', (c) => extractDocument({ id: 'x', path: 'x', text: c.text })],
];

function repeatTo(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

const SHAPES: Array<[string, (size: number) => string]> = [
  ['one line of prose', (n) => repeatTo(SENTENCE, n)],
  ['short lines', (n) => repeatTo('Acme Ltd paid $5 million, up 3%, on 2 May 2024.\n', n)],
  ['one paragraph, no stops', (n) => repeatTo('Acme Globex Initech Umbrella Hooli ', n)],
  ['lone quotes', (n) => repeatTo('" said “ word ‘ ', n)],
  ['digits and commas', (n) => repeatTo('1,2', n)],
  ['one character', (n) => 'a'.repeat(n)],
  ['dollar signs', (n) => repeatTo('$ $1 $1. ', n)],
];

function time(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

function scaling(): void {
  const small = Number(process.env.SIZE ?? 1_000_000);
  console.log(`size ${small} and ${2 * small} characters; ratio near 2 = linear, near 4 = quadratic`);
  console.log(['shape', 'stage', `ms@${small}`, `ms@${2 * small}`, 'ratio'].join('\t'));
  for (const [shape, make] of SHAPES) {
    const texts = [make(small), make(2 * small)];
    const ctxs = texts.map((t) => makeContext(t, '2025-01-01'));
    for (const [stage, run] of STAGES) {
      const ms =
        stage === 'context'
          ? texts.map((t) => time(() => makeContext(t, '2025-01-01')))
          : ctxs.map((c) => time(() => run(c)));
      console.log([shape, stage, ms[0].toFixed(0), ms[1].toFixed(0), (ms[1] / Math.max(ms[0], 1)).toFixed(2)].join('\t'));
    }
  }
  const page = (n: number) => `<html><body><article>${repeatTo(`<p>${SENTENCE}</p>\n`, n)}</article><script>x()</script></body></html>`;
  const ms = [small, 2 * small].map((n) => time(() => htmlToArticle(page(n))));
  console.log(['html page', 'htmlToArticle', ms[0].toFixed(0), ms[1].toFixed(0), (ms[1] / Math.max(ms[0], 1)).toFixed(2)].join('\t'));
}

function regexBudget(): void {
  const chars = fc.constantFrom(...'"“”‘’\'«»$€£%0123456789.,;:-—– \n\r\t\u0000\u001b[]()AaZz'.split(''));
  const arb = fc.oneof(fc.string({ maxLength: 2000 }), fc.string({ unit: chars, maxLength: 5000 }), fc.string({ unit: 'binary', maxLength: 2000 }));
  let worst = 0;
  let worstText = '';
  for (const text of fc.sample(arb, { numRuns: 2000, seed: 42 })) {
    const ms = time(() => extractDocument({ id: 'x', path: 'x', text }));
    const perChar = ms / Math.max(text.length, 100);
    if (perChar > worst) {
      worst = perChar;
      worstText = text;
    }
  }
  console.log(`2000 arbitrary strings: worst ${(worst * 1000).toFixed(1)} µs per character (length ${worstText.length})`);
}

async function cli(args: string[], cwd: string): Promise<{ code: number; stdout: string; ms: number }> {
  let stdout = '';
  let stderr = '';
  const t0 = performance.now();
  const code = await runCli(args, {
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
    cwd,
    env: {},
    stdoutIsTTY: false,
    stderrIsTTY: false,
  });
  if (code !== 0) console.error(stderr.trim());
  return { code, stdout, ms: performance.now() - t0 };
}

// The process's high-water mark (extraction is synchronous, so a sampling timer would never see the peak).
const peakRss = () => process.resourceUsage().maxRSS * 1024;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;

async function many(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'facts-stress-'));
  const n = Number(process.env.FILES ?? 10_000);
  for (let i = 0; i < n; i++) {
    const sub = path.join(dir, `d${Math.floor(i / 1000)}`);
    if (i % 1000 === 0) await mkdir(sub);
    await writeFile(path.join(sub, `f${String(i).padStart(5, '0')}.txt`), `Firm${i} Ltd paid $${(i % 97) + 1} million for Unit${i} Inc on 2 May 2024, up ${i % 50}%.\n`);
  }
  const whole = await cli(['extract', '.', '--format', 'json'], dir);
  console.log(`${n} files: exit ${whole.code}, ${whole.ms.toFixed(0)} ms, peak RSS ${mb(peakRss())}`);
  const halves = await Promise.all([cli(['extract', 'd0', '--format', 'json'], dir), cli(['extract', 'd1', '--format', 'json'], dir)]);
  console.log(`documents in d0+d1: ${halves.map((h) => JSON.parse(h.stdout).documents.length).join('+')}`);
  await rm(dir, { recursive: true, force: true });
}

async function big(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'facts-stress-'));
  const size = Number(process.env.BYTES ?? 50 * 1024 * 1024);
  const paragraph = `${SENTENCE.repeat(4)}\n\n`;
  await writeFile(path.join(dir, 'big.txt'), repeatTo(paragraph, size - 1024));
  const before = process.memoryUsage().rss;
  // --format json would build one string over V8's 512 MB limit for the ~2.5 million mentions of 50 MB of dense
  // prose ("Invalid string length"): the summary line of the quiet table is what is measured here.
  const r = await cli(['extract', 'big.txt', '--quiet', '--max-file-size', '60MB'], dir);
  const summary = r.stdout.trim().split('\n').at(-1);
  console.log(`one ${mb(size)} file: exit ${r.code}, ${r.ms.toFixed(0)} ms, ${summary}, RSS before ${mb(before)}, peak ${mb(peakRss())}`);
  await rm(dir, { recursive: true, force: true });
}

const mode = process.argv[2] ?? 'scaling';
if (mode === 'scaling') scaling();
else if (mode === 'regex') regexBudget();
else if (mode === 'many') await many();
else if (mode === 'big') await big();
else console.error(`unknown mode ${mode}: scaling | regex | many | big`);
