// The schema of facts.config.json (zod) and its parser, loaded only when a config file exists: a bad file ends the
// run with one line naming the file, the key and what was expected.
import { z } from 'zod';
import { parseByteSize } from '../read/size.js';
import { FAIL_ON_LEVELS, isCalendarDay } from './config.js';
import { UsageError } from './errors.js';

const nonEmpty = z.string('expected a string').trim().min(1, 'expected a non-empty string');
const globList = z.array(nonEmpty, 'expected an array of glob patterns');
const nameList = z.array(nonEmpty, 'expected an array of strings');

export const Config = z.strictObject({
  /** Optional pointer to this schema, for editors. */
  $schema: z.string().optional(),
  /** Paths or globs read when `facts` is given none, relative to the config file. */
  include: globList.optional(),
  /** Globs of files never read, relative to the config file. */
  exclude: globList.optional(),
  /** Reference date for documents whose own date cannot be found. */
  date: z
    .string('expected a date as "YYYY-MM-DD"')
    .refine(isCalendarDay, 'expected a calendar date as "YYYY-MM-DD"')
    .optional(),
  tolerance: z
    .number('expected a number from 0 to below 1, such as 0.02')
    .min(0, 'expected a number from 0 to below 1, such as 0.02')
    .lt(1, 'expected a number from 0 to below 1, such as 0.02')
    .optional(),
  /** Files larger than this are skipped: bytes, or a size such as "10MB" or "500k". */
  maxFileSize: z
    .union([z.number().int().positive(), z.string()], 'expected a size such as "10MB", "500k" or a number of bytes')
    .refine((v) => parseByteSize(String(v)) !== null, 'expected a size such as "10MB", "500k" or a number of bytes')
    .optional(),
  /** As --strict: any file or path that could not be read ends the run with exit 2. */
  strict: z.boolean('expected true or false').optional(),
  failOn: z.enum(FAIL_ON_LEVELS, `expected one of ${FAIL_ON_LEVELS.map((l) => `"${l}"`).join(', ')}`).optional(),
  /** Baseline file of known conflicts used by `facts check`, relative to the config file. */
  baseline: nonEmpty.optional(),
  ignore: z
    .strictObject(
      {
        /** Facts with these attributes are dropped ("publication date"). */
        attributes: nameList.optional(),
        /** Conflicts with these codes are dropped ("ROLE_MISMATCH"). */
        codes: nameList.optional(),
      },
      'expected an object with "attributes" and/or "codes"',
    )
    .optional(),
  /** Other names of one entity: { "Acme Corporation": "Acme" } reports "Acme Corporation" as "Acme". */
  aliases: z.record(nonEmpty, nonEmpty, 'expected an object mapping a name to its canonical name').optional(),
  /** Names to recognise as organisations, people or places wherever they stand, over the rules' guesses. */
  lexicon: z
    .strictObject(
      {
        organizations: nameList.optional(),
        people: nameList.optional(),
        places: nameList.optional(),
      },
      'expected an object with "organizations", "people" and/or "places"',
    )
    .optional(),
}, 'expected a JSON object');

export type Config = z.infer<typeof Config>;

/** Parses and validates the text of a config file; `shown` names it in the error. */
export function parseConfig(text: string, shown: string): Config {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new UsageError(`${shown}: not valid JSON (${jsonErrorWhere(text, e)})`);
  }
  const parsed = Config.safeParse(data);
  if (!parsed.success) throw new UsageError(`${shown}: ${describeIssue(parsed.error.issues[0], knownKeys)}`);
  return parsed.data;
}

/** "tolerance: expected a number from 0 to below 1, such as 0.02" — the key as a dotted path, then what was wanted. */
export function describeIssue(issue: z.core.$ZodIssue, keysAt: (p: PropertyKey[]) => string | null = () => null): string {
  if (issue.code === 'unrecognized_keys') {
    const where = issue.path.length > 0 ? `${keyPath(issue.path)}.` : '';
    const known = keysAt(issue.path);
    return `${where}${issue.keys[0]}: unknown key${known ? `; expected one of ${known}` : ''}`;
  }
  const key = issue.path.length > 0 ? keyPath(issue.path) : '(top level)';
  return `${key}: ${issue.message}`;
}

function keyPath(p: PropertyKey[]): string {
  return p
    .map((k, i) => {
      if (typeof k === 'number') return `[${k}]`;
      const name = String(k);
      if (!/^[A-Za-z_$][\w$]*$/.test(name)) return `[${JSON.stringify(name)}]`;
      return i === 0 ? name : `.${name}`;
    })
    .join('');
}

function knownKeys(p: PropertyKey[]): string | null {
  const shape = p.length === 0 ? Config.shape : p[0] === 'ignore' ? { attributes: 1, codes: 1 } : p[0] === 'lexicon' ? { organizations: 1, people: 1, places: 1 } : null;
  return shape ? Object.keys(shape).join(', ') : null;
}

// JSON.parse names a character position; people want a line and column.
function jsonErrorWhere(text: string, e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const at = /position (\d+)/.exec(message);
  if (!at) return message.split('\n')[0];
  const before = text.slice(0, Number(at[1]));
  const line = before.split('\n').length;
  const column = Number(at[1]) - before.lastIndexOf('\n');
  return `${message.replace(/\s*(in JSON )?at position \d+.*$/s, '')} at line ${line}, column ${column}`;
}
