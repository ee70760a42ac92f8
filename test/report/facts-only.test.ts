// FACTS_ONLY names the formats whose output a report without its mentions and claims leaves unchanged: a large run in
// those formats gets its report made from the spool without them (StreamedReport.collect).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/report.js';
import { run } from '../../src/pipeline.js';
import { FACTS_ONLY, FORMAT_NAMES, FORMATTERS } from '../../src/report/index.js';
import { DEFAULT_FORMAT_OPTIONS } from '../../src/report/types.js';
import { ROOT } from '../cli/run.js';
import { conflictReport } from './conflict-report.js';
import { hostileReport } from './hostile-report.js';

const seeds = run(readdirSync(path.join(ROOT, 'seeds')).sort().map((f) => ({ path: `seeds/${f}`, text: readFileSync(path.join(ROOT, 'seeds', f), 'utf8') })));

const reports: Array<[string, Report]> = [
  ['the seeds', seeds],
  ['hand-built conflicts', conflictReport()],
  ['hostile text', hostileReport()],
];

const OPTIONS = [
  DEFAULT_FORMAT_OPTIONS,
  { ...DEFAULT_FORMAT_OPTIONS, color: true, verbose: true, width: 50 },
  { ...DEFAULT_FORMAT_OPTIONS, quiet: true },
];

describe('formats that show only facts', () => {
  it.each(reports)('give the same output for %s without its mentions and claims', (_, report) => {
    expect(report.mentions.length).toBeGreaterThan(0);
    const bare: Report = { ...report, mentions: [], claims: [] };
    for (const format of FACTS_ONLY) {
      for (const options of OPTIONS) expect(FORMATTERS[format](bare, options), format).toBe(FORMATTERS[format](report, options));
    }
  });

  it('are the formats that do not read them (each other one changes without them)', () => {
    const changes = (f: (typeof FORMAT_NAMES)[number]) =>
      reports.some(([, r]) => FORMATTERS[f]({ ...r, mentions: [], claims: [] }, DEFAULT_FORMAT_OPTIONS) !== FORMATTERS[f](r, DEFAULT_FORMAT_OPTIONS));
    expect(FORMAT_NAMES.filter(changes).sort()).toEqual(FORMAT_NAMES.filter((f) => !FACTS_ONLY.has(f)).sort());
  });
});
