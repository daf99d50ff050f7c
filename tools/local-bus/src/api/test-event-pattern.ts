import { InvalidEventException, InvalidEventPatternException, testEventPattern } from '@pulse/event-patterns';
import { AwsError } from './aws-error';
import { requiredString, type Input } from './input';

/** TestEventPattern through the pattern engine, with the engine's errors under AWS's names. */
export function testPattern(input: Input) {
  const pattern = requiredString(input, 'EventPattern');
  const event = requiredString(input, 'Event');
  try {
    return { Result: testEventPattern(pattern, event) };
  } catch (error) {
    throw asAwsError(error);
  }
}

/** InvalidEventPatternException keeps its name; a bad event is a ValidationException, as in AWS. */
export function asAwsError(error: unknown): unknown {
  if (error instanceof InvalidEventPatternException) return new AwsError('InvalidEventPatternException', error.message);
  if (error instanceof InvalidEventException) return new AwsError('ValidationException', error.message);
  return error;
}
