// Untrusted text never reaches the terminal raw: whatever an article holds (escape sequences, a bell, a bidi
// override, C1 controls), every output format shows it as visible characters and lets nothing act on the terminal.
import { describe, expect, it } from 'vitest';
import { csvField, escapeHtml, markdownCell, oneLine, terminalSafe } from '../../src/report/escape.js';
import { FORMAT_NAMES, FORMATTERS } from '../../src/report/index.js';
import { DEFAULT_FORMAT_OPTIONS } from '../../src/report/types.js';
import { hostileReport } from './hostile-report.js';

// ESC, BEL, the C1 CSI (0x9b, which some terminals read like ESC [), and the bidi controls that disguise text.
const RAW = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const SGR = /\u001b\[[0-9;]*m/g;

describe('terminalSafe', () => {
  it.each([
    ['\u001b[31m', '␛[31m'],
    ['\u0007', '␇'],
    ['\u202e', '\\u202e'],
    ['\u009b2J', '\\u009b2J'],
    ['\u0000', '␀'],
    ['\u007f', '␡'],
    ['tab\tand\nnewline', 'tab\tand\nnewline'],
    ['café — 会社 “quoted”', 'café — 会社 “quoted”'],
  ])('%j → %j', (input, expected) => {
    expect(terminalSafe(input)).toBe(expected);
  });

  it('oneLine also folds line breaks and tabs into spaces', () => {
    expect(oneLine('a\r\nb\tc\u001b[2J')).toBe('a b c␛[2J');
  });

  it('the cell escapers make controls visible too', () => {
    expect(markdownCell('x\u001b[31m|y')).toBe('x␛\\[31m\\|y');
    expect(csvField('x\u0007y')).toBe('x␇y');
    expect(csvField('a\r\nb\u001b')).toBe('"a\r\nb␛"');
    expect(escapeHtml('<b a="1">')).toBe('&lt;b a=&quot;1&quot;&gt;');
  });
});

describe('no format lets article text act on a terminal', () => {
  const report = hostileReport();
  it.each(FORMAT_NAMES)('%s', (name) => {
    for (const options of [DEFAULT_FORMAT_OPTIONS, { ...DEFAULT_FORMAT_OPTIONS, verbose: true, color: true }]) {
      const out = FORMATTERS[name](report, options);
      // The colour codes the table adds itself are the only escape sequences allowed.
      const withoutOwnColour = name === 'table' && options.color ? out.replace(SGR, '') : out;
      expect(withoutOwnColour).not.toMatch(RAW);
      // The hostile text is still there to see, made visible.
      expect(out).toMatch(/␛\\?\[31mred|\\u001b\[31mred|\ufffd\[31mred/);
    }
  });
});
