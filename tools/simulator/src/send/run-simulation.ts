import { readingsAt, type City, type Scenario, type SimReading } from '../city';
import type { ApiTarget } from './api-target';
import { gatewayBatches } from './gateway-batches';
import { postReadings, type PostOptions } from './post-readings';
import { addCounts, emptyCounts, type SendCounts } from './send-counts';
import type { SimClock } from './sim-clock';

export interface SimulationOptions {
  readonly city: City;
  readonly scenario: Scenario;
  readonly target: ApiTarget;
  readonly clock: SimClock;
  /** Readings per real second, at most. */
  readonly rate: number;
  /** Simulated seconds per real second (60: an hour of city in a minute), as the runtime's --time-scale. */
  readonly timeScale: number;
  /** Stop after this much real time (ms)… */
  readonly durationMs?: number;
  /** …or after this many ticks (one reading per device each). */
  readonly maxTicks?: number;
  /** Batches in flight at once (default 4). */
  readonly concurrency?: number;
  readonly maxBatch?: number;
  readonly maxRetries?: number;
  /** Real ms between two status reports (default 5 s). */
  readonly statusEveryMs?: number;
  readonly onStatus?: (status: SimulationStatus) => void;
  /** Aborting stops generating; batches in flight still finish (Ctrl-C drains). */
  readonly signal?: AbortSignal;
  /** Sees every readingId the API acknowledged. */
  readonly onAccepted?: PostOptions['onAccepted'];
  /** Only readings it accepts are sent (e.g. devices registered so far); every reading by default. */
  readonly include?: (reading: SimReading) => boolean;
  /** Sends one gateway batch another way (Kinesis, S3 drops); the HTTP API by default. */
  readonly send?: (batch: readonly SimReading[]) => Promise<SendCounts>;
}

export interface SimulationStatus extends SendCounts {
  /** Simulated time of the latest tick. */
  readonly simulatedMs: number;
  readonly ticks: number;
  readonly elapsedMs: number;
}

/**
 * Sends the city's readings tick by tick. A tick is due when scaled real time reaches its
 * simulated time, and each batch waits its turn under the rate, so the slower of the two
 * sets the pace; when the rate is the limit, simulated time falls behind the time scale.
 */
export async function runSimulation(options: SimulationOptions): Promise<SimulationStatus> {
  const { city, scenario, clock } = options;
  if (!(options.rate > 0)) throw new RangeError(`rate must be positive, got ${options.rate}`);
  if (!(options.timeScale > 0)) throw new RangeError(`time scale must be positive, got ${options.timeScale}`);
  const counts = emptyCounts();
  const realStart = clock.now();
  const realMsPerTick = city.intervalMs / options.timeScale;
  const statusEveryMs = options.statusEveryMs ?? 5000;
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const inFlight = new Set<Promise<void>>();
  let nextSendAt = realStart;
  let lastStatusAt = realStart;
  let ticks = 0;
  let simulatedMs = scenario.startMs;
  const status = (): SimulationStatus => ({ ...counts, rejectedByRule: { ...counts.rejectedByRule }, simulatedMs, ticks, elapsedMs: clock.now() - realStart });
  const done = () =>
    options.signal?.aborted === true ||
    (options.maxTicks !== undefined && ticks >= options.maxTicks) ||
    (options.durationMs !== undefined && clock.now() - realStart >= options.durationMs);
  const report = () => {
    if (options.onStatus && clock.now() - lastStatusAt >= statusEveryMs) {
      lastStatusAt = clock.now();
      options.onStatus(status());
    }
  };

  while (!done()) {
    await sleepUntil(clock, realStart + ticks * realMsPerTick);
    if (done()) break;
    simulatedMs = scenario.startMs + ticks * city.intervalMs;
    const readings = readingsAt(city, simulatedMs, scenario);
    for (const batch of gatewayBatches(options.include ? readings.filter(options.include) : readings, options.maxBatch)) {
      nextSendAt = Math.max(nextSendAt, clock.now());
      await sleepUntil(clock, nextSendAt);
      nextSendAt += (batch.length / options.rate) * 1000;
      while (inFlight.size >= concurrency) await Promise.race(inFlight);
      const sent = options.send
        ? options.send(batch)
        : postReadings(batch, { target: options.target, clock, maxRetries: options.maxRetries, ...(options.onAccepted ? { onAccepted: options.onAccepted } : {}) });
      const sending: Promise<void> = sent
        .then((result) => void addCounts(counts, result))
        .finally(() => inFlight.delete(sending));
      inFlight.add(sending);
      report();
      if (options.signal?.aborted) break;
    }
    ticks++;
  }
  await Promise.all(inFlight);
  return status();
}

async function sleepUntil(clock: SimClock, atMs: number): Promise<void> {
  const wait = atMs - clock.now();
  if (wait > 0) await clock.sleep(wait);
}
