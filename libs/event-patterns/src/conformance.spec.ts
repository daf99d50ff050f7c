import { compilePattern, InvalidEventPatternException } from './index';
import { parseJson } from './json/parse-json';
import { loadConformanceCases } from './testing/conformance-cases';

const cases = loadConformanceCases();

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
