// Article text is untrusted: nothing from it reaches a terminal, CSV, Markdown or HTML without passing through here.

// C0 and C1 controls (ESC starts terminal escape sequences), DEL, and bidirectional overrides that can disguise text.
const UNSAFE_TERMINAL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

// The same without CR, for formats that carry line breaks inside a field and encode them themselves (CSV, GitHub).
const UNSAFE_KEEP_CR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
// What JSON.stringify leaves raw (it escapes C0 itself): DEL, C1 controls (0x9b acts like ESC [ on some terminals), bidi.
const UNSAFE_IN_JSON = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function visible(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code); // ␛ for ESC, ␀ for NUL…
  if (code === 0x7f) return '\u2421';
  return `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Makes control characters visible (\x1b → "\u241B"-style symbols or \u escapes) so they cannot act on a terminal. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE_TERMINAL, visible);
}

/** terminalSafe, but line breaks (CR and LF) are left for the format to encode. */
export function terminalSafeLines(text: string): string {
  return text.replace(UNSAFE_KEEP_CR, visible);
}

/**
 * JSON text with the characters JSON.stringify leaves raw written as \u escapes. Outside strings JSON has none of
 * them, so the result parses to exactly the same value.
 */
export function jsonSafe(json: string): string {
  return json.replace(UNSAFE_IN_JSON, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Whether jsonSafe would change anything in JSON built from this text (a cheap test before a long JSON text). */
export function needsJsonSafe(text: string): boolean {
  UNSAFE_IN_JSON.lastIndex = 0;
  const found = UNSAFE_IN_JSON.test(text);
  UNSAFE_IN_JSON.lastIndex = 0;
  return found;
}

/** One line of text for a table cell: newlines and tabs become spaces, controls are made visible. */
export function oneLine(text: string): string {
  return terminalSafe(text.replace(/[\r\n\t]+/g, ' '));
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

/** RFC 4180 field, with spreadsheet formulas neutralised (a leading = + - @ tab or CR gets a ' prefix) and controls
 *  made visible. */
export function csvField(text: string): string {
  let t = terminalSafeLines(text);
  if (/^[=+\-@\t\r]/.test(t)) t = `'${t}`;
  return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

/** Markdown table cell: pipes, backslashes, HTML and newlines cannot break the table or inject markup. */
export function markdownCell(text: string): string {
  return oneLine(text)
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/[<>&]/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[ch]!)
    .replace(/([`*_[\]])/g, '\\$1');
}
