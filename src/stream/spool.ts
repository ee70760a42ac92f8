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
const WINDOW = 1 << 16;

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

  /** Appends pieces of text one after the other; returns where they went, as one segment. */
  appendAll(texts: string[]): Segment {
    const at = this.bytes;
    for (const text of texts) this.append(text);
    return { file: this.file, at, length: this.bytes - at };
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
  private readonly windows = new Map<string, { buf: Buffer; at: number; length: number }>();
  // One buffer for every piece bytes() gives: a buffer per segment would churn the allocator and grow the process.
  private readonly piece = Buffer.allocUnsafe(READ_PIECE);

  constructor(readonly dir: string) {}

  private fd(file: string): number {
    let fd = this.fds.get(file);
    if (fd === undefined) {
      fd = openSync(path.join(this.dir, file), 'r');
      this.fds.set(file, fd);
    }
    return fd;
  }

  /**
   * The bytes of a segment, in pieces of about 64 KB (a character may be cut between two). Each piece is a view of
   * the reader's one buffer, which the next piece (of this segment or another) overwrites: use it before asking for
   * the next, and read one segment at a time.
   */
  *bytes(segment: Segment): Generator<Buffer> {
    if (segment.length === 0) return;
    const fd = this.fd(segment.file);
    const buf = this.piece;
    let pos = segment.at;
    const end = segment.at + segment.length;
    while (pos < end) {
      const n = readSync(fd, buf, 0, Math.min(buf.length, end - pos), pos);
      if (n <= 0) throw new Error(`spool file ${segment.file} ends early`);
      pos += n;
      yield buf.subarray(0, n);
    }
  }

  /** The text of a segment, in pieces of about 64 KB (never splitting a character). */
  *pieces(segment: Segment): Generator<string> {
    const decoder = new StringDecoder('utf8');
    for (const bytes of this.bytes(segment)) {
      const text = decoder.write(bytes);
      if (text.length > 0) yield text;
    }
    const rest = decoder.end();
    if (rest.length > 0) yield rest;
  }

  /**
   * The text of a short segment through a window of the file that the next reads may hit: items read in document
   * order lie close together in their file, so most reads cost no system call.
   */
  readNear(segment: Segment): string {
    const w = this.windows.get(segment.file);
    if (w && segment.at >= w.at && segment.at + segment.length <= w.at + w.length) {
      return w.buf.toString('utf8', segment.at - w.at, segment.at - w.at + segment.length);
    }
    if (segment.length > WINDOW) return this.read(segment);
    const buf = w?.buf ?? Buffer.allocUnsafe(WINDOW);
    const length = readSync(this.fd(segment.file), buf, 0, WINDOW, segment.at);
    this.windows.set(segment.file, { buf, at: segment.at, length });
    if (length < segment.length) throw new Error(`spool file ${segment.file} ends early`);
    return buf.toString('utf8', 0, segment.length);
  }

  /** The whole text of a (short) segment. */
  read(segment: Segment): string {
    let text = '';
    for (const piece of this.pieces(segment)) text += piece;
    return text;
  }

  /** The lines of a whole spool file, each with where it is (without its line break). */
  *lines(file: string): Generator<{ line: string; at: Segment }> {
    let carry = '';
    let pos = 0;
    for (const piece of this.pieces({ file, at: 0, length: fstatSync(this.fd(file)).size })) {
      const parts = (carry + piece).split('\n');
      carry = parts.pop()!;
      for (const line of parts) {
        const length = Buffer.byteLength(line, 'utf8');
        if (length > 0) yield { line, at: { file, at: pos, length } };
        pos += length + 1;
      }
    }
    if (carry !== '') yield { line: carry, at: { file, at: pos, length: Buffer.byteLength(carry, 'utf8') } };
  }

  close(): void {
    for (const fd of this.fds.values()) closeSync(fd);
    this.fds.clear();
    this.windows.clear();
  }
}
