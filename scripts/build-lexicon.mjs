// Build step: writes compromise's word -> tag lexicon and its organisation words as plain JSON next to the compiled
// extractor, so the installed CLI reads 0.6 MB of JSON (~15 ms) instead of loading compromise (~0.4 s) on every run;
// the organisation words apart, as merging needs only them. Generated, never committed:
// dist/extract/lexicon/compromise.generated.json and compromise-org-words.generated.json. Run by `npm run build`.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nlp from 'compromise';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.join(root, 'dist', 'extract', 'lexicon');
const model = nlp.model();
mkdirSync(dir, { recursive: true });
const out = path.join(dir, 'compromise.generated.json');
writeFileSync(out, JSON.stringify({ version: nlp.version, lexicon: model.one.lexicon }));
writeFileSync(path.join(dir, 'compromise-org-words.generated.json'), JSON.stringify({ version: nlp.version, orgWords: model.two.orgWords }));
console.log(`${path.relative(root, out)}: ${Object.keys(model.one.lexicon).length} words (compromise ${nlp.version})`);
