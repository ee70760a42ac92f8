// The installed command as users run it: compiled bin/facts.js in a child process (built by `npm ci` / `npm run check`).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../cli/run.js';

const BIN = path.join(ROOT, 'bin', 'facts.js');
const facts = (args: string[], input?: string) =>
  spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined } });

describe.runIf(existsSync(path.join(ROOT, 'dist', 'cli', 'main.js')))('bin/facts.js', () => {
  it('--version prints the package version', () => {
    const r = facts(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe((JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
  });

  it('extract --help lists the formats and shows examples', () => {
    const r = facts(['extract', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/--format <format>/);
    expect(r.stdout).toMatch(/Examples:/);
  });

  it('extract seeds/ prints the table with the conflict first and exits 0', () => {
    const r = facts(['extract', 'seeds/']);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('Conflicts (1)');
    expect(r.stdout).toContain('MONEY_MISMATCH');
    expect(r.stdout.trim().split('\n').at(-1)).toMatch(/^5 documents · \d+ mentions · \d+ facts · 1 conflict$/);
  });

  it('reads standard input for "-" and resolves dates against --date', () => {
    const r = facts(['extract', '-', '--format', 'json', '--date', '2025-06-18'], 'Acme Corp said on Monday it paid $5 million for Globex Inc.');
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as { documents: Array<{ path: string; dateSource: string }>; mentions: Array<{ kind: string; value: Record<string, unknown> }> };
    expect(report.documents).toEqual([{ id: 'stdin', path: '-', date: null, dateSource: 'reference', offsets: 'file' }]);
    expect(report.mentions.find((m) => m.kind === 'money')?.value).toMatchObject({ amount: 5e6, currency: 'USD' });
    expect(report.mentions.find((m) => m.kind === 'date')?.value).toMatchObject({ iso: '2025-06-16' });
  });

  it.each([
    [['extract'], 2, /^facts: no paths given/],
    [['extract', 'no/such/folder'], 2, /^facts: no\/such\/folder: no such file or folder$/m],
    [['extract', 'seeds/', '--format', 'yaml'], 2, /Allowed choices are/],
    [['extract', 'seeds/', '--tolerance', 'lots'], 2, /expected a fraction/],
    [['check', 'seeds/'], 1, /MONEY_MISMATCH/],
  ])('%j exits %i', (args, code, pattern) => {
    const r = facts(args);
    expect(r.status).toBe(code);
    expect(`${r.stdout}${r.stderr}`).toMatch(pattern);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  // `facts … | head`: the reader leaves early. The run ends quietly, with the exit code it would have had.
  it.each([
    [['extract', 'seeds/', '--format', 'json'], 0],
    [['check', 'seeds/', '--format', 'json'], 1],
  ])('%j into a reader that leaves early exits %i, without a word on stderr', (args, code) => {
    const command = `"${process.execPath}" "${BIN}" ${args.join(' ')} | head -c 10 > /dev/null; echo "exit=\${PIPESTATUS[0]}"`;
    const r = spawnSync('bash', ['-c', command], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.stdout.trim()).toBe(`exit=${code}`);
    expect(r.stderr).toBe('');
  });

  it.runIf(existsSync('/dev/full'))('a full disk on standard output is one line and exit 2, for streamed and built reports', () => {
    for (const format of ['json', 'table']) {
      const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" extract seeds/ --format ${format} > /dev/full`], { cwd: ROOT, encoding: 'utf8' });
      expect(r.status, format).toBe(2);
      expect(r.stderr).toBe('facts: standard output: cannot write (ENOSPC)\n');
    }
  });
});
