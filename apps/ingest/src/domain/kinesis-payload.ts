import { Type } from '@sinclair/typebox';
import { FleetIdSchema, parseJson, precompiledValidator, type ValidationIssue } from '@pulse/schemas';
import validateKinesisPayload from '../generated/kinesis-payload';

/** A Kinesis record's data: `{ fleetId, readings }` (producers are trusted by IAM on the stream). */
export const KinesisPayloadSchema = Type.Object(
  {
    fleetId: FleetIdSchema,
    readings: Type.Array(Type.Unknown(), { minItems: 1, maxItems: 10_000, description: 'readings, as POST /v1/readings takes them' }),
  },
  { additionalProperties: false },
);

const validatePayload = /* @__PURE__ */ precompiledValidator(KinesisPayloadSchema, validateKinesisPayload);

export type KinesisPayload = { ok: true; fleetId: string; readings: unknown[] } | { ok: false; issues: ValidationIssue[] };

/** Decoded record data as a payload, or the reasons it is not one (a malformed record). */
export function parseKinesisPayload(text: string): KinesisPayload {
  const parsed = parseJson(text);
  if (!parsed.ok) return { ok: false, issues: parsed.errors };
  const payload = validatePayload(parsed.value);
  if (!payload.ok) return { ok: false, issues: payload.errors };
  return { ok: true, fleetId: payload.value.fleetId, readings: payload.value.readings };
}
