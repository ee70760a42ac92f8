// Accuracy can only go up: every metric of every answer key stays at or above the floor recorded in
// fixtures/gold/floors.json (written by `npm run eval:floors`), and forbidden items never increase.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateAll, METRICS } from '../../src/eval/run.js';
import type { Scores } from '../../src/eval/score.js';
import { ROOT } from '../cli/run.js';

type Floors = Record<string, Record<string, { precision: number; recall: number }>>;
const floors = JSON.parse(readFileSync(path.join(ROOT, 'fixtures', 'gold', 'floors.json'), 'utf8')) as Floors;
let scores: Scores[];

beforeAll(async () => {
  scores = await evaluateAll(ROOT);
});

describe('accuracy floors', () => {
  it('has a floor for every answer key', () => {
    expect(scores.map((s) => s.cluster).sort()).toEqual(Object.keys(floors).sort());
  });

  it.each(Object.keys(floors))('%s stays at or above its floors', (cluster) => {
    const s = scores.find((x) => x.cluster === cluster)!;
    for (const m of METRICS) {
      expect(s[m].precision, `${cluster} ${m} precision; misses: ${s[m].extras.join('; ')}`).toBeGreaterThanOrEqual(floors[cluster][m].precision);
      expect(s[m].recall, `${cluster} ${m} recall; misses: ${s[m].misses.join('; ')}`).toBeGreaterThanOrEqual(floors[cluster][m].recall);
    }
    expect(s.forbidden.length, s.forbidden.join('; ')).toBeLessThanOrEqual(floors[cluster].forbidden.precision);
  });

  it('meets the issue’s bar on the seeds: entities P ≥ 0.90 R ≥ 0.95, every money/percent/quote, ≥ 90% dates, no forbidden item', () => {
    const s = scores.find((x) => x.cluster === 'seeds')!;
    expect(s.entities.precision).toBeGreaterThanOrEqual(0.9);
    expect(s.entities.recall).toBeGreaterThanOrEqual(0.95);
    for (const m of ['money', 'percentages', 'quotes', 'quoteSpeakers', 'documentDates'] as const) expect(s[m].recall).toBe(1);
    expect(s.datesResolved.recall).toBeGreaterThanOrEqual(0.9);
    expect(s.forbidden).toEqual([]);
  });
});
