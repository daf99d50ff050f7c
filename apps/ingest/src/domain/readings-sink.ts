import type { ReadingsReceivedV1Data } from '@pulse/schemas';

/** The port to the bus: resolves only once every event was accepted. */
export interface ReadingsSink {
  publish(events: readonly ReadingsReceivedV1Data[], options: { correlationId: string; batchId: string }): Promise<{ retries: number }>;
}

/** Some events were still refused after the publisher's retries; the others were accepted. */
export class EventsNotAcceptedError extends Error {
  override readonly name = 'EventsNotAcceptedError';
  constructor(
    /** Positions, in the array given to `publish`, of the events never accepted. */
    readonly failedIndexes: readonly number[],
    readonly retries: number,
    message: string,
  ) {
    super(message);
  }
}
