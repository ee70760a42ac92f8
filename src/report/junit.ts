// JUnit XML, which most CI systems show as a test report: one test case per fact, a failure for each conflict.
import type { Fact, Report } from '../model/report.js';
import { displayValue, sourcesOf } from './values.js';

export function formatJunit(report: Report): string {
  const failures = report.facts.filter((f) => f.status === 'conflict').length;
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="facts" tests="${report.facts.length}" failures="${failures}" errors="0">`,
    `  <testsuite name="facts" tests="${report.facts.length}" failures="${failures}" errors="0" skipped="0">`,
  ];
  for (const fact of report.facts) out.push(...testCase(fact));
  out.push('  </testsuite>', '</testsuites>');
  return `${out.join('\n')}\n`;
}

function testCase(fact: Fact): string[] {
  const open = `    <testcase classname="${xml(`facts.${fact.kind}`)}" name="${xml(`${fact.subject} · ${fact.attribute}`)}"`;
  if (fact.status !== 'conflict' || !fact.conflict) return [`${open}/>`];
  const evidence = fact.values.map((v) => `${displayValue(fact.kind, v)}: ${sourcesOf(v).join(', ')}`).join('\n');
  return [
    `${open}>`,
    `      <failure message="${xml(fact.conflict.message)}" type="${xml(`${fact.conflict.code} (${fact.conflict.severity})`)}">${xml(evidence)}</failure>`,
    '    </testcase>',
  ];
}

// Characters XML 1.0 cannot carry at all (controls other than tab and newlines, lone surrogates, U+FFFE/U+FFFF).
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text safe in both XML attributes and element content. */
export function xml(text: string): string {
  return text
    .replace(NOT_XML, '\ufffd')
    .replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[ch]!)
    // DEL, C1 controls and bidi overrides are valid XML but act on a terminal: written as character references.
    .replace(/[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (ch) => `&#x${ch.charCodeAt(0).toString(16).toUpperCase()};`)
    .replace(/\r/g, '&#13;');
}
