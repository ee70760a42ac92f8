// Role constructions beyond "ORG TITLE PERSON" and "PERSON, the TITLE": adverbs in the apposition, relative clauses,
// "as TITLE", portfolio titles, and future roles marked incoming.
import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../src/extract/entities.js';
import { extractRoles } from '../../src/extract/roles.js';
import { makeContext } from '../../src/extract/text.js';

function roles(text: string): string[] {
  const ctx = makeContext(text, null);
  const found = extractRoles(ctx, extractEntities(ctx));
  return found.map((r) => `${text.slice(r.person.start, r.person.end)}=${r.title}@${r.org ? text.slice(r.org.start, r.org.end) : '-'}`);
}

describe('role constructions', () => {
  it.each([
    ['Dana Okafor, currently chief operating officer, becomes CEO on June 1.', ['Dana Okafor=coo@-']],
    ['Mark Ellis, now chief financial officer of Globex Inc, declined to comment.', ['Mark Ellis=cfo@Globex Inc']],
    ['The lab was set up by Priya Raman, a chemist who remains its chief executive.', ['Priya Raman=ceo@-']],
    ['Lukas Brenner, 61, will step down after nine years as chief executive of Aurelian Pharma.', ['Lukas Brenner=ceo@Aurelian Pharma']],
    ['Dana Okafor will take over as CEO on July 1, the board said.', ['Dana Okafor=incoming ceo@-']],
    ['Jane Doe, who served as finance minister, left politics.', ['Jane Doe=finance minister@-']],
    ['Transport Minister Hélène Garnier welcomed the deal.', ['Hélène Garnier=transport minister@-']],
    ['SPU general secretary Marc Delorme spoke first.', ['Marc Delorme=general secretary@SPU']],
  ])('%s', (text, expected) => {
    expect(roles(text)).toEqual(expected);
  });

  it.each([
    ['The Minister Jane Doe spoke.', ['Jane Doe=minister@-']],
    ['She spent years as a nurse before politics.', []],
  ])('no invented portfolio or role: %s', (text, expected) => {
    expect(roles(text)).toEqual(expected);
  });
});
