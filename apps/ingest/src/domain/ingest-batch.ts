import type { Clock } from '@pulse/service-kit';
import { admitReadings, type Candidate } from './admit-readings';
import type { RejectedReading } from './admitted-readings';
import type { DeviceOwnership } from './device-ownership';
import { readingsEvents, type IngestChannel } from './readings-events';
import type { ReadingsSink } from './readings-sink';

export interface BatchPorts {
  readonly clock: Clock;
  readonly ownership: DeviceOwnership;
  readonly sink: ReadingsSink;
  readonly newBatchId: () => string;
}

export interface BatchResult {
  readonly accepted: number;
  readonly rejected: RejectedReading[];
  readonly retries: number;
}

/**
 * Checks and publishes one batch from a trusted channel (a Kinesis record, a slice of an
 * S3 file). Bad readings are rejected one by one; a failure of the lookup or the bus
 * throws, so the channel retries (nothing is dropped).
 */
export async function ingestBatch(
  fleetId: string,
  channel: IngestChannel,
  candidates: readonly Candidate[],
  correlationId: string,
  ports: BatchPorts,
): Promise<BatchResult> {
  const receivedAt = ports.clock.now();
  const { admitted, rejected } = await admitReadings(fleetId, candidates, receivedAt, ports.ownership);
  if (admitted.length === 0) return { accepted: 0, rejected, retries: 0 };
  const events = readingsEvents(fleetId, channel, receivedAt, admitted.map((a) => a.reading));
  const { retries } = await ports.sink.publish(events, { correlationId, batchId: ports.newBatchId() });
  return { accepted: admitted.length, rejected, retries };
}
