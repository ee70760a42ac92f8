// Append-only text files in a private temporary folder: where a streamed report keeps what it cannot hold in memory
// (written mentions and claims, fact items, written facts) until the end of the run. Each file has one writer (the
// thread that extracts into it); reads come after, at byte positions, in pieces.
import { closeSync, fstatSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';

const WRITE_SIZE = 1 << 16;
// The longest text ByteWriter.put encodes straight into its buffer (a UTF-16 unit is at most 3 bytes of UTF-8).
const JOIN_CHARS = Math.floor(WRITE_SIZE / 3);
const READ_PIECE = 1 << 16;
// fields() reads a file it has not loaded in pieces of whole lines this large.
const FIELDS_CHUNK = 1 << 20;
/** How much of a spool file one read through readNear takes at most. */
export const READ_WINDOW = 1 << 16;
const TAB = 9;
const NEWLINE = 10;

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
  private readonly out: ByteWriter;

  constructor(
    readonly dir: string,
    readonly file: string,
  ) {
    const fd = openSync(path.join(dir, file), 'w');
    this.fd = fd;
    this.out = new ByteWriter((chunk) => {
      let off = 0;
      while (off < chunk.length) off += writeSync(fd, chunk, off, chunk.length - off);
    });
  }

  /**
   * Appends pieces of text one after the other; returns where they went, as one segment. Runs of short pieces are
   * joined first, up to what one put copies into the buffer: a document's mentions come in hundreds of pieces, and
   * encoding each on its own cost more than the copy (corpus-2000, one job: 2.8% less CPU).
   */
  appendAll(texts: string[]): Segment {
    const at = this.out.total;
    for (let i = 0; i < texts.length; ) {
      let chars = texts[i].length;
      let j = i + 1;
      while (j < texts.length && chars + texts[j].length <= JOIN_CHARS) chars += texts[j++].length;
      this.out.put(j === i + 1 ? texts[i] : texts.slice(i, j).join(''));
      i = j;
    }
    return { file: this.file, at, length: this.out.total - at };
  }

  /** Appends text; returns where it went. */
  append(text: string): Segment {
    const at = this.out.total;
    this.out.put(text);
    return { file: this.file, at, length: this.out.total - at };
  }

  flush(): void {
    if (this.fd >= 0) this.out.flush();
  }

  close(): void {
    if (this.fd < 0) return;
    this.out.flush();
    closeSync(this.fd);
    this.fd = -1;
  }
}

/**
 * Gathers text and bytes into writes of about 64 KB: large enough for few system calls, small enough to stay out of
 * the heap's large-object space. Text is encoded straight into the one buffer, which is reused: `out` must write or
 * copy each chunk before it returns.
 */
export class ByteWriter {
  private readonly buf = Buffer.allocUnsafe(WRITE_SIZE);
  private used = 0;
  /** Bytes taken so far, written out or not. */
  total = 0;

  constructor(private readonly out: (chunk: Buffer) => void) {}

  put(text: string): void {
    // A UTF-16 unit is at most 3 bytes of UTF-8: text that may not fit goes after a flush, or alone when larger.
    if (text.length * 3 > WRITE_SIZE - this.used) {
      this.flush();
      if (text.length > JOIN_CHARS) {
        const bytes = Buffer.from(text, 'utf8');
        this.total += bytes.length;
        this.out(bytes);
        return;
      }
    }
    const n = this.buf.write(text, this.used, 'utf8');
    this.used += n;
    this.total += n;
  }

  /** The bytes of `bytes` from `start` to `end`, without a view made of them. */
  putRange(bytes: Buffer, start: number, end: number): void {
    const length = end - start;
    if (length > WRITE_SIZE - this.used) {
      this.putBytes(bytes.subarray(start, end));
      return;
    }
    bytes.copy(this.buf, this.used, start, end);
    this.used += length;
    this.total += length;
  }

  putBytes(bytes: Uint8Array): void {
    if (bytes.length > WRITE_SIZE - this.used) {
      this.flush();
      if (bytes.length > WRITE_SIZE) {
        this.total += bytes.length;
        this.out(Buffer.from(bytes));
        return;
      }
    }
    this.buf.set(bytes, this.used);
    this.used += bytes.length;
    this.total += bytes.length;
  }

  flush(): void {
    if (this.used === 0) return;
    this.out(this.buf.subarray(0, this.used));
    this.used = 0;
  }
}

/** Reads the spool files of one folder (each opened once). */
export class SpoolReader {
  private readonly fds = new Map<string, number>();
  private readonly windows = new Map<string, { buf: Buffer; at: number; length: number }>();
  /** Whole files read into memory (load): reads of them cost no system call. */
  private readonly loaded = new Map<string, Buffer>();
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
    const whole = this.loaded.get(segment.file);
    if (whole) {
      for (let pos = segment.at; pos < segment.at + segment.length; pos += READ_PIECE) {
        yield whole.subarray(pos, Math.min(pos + READ_PIECE, segment.at + segment.length));
      }
      return;
    }
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
   * order lie close together in their file, so most reads cost no system call. `reach`: where the last of the next
   * reads that should hit this window ends (the caller knows what it reads next); a read that misses takes the
   * window only that far, so scattered items do not cost 64 KB each.
   */
  readNear(segment: Segment, reach = segment.at + READ_WINDOW): string {
    const whole = this.loaded.get(segment.file);
    if (whole) return whole.toString('utf8', segment.at, segment.at + segment.length);
    const w = this.windows.get(segment.file);
    if (w && segment.at >= w.at && segment.at + segment.length <= w.at + w.length) {
      return w.buf.toString('utf8', segment.at - w.at, segment.at - w.at + segment.length);
    }
    if (segment.length > READ_WINDOW) return this.read(segment);
    const buf = w?.buf ?? Buffer.allocUnsafe(READ_WINDOW);
    const want = Math.min(READ_WINDOW, Math.max(segment.length, reach - segment.at));
    const length = readSync(this.fd(segment.file), buf, 0, want, segment.at);
    this.windows.set(segment.file, { buf, at: segment.at, length });
    if (length < segment.length) throw new Error(`spool file ${segment.file} ends early`);
    return buf.toString('utf8', 0, segment.length);
  }

  /**
   * Reads a whole file into memory when it is no larger than `cap` bytes, so that reads scattered over it (the items
   * of one fact lie far apart) cost no system call; until unload(). A larger file is read through windows.
   */
  load(file: string, cap: number): void {
    const fd = this.fd(file);
    const size = fstatSync(fd).size;
    if (size > cap || this.loaded.has(file)) return;
    const buf = Buffer.allocUnsafe(size);
    let off = 0;
    while (off < size) {
      const n = readSync(fd, buf, off, size - off, off);
      if (n <= 0) throw new Error(`spool file ${file} ends early`);
      off += n;
    }
    this.loaded.set(file, buf);
  }

  unload(file: string): void {
    this.loaded.delete(file);
  }

  /** The whole text of a (short) segment. */
  read(segment: Segment): string {
    let text = '';
    for (const piece of this.pieces(segment)) text += piece;
    return text;
  }

  /**
   * For each line of a whole spool file, its text up to its `count`-th tab (all of it when it has fewer), and where
   * the whole line is. Only those first fields are decoded, not the rest of each line: from memory when the file was
   * loaded, else through a buffer of whole lines (FIELDS_CHUNK, grown for a longer line).
   */
  *fields(file: string, count: number): Generator<{ fields: string; at: Segment }> {
    const whole = this.loaded.get(file);
    if (whole) {
      yield* fieldsOf(whole, whole.length, 0, file, count);
      return;
    }
    const fd = this.fd(file);
    const size = fstatSync(fd).size;
    let buf = Buffer.allocUnsafe(Math.min(FIELDS_CHUNK, Math.max(1, size)));
    // buf[0, filled) holds the file's bytes from `base`.
    let filled = 0;
    let base = 0;
    for (;;) {
      if (base + filled < size && filled < buf.length) {
        const n = readSync(fd, buf, filled, buf.length - filled, base + filled);
        if (n <= 0) throw new Error(`spool file ${file} ends early`);
        filled += n;
      }
      const atEnd = base + filled >= size;
      const end = atEnd ? filled : buf.lastIndexOf(NEWLINE, filled - 1) + 1;
      if (end === 0 && !atEnd) {
        // No whole line yet: read on, or make room for a line longer than the buffer.
        if (filled === buf.length) {
          const bigger = Buffer.allocUnsafe(buf.length * 2);
          buf.copy(bigger, 0, 0, filled);
          buf = bigger;
        }
        continue;
      }
      yield* fieldsOf(buf, end, base, file, count);
      if (atEnd) return;
      buf.copy(buf, 0, end, filled);
      filled -= end;
      base += end;
    }
  }

  close(): void {
    for (const fd of this.fds.values()) closeSync(fd);
    this.fds.clear();
    this.windows.clear();
    this.loaded.clear();
  }
}

/** The lines of buf[0, to) (bytes of a spool file from `base`): each one's text up to its `count`-th tab, and where
 *  the whole line is in the file. Empty lines are skipped. */
function* fieldsOf(buf: Buffer, to: number, base: number, file: string, count: number): Generator<{ fields: string; at: Segment }> {
  for (let pos = 0; pos < to; ) {
    let end = buf.indexOf(NEWLINE, pos);
    if (end < 0 || end > to) end = to;
    let tab = pos - 1;
    for (let k = 0; k < count && tab < end; k++) {
      const t = buf.indexOf(TAB, tab + 1);
      tab = t < 0 || t > end ? end : t;
    }
    if (end > pos) yield { fields: buf.toString('utf8', pos, tab), at: { file, at: base + pos, length: end - pos } };
    pos = end + 1;
  }
}
