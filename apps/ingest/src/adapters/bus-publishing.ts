import { DeviceRegisteredV1, DeviceRetiredV1, ReadingsReceivedV1 } from '@pulse/schemas';
import { PublishError, type Publisher } from '@pulse/service-kit';
import type { DeviceEvents } from '../domain/device-events';
import { EventsNotAcceptedError, type ReadingsSink } from '../domain/readings-sink';

/**
 * The domain's bus ports over the kit's publisher. A PublishError (entries still refused
 * after the publisher's retries) becomes the domain's EventsNotAcceptedError; anything else
 * (an event failing its own contract) is a bug and propagates.
 */
export function readingsSink(publisher: Publisher): ReadingsSink {
  return {
    async publish(events, { correlationId, batchId }) {
      // One id per event: the request's batchId, suffixed when a request fills several events.
      const batchIdOf = (_: unknown, index: number) => (events.length === 1 ? batchId : `${batchId}.${index + 1}`);
      try {
        const summary = await publisher.publish(ReadingsReceivedV1, events, { correlationId, batchId: batchIdOf });
        return { retries: summary.retries };
      } catch (error) {
        throw notAccepted(error);
      }
    },
  };
}

export function deviceEvents(publisher: Publisher): DeviceEvents {
  return {
    async registered(data, correlationId) {
      await publisher.publish(DeviceRegisteredV1, [data], { correlationId }).catch((error: unknown) => Promise.reject(notAccepted(error)));
    },
    async retired(data, correlationId) {
      await publisher.publish(DeviceRetiredV1, [data], { correlationId }).catch((error: unknown) => Promise.reject(notAccepted(error)));
    },
  };
}

function notAccepted(error: unknown): unknown {
  if (!(error instanceof PublishError)) return error;
  // The kit does not report how many re-sends a failed publish made; at least one per failed entry.
  return new EventsNotAcceptedError(error.failed.map((f) => f.index), error.failed.length, error.message);
}
