// One `facts extract` over a folder of bad inputs (fixtures/bad-inputs plus what git cannot store, generated here:
// a huge line, a file over --max-file-size, symbolic link loops, a broken link, a folder named like a file, an empty
// folder, a socket, an unreadable file): every file is either extracted or named in a warning, nothing throws,
// exit 0 (2 with --strict).
import { chmod, cp, lstat, mkdir, readdir, symlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/report.js';
import { ROOT, runInProcess } from '../cli/run.js';
import { tempDir } from '../temp.js';

let dir: string;
let server: Server | undefined;
const isRoot = process.getuid?.() === 0;
const LINE = 'Acme Holdings said on Monday it would pay $1.2 billion for Globex Ltd, a 14% premium, on 3 March 2025. ';

beforeAll(async () => {
  dir = tempDir('bad');
  const bad = path.join(dir, 'bad');
  await cp(path.join(ROOT, 'fixtures', 'bad-inputs'), bad, { recursive: true });
  await writeFile(path.join(bad, 'huge-line.txt'), LINE.repeat(Math.ceil(1_000_000 / LINE.length)));
  await writeFile(path.join(bad, 'too-big.txt'), 'x'.repeat(2 * 1024 * 1024 + 1));
  await symlink('.', path.join(bad, 'loop'));
  await symlink('self-link.txt', path.join(bad, 'self-link.txt'));
  await symlink('does-not-exist.txt', path.join(bad, 'broken.txt'));
  await mkdir(path.join(bad, 'folder-named.txt'));
  await mkdir(path.join(bad, 'empty-folder'));
  await writeFile(path.join(bad, 'unreadable.txt'), 'Secret Corp paid $1 million.');
  await chmod(path.join(bad, 'unreadable.txt'), 0o000);
  // A socket stands in for an unreadable file when the tests run as root (root reads a chmod 000 file).
  await new Promise<void>((resolve) => {
    server = createServer().listen(path.join(bad, 'socket.txt'), resolve);
  });
});

afterAll(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await chmod(path.join(dir, 'bad', 'unreadable.txt'), 0o644).catch(() => undefined);
});

/** Every path under `root`, links not followed, relative to `cwd` with forward slashes. */
async function allPaths(root: string, cwd: string): Promise<Array<{ rel: string; folder: boolean }>> {
  const out: Array<{ rel: string; folder: boolean }> = [];
  for (const entry of await readdir(root)) {
    const full = path.join(root, entry);
    const info = await lstat(full);
    out.push({ rel: path.relative(cwd, full).split(path.sep).join('/'), folder: info.isDirectory() });
    if (info.isDirectory()) out.push(...(await allPaths(full, cwd)));
  }
  return out;
}

describe('one facts extract over a folder of bad inputs', () => {
  it('extracts every readable file, names every other one in a warning, and exits 0', async () => {
    const r = await runInProcess(['extract', 'bad', '--format', 'json', '--max-file-size', '2MB'], { cwd: dir });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    const docs = new Set(report.documents.map((d) => d.path));
    const warned = new Map((report.warnings ?? []).map((w) => [w.path, w.code]));

    for (const { rel, folder } of await allPaths(path.join(dir, 'bad'), dir)) {
      const inside = [...docs, ...warned.keys()].some((p) => p.startsWith(`${rel}/`));
      if (folder && inside) continue; // a folder is accounted for by what is in it
      expect(docs.has(rel) || warned.has(rel), `${rel} is neither extracted nor named in a warning`).toBe(true);
    }

    expect(Object.fromEntries([...warned].sort())).toEqual({
      'bad/binary.txt': 'BINARY',
      'bad/broken.txt': 'BROKEN_LINK',
      'bad/empty-folder': 'EMPTY_FOLDER',
      'bad/empty.txt': 'EMPTY',
      // A folder named like a file is read as a folder, and this one is empty: the later warning wins in the map.
      'bad/folder-named.txt': 'EMPTY_FOLDER',
      'bad/loop': 'SYMLINK_LOOP',
      'bad/only-front-matter.md': 'NO_TEXT',
      'bad/photo.png': 'NOT_TEXT',
      'bad/self-link.txt': 'SYMLINK_LOOP',
      'bad/socket.txt': 'NOT_A_FILE',
      'bad/stray.pdf': 'NOT_TEXT',
      'bad/too-big.txt': 'TOO_LARGE',
      ...(isRoot ? {} : { 'bad/unreadable.txt': 'UNREADABLE' }),
      'bad/whitespace-only.md': 'EMPTY',
      'bad/windows-1252.txt': 'ENCODING',
    });
    expect((report.warnings ?? []).filter((w) => w.path === 'bad/folder-named.txt').map((w) => w.code)).toEqual(['IS_FOLDER', 'EMPTY_FOLDER']);

    expect([...docs].sort()).toEqual(
      [
        'bad/control-chars.txt',
        'bad/front-matter.md',
        'bad/hostile.txt',
        'bad/huge-line.txt',
        'bad/nested/deeper/note.txt',
        'bad/saved-page.html',
        'bad/unbalanced-quotes.txt',
        ...(isRoot ? ['bad/unreadable.txt'] : []),
        'bad/utf16be.txt',
        'bad/utf16le.txt',
        'bad/utf8-bom.txt',
        'bad/windows-1252.txt',
      ].sort(),
    );
    // Every warning is one stderr line naming its path.
    for (const w of report.warnings ?? []) expect(r.stderr).toContain(`facts: ${w.path}: `);
    expect(r.stderr).not.toMatch(/internal error|at .*\.ts:\d+/);
  });

  it('reads each encoding to the same text', async () => {
    const r = await runInProcess(['extract', 'bad/utf16le.txt', 'bad/utf16be.txt', 'bad/windows-1252.txt', 'bad/utf8-bom.txt', '--format', 'json'], { cwd: dir });
    const report = JSON.parse(r.stdout) as Report;
    const money = (doc: string) => report.mentions.filter((m) => m.doc === doc && m.kind === 'money').map((m) => m.text);
    expect(money('utf16le')).toEqual(['$800 million']);
    expect(money('utf16be')).toEqual(['$800 million']);
    expect(money('windows-1252')).toEqual(['€20 million']);
    expect(money('utf8-bom')).toEqual(['€12 million']);
    // The BOM is dropped: offsets count from the first character after it.
    const bom = report.mentions.find((m) => m.doc === 'utf8-bom' && m.kind === 'money')!;
    expect(bom.start).toBe('Plain text with a UTF-8 BOM: Kestrel Bank lent '.length);
  });

  it('dates Markdown by its front matter and HTML by its meta tag, and says what offsets refer to', async () => {
    const r = await runInProcess(['extract', 'bad/front-matter.md', 'bad/saved-page.html', '--format', 'json'], { cwd: dir });
    const report = JSON.parse(r.stdout) as Report;
    expect(report.documents.map((d) => [d.path, d.date, d.dateSource, d.offsets])).toEqual([
      ['bad/front-matter.md', '2024-03-14', 'front-matter', 'file'],
      ['bad/saved-page.html', '2024-11-05', 'meta', 'extracted'],
    ]);
    // Nothing from the front matter or from the page's scripts, styles, comments or navigation is extracted.
    const texts = report.mentions.map((m) => m.text);
    for (const absent of ['$5 billion', '$3 billion', '$2.4 billion', '$99', '$0', '$90', '3%']) expect(texts).not.toContain(absent);
    expect(report.mentions.filter((m) => m.doc === 'front-matter').every((m) => m.line >= 7)).toBe(true);
    expect(report.mentions.filter((m) => m.kind === 'money').map((m) => m.text)).toEqual(['€45 million', '€45 million', '$2.1 billion', '$31.50']);
  });

  it('--strict makes any skipped path an error: exit 2, no report', async () => {
    const r = await runInProcess(['extract', 'bad', '--strict', '--max-file-size', '2MB'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^facts: --strict: \d+ paths were not read; no report written$/m);
  });

  it('--strict passes when everything named was read (a fallback encoding is not a skip)', async () => {
    const r = await runInProcess(['extract', 'bad/windows-1252.txt', 'bad/utf16le.txt', '--strict'], { cwd: dir });
    expect(r.code).toBe(0);
  });

  it('--max-file-size takes a unit and rejects nonsense', async () => {
    const small = await runInProcess(['extract', 'bad/huge-line.txt', '--max-file-size', '500k', '--format', 'json'], { cwd: dir });
    expect(small.code).toBe(2); // the only input was skipped: nothing could be read
    expect(small.stderr).toMatch(/bad\/huge-line\.txt: skipped: \d+ bytes is over the 512000-byte limit/);
    const bad = await runInProcess(['extract', 'bad', '--max-file-size', 'lots'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--max-file-size <size>' argument 'lots' is invalid/);
  });

  it('names a broken link, a loop and a folder given on the command line', async () => {
    const r = await runInProcess(['extract', 'bad/broken.txt', 'bad/self-link.txt', 'bad/folder-named.txt', 'bad/utf8-bom.txt', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.warnings?.map((w) => [w.path, w.code])).toEqual([
      ['bad/broken.txt', 'BROKEN_LINK'],
      ['bad/self-link.txt', 'SYMLINK_LOOP'],
      ['bad/folder-named.txt', 'IS_FOLDER'],
      ['bad/folder-named.txt', 'EMPTY_FOLDER'],
    ]);
  });
});
