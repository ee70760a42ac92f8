// How a fact's value reads to a person: the figure as written, with its normalised form where that adds something.
import type { DateValue, Fact, FactValue, MoneyValue, PercentValue } from '../model/report.js';

export function displayValue(kind: string, v: FactValue): string {
  switch (kind) {
    case 'money':
      return displayMoney(v.text, v.value as MoneyValue);
    case 'percent':
      return displayPercent(v.text, v.value as PercentValue);
    case 'date':
      return displayDate(v.text, v.value as DateValue);
    default:
      return v.text;
  }
}

function displayMoney(text: string, m: MoneyValue): string {
  if (m.amount !== null && !m.approximate && (m.min === null || m.min === m.amount) && (m.max === null || m.max === m.amount)) {
    return text;
  }
  const bound =
    m.min !== null && m.max !== null ? `${compact(m.min)}–${compact(m.max)}` : m.min !== null ? `≥ ${compact(m.min)}` : m.max !== null ? `≤ ${compact(m.max)}` : m.amount !== null ? `≈ ${compact(m.amount)}` : '';
  return bound ? `${text} (${bound} ${m.currency})` : text;
}

function displayPercent(text: string, p: PercentValue): string {
  return text.trim() === `${p.percent}%` ? text : `${text} (${p.percent}%)`;
}

function displayDate(text: string, d: DateValue): string {
  const resolved = d.iso ?? (d.from && d.to ? `${d.from}..${d.to}` : null);
  return resolved && resolved !== text ? `${text} → ${resolved}` : text;
}

/** 6100000000 → "6.1 billion". */
export function compact(n: number): string {
  const scales: Array<[number, string]> = [
    [1e12, 'trillion'],
    [1e9, 'billion'],
    [1e6, 'million'],
    [1e3, 'thousand'],
  ];
  for (const [size, word] of scales) {
    if (Math.abs(n) >= size) return `${Number((n / size).toPrecision(6))} ${word}`;
  }
  return String(n);
}

export function sourcesOf(v: FactValue): string[] {
  return (v.sources ?? []).map((s) => `${s.path}:${s.line}`);
}

export function factTitle(f: Fact): string {
  return `${f.subject} — ${f.attribute}`;
}
