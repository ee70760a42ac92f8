// The JUnit format: one test case per fact, a failure for each conflict, and text that cannot break the XML.
import { describe, expect, it } from 'vitest';
import { formatJunit, xml } from '../../src/report/junit.js';
import { conflictReport } from './conflict-report.js';

describe('formatJunit', () => {
  const out = formatJunit(conflictReport());

  it('counts one test per fact and one failure per conflict', () => {
    expect(out).toContain('<testsuite name="facts" tests="4" failures="2" errors="0" skipped="0">');
    expect(out.match(/<testcase /g)).toHaveLength(4);
    expect(out.match(/<failure /g)).toHaveLength(2);
  });

  it('names each case by subject and attribute, with the kind as its class', () => {
    const names = [...out.matchAll(/<testcase classname="([^"]*)" name="([^"]*)"/g)].map((m) => [m[1], m[2]]);
    expect(names).toEqual([
      ['facts.money', 'Acme / Globex · deal value'],
      ['facts.title', 'Jo, &quot;The Boss&quot; &lt;Smith&gt; · role'],
      ['facts.percent', 'Acme / Globex · stake'],
      ['facts.date', 'Acme · founding date'],
    ]);
  });

  it('gives the conflict code and severity as the failure type and lists every value with its sources', () => {
    expect(out).toContain('type="MONEY_MISMATCH (error)"');
    expect(out).toContain('type="TITLE_MISMATCH (warning)"');
    expect(out).toContain('$2.1 billion: news/c dir/c#1.txt:7');
  });

  it('has balanced elements and no raw markup from the articles', () => {
    const body = out.replace(/^<\?xml[^>]*\?>\n/, '');
    const tags = [...body.matchAll(/<(\/?)([a-z]+)[^>]*?(\/?)>/g)];
    const stack: string[] = [];
    for (const [, close, name, selfClosing] of tags) {
      if (selfClosing) continue;
      if (close) expect(stack.pop()).toBe(name);
      else stack.push(name);
    }
    expect(stack).toEqual([]);
  });

  it.each([
    ['a & b', 'a &amp; b'],
    ['<x y="1">', '&lt;x y=&quot;1&quot;&gt;'],
    ["it's", 'it&apos;s'],
    ['bell\u0007 esc\u001b', 'bell\ufffd esc\ufffd'],
    ['lone \ud800 surrogate', 'lone \ufffd surrogate'],
    ['emoji 😀 kept', 'emoji 😀 kept'],
  ])('escapes %j', (text, expected) => {
    expect(xml(text)).toBe(expected);
  });
});
