// Finds a document's own date: YAML front matter, machine-readable metadata, a byline/dateline in the first
// lines, or a dated URL (/2025/06/18/) anywhere in the text, in that order of trust.
// Only full dates count (day, month and year); d/m against m/d numeric forms are never guessed.
import { dayNumber, formatDay, isValidDay } from '../extract/dates-calendar.js';
import { scanAbsoluteDates } from '../extract/dates-absolute.js';
import { keepLongest } from '../extract/dates-spans.js';
import { forEachPartWith } from '../extract/spaces.js';

export interface DocumentDate {
  /** YYYY-MM-DD */
  date: string;
  /** Where it was found: 'front-matter' | 'meta' | 'byline' | 'url'. */
  source: string;
  /** Offsets of the date's text (end exclusive). */
  start: number;
  end: number;
}

/** How many lines at the top may hold a byline or dateline. */
const HEAD_LINES = 10;
/** A date in a line longer than this is body text unless a label ("Published") stands before it. */
const BYLINE_MAX_LENGTH = 200;
/** Metadata and front matter sit at the top; never scan further for them. */
const HEAD_CHARS = 20_000;
/** How much of each head line is searched for a labelled date. */
const LINE_SCAN_CHARS = 400;

const PLAUSIBLE = (y: number) => y >= 1990 && y <= 2100;

/** The last label word before a date (the text searched is at most 40 characters of one line). */
const LABEL_RE = /.*\b(published|posted|dated|date|updated|modified|edited)\b/i;

function labelBefore(before: string): 'published' | 'updated' | null {
  const m = LABEL_RE.exec(before);
  if (!m) return null;
  return /^(?:updated|modified|edited)$/i.test(m[1]) ? 'updated' : 'published';
}

function full(y: number, m: number, d: number): string | null {
  return PLAUSIBLE(y) && isValidDay(y, m, d) ? formatDay(dayNumber(y, m, d)) : null;
}

interface FoundDate {
  date: string;
  start: number;
  end: number;
}

/** The full dates in text[from, to) written with a month name or as an ISO date, in text order. */
function fullDates(text: string, from: number, to: number): FoundDate[] {
  const slice = text.slice(from, to);
  const out: FoundDate[] = [];
  for (const c of keepLongest(scanAbsoluteDates(slice), slice.length)) {
    if (c.spec.kind !== 'day' || c.spec.y === null) continue;
    const date = full(c.spec.y, c.spec.m, c.spec.d);
    if (date) out.push({ date, start: from + c.start, end: from + c.end });
  }
  return out;
}

/** The date in the YAML front matter at the top of `text`, if any. */
export function frontMatterDate(text: string): DocumentDate | null {
  const open = /^\uFEFF?[ \t]*---[ \t]*\r?\n/.exec(text);
  if (!open) return null;
  const head = text.slice(0, HEAD_CHARS);
  const close = /\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/g;
  close.lastIndex = open[0].length - 1;
  const end = close.exec(head);
  if (!end) return null;
  const key = /^[ \t]*(?:date|published|published_?at|publish_?date|pub_?date|date_?published|created|created_?at)[ \t]*:[ \t]*["']?([^"'\r\n]*)/gim;
  key.lastIndex = open[0].length;
  for (let m = key.exec(head); m && m.index < end.index; m = key.exec(head)) {
    const valueStart = m.index + m[0].length - m[1].length;
    const [found] = fullDates(text, valueStart, valueStart + m[1].length);
    if (found) return { ...found, source: 'front-matter' };
  }
  return null;
}

const META_RE =
  /(?:article:published_time|og:published_time|datePublished|date_published|pubdate|publish[-_]?date|dc\.date(?:\.issued)?|sailthru\.date)["']?\s*(?:content\s*=\s*|:\s*)["']((?:19|20)\d{2})-(\d{2})-(\d{2})/i;

function fromMeta(text: string): DocumentDate | null {
  const m = META_RE.exec(text.slice(0, HEAD_CHARS));
  if (!m) return null;
  const date = full(Number(m[1]), Number(m[2]), Number(m[3]));
  if (!date) return null;
  const start = m.index + m[0].length - 10;
  return { date, source: 'meta', start, end: start + 10 };
}

const BYLINE_WORDS = new Set(['published', 'posted', 'updated', 'dated', 'date', 'modified', 'edited', 'and', 'the', 'for', 'staff', 'writer', 'reporter', 'last']);

/**
 * A date after running prose on its line is news, not a byline: "Acme announced its takeover on March 3, 2025", or
 * a whole sentence such as "Jane Doe becomes CEO of Acme on June 1, 2025, the company said."
 */
function afterProse(before: string, line: string): boolean {
  const words = (before.match(/(?<![\p{L}])\p{Ll}{3,}(?![\p{L}])/gu) ?? []).filter((w) => !BYLINE_WORDS.has(w));
  if (words.length >= 3) return true;
  const sentence = /[.!?]["”’]?\s*$/.test(line) && line.trim().split(/\s+/).length >= 8;
  return sentence && words.length >= 1;
}

/**
 * A wire dateline opening its line: a place in capitals, perhaps with its region or country, before the date, and the
 * outlet in brackets or slashes, then a dash ("LONDON, March 2, 2026 (Agency) - …", "BASEL, Switzerland, March 10,
 * 2026 — …", "NEW YORK, Jan. 5, 2026 /PRNewswire/ -- …"). The lede runs on in the same line, so the line is long, yet
 * the date is the story's own.
 */
const DATELINE_BEFORE = /^\s*\p{Lu}[\p{Lu}\p{M} .'’-]*(?:,[ \t]+\p{Lu}[\p{L}\p{M} .'’-]*){0,2},[ \t]+$/u;
const DATELINE_AFTER = /^[ \t]*(?:(?:\([^()\n]{1,60}\)|\/[^/\n]{1,40}\/)[ \t]*)?[-–—]/;

function isDateline(line: string, dateStart: number, dateEnd: number): boolean {
  return dateStart <= 80 && DATELINE_BEFORE.test(line.slice(0, dateStart)) && DATELINE_AFTER.test(line.slice(dateEnd, dateEnd + 80));
}

/** Whether the span [start, end) is the date of a wire dateline in the document's first lines, such as one without a
 *  year ("MADRID, April 21 (Agency) -"), which gives the document no date but is no event's date either. */
export function inDateline(text: string, start: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (start - lineStart > 80) return false;
  let lines = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < lineStart; i = text.indexOf('\n', i + 1)) if (++lines >= HEAD_LINES) return false;
  const lineEnd = text.indexOf('\n', end);
  const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
  return isDateline(line, start - lineStart, end - lineStart);
}

function fromByline(text: string): DocumentDate | null {
  let published: DocumentDate | null = null;
  let updated: DocumentDate | null = null;
  let first: DocumentDate | null = null;
  let lineStart = 0;
  for (let n = 0; n < HEAD_LINES && lineStart <= text.length; n++) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const short = text.slice(lineStart, lineEnd).trim().length <= BYLINE_MAX_LENGTH;
    // A byline sits at the start of its line: a 100 KB first line is not scanned to its end.
    for (const found of fullDates(text, lineStart, Math.min(lineEnd, lineStart + LINE_SCAN_CHARS))) {
      // In a long (body) line only a label at the line's start counts: "the report was published June 12, 2025"
      // in a paragraph is news, not a byline.
      const labelOk = short || found.start - lineStart <= 60;
      const before = text.slice(Math.max(lineStart, found.start - 40), found.start);
      const candidate = { ...found, source: 'byline' };
      // A "Published …" label wins over "Updated …"; otherwise the first date in a short (byline-like) line.
      const label = labelOk ? labelBefore(before) : null;
      if (label === 'published' && !published) published = candidate;
      if (label === 'updated' && !updated) updated = candidate;
      const bylineLike = short && !afterProse(text.slice(lineStart, found.start), text.slice(lineStart, lineEnd));
      if (!first && (bylineLike || isDateline(text.slice(lineStart, lineEnd), found.start - lineStart, found.end - lineStart))) first = candidate;
    }
    if (lineEnd >= text.length) break;
    lineStart = lineEnd + 1;
  }
  return published ?? updated ?? first;
}

const URL_DATE_RE = /\/((?:19|20)\d{2})([/-])(0?[1-9]|1[0-2])\2(0?[1-9]|[12]\d|3[01])(?=[/?#._-]|$)/;
/** The date in one URL (/2025/06/18/), offsets relative to it. */
export function dateFromUrl(url: string): DocumentDate | null {
  const d = URL_DATE_RE.exec(url);
  if (!d) return null;
  const date = full(Number(d[1]), Number(d[3]), Number(d[4]));
  return date ? { date, source: 'url', start: d.index + 1, end: d.index + d[0].length } : null;
}

const URL_LABEL_RE = /(?:source|canonical|originally|original|url|link|via)\b[^\n]{0,20}$/i;

function fromUrl(text: string): DocumentDate | null {
  // Part by part (/\S+/g) keeps this linear; links elsewhere in a page are older, so a labelled one or the latest
  // wins. A dated URL has a slash, so only the parts with one are read (a document without a date of its own used
  // to cost a match object per word here).
  let labelled: DocumentDate | null = null;
  let latest: DocumentDate | null = null;
  forEachPartWith(text, '/', (partStart, partEnd) => {
    const t = text.slice(partStart, partEnd);
    if (!/^[("'“‘<[]*(?:[a-z][a-z0-9+.-]*:\/\/|www\.|[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\/)/i.test(t)) return;
    const d = URL_DATE_RE.exec(t);
    if (!d) return;
    const date = full(Number(d[1]), Number(d[3]), Number(d[4]));
    if (!date) return;
    const start = partStart + d.index + 1;
    const found: DocumentDate = { date, source: 'url', start, end: partStart + d.index + d[0].length };
    if (!labelled && URL_LABEL_RE.test(text.slice(Math.max(0, partStart - 40), partStart))) labelled = found;
    if (!latest || found.date > latest.date) latest = found;
  });
  return labelled ?? latest;
}

/** The document's own date, or null when it does not state one. */
export function findDocumentDate(text: string): DocumentDate | null {
  if (!text) return null;
  return frontMatterDate(text) ?? fromMeta(text) ?? fromByline(text) ?? fromUrl(text);
}
