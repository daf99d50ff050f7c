export { compilePattern, explainMatch, matchesPattern, validatePattern, type CompiledPattern } from './compile';
export { InvalidEventException, InvalidEventPatternException, PATTERN_ERROR_PREFIX } from './errors';
export type { MatchExplanation, MatchReason, ReasonOperator } from './explain/types';
export { MAX_PATTERN_LENGTH } from './pattern/read-pattern';
export { REQUIRED_EVENT_FIELDS, testEventPattern } from './test-event-pattern';
