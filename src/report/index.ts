// The registry of output formats: the CLI's --format choices are its keys.
import { formatCsv } from './csv.js';
import { formatGithub } from './github.js';
import { formatHtml } from './html.js';
import { formatJson, formatNdjson, jsonPieces, ndjsonPieces } from './json.js';
import { formatJunit } from './junit.js';
import { formatMarkdown } from './markdown.js';
import { formatSarif } from './sarif.js';
import { formatTable } from './table.js';
import type { Report } from '../model/report.js';
import type { Formatter } from './types.js';

export const FORMATTERS = {
  table: formatTable,
  json: formatJson,
  ndjson: formatNdjson,
  csv: formatCsv,
  markdown: formatMarkdown,
  html: formatHtml,
  github: formatGithub,
  sarif: formatSarif,
  junit: formatJunit,
} satisfies Record<string, Formatter>;

export type FormatName = keyof typeof FORMATTERS;

/** Formats that can also be written in pieces, for reports longer than one string can be (the same bytes). */
export const PIECEWISE: Partial<Record<FormatName, (report: Report) => Iterable<string>>> = { json: jsonPieces, ndjson: ndjsonPieces };
/** Formats that read only a report's facts and summary, never its documents' mentions or claims: a large run's report
 *  for them is made without those (StreamedReport.collect). A test holds each to it. */
export const FACTS_ONLY: ReadonlySet<FormatName> = new Set<FormatName>(['table', 'csv', 'markdown', 'github', 'junit']);
export const FORMAT_NAMES = Object.keys(FORMATTERS) as FormatName[];
export { DEFAULT_FORMAT_OPTIONS, type FormatOptions, type Formatter } from './types.js';
