import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fleetAdmin, FleetsTable } from '@pulse/ingest';
import { FIVE_SERVICES, startLocalBus, type LocalBus } from '@pulse/local-bus';
import { DeviceRegisteredV1 } from '@pulse/schemas';
import type { ApiKeyAuthorizerContext, ServiceDeclaration } from '@pulse/service-kit';
import { httpApiEvent, startLocalDynamoDb, type LocalDynamoDb } from '@pulse/service-kit/testing';
import { registrationBody } from '@pulse/simulator';
import { BusRecorder } from './bus-recorder';
import { benchCity, type BenchCity } from './city-traffic';
import { benchFunctions, functionEnvironment, type BenchFunction, type LocalEndpoints } from './function-environment';
import { FunctionHost } from './function-host';
import { INGEST_LIMIT_OVERRIDES } from './ingest-limit';
import { startLocalS3, type LocalS3 } from './local-s3';

export const BENCH_FLEET = 'bench-city';
export const DROPS_BUCKET = 'pulse-bench-drops';

export interface WorldOptions {
  readonly root: string;
  /** Zones of the city; each has `batchSize` devices. */
  readonly zones: number;
  readonly batchSize: number;
  readonly log: (line: string) => void;
  readonly services?: readonly ServiceDeclaration[];
}

/**
 * The local endpoints every function needs, seeded through the real functions: dynalite in its
 * own process with every declared table, the local bus (rules of the five services; function
 * targets acknowledged at once, since the bench invokes the functions itself), s3rver, a fleet
 * with an admin key, and the simulator city's devices registered by register-device and
 * projected by project-devices from the DeviceRegistered events it published.
 */
export interface World {
  readonly endpoints: LocalEndpoints;
  readonly dynamo: LocalDynamoDb;
  readonly bus: LocalBus;
  readonly recorder: BusRecorder;
  readonly s3: LocalS3;
  readonly functions: readonly BenchFunction[];
  readonly bench: BenchCity;
  readonly fleetId: string;
  readonly adminKey: string;
  /** Function name → its environment against these endpoints. */
  environment(fn: BenchFunction): Record<string, string>;
  fn(name: string): BenchFunction;
  /** A warm host of a function, started on first use and kept for the world's life. */
  host(name: string): Promise<FunctionHost>;
  /** Registers (and projects) one more device through the real functions. */
  registerDevice(deviceId: string, zoneId: string): Promise<void>;
  close(): Promise<void>;
}

export async function startWorld(options: WorldOptions): Promise<World> {
  const services = options.services ?? FIVE_SERVICES;
  const closers: Array<() => Promise<unknown>> = [];
  const close = async () => {
    for (const step of closers.splice(0).reverse()) await step().catch((error: unknown) => options.log(`closing: ${String(error)}`));
  };
  try {
    const dynamo = await startLocalDynamoDb({ childProcess: true });
    closers.push(() => dynamo.close());
    const tables = await dynamo.createTables(services.flatMap((s) => s.tables ?? []));

    const webhook = await startSink();
    closers.push(() => new Promise((resolve) => webhook.close(resolve)));
    const bus = await startLocalBus({
      services,
      runner: { invoke: async () => ({ ok: true, result: null, durationMs: 0, coldStart: false }) },
      apiDestinations: { 'alerts-webhook': `http://127.0.0.1:${(webhook.address() as AddressInfo).port}/` },
      log: (line) => options.log(`local bus: ${line}`),
    });
    closers.push(() => bus.close());
    const recorder = new BusRecorder(bus);
    closers.push(async () => recorder.close());

    const s3 = await startLocalS3(DROPS_BUCKET, services.map((s) => `pulse-${s.name}`));
    closers.push(() => s3.close());

    const endpoints: LocalEndpoints = { region: 'us-east-1', busName: 'pulse-local', eventbridge: bus.busEndpoint, dynamodb: dynamo.endpoint, s3: s3.endpoint, tables };
    const functions = benchFunctions(services, options.root);
    const byName = new Map(functions.map((f) => [f.name, f]));
    const fn = (name: string) => {
      const found = byName.get(name);
      if (!found) throw new Error(`no function ${name} in the declarations`);
      return found;
    };
    const environment = (f: BenchFunction) => functionEnvironment(f, endpoints, f.service.name === 'ingest' ? INGEST_LIMIT_OVERRIDES : {});
    const hosts = new Map<string, Promise<FunctionHost>>();
    closers.push(async () => {
      for (const host of hosts.values()) await (await host.catch(() => undefined))?.close();
    });
    const host = (name: string) => {
      let started = hosts.get(name);
      if (!started) {
        const f = fn(name);
        const h = new FunctionHost(name, f.bundlePath, environment(f));
        started = h.ready.then(() => h);
        hosts.set(name, started);
      }
      return started;
    };

    const admin = fleetAdmin(new FleetsTable(dynamo.documentClient, tables['Fleets']), { now: () => Date.now() });
    await admin.createFleet(BENCH_FLEET);
    const { key: adminKey } = await admin.createKey(BENCH_FLEET, 'admin');

    const registerDevice = async (deviceId: string, body: unknown) => {
      const register = await host('register-device');
      const caller: ApiKeyAuthorizerContext = { fleetId: BENCH_FLEET, role: 'admin' };
      const event = httpApiEvent({ method: 'PUT', path: '/v1/devices/{deviceId}', pathParameters: { deviceId }, body, authorizerContext: caller });
      const { value, published } = await recorder.during(() => register.invoke(event));
      const status = (value.result as { statusCode?: number } | undefined)?.statusCode;
      if (!value.ok || (status !== 200 && status !== 201)) throw new Error(`register-device ${deviceId}: ${value.error?.message ?? `status ${status}`}`);
      const project = await host('project-devices');
      for (const registered of published.filter((e) => e['detail-type'] === DeviceRegisteredV1.detailType)) {
        const projected = await project.invoke(registered);
        if (!projected.ok) throw new Error(`project-devices ${deviceId}: ${projected.error?.message}`);
      }
    };

    // Two days back: hundreds of one-minute ticks stay in the past, inside ingest's 7-day window.
    const bench = benchCity(options.zones, options.batchSize, Date.now() - 2 * 86_400_000);
    const devices = bench.city.devices.filter((d) => d.registered);
    for (const [i, device] of devices.entries()) {
      if (i % 25 === 0) options.log(`registering the city's devices through register-device and project-devices: ${i}/${devices.length}`);
      await registerDevice(device.deviceId, registrationBody(device));
    }

    return {
      endpoints,
      dynamo,
      bus,
      recorder,
      s3,
      functions,
      bench,
      fleetId: BENCH_FLEET,
      adminKey,
      environment,
      fn,
      host,
      registerDevice: (deviceId, zoneId) => registerDevice(deviceId, { zoneId, location: { lat: 47.5, lon: 8.4 }, model: 'bench' }),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The alerts webhook's receiver: accepts every POST, so alert deliveries succeed. */
function startSink(): Promise<Server> {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => response.writeHead(204).end());
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
