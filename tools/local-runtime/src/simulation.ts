import { KinesisClient } from '@aws-sdk/client-kinesis';
import { S3Client } from '@aws-sdk/client-s3';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import {
  createCity,
  dropS3Readings,
  formatStatus,
  incidentWindow,
  postReadings,
  putKinesisReadings,
  realClock,
  registerDevices,
  runSimulation,
  scenario,
  type IncidentWindow,
  type ScenarioName,
  type SimReading,
  type SimulationStatus,
} from '@pulse/simulator';
import { deviceArrivals } from './device-arrivals';
import type { LocalEndpoints } from './local-contract';

export type Via = 'http' | 'kinesis' | 's3';

const PROJECTION_GRACE_MS = 1_500;

export interface SimulationSettings {
  readonly rate: number;
  readonly devices: number;
  readonly zones: number;
  readonly scenario: ScenarioName;
  readonly via: Via;
  readonly seed: number;
  /** Pipeline seconds per real second: the city runs on the pipeline's compressed time. */
  readonly timeScale: number;
  /** The pipeline's clock: the city starts at its time (its devices join as they register). */
  readonly clock: () => number;
}

export interface ChannelNames {
  readonly fleetId: string;
  readonly streamName: string;
  readonly bucketName: string;
  readonly s3Credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
}

export interface RunningSimulation {
  readonly incident: IncidentWindow | undefined;
  status(): SimulationStatus | undefined;
  /** Stops generating; batches in flight finish. */
  stop(): Promise<SimulationStatus | undefined>;
}

/**
 * The simulator inside `npm start`: registers the city's devices through ingest's routes (so
 * enrich learns them from DeviceRegistered), then sends readings on the pipeline's clock.
 */
export async function startSimulation(
  endpoints: LocalEndpoints,
  names: ChannelNames,
  settings: SimulationSettings,
  log: (line: string) => void,
): Promise<RunningSimulation> {
  const city = createCity({ zones: settings.zones, devices: settings.devices, seed: settings.seed });
  const target = { endpoint: endpoints.api, apiKey: endpoints.apiKey };
  // Devices register through ingest (enrich learns them from DeviceRegistered) while the city runs.
  const run = scenario(settings.scenario, settings.clock());
  const incident = incidentWindow(city, run);
  const { send, close } = sender(endpoints, names, settings.via);
  const sendBatch = send ?? ((batch: readonly SimReading[]) => postReadings(batch, { target, clock: realClock }));
  const arrivals = deviceArrivals(city, run, sendBatch, PROJECTION_GRACE_MS);
  let catchingUp: Promise<void> = Promise.resolve();
  const catchUpTimer = setInterval(() => {
    catchingUp = catchingUp.then(() => arrivals.catchUp()).catch(() => undefined);
  }, 500);
  // Functions run 4 environments each: 16 requests in flight keep them busy without queueing long.
  void registerDevices(city, target, 16, arrivals.registered).then((registration) => {
    const failed = registration.failed[0];
    log(`simulator: registered ${registration.registered} devices of ${city.name}${failed ? `, ${registration.failed.length} failed (first: ${failed.deviceId} ${failed.status} ${failed.message})` : ''}`);
  });
  const controller = new AbortController();
  let latest: SimulationStatus | undefined;
  const done = runSimulation({
    city,
    scenario: run,
    target,
    clock: realClock,
    rate: settings.rate,
    timeScale: settings.timeScale,
    signal: controller.signal,
    statusEveryMs: 1_000,
    include: arrivals.include,
    onStatus: (status) => (latest = status),
    ...(send ? { send } : {}),
  })
    .then((summary) => (latest = summary))
    .catch((error: unknown) => {
      log(`simulator stopped: ${error instanceof Error ? error.message : String(error)}`);
      return latest;
    })
    .finally(async () => {
      clearInterval(catchUpTimer);
      await catchingUp;
      close();
    });
  return {
    incident,
    status: () => latest,
    async stop() {
      controller.abort();
      const summary = await done;
      if (summary) log(`simulator: ${formatStatus(summary)}`);
      return summary;
    },
  };
}

function sender(endpoints: LocalEndpoints, names: ChannelNames, via: Via): { send?: (batch: readonly SimReading[]) => Promise<import('@pulse/simulator').SendCounts>; close: () => void } {
  if (via === 'kinesis') {
    const client = new KinesisClient({
      endpoint: endpoints.kinesis,
      region: endpoints.region,
      credentials: { accessKeyId: 'pulse-simulator', secretAccessKey: 'local' },
      requestHandler: new NodeHttpHandler(),
    });
    return { send: (batch) => putKinesisReadings(batch, { client, streamName: names.streamName, fleetId: names.fleetId }), close: () => client.destroy() };
  }
  if (via === 's3') {
    const client = new S3Client({
      endpoint: endpoints.s3,
      region: endpoints.region,
      credentials: names.s3Credentials,
      forcePathStyle: true,
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    return { send: (batch) => dropS3Readings(batch, { client, bucket: names.bucketName, fleetId: names.fleetId }), close: () => client.destroy() };
  }
  return { close: () => undefined };
}
