// Property tests over arbitrary and hostile strings: no extractor, reader or formatter throws, whatever the text
// (control characters, lone quotation marks, surrogate halves, huge runs). Time per character is measured by
// scripts/stress.ts (`npx tsx scripts/stress.ts regex`), not asserted here.
// Splitting: money, percentages and dates are found the same in a document and in its paragraphs read one by one
// (given the same document date), because each of those extractors reads no further than a sentence. Entities and
// quotes are not: entity kinds and canonical names are decided across the document ("Vos" after "Pieter Vos"), and
// a quote's speaker may be named in the previous paragraph; they are left out of that property on purpose.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractCounts } from '../../src/extract/counts.js';
import { extractDates } from '../../src/extract/dates.js';
import { extractDocument } from '../../src/extract/document.js';
import { extractEntities } from '../../src/extract/entities.js';
import { extractMoney } from '../../src/extract/money.js';
import { extractPercent } from '../../src/extract/percent.js';
import { extractQuotes } from '../../src/extract/quotes.js';
import { extractAges, extractRoles } from '../../src/extract/roles.js';
import { makeContext } from '../../src/extract/text.js';
import type { Found } from '../../src/extract/types.js';
import { findDocumentDate } from '../../src/read/document-date.js';
import { loadHtmlReader, prepare } from '../../src/read/formats.js';
import { run } from '../../src/pipeline.js';
import { FORMAT_NAMES, FORMATTERS } from '../../src/report/index.js';
import { DEFAULT_FORMAT_OPTIONS } from '../../src/report/types.js';

beforeAll(loadHtmlReader);

// Characters that trouble text scanners: every kind of quotation mark, currency and percent signs, digits and
// separators, line breaks and controls, a lone surrogate, capitals (entity candidates), dashes.
const TRICKY = [...'"“”„‟‘’‚\'«»‹›$€£¥%‰0123456789.,;:!?-–—()[] \n\r\t\u0000\u0007\u001b\u0085\u2028\u202e\ud800\udc00AÉZaéz'];
const trickyString = fc.string({ unit: fc.constantFrom(...TRICKY), maxLength: 400 });
const words = fc
  .array(fc.constantFrom('Acme', 'Corp', 'said', '"', '“', '”', "'", '$5', 'million', '12%', 'on', 'Monday', 'March 3, 2025', 'the', 'chief executive', ',', '.', '\n', '\n\n', 'Jane Doe', 'Ltd', '(', ')', 'about', 'between', 'and', '2024', 'per cent', '€1.2bn', '—'), { maxLength: 80 })
  .map((ws) => ws.join(' '));
const anyText = fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 }), trickyString, words);

function allExtractors(text: string): void {
  const ctx = makeContext(text, '2025-06-18');
  const entities = extractEntities(ctx);
  extractMoney(ctx);
  extractPercent(ctx);
  extractDates(ctx);
  extractQuotes(ctx, entities);
  extractRoles(ctx, entities);
  extractAges(ctx, entities);
  extractCounts(ctx);
  findDocumentDate(text);
}

describe('nothing throws on arbitrary text', () => {
  it('no extractor', () => {
    fc.assert(fc.property(anyText, (text) => void allExtractors(text)), { numRuns: 400 });
  });

  it('every mention slices back to its text, within the document', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const r = extractDocument({ id: 'd', path: 'd.txt', text }, { referenceDate: '2025-06-18' });
        for (const m of r.mentions) {
          expect(m.start).toBeGreaterThanOrEqual(0);
          expect(m.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(m.start, m.end)).toBe(m.text);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('no reader (text, Markdown, HTML) and no formatter', () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom('a.txt', 'a.md', 'a.html', '-'), (text, file) => {
        for (const raw of [text, `---\ntitle: ${text}\n---\n${text}`, `<html><body><p>${text}</p><script>${text}</script></body></html>`]) {
          const p = prepare(file, raw);
          if (p.offsets === 'file') expect(p.text.length).toBe(raw.length);
          const report = run([{ path: file, text: p.text }], { referenceDate: '2025-06-18' });
          for (const f of FORMAT_NAMES) FORMATTERS[f](report, { ...DEFAULT_FORMAT_OPTIONS, verbose: true });
        }
      }),
      { numRuns: 60 },
    );
  });
});

// Sentences of news prose: paragraphs built from these are split at blank lines and compared with the whole.
const SENTENCES = [
  'Acme Corp said on Monday it would pay $1.2 billion for Globex Ltd.',
  'The offer is a 28% premium to Friday\'s close, or about €1.1bn.',
  'Shares rose 4.5 per cent to $31.50 in early trading on March 3, 2025.',
  '"We are pleased," said Jane Doe, its chief executive, who is 54.',
  'Revenue fell between 10% and 12% last year, to £300 million.',
  'The deal is expected to close in the first quarter of 2026.',
  'Analysts had expected a price of about $1 billion, the newspaper reported last week.',
  'It employs 4,200 people in 11 countries and was founded in 1998.',
  'He said the talks began in June and ended on Wednesday.',
  '“It is a fair price, she said, and then left.',
];
const paragraphs = fc.array(fc.array(fc.constantFrom(...SENTENCES), { minLength: 1, maxLength: 4 }).map((s) => s.join(' ')), { minLength: 2, maxLength: 6 });

type Extract = (ctx: ReturnType<typeof makeContext>) => Array<Found<unknown>>;
const SPLITTABLE: Array<[string, Extract]> = [
  ['money', (c) => extractMoney(c)],
  ['percent', (c) => extractPercent(c)],
  ['dates', (c) => extractDates(c)],
];

describe('a document split at paragraph boundaries gives the same mentions as the whole', () => {
  it.each(SPLITTABLE)('%s', (_, extract) => {
    fc.assert(
      fc.property(paragraphs, (paras) => {
        const whole = paras.join('\n\n');
        const key = (f: Found<unknown>, shift: number) => JSON.stringify([f.start + shift, f.end + shift, f.value]);
        const all = extract(makeContext(whole, '2025-06-18')).map((f) => key(f, 0));
        const pieces: string[] = [];
        let offset = 0;
        for (const p of paras) {
          pieces.push(...extract(makeContext(p, '2025-06-18')).map((f) => key(f, offset)));
          offset += p.length + 2;
        }
        expect(pieces).toEqual(all);
      }),
      { numRuns: 150 },
    );
  });
});
