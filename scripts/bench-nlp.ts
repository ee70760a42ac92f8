// Child process of `npm run bench`: compromise's bare full parse, nlp(text), over the files named in argv (a list
// file), the reference the extractor is measured against. Prints one JSON line: documents, bytes, words, ms, maxRSS.
import { readFileSync } from 'node:fs';
import nlp from 'compromise';

const files = readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean);
let bytes = 0;
let words = 0;
const start = performance.now();
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  bytes += Buffer.byteLength(text);
  // terms().length makes sure the parse really happened (and gives compromise's own word count).
  words += nlp(text).terms().length;
}
const ms = performance.now() - start;
process.stdout.write(`${JSON.stringify({ docs: files.length, bytes, words, ms, maxRssKB: process.resourceUsage().maxRSS })}\n`);
