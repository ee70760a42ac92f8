// --out writes through a temporary file and a rename, except into things that are not regular files.
import { execFileSync } from 'node:child_process';
import { lstatSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeAtomically } from '../../src/cli/output.js';
import { tempDir } from '../temp.js';

describe('writeAtomically', () => {
  it('replaces a regular file and leaves no temporary file behind', async () => {
    const dir = tempDir('out');
    const file = path.join(dir, 'report.json');
    writeFileSync(file, 'old');
    await writeAtomically(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['report.json']);
  });

  it('writes into a FIFO instead of replacing it with a file', async () => {
    const dir = tempDir('out');
    const fifo = path.join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const reader = import('node:fs/promises').then((fs) => fs.readFile(fifo, 'utf8'));
    await writeAtomically(fifo, 'through the pipe');
    expect(await reader).toBe('through the pipe');
    expect(statSync(fifo).isFIFO()).toBe(true);
  });

  it('keeps a symbolic link and replaces the file it points to', async () => {
    const dir = tempDir('out');
    writeFileSync(path.join(dir, 'real.json'), 'old');
    symlinkSync('real.json', path.join(dir, 'link.json'));
    await writeAtomically(path.join(dir, 'link.json'), 'new');
    expect(lstatSync(path.join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(dir, 'real.json'), 'utf8')).toBe('new');
  });

  it('leaves the old file whole when the write fails', async () => {
    const dir = tempDir('out');
    const file = path.join(dir, 'report.json');
    writeFileSync(file, 'old');
    await expect(writeAtomically(path.join(dir, 'missing-dir', 'x.json'), 'new')).rejects.toThrow();
    expect(readFileSync(file, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['report.json']);
  });
});
