// Turns a file's bytes into text: BOMs, UTF-16, a Windows-1252 fallback for invalid UTF-8, and binary refusal.

export type Decoded =
  | { ok: true; text: string; encoding: string; warning?: string }
  | { ok: false; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decode(bytes: Uint8Array): Decoded {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  const body = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  if (looksBinary(body)) return { ok: false, reason: 'binary content (NUL bytes), not a text file' };
  try {
    return { ok: true, text: utf8.decode(body), encoding: 'utf-8' };
  } catch {
    return {
      ok: true,
      text: new TextDecoder('windows-1252').decode(body),
      encoding: 'windows-1252',
      warning: 'not valid UTF-8; read as Windows-1252',
    };
  }
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}
