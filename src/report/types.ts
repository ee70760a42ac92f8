// What every formatter gets besides the report. Colour and width are decided by the CLI, never inside a formatter.
import type { Report } from '../model/report.js';

export interface FormatOptions {
  color: boolean;
  /** Terminal width in columns for the table. */
  width: number;
  /** Add the evidence sentence under each value. */
  verbose: boolean;
  /** Only conflicts. */
  quiet: boolean;
  /** Each document's text by document id (what mention offsets point into), for formats that show the articles. */
  texts?: Record<string, string>;
}

export type Formatter = (report: Report, options: FormatOptions) => string;

export const DEFAULT_FORMAT_OPTIONS: FormatOptions = { color: false, width: 100, verbose: false, quiet: false };
