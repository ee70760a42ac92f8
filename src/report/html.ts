// A self-contained HTML report: conflicts as cards (each side's sentence with the figure highlighted and its
// source), a filterable fact table, and every document with its mentions highlighted by kind. One file, no network:
// inline style, one inline script allowed by its hash in a strict Content-Security-Policy. Deterministic.
import { conflictSides } from '../merge/baseline.js';
import type { Claim, Fact, FactValue, Mention, Report, Source } from '../model/report.js';
import { CSP, SCRIPT, STYLE } from './html-assets.js';
import { highlightFigure, highlightText, htmlText } from './html-text.js';
import { summaryLine } from './table.js';
import type { FormatOptions } from './types.js';
import { displayValue } from './values.js';

const KINDS = ['person', 'organization', 'place', 'money', 'percent', 'date', 'quote'] as const;
const STATUS_LABEL: Record<Fact['status'], string> = { conflict: 'conflict', agreed: 'agreed', single: 'single source' };

type Located = Pick<Mention | Claim, 'text' | 'start' | 'end'>;

interface Context {
  report: Report;
  /** Anchor id of each document ("doc-3"): ids from file names may hold anything, so they are not used in markup. */
  anchor: Map<string, string>;
  located: Map<string, Located>;
}

export function formatHtml(report: Report, options: FormatOptions): string {
  const ctx: Context = {
    report,
    anchor: new Map(report.documents.map((d, i) => [d.id, `doc-${i + 1}`])),
    located: new Map<string, Located>([...(report.claims ?? []), ...report.mentions].map((m) => [m.id, m])),
  };
  const conflicts = report.facts.filter((f) => f.status === 'conflict');
  const body = [
    '<main>',
    '<header>',
    '<h1>Facts</h1>',
    `<p class="summary">${htmlText(summaryLine(report))}</p>`,
    '<nav><a href="#conflicts">Conflicts</a><a href="#facts">Facts</a><a href="#documents">Documents</a></nav>',
    '</header>',
    `<section id="conflicts"><h2>Conflicts (${conflicts.length})</h2>`,
    ...(conflicts.length > 0 ? conflicts.map((f) => conflictCard(f, ctx)) : ['<p>No conflicts: the sources agree.</p>']),
    '</section>',
    factTable(report, ctx),
    documentsSection(report, options.texts ?? {}, ctx),
    '</main>',
  ].filter((s) => s !== '');
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${htmlText(`Facts: ${summaryLine(report)}`)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    ...body,
    `<script>${SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function conflictCard(fact: Fact, ctx: Context): string {
  const sides = conflictSides(fact);
  const others = fact.values.filter((v) => !sides.includes(v));
  return [
    `<article class="card" id="${htmlText(`fact-${fact.id}`)}">`,
    `<h3><span class="code">${htmlText(fact.conflict?.code ?? 'CONFLICT')}</span>${htmlText(fact.subject)} · ${htmlText(fact.attribute)}</h3>`,
    fact.conflict ? `<p class="message">${htmlText(fact.conflict.message)}</p>` : '',
    '<div class="sides">',
    ...sides.map((v) => side(fact, v, ctx)),
    '</div>',
    others.length > 0
      ? `<p class="also">Also stated: ${others.map((v) => `${htmlText(displayValue(fact.kind, v))} (${sourceLinks(v, ctx)})`).join('; ')}</p>`
      : '',
    '</article>',
  ]
    .filter((s) => s !== '')
    .join('\n');
}

function side(fact: Fact, v: FactValue, ctx: Context): string {
  const quotes = (v.sources ?? []).map((s) => {
    const figure = ctx.located.get(s.mention)?.text ?? v.text;
    return `<blockquote>${highlightFigure(s.sentence, figure)}</blockquote><cite>${sourceLink(s, ctx)}</cite>`;
  });
  return `<div class="side"><div class="value">${htmlText(displayValue(fact.kind, v))}</div>${quotes.join('')}</div>`;
}

function sourceLink(s: Source, ctx: Context): string {
  const anchor = ctx.anchor.get(s.doc);
  const label = htmlText(`${s.path}:${s.line}`);
  return anchor ? `<a href="#${anchor}-L${s.line}">${label}</a>` : label;
}

function sourceLinks(v: FactValue, ctx: Context): string {
  return (v.sources ?? []).map((s) => sourceLink(s, ctx)).join(', ');
}

function factTable(report: Report, ctx: Context): string {
  const rows = report.facts.map((f) => {
    const values = f.values
      .map((v) => `<li>${htmlText(displayValue(f.kind, v))} <span class="src">${sourceLinks(v, ctx)}</span></li>`)
      .join('');
    return [
      `<tr data-status="${htmlText(f.status)}">`,
      `<td><span class="status ${htmlText(f.status)}">${htmlText(STATUS_LABEL[f.status] ?? f.status)}</span></td>`,
      `<td>${htmlText(f.subject)}</td>`,
      `<td>${htmlText(f.attribute)}</td>`,
      `<td><ul>${values}</ul></td>`,
      '</tr>',
    ].join('');
  });
  return [
    `<section id="facts"><h2>Facts (${report.facts.length})</h2>`,
    '<div class="filters">',
    '<input type="search" id="filter" placeholder="Filter facts: a name, a figure, a file…" aria-label="Filter facts">',
    '<select id="status" aria-label="Status">',
    '<option value="">All statuses</option>',
    '<option value="conflict">Conflicts</option>',
    '<option value="agreed">Agreed</option>',
    '<option value="single">Single source</option>',
    '</select>',
    `<span id="shown">${report.facts.length} of ${report.facts.length} facts</span>`,
    '</div>',
    '<table id="fact-table">',
    '<thead><tr><th>Status</th><th>Subject</th><th>Attribute</th><th>Values and sources</th></tr></thead>',
    '<tbody>',
    ...rows,
    '</tbody>',
    '</table>',
    '</section>',
  ].join('\n');
}

function documentsSection(report: Report, texts: Record<string, string>, ctx: Context): string {
  const legend = KINDS.map(
    (k) => `<label><input type="checkbox" checked data-kind="${k}"> <mark class="k-${k}">${k}</mark></label>`,
  ).join('\n');
  const docs = report.documents.map((d) => {
    const anchor = ctx.anchor.get(d.id)!;
    const mentions = report.mentions.filter((m) => m.doc === d.id);
    const text = Object.hasOwn(texts, d.id) ? texts[d.id] : undefined;
    const meta = [`${mentions.length} mention${mentions.length === 1 ? '' : 's'}`, d.date ? `dated ${d.date}` : 'date unknown'].join(' · ');
    let content: string;
    if (text === undefined) {
      content = `<p class="missing">Text not included in this report.</p>`;
    } else {
      // Only mentions whose offsets match this text are marked: a stale or foreign offset must not mislabel text.
      const highlights = mentions
        .filter((m) => text.slice(m.start, m.end) === m.text)
        .map((m) => ({ start: m.start, end: m.end, className: `k-${m.kind}`, title: m.kind }));
      content = `<div class="text">${highlightText(text, highlights, (n) => `<span class="line" id="${anchor}-L${n}"></span>`)}</div>`;
    }
    return [`<article class="doc" id="${anchor}">`, `<h3>${htmlText(d.path)}</h3>`, `<p class="meta">${htmlText(meta)}</p>`, content, '</article>'].join('\n');
  });
  return [`<section id="documents"><h2>Documents (${report.documents.length})</h2>`, `<div class="legend">${legend}</div>`, ...docs, '</section>'].join('\n');
}
