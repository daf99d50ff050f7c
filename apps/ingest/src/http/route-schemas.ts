import { Type } from '@sinclair/typebox';
import { ReadingIdSchema, ReadingSchema } from '@pulse/schemas';
import { ErrorBodySchema, ValidationIssueSchema } from '@pulse/service-kit';
import { MAX_READINGS_PER_REQUEST } from '../domain/limits';

// The bodies of POST /v1/readings, for the OpenAPI document.

export const ReadingsRequestSchema = Type.Union([
  ReadingSchema,
  Type.Object({ readings: Type.Array(ReadingSchema, { minItems: 1, maxItems: MAX_READINGS_PER_REQUEST }) }, { additionalProperties: false }),
]);

export const AcceptedBodySchema = Type.Object({
  batchId: Type.String({ description: 'id of the ReadingsReceived batch (suffixed .1, .2, … when the request filled several events)' }),
  accepted: Type.Integer({ minimum: 1 }),
  readingIds: Type.Array(ReadingIdSchema, { description: 'one per accepted reading, in request order' }),
  rejected: Type.Array(
    Type.Object({ index: Type.Integer({ minimum: 0, description: 'position in the request (NDJSON: record number)' }), errors: Type.Array(ValidationIssueSchema) }),
  ),
});

export const UnavailableBodySchema = Type.Object({
  error: ErrorBodySchema.properties.error,
  notAccepted: Type.Array(ReadingIdSchema, { description: 'readings the bus did not accept: send them again' }),
  accepted: Type.Array(ReadingIdSchema, { description: 'readings the bus did accept (sending them again is harmless)' }),
});
