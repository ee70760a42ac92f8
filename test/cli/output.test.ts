// What `facts extract` prints on a terminal: the seeds' table fits every width, colour follows the terminal and
// NO_COLOR / FORCE_COLOR / --no-color, and the HTML report gets the documents' text from the CLI.
import { describe, expect, it } from 'vitest';
import { type CliIo, useColor } from '../../src/cli/io.js';
import { visibleWidth } from '../../src/report/wrap.js';
import { runInProcess } from './run.js';

describe('the seeds table fits the terminal', () => {
  it.each([40, 60, 80, 100, 120])('at %i columns, with and without colour and evidence', async (columns) => {
    for (const tty of [false, true]) {
      const r = await runInProcess(['extract', 'seeds/', '--verbose'], { columns, tty });
      expect(r.code).toBe(0);
      expect(r.stdout.includes('\u001b[')).toBe(tty);
      expect(r.stdout.split('\n').filter((l) => visibleWidth(l) > columns)).toEqual([]);
    }
  });

  it('ends with the one-line summary', async () => {
    const r = await runInProcess(['extract', 'seeds/'], { columns: 80 });
    expect(r.stdout.trimEnd().split('\n').at(-1)).toMatch(/^5 documents · \d+ mentions · \d+ facts · 1 conflict$/);
  });
});

describe('useColor', () => {
  const io = (stdoutIsTTY: boolean, env: Record<string, string> = {}): CliIo => ({
    stdout: () => undefined,
    stderr: () => undefined,
    cwd: '.',
    env,
    stdoutIsTTY,
    stderrIsTTY: stdoutIsTTY,
  });
  it.each([
    ['a terminal', io(true), undefined, false, true],
    ['a pipe', io(false), undefined, false, false],
    ['NO_COLOR on a terminal', io(true, { NO_COLOR: '1' }), undefined, false, false],
    ['empty NO_COLOR is unset', io(true, { NO_COLOR: '' }), undefined, false, true],
    ['FORCE_COLOR in a pipe', io(false, { FORCE_COLOR: '1' }), undefined, false, true],
    ['FORCE_COLOR=0 on a terminal', io(true, { FORCE_COLOR: '0' }), undefined, false, false],
    ['NO_COLOR beats FORCE_COLOR', io(false, { NO_COLOR: '1', FORCE_COLOR: '1' }), undefined, false, false],
    ['--no-color beats FORCE_COLOR', io(true, { FORCE_COLOR: '1' }), false, false, false],
    ['--out file', io(true, { FORCE_COLOR: '1' }), undefined, true, false],
  ])('%s', (_name, cliIo, flag, toFile, expected) => {
    expect(useColor(cliIo, flag, toFile)).toBe(expected);
  });
});

describe('--format html from the CLI', () => {
  it('includes each document with its text and the conflict card', async () => {
    const r = await runInProcess(['extract', 'seeds/', '--format', 'html']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('Text not included');
    expect(r.stdout.match(/<article class="doc"/g)).toHaveLength(5);
    expect(r.stdout).toContain('<mark class="hit">$14.8 billion</mark>');
    expect(r.stdout).toContain('<mark class="hit">$14.3 billion</mark>');
  });

  it('check --format html shows the documents too', async () => {
    const r = await runInProcess(['check', 'seeds/', '--format', 'html']);
    expect(r.code).toBe(1);
    expect(r.stdout.match(/<article class="doc"/g)).toHaveLength(5);
  });
});
