import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FIVE_SERVICES } from '@pulse/local-bus';
import { startLocalRuntime, withReceiveReadingsVariables, type LocalRuntime } from '@pulse/local-runtime';
import type { ServiceDeclaration } from '@pulse/service-kit';
import { createCity, gatewayBatches, readingsAt, registerDevices, scenario, type City, type Scenario, type SimReading } from '@pulse/simulator';
import { INGEST_LIMIT_OVERRIDES } from './ingest-limit';
import { PipelineObserver } from './pipeline-observer';

const FREE_PORTS = { api: 0, dashboard: 0, bus: 0, sqs: 0, dynamodb: 0, kinesis: 0, s3: 0 } as const;

export interface PipelineWorldOptions {
  readonly root: string;
  /** Zones of the load city; each has `batchSize` devices, so each zone's gateway sends one batch per tick. */
  readonly zones: number;
  readonly batchSize: number;
  /** Devices registered up front, each alone in its own zone, for the alert probes. */
  readonly probeZones: number;
  readonly log: (line: string) => void;
}

/** A probe: one registered device alone in a zone no reading has touched yet. */
export interface ProbeDevice {
  readonly deviceId: string;
  readonly zoneId: string;
}

/**
 * The whole local runtime in this process (`startLocalRuntime`: dynalite, the local bus, the
 * five services' built bundles in the function runner, the HTTP API), on free ports with
 * temporary state, real time (timeScale 1); the simulator's city registered through the API;
 * a `PipelineObserver` on the bus. Shared by the end-to-end steps of one bench run.
 */
export interface PipelineWorld {
  readonly runtime: LocalRuntime;
  readonly observer: PipelineObserver;
  readonly city: City;
  readonly batchSize: number;
  /** The next `count` gateway batches of the city, from ticks never sent before (every reading new). */
  nextBatches(count: number): SimReading[][];
  /** A probe zone not used yet; throws when all are spent. */
  nextProbe(): ProbeDevice;
  readonly probesLeft: number;
  /**
   * No function busy or queued and no delivery in flight. (Not "nothing pending": a delivery
   * waiting out a retry backoff would hold the bench for its whole retry schedule.)
   */
  quiet(): boolean;
  close(): Promise<void>;
}

/**
 * Ingest's per-fleet request limiter (20 requests/s per fleet) is raised through receive-readings'
 * declared variables, as in step 5: the bench measures the pipeline, not a fleet's quota.
 */
export function benchServices(services: readonly ServiceDeclaration[] = FIVE_SERVICES): ServiceDeclaration[] {
  return withReceiveReadingsVariables(INGEST_LIMIT_OVERRIDES, services);
}

export async function startPipelineWorld(options: PipelineWorldOptions): Promise<PipelineWorld> {
  const state = await mkdtemp(path.join(tmpdir(), 'pulse-bench-e2e-'));
  let runtime: LocalRuntime | undefined;
  let unsubscribe: () => unknown = () => undefined;
  const close = async () => {
    unsubscribe();
    await runtime?.close({ drainMs: 1_000 }).catch((error: unknown) => options.log(`closing the runtime: ${String(error)}`));
    await rm(state, { recursive: true, force: true });
  };
  try {
    runtime = await startLocalRuntime({
      root: options.root,
      stateDirectory: state,
      ports: FREE_PORTS,
      services: benchServices(),
      inMemory: true,
      timeScale: 1,
      dashboard: false,
      writeEndpoints: false,
      // The runtime's webhook sink logs every AlertRaised; the bench counts the probes' alerts itself.
      log: (line) => {
        if (!line.startsWith('[alerts-webhook]')) options.log(`runtime: ${line}`);
      },
    });
    const started = runtime;
    const observer = new PipelineObserver();
    unsubscribe = started.bus.bus.onEvent((event) => observer.observe(event));

    const target = { endpoint: started.endpoints.api, apiKey: started.endpoints.apiKey };
    const city = createCity({ zones: options.zones, devices: options.zones * options.batchSize, seed: 11 });
    const registered = await registerDevices(city, target);
    if (registered.failed.length > 0) throw new Error(`registering the city: ${registered.failed.length} failed, e.g. ${JSON.stringify(registered.failed[0])}`);
    const probes = Array.from({ length: options.probeZones }, (_, i): ProbeDevice => ({ deviceId: `probe-${i + 1}`, zoneId: `probe-zone-${i + 1}` }));
    await registerProbes(target, probes);
    // Enrich learns the devices from DeviceRegistered: wait until every projection is written.
    await started.bus.dispatcher.drain();
    options.log(`runtime ready: ${registered.registered} city devices in ${options.zones} zones, ${probes.length} probe zones`);

    // Calm air for the load (its zones raise no alerts); ticks from two days back, one minute
    // apart, stay inside ingest's 7-day window for hundreds of thousands of readings.
    const run: Scenario = scenario('calm', Date.now() - 2 * 86_400_000, { faults: { malformed: 0, duplicate: 0 } });
    let tick = 0;
    let probe = 0;
    return {
      runtime: started,
      observer,
      city,
      batchSize: options.batchSize,
      nextBatches(count) {
        const batches: SimReading[][] = [];
        while (batches.length < count) {
          const at = run.startMs + tick++ * city.intervalMs;
          if (at > Date.now() - 60_000) throw new Error('the load city ran out of past ticks');
          const valid = readingsAt(city, at, run).filter((r) => r.kind === 'valid');
          batches.push(...gatewayBatches(valid, options.batchSize));
        }
        return batches.slice(0, count);
      },
      nextProbe() {
        const next = probes[probe];
        if (!next) throw new Error(`all ${probes.length} probe zones are spent`);
        probe += 1;
        return next;
      },
      get probesLeft() {
        return probes.length - probe;
      },
      quiet: () => started.bus.dispatcher.stats().inFlight === 0 && Object.values(started.runner.stats()).every((f) => f.busyWorkers === 0 && f.queueDepth === 0),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

async function registerProbes(target: { endpoint: string; apiKey: string }, probes: readonly ProbeDevice[]): Promise<void> {
  const queue = [...probes];
  const worker = async () => {
    for (let probe = queue.shift(); probe; probe = queue.shift()) {
      const response = await fetch(`${target.endpoint}/v1/devices/${probe.deviceId}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'x-api-key': target.apiKey },
        body: JSON.stringify({ zoneId: probe.zoneId, location: { lat: 47.6, lon: 8.5 }, model: 'bench-probe' }),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`registering ${probe.deviceId}: ${response.status} ${text.slice(0, 200)}`);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}
