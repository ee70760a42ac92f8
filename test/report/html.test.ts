// The HTML report without a browser: self-contained (nothing to load), a CSP that allows exactly its own script,
// every piece of article text escaped (in text and in attributes), highlights that nest, and deterministic bytes.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/pipeline.js';
import { CSP, SCRIPT } from '../../src/report/html-assets.js';
import { highlightFigure, highlightText } from '../../src/report/html-text.js';
import { formatHtml } from '../../src/report/html.js';
import { DEFAULT_FORMAT_OPTIONS } from '../../src/report/types.js';
import { conflictReport } from './conflict-report.js';
import { hostileReport } from './hostile-report.js';

const INPUTS = [
  { path: 'news/a "quoted" <b>.txt', text: 'Acme Corp agreed to pay $2.5 billion for Globex Inc, it said on Monday.\n<script>alert(1)</script> \u001b[31m\u202e' },
  { path: 'news/b.txt', text: 'Acme Corp agreed to pay $2.1 billion for Globex Inc.\n' },
];

function htmlOf(inputs = INPUTS): string {
  const report = run(inputs);
  const texts = Object.fromEntries(report.documents.map((d) => [d.id, inputs.find((i) => i.path === d.path)!.text]));
  return formatHtml(report, { ...DEFAULT_FORMAT_OPTIONS, texts });
}

describe('formatHtml', () => {
  const html = htmlOf();

  it('is one document with a strict CSP that allows only its own script, by hash', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n')).toBe(true);
    const hash = createHash('sha256').update(SCRIPT).digest('base64');
    expect(CSP).toBe(`default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${hash}'; img-src 'none'; base-uri 'none'; form-action 'none'`);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${CSP}">`);
    expect(html).toContain(`<script>${SCRIPT}</script>`);
    expect(html.match(/<script/g)).toHaveLength(1);
  });

  it('loads nothing from anywhere: no src, no external href, no @import, no url()', () => {
    expect(html).not.toMatch(/\ssrc=/i);
    expect(html).not.toMatch(/href="(?!#)/);
    expect(html).not.toMatch(/@import|url\(/);
  });

  it('escapes article text, paths and attribute values, and makes controls visible', () => {
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('news/a &quot;quoted&quot; &lt;b&gt;.txt');
    expect(html).not.toMatch(/[\u001b\u202e]/);
    expect(html).toContain('␛[31m\\u202e');
  });

  it('escapes every field of a hostile report', () => {
    const out = formatHtml(hostileReport(), DEFAULT_FORMAT_OPTIONS);
    expect(out).toContain('Jo, &quot;The Boss&quot; &lt;Smith&gt;');
    expect(out).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e]/);
  });

  it('shows the conflict as a card with each side highlighted in its sentence, linked to its line', () => {
    const card = html.slice(html.indexOf('<article class="card"'), html.indexOf('</article>'));
    expect(card).toContain('<span class="code">MONEY_MISMATCH</span>');
    expect(card).toContain('<mark class="hit">$2.5 billion</mark>');
    expect(card).toContain('<mark class="hit">$2.1 billion</mark>');
    expect(card).toMatch(/<a href="#doc-\d-L1">news\/b\.txt:1<\/a>/);
  });

  it('marks the mentions in each document by kind, with an anchor per line', () => {
    expect(html).toContain('<mark class="k-money" title="money">$2.1 billion</mark>');
    expect(html).toMatch(/<span class="line" id="doc-\d-L2"><\/span>&lt;script&gt;/);
  });

  it('says so when a document text was not passed', () => {
    expect(formatHtml(run(INPUTS), DEFAULT_FORMAT_OPTIONS)).toContain('Text not included in this report.');
  });

  it('gives the same bytes for the same input, whatever the input order', () => {
    expect(htmlOf()).toBe(html);
    expect(htmlOf([...INPUTS].reverse())).toBe(html);
  });

  it('writes an empty report without failing', () => {
    const empty = conflictReport([]);
    expect(formatHtml(empty, DEFAULT_FORMAT_OPTIONS)).toContain('No conflicts: the sources agree.');
  });
});

describe('highlightText', () => {
  it('nests contained highlights and leaves out crossing ones', () => {
    const text = 'He said "we paid $5" today';
    const out = highlightText(text, [
      { start: 8, end: 20, className: 'k-quote' },
      { start: 17, end: 19, className: 'k-money' },
      { start: 18, end: 26, className: 'k-date' }, // crosses the quote: dropped
    ]);
    expect(out).toBe('He said <mark class="k-quote">&quot;we paid <mark class="k-money">$5</mark>&quot;</mark> today');
  });

  it('ignores offsets outside the text', () => {
    expect(highlightText('abc', [{ start: 2, end: 9, className: 'x' }, { start: -1, end: 1, className: 'y' }])).toBe('abc');
  });

  it('shows a run of blank lines as one blank line but keeps an anchor for every line', () => {
    const out = highlightText('a\n\n\n\nb', [], (n) => `[${n}]`);
    expect(out).toBe('[1]a\n[2]\n[3][4][5]b');
  });

  it('highlightFigure marks the first occurrence, or escapes the sentence when the figure is absent', () => {
    expect(highlightFigure('Paid <$5> and $5.', '$5')).toBe('Paid &lt;<mark class="hit">$5</mark>&gt; and $5.');
    expect(highlightFigure('No <figure>.', '$5')).toBe('No &lt;figure&gt;.');
  });
});
