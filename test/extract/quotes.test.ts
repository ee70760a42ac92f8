import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../src/extract/quotes.js';
import { makeContext } from '../../src/extract/text.js';
import type { EntityFound } from '../../src/extract/types.js';
import verbs from '../../src/extract/lexicon/reporting-verbs.json' with { type: 'json' };
import words from '../../src/extract/lexicon/quotes-words.json' with { type: 'json' };
import { type Known, entitiesOf } from './known-entities.js';


const KNOWN: Known[] = [
  ['Maria Lopez', 'person'],
  ['Lopez', 'person', 'Maria Lopez'],
  ['Tom Baker', 'person'],
  ['Baker', 'person', 'Tom Baker'],
  ['Acme', 'organization'],
  ['Reuters', 'organization'],
  ['BBC', 'organization'],
  ['Globex Corp', 'organization'],
  ['Brussels', 'place'],
  ['Corbel Partners', 'organization'],
  ['Ilse Varga', 'person'],
  ['Varga', 'person', 'Ilse Varga'],
  ['Jordan Vale', 'person'],
  ['Vale', 'person', 'Jordan Vale'],
];

function run(text: string) {
  return extractQuotes(makeContext(text, null), entitiesOf(text, KNOWN));
}

interface Expected {
  quote: string;
  speaker: string | null;
  canonical?: string | null;
  partial?: boolean;
}

const q = (quote: string, speaker: string | null, canonical?: string | null, partial?: boolean): Expected => ({
  quote,
  speaker,
  canonical,
  partial,
});

const ROWS: [string, Expected[]][] = [
  // “…,” X said / “…,” said X
  ['“We will appeal the ruling,” Maria Lopez said.', [q('We will appeal the ruling', 'Maria Lopez', 'Maria Lopez')]],
  [
    '“The numbers do not add up,” said Tom Baker, the bank’s chief economist.',
    [q('The numbers do not add up', 'Tom Baker', 'Tom Baker')],
  ],
  ['“Growth will return,” Tom Baker, the chief economist, said.', [q('Growth will return', 'Tom Baker', 'Tom Baker')]],
  ['“Why would anyone buy this?” asked Tom Baker.', [q('Why would anyone buy this?', 'Tom Baker', 'Tom Baker')]],
  // X said: “…” / X said “…” / X told Y that “…” / X told Y: “…”
  ['Maria Lopez said: “We are not for sale.”', [q('We are not for sale.', 'Maria Lopez', 'Maria Lopez')]],
  ['Tom Baker said “This is only the beginning.”', [q('This is only the beginning.', 'Tom Baker', 'Tom Baker')]],
  [
    'Maria Lopez told reporters that “Nobody expected this outcome.”',
    [q('Nobody expected this outcome.', 'Maria Lopez', 'Maria Lopez')],
  ],
  ['Tom Baker told the BBC: “Prices will keep rising.”', [q('Prices will keep rising.', 'Tom Baker', 'Tom Baker')]],
  [
    'Tom Baker wrote on his blog: “The era of cheap money is over.”',
    [q('The era of cheap money is over.', 'Tom Baker', 'Tom Baker')],
  ],
  // descriptions kept as written, organisation inside the description
  [
    '“Our customers come first,” an Acme spokesperson told Reuters.',
    [q('Our customers come first', 'Acme spokesperson', 'Acme')],
  ],
  [
    '“The deal is dead,” according to a person familiar with the matter.',
    [q('The deal is dead', 'person familiar with the matter', null)],
  ],
  [
    'A person familiar with the talks said: “The offer is final.”',
    [q('The offer is final.', 'person familiar with the talks', null)],
  ],
  [
    'One analyst summed it up bluntly: “This market has gone completely mad.”',
    [q('This market has gone completely mad.', 'one analyst', null)],
  ],
  [
    'According to Tom Baker, “The deal was never on the table.”',
    [q('The deal was never on the table.', 'Tom Baker', 'Tom Baker')],
  ],
  [
    '“We are hiring again,” Acme’s chief executive Maria Lopez told Reuters.',
    [q('We are hiring again', 'Maria Lopez', 'Maria Lopez')],
  ],
  // pronoun and anaphor speakers resolved to the most recent fitting entity
  [
    'Maria Lopez runs the union. “We are ready to strike,” she said.',
    [q('We are ready to strike', 'Maria Lopez', 'Maria Lopez')],
  ],
  [
    'Acme shares fell. "Demand remains weak in Europe," it said in a statement.',
    [q('Demand remains weak in Europe', 'Acme', 'Acme')],
  ],
  [
    'Acme declined to elaborate. "We have no comment at this time," the company said.',
    [q('We have no comment at this time', 'the company', 'Acme')],
  ],
  ['“We will not go back to the office,” they said.', [q('We will not go back to the office', null, null)]],
  [
    '“We hear you,” Maria Lopez said. “We will not go back,” they said.',
    [q('We hear you', 'Maria Lopez', 'Maria Lopez'), q('We will not go back', null, null)],
  ],
  // attribution in the middle: two quotes, both attributed
  [
    '“We tried everything,” Tom Baker said. “Nothing worked.”',
    [q('We tried everything', 'Tom Baker', 'Tom Baker'), q('Nothing worked.', 'Tom Baker', 'Tom Baker')],
  ],
  [
    'Tom Baker looked tired. “We tried everything,” he said, “and nothing worked in the end.”',
    [q('We tried everything', 'Tom Baker', 'Tom Baker'), q('and nothing worked in the end.', 'Tom Baker', 'Tom Baker')],
  ],
  // partial quotes inside a sentence: the speaker is the subject of the reporting verb
  [
    'Tom Baker says the company will “double down” on its core business.',
    [q('double down', 'Tom Baker', 'Tom Baker', true)],
  ],
  [
    'In a filing on Monday, Acme stated that the merger would “substantially expand” its reach.',
    [q('substantially expand', 'Acme', 'Acme', true)],
  ],
  [
    'Its chief executive, Maria Lopez, says the firm will “stay the course” for now.',
    [q('stay the course', 'Maria Lopez', 'Maria Lopez', true)],
  ],
  [
    'Maria Lopez warned that “the worst is yet to come” for small lenders.',
    [q('the worst is yet to come', 'Maria Lopez', 'Maria Lopez', true)],
  ],
  [
    'Acme’s chief, Maria Lopez, said the company’s plans would “not change at all”.',
    [q('not change at all', 'Maria Lopez', 'Maria Lopez', true)],
  ],
  ['The plan will “double down” on retail, Tom Baker said.', [q('double down', 'Tom Baker', 'Tom Baker', true)]],
  // several sentences in one quote; several paragraphs in one quote
  [
    '“We lost money this year. We will lose money next year. Then we will win,” Maria Lopez said.',
    [q('We lost money this year. We will lose money next year. Then we will win', 'Maria Lopez', 'Maria Lopez')],
  ],
  [
    '“The first part of the plan is simple,” Tom Baker said. “We cut costs.\n“Then we grow again.”',
    [
      q('The first part of the plan is simple', 'Tom Baker', 'Tom Baker'),
      q('We cut costs.', 'Tom Baker', 'Tom Baker'),
      q('Then we grow again.', 'Tom Baker', 'Tom Baker'),
    ],
  ],
  ['Maria Lopez said:\n“We will fight this decision in court.”', [q('We will fight this decision in court.', 'Maria Lopez', 'Maria Lopez')]],
  // British single quotes, straight quotes, guillemets
  [
    '‘It’s a disaster for the industry,’ said Maria Lopez.',
    [q('It’s a disaster for the industry', 'Maria Lopez', 'Maria Lopez')],
  ],
  ['"Rates have peaked," Tom Baker said.', [q('Rates have peaked', 'Tom Baker', 'Tom Baker')]],
  // Straight single quotes, as British text typed plainly writes them; their apostrophes stay apostrophes.
  [
    "'This is a clear message to the board,' said Maria Lopez. 'Our members have had enough.'",
    [q('This is a clear message to the board', 'Maria Lopez', 'Maria Lopez'), q('Our members have had enough.', 'Maria Lopez', 'Maria Lopez')],
  ],
  ["'We don't take this lightly,' Tom Baker said of the teachers' vote.", [q("We don't take this lightly", 'Tom Baker', 'Tom Baker')]],
  ['«We are ready for anything,» Maria Lopez said.', [q('We are ready for anything', 'Maria Lopez', 'Maria Lopez')]],
  [
    '“He told me ‘never again’ and left,” Maria Lopez said.',
    [q('He told me ‘never again’ and left', 'Maria Lopez', 'Maria Lopez')],
  ],
  // unattributed speech: still a quote, with no speaker
  ['“We did not see this coming.” The admission came late on Friday.', [q('We did not see this coming.', null, null)]],
  // appositives, relative clauses and abbreviations around the speaker
  [
    '“It is a big step,” Tom Baker, who joined in 2019, said.',
    [q('It is a big step', 'Tom Baker', 'Tom Baker')],
  ],
  [
    'Acme, which employs 4,000 people, said “layoffs are not planned this year.”',
    [q('layoffs are not planned this year.', 'Acme', 'Acme', true)],
  ],
  // a clause deeper inside the appositive: the subject stands before its opening comma
  [
    'Not everyone agreed. Corbel Partners, a Boston fund that is short the stock, said the result was “a best case”.',
    [q('a best case', 'Corbel Partners', 'Corbel Partners', true)],
  ],
  // "she" names the person named two sentences before, not one named in an earlier paragraph
  [
    'Tom Baker spoke first.\n\nIlse Varga, who has run the airline since 2020, will stay. She said two bids were turned down. “Only one kept the jobs,” she said.',
    [q('Only one kept the jobs', 'Ilse Varga', 'Ilse Varga')],
  ],
  [
    '“It is a tough market,” said Maria Lopez, an analyst at Globex Corp. “We expect more cuts.”',
    [q('It is a tough market', 'Maria Lopez', 'Maria Lopez'), q('We expect more cuts.', 'Maria Lopez', 'Maria Lopez')],
  ],
  [
    'Maria Lopez smiled. “I think,” she said, “that we can win this.”',
    [q('I think', 'Maria Lopez', 'Maria Lopez'), q('that we can win this.', 'Maria Lopez', 'Maria Lopez')],
  ],
  ['“Demand is soft,” Tom Baker told the BBC on Tuesday.', [q('Demand is soft', 'Tom Baker', 'Tom Baker')]],
  ['"Nobody saw this coming", says Maria Lopez.', [q('Nobody saw this coming', 'Maria Lopez', 'Maria Lopez')]],
  [
    'Brussels officials said the rules would “protect consumers first”.',
    [q('protect consumers first', 'Brussels officials', 'Brussels', true)],
  ],
  ['“We are done with this.” Tom Baker said.', [q('We are done with this.', 'Tom Baker', 'Tom Baker')]],
  // a short full quote with a direct attribution counts
  ['“No,” Tom Baker said.', [q('No', 'Tom Baker', 'Tom Baker')]],
  // speech that did not happen ("declined to say") attributes nothing: the quote goes on from the one before
  [
    '“We are still counting,” Tom Baker told reporters. “That is all that matters today.” He declined to say how many were hurt.',
    [q('We are still counting', 'Tom Baker', 'Tom Baker'), q('That is all that matters today.', 'Tom Baker', 'Tom Baker')],
  ],
  // "she" skips a man named after her; "he" finds no woman; an honorific tells a name compromise does not know
  [
    'Maria Lopez, who founded the firm with her former classmate Tom Baker, was upbeat. “Good firms learn,” she said.',
    [q('Good firms learn', 'Maria Lopez', 'Maria Lopez')],
  ],
  ['Tom Baker left early. “It was a fine evening,” she said.', [q('It was a fine evening', null, null)]],
  ['Ms Vale met Tom Baker on Monday. “It went well,” she said.', [q('It went well', 'Jordan Vale', 'Jordan Vale')]],
  // a figure inside the appositive; a title before the name ("said Acme's chief operating officer, X")
  [
    'Corbel Partners, its biggest investor with a 24% stake, told Reuters it would “stand behind the team” for years.',
    [q('stand behind the team', 'Corbel Partners', 'Corbel Partners', true)],
  ],
  [
    '“The cleanup will take a decade,” said Acme’s chief operating officer, Maria Lopez.',
    [q('The cleanup will take a decade', 'Maria Lopez', 'Maria Lopez')],
  ],
  [
    '“We lost the second stage,” Acme co-founder and chief executive Tom Baker, 47, told reporters.',
    [q('We lost the second stage', 'Tom Baker', 'Tom Baker')],
  ],
  // a quote opening a sentence after "X said …" in its paragraph is X's, and so is its next paragraph
  [
    'Tom Baker said the company had ignored warnings. “Our people are not going back.\n\n“We want a name on a report.”',
    [q('Our people are not going back.', 'Tom Baker', 'Tom Baker'), q('We want a name on a report.', 'Tom Baker', 'Tom Baker')],
  ],
  // a paragraph that is one more quote, right after the speaker's quote closed the paragraph before
  [
    '“I grabbed the keys and drove,” Maria Lopez said.\n\n“I didn’t even lock the door.”',
    [q('I grabbed the keys and drove', 'Maria Lopez', 'Maria Lopez'), q('I didn’t even lock the door.', 'Maria Lopez', 'Maria Lopez')],
  ],
  // a quote running over paragraphs is attributed where it ends
  [
    'Maria Lopez said the airline needed more crews.\n\n“Cork is where we started. Nobody is closing anything.\n\n“If anything, we will grow,” she added.',
    [q('Cork is where we started. Nobody is closing anything.', 'Maria Lopez', 'Maria Lopez'), q('If anything, we will grow', 'Maria Lopez', 'Maria Lopez')],
  ],
  // a possessive inside the appositive; "she" for the subject when the name after it stands in a "who" clause
  [
    'Tom Baker, president of the Irish Pilots’ Guild, warned that “a merger is always paid for by the crews.”',
    [q('a merger is always paid for by the crews.', 'Tom Baker', 'Tom Baker', true)],
  ],
  [
    'Jordan Vale, who has represented Ilse Varga since she was 17, was sure. “It was the right move,” she said.',
    [q('It was the right move', 'Jordan Vale', 'Jordan Vale')],
  ],
  [
    'Jordan Vale met Ilse Varga, who chairs Acme, on Monday. “It was the right move,” she said.',
    [q('It was the right move', 'Ilse Varga', 'Ilse Varga')],
  ],
  // "the minister" is the one person of the paragraph, when the document gives that person the title
  [
    'Transport Minister Ilse Varga toured the site.\n\nVarga announced grants. “We will pay for the clean-up,” the minister said.',
    [q('We will pay for the clean-up', 'Ilse Varga', 'Ilse Varga')],
  ],
  [
    'Judge Ilse Varga remanded Tom Baker in custody.\n\nTom Baker will appear again on Monday. “Bail is unlikely to be granted,” the judge said.',
    [q('Bail is unlikely to be granted', 'the judge', null)],
  ],
  // … but not after other words, nor after a sentence that reports no speech
  [
    '“We won,” Tom Baker said.\n\nThe vote was close, and critics were unhappy. “This is not over yet.”',
    [q('We won', 'Tom Baker', 'Tom Baker'), q('This is not over yet.', null, null)],
  ],
  [
    'Tom Baker said the plan was sound.\n\nThe board met on Friday. “Nobody saw this coming at all.”',
    [q('Nobody saw this coming at all.', null, null)],
  ],
];

const FALSE_POSITIVES = [
  'Analysts say labs are looking for “neutral” providers.',
  'She joined the “superintelligence” unit last year.',
  'Acme said its “AI-first” strategy was working.',
  'The film “The Lord of the Rings” was shot in New Zealand.',
  'He reviewed “Gone With the Wind” for the paper.',
  'Read “How to Train Your Dragon” next.',
  'The band played “Hey Jude” twice.',
  'The so-called “quiet period” ends on Monday.',
  'It’s the company’s biggest bet; Acme’s rivals aren’t worried.',
  'The ‘90s were a good decade for the companies’ growth.',
  "Back in the '90s, rock 'n' roll ruled and the teachers' union's 'Hello' was short.",
  "It's the members' call, O'Neill said; 'maybe' is not an answer.",
  'He is 6\'2" tall and weighs 180 lbs.',
  'Unbalanced “quote that never closes on this line.\nMore text follows here with no quote at all.',
  'Unbalanced ” closing mark and another ” one.',
  'The brand “Globex Corp” was renamed.',
  'The report, titled “Why Markets Fail Sometimes”, was published on Monday.',
  'He called the rumours “fake news” on Monday.',
  'Tom Baker said the plan was “bold”.',
  '',
  '""',
  '“ ”',
];

describe('extractQuotes: table', () => {
  it.each(ROWS)('%s', (text, expected) => {
    const found = run(text);
    expect(
      found.map((f) => ({
        quote: f.value.quote,
        speaker: f.value.speaker,
        canonical: f.value.speakerCanonical,
        partial: f.value.partial ?? false,
      })),
    ).toEqual(
      expected.map((e) => ({
        quote: e.quote,
        speaker: e.speaker,
        canonical: e.canonical === undefined ? e.speaker : e.canonical,
        partial: e.partial ?? false,
      })),
    );
    for (const f of found) {
      // The span is the quotation with its marks; the speaker span is the speaker as written.
      expect(/^["“‘«']/.test(text.slice(f.start, f.end))).toBe(true);
      expect(text.slice(f.start, f.end)).toContain(f.value.quote);
      const phrase = f.speakerSpan ? text.slice(f.speakerSpan.start, f.speakerSpan.end) : '';
      if (f.speakerSpan && f.value.speaker && !['she', 'he', 'it'].includes(phrase) && !phrase.startsWith('the ')) {
        expect(phrase.toLowerCase()).toBe(f.value.speaker.toLowerCase());
      }
    }
  });
});

describe('extractQuotes: false positives', () => {
  it.each(FALSE_POSITIVES)('nothing in %j', (text) => {
    expect(run(text).map((f) => f.value.quote)).toEqual([]);
  });
});

describe('extractQuotes: robustness', () => {
  it('never throws, and spans stay inside the text and cross at most one line break', () => {
    const alphabet = fc.constantFrom('“', '”', '‘', '’', '"', "'", '«', '»', ' ', '\n', ',', '.', ':', 'a', 'B', 'said', 'she', 'Tom Baker', 'according to');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        const found = run(text);
        for (const f of found) {
          expect(f.start).toBeGreaterThanOrEqual(0);
          expect(f.end).toBeLessThanOrEqual(text.length);
          expect(f.start).toBeLessThan(f.end);
          expect(text.slice(f.start, f.end).split('\n').length).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('handles a 100 KB line with unbalanced marks quickly', () => {
    const text = 'He said “this is long '.repeat(5000) + '““““ ’’’ said said'.repeat(500);
    const t0 = performance.now();
    run(text);
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('survives control characters and malformed entities', () => {
    const text = '\u0000“We\u0007 will see,” she said.\r\n“Yes.”';
    const bad: EntityFound[] = [{ start: 50, end: 10, kind: 'person', value: { canonical: 'X' } }];
    expect(() => extractQuotes(makeContext(text, null), bad)).not.toThrow();
  });
});

describe('lexicons', () => {
  it.each([
    ['reporting-verbs.subjectBefore', verbs.subjectBefore],
    ['reporting-verbs.speakerAfter', verbs.speakerAfter],
    ...Object.entries(words)
      .filter((e): e is [string, string[]] => Array.isArray(e[1]))
      .map(([k, v]) => [`quotes-words.${k}`, v] as [string, string[]]),
  ])('%s has no duplicates', (_name, list) => {
    expect(new Set(list.map((w) => w.toLowerCase())).size).toBe(list.length);
  });
});

describe('extractQuotes: seed articles against the gold answer key', () => {
  const seeds = '/work/main/seeds';
  const goldPath = '/work/shared/gold/seeds.gold.json';
  const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as {
    quotes: { doc: string; line: number; text: string; speaker: string; speaker_entity?: string | null; partial?: boolean }[];
    not_quotes: { doc: string; line: number; text: string }[];
  };
  const SEED_ENTITIES: Known[] = [
    ['OpenAI', 'organization'],
    ['Open AI', 'organization', 'OpenAI'],
    ['Scale AI', 'organization'],
    ['Scale', 'organization', 'Scale AI'],
    ['Meta', 'organization'],
    ['Google', 'organization'],
    ['Bloomberg', 'organization'],
    ['Business Insider', 'organization'],
    ['Jason Droege', 'person'],
    ['Droege', 'person', 'Jason Droege'],
    ['Alexandr Wang', 'person'],
    ['Wang', 'person', 'Alexandr Wang'],
    ['Elon Musk', 'person'],
  ];
  const files = readdirSync(seeds).filter((f) => f.endsWith('.txt')).sort();
  const byDoc = new Map(
    files.map((f) => {
      const text = readFileSync(join(seeds, f), 'utf8');
      const found = extractQuotes(makeContext(text, null), entitiesOf(text, SEED_ENTITIES));
      const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
      return [f.slice(0, 3), found.map((x) => ({ ...x, line: lineOf(x.start) }))] as const;
    }),
  );

  it.each(gold.quotes.map((g) => [`${g.doc}:${g.line} ${g.text}`, g] as const))('finds %s', (_name, g) => {
    const hit = (byDoc.get(g.doc) ?? []).find((x) => x.line === g.line && x.value.quote === g.text);
    expect(hit, 'quote found').toBeDefined();
    const speakers = [hit!.value.speaker, hit!.value.speakerCanonical].map((s) => s?.toLowerCase());
    expect(speakers).toContain(g.speaker.toLowerCase());
    if (g.speaker_entity !== undefined) expect(hit!.value.speakerCanonical).toBe(g.speaker_entity);
    expect(hit!.value.partial ?? false).toBe(g.partial ?? false);
  });

  it.each(gold.not_quotes.map((g) => [`${g.doc}:${g.line} ${g.text}`, g] as const))('does not report %s', (_n, g) => {
    const hit = (byDoc.get(g.doc) ?? []).find((x) => x.line === g.line && x.value.quote === g.text);
    expect(hit).toBeUndefined();
  });

  it('reports nothing beyond the gold quotes', () => {
    const all = [...byDoc.entries()].flatMap(([doc, xs]) => xs.map((x) => `${doc}:${x.line} ${x.value.quote}`));
    expect(all.sort()).toEqual(gold.quotes.map((g) => `${g.doc}:${g.line} ${g.text}`).sort());
  });
});

// Known misses: kept here so they are not forgotten.
describe.skip('extractQuotes: backlog', () => {
  it('attribution in the next sentence', () => {
    expect(run('“We are done.” That is how Tom Baker put it.')[0]?.value.speaker).toBe('Tom Baker');
  });
  it('speaker named by a relative clause', () => {
    expect(run('A report quoted workers who said “the dashboards went blank overnight”.')[0]?.value.speaker).toBe(
      'workers',
    );
  });
  it('German low-high quotes', () => {
    expect(run('„Wir sind bereit“, sagte Maria Lopez.')[0]?.value.quote).toBe('Wir sind bereit');
  });
  it('a plural pronoun resolved to a group', () => {
    expect(run('Acme workers walked out. “We want fair pay,” they said.')[0]?.value.speaker).toBe('Acme workers');
  });
});
