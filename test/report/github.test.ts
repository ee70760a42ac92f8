// The GitHub Actions format: every line is a workflow command that parses, one per place a side of a conflict is stated.
import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, formatGithub } from '../../src/report/github.js';
import { parseAnnotation } from './ci-parse.js';
import { AGREED, conflictReport, SINGLE } from './conflict-report.js';

describe('formatGithub', () => {
  const lines = formatGithub(conflictReport()).trimEnd().split('\n');
  const annotations = lines.map(parseAnnotation);

  it('annotates each side of each conflict at its file, line and column, and nothing else', () => {
    expect(annotations.map((a) => [a.level, a.props.file, a.props.line, a.props.col])).toEqual([
      ['error', 'news/b.txt', '4', '21'],
      ['error', 'news/c dir/c#1.txt', '7', '5'],
      ['warning', 'news/a.txt', '5', '1'],
      ['warning', 'news/b.txt', '9', '2'],
    ]);
  });

  it('titles each annotation with the code and the fact, and keeps the message whole through the escaping', () => {
    expect(annotations[0].props.title).toBe('MONEY_MISMATCH: Acme / Globex · deal value');
    expect(annotations[0].message).toContain('"$2.5 billion" here;');
    expect(annotations[2].props.title).toBe('TITLE_MISMATCH: Jo, "The Boss" <Smith> · role');
    expect(annotations[2].message).toBe('"chief executive" here; role of Jo: 100% "chief executive"\nvs "chair: 50%" & more');
  });

  it('never lets a newline in article text start a second command', () => {
    for (const line of lines) expect(line.startsWith('::')).toBe(true);
    expect(lines).toHaveLength(4);
  });

  it('prints nothing when no fact is in conflict', () => {
    expect(formatGithub(conflictReport([AGREED, SINGLE]))).toBe('');
  });

  it.each([
    ['50%', '50%25', '50%25'],
    ['a\r\nb', 'a%0D%0Ab', 'a%0D%0Ab'],
    ['a: b, c', 'a: b, c', 'a%3A b%2C c'],
  ])('escapes %j as data %j and as a property %j', (text, data, prop) => {
    expect(escapeData(text)).toBe(data);
    expect(escapeProperty(text)).toBe(prop);
  });
});
