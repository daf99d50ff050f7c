import { AS_DESIGNED, type DesignChoices } from './design-choices';
import { valueAt, type Measured } from './measured';
import type { Prices } from './prices';
import { readingsStorage } from './readings-storage';
import type { Workload } from './workload';

export type CostCategory = 'API Gateway' | 'Lambda' | 'EventBridge' | 'DynamoDB' | 'CloudWatch' | 'X-Ray' | 'SNS' | 'Kinesis' | 'KMS' | 'SQS';

/** One line of the bill: quantity × unit price = monthly dollars. */
export interface CostLine {
  readonly category: CostCategory;
  readonly item: string;
  readonly quantity: number;
  readonly unit: string;
  readonly unitPriceUsd: number;
  readonly monthlyUsd: number;
}

export interface DesignCost {
  readonly design: 'batched' | 'naive';
  /** Readings per event and per invocation on every hop. */
  readonly batchSize: number;
  readonly lines: readonly CostLine[];
  readonly monthlyUsd: number;
  readonly perMillionReadingsUsd: number;
}

export interface CostReport {
  readonly workload: Workload;
  /** The data model and archive priced, for both designs. */
  readonly choices: DesignChoices;
  readonly pricesAsOf: string;
  readonly readingsPerMonth: number;
  readonly deployed: DesignCost;
  readonly naive: DesignCost;
  /** deployed / naive monthly cost (target ≤ 0.2). */
  readonly ratioToNaive: number;
}

const GIB = 1024 ** 3;
const MILLION = 1e6;

/**
 * Monthly cost of the deployed design (every hop carries the gateway's batch: one event and
 * one invocation per batch per hop) and of the naive design (one event and one invocation per
 * reading) for the same workload, both with the same data model and archive (`choices`).
 * Pure: prices, measurements, workload and choices in, bill out.
 */
export function costModel(workload: Workload, prices: Prices, measured: Measured, choices: DesignChoices = AS_DESIGNED): CostReport {
  checkArchivedDetailTypes(choices, measured);
  const seconds = workload.hoursPerMonth * 3600;
  const readingsPerMonth = workload.readingsPerSecond * seconds;
  const deployed = designCost('batched', workload.batchSize, workload.zonesPerBatch, workload, prices, measured, choices);
  // One reading per batch: at most one zone, and only when the reading has one.
  const naive = designCost('naive', 1, Math.min(workload.zonesPerBatch, workload.zonedFraction), workload, prices, measured, choices);
  return { workload, choices, pricesAsOf: prices.asOf, readingsPerMonth, deployed, naive, ratioToNaive: deployed.monthlyUsd / naive.monthlyUsd };
}

/** A detail-type no hop publishes is a misspelling: it would silently archive nothing. */
function checkArchivedDetailTypes(choices: DesignChoices, m: Measured): void {
  if (choices.archivedDetailTypes === 'all') return;
  const published = new Set(m.hops.flatMap((hop) => (hop.publishes ? [hop.publishes.detailType] : [])));
  const unknown = choices.archivedDetailTypes.filter((type) => !published.has(type));
  if (unknown.length > 0) throw new Error(`archived detail-type(s) no hop publishes: ${unknown.join(', ')} (published: ${[...published].join(', ')})`);
}

function designCost(design: DesignCost['design'], batchSize: number, zonesPerBatch: number, w: Workload, p: Prices, m: Measured, c: DesignChoices): DesignCost {
  const seconds = w.hoursPerMonth * 3600;
  const daysPerMonth = w.hoursPerMonth / 24;
  const readings = w.readingsPerSecond * seconds;
  const batches = readings / batchSize;
  const lines: CostLine[] = [];
  const add = (category: CostCategory, item: string, quantity: number, unit: string, unitPriceUsd: number) =>
    lines.push({ category, item, quantity, unit, unitPriceUsd, monthlyUsd: quantity * unitPriceUsd });

  // API Gateway: one request per batch, billed per started 512 KB.
  const requestUnits = Math.ceil((batchSize * m.requestBytesPerReading) / p.apiGatewayHttpApi.requestBytesPerUnit);
  add('API Gateway', 'HTTP API requests', batches * requestUnits, 'requests', p.apiGatewayHttpApi.perMillionRequestsFirst300M / MILLION);
  // The authorizer's answer is cached per key for its TTL.
  add('Lambda', 'requests: authorize-api-key (cached per key)', (w.apiKeys * seconds) / m.cacheTtlSeconds.authorizer, 'requests', p.lambda.perMillionRequests / MILLION);

  // Lambda and EventBridge, hop by hop.
  let archivedBytes = 0;
  let logBytes = 0;
  for (const hop of m.hops) {
    const cpuShare = Math.min(1, hop.memoryMb / w.lambdaFullVcpuMb);
    const billedMs = Math.max(1, Math.ceil(valueAt(hop.cpuMs, batchSize) / cpuShare + valueAt(hop.callRounds, batchSize) * w.awsCallLatencyMs));
    add('Lambda', `requests: ${hop.functionName}`, batches, 'requests', p.lambda.perMillionRequests / MILLION);
    add('Lambda', `compute: ${hop.functionName} (${billedMs} ms × ${hop.memoryMb} MB)`, (batches * billedMs * hop.memoryMb) / 1000 / 1024, 'GB-s', p.lambda.perGbSecondArm64);
    if (hop.publishes) {
      const entryBytes = valueAt(hop.publishes.entryBytes, batchSize);
      add('EventBridge', `events: ${hop.publishes.detailType}`, batches * Math.ceil(entryBytes / p.eventbridge.chunkBytes), '64 KB chunks', p.eventbridge.customEventsPerMillion / MILLION);
      if (c.archivedDetailTypes === 'all' || c.archivedDetailTypes.includes(hop.publishes.detailType)) archivedBytes += batches * entryBytes;
    }
    const perInvocationLog = valueAt(hop.logBytes, batchSize) + valueAt(hop.logLines, batchSize) * w.logEventOverheadBytes + w.platformLogBytesPerInvocation;
    add('CloudWatch', `logs ingested: ${hop.functionName}`, (batches * perInvocationLog) / GIB, 'GB', p.cloudwatch.logsIngestPerGb);
    logBytes += batches * perInvocationLog;
  }

  // Alerts: rare events, each one chunk, fanned out to SNS (alerts + pager at most) and the webhook.
  const alertEvents = readings * m.alertEventsPerReading;
  add('EventBridge', 'events: AlertRaised / AlertResolved', alertEvents, 'events', p.eventbridge.customEventsPerMillion / MILLION);
  add('EventBridge', 'API destination (alerts webhook)', alertEvents, 'invocations', p.eventbridge.apiDestinationInvocationsPerMillion / MILLION);
  add('SNS', 'publishes (alerts + pager topics)', alertEvents * 2, 'publishes', p.sns.perMillionPublishes / MILLION);
  const archived = c.archivedDetailTypes === 'all' ? 'every event' : c.archivedDetailTypes.join(', ');
  add('EventBridge', `archive ingest (${archived})`, archivedBytes / GIB, 'GB', p.eventbridge.archiveIngestPerGb);
  add('EventBridge', `archive storage (${w.archiveRetentionDays} days)`, ((archivedBytes / GIB) * w.archiveRetentionDays) / daysPerMonth, 'GB-month', p.eventbridge.archivePerGbMonth);

  // DynamoDB writes: the readings as the layout stores them; one status per zone per batch.
  const wru = p.dynamodbOnDemand.perMillionWriteRequestUnits / MILLION;
  const rru = p.dynamodbOnDemand.perMillionReadRequestUnits / MILLION;
  const stored = readingsStorage(c.readingsLayout, { readings, batches, batchSize, zonesPerBatch }, w, p, m);
  for (const l of stored.writes) add('DynamoDB', l.item, l.quantity, l.unit, l.unitPriceUsd);
  // Ingest's shared per-fleet rate limit: one conditional UpdateItem of a small item per request.
  add('DynamoDB', 'writes: RateLimits (one conditional write per HTTP request)', batches * w.rateLimitWritesPerRequest, 'WRU', wru);
  add('DynamoDB', 'writes: ZoneStatus (one per zone per batch)', batches * zonesPerBatch * m.zoneStatusWru, 'WRU', wru);
  add('DynamoDB', 'writes: AlertState', batches * zonesPerBatch * m.alertStateWritesPerZone, 'WRU', wru);
  add('DynamoDB', 'writes: Alerts (+ byStatus, byZone)', alertEvents * 3, 'WRU', wru);

  // Reads: a device cache entry lives ttl seconds per container; a device comes back to the same
  // container every reportInterval × containers seconds, so misses = min(1, that / ttl) per reading.
  const missRate = (ttl: number) => Math.min(1, (w.reportIntervalSeconds * w.warmContainers) / ttl);
  add('DynamoDB', 'reads: Fleets ownership (ingest cache misses)', readings * missRate(m.cacheTtlSeconds.ownership) * 0.5, 'RRU', rru);
  add('DynamoDB', 'reads: DeviceProjection (enrich cache misses)', readings * missRate(m.cacheTtlSeconds.devices) * 0.5, 'RRU', rru);
  add('DynamoDB', 'reads: AlertState (consistent, per zone per batch)', batches * zonesPerBatch, 'RRU', rru);

  // Storage at steady state: retentionDays of readings, 100 bytes of overhead per item and index entry.
  for (const l of stored.storage) add('DynamoDB', l.item, l.quantity, l.unit, l.unitPriceUsd);

  // CloudWatch: stored logs (uncompressed, an upper bound), metric series, alarms.
  add('CloudWatch', `logs stored (${w.logRetentionDays} days)`, ((logBytes / GIB) * w.logRetentionDays) / daysPerMonth, 'GB-month', p.cloudwatch.logsStoragePerGbMonth);
  add('CloudWatch', 'custom metrics (EMF series)', m.metricSeries, 'metrics', p.cloudwatch.customMetricPerMonthFirst10k);
  add('CloudWatch', 'alarms', m.alarmMetrics, 'alarm metrics', p.cloudwatch.alarmPerMonth);

  // X-Ray: active tracing; one trace per HTTP request (EventBridge carries it downstream), sampled.
  const requestsPerSecond = batches / seconds;
  const tracesPerSecond = Math.min(requestsPerSecond, w.xrayReservoirPerSecond) + w.xraySampleRate * Math.max(0, requestsPerSecond - w.xrayReservoirPerSecond);
  add('X-Ray', 'traces recorded', tracesPerSecond * seconds, 'traces', p.xray.perMillionTracesRecorded / MILLION);

  add('Kinesis', 'on-demand stream (deployed, idle for HTTP)', m.kinesisStreams * w.hoursPerMonth, 'stream-hours', p.kinesisOnDemand.perStreamHour);
  add('KMS', 'platform key', 1, 'key-months', p.kms.perKeyMonth);
  add('SQS', 'dead-letter queues (empty in steady state)', 0, 'requests', p.sqsStandard.perMillionRequests / MILLION);

  const monthlyUsd = lines.reduce((sum, line) => sum + line.monthlyUsd, 0);
  return { design, batchSize, lines, monthlyUsd, perMillionReadingsUsd: monthlyUsd / (readings / MILLION) };
}

/** Monthly dollars by category, largest first: where each dollar goes. */
export function byCategory(cost: DesignCost): Array<{ category: CostCategory; monthlyUsd: number; share: number }> {
  const totals = new Map<CostCategory, number>();
  for (const line of cost.lines) totals.set(line.category, (totals.get(line.category) ?? 0) + line.monthlyUsd);
  return [...totals.entries()]
    .map(([category, monthlyUsd]) => ({ category, monthlyUsd, share: cost.monthlyUsd > 0 ? monthlyUsd / cost.monthlyUsd : 0 }))
    .sort((a, b) => b.monthlyUsd - a.monthlyUsd);
}
