// The library API: the CLI is one user of it.
export { extractAll, buildReport, run, type PipelineInput, type PipelineOptions } from './pipeline.js';
export { extractDocument, type DocumentInput, type DocumentResult } from './extract/document.js';
export { mergeFacts, type MergeOptions } from './merge/facts.js';
export { FORMATTERS, FORMAT_NAMES, type FormatName, type FormatOptions } from './report/index.js';
export { readInputs, type InputText } from './read/inputs.js';
export * from './model/report.js';
