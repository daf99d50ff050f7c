import type { BusServer } from '@pulse/local-bus';
import type { SqsServer } from '@pulse/local-sqs';

export interface PipelineStatus {
  /** Readings per second over the last few seconds: accepted by ingest, and stored by persist. */
  readonly inPerSecond: number;
  readonly storedPerSecond: number;
  /** Since this start. */
  readonly received: number;
  readonly stored: number;
  readonly alertsRaised: number;
  readonly alertsResolved: number;
  /** Open alerts as the read API reports them (undefined until first asked). */
  readonly openAlerts: number | undefined;
  /** Messages in every dead-letter queue. */
  readonly dlqDepth: number;
}

export interface StatusSources {
  readonly bus: Pick<BusServer, 'onEvent'>;
  readonly sqs: Pick<SqsServer, 'queueNames' | 'peekMessages'>;
  /** Counts open alerts through the read API (so a restart still counts the ones raised before it). */
  readonly openAlerts: () => Promise<number>;
  readonly clock?: () => number;
}

const RATE_WINDOW_MS = 5_000;

interface Sample {
  readonly at: number;
  readonly count: number;
}

/** Counts what passes on the bus; what a person watching `npm start` wants to see at a glance. */
export function watchPipeline(sources: StatusSources): { status(): PipelineStatus; refresh(): Promise<void>; stop(): void } {
  const now = sources.clock ?? Date.now;
  const received: Sample[] = [];
  const stored: Sample[] = [];
  const totals = { received: 0, stored: 0, raised: 0, resolved: 0 };
  let openAlerts: number | undefined;
  const unsubscribe = sources.bus.onEvent((event) => {
    const data = (event.detail as { data?: { readings?: unknown[]; count?: number } } | undefined)?.data;
    switch (event['detail-type']) {
      case 'ReadingsReceived': {
        const count = data?.readings?.length ?? 0;
        totals.received += count;
        received.push({ at: now(), count });
        break;
      }
      case 'ReadingsStored': {
        const count = data?.count ?? 0;
        totals.stored += count;
        stored.push({ at: now(), count });
        break;
      }
      case 'AlertRaised':
        totals.raised++;
        break;
      case 'AlertResolved':
        totals.resolved++;
        break;
    }
  });
  const rate = (samples: Sample[]) => {
    const since = now() - RATE_WINDOW_MS;
    while (samples.length > 0 && samples[0].at < since) samples.shift();
    return samples.reduce((sum, sample) => sum + sample.count, 0) / (RATE_WINDOW_MS / 1000);
  };
  const dlqDepth = () => sources.sqs.queueNames().reduce((sum, name) => sum + (isDeadLetterQueue(name) ? sources.sqs.peekMessages(name).length : 0), 0);
  return {
    status: () => ({
      inPerSecond: rate(received),
      storedPerSecond: rate(stored),
      received: totals.received,
      stored: totals.stored,
      alertsRaised: totals.raised,
      alertsResolved: totals.resolved,
      openAlerts,
      dlqDepth: dlqDepth(),
    }),
    async refresh() {
      openAlerts = await sources.openAlerts().catch(() => openAlerts);
    },
    stop: unsubscribe,
  };
}

/** The SNS stand-in queues (`<topic>-notifications`) hold notifications, not failures. */
export const isDeadLetterQueue = (name: string): boolean => name.endsWith('-dlq');

export function formatStatus(status: PipelineStatus): string {
  const rate = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
  const open = status.openAlerts === undefined ? '…' : String(status.openAlerts);
  return [
    `in ${rate(status.inPerSecond)}/s`,
    `stored ${rate(status.storedPerSecond)}/s`,
    `(${status.received} in, ${status.stored} stored)`,
    `open alerts ${open}`,
    `DLQ ${status.dlqDepth}`,
  ].join(' · ');
}
