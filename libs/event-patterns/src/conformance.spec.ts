import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { compilePattern, InvalidEventPatternException } from './index';
import { parseJson } from './json/parse-json';

// The shared folder is a sibling of the repository root (/work/main -> /work/shared).
const CASES_FILE = path.resolve(__dirname, '../../../../shared/conformance/eventbridge-patterns/cases.json');

interface ConformanceCase {
  name: string;
  pattern?: unknown;
  event?: unknown;
  patternRaw?: string;
  eventRaw?: string;
  expect: 'match' | 'nomatch' | 'invalid-pattern';
  awsError?: { code: string; message: string };
}

function loadCases(): ConformanceCase[] {
  if (!existsSync(CASES_FILE)) {
    throw new Error(`EventBridge conformance cases not found at ${CASES_FILE}`);
  }
  return JSON.parse(readFileSync(CASES_FILE, 'utf8')) as ConformanceCase[];
}

const cases = loadCases();

test('the conformance file holds all 113 AWS-checked cases', () => {
  expect(cases).toHaveLength(113);
});

describe('EventBridge conformance (outcomes checked against AWS)', () => {
  test.each(cases.map((c) => [c.name, c] as const))('%s', (_name, testCase) => {
    // Prepare: raw text is what AWS received, so it wins over the parsed form.
    const pattern = testCase.patternRaw ?? testCase.pattern;
    const event = testCase.eventRaw !== undefined ? parseJson(testCase.eventRaw) : testCase.event;

    // Act
    const outcome = evaluate(pattern, event);

    // Assess
    expect(outcome.result).toBe(testCase.expect);
    if (testCase.awsError) {
      expect(outcome.error?.name).toBe(testCase.awsError.code);
      expect(outcome.error?.message.startsWith(testCase.awsError.message)).toBe(true);
    }
    if (outcome.result !== 'invalid-pattern') expect(outcome.explained).toBe(outcome.result === 'match');
  });
});

function evaluate(pattern: unknown, event: unknown) {
  try {
    const compiled = compilePattern(pattern);
    const result = compiled.matches(event) ? 'match' : 'nomatch';
    return { result, explained: compiled.explain(event).matched, error: undefined };
  } catch (error) {
    if (!(error instanceof InvalidEventPatternException)) throw error;
    return { result: 'invalid-pattern', explained: undefined, error };
  }
}
