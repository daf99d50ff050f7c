import { createFileArchive, type BusEvent } from '@pulse/local-bus';
import { READINGS_RECEIVED } from '@pulse/schemas';

export interface AcknowledgedReadings {
  /** readingId → the fleet that sent it. */
  readonly fleetOf: ReadonlyMap<string, string>;
  /** ReadingsReceived events read in the window. */
  readonly events: number;
}

/**
 * Every readingId ingest acknowledged in [from, to): ingest answers 202 only once the bus took
 * its ReadingsReceived events, and the bus archives each accepted event, so the archive is the
 * record of what was acknowledged (the HTTP API, Kinesis and S3 drops alike).
 */
export async function readAcknowledged(archiveDirectory: string, from: Date, to: Date): Promise<AcknowledgedReadings> {
  const archive = createFileArchive({ directory: archiveDirectory });
  const fleetOf = new Map<string, string>();
  let events = 0;
  try {
    const received = (event: BusEvent) => event.source === READINGS_RECEIVED.source && event['detail-type'] === READINGS_RECEIVED.detailType;
    for await (const event of archive.read(from, to, received)) {
      events += 1;
      const { fleetId, readingIds } = readingsOf(event.detail);
      for (const id of readingIds) fleetOf.set(id, fleetId);
    }
  } finally {
    await archive.close();
  }
  return { fleetOf, events };
}

/** `detail.data.{ fleetId, readings[].readingId }`, the shape every readings batch event shares. */
export function readingsOf(detail: unknown): { fleetId: string; readingIds: string[] } {
  const data = field(detail, 'data');
  const fleetId = field(data, 'fleetId');
  const readings = field(data, 'readings');
  const readingIds = Array.isArray(readings)
    ? readings.map((reading: unknown) => field(reading, 'readingId')).filter((id): id is string => typeof id === 'string')
    : [];
  return { fleetId: typeof fleetId === 'string' ? fleetId : '', readingIds };
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}
