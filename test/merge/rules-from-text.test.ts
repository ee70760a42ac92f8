// Every conflict rule, end to end from short texts of our own: one pair of articles that must conflict and one
// that must not. The texts go through the real extractors, so this checks what users get, not just the merge.
import { describe, expect, it } from 'vitest';
import type { Fact } from '../../src/model/report.js';
import { run } from '../../src/pipeline.js';

function facts(a: string, b: string): Fact[] {
  return run([
    { path: 'news/a.txt', text: a },
    { path: 'news/b.txt', text: b },
  ]).facts;
}
const conflicts = (a: string, b: string) => facts(a, b).filter((f) => f.status === 'conflict').map((f) => f.conflict!.code);

describe.each([
  [
    'MONEY_MISMATCH',
    'Acme Corp agreed to buy Globex Inc for $2.3 billion, the companies said.',
    'Acme Corp will pay $2.8 billion to acquire Globex Inc.',
  ],
  [
    // The figure of the year before stands apart and does not hide the disagreement.
    'MONEY_MISMATCH',
    'Acme Corp reported a quarterly net loss of $1.1 billion, compared with $1.46 billion a year earlier.',
    'Acme Corp posted a quarterly net loss of $1.2 billion.',
  ],
  ['PERCENT_MISMATCH', 'Acme Corp took a 30% stake in Globex Inc last year.', 'Acme Corp owns a 35% stake in Globex Inc.'],
  [
    // The terms of one deal, each article naming a different party in the sentence that gives them.
    'PERCENT_MISMATCH',
    'Acme Corp agreed to buy Globex Inc for $2.3 billion. Acme Corp will pay $40 a share, a premium of 32%.',
    'Acme Corp will pay $2.3 billion for Globex Inc in cash.\n\nThe offer is a 30% premium to the price of Globex Inc shares.',
  ],
  [
    'DATE_MISMATCH',
    'Acme Corp announced its takeover of Globex Inc on March 3, 2025.',
    'The takeover of Globex Inc by Acme Corp was announced on March 5, 2025.',
  ],
  [
    'DATE_MISMATCH',
    'Jane Doe will take over as chief executive of Acme Corp on July 1, 2025, the board said.',
    'Jane Doe becomes CEO of Acme Corp on June 1, 2025, the company said.',
  ],
  [
    'MONEY_MISMATCH',
    'Officials at Harbor City Council put the damage to the Riverside Arena at €30 million.',
    'Harbor City Council estimated the damage to the Riverside Arena at €45 million.',
  ],
  [
    'DATE_MISMATCH',
    'Acme Corp announced its takeover of Globex Inc on Wednesday.',
    'The takeover of Globex Inc by Acme Corp was announced on June 12, 2025.',
  ],
  ['ROLE_MISMATCH', 'Acme CFO Jane Doe declined to comment.', 'Acme COO Jane Doe declined to comment.'],
  ['AGE_MISMATCH', 'Jane Doe, 54, has run Acme Corp since 2019.', 'Jane Doe, 56, took over Acme Corp in 2019.'],
])('%s', (code, a, b) => {
  it('is reported when two sources disagree', () => {
    expect(conflicts(a, b)).toEqual([code]);
  });
});

describe('no false alarm', () => {
  // Each row: the two texts, and how their values must end up: in one agreed fact, or in separate facts.
  it.each([
    ['a rounded figure', 'Acme Corp agreed to buy Globex Inc for $2.3 billion.', 'Acme Corp will pay $2 billion to acquire Globex Inc.'],
    ['a vague figure', 'Acme Corp agreed to buy Globex Inc for $2.3 billion.', 'Acme Corp struck a multibillion-dollar deal to buy Globex Inc.'],
    ['a hedge', 'Acme Corp agreed to buy Globex Inc for $2.3 billion.', 'Acme Corp will pay more than $2 billion to acquire Globex Inc.'],
    [
      'a currency conversion',
      'Acme Corp agreed to buy Globex Inc for $2.3 billion (£1.8 billion).',
      'Acme Corp will pay $2.3 billion to acquire Globex Inc.',
    ],
    [
      'the same number meaning two things',
      'Globex Inc raised $50 million in a Series B round in 2021.',
      'Acme Corp offered Globex Inc engineers pay packages worth $50 million.',
    ],
    ['nearly 30% against 29%', 'Acme Corp took a stake of nearly 30% in Globex Inc.', 'Acme Corp owns a 29% stake in Globex Inc.'],
    [
      'a month against a day in it',
      'Acme Corp announced its takeover of Globex Inc in March 2025.',
      'The takeover of Globex Inc by Acme Corp was announced on March 5, 2025.',
    ],
    [
      'a weekday that fits the date',
      'Acme Corp announced its takeover of Globex Inc on Thursday.',
      'The takeover of Globex Inc by Acme Corp was announced on June 12, 2025.',
    ],
    ['a founder who is also CEO', 'Jane Doe, the founder of Acme Corp, declined to comment.', 'Acme CEO Jane Doe declined to comment.'],
    ['the same age', 'Jane Doe, 54, has run Acme Corp since 2019.', 'Jane Doe, 54, took over Acme Corp in 2019.'],
    ['an advert price', 'Save $200 on your Acme Corp conference pass.', 'Save $300 on your Acme Corp conference pass.'],
  ])('%s', (name, a, b) => {
    expect(conflicts(a, b)).toEqual([]);
    const separate = name === 'the same number meaning two things' || name === 'an advert price';
    const shared = facts(a, b).filter((f) => f.kind !== 'date' || name.includes('month') || name.includes('weekday'));
    const together = shared.filter((f) => new Set(f.values.flatMap((v) => v.docs)).size === 2);
    if (separate) expect(together).toEqual([]);
    else expect(together.map((f) => f.status)).toContain('agreed');
  });
});

describe('agreement and copies', () => {
  it('two independent sources stating the same figure agree', () => {
    const [fact] = facts('Acme Corp agreed to buy Globex Inc for $2.3 billion.', 'Acme Corp will pay $2.3 billion to acquire Globex Inc.').filter(
      (f) => f.kind === 'money',
    );
    expect(fact.status).toBe('agreed');
    expect(fact.values[0]).toMatchObject({ docs: ['a', 'b'], independent: 2 });
  });

  it('a sentence copied word for word into a second document is a copy, not a confirmation', () => {
    const sentence = 'Acme Corp agreed to buy Globex Inc for $2.3 billion.';
    const [fact] = facts(`Wire story.\n${sentence}`, `Blog post.\n${sentence}`).filter((f) => f.kind === 'money');
    expect(fact.status).toBe('single');
    expect(fact.values[0]).toMatchObject({ docs: ['a', 'b'], independent: 1, copies: [['a', 'b']] });
  });
});

describe('who a figure is about', () => {
  const subjects = (text: string) => run([{ path: 'news/a.txt', text }]).facts.map((f) => [f.subject, f.attribute, f.values.map((v) => v.text)]);

  it('a firm that speaks of itself is the buyer; an earlier deal in a clause after the figure is not the subject', () => {
    expect(subjects('Acme Corp said on Tuesday it had agreed to buy Globex Inc for $2.3 billion, its largest deal since it bought Initech Ltd in 2021.')).toContainEqual([
      'Acme Corp / Globex Inc',
      'deal value',
      ['$2.3 billion'],
    ]);
  });

  it('a paragraph about "the company" that names nobody is about the organisation last named', () => {
    const text = 'Acme Corp said on Thursday it would cut 600 jobs.\n\nThe company reported a quarterly loss of $1.1 billion.';
    expect(subjects(text)).toContainEqual(['Acme Corp', 'profit', ['$1.1 billion']]);
    // Without such words, a paragraph that names nobody stays without a subject.
    expect(subjects('Acme Corp said on Thursday it would cut 600 jobs.\n\nLosses reached $1.1 billion.')).toContainEqual(['(unknown)', 'profit', ['$1.1 billion']]);
  });

  it("a deal's terms take both parties only where the document tells of one deal", () => {
    const one = 'Acme Corp agreed to buy Globex Inc for $2.3 billion.\n\nThe offer is a 30% premium to the price of Globex Inc shares.';
    expect(subjects(one)).toContainEqual(['Acme Corp / Globex Inc', 'premium', ['30%']]);
    const two = `${one}\n\nAcme Corp also agreed to buy Initech Ltd for $400 million.`;
    expect(subjects(two)).toContainEqual(['Globex Inc', 'premium', ['30%']]);
  });

  it('a second party comes from the figure’s own clause, not from one with a subject of its own', () => {
    const found = subjects('Acme Corp shares fell 6% on Wednesday, while Globex Inc stock rose 28% in Amsterdam.');
    expect(found).toContainEqual(['Acme Corp', 'change', ['6%']]);
    expect(found).toContainEqual(['Globex Inc', 'change', ['28%']]);
    // A clause that goes on with the same subject keeps it: "..., and they lost a further 1.5%" is still Acme's.
    const further = subjects('Acme Corp shares fell 3% on Tuesday, and they lost a further 1.5% as analysts at Globex Inc cut their target.');
    expect(further.find(([, , texts]) => texts[0] === '1.5%')?.[0]).toContain('Acme Corp');
  });

  it('a country that pledges or gives is a party, as a government', () => {
    const found = subjects('Japan pledged $5 million in emergency aid, and the European Union said it was releasing €10 million for shelter.');
    expect(found).toContainEqual(['Japan', 'aid or compensation', ['$5 million']]);
    expect(found).toContainEqual(['European Union', 'aid or compensation', ['€10 million']]);
    // A place that does not give is no party: the damage is the insurer's estimate's subject, not Florida's.
    expect(subjects('The storm caused $2 billion of damage in Florida, Acme Re said.')).toContainEqual(['(unknown)', 'damage', ['$2 billion']]);
  });

  it('a person after "and will" is the next clause’s, not the subject of the figure before it', () => {
    const found = subjects('Marta Vale won the first round of the election on Sunday with 38.2% of the vote and will face Tomas Orr in a run-off on June 14.');
    expect(found).toContainEqual(['Marta Vale', 'election date', ['Sunday']]);
    expect(found).toContainEqual(['Marta Vale', 'share of vote', ['38.2%']]);
  });

  it('a news agency that reports is still a source', () => {
    const found = subjects('Globex Inc will pay $40 million for the plant, Newswire Corp reported.');
    expect(found).toContainEqual(['Globex Inc', 'amount', ['$40 million']]);
  });
});

describe('the figure of a year before', () => {
  const qualifiers = (text: string) => run([{ path: 'news/a.txt', text }]).mentions.filter((m) => m.kind === 'money').map((m) => [m.text, m.about?.qualifier ?? null]);
  it('is "a year earlier" or "a year before", not "a year before bonuses"', () => {
    expect(qualifiers('Acme Corp lost $1.1 billion, against $1.46 billion a year before.')).toContainEqual(['$1.46 billion', 'a year earlier']);
    expect(qualifiers('Acme Corp will pay him about €7.2 million a year before bonuses.')).toEqual([['€7.2 million', null]]);
  });
});

describe('a figure of a past year', () => {
  it('in its own clause, is of another event: no conflict with the story\'s figure', () => {
    const past = 'March 11, 2026\n\nThe seller was Anton Vell, whose father bought the painting in 1987 for £1.9 million.';
    expect(conflicts(past, 'March 11, 2026\n\nThe painting was bought for £43.6 million.')).toEqual([]);
    // A document without a date cannot tell 1987 is past: it still gives the same figure of that year.
    const undated = 'His father bought the painting in 1987 for £1.9 million, records show.';
    const agreed = facts(past, undated).filter((f) => f.status === 'agreed').map((f) => f.values.map((v) => v.text));
    expect(agreed).toContainEqual(['£1.9 million']);
  });

  it('in another clause, says nothing of the figure', () => {
    const run2 = (text: string) => run([{ path: 'news/a.txt', text }]).mentions.filter((m) => m.kind === 'money').map((m) => [m.text, m.about?.qualifier ?? null]);
    expect(run2('April 2, 2026\n\nAcme Corp bought Globex Inc for $4 million in 2022.')).toEqual([['$4 million', 'in past 2022']]);
    expect(run2('April 2, 2026\n\nAcme Corp pays $4 million, which is more than it paid for Globex Inc in 2022.')).toEqual([['$4 million', '2022']]);
  });

  it('set off by commas before its clause\'s verb, is of that clause', () => {
    const run3 = (text: string) => run([{ path: 'news/a.txt', text }]).mentions.filter((m) => m.kind === 'money').map((m) => [m.text, m.about?.qualifier ?? null]);
    expect(run3('April 2, 2026\n\nThe costliest fire before this one, in 2006, cost insurers about $310 million.')).toEqual([['$310 million', 'in past 2006']]);
    expect(run3('April 2, 2026\n\nThe fire of 2006 was smaller, and insurers paid $310 million.')).toEqual([['$310 million', '2006']]);
  });
});

describe('a wire dateline without a year', () => {
  it('gives no event its date', () => {
    const found = run([{ path: 'news/a.txt', text: 'Vote count\n\nSANTIAGO, May 11 (Andes Wire) - Marta Vale won the election on Sunday, officials said.\n' }]);
    expect(found.mentions.find((m) => m.text === 'May 11')?.role).toBe('dateline');
    expect(found.facts.flatMap((f) => f.values.map((v) => v.text))).not.toContain('May 11');
  });
});

describe('a wire dateline below a byline that dates the document', () => {
  it('gives no event its date either', () => {
    const text = 'Ransom demand\nMarch 11, 2026 09:05 GMT\n\nLEEDS, England, March 11 (Tarn Wire) - A ransomware attack on Velmora Health Group has exposed patient records.\n';
    const found = run([{ path: 'news/a.txt', text }]);
    expect(found.documents[0].date).toBe('2026-03-11');
    expect(found.mentions.find((m) => m.text === 'March 11' && m.line === 4)?.role).toBe('dateline');
    expect(found.facts.flatMap((f) => f.values.map((v) => v.text))).not.toContain('March 11');
  });
});

describe('new kinds of facts that conflict', () => {
  it('the date of a theft, worded differently by two outlets', () => {
    expect(conflicts('May 2, 2026\n\nThieves broke into the Velde Museum in the early hours of April 28, police said.', 'May 2, 2026\n\nThe theft at the Velde Museum took place on April 26.')).toEqual(['DATE_MISMATCH']);
  });

  it('total refunds, one of them on a bullet line', () => {
    expect(conflicts('Refunds will total A$14.7 million, Marlow Events said.', 'Festival losses\n\n- **Refund bill:** A$17.4 million\n')).toEqual(['MONEY_MISMATCH']);
  });

  it('revenue written as what a retailer "turned over"', () => {
    expect(conflicts('Brantley Stores, which turned over £3.9 billion last year, is closing loss-making shops.', 'Brantley Stores reported revenue of £3.4 billion.')).toEqual(['MONEY_MISMATCH']);
  });
});

describe('a short name of a firm', () => {
  it('is the one named before it, not one the document names later', () => {
    const a = 'Velmora Health Group runs four hospitals. Velmora said restoring its systems would cost £18.7 million.\n\nOren Pike, who chairs the Velmora Patients Forum, said patients were angry.';
    const b = 'Velmora Health Group now puts the full recovery cost at £21.7 million.';
    expect(conflicts(a, b)).toEqual(['MONEY_MISMATCH']);
  });
});

describe('an event that recurs', () => {
  it('run-offs of one election on different days disagree', () => {
    expect(conflicts('May 12, 2026\n\nMarta Vale will face Tomas Orr in a run-off on June 14.', 'May 12, 2026\n\nMarta Vale and Tomas Orr meet again in the run-off on June 7.')).toEqual(['DATE_MISMATCH']);
  });

  it('elections of different years do not', () => {
    expect(conflicts('May 12, 2026\n\nMarta Vale lost the 2017 election to a rival.', 'May 12, 2026\n\nMarta Vale won the election on May 10 with ease.')).toEqual([]);
  });
});

describe('a running total', () => {
  const early = 'July 30, 2025\n\nA landslide in Kerrowmoor killed 12 people on Tuesday, officials said.';
  it('that has risen since an earlier report is no disagreement', () => {
    const later = 'July 31, 2025\n\nThe death toll from the Kerrowmoor landslide has risen to 19 people, officials said.';
    expect(conflicts(early, later)).toEqual([]);
  });

  it('still disagrees with another report of the same day', () => {
    const sameDay = 'July 30, 2025\n\nThe death toll from the Kerrowmoor landslide has risen to 19 people, officials said.';
    const other = 'July 30, 2025\n\nThe death toll from the Kerrowmoor landslide has risen to 25 people, officials said.';
    expect(conflicts(sameDay, other)).toEqual(['COUNT_MISMATCH']);
  });
});
