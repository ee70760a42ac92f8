import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareFacts, factSortKey, mergeFacts, SPACES_TO_COLLAPSE } from '../../src/merge/facts.js';
import type { DateValue, Document, Fact, Mention, MoneyValue, PercentValue } from '../../src/model/report.js';

// Builds the mentions of one document: entities, then numbers that are about some of them.
function doc(id: string) {
  const mentions: Mention[] = [];
  let n = 0;
  const base = (text: string) => ({ id: `${id}#${++n}`, doc: id, text, start: n * 10, end: n * 10 + text.length, line: n, column: 1, sentence: `${id} says ${text}.` });
  const api = {
    mentions,
    org(name: string) {
      const m = { ...base(name), kind: 'organization' as const, value: { canonical: name } };
      mentions.push(m);
      return m.id;
    },
    money(text: string, value: Partial<MoneyValue>, attribute: string, about: string[], qualifier: string | null = null) {
      const v: MoneyValue = { amount: null, currency: 'USD', min: null, max: null, approximate: false, ...value };
      if (v.amount !== null && value.min === undefined && value.max === undefined && !v.approximate) {
        v.min = v.amount;
        v.max = v.amount;
      }
      mentions.push({ ...base(text), kind: 'money', value: v, about: { attribute, trigger: null, entities: about, qualifier } });
      return api;
    },
    percent(text: string, value: PercentValue, attribute: string, about: string[]) {
      mentions.push({ ...base(text), kind: 'percent', value, about: { attribute, trigger: null, entities: about, qualifier: null } });
      return api;
    },
    date(text: string, value: DateValue, attribute: string, about: string[]) {
      mentions.push({ ...base(text), kind: 'date', value, about: { attribute, trigger: null, entities: about, qualifier: null } });
      return api;
    },
  };
  return api;
}

function merge(...docs: Array<ReturnType<typeof doc>>) {
  const documents: Document[] = docs.map((d, i) => ({ id: d.mentions[0]?.doc ?? `d${i}`, path: `news/${d.mentions[0]?.doc}.txt`, date: null, dateSource: null }));
  return mergeFacts(documents, docs.flatMap((d) => d.mentions), [], { tolerance: 0 });
}

function twoSources(a: Parameters<ReturnType<typeof doc>['money']>, b: Parameters<ReturnType<typeof doc>['money']>) {
  const x = doc('a');
  const xs = [x.org('Acme'), x.org('Globex')];
  x.money(a[0], a[1], a[2], xs, a[4] ?? null);
  const y = doc('b');
  const ys = [y.org('Acme'), y.org('Globex')];
  y.money(b[0], b[1], b[2], ys, b[4] ?? null);
  return merge(x, y).filter((f) => f.kind === 'money');
}

describe('money facts across sources', () => {
  it('two precise figures that differ are a MONEY_MISMATCH naming both sources', () => {
    const [fact] = twoSources(['$14.8 billion', { amount: 14.8e9 }, 'deal value', []], ['$14.3 billion', { amount: 14.3e9 }, 'deal value', []]);
    expect(fact.status).toBe('conflict');
    expect(fact.subject).toBe('Acme / Globex');
    expect(fact.conflict).toMatchObject({ code: 'MONEY_MISMATCH', severity: 'error' });
    expect(fact.conflict!.message).toContain('news/a.txt:');
    expect(fact.conflict!.message).toContain('news/b.txt:');
    expect(fact.values.map((v) => (v.value as MoneyValue).amount)).toEqual([14.8e9, 14.3e9]);
  });

  it.each([
    ['a rounded figure', ['$14 billion', { amount: 14e9 }, 'deal value', []], ['$14.3 billion', { amount: 14.3e9 }, 'deal value', []]],
    ['a vague figure', ['billion-dollar', { min: 1e9, approximate: true }, 'deal value', []], ['$14.3 billion', { amount: 14.3e9 }, 'deal value', []]],
    ['a hedge', ['more than $10 billion', { amount: 10e9, min: 10e9 }, 'deal value', []], ['$14.3 billion', { amount: 14.3e9 }, 'deal value', []]],
  ] as const)('%s agrees', (_, a, b) => {
    const [fact] = twoSources(a as never, b as never);
    expect(fact.status).toBe('agreed');
  });

  it('the same number meaning two different things is neither agreement nor conflict', () => {
    const facts = twoSources(['$100 million', { amount: 1e8 }, 'funding round', []], ['$100 million', { amount: 1e8 }, 'salary or offer', []]);
    expect(facts.map((f) => [f.attribute, f.status])).toEqual([
      ['funding round', 'single'],
      ['salary or offer', 'single'],
    ]);
  });

  it('rounds of different series are different facts', () => {
    const facts = twoSources(
      ['$100 million', { amount: 1e8 }, 'funding round', [], 'series b'],
      ['$300 million', { amount: 3e8 }, 'funding round', [], 'series c'],
    );
    expect(facts.map((f) => f.status)).toEqual(['single', 'single']);
  });

  it('amounts in different currencies are not compared', () => {
    const facts = twoSources(['$14.3 billion', { amount: 14.3e9 }, 'deal value', []], ['£10.55 billion', { amount: 10.55e9, currency: 'GBP' }, 'deal value', []]);
    expect(facts.every((f) => f.status === 'single')).toBe(true);
  });

  it('different values of an attribute that never conflicts (prices) are separate facts, not an agreement', () => {
    const facts = twoSources(['$200', { amount: 200 }, 'price', []], ['$300', { amount: 300 }, 'price', []]);
    expect(facts.map((f) => [f.status, (f.values[0].value as MoneyValue).amount])).toEqual([
      ['single', 200],
      ['single', 300],
    ]);
  });

  it('the same value of a non-conflicting attribute from two sources is agreed', () => {
    const [fact] = twoSources(['$200', { amount: 200 }, 'price', []], ['$200', { amount: 200 }, 'price', []]);
    expect(fact.status).toBe('agreed');
  });

  it('values that name no one agree only across documents of one story (naming someone in common)', () => {
    // A document naming one organisation and a price of $200 that names no one.
    const priced = (id: string, org: string) => {
      const d = doc(id);
      d.org(org);
      return d.money('$200', { amount: 200 }, 'price', []);
    };
    const [storm, trial, storm2] = [priced('a', 'Gulf Power'), priced('b', 'Corvia'), priced('c', 'Gulf Power')];
    expect(merge(storm, trial).map((f) => [f.subject, f.status])).toEqual([
      ['(unknown)', 'single'],
      ['(unknown)', 'single'],
    ]);
    expect(merge(storm, trial, storm2).map((f) => [f.subject, f.status, f.values[0].docs])).toEqual([
      ['(unknown)', 'agreed', ['a', 'c']],
      ['(unknown)', 'single', ['b']],
    ]);
  });

  it('a value naming one party joins the largest fact that names it too, from a document that fact does not cite', () => {
    // Three sources: "the Commission fined Acme €42m"; one headline: "Acme to fight €42m fine in the High Court".
    const fined = (id: string) => {
      const d = doc(id);
      return d.money('€42 million', { amount: 42e6, currency: 'EUR' }, 'fine or settlement', [d.org('Commission'), d.org('Acme')]);
    };
    const head = doc('d');
    head.money('€42m', { amount: 42e6, currency: 'EUR' }, 'fine or settlement', [head.org('Acme'), head.org('High Court')]);
    // "The watchdog fined Acme €48 million"; and a document the large fact cites, whose other sum names Acme alone.
    const other = doc('e');
    other.money('€48 million', { amount: 48e6, currency: 'EUR' }, 'fine or settlement', [other.org('Acme')]);
    const cited = fined('c');
    cited.money('€5 million', { amount: 5e6, currency: 'EUR' }, 'fine or settlement', [cited.mentions[1].id]);
    const facts = merge(fined('a'), fined('b'), cited, head, other).filter((f) => f.kind === 'money');
    const conflict = facts.find((f) => f.status === 'conflict');
    expect(conflict?.subject).toBe('Acme / Commission');
    expect(conflict?.values.map((v) => [v.text, v.docs])).toEqual([
      ['€42 million', ['a', 'b', 'c']],
      ['€48 million', ['e']],
    ]);
    expect(facts.filter((f) => f.status !== 'conflict').map((f) => [f.subject, f.values.map((v) => v.text)])).toEqual([
      ['Acme', ['€5 million']],
      ['Acme / High Court', ['€42m']],
    ]);
    // Of an attribute that never conflicts, or when the two are as large, it stays apart.
    const price = (id: string, names: string[], amount: number) => {
      const d = doc(id);
      return d.money(`$${amount}`, { amount }, 'price', names.map((n) => d.org(n)));
    };
    // (The same $5 from d would otherwise join the $5 of a and b and be agreed under their subject.)
    const prices = merge(price('a', ['Acme', 'Globex'], 5), price('b', ['Acme', 'Globex'], 5), price('c', ['Acme', 'Initech'], 5), price('d', ['Acme'], 5));
    expect(prices.map((f) => [f.subject, f.values.flatMap((v) => v.docs)])).toContainEqual(['Acme', ['d']]);
    const tie = merge(fined('a'), head, other).filter((f) => f.kind === 'money');
    expect(tie.map((f) => [f.subject, f.status])).toEqual([
      ['Acme', 'single'],
      ['Acme / Commission', 'single'],
      ['Acme / High Court', 'single'],
    ]);
  });

  it('a value that names no one joins the only fact of its attribute only from that fact\'s story', () => {
    const x = doc('a');
    x.money('$14.8 billion', { amount: 14.8e9 }, 'deal value', [x.org('Acme'), x.org('Globex')]);
    const y = doc('b');
    y.org('Initech');
    y.money('$14.3 billion', { amount: 14.3e9 }, 'deal value', []);
    expect(merge(x, y).map((f) => [f.subject, f.status])).toEqual([
      ['Acme / Globex', 'single'],
      ['(unknown)', 'single'],
    ]);
  });

  it('one document stating both values means they are different things: no conflict, two facts', () => {
    const x = doc('a');
    const xs = [x.org('Acme')];
    x.money('$1 million', { amount: 1e6 }, 'deal value', xs).money('$5 million', { amount: 5e6 }, 'deal value', xs);
    const y = doc('b');
    y.money('$5 million', { amount: 5e6 }, 'deal value', [y.org('Acme')]);
    const facts = merge(x, y).filter((f) => f.kind === 'money');
    expect(facts.map((f) => [f.status, f.values.map((v) => v.docs.join('+'))])).toEqual([
      ['agreed', ['a+b']],
      ['single', ['a']],
    ]);
  });

  it('a clash between values whose subject is unknown is only a warning', () => {
    const x = doc('a').money('$1 million', { amount: 1e6 }, 'deal value', []);
    const y = doc('b').money('$2 million', { amount: 2e6 }, 'deal value', []);
    const [fact] = merge(x, y);
    expect(fact.subject).toBe('(unknown)');
    expect(fact.conflict).toMatchObject({ code: 'MONEY_MISMATCH', severity: 'warning' });
  });

  it('a mention naming no one joins the only fact of its attribute, and a clash with it is a warning', () => {
    const x = doc('a');
    x.money('$14.8 billion', { amount: 14.8e9 }, 'deal value', [x.org('Acme'), x.org('Globex')]);
    const y = doc('b').money('$14.3 billion', { amount: 14.3e9 }, 'deal value', []);
    const [fact] = merge(x, y);
    expect(fact.subject).toBe('Acme / Globex');
    expect(fact.conflict).toMatchObject({ code: 'MONEY_MISMATCH', severity: 'warning' });
  });
});

describe('percent facts', () => {
  function stakes(a: PercentValue, b: PercentValue, c?: PercentValue) {
    const docs = [a, b, c].filter(Boolean).map((v, i) => {
      const d = doc(`d${i}`);
      d.percent(`${v!.percent}%`, v!, 'stake', [d.org('Acme'), d.org('Globex')]);
      return d;
    });
    return merge(...docs).find((f) => f.kind === 'percent')!;
  }

  it('three sources stating 49% agree, with every source listed', () => {
    const f = stakes({ percent: 49 }, { percent: 49 }, { percent: 49 });
    expect(f.status).toBe('agreed');
    expect(f.values).toHaveLength(1);
    expect(f.values[0].docs).toEqual(['d0', 'd1', 'd2']);
  });

  it('49% against 51% is a PERCENT_MISMATCH; nearly 50% against 49% is not', () => {
    expect(stakes({ percent: 49 }, { percent: 51 }).conflict?.code).toBe('PERCENT_MISMATCH');
    expect(stakes({ percent: 50, max: 50, min: null, approximate: true }, { percent: 49 }).status).toBe('agreed');
  });
});

describe('date facts', () => {
  const day = (iso: string): DateValue => ({ iso, from: iso, to: iso, granularity: 'day' });
  function announced(a: DateValue, b: DateValue, attribute = 'announcement date') {
    return dated(a, b, attribute).find((f) => f.kind === 'date')!;
  }
  function dated(a: DateValue, b: DateValue, attribute: string) {
    const x = doc('a');
    x.date('a date', a, attribute, [x.org('Acme')]);
    const y = doc('b');
    y.date('b date', b, attribute, [y.org('Acme')]);
    return merge(x, y).filter((f) => f.kind === 'date');
  }
  const year = (iso: string): DateValue => ({ iso, from: `${iso}-01-01`, to: `${iso}-12-31`, granularity: 'year' });

  it('dates two undated documents could not place are one value only when written alike', () => {
    const unplaced = (weekday: number): DateValue => ({ iso: null, from: null, to: null, granularity: 'day', relative: true, weekday });
    const x = doc('a');
    x.date('Thursday', unplaced(3), 'date', [x.org('Acme')]);
    x.date('Monday', unplaced(0), 'date', [x.org('Acme')]);
    const y = doc('b');
    y.date('Thursday', unplaced(3), 'date', [y.org('Acme')]);
    const facts = merge(x, y).filter((f) => f.kind === 'date');
    expect(facts.map((f) => [f.status, f.values.map((v) => [v.text, v.docs])])).toEqual([
      ['agreed', [['Thursday', ['a', 'b']]]],
      ['single', [['Monday', ['a']]]],
    ]);
  });

  it('an election in 2017 and one on June 7, 2026 are two elections, not a DATE_MISMATCH', () => {
    const facts = dated(year('2017'), day('2026-06-07'), 'election date');
    expect(facts.map((f) => [f.status, f.values.map((v) => v.text)])).toEqual([['single', ['a date']], ['single', ['b date']]]);
  });

  it('a run-off on June 14 and on June 7 of one year are a DATE_MISMATCH', () => {
    expect(announced(day('2026-06-14'), day('2026-06-07'), 'run-off date').conflict?.code).toBe('DATE_MISMATCH');
  });

  it('an announcement in 2017 against one in 2026 is still a DATE_MISMATCH (announcements do not recur)', () => {
    expect(announced(year('2017'), day('2026-06-07')).conflict?.code).toBe('DATE_MISMATCH');
  });

  it('June 12 and June 13 for the same announcement are a DATE_MISMATCH', () => {
    expect(announced(day('2025-06-12'), day('2025-06-13')).conflict?.code).toBe('DATE_MISMATCH');
  });

  it('June 12 with and without a year agree', () => {
    const f = announced(day('2025-06-12'), { iso: null, from: null, to: null, granularity: 'partial', month: 6, day: 12 });
    expect(f.status).toBe('agreed');
  });
});

describe('one document stating two values of a fact', () => {
  const deal = (id: string, ...figures: Array<[string, number]>) => {
    const d = doc(id);
    const subject = [d.org('Acme'), d.org('Globex')];
    for (const [text, amount] of figures) d.money(text, { amount }, 'deal value', subject);
    return d;
  };
  const shown = (facts: Fact[]) => facts.filter((f) => f.kind === 'money').map((f) => [f.status, f.values.map((v) => v.text)]);

  it('leaves a near value of another document in disagreement with one of them', () => {
    const facts = merge(deal('a', ['$4.2 billion', 4.2e9], ['$500 million', 5e8]), deal('b', ['$4.6 billion', 4.6e9]));
    expect(shown(facts)).toEqual([
      ['conflict', ['$4.2 billion', '$4.6 billion']],
      ['single', ['$500 million']],
    ]);
    expect(facts[0].conflict).toMatchObject({ code: 'MONEY_MISMATCH', severity: 'error' });
  });

  it('finds none when the other value is far from both, or near both', () => {
    expect(shown(merge(deal('a', ['$4.2 billion', 4.2e9], ['$500 million', 5e8]), deal('b', ['$9 billion', 9e9]))).map(([s]) => s)).toEqual(['single', 'single', 'single']);
    // 38 is as near 34 as 42: which of the two things it is about cannot be told.
    const a = doc('a').percent('34%', { percent: 34 }, 'stake', []).percent('42%', { percent: 42 }, 'stake', []);
    const b = doc('b').percent('38%', { percent: 38 }, 'stake', []);
    expect(merge(a, b).map((f) => f.status)).toEqual(['single', 'single', 'single']);
  });

  it('reads no weekday found from the document date as a near date', () => {
    const day = (iso: string): DateValue => ({ iso, from: iso, to: iso, granularity: 'day', month: Number(iso.slice(5, 7)), day: Number(iso.slice(8)) });
    const weekday = (iso: string): DateValue => ({ iso, from: iso, to: iso, granularity: 'day', relative: true, weekday: 0 });
    const a = doc('a').date('September 12', day('2025-09-12'), 'deadline', []).date('early 2026', { iso: '2026', from: '2026-01-01', to: '2026-04-30', granularity: 'part-of-month' }, 'deadline', []);
    const written = doc('b').date('September 21', day('2025-09-21'), 'deadline', []);
    expect(merge(a, written).filter((f) => f.status === 'conflict').map((f) => f.values.map((v) => v.text))).toEqual([['September 12', 'September 21']]);
    const b = doc('b').date('Monday', weekday('2025-09-15'), 'deadline', []);
    const c = doc('a').date('September 12', day('2025-09-12'), 'deadline', []).date('early 2026', { iso: '2026', from: '2026-01-01', to: '2026-04-30', granularity: 'part-of-month' }, 'deadline', []);
    expect(merge(c, b).filter((f) => f.status === 'conflict')).toEqual([]);
  });
});

describe('determinism', () => {
  it('gives the same facts whatever the order of the documents', () => {
    const build = () => {
      const x = doc('a');
      x.money('$14.8 billion', { amount: 14.8e9 }, 'deal value', [x.org('Acme'), x.org('Globex')]);
      const y = doc('b');
      y.money('$14.3 billion', { amount: 14.3e9 }, 'deal value', [y.org('Acme'), y.org('Globex')]);
      const z = doc('c');
      z.percent('49%', { percent: 49 }, 'stake', [z.org('Globex')]);
      return [x, y, z];
    };
    const [x, y, z] = build();
    const forward = merge(x, y, z);
    const [x2, y2, z2] = build();
    const backward = merge(z2, y2, x2);
    expect(JSON.stringify(backward)).toBe(JSON.stringify(forward));
  });
});

describe('factSortKey', () => {
  it('orders facts exactly as compareFacts does, prefixes and the unknown subject included', () => {
    const fact = (status: Fact['status'], subject: string, attribute: string, kind: string, mention: string): Fact => ({
      id: '',
      subject,
      attribute,
      kind,
      status,
      values: [{ value: null, text: '', docs: [], mentions: [mention] }],
    });
    const subjects = ['Acme', 'Acme Corp', 'Acme / Globex', 'acme', '(unknown)', 'Zoë', ''];
    const facts: Fact[] = [];
    for (const status of ['single', 'conflict', 'agreed'] as const) {
      for (const subject of subjects) {
        for (const attribute of ['deal value', 'deal', 'stake']) {
          facts.push(fact(status, subject, attribute, 'money', `d${facts.length % 3}#${facts.length}`), fact(status, subject, attribute, 'percent', 'd1#1'));
        }
      }
    }
    const byCompare = [...facts].sort(compareFacts);
    const byKey = [...facts].sort((a, b) => (factSortKey(a) < factSortKey(b) ? -1 : factSortKey(a) > factSortKey(b) ? 1 : 0));
    expect(byKey).toEqual(byCompare);
    expect(byCompare[0].status).toBe('conflict');
    expect(byCompare.at(-1)?.subject).toBe('(unknown)');
  });
});

describe('SPACES_TO_COLLAPSE', () => {
  it('collapses white space exactly as /\\s+/g does', () => {
    expect('a  b\tc \u00a0d\n'.replace(SPACES_TO_COLLAPSE, ' ')).toBe('a b c d ');
    const spaced = fc.array(fc.constantFrom('a', 'Zoë', ' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u2009', '\u3000', '\ufeff', '.'), { maxLength: 40 });
    fc.assert(fc.property(spaced, (parts) => {
      const text = parts.join('');
      expect(text.replace(SPACES_TO_COLLAPSE, ' ')).toBe(text.replace(/\s+/g, ' '));
    }));
  });
});
