import fc from 'fast-check';
import type { Expectation } from './expectation';

/** One generated POST /v1/readings and what it must be answered. */
export interface MalformedRequest {
  /** The family of defect, for the fuzz counts. */
  readonly kind: string;
  /** Undefined: no content-type header at all. */
  readonly contentType: string | undefined;
  readonly body: Buffer;
  readonly expected: Expectation;
}

export const JSON_CONTENT_TYPES = [undefined, 'application/json', 'application/json; charset=utf-8', 'Application/JSON', 'application/vnd.pulse.readings+json'] as const;
export const NDJSON_CONTENT_TYPES = ['application/x-ndjson', 'application/ndjson', 'application/jsonl', 'application/x-jsonlines', 'application/x-ndjson; charset=utf-8'] as const;

/**
 * A request that prints as a short description in fast-check's counterexamples rather than
 * as every byte of a body that may weigh a megabyte.
 */
export function malformedRequest(kind: string, contentType: string | undefined, body: Buffer, expected: Expectation): MalformedRequest {
  return {
    kind,
    contentType,
    body,
    expected,
    [fc.toStringMethod]: () =>
      `${kind} (${body.length} bytes, content-type ${contentType ?? 'none'}) ${JSON.stringify(body.subarray(0, 300).toString('utf8'))} → ${JSON.stringify(expected)}`,
  } as MalformedRequest;
}
