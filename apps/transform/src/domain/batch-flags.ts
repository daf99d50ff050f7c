import { MEASUREMENT_KEYS, type Measurements, type QualityCode } from '@pulse/schemas';
import type { CanonicalReading } from './normalize-reading';
import { JUMP_LIMITS } from './plausibility-rules';

const MS_PER_MINUTE = 60_000;

/**
 * Flags a reading earns only next to the other readings of its device in this batch.
 * Transform is stateless: the first reading of a device in a batch is not compared with
 * the device's previous batch. Returns the flags per index of `readings`.
 */
export function batchFlags(readings: readonly CanonicalReading[]): Map<number, QualityCode[]> {
  const flags = new Map<number, QualityCode[]>();
  const add = (index: number, code: QualityCode) => flags.set(index, [...(flags.get(index) ?? []), code]);
  for (const indices of indicesByDevice(readings).values()) {
    for (const index of duplicateSequences(readings, indices)) add(index, 'duplicate-sequence');
    for (const index of suddenJumps(readings, indices)) add(index, 'sudden-jump');
  }
  return flags;
}

function indicesByDevice(readings: readonly CanonicalReading[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  readings.forEach((reading, index) => {
    const group = groups.get(reading.deviceId);
    if (group) group.push(index);
    else groups.set(reading.deviceId, [index]);
  });
  return groups;
}

/** Readings of one device sharing a sequence number: all are kept, all are flagged. */
function duplicateSequences(readings: readonly CanonicalReading[], indices: number[]): number[] {
  const bySequence = new Map<number, number[]>();
  for (const index of indices) {
    const { sequence } = readings[index];
    if (sequence !== undefined) bySequence.set(sequence, [...(bySequence.get(sequence) ?? []), index]);
  }
  return [...bySequence.values()].filter((group) => group.length > 1).flat();
}

/** The later reading of each consecutive pair (in time) that changed faster than physics allows. */
function suddenJumps(readings: readonly CanonicalReading[], indices: number[]): number[] {
  const inTime = [...indices].sort((a, b) => readings[a].ts - readings[b].ts);
  const jumped: number[] = [];
  for (let i = 1; i < inTime.length; i++) {
    const previous = readings[inTime[i - 1]];
    const current = readings[inTime[i]];
    if (jumpedBetween(previous.measurements, current.measurements, (current.ts - previous.ts) / MS_PER_MINUTE)) {
      jumped.push(inTime[i]);
    }
  }
  return jumped;
}

function jumpedBetween(before: Measurements, after: Measurements, minutes: number): boolean {
  return MEASUREMENT_KEYS.some((key) => {
    const from = before[key];
    const to = after[key];
    if (from === undefined || to === undefined) return false;
    const { noise, ratePerMinute } = JUMP_LIMITS[key];
    return Math.abs(to - from) > noise + ratePerMinute * minutes;
  });
}
