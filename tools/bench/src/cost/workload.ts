/**
 * What the cost model prices: the workload (the three knobs) and the assumptions the
 * bench cannot measure on a laptop, each with its default stated so a reader can disagree.
 */
export interface Workload {
  readonly readingsPerSecond: number;
  /** Readings per POST /v1/readings (a fleet gateway's batch); every later hop keeps the batch. */
  readonly batchSize: number;
  /** Days a stored reading is kept (DynamoDB TTL). */
  readonly retentionDays: number;

  /** Distinct zones in one batch: one ZoneStatus and one AlertState item each (a gateway serves one zone). */
  readonly zonesPerBatch: number;
  /** Share of readings from registered devices with a zone: they cost a byZone index write. */
  readonly zonedFraction: number;
  /** How often one device reports: with the containers, decides the device caches' miss rate. */
  readonly reportIntervalSeconds: number;
  /** Warm containers a function spreads its invocations over (each has its own device cache). */
  readonly warmContainers: number;
  /** Wall time of one awaited AWS call in the region (PutEvents, BatchWriteItem, …). */
  readonly awsCallLatencyMs: number;
  /**
   * WRU per HTTP request for ingest's shared per-fleet rate limit: one conditional UpdateItem of
   * the fleet's small RateLimits item (a second only when two containers restart an idle bucket
   * at once; the GetItem after a failed condition runs against dynalite only, DynamoDB returns
   * the item with the failure).
   */
  readonly rateLimitWritesPerRequest: number;
  /** Memory at which Lambda gives a function one full vCPU; less memory, proportionally less CPU. */
  readonly lambdaFullVcpuMb: number;
  /** Distinct API keys (gateways): the authorizer runs once per key per cache TTL. */
  readonly apiKeys: number;
  readonly logRetentionDays: number;
  readonly archiveRetentionDays: number;
  readonly pointInTimeRecovery: boolean;
  /** START/END/REPORT lines Lambda writes per invocation (REPORT with X-Ray fields). */
  readonly platformLogBytesPerInvocation: number;
  /** CloudWatch Logs bills 26 bytes of metadata per log event (line). */
  readonly logEventOverheadBytes: number;
  /** DynamoDB storage counts 100 bytes of overhead per item, in the table and in each index. */
  readonly dynamoItemOverheadBytes: number;
  /** X-Ray's default sampling rule: the first request each second, then this share. */
  readonly xrayReservoirPerSecond: number;
  readonly xraySampleRate: number;
  /** AWS prices a month as 730 hours. */
  readonly hoursPerMonth: number;
}

/** The reference workload: 1,000 readings/s, gateway batches of 50, 30-day retention. */
export const REFERENCE_WORKLOAD: Workload = {
  readingsPerSecond: 1000,
  batchSize: 50,
  retentionDays: 30,
  zonesPerBatch: 1,
  zonedFraction: 1,
  reportIntervalSeconds: 60,
  warmContainers: 2,
  awsCallLatencyMs: 10,
  rateLimitWritesPerRequest: 1,
  lambdaFullVcpuMb: 1769,
  apiKeys: 20,
  logRetentionDays: 30,
  archiveRetentionDays: 30,
  pointInTimeRecovery: true,
  platformLogBytesPerInvocation: 350,
  logEventOverheadBytes: 26,
  dynamoItemOverheadBytes: 100,
  xrayReservoirPerSecond: 1,
  xraySampleRate: 0.05,
  hoursPerMonth: 730,
};

/**
 * The reference workload with overrides. Log and archive retention follow `retentionDays`
 * unless set themselves (the staging/prod settings keep them equal).
 */
export function workloadWith(overrides: Readonly<Partial<Record<keyof Workload, number | boolean>>> = {}): Workload {
  const known = new Set(Object.keys(REFERENCE_WORKLOAD));
  const unknown = Object.keys(overrides).filter((k) => !known.has(k));
  if (unknown.length > 0) throw new Error(`unknown workload setting(s): ${unknown.join(', ')}`);
  const retentionDays = (overrides.retentionDays as number | undefined) ?? REFERENCE_WORKLOAD.retentionDays;
  const workload = {
    ...REFERENCE_WORKLOAD,
    logRetentionDays: retentionDays,
    archiveRetentionDays: retentionDays,
    ...overrides,
  } as Workload;
  for (const [key, value] of Object.entries(workload)) {
    if (typeof value === 'number' && !(value >= 0 && Number.isFinite(value))) throw new Error(`workload ${key} must be a non-negative number, got ${value}`);
  }
  if (!(workload.readingsPerSecond > 0) || !(workload.batchSize >= 1)) throw new Error('readingsPerSecond must be > 0 and batchSize ≥ 1');
  return workload;
}
