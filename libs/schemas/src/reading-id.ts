import { DEVICE_ID_PATTERN, READING_ID_PATTERN } from './identifiers';
import { MAX_EPOCH_MS } from './time';

const DEVICE_ID = new RegExp(DEVICE_ID_PATTERN);
const READING_ID = new RegExp(READING_ID_PATTERN);

/**
 * Identity of a reading, `<deviceId>@<epoch ms of its timestamp>`, assigned by ingest
 * and carried by every later event: storing the same reading twice overwrites itself.
 */
export function readingId(deviceId: string, epochMs: number): string {
  if (!DEVICE_ID.test(deviceId)) throw new RangeError(`invalid deviceId '${deviceId}'`);
  if (!Number.isInteger(epochMs) || epochMs < 0 || epochMs > MAX_EPOCH_MS) {
    throw new RangeError(`epochMs must be an integer in [0, ${MAX_EPOCH_MS}], got ${epochMs}`);
  }
  return `${deviceId}@${epochMs}`;
}

/** Inverse of readingId; undefined for anything that is not one. */
export function parseReadingId(id: string): { deviceId: string; epochMs: number } | undefined {
  if (!READING_ID.test(id)) return undefined;
  const at = id.lastIndexOf('@');
  const epochMs = Number(id.slice(at + 1));
  return epochMs <= MAX_EPOCH_MS ? { deviceId: id.slice(0, at), epochMs } : undefined;
}
