// Article text as HTML: every character escaped, controls and bidirectional overrides made visible, and the
// mentions wrapped in <mark> by kind. Offsets are cut before escaping, so escaping never shifts a highlight.
import { escapeHtml, terminalSafe } from './escape.js';

export interface Highlight {
  start: number;
  end: number;
  /** CSS class of the <mark>. */
  className: string;
  title?: string;
}

/** Untrusted text as HTML text content (also safe inside a double- or single-quoted attribute value). */
export function htmlText(text: string): string {
  return escapeHtml(terminalSafe(text.replace(/\r\n?/g, '\n')));
}

/**
 * The text with the highlights marked. Highlights that cross another one (rather than nest in it) are left out, so
 * the markup always nests. `lineAnchor(n)` is inserted at the start of each line n (1-based) when given.
 */
export function highlightText(text: string, highlights: Highlight[], lineAnchor?: (line: number) => string): string {
  const spans = highlights
    .filter((h) => h.start >= 0 && h.end > h.start && h.end <= text.length)
    .sort((a, b) => a.start - b.start || b.end - a.end || (a.className < b.className ? -1 : a.className > b.className ? 1 : 0));
  let out = lineAnchor ? lineAnchor(1) : '';
  let pos = 0;
  let line = 1;
  let breaks = 0;
  const emit = (upTo: number) => {
    if (upTo <= pos) return;
    const chunk = text.slice(pos, upTo);
    pos = upTo;
    if (!lineAnchor) {
      out += htmlText(chunk);
      return;
    }
    // Runs of blank lines show as one blank line (pages pasted from the web are full of them); anchors stay.
    chunk.split('\n').forEach((p, i) => {
      if (i > 0) {
        out += `${breaks < 2 ? '\n' : ''}${lineAnchor(++line)}`;
        breaks++;
      }
      if (p.trim() !== '') breaks = 0;
      if (breaks < 2 || p.trim() !== '') out += htmlText(p);
    });
  };
  const open: Highlight[] = [];
  for (const h of spans) {
    while (open.length > 0 && open[open.length - 1].end <= h.start) {
      emit(open.pop()!.end);
      out += '</mark>';
    }
    if (open.length > 0 && h.end > open[open.length - 1].end) continue;
    emit(h.start);
    out += `<mark class="${escapeHtml(h.className)}"${h.title ? ` title="${htmlText(h.title)}"` : ''}>`;
    open.push(h);
  }
  while (open.length > 0) {
    emit(open.pop()!.end);
    out += '</mark>';
  }
  emit(text.length);
  return out;
}

/** A sentence with the first occurrence of `figure` highlighted (the whole sentence escaped). */
export function highlightFigure(sentence: string, figure: string): string {
  const at = figure === '' ? -1 : sentence.indexOf(figure);
  if (at < 0) return htmlText(sentence);
  return highlightText(sentence, [{ start: at, end: at + figure.length, className: 'hit' }]);
}
