// Readers for the CI formats, shared by the formatter tests and the CLI tests: a GitHub workflow-command parser and
// a hand check of a SARIF log against the parts of the SARIF 2.1.0 schema that `facts` uses.
import { expect } from 'vitest';
import { SARIF_SCHEMA } from '../../src/report/sarif.js';

export interface Annotation {
  level: string;
  props: Record<string, string>;
  message: string;
}

const unescape = (s: string) => s.replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');

/** Parses a workflow command the way the runner does: `::level k=v,k=v::message`. */
export function parseAnnotation(line: string): Annotation {
  const m = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line);
  if (!m) throw new Error(`not a workflow command: ${line}`);
  const props: Record<string, string> = {};
  for (const pair of (m[2] ?? '').split(',').filter(Boolean)) {
    const eq = pair.indexOf('=');
    props[pair.slice(0, eq)] = unescape(pair.slice(eq + 1));
  }
  return { level: m[1], props, message: unescape(m[3]) };
}

export type Json = Record<string, unknown>;

// From sarif-schema-2.1.0.json: the properties each object may have (additionalProperties is false on all of them).
const ALLOWED: Record<string, string[]> = {
  sarifLog: ['$schema', 'version', 'runs', 'inlineExternalProperties', 'properties'],
  run: ['tool', 'invocations', 'conversion', 'language', 'versionControlProvenance', 'originalUriBaseIds', 'artifacts', 'logicalLocations', 'graphs', 'results', 'automationDetails', 'runAggregates', 'baselineGuid', 'redactionTokens', 'defaultEncoding', 'defaultSourceLanguage', 'newlineSequences', 'columnKind', 'externalPropertyFileReferences', 'threadFlowLocations', 'taxonomies', 'addresses', 'translations', 'policies', 'webRequests', 'webResponses', 'specialLocations', 'properties'],
  tool: ['driver', 'extensions', 'properties'],
  toolComponent: ['guid', 'name', 'organization', 'product', 'productSuite', 'shortDescription', 'fullDescription', 'fullName', 'version', 'semanticVersion', 'dottedQuadFileVersion', 'releaseDateUtc', 'downloadUri', 'informationUri', 'globalMessageStrings', 'notifications', 'rules', 'taxa', 'locations', 'language', 'contents', 'isComprehensive', 'localizedDataSemanticVersion', 'minimumRequiredLocalizedDataSemanticVersion', 'associatedComponent', 'translationMetadata', 'supportedTaxonomies', 'properties'],
  reportingDescriptor: ['id', 'deprecatedIds', 'guid', 'deprecatedGuids', 'name', 'deprecatedNames', 'shortDescription', 'fullDescription', 'messageStrings', 'defaultConfiguration', 'helpUri', 'help', 'relationships', 'properties'],
  result: ['ruleId', 'ruleIndex', 'rule', 'kind', 'level', 'message', 'analysisTarget', 'locations', 'guid', 'correlationGuid', 'occurrenceCount', 'partialFingerprints', 'fingerprints', 'stacks', 'codeFlows', 'graphs', 'graphTraversals', 'relatedLocations', 'suppressions', 'baselineState', 'rank', 'attachments', 'hostedViewerUri', 'workItemUris', 'provenance', 'fixes', 'taxa', 'webRequest', 'webResponse', 'properties'],
  location: ['id', 'physicalLocation', 'logicalLocations', 'message', 'annotations', 'relationships', 'properties'],
  physicalLocation: ['address', 'artifactLocation', 'region', 'contextRegion', 'properties'],
  artifactLocation: ['uri', 'uriBaseId', 'index', 'description', 'properties'],
  region: ['startLine', 'startColumn', 'endLine', 'endColumn', 'charOffset', 'charLength', 'byteOffset', 'byteLength', 'snippet', 'message', 'sourceLanguage', 'properties'],
  message: ['text', 'markdown', 'id', 'arguments', 'properties'],
};

function only(obj: unknown, type: string): Json {
  expect(obj, type).toBeTypeOf('object');
  for (const key of Object.keys(obj as Json)) expect(ALLOWED[type], `${type}.${key}`).toContain(key);
  return obj as Json;
}

/** Checks a log against the SARIF 2.1.0 rules for the objects `facts` writes; returns the results. */
export function checkSarif(text: string): Json[] {
  const log = only(JSON.parse(text), 'sarifLog');
  expect(log.version).toBe('2.1.0');
  expect(log.$schema).toBe(SARIF_SCHEMA);
  expect(Array.isArray(log.runs)).toBe(true);
  const results: Json[] = [];
  for (const r of log.runs as unknown[]) {
    const run = only(r, 'run');
    expect(['utf16CodeUnits', 'unicodeCodePoints']).toContain(run.columnKind);
    const driver = only(only(run.tool, 'tool').driver, 'toolComponent');
    expect(driver.name).toBe('facts');
    const rules = (driver.rules as unknown[]).map((x) => only(x, 'reportingDescriptor'));
    expect(new Set(rules.map((x) => x.id)).size).toBe(rules.length);
    for (const rule of rules) {
      expect(rule.id).toMatch(/^[A-Z_]+$/);
      expect(((rule.shortDescription as Json).text as string).length).toBeGreaterThan(0);
      expect(['none', 'note', 'warning', 'error']).toContain((rule.defaultConfiguration as Json).level);
    }
    for (const x of run.results as unknown[]) {
      const result = only(x, 'result');
      expect(rules[result.ruleIndex as number].id).toBe(result.ruleId);
      expect(['none', 'note', 'warning', 'error']).toContain(result.level);
      expect((only(result.message, 'message').text as string).length).toBeGreaterThan(0);
      for (const value of Object.values(result.partialFingerprints as Json)) expect(value).toBeTypeOf('string');
      for (const l of result.locations as unknown[]) {
        const physical = only(only(l, 'location').physicalLocation, 'physicalLocation');
        const artifact = only(physical.artifactLocation, 'artifactLocation');
        // A relative URI reference: no scheme, no backslashes, nothing that would need escaping.
        expect(artifact.uri).toMatch(/^[A-Za-z0-9._~!$&'()*+,;=:@%/-]+$/);
        expect(artifact.uri).not.toMatch(/^[a-z]+:/);
        const region = only(physical.region, 'region');
        expect(region.startLine).toBeGreaterThanOrEqual(1);
        expect(region.startColumn).toBeGreaterThanOrEqual(1);
        if (region.endColumn !== undefined) expect(region.endColumn).toBeGreaterThan(region.startColumn as number);
      }
      results.push(result);
    }
  }
  return results;
}

