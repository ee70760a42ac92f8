// `facts check` on the seed articles: the conflict it names, the CI formats, the baseline round trip (write, pass,
// a new article fails again with only the new conflict, stale entries are named) and the config file.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Baseline } from '../../src/merge/baseline-schema.js';
import { checkSarif, parseAnnotation } from '../report/ci-parse.js';
import { ROOT, runInProcess } from './run.js';

const NEW_ARTICLE = readFileSync(path.join(ROOT, 'fixtures/cli/check-baseline-new-conflict/later-article.txt'), 'utf8');

/** A scratch folder holding a copy of the seeds, so tests can add articles and write files. */
function workspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'facts-check-'));
  cpSync(path.join(ROOT, 'seeds'), path.join(dir, 'seeds'), { recursive: true });
  made.push(dir);
  return dir;
}
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe('facts check seeds/', () => {
  it('exits 1 and names the $14.8 billion / $14.3 billion conflict', async () => {
    const r = await runInProcess(['check', 'seeds/', '--format', 'json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { facts: Array<{ status: string; conflict?: { code: string }; values: Array<{ text: string }> }> };
    const conflicts = report.facts.filter((f) => f.status === 'conflict');
    expect(conflicts.map((f) => f.conflict?.code)).toEqual(['MONEY_MISMATCH']);
    expect(conflicts[0].values.map((v) => v.text)).toEqual(expect.arrayContaining(['$14.8 billion', '$14.3 billion']));
  });

  it('prints GitHub annotations that parse, one on each side of the conflict', async () => {
    const r = await runInProcess(['check', 'seeds/', '--format', 'github']);
    expect(r.code).toBe(1);
    const annotations = r.stdout.trimEnd().split('\n').map(parseAnnotation);
    expect(annotations.map((a) => [a.level, a.props.file, a.props.line])).toEqual([
      ['error', 'seeds/001_64688252fd867e3f.txt', '6'],
      ['error', 'seeds/004_3aa42bb0fbb315da.txt', '5'],
    ]);
    expect(annotations[0].message).toContain('$14.3 billion');
    for (const a of annotations) expect(Number(a.props.col)).toBeGreaterThan(0);
  });

  it('prints a SARIF log with one result and both locations', async () => {
    const r = await runInProcess(['check', 'seeds/', '--format', 'sarif']);
    const results = checkSarif(r.stdout);
    expect(results).toHaveLength(1);
    const locations = results[0].locations as Array<{ physicalLocation: { region: { snippet: { text: string } } } }>;
    expect(locations.map((l) => l.physicalLocation.region.snippet.text)).toEqual(['$14.8 billion', '$14.3 billion']);
  });

  it('prints JUnit with one failing case among one per fact', async () => {
    const r = await runInProcess(['check', 'seeds/', '--format', 'junit', '--fail-on', 'none']);
    expect(r.code).toBe(0);
    expect(r.stdout.match(/<failure /g)).toHaveLength(1);
    expect(r.stdout).toMatch(/<testsuite name="facts" tests="\d+" failures="1"/);
  });
});

describe('baselines', () => {
  it('records today’s conflicts, then passes, then fails on a new conflict only, and names stale entries', async () => {
    const cwd = workspace();
    const write = await runInProcess(['check', 'seeds/', '--write-baseline', 'facts-baseline.json'], { cwd });
    expect(write.code).toBe(0);
    expect(write.stderr).toBe('facts: facts-baseline.json: recorded 1 conflict\n');
    const baseline = Baseline.parse(JSON.parse(readFileSync(path.join(cwd, 'facts-baseline.json'), 'utf8')));
    expect(baseline.conflicts).toEqual([
      expect.objectContaining({ code: 'MONEY_MISMATCH', attribute: 'deal value', values: ['USD 14300000000', 'USD 14800000000'] }),
    ]);

    const pass = await runInProcess(['check', 'seeds/', '--baseline', 'facts-baseline.json'], { cwd });
    expect(pass.code).toBe(0);
    expect(pass.stderr).toBe('facts: facts-baseline.json: 1 known conflict not reported\n');

    // Editing an article around the known conflict (lines shift) keeps it known.
    const edited = path.join(cwd, 'seeds/001_64688252fd867e3f.txt');
    writeFileSync(edited, `Editor's note: updated.\n\n${readFileSync(edited, 'utf8')}`);
    expect((await runInProcess(['check', 'seeds/', '--baseline', 'facts-baseline.json'], { cwd })).code).toBe(0);

    writeFileSync(path.join(cwd, 'seeds/005_later.txt'), NEW_ARTICLE);
    const fail = await runInProcess(['check', 'seeds/', '--baseline', 'facts-baseline.json', '--format', 'json'], { cwd });
    expect(fail.code).toBe(1);
    const report = JSON.parse(fail.stdout) as { facts: Array<{ status: string; attribute: string; conflict?: { code: string } }>; summary: { conflicts: number } };
    const conflicts = report.facts.filter((f) => f.status === 'conflict');
    expect(conflicts.map((f) => [f.conflict?.code, f.attribute])).toEqual([['PERCENT_MISMATCH', 'stake']]);
    expect(report.summary.conflicts).toBe(1);

    // The $14.3 billion article gone: its baseline entry no longer occurs and is named for pruning.
    rmSync(path.join(cwd, 'seeds/004_3aa42bb0fbb315da.txt'));
    rmSync(path.join(cwd, 'seeds/005_later.txt'));
    const stale = await runInProcess(['check', 'seeds/', '--baseline', 'facts-baseline.json'], { cwd });
    expect(stale.code).toBe(0);
    expect(stale.stderr).toBe(
      'facts: facts-baseline.json: no longer occurs: MONEY_MISMATCH Meta / Scale AI · deal value ($14.3 billion vs $14.8 billion); prune it with --write-baseline\n',
    );
  });

  it('rejects a baseline file that is not one, naming the key', async () => {
    const cwd = workspace();
    writeFileSync(path.join(cwd, 'b.json'), JSON.stringify({ version: 1, conflicts: [{ code: 'X', subject: 'A', attribute: 'b' }] }));
    const r = await runInProcess(['check', 'seeds/', '--baseline', 'b.json'], { cwd });
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'facts: b.json: conflicts[0].values: Invalid input: expected array, received undefined\n' });
  });
});

describe('facts.config.json', () => {
  const config = (cwd: string, value: unknown, file = 'facts.config.json') => writeFileSync(path.join(cwd, file), JSON.stringify(value));

  it('gives the paths (include), and drops files (exclude)', async () => {
    const cwd = workspace();
    config(cwd, { include: ['seeds'], exclude: ['seeds/004_*.txt'] });
    const r = await runInProcess(['check', '--format', 'json'], { cwd });
    const report = JSON.parse(r.stdout) as { documents: Array<{ path: string }> };
    expect(report.documents.map((d) => d.path)).toEqual([
      'seeds/000_c68eba899d344958.txt',
      'seeds/001_64688252fd867e3f.txt',
      'seeds/002_0e629da1930482bc.txt',
      'seeds/003_805637547f8b231d.txt',
    ]);
    expect(r.code).toBe(0); // the $14.3 billion article is excluded
  });

  it('ignores conflict codes and attributes, and sets fail-on; a flag overrides the file', async () => {
    const cwd = workspace();
    config(cwd, { ignore: { codes: ['MONEY_MISMATCH'] } });
    expect((await runInProcess(['check', 'seeds/'], { cwd })).code).toBe(0);
    config(cwd, { ignore: { attributes: ['Deal Value'] } });
    const json = await runInProcess(['check', 'seeds/', '--format', 'json'], { cwd });
    expect(json.code).toBe(0);
    expect((JSON.parse(json.stdout) as { facts: Array<{ attribute: string }> }).facts.map((f) => f.attribute)).not.toContain('deal value');
    config(cwd, { failOn: 'none' });
    expect((await runInProcess(['check', 'seeds/'], { cwd })).code).toBe(0);
    expect((await runInProcess(['check', 'seeds/', '--fail-on', 'conflict'], { cwd })).code).toBe(1);
  });

  it('takes a config named with --config, with paths relative to that file', async () => {
    const cwd = workspace();
    cpSync(path.join(cwd, 'seeds'), path.join(cwd, 'ci/articles'), { recursive: true });
    config(cwd, { include: ['articles'], exclude: ['articles/001_*.txt'] }, 'ci/facts.json');
    const r = await runInProcess(['check', '--config', 'ci/facts.json', '--format', 'json'], { cwd });
    const paths = (JSON.parse(r.stdout) as { documents: Array<{ path: string }> }).documents.map((d) => d.path);
    expect(paths).toHaveLength(4);
    expect(paths.every((p) => p.startsWith('ci/articles/'))).toBe(true);
    expect(r.code).toBe(0); // the $14.8 billion article is excluded
  });

  it('renames entities by alias in subjects and mentions', async () => {
    const cwd = workspace();
    config(cwd, { aliases: { 'Scale AI': 'Scale' } });
    const r = await runInProcess(['check', 'seeds/', '--format', 'json'], { cwd });
    const report = JSON.parse(r.stdout) as { facts: Array<{ subject: string; status: string }>; mentions: Array<{ kind: string; value: { canonical?: string } }> };
    expect(report.facts.find((f) => f.status === 'conflict')?.subject).toBe('Meta / Scale');
    expect(report.mentions.some((m) => m.value.canonical === 'Scale AI')).toBe(false);
    expect(report.mentions.some((m) => m.value.canonical === 'Scale')).toBe(true);
  });

  it('a config that breaks the rules ends the run with one line and exit 2', async () => {
    const cwd = workspace();
    config(cwd, { ignore: { codes: 'MONEY_MISMATCH' } });
    expect(await runInProcess(['check', 'seeds/'], { cwd })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'facts: facts.config.json: ignore.codes: expected an array of strings\n',
    });
  });
});
