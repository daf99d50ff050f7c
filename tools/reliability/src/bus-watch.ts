import type { LocalRuntime } from '@pulse/local-runtime';
import { READINGS_RECEIVED } from '@pulse/schemas';

export interface ReceivedOnBus {
  readonly readingId: string;
  readonly deviceId: string;
  readonly channel: string;
  readonly fleetId: string;
}

export interface BusWatch {
  /** Every reading a ReadingsReceived event carried since the watch began. */
  readonly received: ReceivedOnBus[];
  stop(): void;
}

/** Records every reading ingest publishes (what it acknowledged), from the local bus's tail. */
export function watchReadingsReceived(runtime: LocalRuntime): BusWatch {
  const received: ReceivedOnBus[] = [];
  const stop = runtime.bus.bus.onEvent((event) => {
    if (event.source !== READINGS_RECEIVED.source || event['detail-type'] !== READINGS_RECEIVED.detailType) return;
    const data = (event.detail as { data?: { fleetId?: string; channel?: string; readings?: Array<{ readingId?: string; deviceId?: string }> } }).data;
    for (const reading of data?.readings ?? []) {
      received.push({ readingId: String(reading.readingId), deviceId: String(reading.deviceId), channel: String(data?.channel), fleetId: String(data?.fleetId) });
    }
  });
  return { received, stop };
}
