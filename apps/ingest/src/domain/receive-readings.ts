import type { Clock, IdGenerator } from '@pulse/service-kit';
import type { ValidationIssue } from '@pulse/schemas';
import { admitReadings } from './admit-readings';
import type { RejectedReading } from './admitted-readings';
import type { DeviceOwnership } from './device-ownership';
import { OWNERSHIP_RULE } from './device-ownership';
import type { FleetRateLimiter } from './fleet-rate-limiter';
import { parseReadingsBody } from './readings-body';
import { readingsEvents } from './readings-events';
import { EventsNotAcceptedError, type ReadingsSink } from './readings-sink';
import { rejectionsByRule } from './rejection-stats';

export interface ReceivePorts {
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly ownership: DeviceOwnership;
  readonly sink: ReadingsSink;
  readonly limiter: FleetRateLimiter;
  /** Seconds a client should wait after a 503 (the bus or the devices table failing). */
  readonly retryAfterSeconds: number;
}

export interface ReceiveRequest {
  readonly fleetId: string;
  readonly contentType: string | undefined;
  readonly body: string;
  readonly bodyBytes: number;
  readonly correlationId: string;
}

export interface AcceptedBody {
  batchId: string;
  accepted: number;
  readingIds: string[];
  rejected: RejectedReading[];
}

export interface ReceiveStats {
  readonly accepted: number;
  readonly rejectedByRule: Record<string, number>;
  readonly publishRetries: number;
}

export type ReceiveOutcome =
  | { kind: 'accepted'; body: AcceptedBody; stats: ReceiveStats }
  | { kind: 'invalid'; message: string; issues: ValidationIssue[]; stats: ReceiveStats }
  | { kind: 'forbidden'; message: string; issues: ValidationIssue[]; stats: ReceiveStats }
  | { kind: 'tooLarge' | 'unsupportedMediaType'; message: string }
  | { kind: 'throttled'; retryAfterSeconds: number }
  | { kind: 'unavailable'; retryAfterSeconds: number; message: string; notAccepted: string[]; accepted: string[]; stats: ReceiveStats };

const NO_STATS: ReceiveStats = { accepted: 0, rejectedByRule: {}, publishRetries: 0 };

/**
 * POST /v1/readings: throttle, parse, check every reading, check ownership, publish, and
 * only then acknowledge. Nothing is acknowledged that the bus has not accepted.
 */
export async function receiveReadings(request: ReceiveRequest, ports: ReceivePorts): Promise<ReceiveOutcome> {
  const rate = await ports.limiter.take(request.fleetId);
  if (!rate.ok) return { kind: 'throttled', retryAfterSeconds: rate.retryAfterSeconds };
  const parsed = parseReadingsBody(request.body, request.bodyBytes, request.contentType);
  if (!parsed.ok) {
    return parsed.kind === 'malformed'
      ? { kind: 'invalid', message: 'The body is not valid JSON or NDJSON', issues: parsed.issues, stats: NO_STATS }
      : { kind: parsed.kind, message: parsed.message };
  }
  const receivedAt = ports.clock.now();
  const candidates = parsed.readings.map((input, index) => ({ index, input }));
  const admission = await admitReadings(request.fleetId, candidates, receivedAt, ports.ownership).catch(() => undefined);
  if (!admission) return unavailable(ports, 'Device ownership could not be checked; nothing was accepted', [], [], NO_STATS);
  const { admitted, rejected } = admission;
  const stats = { accepted: admitted.length, rejectedByRule: rejectionsByRule(rejected), publishRetries: 0 };
  if (admitted.length === 0) return noneAccepted(rejected, stats);
  const readings = admitted.map((a) => a.reading);
  const events = readingsEvents(request.fleetId, 'http', receivedAt, readings);
  const batchId = ports.ids.next();
  try {
    const { retries } = await ports.sink.publish(events, { correlationId: request.correlationId, batchId });
    const body = { batchId, accepted: readings.length, readingIds: readings.map((r) => r.readingId), rejected };
    return { kind: 'accepted', body, stats: { ...stats, publishRetries: retries } };
  } catch (error) {
    if (!(error instanceof EventsNotAcceptedError)) throw error;
    const failed = new Set(error.failedIndexes);
    const ids = (keep: boolean) => events.flatMap((e, i) => (failed.has(i) === keep ? e.readings.map((r) => r.readingId) : []));
    const message = `${ids(true).length} of ${readings.length} readings were not accepted by the event bus; send them again`;
    return unavailable(ports, message, ids(true), ids(false), { ...stats, accepted: ids(false).length, publishRetries: error.retries });
  }
}

/** A reading's issue path as seen from the body: `readings[2].timestamp`, `readings[2]['a b']`. */
function underReading(index: number, path: string): string {
  const reading = `readings[${index}]`;
  if (path === '') return reading;
  return path.startsWith('[') ? `${reading}${path}` : `${reading}.${path}`;
}

function noneAccepted(rejected: RejectedReading[], stats: ReceiveStats): ReceiveOutcome {
  const issues = rejected.flatMap(({ index, errors }) => errors.map((e) => ({ ...e, path: underReading(index, e.path) })));
  if (rejected.every((r) => r.errors.every((e) => e.rule === OWNERSHIP_RULE))) {
    return { kind: 'forbidden', message: "The key's fleet does not own the devices of these readings", issues, stats };
  }
  return { kind: 'invalid', message: 'No reading was accepted', issues, stats };
}

function unavailable(ports: ReceivePorts, message: string, notAccepted: string[], accepted: string[], stats: ReceiveStats): ReceiveOutcome {
  return { kind: 'unavailable', retryAfterSeconds: ports.retryAfterSeconds, message, notAccepted, accepted, stats };
}
