// Everything the CLI needs from the outside world, passed in so tests can run it in-process.
export interface CliIo {
  stdout: (text: string) => void;
  /** Standard output for bytes (UTF-8), when the caller can take them: streamed reports skip decoding. It must
   *  write or copy the bytes before it returns: the caller reuses the buffer. */
  stdoutBytes?: (bytes: Uint8Array) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: Record<string, string | undefined>;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  columns?: number;
  readStdin?: () => Promise<Uint8Array>;
}

export const EXIT = {
  OK: 0,
  /** `facts check` found conflicts at or above --fail-on. */
  CONFLICTS: 1,
  /** Bad usage, bad configuration, or no input could be read. */
  USAGE: 2,
} as const;

/** Colour only on a terminal; NO_COLOR wins over a terminal, FORCE_COLOR over a pipe, --no-color over both. */
export function useColor(io: CliIo, flag: boolean | undefined, toFile: boolean): boolean {
  if (flag === false || toFile) return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined) return io.env.FORCE_COLOR !== '0' && io.env.FORCE_COLOR !== 'false';
  return io.stdoutIsTTY;
}
