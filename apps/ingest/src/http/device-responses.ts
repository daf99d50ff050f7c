import { badRequest, errorResponse, json, noContent, notFound, type HttpResult } from '@pulse/service-kit';
import type { RegisterOutcome } from '../domain/register-device';
import type { RetireOutcome } from '../domain/retire-device';

export function registerResponse(outcome: RegisterOutcome, retryAfterSeconds: number): HttpResult {
  switch (outcome.kind) {
    case 'saved':
      return json(outcome.created ? 201 : 200, outcome.device);
    case 'invalid':
      return badRequest(outcome.issues, 'The device registration is invalid');
    case 'conflict':
      return errorResponse(409, 'Conflict', outcome.message);
    case 'unavailable':
      return errorResponse(503, 'ServiceUnavailable', outcome.message, undefined, { 'retry-after': String(retryAfterSeconds) });
  }
}

export function retireResponse(outcome: RetireOutcome, retryAfterSeconds: number): HttpResult {
  switch (outcome.kind) {
    case 'retired':
      return noContent();
    case 'notFound':
      return notFound("No such device in this key's fleet");
    case 'conflict':
      return errorResponse(409, 'Conflict', outcome.message);
    case 'unavailable':
      return errorResponse(503, 'ServiceUnavailable', outcome.message, undefined, { 'retry-after': String(retryAfterSeconds) });
  }
}
