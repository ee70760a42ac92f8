// Word wrapping for terminal output: measures what a terminal shows (wide CJK and emoji take two columns, combining
// marks none), breaks words longer than a line, and styles each output line on its own so colour never leaks.

/** A run of text and the style (a colour function, or none) it is shown in. */
export interface Span {
  text: string;
  style?: (s: string) => string;
}

interface Cell {
  ch: string;
  width: number;
  style?: (s: string) => string;
}

/** Columns a terminal uses to show one code point. */
export function charWidth(cp: number): number {
  if (cp === 0) return 0;
  if (cp < 0x300) return 1;
  // Combining marks, zero-width space/joiners, variation selectors.
  if ((cp >= 0x300 && cp <= 0x36f) || (cp >= 0x200b && cp <= 0x200f) || (cp >= 0xfe00 && cp <= 0xfe0f) || cp === 0xfeff) return 0;
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}

const ANSI = /\u001b\[[0-9;]*m/g;

/** Columns a string takes on a terminal, ignoring SGR colour codes. */
export function visibleWidth(text: string): number {
  let w = 0;
  for (const ch of text.replace(ANSI, '')) w += charWidth(ch.codePointAt(0)!);
  return w;
}

function cellsOf(spans: Span[]): Cell[] {
  const cells: Cell[] = [];
  for (const span of spans) {
    for (const ch of span.text) cells.push({ ch, width: charWidth(ch.codePointAt(0)!), style: span.style });
  }
  return cells;
}

function render(cells: Cell[]): string {
  let out = '';
  let i = 0;
  while (i < cells.length) {
    const style = cells[i].style;
    let run = '';
    while (i < cells.length && cells[i].style === style) run += cells[i++].ch;
    out += style && run.trim() !== '' ? style(run) : run;
  }
  return out;
}

const width = (cells: Cell[]) => cells.reduce((n, c) => n + c.width, 0);

/**
 * Wraps styled text to `max` columns. The first line keeps its own leading spaces; continuation lines start with
 * `indent` (shortened when it would leave less than half the line). Words longer than a line are cut.
 */
export function wrapSpans(spans: Span[], max: number, indent: string): string[] {
  const limit = Math.max(1, max);
  // A fact table's lines are nearly all text of one column a character (the table of the 2,000 bench articles has
  // 186,000 lines): wrapped by offsets into their text, without an object a character.
  if (spans.every((s) => oneColumnEach(s.text))) return wrapNarrow(spans, limit, indent);
  return wrapCells(spans, limit, indent);
}

/** Whether every UTF-16 unit of the text is a code point of its own that takes one column. */
function oneColumnEach(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdfff) return false;
    if (unit >= 0x300 || unit === 0) {
      if (charWidth(unit) !== 1) return false;
    }
  }
  return true;
}

/** A line being made by wrapNarrow: its indentation, then [from, to) ranges of the spans' joined text. */
interface NarrowLine {
  pad: string;
  ranges: number[];
}

/** wrapCells for spans of one column a character (see oneColumnEach), step for step, on offsets instead of cells. */
function wrapNarrow(spans: Span[], limit: number, indent: string): string[] {
  const text = spans.map((s) => s.text).join('');
  const pad = indent.slice(0, Math.floor(limit / 2));
  const n = text.length;
  const lines: NarrowLine[] = [];
  let line: NarrowLine = { pad: '', ranges: [] };
  let used = 0;
  let i = 0;
  // Leading spaces belong to the first line (they are its indentation).
  while (i < n && text.charCodeAt(i) === SPACE) i++;
  used = Math.min(i, limit);
  if (used > 0) line.ranges.push(0, used);
  let lineHasWord = false;
  const newLine = () => {
    lines.push(line);
    line = { pad, ranges: [] };
    used = pad.length;
    lineHasWord = false;
  };
  while (i < n) {
    const spaceStart = i;
    while (i < n && text.charCodeAt(i) === SPACE) i++;
    let wordStart = i;
    while (i < n && text.charCodeAt(i) !== SPACE) i++;
    const wordEnd = i;
    if (wordEnd === wordStart) break; // trailing spaces are dropped
    if (lineHasWord && used + (wordStart - spaceStart) + (wordEnd - wordStart) > limit) newLine();
    else if (lineHasWord) {
      line.ranges.push(spaceStart, wordStart);
      used += wordStart - spaceStart;
    }
    // A word that does not fit even on a fresh line is cut into pieces that do.
    while (used + (wordEnd - wordStart) > limit) {
      let take = Math.min(wordEnd - wordStart, limit - used);
      if (take === 0 && !lineHasWord) {
        if (used > 0) {
          // Not even one character fits after the indentation: give the line up to the word.
          line = { pad: '', ranges: [] };
          used = 0;
          continue;
        }
        take = 1;
      }
      if (take > 0) {
        line.ranges.push(wordStart, wordStart + take);
        lineHasWord = true;
        wordStart += take;
      }
      newLine();
    }
    if (wordEnd > wordStart) {
      line.ranges.push(wordStart, wordEnd);
      used += wordEnd - wordStart;
      lineHasWord = true;
    }
  }
  if (lineHasWord || lines.length === 0) lines.push(line);
  const ends: number[] = [];
  let end = 0;
  for (const s of spans) ends.push((end += s.text.length));
  return lines.map((l) => renderNarrow(l, text, spans, ends));
}

const SPACE = 0x20;

/** render(trimEnd(cells)) for a line of wrapNarrow: runs of one style, spaces at the end dropped. */
function renderNarrow(line: NarrowLine, text: string, spans: Span[], ends: number[]): string {
  const runs: Span[] = [];
  const add = (piece: string, style: Span['style']) => {
    if (piece === '') return;
    const last = runs[runs.length - 1];
    if (last && last.style === style) last.text += piece;
    else runs.push({ text: piece, style });
  };
  add(line.pad, undefined);
  for (let r = 0; r < line.ranges.length; r += 2) {
    let from = line.ranges[r]!;
    const to = line.ranges[r + 1]!;
    let k = 0;
    while (ends[k]! <= from) k++;
    while (from < to) {
      const stop = Math.min(to, ends[k]!);
      add(text.slice(from, stop), spans[k]!.style);
      from = stop;
      k++;
    }
  }
  while (runs.length > 0) {
    const last = runs[runs.length - 1]!;
    last.text = last.text.replace(/ +$/, '');
    if (last.text !== '') break;
    runs.pop();
  }
  let out = '';
  for (const run of runs) out += run.style && run.text.trim() !== '' ? run.style(run.text) : run.text;
  return out;
}

/** wrapSpans for any text, a cell a code point. */
export function wrapCells(spans: Span[], limit: number, indent: string): string[] {
  const pad = indent.slice(0, Math.floor(limit / 2));
  const cells = cellsOf(spans);
  const lines: Cell[][] = [];
  let line: Cell[] = [];
  let used = 0;
  let i = 0;
  // Leading spaces belong to the first line (they are its indentation).
  while (i < cells.length && cells[i].ch === ' ') {
    if (used < limit) {
      line.push(cells[i]);
      used += 1;
    }
    i++;
  }
  let lineHasWord = false;
  const newLine = () => {
    lines.push(line);
    line = pad.split('').map((ch) => ({ ch, width: 1 }));
    used = pad.length;
    lineHasWord = false;
  };
  while (i < cells.length) {
    const spaceStart = i;
    while (i < cells.length && cells[i].ch === ' ') i++;
    const spaces = cells.slice(spaceStart, i);
    const wordStart = i;
    while (i < cells.length && cells[i].ch !== ' ') i++;
    let word = cells.slice(wordStart, i);
    if (word.length === 0) break; // trailing spaces are dropped
    if (lineHasWord && used + spaces.length + width(word) > limit) newLine();
    else if (lineHasWord) {
      line.push(...spaces);
      used += spaces.length;
    }
    // A word that does not fit even on a fresh line is cut into pieces that do.
    while (used + width(word) > limit) {
      let take = 0;
      let w = 0;
      while (take < word.length && used + w + word[take].width <= limit) w += word[take++].width;
      if (take === 0 && !lineHasWord) {
        if (used > 0) {
          // Not even one character fits after the indentation: give the line up to the word.
          line = [];
          used = 0;
          continue;
        }
        take = 1; // a character wider than the whole line
      }
      if (take > 0) {
        line.push(...word.slice(0, take));
        lineHasWord = true;
        word = word.slice(take);
      }
      newLine();
    }
    if (word.length > 0) {
      line.push(...word);
      used += width(word);
      lineHasWord = true;
    }
  }
  if (lineHasWord || lines.length === 0) lines.push(line);
  return lines.map((l) => render(trimEnd(l)));
}

function trimEnd(cells: Cell[]): Cell[] {
  let n = cells.length;
  while (n > 0 && cells[n - 1].ch === ' ') n--;
  return cells.slice(0, n);
}
