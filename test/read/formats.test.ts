// Input formats: Markdown front matter is read and blanked (offsets stay file offsets), HTML is reduced to the
// article's text with a parser (scripts, styles, navigation, comments never reach it), control characters blanked.
import { beforeAll, describe, expect, it } from 'vitest';
import { blankControls, formatOf, loadHtmlReader, prepare } from '../../src/read/formats.js';
import { blankPrefix, findFrontMatter } from '../../src/read/front-matter.js';
import { htmlToArticle } from '../../src/read/html.js';
import { parseByteSize } from '../../src/read/size.js';

beforeAll(loadHtmlReader);

describe('front matter', () => {
  const md = '---\ntitle: "Dock deal: what it means"\ndate: 2025-03-12\nurl: https://x.example/a\n---\n\nThe strike ended.\n';

  it('reads title, url and date, and blanks the block keeping every line break', () => {
    const p = prepare('a.md', md);
    expect(p).toMatchObject({ format: 'markdown', offsets: 'file', date: '2025-03-12', dateSource: 'front-matter', title: 'Dock deal: what it means', url: 'https://x.example/a' });
    expect(p.text.length).toBe(md.length);
    expect(p.text.split('\n').length).toBe(md.split('\n').length);
    expect(p.text.indexOf('The strike ended.')).toBe(md.indexOf('The strike ended.'));
    expect(p.text.slice(0, md.indexOf('\n\nThe'))).toMatch(/^[ \n]+$/);
  });

  it('takes the date from the url when there is no date key', () => {
    expect(findFrontMatter('---\nurl: https://x.example/2024/02/29/story\n---\nText')?.date).toEqual({ date: '2024-02-29', source: 'front-matter-url' });
  });

  it.each([
    ['no front matter', 'Just text.\n---\nmore'],
    ['never closed', '---\ntitle: x\nText without a closing line'],
  ])('leaves text alone when there is %s', (_, text) => {
    expect(findFrontMatter(text)).toBeNull();
    expect(prepare('a.md', text).text).toBe(text);
  });

  it('keeps CRLF and surrogate pairs offset for offset', () => {
    const t = '---\r\ntitle: 😀 x\r\n---\r\nBody';
    const fm = findFrontMatter(t)!;
    expect(fm.end).toBe(t.indexOf('Body'));
    const blanked = blankPrefix(t, fm.end);
    expect(blanked).toBe(`   \r\n${' '.repeat('title: 😀 x'.length)}\r\n   \r\nBody`);
    expect(prepare('a.md', t).text).toBe(blanked);
  });

  it('is only applied to Markdown files (and sniffed on standard input)', () => {
    expect(formatOf('a.txt', md)).toBe('text');
    expect(formatOf('-', md)).toBe('markdown');
    expect(formatOf('a.markdown', 'x')).toBe('markdown');
  });
});

const PAGE = `<!DOCTYPE html><html><head><title>Acme buys Globex | Site</title>
<meta property="article:published_time" content="2024-11-05T08:30:00-05:00">
<link rel="canonical" href="https://news.example/2024/11/04/acme">
<style>p { color: red } .x::after { content: "$99 styled" }</style>
<script>document.write("$5 billion from a script")</script></head>
<body><nav><a href="/">Home</a> <a href="/m">Markets</a></nav>
<article><h1>Acme buys Globex</h1>
<p>Acme Corp said on Tuesday it would buy Globex Ltd for <b>$2 billion</b>, a 20% premium.</p>
<!-- draft figure: $3 billion -->
<p>"A fair price," said Jane Doe, its chief executive.<br>Shares rose 4%.</p>
<script>track("$7 billion")</script>
<p>A reader wrote &lt;script&gt;alert(1)&lt;/script&gt; in the comments, and Globex employs 900 people.</p>
</article><footer>© 2024 Site</footer></body></html>`;

describe('HTML', () => {
  const a = htmlToArticle(PAGE);

  it('keeps the article paragraphs as separate lines', () => {
    expect(a.text).toContain('Acme Corp said on Tuesday it would buy Globex Ltd for $2 billion, a 20% premium.\n');
    expect(a.text).toContain('"A fair price," said Jane Doe, its chief executive.\nShares rose 4%.');
  });

  it('drops scripts, styles, comments and navigation', () => {
    for (const gone of ['$5 billion', '$7 billion', '$99', '$3 billion', 'Markets', 'color: red', 'track(']) expect(a.text).not.toContain(gone);
  });

  it('decodes entities into text (escaping is the formatters\' job)', () => {
    expect(a.text).toContain('<script>alert(1)</script>');
  });

  it('takes the date from article:published_time, as written, and the title and canonical url', () => {
    expect(a.date).toEqual({ date: '2024-11-05', source: 'meta' });
    expect(a.title).toBe('Acme buys Globex | Site');
    expect(a.url).toBe('https://news.example/2024/11/04/acme');
  });

  it.each([
    ['<time datetime>', '<html><body><article><p>Acme paid $1 million, it said in a long enough paragraph.</p><time datetime="2023-07-08T10:00">July 8</time></article></body></html>', { date: '2023-07-08', source: 'time' }],
    ['the canonical url', '<html><head><link rel="canonical" href="https://x.example/2022/01/31/y"></head><body><p>Text.</p></body></html>', { date: '2022-01-31', source: 'url' }],
    ['nothing', '<html><body><p>Text.</p><time datetime="soon">x</time></body></html>', undefined],
  ])('dates a page by %s', (_, html, expected) => {
    expect(htmlToArticle(html).date).toEqual(expected);
  });

  it('falls back to the body text when Readability finds no article', () => {
    const t = htmlToArticle('<html><body><div>Short note: Acme paid $1 million.</div><script>x()</script></body></html>').text;
    expect(t).toBe('Short note: Acme paid $1 million.\n');
  });

  it('reads a fragment with no <html> or <body>', () => {
    expect(htmlToArticle('<p>One.</p><p>Two &amp; three.</p>').text).toBe('One.\n\nTwo & three.\n');
  });

  it('survives pathological pages: deep nesting, no body, not HTML at all', () => {
    const deep = `<html><body>${'<div>'.repeat(5000)}Deep text.${'</div>'.repeat(5000)}</body></html>`;
    const r = htmlToArticle(deep);
    expect(r.error ?? r.text).toMatch(/Deep text\.|cannot parse/);
    expect(htmlToArticle('').text).toBe('');
    expect(htmlToArticle('<<<>>> not <really html').error).toBeUndefined();
  });

  it('offsets of an HTML file are offsets into the extracted text', () => {
    const p = prepare('page.htm', PAGE);
    expect(p).toMatchObject({ format: 'html', offsets: 'extracted', date: '2024-11-05', dateSource: 'meta' });
    expect(formatOf('-', '  <!doctype html><p>x')).toBe('html');
    expect(formatOf('page.xhtml', 'x')).toBe('html');
  });
});

describe('control characters', () => {
  it('blanks escape sequences and C0/C1 controls one for one, keeping tabs and line breaks', () => {
    const raw = 'a\u001b[31mRed\u001b[0m b\u0007\u001b]8;;http://x\u0007link\u001b]8;;\u0007 c\u000b\u0085\td\r\n';
    const out = blankControls(raw);
    expect(out.length).toBe(raw.length);
    expect(out).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/);
    for (const word of ['Red', 'link', ' c', '\td\r\n']) expect(out.indexOf(word)).toBe(raw.indexOf(word));
    expect(out.replace(/ +/g, ' ')).toBe('a Red b link c \td\r\n');
    expect(prepare('x.txt', raw).text).toBe(out);
  });
});

describe('parseByteSize', () => {
  it.each([
    ['50MB', 50 * 1024 ** 2],
    ['10M', 10 * 1024 ** 2],
    ['500k', 500 * 1024],
    ['1.5 GiB', 1.5 * 1024 ** 3],
    ['1234', 1234],
    ['2kb', 2048],
  ])('%s → %d bytes', (text, bytes) => {
    expect(parseByteSize(text)).toBe(bytes);
  });
  it.each(['', 'ten', '-5', '0', '5 parsecs', '1e9'])('%j is not a size', (text) => {
    expect(parseByteSize(text)).toBeNull();
  });
});

describe('Windows-1252 fallback', () => {
  it('maps 0x80–0x9F to the characters Windows-1252 puts there', async () => {
    const { decode } = await import('../../src/read/decode.js');
    const bytes = Buffer.from([0x80, 0x32, 0x30, 0x20, 0x93, 0x51, 0x94, 0x20, 0x96, 0x20, 0xe9, 0x81]);
    expect(decode(bytes)).toEqual({ ok: true, text: '€20 “Q” – é\u0081', encoding: 'windows-1252', warning: 'not valid UTF-8; read as Windows-1252' });
  });
});
