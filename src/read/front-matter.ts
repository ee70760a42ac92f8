// YAML front matter at the top of a Markdown file: its date/title/url are read as the document's metadata, and the
// block itself is blanked (every character but line breaks becomes a space) so it is not extracted as article text
// while every offset, line and column still points into the file as read.
import { dateFromUrl, frontMatterDate } from './document-date.js';

export interface FrontMatter {
  /** Offset just past the closing `---` line (its line break included when there is one). */
  end: number;
  date?: { date: string; source: string };
  title?: string;
  url?: string;
}

/** Front matter is metadata at the very top; a block that does not close within this many characters is not one. */
const MAX_FRONT_MATTER = 20_000;

const OPEN_RE = /^\uFEFF?[ \t]*---[ \t]*\r?\n/;
const CLOSE_RE = /\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/g;

/** The front matter block at the start of `text`, or null when there is none (or it never closes). */
export function findFrontMatter(text: string): FrontMatter | null {
  const open = OPEN_RE.exec(text);
  if (!open) return null;
  const head = text.slice(0, MAX_FRONT_MATTER);
  CLOSE_RE.lastIndex = open[0].length - 1;
  const close = CLOSE_RE.exec(head);
  if (!close) return null;
  const end = close.index + close[0].length;
  const block = text.slice(open[0].length, close.index);
  const fm: FrontMatter = { end };
  const title = scalar(block, 'title');
  const url = scalar(block, 'url') ?? scalar(block, 'canonical_url') ?? scalar(block, 'link');
  if (title) fm.title = title;
  if (url) fm.url = url;
  const own = frontMatterDate(text);
  const fromUrl = !own && url ? dateFromUrl(url) : null;
  if (own) fm.date = { date: own.date, source: 'front-matter' };
  else if (fromUrl) fm.date = { date: fromUrl.date, source: 'front-matter-url' };
  return fm;
}

/** The value of a top-level `key: value` line, unquoted; null when absent or empty. */
function scalar(block: string, key: string): string | null {
  for (const line of block.split(/\r?\n/)) {
    const m = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*)$/.exec(line);
    if (!m || m[1].toLowerCase() !== key) continue;
    let v = m[2].trim();
    if (v.length >= 2 && (v[0] === '"' || v[0] === "'") && v[v.length - 1] === v[0]) v = v.slice(1, -1);
    return v === '' ? null : v;
  }
  return null;
}

/** `text` with [0, end) blanked: every character except CR and LF replaced by a space. */
export function blankPrefix(text: string, end: number): string {
  return text.slice(0, end).replace(/[^\r\n]/g, ' ') + text.slice(end);
}
