// Byte sizes as people write them: "50MB", "10M", "500k", "1.5 GiB", or a plain number of bytes.
// Units are binary (k = 1024 bytes), as file managers and `du -h` count.

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 };

/** Bytes, or null when `text` is not a size. */
export function parseByteSize(text: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(?:i?b)?\s*$/i.exec(text);
  if (!m) return null;
  const n = Math.floor(Number(m[1]) * UNITS[m[2].toLowerCase()]);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}
