import { compilePattern } from './compile';
import { InvalidEventException } from './errors';
import { JsonSyntaxError } from './json/json-syntax-error';
import { parseJson } from './json/parse-json';
import { isObject } from './match/leaf-values';

/** Fields TestEventPattern insists on; AWS accepts events without `resources`. */
export const REQUIRED_EVENT_FIELDS = ['id', 'account', 'source', 'time', 'region', 'detail-type'] as const;

/**
 * Shaped like the EventBridge TestEventPattern API: both arguments are JSON text.
 * @throws InvalidEventPatternException for a pattern AWS would reject.
 * @throws InvalidEventException (name 'ValidationException') for an event it would reject.
 */
export function testEventPattern(patternText: string, eventText: string): boolean {
  const pattern = compilePattern(patternText);
  return pattern.matches(readEvent(eventText));
}

function readEvent(eventText: string): Record<string, unknown> {
  let event: unknown;
  try {
    event = parseJson(eventText);
  } catch (error) {
    if (error instanceof JsonSyntaxError) throw new InvalidEventException(error.message);
    throw error;
  }
  if (!isObject(event)) throw new InvalidEventException('the event must be a JSON object');
  const missing = REQUIRED_EVENT_FIELDS.filter((field) => !(field in event));
  if (missing.length > 0) throw new InvalidEventException(`missing required field(s): ${missing.join(', ')}`);
  return event;
}
