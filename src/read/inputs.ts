// Finds the input documents named on the command line (files, folders, globs, "-") and reads them as text.
// Only this folder touches the disk. Problems become warnings naming the path; the run goes on.
import { createReadStream, readFile as readFileCallback, stat as statCallback } from 'node:fs';
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { glob, isDynamicPattern } from 'tinyglobby';
import type { Warning } from '../model/report.js';
import { decode } from './decode.js';
import { loadHtmlReader, mayBeHtml, prepare } from './formats.js';

/** Extensions read when walking a folder; files named explicitly are read whatever their extension. */
export const TEXT_EXTENSIONS = new Set(['.txt', '.text', '.md', '.markdown', '.html', '.htm']);

export interface InputText {
  /** Path relative to the working directory, forward slashes; "-" for standard input. */
  path: string;
  /** The article text: the file as decoded (front matter blanked), or the text extracted from HTML. */
  text: string;
  /** What offsets into `text` mean: 'file' = the decoded file, 'extracted' = the text extracted from HTML. */
  offsets?: 'file' | 'extracted';
  /** The document's date when the file's metadata gives it (front matter, HTML meta or time tags). */
  date?: string;
  dateSource?: string;
  title?: string;
  url?: string;
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

export const DEFAULT_MAX_FILE_SIZE = 50 * 1024 * 1024;

/**
 * Warning codes that mean a path named or found was not read at all (`--strict` fails on them). Not among them:
 * ENCODING (the file was read, with a fallback encoding) and NOT_TEXT (a folder's image or PDF, never an input).
 */
export const SKIP_CODES = new Set([
  'NOT_FOUND',
  'UNREADABLE',
  'READ_ERROR',
  'NO_MATCH',
  'STDIN_UNAVAILABLE',
  'BINARY',
  'TOO_LARGE',
  'EMPTY',
  'EMPTY_FOLDER',
  'BROKEN_LINK',
  'SYMLINK_LOOP',
  'IS_FOLDER',
  'NOT_A_FILE',
  'NO_TEXT',
  'UNPARSABLE',
]);

/** The files the paths name (sorted by path), standard input when named (read now), and what could not be listed. */
export interface InputList {
  files: Array<{ file: string; path: string }>;
  stdin?: InputText;
  warnings: Warning[];
}

export async function readInputs(paths: string[], options: ReadOptions): Promise<ReadResult> {
  return readListed(await listInputs(paths, options), options.maxFileSize);
}

/**
 * Files read at once. One at a time, each read waited for its open, stat, read and close to come back from libuv's
 * threads in turn: 2,000 files of 8 KB took 0.75 s. A few reads ahead keep those threads busy, and at most this many
 * files are held before their turn.
 */
const READ_AHEAD = 16;

/** Reads the listed files in order: the inputs (standard input last) and every warning, the listing's first. */
export async function readListed(list: InputList, maxFileSize?: number): Promise<ReadResult> {
  const inputs: InputText[] = [];
  const warnings = [...list.warnings];
  const files = list.files;
  // readInputFile never rejects (a failed read is a warning), so a read started ahead cannot go unhandled.
  const ahead = new Map<number, ReturnType<typeof readInputFile>>();
  const start = (i: number): void => {
    if (i < files.length) ahead.set(i, readInputFile(files[i]!.file, files[i]!.path, maxFileSize));
  };
  for (let i = 0; i < READ_AHEAD; i++) start(i);
  for (let i = 0; i < files.length; i++) {
    const read = await ahead.get(i)!;
    ahead.delete(i);
    start(i + READ_AHEAD);
    if (read.warning) warnings.push(read.warning);
    if (read.input) inputs.push(read.input);
  }
  if (list.stdin) inputs.push(list.stdin);
  return { inputs, warnings };
}

// Each document's file is read with the callback API: fs/promises opens a FileHandle per file, and 2,000 files of
// 8 KB took 135-150 ms of this thread's time with it, 53-79 ms without.
const readWhole = promisify(readFileCallback);
const statOf = promisify(statCallback);

/** One listed file read and decoded, or the warning that says why not (ENCODING comes with the input). */
export async function readInputFile(file: string, rel: string, maxFileSize = DEFAULT_MAX_FILE_SIZE): Promise<{ input?: InputText; warning?: Warning }> {
  const read = await readOne(file, rel, maxFileSize);
  return { ...(read.input ? { input: read.input } : {}), ...(read.warning ? { warning: warn(rel, read.warning.code, read.warning.message) } : {}) };
}

/** Lists what the paths name without reading the files (standard input is read: it cannot be read twice). */
export async function listInputs(paths: string[], options: ReadOptions): Promise<InputList> {
  const warnings: Warning[] = [];
  const files = new Set<string>();
  let stdin: InputText | undefined;

  for (const arg of paths) {
    if (arg === '-') {
      if (!options.readStdin) {
        warnings.push(warn('-', 'STDIN_UNAVAILABLE', 'standard input is not available'));
        continue;
      }
      const bytes = await options.readStdin();
      if (mayBeHtml('-', bytes)) await loadHtmlReader();
      const read = textOf('-', bytes);
      if (read.warning) warnings.push(warn('-', read.warning.code, read.warning.message));
      if (read.input) stdin = read.input;
      continue;
    }
    const abs = path.resolve(options.cwd, arg);
    const info = await stat(abs).catch((e: NodeJS.ErrnoException) => e);
    if (info instanceof Error) {
      if (isDynamicPattern(arg)) {
        const matches = await glob(arg, { cwd: options.cwd, absolute: true, onlyFiles: true, dot: false, followSymbolicLinks: false });
        if (matches.length === 0) warnings.push(warn(arg, 'NO_MATCH', 'the pattern matches no file'));
        for (const m of matches) files.add(m);
      } else if (info.code === 'ENOENT' && (await isSymlink(abs))) {
        warnings.push(warn(arg, 'BROKEN_LINK', 'skipped: a symbolic link to nothing (broken link)'));
      } else {
        warnings.push(warn(arg, errorCode(info), describeError(info)));
      }
      continue;
    }
    if (info.isDirectory()) {
      const before = files.size;
      const rel = relative(options.cwd, abs);
      if (TEXT_EXTENSIONS.has(path.extname(abs).toLowerCase())) {
        warnings.push(warn(rel, 'IS_FOLDER', 'a folder named like a file; read as a folder'));
      }
      await walk(abs, files, warnings, options.cwd, new Set());
      if (files.size === before) warnings.push(warn(rel, 'EMPTY_FOLDER', 'no text files in this folder'));
    } else {
      files.add(abs);
    }
  }

  const listed = [...files].map((file) => ({ file, path: relative(options.cwd, file) })).sort((a, b) => compare(a.path, b.path));
  return { files: listed, ...(stdin ? { stdin } : {}), warnings };
}

interface ReadOne {
  input?: InputText;
  warning?: { code: string; message: string };
}

async function readOne(file: string, rel: string, maxSize: number): Promise<ReadOne> {
  try {
    const info = await statOf(file);
    if (info.size > maxSize) {
      return { warning: { code: 'TOO_LARGE', message: `skipped: ${info.size} bytes is over the ${maxSize}-byte limit (--max-file-size)` } };
    }
    if (info.isDirectory()) return { warning: { code: 'IS_FOLDER', message: 'skipped: is a folder' } };
    // Pipes and devices (/dev/zero, <(…)) report no size: read them in chunks up to the limit instead.
    const bytes = info.isFile() ? await readWhole(file) : await readCapped(file, maxSize);
    if (bytes === null) {
      return { warning: { code: 'TOO_LARGE', message: `skipped: more than the ${maxSize}-byte limit (--max-file-size)` } };
    }
    if (mayBeHtml(rel, bytes)) await loadHtmlReader();
    return textOf(rel, bytes);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return { warning: { code: errorCode(err), message: `skipped: ${describeError(err)}` } };
  }
}

/** Decodes and prepares one file's bytes; a file with no text left is named in a warning, not passed on. */
function textOf(rel: string, bytes: Uint8Array): ReadOne {
  const decoded = decode(bytes);
  if (!decoded.ok) return { warning: { code: 'BINARY', message: `skipped: ${decoded.reason}` } };
  if (decoded.text.trim() === '') return { warning: { code: 'EMPTY', message: 'skipped: the file is empty' } };
  const p = prepare(rel, decoded.text);
  if (p.error) return { warning: { code: 'UNPARSABLE', message: `skipped: ${p.error}` } };
  if (p.text.trim() === '') {
    const what = p.format === 'html' ? 'no article text found in this HTML page' : 'nothing but front matter in this file';
    return { warning: { code: 'NO_TEXT', message: `skipped: ${what}` } };
  }
  const input: InputText = {
    path: rel,
    text: p.text,
    offsets: p.offsets,
    ...(p.date ? { date: p.date, dateSource: p.dateSource } : {}),
    ...(p.title ? { title: p.title } : {}),
    ...(p.url ? { url: p.url } : {}),
  };
  return decoded.warning ? { input, warning: { code: 'ENCODING', message: decoded.warning } } : { input };
}

/** Reads a stream up to `max` bytes; null when there is more. */
async function readCapped(file: string, max: number): Promise<Uint8Array | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of createReadStream(file)) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > max) return null;
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

async function isSymlink(file: string): Promise<boolean> {
  const info = await lstat(file).catch(() => null);
  return info?.isSymbolicLink() ?? false;
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
  const visible = entries.filter((e) => !e.name.startsWith('.'));
  // The top folder's emptiness is reported by the caller (as "no text files"); a nested empty one is named here.
  if (visible.length === 0 && seen.size > 1) warnings.push(warn(relative(cwd, dir), 'EMPTY_FOLDER', 'an empty folder'));
  for (const entry of visible) {
    const full = path.join(dir, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      const target = await stat(full).catch((e: NodeJS.ErrnoException) => e);
      if (target instanceof Error) {
        const code = target.code === 'ELOOP' ? 'SYMLINK_LOOP' : 'BROKEN_LINK';
        warnings.push(warn(relative(cwd, full), code, `skipped: ${target.code === 'ENOENT' ? 'a symbolic link to nothing (broken link)' : describeError(target)}`));
        continue;
      }
      isDir = target.isDirectory();
      isFile = target.isFile();
    }
    const named = TEXT_EXTENSIONS.has(path.extname(entry.name).toLowerCase());
    if (isDir && named) warnings.push(warn(relative(cwd, full), 'IS_FOLDER', 'a folder named like a file; read as a folder'));
    if (isDir) await walk(full, out, warnings, cwd, seen);
    else if (isFile && named) out.add(full);
    // Nothing in a folder goes unmentioned: a stray PDF or image is named, as is a pipe or socket.
    else if (isFile) warnings.push(warn(relative(cwd, full), 'NOT_TEXT', `not read: ${describeExtension(entry.name)} is not a text format (${[...TEXT_EXTENSIONS].join(' ')})`));
    else warnings.push(warn(relative(cwd, full), 'NOT_A_FILE', 'not read: not a regular file (a pipe, socket or device)'));
  }
}

function describeExtension(name: string): string {
  const ext = path.extname(name);
  return ext ? ext : 'a file without an extension';
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
