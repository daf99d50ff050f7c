import type { Admission, AdmittedReading, RejectedReading } from './admitted-readings';
import { checkReading } from './check-reading';
import { checkOwnership, type DeviceOwnership } from './device-ownership';

export interface Candidate {
  readonly index: number;
  readonly input: unknown;
}

/**
 * The checks every channel applies, in order: schema and timestamp window per reading,
 * then ownership of the devices that are left (one lookup for all of them).
 */
export async function admitReadings(
  fleetId: string,
  candidates: Iterable<Candidate>,
  nowMs: number,
  ownership: DeviceOwnership,
): Promise<Admission> {
  const valid: AdmittedReading[] = [];
  const rejected: RejectedReading[] = [];
  for (const { index, input } of candidates) {
    const checked = checkReading(input, nowMs);
    if (checked.ok) valid.push({ index, reading: checked.reading });
    else rejected.push({ index, errors: checked.errors });
  }
  const owned = await checkOwnership(fleetId, valid, ownership);
  return { admitted: owned.admitted, rejected: [...rejected, ...owned.rejected].sort((a, b) => a.index - b.index) };
}
