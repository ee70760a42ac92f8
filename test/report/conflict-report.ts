// A hand-built report with one money conflict (two sides and a vague value that fits both), a warning-level
// conflict of a kind no rule knows (so every value is a side) whose text needs escaping, an agreed fact and a single-source fact: input for the CI formatters' tests.
import type { Fact, FactValue, Mention, Report } from '../../src/model/report.js';

function value(v: unknown, text: string, doc: string, path: string, line: number, column: number, sentence = `${text}.`): FactValue {
  const mention = `${doc}#${line}`;
  return { value: v, text, docs: [doc], mentions: [mention], sources: [{ doc, path, line, column, sentence, mention }] };
}

const money = (amount: number | null, min: number | null = amount, max: number | null = amount, approximate = false) => ({
  amount,
  currency: 'USD',
  min,
  max,
  approximate,
});

export const MONEY_CONFLICT: Fact = {
  id: 'F1',
  subject: 'Acme / Globex',
  attribute: 'deal value',
  kind: 'money',
  status: 'conflict',
  values: [
    value(money(null, 1e9, null, true), 'billion-dollar', 'a', 'news/a.txt', 3, 10),
    value(money(2.5e9), '$2.5 billion', 'b', 'news/b.txt', 4, 21),
    value(money(2.1e9), '$2.1 billion', 'c', 'news/c dir/c#1.txt', 7, 5),
  ],
  conflict: {
    code: 'MONEY_MISMATCH',
    severity: 'error',
    message: 'deal value of Acme / Globex: "$2.5 billion" in news/b.txt:4 vs "$2.1 billion" in news/c dir/c#1.txt:7',
  },
};

export const TITLE_CONFLICT: Fact = {
  id: 'F2',
  subject: 'Jo, "The Boss" <Smith>',
  attribute: 'role',
  kind: 'title',
  status: 'conflict',
  values: [value('chief executive', 'chief executive', 'a', 'news/a.txt', 5, 1), value('chair: 50%', 'chair: 50%', 'b', 'news/b.txt', 9, 2)],
  conflict: { code: 'TITLE_MISMATCH', severity: 'warning', message: 'role of Jo: 100% "chief executive"\nvs "chair: 50%" & more' },
};

export const AGREED: Fact = {
  id: 'F3',
  subject: 'Acme / Globex',
  attribute: 'stake',
  kind: 'percent',
  status: 'agreed',
  values: [{ ...value({ percent: 49 }, '49%', 'a', 'news/a.txt', 3, 40), docs: ['a', 'b'] }],
};

export const SINGLE: Fact = {
  id: 'F4',
  subject: 'Acme',
  attribute: 'founding date',
  kind: 'date',
  status: 'single',
  values: [value({ iso: '2016', from: '2016-01-01', to: '2016-12-31', granularity: 'year' }, '2016', 'a', 'news/a.txt', 8, 3)],
};

const mention = (id: string, doc: string, text: string, line: number, column: number): Mention => ({
  id,
  doc,
  kind: 'money',
  text,
  start: 100,
  end: 100 + text.length,
  line,
  column,
  value: money(null),
});

export function conflictReport(facts: Fact[] = [MONEY_CONFLICT, TITLE_CONFLICT, AGREED, SINGLE]): Report {
  return {
    version: 1,
    documents: [
      { id: 'a', path: 'news/a.txt', date: '2025-06-19', dateSource: 'byline' },
      { id: 'b', path: 'news/b.txt', date: null, dateSource: null },
      { id: 'c', path: 'news/c dir/c#1.txt', date: null, dateSource: null },
    ],
    mentions: [mention('b#4', 'b', '$2.5 billion', 4, 21), mention('c#7', 'c', '$2.1 billion', 7, 5)],
    facts,
    summary: { documents: 3, mentions: 2, facts: facts.length, conflicts: facts.filter((f) => f.status === 'conflict').length },
  };
}
