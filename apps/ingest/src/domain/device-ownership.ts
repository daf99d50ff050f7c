import type { ValidationIssue } from '@pulse/schemas';
import type { Admission, AdmittedReading } from './admitted-readings';

/** The port: which of these devices does the fleet own? */
export interface DeviceOwnership {
  ownedDevices(fleetId: string, deviceIds: readonly string[]): Promise<ReadonlySet<string>>;
}

export const OWNERSHIP_RULE = 'ownership';

export function ownershipIssue(fleetId: string, deviceId: string): ValidationIssue {
  return { path: 'deviceId', rule: OWNERSHIP_RULE, message: `device '${deviceId}' is not registered to fleet '${fleetId}'` };
}

/** Splits valid readings by ownership, with one lookup of the distinct devices. */
export async function checkOwnership(
  fleetId: string,
  candidates: readonly AdmittedReading[],
  ownership: DeviceOwnership,
): Promise<Admission> {
  if (candidates.length === 0) return { admitted: [], rejected: [] };
  const devices = [...new Set(candidates.map((c) => c.reading.deviceId))];
  const owned = await ownership.ownedDevices(fleetId, devices);
  const admission: Admission = { admitted: [], rejected: [] };
  for (const candidate of candidates) {
    if (owned.has(candidate.reading.deviceId)) admission.admitted.push(candidate);
    else admission.rejected.push({ index: candidate.index, errors: [ownershipIssue(fleetId, candidate.reading.deviceId)] });
  }
  return admission;
}
