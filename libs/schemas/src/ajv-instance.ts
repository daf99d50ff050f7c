import Ajv from 'ajv';
import { isIsoDateTime } from './iso-date-time';

/**
 * The one Ajv instance every Pulse validator is compiled with.
 * - allErrors: a sender gets every problem of a reading at once, not one per retry;
 * - verbose: error objects carry their schema, so messages can quote descriptions;
 * - strict: a schema typo (unknown keyword, ambiguous type) fails at load, not silently;
 * - strictNumbers (Ajv's default) rejects NaN and ±Infinity as numbers.
 */
export const ajv = new Ajv({
  allErrors: true,
  verbose: true,
  strict: true,
  formats: { 'date-time': { type: 'string', validate: isIsoDateTime } },
});

/** Annotation only: the reason behind a bound, appended to the error message. */
ajv.addKeyword({ keyword: 'rationale', schemaType: 'string' });
