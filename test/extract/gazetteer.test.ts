// The gazetteer is generated from a dev dependency and committed: it must be what the script makes now, and it
// must read as places where nothing else in the text says what a name is.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript build script, without types.
import { gazetteerJson } from '../../scripts/build-places.mjs';
import { isGazetteerPlace } from '../../src/extract/entities-lexicon.js';
import { type Row, org, person, place, run } from './entity-rows.js';

const FILE = path.join(import.meta.dirname, '..', '..', 'src', 'extract', 'lexicon', 'entities-gazetteer.json');

describe('gazetteer', () => {
  it('is what scripts/build-places.mjs makes (run npm run build:places after changing it)', () => {
    expect(readFileSync(FILE, 'utf8')).toBe(gazetteerJson());
  });

  it('holds towns compromise does not know, with and without accents, and none of the names it files otherwise', () => {
    for (const name of ['Temuco', 'Valparaíso', 'Valparaiso', 'Viña del Mar', 'zaragoza']) expect(isGazetteerPlace(name), name).toBe(true);
    // A given name, a common word, a firm's name first.
    for (const name of ['Sydney', 'Reading', 'Carrefour', 'Delta']) expect(isGazetteerPlace(name), name).toBe(false);
  });

  it.each<[string, Row[]]>([
    ['Rescuers reached Temuco before dawn.', [place('Temuco')]],
    ['Fires burned the hills above Viña del Mar for a week.', [place('Viña del Mar')]],
    // Other evidence wins: a title before the name, an organisation word after it.
    ['Coach Temuco said the team was tired.', [person('Temuco')]],
    ['Temuco Holdings said profits rose.', [org('Temuco Holdings')]],
    // A town's name that speaks is a firm's far more often.
    ['Shares rose after Temuco said it would cut jobs.', [org('Temuco')]],
  ])('%s', (text, expected) => {
    expect(run(text)).toEqual(expected);
  });
});
