import { chunkReadings, type ReadingsReceivedV1Data, type ReceivedReading } from '@pulse/schemas';

export type IngestChannel = ReadingsReceivedV1Data['channel'];

/** Admitted readings as ReadingsReceived data, at most MAX_READINGS_PER_EVENT per event. */
export function readingsEvents(
  fleetId: string,
  channel: IngestChannel,
  receivedAt: number,
  readings: readonly ReceivedReading[],
): ReadingsReceivedV1Data[] {
  return chunkReadings(readings).map((batch) => ({ fleetId, channel, receivedAt, readings: batch }));
}
