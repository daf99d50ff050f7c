import { Type, type Static } from '@sinclair/typebox';
import { decodeCursor, encodeCursor, type ValidationResult } from '@pulse/service-kit';

/** A position in the Alerts table or one of its indexes: DynamoDB's LastEvaluatedKey. */
const AlertPositionSchema = Type.Object(
  {
    fleetId: Type.String(),
    alertKey: Type.String(),
    fleetStatus: Type.Optional(Type.String()),
    fleetZone: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type AlertPosition = Static<typeof AlertPositionSchema>;

/** Which list a cursor belongs to: a cursor only continues the list it came from. */
export interface ListScope {
  readonly fleetId: string;
  readonly status?: string;
  readonly zoneId?: string;
}

export function encodeAlertCursor(position: AlertPosition): string {
  return encodeCursor(position);
}

/**
 * Decodes a cursor and checks that it continues this caller's list: another fleet's key, or a
 * key of another index, would otherwise reach DynamoDB as an ExclusiveStartKey (a 500, or
 * worse a peek across fleets). Anything off is a 400 naming `cursor`.
 */
export function decodeAlertCursor(cursor: string, scope: ListScope): ValidationResult<AlertPosition> {
  const decoded = decodeCursor<AlertPosition>(cursor, AlertPositionSchema);
  if (!decoded.ok) return decoded;
  const position = decoded.value;
  const expected = indexKeyFor(scope);
  const fits =
    position.fleetId === scope.fleetId &&
    position.fleetStatus === expected.fleetStatus &&
    position.fleetZone === expected.fleetZone;
  if (!fits) return { ok: false, errors: [{ path: 'cursor', rule: 'cursor', message: 'cursor does not match this list' }] };
  return decoded;
}

/** The index key attribute a list uses: byZone when a zone is given, byStatus for a status alone. */
export function indexKeyFor(scope: ListScope): { fleetStatus?: string; fleetZone?: string } {
  if (scope.zoneId !== undefined) return { fleetZone: `${scope.fleetId}#${scope.zoneId}` };
  if (scope.status !== undefined) return { fleetStatus: `${scope.fleetId}#${scope.status}` };
  return {};
}
