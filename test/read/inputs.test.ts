import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decode } from '../../src/read/decode.js';
import { readInputs } from '../../src/read/inputs.js';
import { tempDir } from '../temp.js';

let dir: string;

beforeAll(async () => {
  dir = tempDir('read');
  await mkdir(path.join(dir, 'news', 'deep'), { recursive: true });
  await writeFile(path.join(dir, 'news', 'b.txt'), 'Second.');
  await writeFile(path.join(dir, 'news', 'a.md'), '\ufeffFirst.\r\nLine two.');
  await writeFile(path.join(dir, 'news', 'deep', 'c.txt'), 'Third.');
  await writeFile(path.join(dir, 'news', 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]));
  await writeFile(path.join(dir, 'binary.txt'), Buffer.from([0x41, 0, 0x42]));
  await writeFile(path.join(dir, 'latin1.txt'), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x2e]));
  await mkdir(path.join(dir, 'empty'));
  await symlink(path.join(dir, 'news'), path.join(dir, 'news', 'deep', 'loop'));
});

describe('readInputs', () => {
  it('walks folders recursively in sorted order, text files only, with relative forward-slash paths', async () => {
    const { inputs } = await readInputs(['news'], { cwd: dir });
    expect(inputs.map((i) => i.path)).toEqual(['news/a.md', 'news/b.txt', 'news/deep/c.txt']);
  });

  it('drops a UTF-8 BOM and keeps CRLF as read', async () => {
    const { inputs } = await readInputs(['news/a.md'], { cwd: dir });
    expect(inputs[0].text).toBe('First.\r\nLine two.');
  });

  it('reports a symlink loop once and carries on', async () => {
    const { warnings } = await readInputs(['news'], { cwd: dir });
    expect(warnings.map((w) => w.code)).toContain('SYMLINK_LOOP');
  });

  it('reports a missing path and still reads the others', async () => {
    const { inputs, warnings } = await readInputs(['missing.txt', 'news/b.txt'], { cwd: dir });
    expect(inputs.map((i) => i.path)).toEqual(['news/b.txt']);
    expect(warnings).toEqual([{ path: 'missing.txt', code: 'NOT_FOUND', message: 'no such file or folder' }]);
  });

  it('expands glob patterns', async () => {
    const { inputs } = await readInputs(['news/**/*.txt'], { cwd: dir });
    expect(inputs.map((i) => i.path)).toEqual(['news/b.txt', 'news/deep/c.txt']);
  });

  it('skips binary files with a warning and falls back to Windows-1252 for invalid UTF-8', async () => {
    const { inputs, warnings } = await readInputs(['binary.txt', 'latin1.txt'], { cwd: dir });
    expect(inputs).toEqual([{ path: 'latin1.txt', text: 'Café.', offsets: 'file' }]);
    expect(warnings.map((w) => [w.path, w.code])).toEqual([
      ['binary.txt', 'BINARY'],
      ['latin1.txt', 'ENCODING'],
    ]);
  });

  it('reads files ahead but keeps inputs and warnings in listing order', async () => {
    // More files than are read at once, the first ones large (their reads finish after later small ones), with
    // empty and binary files among them: the warnings must still come in path order.
    const many = path.join(dir, 'many');
    await mkdir(many);
    const expected: { inputs: Array<[string, number]>; warnings: Array<[string, string]> } = { inputs: [], warnings: [] };
    for (let i = 0; i < 50; i++) {
      const name = `many/f${String(i).padStart(2, '0')}.txt`;
      if (i % 7 === 3) {
        await writeFile(path.join(dir, name), '');
        expected.warnings.push([name, 'EMPTY']);
      } else if (i % 11 === 5) {
        await writeFile(path.join(dir, name), Buffer.from([0x41, 0, 0x42]));
        expected.warnings.push([name, 'BINARY']);
      } else {
        const text = `Document ${i}. `.repeat(i < 4 ? 60_000 : 1 + i);
        await writeFile(path.join(dir, name), text);
        expected.inputs.push([name, text.length]);
      }
    }
    const { inputs, warnings } = await readInputs(['many'], { cwd: dir });
    expect(inputs.map((x) => [x.path, x.text.length])).toEqual(expected.inputs);
    expect(inputs[10]?.text.startsWith(`Document ${Number(inputs[10]?.path.slice(6, 8))}. `)).toBe(true);
    expect(warnings.map((w) => [w.path, w.code])).toEqual(expected.warnings);
  });

  it('warns about a folder with no text files', async () => {
    const { warnings } = await readInputs(['empty'], { cwd: dir });
    expect(warnings).toEqual([{ path: 'empty', code: 'EMPTY_FOLDER', message: 'no text files in this folder' }]);
  });

  it('reads standard input for "-"', async () => {
    const { inputs } = await readInputs(['-'], { cwd: dir, readStdin: async () => Buffer.from('From stdin.') });
    expect(inputs).toEqual([{ path: '-', text: 'From stdin.', offsets: 'file' }]);
  });
});

describe('decode', () => {
  it('reads UTF-16 with a BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Hi €', 'utf16le')]);
    expect(decode(le)).toEqual({ ok: true, text: 'Hi €', encoding: 'utf-16le' });
    const be = Buffer.from([0xfe, 0xff, 0x00, 0x48, 0x00, 0x69]);
    expect(decode(be)).toEqual({ ok: true, text: 'Hi', encoding: 'utf-16be' });
  });
});
