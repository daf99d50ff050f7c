import { FIVE_SERVICES } from '@pulse/local-bus';
import { AlertRaisedV1, AlertResolvedV1 } from '@pulse/schemas';
import { fitLinear, type HopMeasurement, type Measured } from '../cost/measured';
import type { Figure, Step, StepContext, StepResult } from '../harness/step';
import { declarationFacts } from '../measure/declaration-facts';
import { emfSeries } from '../measure/emf-series';
import { fmt, spread, table } from '../report/markdown-format';
import { gatewayBatchesFrom } from '../world/city-traffic';
import type { World } from '../world/local-world';
import { summarizeLane, type LaneSummary } from './lane-summary';
import { nextInputs, READING_PATH, readingsRequest, runStage, type Hop, type StageInput, type StageInvocation } from './pipeline-stages';
import { sharedWorld } from './shared-world';
import { declaredTable, storedItemSizes, type ItemSizes } from './stored-items';

export const CPU_STEP_ID = 'cpu-per-hop';

interface Plan {
  readonly warmupBatches: number;
  readonly batchInvocations: number;
  readonly singleInvocations: number;
  readonly runs: number;
}

export interface HopDetail {
  readonly service: string;
  readonly functionName: string;
  readonly memoryMb: number;
  readonly batch: LaneSummary;
  readonly single: LaneSummary;
}

export interface CpuDetail {
  readonly batchSize: number;
  readonly plan: Plan;
  readonly sent: { readonly batch: number; readonly single: number };
  readonly hops: readonly HopDetail[];
  readonly readingItems: ItemSizes;
  readonly zoneStatusItems: ItemSizes;
  readonly alerts: { readonly zonesEvaluated: number; readonly stateWrites: number; readonly raised: number; readonly resolved: number; readonly readings: number };
  readonly metricSeries: readonly string[];
  /** What the cost model takes from this step. */
  readonly measured: Measured;
}

/**
 * Step 5: CPU ms per 1,000 readings on each hop of the reading path, from the real bundles in
 * their own warm processes. The simulator's gateway batches go in over HTTP (ingest); each
 * later hop is fed the events the previous one really published, so every hop sees real
 * events of the gateway's batch size; a second lane sends one reading per request, to
 * separate the per-invocation cost from the per-reading cost.
 */
export function cpuPerHopStep(): Step {
  return { id: CPU_STEP_ID, order: 5, title: 'CPU per hop', run: runCpuPerHop };
}

async function runCpuPerHop(context: StepContext): Promise<StepResult> {
  const world = await sharedWorld(context);
  const plan: Plan = context.options.quick
    ? { warmupBatches: 10, batchInvocations: 40, singleInvocations: 30, runs: 5 }
    : { warmupBatches: 40, batchInvocations: 400, singleInvocations: 200, runs: 10 };
  let inputs = pipelineInputs(world, plan);
  const sent = { batch: laneReadings(inputs, 'batch'), single: laneReadings(inputs, 'single') };

  const stages = new Map<string, StageInvocation[]>();
  for (const hop of READING_PATH) {
    const hopInputs = hop.service === 'alert' ? nextInputs(stageOf(stages, 'enrich-readings'), 'ReadingsEnriched') : inputs;
    const stage = await runStage(world, hop, hopInputs, (run, of) => context.progress(hop.functionName, run, of));
    stages.set(hop.functionName, stage);
    for (const lane of ['batch', 'single'] as const) {
      const processed = laneReadings(stage, lane);
      if (processed !== sent[lane]) throw new Error(`${hop.functionName} processed ${processed} ${lane} readings, ${sent[lane]} were sent`);
    }
    if (hop.publishes) inputs = nextInputs(stage, hop.publishes);
  }

  const hops = READING_PATH.map((hop) => hopDetail(world, hop, stageOf(stages, hop.functionName), plan.runs));
  const readingItems = await storedItemSizes(world.dynamo.documentClient, declaredTable(FIVE_SERVICES, 'persist', 'Readings'), world.endpoints.tables['Readings']);
  const zoneStatusItems = await storedItemSizes(world.dynamo.documentClient, declaredTable(FIVE_SERVICES, 'persist', 'ZoneStatus'), world.endpoints.tables['ZoneStatus']);
  if (readingItems.items < sent.batch + sent.single) throw new Error(`Readings holds ${readingItems.items} items, ${sent.batch + sent.single} readings were stored`);
  const alerts = alertOutcomes(stageOf(stages, 'evaluate-readings'));
  const series = [...emfSeries([...stages.values()].flatMap((s) => s.flatMap((i) => i.host.emf)))].sort();
  const measured = measuredFor(world, hops, readingItems, zoneStatusItems, alerts, series.length, stageOf(stages, 'receive-readings'));

  const detail: CpuDetail = { batchSize: world.bench.batchSize, plan, sent, hops, readingItems, zoneStatusItems, alerts, metricSeries: series, measured };
  return { figures: hops.flatMap((h) => hopFigures(h, world.bench.batchSize, sent)), markdown: cpuMarkdown(detail), detail };
}

/** Warm-up and batch-lane gateway batches from consecutive ticks, then single readings from later ticks. */
function pipelineInputs(world: World, plan: Plan): StageInput[] {
  const bench = world.bench;
  const warm = gatewayBatchesFrom(bench, 0, plan.warmupBatches);
  const batch = gatewayBatchesFrom(bench, warm.nextTick, plan.batchInvocations);
  const singles = gatewayBatchesFrom(bench, batch.nextTick, Math.ceil(plan.singleInvocations / bench.batchSize)).batches.flat().slice(0, plan.singleInvocations);
  return [
    ...warm.batches.map((readings) => readingsRequest(world, 'warmup', readings)),
    ...batch.batches.map((readings) => readingsRequest(world, 'batch', readings)),
    ...singles.map((reading) => readingsRequest(world, 'single', [reading])),
  ];
}

function hopDetail(world: World, hop: Hop, stage: readonly StageInvocation[], runs: number): HopDetail {
  const fn = world.fn(hop.functionName);
  return {
    service: hop.service,
    functionName: hop.functionName,
    memoryMb: fn.memoryMb,
    batch: summarizeLane(stage, 'batch', runs, hop.publishes),
    single: summarizeLane(stage, 'single', runs, hop.publishes),
  };
}

function hopFigures(hop: HopDetail, batchSize: number, sent: CpuDetail['sent']): Figure[] {
  const figure = (suffix: string, lane: LaneSummary, laneSent: number, size: number): Figure => ({
    name: `${hop.functionName}.cpu-ms-per-1000-readings${suffix}`,
    unit: 'CPU ms / 1,000 readings',
    stats: lane.cpuMsPer1000,
    counts: { readings: lane.readings, sent: laneSent, invocations: lane.invocations, batchSize: size },
  });
  return [figure('', hop.batch, sent.batch, batchSize), figure('.single', hop.single, sent.single, 1)];
}

function alertOutcomes(stage: readonly StageInvocation[]): CpuDetail['alerts'] {
  // Alerts follow the data, not the measurement: warm-up batches count too (the incident starts in them).
  const measured = stage;
  const sum = (key: 'zones' | 'writes' | 'raised' | 'resolved') => measured.reduce((total, s) => total + Number((s.host.result as Record<string, number> | undefined)?.[key] ?? 0), 0);
  const published = measured.flatMap((s) => s.published).filter((e) => e['detail-type'] === AlertRaisedV1.detailType || e['detail-type'] === AlertResolvedV1.detailType);
  return {
    zonesEvaluated: sum('zones'),
    stateWrites: sum('writes'),
    // The events really published, which the outcome's counters should match.
    raised: published.filter((e) => e['detail-type'] === AlertRaisedV1.detailType).length,
    resolved: published.filter((e) => e['detail-type'] === AlertResolvedV1.detailType).length,
    readings: measured.reduce((total, s) => total + s.readings, 0),
  };
}

function measuredFor(
  world: World,
  hops: readonly HopDetail[],
  readings: ItemSizes,
  zoneStatus: ItemSizes,
  alerts: CpuDetail['alerts'],
  metricSeries: number,
  ingest: readonly StageInvocation[],
): Measured {
  const b = world.bench.batchSize;
  const fit = (pick: (lane: LaneSummary) => number, hop: HopDetail) => fitLinear(1, pick(hop.single), b, pick(hop.batch));
  const facts = declarationFacts(FIVE_SERVICES);
  const measuredHops: HopMeasurement[] = hops.map((hop) => {
    const publishes = READING_PATH.find((h) => h.functionName === hop.functionName)?.publishes;
    return {
      service: hop.service,
      functionName: hop.functionName,
      memoryMb: hop.memoryMb,
      cpuMs: fit((l) => l.mean.cpuMs, hop),
      callRounds: fit((l) => l.mean.rounds, hop),
      logBytes: fit((l) => l.mean.logBytes, hop),
      logLines: fit((l) => l.mean.logLines, hop),
      ...(publishes ? { publishes: { detailType: publishes, entryBytes: fit((l) => l.mean.entryBytes ?? 0, hop) } } : {}),
    };
  });
  const batchRequests = ingest.filter((s) => s.lane === 'batch');
  const requestBytes = batchRequests.reduce((sum, s) => sum + (s.requestBytes ?? 0), 0);
  const requestReadings = batchRequests.reduce((sum, s) => sum + s.readings, 0);
  return {
    hops: measuredHops,
    requestBytesPerReading: requestBytes / requestReadings,
    readingItem: { tableBytes: readings.tableBytes, tableWru: readings.tableWru, indexBytes: readings.indexBytes, indexWru: readings.indexWru },
    zoneStatusWru: zoneStatus.tableWru,
    alertStateWritesPerZone: alerts.zonesEvaluated > 0 ? alerts.stateWrites / alerts.zonesEvaluated : 0,
    alertEventsPerReading: alerts.readings > 0 ? (alerts.raised + alerts.resolved) / alerts.readings : 0,
    metricSeries,
    alarmMetrics: facts.alarmMetrics,
    kinesisStreams: facts.kinesisStreams,
    cacheTtlSeconds: facts.cacheTtlSeconds,
  };
}

function cpuMarkdown(d: CpuDetail): string {
  const rows = d.hops.map((h) => [
    `${h.service} / ${h.functionName}`,
    `${h.memoryMb} MB`,
    spread(h.batch.cpuMsPer1000),
    `${h.batch.readings} in ${h.batch.invocations}`,
    spread(h.single.cpuMsPer1000),
    `${h.single.readings} in ${h.single.invocations}`,
    fmt(h.batch.mean.cpuMs, 2),
    `${fmt(h.batch.wallMs.p50Ms, 1)} / ${fmt(h.batch.wallMs.p99Ms, 1)}`,
    fmt(h.batch.mean.rounds, 1),
    fmt(h.batch.mean.logBytes, 0),
    h.batch.mean.entryBytes === undefined ? '–' : fmt(h.batch.mean.entryBytes, 0),
  ]);
  const total = d.hops.reduce((sum, h) => sum + h.batch.cpuMsPer1000.median, 0);
  return [
    `Real bundles in warm processes, fed real events (each hop the previous hop's output), against dynalite and the local bus; CPU = \`process.cpuUsage()\` of the function's process during the invocation. Gateway batches of ${d.batchSize}; ${d.sent.batch} + ${d.sent.single} readings sent, every hop processed all of them.`,
    '',
    table(
      ['hop', 'memory', `CPU ms / 1,000 readings (batches of ${d.batchSize})`, 'readings', 'CPU ms / 1,000 (1 per invocation)', 'readings', 'CPU ms / invocation', 'wall ms p50 / p99 (local)', 'AWS call rounds / inv.', 'log bytes / inv.', 'event entry bytes'],
      rows,
    ),
    '',
    `Whole path: ${fmt(total, 1)} CPU ms per 1,000 readings in batches of ${d.batchSize}. Stored items: Readings ${fmt(d.readingItems.tableBytes, 0)} B (${fmt(d.readingItems.tableWru, 2)} WRU), byZone entry ${fmt(d.readingItems.indexBytes, 0)} B (${fmt(d.readingItems.indexWru, 2)} WRU), ZoneStatus ${fmt(d.zoneStatusItems.tableBytes, 0)} B. Alerts: ${d.alerts.raised} raised, ${d.alerts.resolved} resolved over ${d.alerts.readings} readings; ${d.metricSeries.length} EMF metric series.`,
  ].join('\n');
}

function laneReadings(items: readonly StageInput[], lane: string): number {
  return items.filter((i) => i.lane === lane).reduce((sum, i) => sum + i.readings, 0);
}

function stageOf(stages: ReadonlyMap<string, StageInvocation[]>, name: string): StageInvocation[] {
  const stage = stages.get(name);
  if (!stage) throw new Error(`stage ${name} has not run`);
  return stage;
}
