// Start-up: the build's dump of compromise's lexicon is exactly compromise's (so compiled and source runs agree),
// --version / schema do not load compromise, the extractors or their lexicons, and a run without a config file or
// baseline never loads zod (~70 ms a thread).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import nlp from 'compromise';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../cli/run.js';

const DUMP = path.join(ROOT, 'dist', 'extract', 'lexicon', 'compromise.generated.json');
const BIN = path.join(ROOT, 'bin', 'facts.js');

describe.runIf(existsSync(DUMP))('the compiled lexicon dump', () => {
  it('equals compromise’s lexicon and organisation words', () => {
    const dump = JSON.parse(readFileSync(DUMP, 'utf8')) as { version: string; lexicon: unknown };
    const org = JSON.parse(readFileSync(DUMP.replace('compromise.generated.json', 'compromise-org-words.generated.json'), 'utf8')) as {
      version: string;
      orgWords: unknown;
    };
    const model = nlp.model() as { one: { lexicon: Record<string, unknown> }; two: { orgWords: Record<string, unknown> } };
    expect(dump.version).toBe(nlp.version);
    expect(Object.keys(dump.lexicon as object).length).toBe(Object.keys(model.one.lexicon).length);
    expect(dump.lexicon).toEqual(model.one.lexicon);
    expect(org.version).toBe(nlp.version);
    expect(org.orgWords).toEqual(model.two.orgWords);
  });

  it('is what the compiled extractor reads, and --version, --help, schema never load compromise or the extractors', () => {
    // A resolve hook prints every module the process loads.
    const hook = `data:text/javascript,${encodeURIComponent(
      `import { register } from 'node:module'; register('data:text/javascript,' + encodeURIComponent('export async function resolve(s, c, n) { const r = await n(s, c); process.stderr.write("LOAD " + r.url + "\\\\n"); return r; }'));`,
    )}`;
    const zod = (urls: string[]) => urls.filter((u) => u.includes('/node_modules/zod/'));
    const loads = (args: string[]) => {
      const r = spawnSync(process.execPath, ['--import', hook, BIN, ...args], { cwd: ROOT, encoding: 'utf8' });
      expect(r.status).toBe(0);
      return r.stderr.split('\n').filter((l) => l.startsWith('LOAD ')).map((l) => l.slice(5));
    };
    for (const args of [['--version'], ['--help'], ['schema']]) {
      const urls = loads(args);
      expect(urls.some((u) => u.includes('/dist/cli/program.js'))).toBe(true);
      // Nor the lexicon dump (~30 ms to read and parse), which merging entities shares with the extractors.
      const heavy = ['/compromise/', '/dist/extract/document.js', '/dist/extract/compromise-lexicon.js', '/dist/extract/entities-lexicon.js'];
      expect(urls.filter((u) => heavy.some((h) => u.includes(h)))).toEqual([]);
      // The report's JSON Schema is made from its zod model: only `schema` needs zod.
      if (args[0] === 'schema') expect(zod(urls).length).toBeGreaterThan(0);
      else expect(zod(urls)).toEqual([]);
    }
    const extract = loads(['extract', 'seeds/', '--format', 'json']);
    expect(extract.some((u) => u.includes('/dist/extract/document.js'))).toBe(true);
    expect(extract.filter((u) => u.includes('/compromise/'))).toEqual([]);
    expect(zod(extract)).toEqual([]);
    // The thread that hands documents to workers and writes the report, and a facts worker, load neither the
    // extractors (~0.1 s) nor compromise's lexicon (~45 ms): the modules they run import only what merging needs.
    const lead = spawnSync(
      process.execPath,
      [
        '--import',
        hook,
        '--input-type=module',
        '-e',
        ['cli/commands/shared.js', 'parallel/pool.js', 'stream/report.js', 'stream/facts.js']
          .map((m) => `await import(${JSON.stringify(path.join(ROOT, 'dist', m))});`)
          .join(''),
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(lead.status).toBe(0);
    expect(lead.stderr).toContain('/dist/parallel/pool.js');
    expect(lead.stderr).toContain('/dist/extract/org-suffix.js');
    for (const heavy of ['/dist/extract/document.js', '/dist/extract/compromise-lexicon.js', '/dist/extract/entities-lexicon.js']) {
      expect(lead.stderr).not.toContain(heavy);
    }
    // Plain text never loads the HTML parser; an HTML file does.
    const htmlReader = (urls: string[]) => urls.filter((u) => u.includes('/linkedom/') || u.includes('/dist/read/html.js'));
    expect(htmlReader(extract)).toEqual([]);
    expect(htmlReader(loads(['extract', 'fixtures/bad-inputs', '--format', 'json'])).length).toBeGreaterThan(0);
  });
});
