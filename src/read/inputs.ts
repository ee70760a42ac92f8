// Finds the input documents named on the command line (files, folders, globs, "-") and reads them as text.
// Only this folder touches the disk. Problems become warnings naming the path; the run goes on.
import { readFile, readdir, stat, realpath } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import type { Warning } from '../model/report.js';
import { decode } from './decode.js';

/** Extensions read when walking a folder; files named explicitly are read whatever their extension. */
export const TEXT_EXTENSIONS = new Set(['.txt', '.text', '.md', '.markdown']);

export interface InputText {
  /** Path relative to the working directory, forward slashes; "-" for standard input. */
  path: string;
  text: string;
}

export interface ReadResult {
  inputs: InputText[];
  warnings: Warning[];
}

export interface ReadOptions {
  cwd: string;
  /** Reads standard input when "-" is among the paths. */
  readStdin?: () => Promise<Uint8Array>;
  maxFileSize?: number;
}

const DEFAULT_MAX_FILE_SIZE = 50 * 1024 * 1024;

export async function readInputs(paths: string[], options: ReadOptions): Promise<ReadResult> {
  const warnings: Warning[] = [];
  const files = new Set<string>();
  let stdin: InputText | undefined;

  for (const arg of paths) {
    if (arg === '-') {
      if (!options.readStdin) {
        warnings.push(warn('-', 'STDIN_UNAVAILABLE', 'standard input is not available'));
        continue;
      }
      const decoded = decode(await options.readStdin());
      if (decoded.ok) stdin = { path: '-', text: decoded.text };
      else warnings.push(warn('-', 'BINARY', decoded.reason));
      continue;
    }
    const abs = path.resolve(options.cwd, arg);
    const info = await stat(abs).catch((e: NodeJS.ErrnoException) => e);
    if (info instanceof Error) {
      if (isDynamicPattern(arg)) {
        const matches = await glob(arg, { cwd: options.cwd, absolute: true, onlyFiles: true, dot: false, followSymbolicLinks: false });
        if (matches.length === 0) warnings.push(warn(arg, 'NO_MATCH', 'the pattern matches no file'));
        for (const m of matches) files.add(m);
      } else {
        warnings.push(warn(arg, errorCode(info), describeError(info)));
      }
      continue;
    }
    if (info.isDirectory()) {
      const before = files.size;
      await walk(abs, files, warnings, options.cwd, new Set());
      if (files.size === before) warnings.push(warn(relative(options.cwd, abs), 'EMPTY_FOLDER', 'no text files in this folder'));
    } else {
      files.add(abs);
    }
  }

  const sorted = [...files].sort((a, b) => compare(relative(options.cwd, a), relative(options.cwd, b)));
  const inputs: InputText[] = [];
  for (const file of sorted) {
    const rel = relative(options.cwd, file);
    const read = await readOne(file, options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE);
    if ('warning' in read && read.warning) warnings.push(warn(rel, read.warning.code, read.warning.message));
    if ('text' in read && read.text !== undefined) inputs.push({ path: rel, text: read.text });
  }
  if (stdin) inputs.push(stdin);
  return { inputs, warnings };
}

async function readOne(
  file: string,
  maxSize: number,
): Promise<{ text?: string; warning?: { code: string; message: string } }> {
  try {
    const info = await stat(file);
    if (info.size > maxSize) {
      return { warning: { code: 'TOO_LARGE', message: `skipped: ${info.size} bytes is over the ${maxSize}-byte limit` } };
    }
    const decoded = decode(await readFile(file));
    if (!decoded.ok) return { warning: { code: 'BINARY', message: `skipped: ${decoded.reason}` } };
    if (decoded.text.trim() === '') return { text: decoded.text, warning: { code: 'EMPTY', message: 'the file is empty' } };
    return decoded.warning
      ? { text: decoded.text, warning: { code: 'ENCODING', message: decoded.warning } }
      : { text: decoded.text };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return { warning: { code: errorCode(err), message: `skipped: ${describeError(err)}` } };
  }
}

async function walk(dir: string, out: Set<string>, warnings: Warning[], cwd: string, seen: Set<string>): Promise<void> {
  const real = await realpath(dir).catch(() => dir);
  if (seen.has(real)) {
    warnings.push(warn(relative(cwd, dir), 'SYMLINK_LOOP', 'skipped: a symbolic link loops back to a folder already read'));
    return;
  }
  seen.add(real);
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    warnings.push(warn(relative(cwd, dir), errorCode(e as NodeJS.ErrnoException), describeError(e as NodeJS.ErrnoException)));
    return;
  }
  entries.sort((a, b) => compare(a.name, b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      const target = await stat(full).catch((e: NodeJS.ErrnoException) => e);
      if (target instanceof Error) {
        warnings.push(warn(relative(cwd, full), 'BROKEN_LINK', `skipped: ${describeError(target)}`));
        continue;
      }
      isDir = target.isDirectory();
      isFile = target.isFile();
    }
    if (isDir) await walk(full, out, warnings, cwd, seen);
    else if (isFile && TEXT_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) out.add(full);
  }
}

function relative(cwd: string, file: string): string {
  const rel = path.relative(cwd, file);
  return (rel === '' ? '.' : rel).split(path.sep).join('/');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function warn(p: string, code: string, message: string): Warning {
  return { path: p, code, message };
}

function errorCode(err: NodeJS.ErrnoException): string {
  switch (err.code) {
    case 'ENOENT':
      return 'NOT_FOUND';
    case 'EACCES':
    case 'EPERM':
      return 'UNREADABLE';
    case 'ELOOP':
      return 'SYMLINK_LOOP';
    case 'EISDIR':
      return 'IS_FOLDER';
    default:
      return 'READ_ERROR';
  }
}

function describeError(err: NodeJS.ErrnoException): string {
  switch (err.code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'EISDIR':
      return 'is a folder';
    default:
      return err.code ? `cannot read (${err.code})` : 'cannot read';
  }
}
