// A saved web page → the article's main text, with an HTML parser (linkedom) and Mozilla's Readability, never
// regexes. Scripts, styles, navigation and comments never reach the text; blocks become paragraphs (blank lines)
// so sentences do not run across them. The date comes from the page's metadata (`article:published_time` and
// similar meta tags, then `<time datetime>`). Offsets of mentions then refer to the extracted text, not the file.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { dayNumber, formatDay, isValidDay } from '../extract/dates-calendar.js';
import { dateFromUrl } from './document-date.js';

export interface HtmlArticle {
  text: string;
  /** Why no text could be read at all (the parser gave up); the file is then skipped with this as its warning. */
  error?: string;
  title?: string;
  url?: string;
  date?: { date: string; source: string };
}

/** Meta tags (property, name or itemprop) that hold the publication time, most specific first. */
const DATE_META = [
  'article:published_time',
  'og:published_time',
  'datepublished',
  'date_published',
  'pubdate',
  'publishdate',
  'publish-date',
  'publish_date',
  'dc.date.issued',
  'dc.date',
  'date',
  'sailthru.date',
];

/** Elements whose content is never article text. */
const DROP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'EMBED', 'SVG', 'CANVAS', 'HEAD', 'TITLE', 'META', 'LINK', 'BUTTON', 'SELECT', 'TEXTAREA', 'INPUT']);
/** Page furniture dropped from the fallback (when Readability finds no article). */
const FURNITURE = new Set(['NAV', 'HEADER', 'FOOTER', 'ASIDE', 'FORM', 'MENU', 'DIALOG']);
/** Elements that start a new paragraph of text. */
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE',
  'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'UL', 'BODY', 'HTML', 'CAPTION',
]);

const ELEMENT = 1;
const TEXT = 3;

// linkedom's node types are structural; these are the few members used here.
interface DomNode {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  childNodes: ArrayLike<DomNode>;
  getAttribute?: (name: string) => string | null;
}

/** The article in an HTML page: main text, title, canonical URL and publication date when the page gives them. */
export function htmlToArticle(html: string): HtmlArticle {
  try {
    return readArticle(html);
  } catch (e) {
    // linkedom recurses on some pathological pages (thousands of nested elements) and runs out of stack.
    return { text: '', error: `cannot parse this HTML page (${e instanceof RangeError ? 'nested too deeply' : 'parser error'})` };
  }
}

/**
 * Readability's scoring is superlinear in nesting depth (1,000 nested divs take 8 s, 2,000 a minute) and in size
 * (60,000 elements take 3x as long as 30,000): pages deeper or larger than real articles (a news page has a few
 * thousand elements, a few dozen levels) are read with the plain fallback instead, which is linear.
 */
const READABILITY_MAX_DEPTH = 150;
const READABILITY_MAX_ELEMENTS = 20_000;

/** linkedom builds no <html>/<body> around a fragment ("<p>…</p>" alone): give it one. */
function parseDocument(html: string): ReturnType<typeof parseHTML>['document'] {
  const { document } = parseHTML(html);
  if (document.documentElement?.nodeName.toUpperCase() === 'HTML' && document.body) return document;
  return parseHTML(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`).document;
}

function readArticle(html: string): HtmlArticle {
  const document = parseDocument(html);
  // Metadata first: Readability rewrites the document as it works.
  const date = metaDate(document) ?? timeDate(document);
  const url = attr(document.querySelector('link[rel="canonical"]'), 'href') ?? metaContent(document, ['og:url']);
  const title = metaContent(document, ['og:title']) ?? clean(document.querySelector('title')?.textContent ?? '');

  let text = '';
  const shape = measure(document.documentElement as unknown as DomNode | null);
  if (shape.depth <= READABILITY_MAX_DEPTH && shape.elements <= READABILITY_MAX_ELEMENTS) {
    try {
      // Cast: linkedom's Document is structurally what Readability reads, not the DOM lib's nominal type.
      const article = new Readability<DomNode>(document as unknown as ConstructorParameters<typeof Readability>[0], {
        serializer: (node) => node as unknown as DomNode,
      }).parse();
      if (article?.content) text = serialize(article.content, false);
    } catch {
      // Readability gives up on some malformed pages; the fallback below still reads the body.
      text = '';
    }
  }
  if (text.trim() === '') {
    const fallback = parseDocument(html);
    const body = (fallback.body ?? fallback.documentElement) as unknown as DomNode | null;
    text = body ? serialize(body, true) : '';
  }
  const found: HtmlArticle = { text };
  if (title) found.title = title;
  if (url) found.url = url;
  const fromUrl = !date && url ? dateFromUrl(url) : null;
  if (date) found.date = date;
  else if (fromUrl) found.date = { date: fromUrl.date, source: 'url' };
  return found;
}

/** Element nesting depth and count, without recursion. */
function measure(root: DomNode | null): { depth: number; elements: number } {
  let depth = 0;
  let elements = 0;
  const stack: Array<[DomNode, number]> = root ? [[root, 1]] : [];
  while (stack.length > 0) {
    const [node, d] = stack.pop()!;
    if (node.nodeType !== ELEMENT) continue;
    elements++;
    if (d > depth) depth = d;
    for (const child of Array.from(node.childNodes)) stack.push([child, d + 1]);
  }
  return { depth, elements };
}

/** Text of a subtree: inline whitespace collapsed as a browser would, blocks separated by blank lines. */
function serialize(root: DomNode, dropFurniture: boolean): string {
  const parts: string[] = [];
  // An explicit stack: deeply nested hostile markup must not overflow the call stack.
  const stack: Array<DomNode | string> = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (typeof node === 'string') {
      parts.push(node);
      continue;
    }
    if (node.nodeType === TEXT) {
      parts.push((node.nodeValue ?? '').replace(/[ \t\r\n\f]+/g, ' '));
      continue;
    }
    if (node.nodeType !== ELEMENT) continue; // comments, processing instructions
    const name = node.nodeName.toUpperCase();
    if (DROP.has(name) || (dropFurniture && FURNITURE.has(name))) continue;
    if (name === 'BR') {
      parts.push('\n');
      continue;
    }
    const block = BLOCK.has(name);
    const cell = name === 'TD' || name === 'TH';
    if (block) parts.push('\n\n');
    if (block) stack.push('\n\n');
    else if (cell) stack.push(' ');
    // linkedom builds childNodes afresh on every access: read it once, or wide nodes cost quadratic time.
    const children = Array.from(node.childNodes);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return tidy(parts.join(''));
}

/** Trims every line, keeps at most one blank line between paragraphs, and drops leading/trailing blank lines. */
function tidy(text: string): string {
  const lines = text.split('\n').map((l) => l.replace(/ +/g, ' ').trim());
  const out: string[] = [];
  for (const line of lines) {
    if (line === '' && (out.length === 0 || out[out.length - 1] === '')) continue;
    out.push(line);
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out.length > 0 ? `${out.join('\n')}\n` : '';
}

interface QueryDocument {
  querySelector(selector: string): { getAttribute(name: string): string | null; textContent: string | null } | null;
  querySelectorAll(selector: string): ArrayLike<{ getAttribute(name: string): string | null }>;
}

function attr(el: { getAttribute(name: string): string | null } | null, name: string): string | undefined {
  const v = el?.getAttribute(name)?.trim();
  return v ? v : undefined;
}

/** The content of the first meta tag whose property, name or itemprop is one of `keys` (in the order of `keys`). */
function metaContent(document: QueryDocument, keys: string[]): string | undefined {
  const byKey = new Map<string, string>();
  const metas = document.querySelectorAll('meta');
  for (let i = 0; i < metas.length; i++) {
    const m = metas[i];
    const key = (m.getAttribute('property') ?? m.getAttribute('name') ?? m.getAttribute('itemprop') ?? '').trim().toLowerCase();
    const content = (m.getAttribute('content') ?? '').trim();
    if (key && content && !byKey.has(key)) byKey.set(key, content);
  }
  for (const k of keys) {
    const v = byKey.get(k);
    if (v) return v;
  }
  return undefined;
}

function metaDate(document: QueryDocument): { date: string; source: string } | null {
  const value = metaContent(document, DATE_META);
  const date = value ? isoDay(value) : null;
  return date ? { date, source: 'meta' } : null;
}

/** `<time datetime>`: one marked `pubdate` or inside the article's header first, else the first in the page. */
function timeDate(document: QueryDocument): { date: string; source: string } | null {
  for (const selector of ['time[pubdate][datetime]', 'article header time[datetime]', 'article time[datetime]', 'time[datetime]']) {
    const date = isoDay(attr(document.querySelector(selector), 'datetime') ?? '');
    if (date) return { date, source: 'time' };
  }
  return null;
}

/** The calendar day an ISO 8601 date-time starts with, as written (the publisher's local day). */
function isoDay(value: string): string | null {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return y >= 1990 && y <= 2100 && isValidDay(y, mo, d) ? formatDay(dayNumber(y, mo, d)) : null;
}

function clean(text: string): string | undefined {
  const t = text.replace(/\s+/g, ' ').trim();
  return t === '' ? undefined : t;
}
