// The config file's validation: every mistake gives one line naming the key and what was expected.
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/cli/config-schema.js';
import { tempDir } from '../temp.js';

const ERRORS: Array<[string, string]> = [
  ['{"tolerance": "2%"}', 'tolerance: expected a number from 0 to below 1, such as 0.02'],
  ['{"tolerance": 1.5}', 'tolerance: expected a number from 0 to below 1, such as 0.02'],
  ['{"tolernce": 0.1}', 'tolernce: unknown key; expected one of $schema, include, exclude, date, tolerance, maxFileSize, strict, failOn, baseline, ignore, aliases, lexicon'],
  ['{"ignore": {"attribute": ["x"]}}', 'ignore.attribute: unknown key; expected one of attributes, codes'],
  ['{"ignore": {"codes": "X"}}', 'ignore.codes: expected an array of strings'],
  ['{"ignore": ["X"]}', 'ignore: expected an object with "attributes" and/or "codes"'],
  ['{"failOn": "fatal"}', 'failOn: expected one of "none", "warning", "conflict", "error"'],
  ['{"date": "2025-02-30"}', 'date: expected a calendar date as "YYYY-MM-DD"'],
  ['{"date": 20250619}', 'date: expected a date as "YYYY-MM-DD"'],
  ['{"aliases": {"Meta Platforms": 3}}', 'aliases["Meta Platforms"]: expected a string'],
  ['{"aliases": ["a"]}', 'aliases: expected an object mapping a name to its canonical name'],
  ['{"include": "seeds"}', 'include: expected an array of glob patterns'],
  ['{"exclude": [""]}', 'exclude[0]: expected a non-empty string'],
  ['{"lexicon": {"organizations": [1]}}', 'lexicon.organizations[0]: expected a string'],
  ['{"lexicon": {"companies": []}}', 'lexicon.companies: unknown key; expected one of organizations, people, places'],
  ['[1]', '(top level): expected a JSON object'],
  ['{"tolerance": 0.1,}', 'not valid JSON (Expected double-quoted property name at line 1, column 19)'],
  ['{\n  "date": "2025-06-19"\n  "x": 1}', "not valid JSON (Expected ',' or '}' after property value at line 3, column 3)"],
  ['', 'not valid JSON (Unexpected end of JSON input)'],
];

describe('parseConfig', () => {
  it.each(ERRORS)('%s → %s', (text, message) => {
    expect(() => parseConfig(text, 'facts.config.json')).toThrow(`facts.config.json: ${message}`);
  });

  it('reads a full config', () => {
    const text = JSON.stringify({
      include: ['news/**/*.md'],
      exclude: ['news/drafts/**'],
      date: '2025-06-19',
      tolerance: 0.02,
      failOn: 'warning',
      baseline: 'facts-baseline.json',
      ignore: { attributes: ['publication date'], codes: ['ROLE_MISMATCH'] },
      aliases: { 'Acme Corporation': 'Acme' },
      lexicon: { organizations: ['Initech'], people: [], places: ['Springfield'] },
    });
    expect(parseConfig(`\uFEFF${text}`, 'f.json')).toMatchObject({ tolerance: 0.02, failOn: 'warning', aliases: { 'Acme Corporation': 'Acme' } });
  });

  it('accepts an empty object', () => {
    expect(parseConfig('{}', 'f.json')).toEqual({});
  });
});

describe('the config lexicon reaches the extractors', () => {
  it('makes a declared name an entity of its kind, and a subject of facts', async () => {
    const { writeFileSync } = await import('node:fs');
    const path = await import('node:path');
    const { runInProcess } = await import('./run.js');
    const dir = tempDir('lexicon');
    writeFileSync(path.join(dir, 'a.txt'), 'Blue Harbor will pay $40 million for a 20% stake in Tidewater Holdings.\n');
    const run = async () => JSON.parse((await runInProcess(['extract', 'a.txt', '--format', 'json'], { cwd: dir })).stdout) as {
      mentions: Array<{ kind: string; text: string }>;
      facts: Array<{ subject: string; attribute: string }>;
    };
    const before = await run();
    expect(before.mentions.filter((m) => m.text === 'Blue Harbor' && m.kind === 'organization')).toEqual([]);
    writeFileSync(path.join(dir, 'facts.config.json'), JSON.stringify({ lexicon: { organizations: ['Blue Harbor'] } }));
    const after = await run();
    expect(after.mentions.filter((m) => m.text === 'Blue Harbor').map((m) => m.kind)).toEqual(['organization']);
    expect(after.facts.find((f) => f.attribute === 'stake')?.subject).toBe('Blue Harbor / Tidewater Holdings');
  });
});
