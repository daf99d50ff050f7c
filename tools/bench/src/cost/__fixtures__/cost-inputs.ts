import type { Measured } from '../measured';
import type { Prices } from '../prices';
import { REFERENCE_WORKLOAD, type Workload } from '../workload';

// The cost specs' inputs: small round numbers, so every expectation is computed by hand in its comment.

/** Every price 0: a spec sets the few it checks. */
export const ZERO_PRICES: Prices = {
  asOf: '2000-01-01',
  region: 'test',
  currency: 'USD',
  lambda: { perMillionRequests: 0, perGbSecondArm64: 0 },
  eventbridge: { customEventsPerMillion: 0, chunkBytes: 1000, apiDestinationInvocationsPerMillion: 0, archivePerGbMonth: 0, archiveIngestPerGb: 0 },
  apiGatewayHttpApi: { perMillionRequestsFirst300M: 0, requestBytesPerUnit: 1000 },
  dynamodbOnDemand: { perMillionWriteRequestUnits: 0, perMillionReadRequestUnits: 0, storagePerGbMonth: 0, writeUnitBytes: 1024, readUnitBytes: 4096, pitrPerGbMonth: 0 },
  sqsStandard: { perMillionRequests: 0 },
  sns: { perMillionPublishes: 0 },
  kinesisOnDemand: { perStreamHour: 0 },
  cloudwatch: { logsIngestPerGb: 0, logsStoragePerGbMonth: 0, customMetricPerMonthFirst10k: 0, alarmPerMonth: 0 },
  xray: { perMillionTracesRecorded: 0 },
  kms: { perKeyMonth: 0 },
};

/** One hour of 1 reading/s (3,600 readings) in batches of 10 (360 batches). */
export const HOUR: Workload = {
  ...REFERENCE_WORKLOAD,
  readingsPerSecond: 1,
  batchSize: 10,
  retentionDays: 1,
  hoursPerMonth: 1,
  zonesPerBatch: 1,
  zonedFraction: 0.5,
  reportIntervalSeconds: 10,
  warmContainers: 2,
  awsCallLatencyMs: 10,
  lambdaFullVcpuMb: 1024,
  apiKeys: 0,
  logRetentionDays: 1,
  archiveRetentionDays: 1,
  pointInTimeRecovery: false,
  platformLogBytesPerInvocation: 0,
  logEventOverheadBytes: 0,
  dynamoItemOverheadBytes: 100,
  xrayReservoirPerSecond: 1,
  xraySampleRate: 0.5,
};

export const MEASURED: Measured = {
  hops: [
    {
      service: 'transform',
      functionName: 'normalize-readings',
      memoryMb: 512,
      cpuMs: { fixed: 2, perReading: 0.4 },
      callRounds: { fixed: 1, perReading: 0 },
      logBytes: { fixed: 100, perReading: 10 },
      logLines: { fixed: 2, perReading: 0 },
      publishes: { detailType: 'ReadingsNormalized', entryBytes: { fixed: 500, perReading: 60 } },
    },
  ],
  requestBytesPerReading: 150,
  readingItem: { tableBytes: 924, tableWru: 1, indexBytes: 412, indexWru: 1 },
  zoneStatusWru: 1,
  alertStateWritesPerZone: 0.5,
  alertEventsPerReading: 0.001,
  metricSeries: 7,
  alarmMetrics: 5,
  kinesisStreams: 1,
  cacheTtlSeconds: { ownership: 60, devices: 60, authorizer: 300 },
};

/** MEASURED with ingest's hop in front: ReadingsReceived entries of 200 + 100 × b bytes. */
export const MEASURED_WITH_INGEST: Measured = {
  ...MEASURED,
  hops: [
    {
      service: 'ingest',
      functionName: 'receive-readings',
      memoryMb: 1024,
      cpuMs: { fixed: 1, perReading: 0.1 },
      callRounds: { fixed: 1, perReading: 0 },
      logBytes: { fixed: 100, perReading: 0 },
      logLines: { fixed: 1, perReading: 0 },
      publishes: { detailType: 'ReadingsReceived', entryBytes: { fixed: 200, perReading: 100 } },
    },
    ...MEASURED.hops,
  ],
};
