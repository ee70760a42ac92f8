// The extractors' JSON lexicons ship with the code and are read without validation (loading zod cost every process
// and worker ~0.1 s): this is where their shape is checked.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DateNames, LEXICON_SCHEMAS } from '../../src/extract/lexicon-schemas.js';
import { ROOT } from '../cli/run.js';

const DIR = path.join(ROOT, 'src', 'extract', 'lexicon');
const read = (file: string): unknown => JSON.parse(readFileSync(path.join(DIR, file), 'utf8'));

describe('the extractors’ lexicons', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();

  it('each has a schema, and every schema a file', () => {
    expect(files.length).toBeGreaterThan(15);
    expect(Object.keys(LEXICON_SCHEMAS).sort()).toEqual(files);
  });

  it.each(files)('%s has the shape its schema gives', (file) => {
    const result = LEXICON_SCHEMAS[file].safeParse(read(file));
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it('a lexicon of the wrong shape is caught', () => {
    const names = read('dates-names.json') as { months: string[][]; timezones: string[] };
    expect(DateNames.safeParse({ ...names, months: names.months.slice(1) }).success).toBe(false);
    expect(DateNames.safeParse({ ...names, timezones: [''] }).success).toBe(false);
    expect(LEXICON_SCHEMAS['currencies.json'].safeParse({ ...(read('currencies.json') as object), codes: ['usd'] }).success).toBe(false);
  });

  it('no extractor loads zod: they import only the schemas’ types', () => {
    const extract = path.join(ROOT, 'src', 'extract');
    const loaders = readdirSync(extract)
      .filter((f) => f.endsWith('.ts') && f !== 'lexicon-schemas.ts')
      .filter((f) => /^import\s+(?!type\b)[^;]*from\s+'(zod|\.\/lexicon-schemas\.js)'/m.test(readFileSync(path.join(extract, f), 'utf8')));
    expect(loaders).toEqual([]);
  });
});
