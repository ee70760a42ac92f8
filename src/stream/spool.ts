// Append-only text files in a private temporary folder: where a streamed report keeps what it cannot hold in memory
// (written mentions and claims, fact items, written facts) until the end of the run. Each file has one writer (the
// thread that extracts into it); reads come after, at byte positions, in pieces.
import { closeSync, fstatSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';

// Small enough that no piece lands in the heap's large-object space, large enough for few system calls.
const FLUSH_AT = 1 << 16;
const READ_PIECE = 1 << 16;

/** A new private folder for one run's spool files. */
export function makeSpoolDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'facts-'));
}

export function removeSpoolDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Where some text was written: the spool file's name in the folder, its byte position and length. */
export interface Segment {
  file: string;
  at: number;
  length: number;
}

export class SpoolWriter {
  private fd: number;
  private pending: string[] = [];
  private pendingLength = 0;
  /** Bytes written so far (flushed or not): the position of the next append. */
  private bytes = 0;

  constructor(
    readonly dir: string,
    readonly file: string,
  ) {
    this.fd = openSync(path.join(dir, file), 'w');
  }

  /** Appends text; returns where it went. */
  append(text: string): Segment {
    const at = this.bytes;
    const length = Buffer.byteLength(text, 'utf8');
    if (length > 0) {
      this.pending.push(text);
      this.pendingLength += text.length;
      this.bytes += length;
      if (this.pendingLength >= FLUSH_AT) this.flush();
    }
    return { file: this.file, at, length };
  }

  flush(): void {
    if (this.pending.length === 0 || this.fd < 0) return;
    const buf = Buffer.from(this.pending.join(''), 'utf8');
    let off = 0;
    while (off < buf.length) off += writeSync(this.fd, buf, off, buf.length - off);
    this.pending = [];
    this.pendingLength = 0;
  }

  close(): void {
    if (this.fd < 0) return;
    this.flush();
    closeSync(this.fd);
    this.fd = -1;
  }
}

/** Reads the spool files of one folder (each opened once). */
export class SpoolReader {
  private readonly fds = new Map<string, number>();

  constructor(readonly dir: string) {}

  private fd(file: string): number {
    let fd = this.fds.get(file);
    if (fd === undefined) {
      fd = openSync(path.join(this.dir, file), 'r');
      this.fds.set(file, fd);
    }
    return fd;
  }

  /** The text of a segment, in pieces of about 64 KB (never splitting a character). */
  *pieces(segment: Segment): Generator<string> {
    if (segment.length === 0) return;
    const fd = this.fd(segment.file);
    const buf = Buffer.allocUnsafe(Math.min(READ_PIECE, segment.length));
    const decoder = new StringDecoder('utf8');
    let pos = segment.at;
    const end = segment.at + segment.length;
    while (pos < end) {
      const n = readSync(fd, buf, 0, Math.min(buf.length, end - pos), pos);
      if (n <= 0) throw new Error(`spool file ${segment.file} ends early`);
      pos += n;
      const text = decoder.write(buf.subarray(0, n));
      if (text.length > 0) yield text;
    }
    const rest = decoder.end();
    if (rest.length > 0) yield rest;
  }

  /** The whole text of a (short) segment. */
  read(segment: Segment): string {
    let text = '';
    for (const piece of this.pieces(segment)) text += piece;
    return text;
  }

  /** The lines of a whole spool file. */
  *lines(file: string): Generator<string> {
    let carry = '';
    for (const piece of this.pieces({ file, at: 0, length: fstatSync(this.fd(file)).size })) {
      const parts = (carry + piece).split('\n');
      carry = parts.pop()!;
      for (const p of parts) if (p !== '') yield p;
    }
    if (carry !== '') yield carry;
  }

  close(): void {
    for (const fd of this.fds.values()) closeSync(fd);
    this.fds.clear();
  }
}
