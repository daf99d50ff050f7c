import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BusEvent } from '@pulse/local-bus';
import { startLocalRuntime, type LocalRuntime } from '@pulse/local-runtime';
import { createCity, incidentWindow, realClock, registerDevices, runSimulation, scenario, type City, type IncidentWindow } from '@pulse/simulator';
import { eventually } from './eventually';

// The SDK warns once per process that Node 20 support ends; tests stay quiet.
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';

const ROOT = resolve(__dirname, '../../../..');
const FREE_PORTS = { api: 0, dashboard: 0, bus: 0, sqs: 0, dynamodb: 0, kinesis: 0, s3: 0 };
/** Pipeline seconds per real second: the city's one-minute ticks come once a second. */
export const TIME_SCALE = 60;

export interface IncidentCityOptions {
  readonly zones: number;
  readonly devices: number;
  /** Simulated time from the first tick to the incident. */
  readonly incidentDelayMs: number;
}

/** The real local runtime (with its dashboard) and a simulated city about to have an incident. */
export interface IncidentCity {
  readonly runtime: LocalRuntime;
  readonly city: City;
  readonly incident: IncidentWindow;
  /** Wall time when `startLocalRuntime` resolved. */
  readonly startedAt: number;
  /** Every event the bus accepted, with the ids the bus gave them (the bus's own view, not the dashboard's). */
  readonly busEvents: BusEvent[];
  /** What the runtime logged (start-up progress, warnings, function errors). */
  readonly logs: string[];
  /** Starts sending the city's readings over HTTP, one tick a second. */
  startSimulation(): void;
  /** Stops sending, then waits until every reading the API accepted is stored (a ReadingsStored event names it). */
  stopSimulation(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts `startLocalRuntime` on free ports with a temporary state folder and compressed time,
 * waits for its dashboard to follow the bus, and registers the city's devices (and lets enrich
 * learn them), so the first readings are stored in their zones.
 */
export async function startIncidentCity(options: IncidentCityOptions): Promise<IncidentCity> {
  const state = mkdtempSync(join(tmpdir(), 'pulse-dashboard-e2e-'));
  const logs: string[] = [];
  let runtime: LocalRuntime;
  try {
    runtime = await startLocalRuntime({
      root: ROOT,
      stateDirectory: state,
      ports: FREE_PORTS,
      timeScale: TIME_SCALE,
      inMemory: true,
      writeEndpoints: false,
      channelRetryDelayMs: 50,
      log: (line) => logs.push(line),
    });
  } catch (error) {
    rmSync(state, { recursive: true, force: true });
    throw error;
  }
  const startedAt = Date.now();
  const busEvents: BusEvent[] = [];
  const accepted = new Set<string>();
  const stored = new Set<string>();
  const stopListening = runtime.bus.bus.onEvent((event) => {
    busEvents.push(event);
    if (event['detail-type'] === 'ReadingsStored') for (const id of (event.detail as { data: { readingIds: string[] } }).data.readingIds) stored.add(id);
  });
  const controller = new AbortController();
  let sending: Promise<unknown> = Promise.resolve();
  const close = async () => {
    controller.abort();
    await sending.catch(() => undefined);
    stopListening();
    await runtime.close({ drainMs: 2_000 });
    rmSync(state, { recursive: true, force: true });
  };

  try {
    const dashboardUrl = runtime.endpoints.dashboard;
    // The trace index holds only events put after the dashboard joined the bus's tail.
    await eventually('the dashboard following the bus tail', async () => ((await (await fetch(`${dashboardUrl}/api/health`)).json()) as { busConnected?: boolean } | null)?.busConnected === true);
    const city = createCity({ zones: options.zones, devices: options.devices, seed: 7 });
    const target = { endpoint: runtime.endpoints.api, apiKey: runtime.endpoints.apiKey };
    const registration = await registerDevices(city, target);
    if (registration.failed.length > 0) throw new Error(`device registration failed: ${JSON.stringify(registration.failed.slice(0, 3))}`);
    // enrich learns devices from DeviceRegistered: once the bus is idle, it knows them all.
    await runtime.bus.dispatcher.drain();
    const run = scenario('incident', runtime.time.clock.now(), {
      incidentDelayMs: options.incidentDelayMs,
      // Longer than any run: the alert cannot resolve before the tests look at it.
      incidentDurationMs: 2 * 3_600_000,
      // No malformed or repeated readings: the chart's count and the trace must not depend on chance.
      faults: { malformed: 0, duplicate: 0 },
    });
    const incident = incidentWindow(city, run);
    if (!incident) throw new Error('the incident scenario has no incident window');

    return {
      runtime,
      city,
      incident,
      startedAt,
      busEvents,
      logs,
      startSimulation() {
        sending = runSimulation({
          city,
          scenario: run,
          target,
          clock: realClock,
          rate: 1_000,
          timeScale: TIME_SCALE,
          signal: controller.signal,
          onAccepted: (ids) => ids.forEach((id) => accepted.add(id)),
        });
      },
      async stopSimulation() {
        controller.abort();
        await sending;
        // Not dispatcher.drain(): each AlertRaised's webhook delivery (no local destination) retries for a day of pipeline time.
        await eventually(`all ${accepted.size} accepted readings stored`, () => [...accepted].every((id) => stored.has(id)), 60_000);
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
