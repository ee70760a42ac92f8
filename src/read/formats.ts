// Input formats: plain text as is, Markdown with its front matter blanked (offsets still point into the file), and
// HTML reduced to the article's main text (offsets then point into that extracted text).
import path from 'node:path';
import { blankPrefix, findFrontMatter } from './front-matter.js';
import type * as HtmlReader from './html.js';

export type InputFormat = 'text' | 'markdown' | 'html';

/** The article text the extractors see, and what the file itself says about the document. */
export interface Prepared {
  text: string;
  /** Set when the file could not be read as its format at all (an HTML page the parser gives up on). */
  error?: string;
  /** 'file': offsets index the decoded file; 'extracted': they index the text extracted from HTML. */
  offsets: 'file' | 'extracted';
  format: InputFormat;
  date?: string;
  dateSource?: string;
  title?: string;
  url?: string;
}

const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml']);

// The HTML parser and Readability are loaded only when an HTML input comes along: plain text does not pay for them.
let html: typeof HtmlReader | undefined;

/** Loads the HTML reader once; call it before prepare() on a file that may be HTML (see mayBeHtml). */
export async function loadHtmlReader(): Promise<void> {
  html ??= await import('./html.js');
}

/** Whether a file may be HTML, from its name and first bytes: cheap enough to ask before decoding it. */
export function mayBeHtml(file: string, bytes: Uint8Array): boolean {
  const ext = file === '-' ? '' : path.extname(file).toLowerCase();
  if (HTML_EXTENSIONS.has(ext)) return true;
  if (MARKDOWN_EXTENSIONS.has(ext) || ext === '.txt' || ext === '.text') return false;
  return /<(?:!doctype\s+html|html)/i.test(Buffer.from(bytes.subarray(0, 1024)).toString('latin1'));
}
const MARKDOWN_EXTENSIONS = new Set(['.md', '.markdown']);

/** By extension; standard input and unknown extensions are sniffed (an HTML document type or root, front matter). */
export function formatOf(file: string, text: string): InputFormat {
  const ext = file === '-' ? '' : path.extname(file).toLowerCase();
  if (HTML_EXTENSIONS.has(ext)) return 'html';
  if (MARKDOWN_EXTENSIONS.has(ext)) return 'markdown';
  if (ext === '.txt' || ext === '.text') return 'text';
  const head = text.slice(0, 512).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return 'html';
  if (file === '-' && findFrontMatter(text)) return 'markdown';
  return 'text';
}

/**
 * Terminal escape sequences (CSI "ESC [ … m", OSC "ESC ] … BEL") and other C0/C1 control characters, except tab, line
 * feed and carriage return. Linear: each quantified class is disjoint from what follows it.
 */
const CONTROLS = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b\r\n]*(?:\u0007|\u001b\\)?|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** Scraped text's control characters as spaces, one for one, so offsets still index the file as read. */
export function blankControls(text: string): string {
  return text.replace(CONTROLS, (m) => ' '.repeat(m.length));
}

export function prepare(file: string, raw: string): Prepared {
  const text = blankControls(raw);
  const format = formatOf(file, text);
  if (format === 'html') {
    if (!html) throw new Error('the HTML reader is not loaded (call loadHtmlReader first)');
    const article = html.htmlToArticle(text);
    return {
      text: article.text,
      ...(article.error ? { error: article.error } : {}),
      offsets: 'extracted',
      format,
      ...(article.date ? { date: article.date.date, dateSource: article.date.source } : {}),
      ...(article.title ? { title: article.title } : {}),
      ...(article.url ? { url: article.url } : {}),
    };
  }
  if (format === 'markdown') {
    const fm = findFrontMatter(text);
    if (fm) {
      return {
        text: blankPrefix(text, fm.end),
        offsets: 'file',
        format,
        ...(fm.date ? { date: fm.date.date, dateSource: fm.date.source } : {}),
        ...(fm.title ? { title: fm.title } : {}),
        ...(fm.url ? { url: fm.url } : {}),
      };
    }
  }
  return { text, offsets: 'file', format };
}
