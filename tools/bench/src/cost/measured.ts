/**
 * A per-invocation quantity as a line in the batch size b: fixed + perReading × b. Fitted from
 * invocations measured at batch size 1 and at the gateway batch size (step 5).
 */
export interface Linear {
  readonly fixed: number;
  readonly perReading: number;
}

export const valueAt = (line: Linear, batchSize: number): number => line.fixed + line.perReading * batchSize;

/**
 * The line through (b1, v1) and (b2, v2), b1 < b2, with neither part negative: noise must not
 * turn a per-reading cost into a saving.
 */
export function fitLinear(b1: number, v1: number, b2: number, v2: number): Linear {
  if (!(b2 > b1)) throw new RangeError(`need two batch sizes, got ${b1} and ${b2}`);
  const perReading = Math.max(0, (v2 - v1) / (b2 - b1));
  const fixed = Math.max(0, v1 - perReading * b1);
  return { fixed, perReading };
}

/** One function on the reading path (HTTP → ingest → transform → enrich → persist/alert). */
export interface HopMeasurement {
  readonly service: string;
  readonly functionName: string;
  /** Declared memory (the configuration's size). */
  readonly memoryMb: number;
  /** CPU ms per invocation on one full core of this machine. */
  readonly cpuMs: Linear;
  /** Sequential rounds of AWS calls per invocation (calls started while none was outstanding). */
  readonly callRounds: Linear;
  /** Bytes the function wrote to stdout/stderr per invocation (logs and EMF metrics). */
  readonly logBytes: Linear;
  readonly logLines: Linear;
  /** The event it publishes once per invocation, its PutEvents entry size (EventBridge's formula). */
  readonly publishes?: { readonly detailType: string; readonly entryBytes: Linear };
}

/** Everything the cost model takes from the bench's real runs and the declarations. */
export interface Measured {
  readonly hops: readonly HopMeasurement[];
  /** JSON bytes one reading adds to a POST /v1/readings body. */
  readonly requestBytesPerReading: number;
  /** Averages over the stored Readings items (DynamoDB's size rules). */
  readonly readingItem: {
    readonly tableBytes: number;
    readonly tableWru: number;
    /** The byZone projection of a zoned item. */
    readonly indexBytes: number;
    readonly indexWru: number;
  };
  readonly zoneStatusWru: number;
  /** Conditional AlertState writes per zone evaluated. */
  readonly alertStateWritesPerZone: number;
  /** AlertRaised + AlertResolved per reading. */
  readonly alertEventsPerReading: number;
  /** Distinct EMF metric series (namespace, metric, dimension values) seen. */
  readonly metricSeries: number;
  /** Alarm metrics the deployed stacks create (a 2-metric math alarm counts 2). */
  readonly alarmMetrics: number;
  /** On-demand Kinesis streams deployed (billed per hour even when idle). */
  readonly kinesisStreams: number;
  readonly cacheTtlSeconds: { readonly ownership: number; readonly devices: number; readonly authorizer: number };
}
