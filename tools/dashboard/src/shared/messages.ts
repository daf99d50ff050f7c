/**
 * What the dashboard server sends the browser: the `/events` stream's payloads and the
 * `/api/*` answers of its own (the read API's bodies pass through unchanged).
 * Types (and the stream event names), shared by the server and the front end.
 */

/** A bus event as the browser sees it: the envelope and what identifies its readings, not the readings. */
export interface TrimmedEvent {
  readonly id: string;
  readonly detailType: string;
  readonly source: string;
  readonly time: string;
  readonly readingCount: number;
  /** The first few readingIds, for a click-to-trace. */
  readonly readingIds: readonly string[];
  readonly zoneIds: readonly string[];
  /** AlertRaised/AlertResolved only. */
  readonly alert?: { readonly alertId: string; readonly zoneId: string | null; readonly level: string; readonly aqi: number };
}

export interface FunctionHealth {
  readonly service: string;
  readonly function: string;
  readonly invocations: number;
  readonly errors: number;
  readonly invocationsPerSecond: number;
  readonly errorsPerSecond: number;
  readonly p50DurationMs: number;
  readonly p99DurationMs: number;
}

export interface LatencySummary {
  /** Samples in the window the percentiles come from. */
  readonly count: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

export interface DlqHealth {
  readonly queue: string;
  /** The rules/targets whose failures land here ("rule → target"). */
  readonly feeds: readonly string[];
  /** ApproximateNumberOfMessages; null while the queue does not exist or SQS did not answer. */
  readonly depth: number | null;
  readonly inFlight: number | null;
}

export interface HealthSnapshot {
  /** Wall time of the snapshot (epoch ms). */
  readonly at: number;
  /** The pipeline's time at that moment: ahead of `at` when the runtime compresses time. */
  readonly pipelineNow: number;
  readonly functions: readonly FunctionHealth[];
  readonly latency: {
    /** ingest accepted → persist stored (EMF EndToEndLatency). */
    readonly acceptedToStored: LatencySummary | null;
    /** exceedance accepted → alert raised (EMF AlertRaiseLatency). */
    readonly exceedanceToRaised: LatencySummary | null;
  };
  readonly dlq: readonly DlqHealth[];
  readonly busEventsPerSecond: number;
  readonly busEventsTotal: number;
  /** Whether the bus tail stream is connected. */
  readonly busConnected: boolean;
}

export interface RuleVerdict {
  readonly rule: string;
  readonly service: string;
  readonly target: string;
  readonly matched: boolean;
  /** The pattern engine's reasons: on a match what satisfied each field, otherwise what failed. */
  readonly reasons: readonly { readonly path: string; readonly message: string }[];
}

export interface TraceHop {
  readonly eventId: string;
  readonly detailType: string;
  readonly source: string;
  /** The bus event's `time`. */
  readonly time: string;
  /** When the dashboard saw it on the tail (epoch ms): sub-second order of the hops. */
  readonly seenAt: number;
  readonly batchId: string | null;
  readonly producedAt: string | null;
  /** Stage timestamps the event's data carries (receivedAt, storedAt, raisedAt, …), epoch ms. */
  readonly stamps: Readonly<Record<string, number>>;
  readonly rules: readonly RuleVerdict[];
}

export interface TraceResult {
  readonly readingId: string;
  readonly hops: readonly TraceHop[];
  /** How many recent events the index holds (what "not found" is relative to). */
  readonly window: number;
}

export interface DeadLetterView {
  readonly messageId: string;
  readonly eventId: string | null;
  readonly detailType: string | null;
  readonly source: string | null;
  readonly attributes: Readonly<Record<string, string>>;
}

export interface RedriveView {
  readonly redriven: number;
  readonly failed: readonly { readonly messageId: string; readonly reason: string }[];
}

/** `/events` stream event names. */
export const STREAM_EVENTS = { bus: 'bus', health: 'health' } as const;
