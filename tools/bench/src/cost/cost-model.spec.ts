import { HOUR, MEASURED, MEASURED_WITH_INGEST, ZERO_PRICES } from './__fixtures__/cost-inputs';
import { byCategory, costModel, type CostLine, type DesignCost } from './cost-model';
import { AS_DESIGNED } from './design-choices';
import type { Prices } from './prices';
import { workloadWith } from './workload';

const line = (cost: DesignCost, item: string): CostLine => {
  const found = cost.lines.find((l) => l.item.startsWith(item));
  if (!found) throw new Error(`no line ${item} in ${cost.lines.map((l) => l.item).join(', ')}`);
  return found;
};
const priced = (overrides: Partial<Prices>) => ({ ...ZERO_PRICES, ...overrides });

describe('costModel', () => {
  it('bills Lambda per batch: CPU scaled by the memory’s vCPU share plus awaited calls, rounded up to the ms', () => {
    // Prepare: $1 per million requests, $0.001 per GB-s
    const prices = priced({ lambda: { perMillionRequests: 1, perGbSecondArm64: 0.001 } });
    // Act
    const { deployed, naive } = costModel(HOUR, prices, MEASURED);
    // Assess: batches of 10 → CPU 2 + 0.4 × 10 = 6 ms at half a vCPU = 12 ms, + 1 call × 10 ms = 22 ms;
    // 360 invocations × 22 ms × 0.5 GB = 3.96 GB-s → $0.00396; 360 requests → $0.00036
    expect(line(deployed, 'compute: normalize-readings').quantity).toBeCloseTo(3.96, 10);
    expect(line(deployed, 'compute: normalize-readings').monthlyUsd).toBeCloseTo(0.00396, 10);
    expect(line(deployed, 'requests: normalize-readings').monthlyUsd).toBeCloseTo(0.00036, 10);
    // Naive: 2.4 ms / 0.5 = 4.8 + 10 = 14.8 → 15 ms; 3,600 × 15 ms × 0.5 GB = 27 GB-s; 3,600 requests
    expect(line(naive, 'compute: normalize-readings').quantity).toBeCloseTo(27, 10);
    expect(line(naive, 'requests: normalize-readings').quantity).toBe(3600);
  });

  it('bills EventBridge per started 64 KB chunk of each entry and API Gateway per started request unit', () => {
    // Prepare: $1 per million events, $2 per million requests (chunks and units of 1,000 bytes here)
    const prices = priced({
      eventbridge: { ...ZERO_PRICES.eventbridge, customEventsPerMillion: 1 },
      apiGatewayHttpApi: { perMillionRequestsFirst300M: 2, requestBytesPerUnit: 1000 },
    });
    // Act
    const { deployed, naive } = costModel(HOUR, prices, MEASURED);
    // Assess: a batch event is 500 + 60 × 10 = 1,100 B = 2 chunks × 360 = 720 chunks → $0.00072
    expect(line(deployed, 'events: ReadingsNormalized').quantity).toBe(720);
    expect(line(deployed, 'events: ReadingsNormalized').monthlyUsd).toBeCloseTo(0.00072, 10);
    // A request is 10 × 150 = 1,500 B = 2 units × 360 = 720 units → $0.00144
    expect(line(deployed, 'HTTP API requests').monthlyUsd).toBeCloseTo(0.00144, 10);
    // Naive: 560 B = 1 chunk per reading (3,600); 150 B = 1 unit per reading (3,600 → $0.0072)
    expect(line(naive, 'events: ReadingsNormalized').quantity).toBe(3600);
    expect(line(naive, 'HTTP API requests').monthlyUsd).toBeCloseTo(0.0072, 10);
    // Alerts: 3,600 × 0.001 = 3.6 events, one chunk each
    expect(line(deployed, 'events: AlertRaised').quantity).toBeCloseTo(3.6, 10);
  });

  it('bills a DynamoDB write per reading, another for zoned readings in byZone, and one status per zone per batch', () => {
    // Prepare: $1 per million WRU
    const prices = priced({ dynamodbOnDemand: { ...ZERO_PRICES.dynamodbOnDemand, perMillionWriteRequestUnits: 1 } });
    // Act
    const { deployed, naive } = costModel(HOUR, prices, MEASURED);
    // Assess: 3,600 readings × 1 WRU; half of them zoned → 1,800; 360 batches × 1 zone; 360 × 0.5 AlertState
    expect(line(deployed, 'writes: Readings').quantity).toBe(3600);
    expect(line(deployed, 'writes: Readings byZone').quantity).toBe(1800);
    expect(line(deployed, 'writes: ZoneStatus').quantity).toBe(360);
    expect(line(deployed, 'writes: AlertState').quantity).toBe(180);
    // 3.6 alerts × (table + 2 indexes)
    expect(line(deployed, 'writes: Alerts').quantity).toBeCloseTo(10.8, 10);
    expect(line(deployed, 'writes: ZoneStatus').monthlyUsd).toBeCloseTo(0.00036, 10);
    // Naive: a single reading has a zone half the time → 0.5 status writes per reading
    expect(line(naive, 'writes: ZoneStatus').quantity).toBe(1800);
    expect(line(naive, 'writes: Readings').quantity).toBe(3600);
  });

  it('writes the shared rate-limit item once per HTTP request', () => {
    // Prepare: $1 per million WRU
    const prices = priced({ dynamodbOnDemand: { ...ZERO_PRICES.dynamodbOnDemand, perMillionWriteRequestUnits: 1 } });
    // Act
    const { deployed, naive } = costModel(HOUR, prices, MEASURED);
    // Assess: 360 batches = 360 requests × 1 WRU; naive: a request per reading
    expect(line(deployed, 'writes: RateLimits').quantity).toBe(360);
    expect(line(deployed, 'writes: RateLimits').monthlyUsd).toBeCloseTo(0.00036, 10);
    expect(line(naive, 'writes: RateLimits').quantity).toBe(3600);
  });

  it('archives every published event as designed, and only the chosen detail-types when told', () => {
    // Prepare: $1 per GB ingested
    const prices = priced({ eventbridge: { ...ZERO_PRICES.eventbridge, archiveIngestPerGb: 1 } });
    // Act
    const all = costModel(HOUR, prices, MEASURED_WITH_INGEST).deployed;
    const received = costModel(HOUR, prices, MEASURED_WITH_INGEST, { ...AS_DESIGNED, archivedDetailTypes: ['ReadingsReceived'] }).deployed;
    // Assess: 360 batches × (200 + 100 × 10 = 1,200 B ReadingsReceived + 1,100 B ReadingsNormalized)
    expect(line(all, 'archive ingest (every event)').quantity).toBeCloseTo((360 * 2300) / 1024 ** 3, 15);
    expect(line(received, 'archive ingest (ReadingsReceived)').quantity).toBeCloseTo((360 * 1200) / 1024 ** 3, 15);
  });

  it('refuses to archive a detail-type no hop publishes (a misspelling would archive nothing)', () => {
    expect(() => costModel(HOUR, ZERO_PRICES, MEASURED, { ...AS_DESIGNED, archivedDetailTypes: ['ReadingReceived'] })).toThrow(/ReadingReceived/);
  });

  it('bills device-cache misses as eventually consistent reads and AlertState as consistent ones', () => {
    // Prepare: $1 per million RRU
    const prices = priced({ dynamodbOnDemand: { ...ZERO_PRICES.dynamodbOnDemand, perMillionReadRequestUnits: 1 } });
    // Act
    const { deployed } = costModel(HOUR, prices, MEASURED);
    // Assess: a device returns to a container every 10 s × 2 = 20 s, its entry lives 60 s → 1/3 of
    // readings miss; 3,600 / 3 × 0.5 RRU = 600; AlertState: 360 batches × 1 zone × 1 RRU
    expect(line(deployed, 'reads: Fleets ownership').quantity).toBeCloseTo(600, 10);
    expect(line(deployed, 'reads: DeviceProjection').quantity).toBeCloseTo(600, 10);
    expect(line(deployed, 'reads: AlertState').quantity).toBe(360);
  });

  it('stores retention days of readings with 100 bytes of overhead per item and per index entry', () => {
    // Prepare: $1 per GB-month, PITR $0.5 per GB-month
    const prices = priced({ dynamodbOnDemand: { ...ZERO_PRICES.dynamodbOnDemand, storagePerGbMonth: 1, pitrPerGbMonth: 0.5 } });
    // Act
    const { deployed } = costModel({ ...HOUR, pointInTimeRecovery: true }, prices, MEASURED);
    // Assess: 86,400 items × 1,024 B + 43,200 index entries × 512 B = 110,592,000 B = 0.10300 GiB
    expect(line(deployed, 'storage: Readings').quantity).toBeCloseTo(110_592_000 / 1024 ** 3, 10);
    // PITR covers the table, not the index: 88,473,600 B
    expect(line(deployed, 'point-in-time recovery').monthlyUsd).toBeCloseTo((0.5 * 88_473_600) / 1024 ** 3, 10);
  });

  it('samples X-Ray traces per HTTP request: the reservoir first, then the rate', () => {
    // Prepare: $1 per million traces; reservoir 1/s, then 50 %
    const prices = priced({ xray: { perMillionTracesRecorded: 1 } });
    // Act
    const { deployed, naive } = costModel({ ...HOUR, readingsPerSecond: 3 }, prices, MEASURED);
    // Assess: 0.3 requests/s, all under the reservoir → 0.3 × 3,600 = 1,080 traces;
    // naive 3 requests/s → 1 + 0.5 × 2 = 2 traces/s → 7,200
    expect(line(deployed, 'traces recorded').quantity).toBeCloseTo(1080, 10);
    expect(line(naive, 'traces recorded').quantity).toBeCloseTo(7200, 10);
  });

  it('adds fixed monthly items: metric series, alarms, the idle Kinesis stream, the key', () => {
    // Prepare
    const prices = priced({
      cloudwatch: { ...ZERO_PRICES.cloudwatch, customMetricPerMonthFirst10k: 0.3, alarmPerMonth: 0.1 },
      kinesisOnDemand: { perStreamHour: 0.04 },
      kms: { perKeyMonth: 1 },
    });
    // Act
    const { deployed } = costModel(HOUR, prices, MEASURED);
    // Assess: 7 × 0.3 + 5 × 0.1 + 1 stream × 1 h × 0.04 + 1 = 3.64
    expect(deployed.monthlyUsd).toBeCloseTo(2.1 + 0.5 + 0.04 + 1, 10);
  });

  it('reports the total, the cost per million readings and the ratio to the naive design', () => {
    // Prepare: only Lambda requests cost ($1 per million)
    const prices = priced({ lambda: { perMillionRequests: 1, perGbSecondArm64: 0 } });
    // Act
    const report = costModel(HOUR, prices, MEASURED);
    // Assess: 360 requests = $0.00036 for 3,600 readings → $0.1 per million; naive 3,600 → $1 per million
    expect(report.readingsPerMonth).toBe(3600);
    expect(report.deployed.monthlyUsd).toBeCloseTo(0.00036, 12);
    expect(report.deployed.perMillionReadingsUsd).toBeCloseTo(0.1, 10);
    expect(report.naive.perMillionReadingsUsd).toBeCloseTo(1, 10);
    expect(report.ratioToNaive).toBeCloseTo(0.1, 10);
    expect(report.pricesAsOf).toBe('2000-01-01');
  });

  it('sums lines by category, largest first, with their shares', () => {
    // Prepare
    const prices = priced({ lambda: { perMillionRequests: 1, perGbSecondArm64: 0 }, kms: { perKeyMonth: 0.00036 } });
    // Act
    const categories = byCategory(costModel(HOUR, prices, MEASURED).deployed);
    // Assess: Lambda $0.00036 and KMS $0.00036 → half each
    expect(categories[0].share).toBeCloseTo(0.5, 10);
    expect(categories[1].share).toBeCloseTo(0.5, 10);
    expect(categories.slice(0, 2).map((c) => c.category).sort()).toEqual(['KMS', 'Lambda']);
  });
});

describe('workloadWith', () => {
  it('starts from the reference workload and lets log and archive retention follow the data retention', () => {
    // Act
    const workload = workloadWith({ readingsPerSecond: 200, retentionDays: 7 });
    // Assess
    expect(workload).toMatchObject({ readingsPerSecond: 200, batchSize: 50, retentionDays: 7, logRetentionDays: 7, archiveRetentionDays: 7 });
  });

  it('refuses unknown settings and impossible values', () => {
    expect(() => workloadWith({ readingPerSecond: 1 } as never)).toThrow(/unknown workload setting/);
    expect(() => workloadWith({ batchSize: 0 })).toThrow(/batchSize/);
    expect(() => workloadWith({ awsCallLatencyMs: -1 })).toThrow(/non-negative/);
  });
});
