// Extraction keeps nothing of one document for the next (a document's caches live in its own env): each result must
// be the same whatever was extracted before it, and the same when the same text comes twice in a row.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/extract/document.js';

const dirs = ['seeds', 'fixtures/gold/port-strike', 'fixtures/gold/biotech-deal', 'fixtures/gold/stadium-fire'];
const docs = dirs.flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => /\.(?:txt|md)$/.test(f))
    .sort()
    .map((f) => ({ id: f, path: path.join(dir, f), text: readFileSync(path.join(dir, f), 'utf8') })),
);

describe('extraction of one document does not depend on the documents before it', () => {
  it('has documents to compare', () => {
    expect(docs.length).toBeGreaterThanOrEqual(10);
  });

  it('gives the same mentions and claims in reverse order and twice in a row', () => {
    const forward = docs.map((d) => extractDocument(d));
    const backward = [...docs].reverse().map((d) => extractDocument(d)).reverse();
    const again = docs.map((d) => {
      extractDocument(d);
      return extractDocument(d);
    });
    docs.forEach((d, i) => {
      expect(backward[i], d.path).toEqual(forward[i]);
      expect(again[i], d.path).toEqual(forward[i]);
    });
    // The comparison has substance: people and organisations were found.
    expect(forward.flatMap((r) => r.mentions).filter((m) => m.kind === 'person').length).toBeGreaterThan(20);
    expect(forward.flatMap((r) => r.mentions).filter((m) => m.kind === 'organization').length).toBeGreaterThan(20);
  });
});
