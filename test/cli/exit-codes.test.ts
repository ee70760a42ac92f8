// Exit codes as a table: 0 nothing at or above --fail-on, 1 conflicts (check only), 2 usage, configuration or input
// error — always with one `facts: …` line on stderr and never a stack trace.
import { describe, expect, it } from 'vitest';
import { runInProcess } from './run.js';

const BAD_CONFIG = 'fixtures/cli/check-bad-config';
const ONE_SEED = 'seeds/002_0e629da1930482bc.txt';

// [args, exit code, a pattern the first stderr line must match (null: stderr is empty)]
const ROWS: Array<[string[], number, RegExp | null]> = [
  [['check', 'seeds/'], 1, null],
  [['check', 'seeds/', '--fail-on', 'conflict'], 1, null],
  [['check', 'seeds/', '--fail-on', 'error'], 1, null],
  [['check', 'seeds/', '--fail-on', 'warning'], 1, null],
  [['check', 'seeds/', '--fail-on', 'none'], 0, null],
  [['check', ONE_SEED], 0, null],
  [['check', 'seeds/', '--format', 'github'], 1, null],
  [['check', 'seeds/', '--format', 'sarif'], 1, null],
  [['check', 'seeds/', '--format', 'junit'], 1, null],
  [['check', 'seeds/', '--baseline', 'fixtures/cli/check-baseline-pass/facts-baseline.json'], 0, /^facts: .*facts-baseline\.json: 1 known conflict not reported$/],
  // usage
  [['check', 'seeds/', '--fail-on', 'sometimes'], 2, /^facts: option '--fail-on <level>' argument 'sometimes' is invalid/],
  [['check', 'seeds/', '--formt', 'json'], 2, /^facts: unknown option '--formt'/],
  [['check', 'seeds/', '--format', 'yaml'], 2, /^facts: option '-f, --format <format>' argument 'yaml' is invalid/],
  [['check', 'seeds/', '--tolerance', '2'], 2, /^facts: option '--tolerance <fraction>' argument '2' is invalid/],
  [['check', 'seeds/', '--date', '2025-02-30'], 2, /^facts: option '--date <YYYY-MM-DD>' argument '2025-02-30' is invalid/],
  [['check'], 2, /^facts: no paths given; /],
  [['chek', 'seeds/'], 2, /^facts: unknown command 'chek'/],
  [[], 2, /^Usage: facts/],
  // input
  [['check', 'seeds/nope.txt'], 2, /^facts: seeds\/nope\.txt: no such file or folder$/],
  [['check', 'seeds/', 'seeds/nope.txt'], 2, /^facts: seeds\/nope\.txt: no such file or folder$/],
  [['check', 'nothing-*/*.txt'], 2, /^facts: nothing-\*\/\*\.txt: the pattern matches no file$/],
  [['check', 'seeds/', '--baseline', 'no-such-baseline.json'], 2, /^facts: no-such-baseline\.json: no such file \(create it with --write-baseline\)$/],
  [['check', 'seeds/', '--baseline', `${BAD_CONFIG}/facts.config.json`], 2, /^facts: .*facts\.config\.json: version: /],
  // configuration
  [['check', 'seeds/', '--config', `${BAD_CONFIG}/facts.config.json`], 2, /^facts: fixtures\/cli\/check-bad-config\/facts\.config\.json: tolerance: expected a number from 0 to below 1, such as 0\.02$/],
  [['check', 'seeds/', '--config', `${BAD_CONFIG}/broken.json`], 2, /^facts: fixtures\/cli\/check-bad-config\/broken\.json: not valid JSON \(.* at line 1, column 25\)$/],
  [['check', 'seeds/', '--config', `${BAD_CONFIG}/none.json`], 2, /^facts: fixtures\/cli\/check-bad-config\/none\.json: no such file$/],
  [['extract', 'seeds/', '--config', `${BAD_CONFIG}/facts.config.json`], 2, /tolerance: expected a number/],
  // extract never exits 1, and keeps going past a missing file
  [['extract', 'seeds/'], 0, null],
  [['extract', ONE_SEED, 'seeds/nope.txt', '--quiet'], 0, /^facts: seeds\/nope\.txt: no such file or folder$/],
  [['extract', 'nothing-here/'], 2, /^facts: nothing-here\/: no such file or folder$/],
  [['schema'], 0, null],
  [['--version'], 0, null],
  [['check', '--help'], 0, null],
];

describe('exit codes', () => {
  it.each(ROWS)('facts %j exits %i', async (args, code, stderr) => {
    const result = await runInProcess(args);
    expect(result.code, result.stderr).toBe(code);
    if (stderr === null) expect(result.stderr).toBe('');
    else expect(result.stderr.split('\n')[0]).toMatch(stderr);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
    if (code === 2 && args.length > 0) expect(result.stdout).toBe('');
  });
});
