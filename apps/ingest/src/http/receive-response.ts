import { badRequest, errorResponse, json, tooManyRequests, type HttpResult } from '@pulse/service-kit';
import type { ReceiveOutcome } from '../domain/receive-readings';

/** The HTTP answer to each outcome of POST /v1/readings (never a 5xx for bad input). */
export function receiveResponse(outcome: ReceiveOutcome): HttpResult {
  switch (outcome.kind) {
    case 'accepted':
      return json(202, outcome.body);
    case 'invalid':
      return badRequest(outcome.issues, outcome.message);
    case 'forbidden':
      return errorResponse(403, 'Forbidden', outcome.message, outcome.issues);
    case 'tooLarge':
      return errorResponse(413, 'PayloadTooLarge', outcome.message);
    case 'unsupportedMediaType':
      return errorResponse(415, 'UnsupportedMediaType', outcome.message);
    case 'throttled':
      return tooManyRequests(outcome.retryAfterSeconds, "Too many requests for this fleet; retry after the time in 'retry-after'");
    case 'unavailable':
      return json(
        503,
        { error: { code: 'ServiceUnavailable', message: outcome.message }, notAccepted: outcome.notAccepted, accepted: outcome.accepted },
        { 'retry-after': String(outcome.retryAfterSeconds) },
      );
  }
}
