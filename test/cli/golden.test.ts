// Golden CLI cases: fixtures/cli/<case>/ holds args.json ({ "args": [...], "env"?: {...}, "columns"?: n, "tty"?: bool }),
// and the expected stdout, stderr and exit code. UPDATE=1 rewrites the expectations; review the diff.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runInProcess } from './run.js';

const casesDir = path.join(ROOT, 'fixtures', 'cli');
const cases = readdirSync(casesDir).filter((c) => existsSync(path.join(casesDir, c, 'args.json'))).sort();

describe('golden CLI cases', () => {
  it('has cases', () => {
    expect(cases.length).toBeGreaterThan(3);
  });

  it.each(cases)('%s', async (name) => {
    const dir = path.join(casesDir, name);
    const spec = JSON.parse(readFileSync(path.join(dir, 'args.json'), 'utf8')) as {
      args: string[];
      env?: Record<string, string>;
      columns?: number;
      tty?: boolean;
      stdin?: string;
    };
    const result = await runInProcess(spec.args, { env: spec.env, columns: spec.columns, tty: spec.tty, stdin: spec.stdin });
    const files = { 'stdout.txt': result.stdout, 'stderr.txt': result.stderr, 'exit-code.txt': `${result.code}\n` };
    for (const [file, actual] of Object.entries(files)) {
      const target = path.join(dir, file);
      if (process.env.UPDATE === '1') writeFileSync(target, actual);
      expect(actual, `${name}/${file}`).toBe(readFileSync(target, 'utf8'));
    }
  });
});
