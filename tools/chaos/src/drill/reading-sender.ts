import type { ApiTarget } from './drill-devices';
import { backoffMs, sleep } from './sleep';

export interface SendPlan {
  readonly target: ApiTarget;
  readonly devices: readonly string[];
  /** Readings to send in all. */
  readonly count: number;
  /** Reading n is stamped `firstTimestampMs + n` (epoch ms), so every readingId is distinct. */
  readonly firstTimestampMs: number;
  /** Readings per POST /v1/readings (the API takes up to 1,000). */
  readonly batchSize?: number;
  /** POSTs in flight at once. */
  readonly concurrency?: number;
  /** Readings per second at most (soak); as fast as answers come back when absent. */
  readonly rate?: number;
  /** Checked before each POST: while it answers true the sender waits (backpressure). */
  readonly shouldPause?: () => boolean;
  /** Longest wait honoured from a Retry-After header (ms). */
  readonly maxRetryAfterMs?: number;
  /** A batch still unacknowledged at this epoch ms is given up (counted in `gaveUp`). */
  readonly deadline?: number;
  readonly signal?: AbortSignal;
  /** Every readingId the API acknowledged (a 202, or `accepted` of a 503). */
  readonly onAccepted?: (readingIds: readonly string[]) => void;
  /**
   * Keep every acknowledged readingId in `acknowledged` (default true). A soak turns it off: its
   * reconciliation reads the archive, and a set of every id would grow this process's RSS by
   * ~100 bytes a reading, which the soak measures.
   */
  readonly keepAcknowledgedIds?: boolean;
}

export interface SendResult {
  readonly sent: number;
  /** Empty when `keepAcknowledgedIds` is false; `acknowledgedCount` counts them either way. */
  readonly acknowledged: ReadonlySet<string>;
  readonly acknowledgedCount: number;
  readonly requests: number;
  /** Answers that made the sender try again, by status (0: no answer). */
  readonly retriedByStatus: Readonly<Record<string, number>>;
  /** Readings refused with a 4xx (never expected in a drill: it sends valid readings). */
  readonly rejected: number;
  readonly rejections: readonly string[];
  /** Readings still unacknowledged at the deadline or on abort. */
  readonly gaveUp: number;
}

interface Reading {
  readonly deviceId: string;
  readonly timestamp: string;
  readonly measurements: Record<string, number>;
  readonly readingId: string;
}

/** Clean air on purpose: a drill is about keeping readings, not about raising alerts. */
function readingOf(plan: SendPlan, n: number): Reading {
  const deviceId = plan.devices[n % plan.devices.length];
  const epochMs = plan.firstTimestampMs + n;
  return {
    deviceId,
    timestamp: new Date(epochMs).toISOString(),
    measurements: { pm25: 4 + (n % 7), pm10: 12, temperature: 19, humidity: 48 },
    readingId: `${deviceId}@${epochMs}`,
  };
}

/**
 * Sends `count` valid readings through POST /v1/readings as a careful gateway would: a batch
 * is sent again until the API acknowledges it (5xx, 429 and dropped connections are retried
 * with backoff or after Retry-After; after a 503 only the readings it names as not accepted).
 */
export async function sendReadings(plan: SendPlan): Promise<SendResult> {
  const batchSize = plan.batchSize ?? 100;
  const concurrency = Math.max(1, plan.concurrency ?? 8);
  const maxRetryAfterMs = plan.maxRetryAfterMs ?? 5_000;
  const acknowledged = new Set<string>();
  const retriedByStatus: Record<string, number> = {};
  const rejections: string[] = [];
  let requests = 0;
  let rejected = 0;
  let gaveUp = 0;
  let next = 0;
  const startedAt = Date.now();
  const stopped = () => plan.signal?.aborted === true || (plan.deadline !== undefined && Date.now() > plan.deadline);

  const keepIds = plan.keepAcknowledgedIds ?? true;
  let acknowledgedCount = 0;
  // A batch's readingIds are its own, so acknowledgements repeat only across its retries.
  const acknowledge = (ids: readonly string[], ofBatch: Set<string>) => {
    const fresh = ids.filter((id) => !ofBatch.has(id));
    for (const id of fresh) {
      ofBatch.add(id);
      if (keepIds) acknowledged.add(id);
    }
    acknowledgedCount += fresh.length;
    if (fresh.length > 0) plan.onAccepted?.(fresh);
  };

  async function post(batch: readonly Reading[]): Promise<void> {
    const ofBatch = new Set<string>();
    let pending = batch;
    for (let retry = 0; pending.length > 0; ) {
      if (stopped()) {
        gaveUp += pending.length;
        return;
      }
      while (plan.shouldPause?.() && !stopped()) await sleep(20, plan.signal);
      requests += 1;
      const answer = await fetch(`${plan.target.api}/v1/readings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': plan.target.apiKey },
        body: JSON.stringify({ readings: pending.map(({ deviceId, timestamp, measurements }) => ({ deviceId, timestamp, measurements })) }),
      }).then(
        async (response) => ({ status: response.status, retryAfter: response.headers.get('retry-after'), body: await response.text() }),
        () => ({ status: 0, retryAfter: null, body: '' }),
      );
      const body = parse(answer.body);
      if (answer.status === 202) {
        acknowledge(stringList(body?.['readingIds']), ofBatch);
        const refused = Array.isArray(body?.['rejected']) ? body['rejected'].length : 0;
        if (refused > 0) note(refused, `202 with ${refused} rejected: ${answer.body.slice(0, 300)}`);
        return;
      }
      if (answer.status >= 400 && answer.status < 500 && answer.status !== 429) {
        note(pending.length, `${answer.status}: ${answer.body.slice(0, 300)}`);
        return;
      }
      retriedByStatus[answer.status] = (retriedByStatus[answer.status] ?? 0) + 1;
      if (answer.status === 503) {
        acknowledge(stringList(body?.['accepted']), ofBatch);
        const notAccepted = new Set(stringList(body?.['notAccepted']));
        if (notAccepted.size > 0) pending = pending.filter((reading) => notAccepted.has(reading.readingId));
      }
      const after = retryAfterMs(answer.retryAfter);
      await sleep(after === undefined ? backoffMs(retry) : Math.min(after, maxRetryAfterMs), plan.signal);
      retry += 1;
    }
  }

  function note(count: number, why: string): void {
    rejected += count;
    if (rejections.length < 10) rejections.push(why);
  }

  async function worker(): Promise<void> {
    while (next < plan.count && !stopped()) {
      const from = next;
      const to = Math.min(plan.count, from + batchSize);
      next = to;
      if (plan.rate !== undefined) await sleep(startedAt + (from / plan.rate) * 1000 - Date.now(), plan.signal);
      const batch = Array.from({ length: to - from }, (_, i) => readingOf(plan, from + i));
      await post(batch);
    }
  }

  await Promise.all(Array.from({ length: concurrency }, worker));
  gaveUp += plan.count - next;
  return { sent: next, acknowledged, acknowledgedCount, requests, retriedByStatus, rejected, rejections, gaveUp };
}

function parse(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** Retry-After in seconds (what ingest and the API send); an HTTP date is not used here. */
function retryAfterMs(header: string | null): number | undefined {
  if (header === null) return undefined;
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}
