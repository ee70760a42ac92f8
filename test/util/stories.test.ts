import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NO_STORY, storiesOf } from '../../src/util/stories.js';

describe('storiesOf', () => {
  it('joins documents that name an entity in common, directly or through others, under the lowest of them', () => {
    // 0–2 share one name, 2–4 another: one story; 1 and 5 share a third; 3 names someone only it names.
    expect([...storiesOf(7, [[0, 2], [4, 2], [5, 1], [3]])]).toEqual([0, 1, 0, 3, 0, 1, NO_STORY]);
  });

  it('gives the same stories whatever the order of the links and of their documents', () => {
    const link = fc.array(fc.integer({ min: 0, max: 11 }), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(fc.array(link, { maxLength: 10 }), (links) => {
        const reversed = [...links].reverse().map((l) => [...l].reverse());
        expect([...storiesOf(12, reversed)]).toEqual([...storiesOf(12, links)]);
      }),
    );
  });
});
