import Ajv, { type Options } from 'ajv';
import { isIsoDateTime } from './iso-date-time';

/**
 * Formats Pulse schemas use, each with the name its validator is exported under: generated
 * (standalone) validators import it from there instead of carrying a copy.
 */
export const PULSE_FORMATS = { 'date-time': { validate: isIsoDateTime, exportName: 'isIsoDateTime' } } as const;

/**
 * An Ajv instance with the options every Pulse validator is compiled with.
 * - allErrors: a sender gets every problem of a reading at once, not one per retry;
 * - strict: a schema typo (unknown keyword, ambiguous type) fails at load, not silently;
 * - strictNumbers (Ajv's default) rejects NaN and ±Infinity as numbers.
 * Callers add `verbose` (error objects carry their schema, so messages can quote descriptions)
 * or the standalone-code options.
 */
export function createPulseAjv(options: Options = {}): Ajv {
  const formats = Object.fromEntries(Object.entries(PULSE_FORMATS).map(([name, format]) => [name, format.validate]));
  const ajv = new Ajv({ allErrors: true, strict: true, formats, ...options });
  // Annotation only: the reason behind a bound, appended to the error message.
  ajv.addKeyword({ keyword: 'rationale', schemaType: 'string' });
  return ajv;
}
