// facts.config.json: the settings a project keeps beside its articles, validated with zod (config-schema.ts). A bad
// file ends the run with one line naming the file, the key and what was expected. Flags on the command line override
// the file.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from './config-schema.js';
import { ISO_DAY } from '../model/iso-day.js';
import { UsageError } from './errors.js';

export const CONFIG_FILE = 'facts.config.json';

export const FAIL_ON_LEVELS = ['none', 'warning', 'conflict', 'error'] as const;
export type FailOn = (typeof FAIL_ON_LEVELS)[number];

export type { Config } from './config-schema.js';

export interface LoadedConfig {
  config: Config;
  /** The file it came from, relative to the working directory; null when there is none. */
  file: string | null;
  /** The folder that the config's own paths are relative to. */
  dir: string;
}

/**
 * Reads --config <file>, or facts.config.json in the working directory when it exists. A file named with --config
 * must exist; the default one is optional.
 */
export async function loadConfig(cwd: string, explicit: string | undefined): Promise<LoadedConfig> {
  const file = path.resolve(cwd, explicit ?? CONFIG_FILE);
  const shown = explicit ?? CONFIG_FILE;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (explicit === undefined && code === 'ENOENT') return { config: {}, file: null, dir: cwd };
    throw new UsageError(`${shown}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : `cannot read (${code ?? 'error'})`}`);
  }
  // The schema (and zod, ~70 ms to load) only when there is a file to check.
  const { parseConfig } = await import('./config-schema.js');
  return { config: parseConfig(text, shown), file: shown, dir: path.dirname(file) };
}

export function isCalendarDay(value: string): boolean {
  if (!ISO_DAY.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}
