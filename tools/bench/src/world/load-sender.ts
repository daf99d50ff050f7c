import type { SimReading } from '@pulse/simulator';
import { wallNow, type PipelineObserver } from './pipeline-observer';
import type { ProbeDevice } from './pipeline-world';

export interface LoadPlan {
  /** Readings per second offered. */
  readonly rate: number;
  /** The gateway batches to send, in order, one every `batchSize / rate` seconds. */
  readonly batches: readonly (readonly SimReading[])[];
  /** Exceedance probes spread evenly over the hold (each 3 readings of one probe device). */
  readonly probes: readonly ProbeDevice[];
  /** Requests in flight at most; past it the schedule slips (and the hold shows it). */
  readonly maxInFlight?: number;
}

export interface LoadTarget {
  readonly api: string;
  readonly apiKey: string;
}

export interface SendOutcome {
  readonly requests: number;
  /** Readings sent, load and probes. */
  readonly sent: number;
  /** Readings the 202s acknowledged. */
  readonly accepted: number;
  /** Readings in answers other than 202, or named in a 202's `rejected`. */
  readonly notAccepted: number;
  /** HTTP status (or `network`) → requests. */
  readonly statuses: Readonly<Record<string, number>>;
  /** From the first request out to the last answer in. */
  readonly seconds: number;
  /** From the first request out to the last request out: how long offering the load took. */
  readonly sendSeconds: number;
  /** Worst lateness of a request against its schedule (ms). */
  readonly maxLagMs: number;
  readonly probes: readonly ProbeSent[];
}

export interface ProbeSent {
  readonly zoneId: string;
  readonly readingIds: readonly string[];
}

/** A PM2.5 of 60 µg/m³ is AQI ~153 ("Unhealthy"), well over the alert level of 101. */
export const PROBE_PM25 = 60;
/** The alert rule's default: 3 readings at or above the level within 5 minutes raise. */
export const PROBE_READINGS = 3;

/**
 * Offers gateway batches on a fixed schedule (open loop: a slow answer does not slow the
 * offer, so a pipeline that falls behind shows as a backlog and latency, not as a politely
 * slower sender), POST /v1/readings with the fleet key, each reading tracked by the observer
 * before it leaves and acknowledged when its 202 comes back.
 */
export async function sendLoad(target: LoadTarget, plan: LoadPlan, observer: PipelineObserver): Promise<SendOutcome> {
  const batchSize = Math.max(1, plan.batches[0]?.length ?? 1);
  const intervalMs = (batchSize / plan.rate) * 1000;
  const maxInFlight = plan.maxInFlight ?? 256;
  const probeEvery = plan.probes.length > 0 ? Math.max(1, Math.floor(plan.batches.length / plan.probes.length)) : Infinity;
  const statuses: Record<string, number> = {};
  const counts = { requests: 0, sent: 0, accepted: 0, notAccepted: 0 };
  const inFlight = new Set<Promise<void>>();
  const probes: ProbeSent[] = [];
  let maxLagMs = 0;
  let lastAnswer = 0;

  const post = (readings: readonly { readingId: string; body: unknown }[]) => {
    const ids = readings.map((r) => r.readingId);
    const body = JSON.stringify({ readings: readings.map((r) => r.body) });
    const sentAt = wallNow();
    observer.track(ids, sentAt);
    counts.requests += 1;
    counts.sent += ids.length;
    const request = postReadings(target, body).then(({ status, accepted, readingIds }) => {
      const at = wallNow();
      lastAnswer = at;
      statuses[status] = (statuses[status] ?? 0) + 1;
      observer.acknowledge(readingIds, at);
      counts.accepted += accepted;
      counts.notAccepted += ids.length - accepted;
    });
    const tracked: Promise<void> = request.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
  };

  const firstAt = wallNow();
  const startedAt = performance.now();
  let probeIndex = 0;
  for (let i = 0; i < plan.batches.length; i++) {
    const due = startedAt + i * intervalMs;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    while (inFlight.size >= maxInFlight) await Promise.race(inFlight);
    maxLagMs = Math.max(maxLagMs, performance.now() - due);
    post(plan.batches[i]);
    if ((i + 1) % probeEvery === 0 && probeIndex < plan.probes.length) {
      const probe = plan.probes[probeIndex++];
      const readings = probeReadings(probe, Date.now());
      observer.trackAlertZone(probe.zoneId);
      probes.push({ zoneId: probe.zoneId, readingIds: readings.map((r) => r.readingId) });
      post(readings);
    }
  }
  const lastSentAt = wallNow();
  await Promise.all(inFlight);
  return {
    ...counts,
    statuses,
    seconds: (Math.max(lastAnswer, lastSentAt) - firstAt) / 1000,
    sendSeconds: (lastSentAt - firstAt) / 1000,
    maxLagMs,
    probes,
  };
}

/** Three readings of one device within two seconds, each over the alert level. */
export function probeReadings(probe: ProbeDevice, nowMs: number): { readingId: string; body: unknown }[] {
  return Array.from({ length: PROBE_READINGS }, (_, i) => {
    const ts = Math.floor(nowMs) - (PROBE_READINGS - 1 - i) * 1_000;
    return {
      readingId: `${probe.deviceId}@${ts}`,
      body: { deviceId: probe.deviceId, timestamp: ts, measurements: { pm25: PROBE_PM25, pm10: 40, temperature: 21, humidity: 45 } },
    };
  });
}

async function postReadings(target: LoadTarget, body: string): Promise<{ status: string; accepted: number; readingIds: string[] }> {
  try {
    const response = await fetch(`${target.api}/v1/readings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': target.apiKey },
      body,
    });
    const text = await response.text();
    if (response.status !== 202) return { status: String(response.status), accepted: 0, readingIds: [] };
    const answer = JSON.parse(text) as { accepted?: number; readingIds?: string[] };
    const readingIds = Array.isArray(answer.readingIds) ? answer.readingIds : [];
    return { status: '202', accepted: readingIds.length, readingIds };
  } catch {
    return { status: 'network', accepted: 0, readingIds: [] };
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
