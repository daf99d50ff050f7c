import { loadavg } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_IDLE_RETIRE_MS } from '@pulse/function-runner';
import { UNTHROTTLED_INGEST } from '@pulse/local-runtime';
import { READINGS_ENRICHED, READINGS_NORMALIZED, READINGS_RECEIVED, READINGS_STORED } from '@pulse/schemas';
import { drillDevices, registerDrillDevices } from './drill/drill-devices';
import { startDrillRuntime } from './drill/drill-runtime';
import { waitForQuiet } from './drill/pipeline-quiet';
import { sendReadings, type SendResult } from './drill/reading-sender';
import { WORKSPACE_ROOT } from './drill/workspace-root';
import type { ReconcileReport } from './reconcile/compare-readings';
import { formatReconcileReport } from './reconcile/format-report';
import { reconcile } from './reconcile/reconcile';
import { soakRateFromBench } from './soak/bench-rate';
import { LatencyWindow } from './soak/latency-window';
import { SoakProbes } from './soak/soak-probes';
import { chooseStateMedium } from './soak/state-medium';
import { p99DuringWarmup, soakGoals, type SoakGoal, type SoakWindow } from './soak/soak-goals';
import { parseSoakArgs, SOAK_USAGE } from './soak-args';
import { runAsScript, runDrillCli } from './drill/drill-cli';

export interface SoakOptions {
  /** How long the load is offered (default 10). */
  readonly minutes?: number;
  /** Readings per second; default: half the bench's measured maximum (see soakRateFromBench). */
  readonly rate?: number;
  /** One row per window (default 60 s: "per minute"). */
  readonly windowSeconds?: number;
  /** Windows before RSS is taken as the baseline (default 1). */
  readonly warmupWindows?: number;
  /** Pipeline seconds per real second (default 1: a soak runs in real time). */
  readonly timeScale?: number;
  readonly devices?: number;
  /** Readings per POST (default 50, the cost model's gateway batch). */
  readonly batchSize?: number;
  /** After the load: how long to wait for everything to be stored (default 5 minutes). */
  readonly settleTimeoutMs?: number;
  readonly root?: string;
  readonly stateDirectory?: string;
  /** Where `npm run bench` writes its results (default <root>/bench/results). */
  readonly benchResults?: string;
  /** Progress and one line per window; stderr by default. */
  readonly log?: (line: string) => void;
  readonly signal?: AbortSignal;
}

export interface SoakResult {
  /** Goals met, and nothing lost, doubled or dead-lettered. */
  readonly ok: boolean;
  readonly problems: readonly string[];
  readonly rate: number;
  readonly rateSource: string;
  /** Where the runtime's state was kept (RAM or disk, and why). */
  readonly state: string;
  readonly windows: readonly SoakWindow[];
  /** Windows cut short by the end of the load (the drain), shown but not judged. */
  readonly partialWindow: SoakWindow | undefined;
  readonly goals: readonly SoakGoal[];
  /** The warm-up windows' p99, cold starts included (information, not a goal). */
  readonly afterWarmup: string | undefined;
  readonly send: Omit<SendResult, 'acknowledged' | 'acknowledgedCount'> & { readonly acknowledged: number };
  readonly reconcile: ReconcileReport;
  readonly durationMs: number;
}

const MB = 1024 * 1024;

/**
 * Steady load through the whole local runtime (in this process, no faults) for `minutes`:
 * per window, this process's RSS and the p99 from ingest's accept to ReadingsStored; then
 * a reconciliation. Goals: RSS growth < 10 % after warm-up, p99 within 2× its first window after warm-up,
 * no DLQ entries, nothing lost.
 */
export async function runSoak(options: SoakOptions = {}): Promise<SoakResult> {
  const started = Date.now();
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const minutes = options.minutes ?? 10;
  const windowMs = (options.windowSeconds ?? 60) * 1000;
  const timeScale = options.timeScale ?? 1;
  const { rate, source: rateSource } =
    options.rate !== undefined
      ? { rate: options.rate, source: `${options.rate} readings/s (given)` }
      : await soakRateFromBench(options.benchResults ?? join(options.root ?? WORKSPACE_ROOT, 'bench', 'results'));
  const problems: string[] = [];

  const medium =
    options.stateDirectory === undefined
      ? await chooseStateMedium(rate * minutes * 60)
      : { parent: undefined, description: `state in ${options.stateDirectory}` };
  log(`soak: ${minutes} min at ${rateSource}; ${medium.description}; starting the local runtime`);
  const drill = await startDrillRuntime({
    timeScale,
    // The soak measures the pipeline at a share of the bench's maximum, not a fleet's quota
    // (ingest's per-fleet limit, 20 requests/s = 1,000 readings/s, would cap it), as the bench does.
    services: UNTHROTTLED_INGEST,
    // Tables as LevelDB files, as `npm start` keeps them, on a RAM filesystem where there is one
    // (chooseStateMedium says why): dynalite's own in-memory store holds every item in its V8
    // heap, and its major GCs grow with the table (stalls of 100–270 ms at 100,000–200,000 items
    // in a standalone run), which the soak would measure as the pipeline's tail.
    ...(options.root ? { root: options.root } : {}),
    ...(options.stateDirectory ? { stateDirectory: options.stateDirectory } : {}),
    ...(medium.parent ? { temporaryParent: medium.parent } : {}),
  });
  let stopWindows = () => undefined as void;
  try {
    const { runtime } = drill;
    const target = { api: runtime.endpoints.api, apiKey: runtime.endpoints.apiKey };
    const devices = drillDevices(options.devices ?? 20, 'soak');
    await registerDrillDevices(target, devices, Date.now() + 120_000);
    const since = runtime.time.clock.now();

    const newStages = () => ({ received: new LatencyWindow(), normalized: new LatencyWindow(), enriched: new LatencyWindow() });
    let current = { latency: new LatencyWindow(), acknowledged: 0, stages: newStages() };
    const probes = new SoakProbes(runtime);
    const windows: SoakWindow[] = [];
    const loadStarted = Date.now();
    const closeWindow = (): SoakWindow => {
      const memory = process.memoryUsage();
      const bus = runtime.bus.dispatcher.stats();
      const row: SoakWindow = {
        index: windows.length + 1,
        atSeconds: Math.round((Date.now() - loadStarted) / 1000),
        rssMb: memory.rss / MB,
        heapUsedMb: memory.heapUsed / MB,
        acknowledged: current.acknowledged,
        stored: current.latency.count,
        p50Ms: current.latency.percentile(50),
        p99Ms: current.latency.percentile(99),
        backlog: bus.pending,
        deadLettered: bus.deadLettered,
        loadAverage: loadavg()[0],
        stagesP99Ms: { received: current.stages.received.percentile(99), normalized: current.stages.normalized.percentile(99), enriched: current.stages.enriched.percentile(99) },
        probes: probes.read(),
      };
      current = { latency: new LatencyWindow(), acknowledged: 0, stages: newStages() };
      return row;
    };
    // Each reading's latency from ingest's accept to every event that carries it (all stamp the batch's receivedAt).
    const stageOf = new Map<string, 'received' | 'normalized' | 'enriched' | 'stored'>([
      [`${READINGS_RECEIVED.source}|${READINGS_RECEIVED.detailType}`, 'received'],
      [`${READINGS_NORMALIZED.source}|${READINGS_NORMALIZED.detailType}`, 'normalized'],
      [`${READINGS_ENRICHED.source}|${READINGS_ENRICHED.detailType}`, 'enriched'],
      [`${READINGS_STORED.source}|${READINGS_STORED.detailType}`, 'stored'],
    ]);
    const unsubscribe = runtime.bus.bus.onEvent((event) => {
      const stage = stageOf.get(`${event.source}|${event['detail-type']}`);
      if (!stage) return;
      const data = (event.detail as { data?: { receivedAt?: unknown; readings?: unknown; readingIds?: unknown } }).data;
      const readings = stage === 'stored' ? data?.readingIds : data?.readings;
      if (typeof data?.receivedAt !== 'number' || !Array.isArray(readings)) return;
      (stage === 'stored' ? current.latency : current.stages[stage]).add((runtime.time.clock.now() - data.receivedAt) / timeScale, readings.length);
    });
    const timer = setInterval(() => {
      const row = closeWindow();
      windows.push(row);
      log(formatWindow(row));
    }, windowMs);
    stopWindows = () => {
      clearInterval(timer);
      probes.stop();
      unsubscribe();
    };

    const count = Math.round(rate * minutes * 60);
    const sent = await sendReadings({
      target,
      devices,
      count,
      firstTimestampMs: since - 60_000,
      rate,
      batchSize: options.batchSize ?? 50,
      concurrency: 8,
      deadline: Date.now() + minutes * 60_000 + 120_000,
      ...(options.signal ? { signal: options.signal } : {}),
      onAccepted: (ids) => (current.acknowledged += ids.length),
      keepAcknowledgedIds: false,
    });
    const settleTimeoutMs = options.settleTimeoutMs ?? 300_000;
    if (!(await waitForQuiet(runtime, { timeoutMs: settleTimeoutMs }))) problems.push(`the pipeline did not settle within ${settleTimeoutMs} ms after the load`);
    clearInterval(timer);
    const tail = closeWindow();
    const partialWindow = tail.acknowledged + tail.stored > 0 ? tail : undefined;
    if (partialWindow) log(`${formatWindow(partialWindow)} (the end of the load and the drain)`);
    stopWindows();

    if (sent.rejected > 0) problems.push(`${sent.rejected} readings refused with a 4xx: ${sent.rejections.join(' | ')}`);
    if (sent.gaveUp > 0) problems.push(`${sent.gaveUp} readings never acknowledged`);
    const report = await reconcile({ archiveDirectory: drill.archiveDirectory, dynamodbEndpoint: runtime.endpoints.dynamodb, sqsEndpoint: runtime.endpoints.sqs, since });
    if (!report.ok || report.stored !== report.acknowledged) problems.push(`reconciliation: ${report.missing} missing, ${report.duplicated} duplicated, ${report.stored} of ${report.acknowledged} stored`);
    const deadLetters = Math.max(report.deadLetterMessages, runtime.bus.dispatcher.stats().deadLettered);
    const goals = soakGoals(windows, options.warmupWindows ?? 1, deadLetters);
    for (const goal of goals) if (!goal.ok) problems.push(`${goal.name}: ${goal.detail}`);

    return {
      ok: problems.length === 0,
      problems,
      rate,
      rateSource,
      state: medium.description,
      windows,
      partialWindow,
      goals,
      afterWarmup: p99DuringWarmup(windows, options.warmupWindows ?? 1),
      send: { ...sent, acknowledged: sent.acknowledgedCount },
      reconcile: report,
      durationMs: Date.now() - started,
    };
  } finally {
    stopWindows();
    await drill.close();
  }
}

function formatWindow(row: SoakWindow): string {
  const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(0)} ms` : '–');
  return (
    `soak: window ${row.index} (${row.atSeconds} s): RSS ${row.rssMb.toFixed(0)} MB, heap ${row.heapUsedMb.toFixed(0)} MB` +
    (row.probes ? ` (functions' heaps ${row.probes.functionHeapsMb.toFixed(0)} MB used, ${row.probes.functionHeapsResidentMb.toFixed(0)} MB resident, external ${row.probes.externalMb.toFixed(0)} MB)` : '') +
    ', ' +
    `acknowledged ${row.acknowledged}, stored ${row.stored}, p50 ${ms(row.p50Ms)}, p99 ${ms(row.p99Ms)}, backlog ${row.backlog}, load ${row.loadAverage.toFixed(1)}` +
    (row.stagesP99Ms ? `; p99 to received ${ms(row.stagesP99Ms.received)}, normalized ${ms(row.stagesP99Ms.normalized)}, enriched ${ms(row.stagesP99Ms.enriched)}` : '') +
    (row.probes ? `; loop delay p99 ${ms(row.probes.loopDelayP99Ms)} max ${ms(row.probes.loopDelayMaxMs)}, CPU ${row.probes.processCpuPercent.toFixed(0)} %, dynalite ${row.probes.childCpuPercent.toFixed(0)} % (${row.probes.childRssMb.toFixed(0)} MB); ` + Object.entries(row.probes.functions).map(([name, f]) => `${name} q≤${f.maxQueue} p99 ${ms(f.p99Ms)} ×${f.workers}`).join(', ') : '')
  );
}

/** What `npm run soak` prints: the per-window table, the goals and the reconciliation. */
export function formatSoakResult(result: SoakResult): string {
  const rows = [...result.windows, ...(result.partialWindow ? [result.partialWindow] : [])];
  const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(0) : '–');
  const table = [
    ['WINDOW', 'AT (s)', 'RSS (MB)', 'HEAP (MB)', 'FN HEAPS USED/RES (MB)', 'ENVS', 'EXTERNAL (MB)', 'DYNALITE (MB)', 'ACKNOWLEDGED', 'STORED', 'P50 (ms)', 'P99 (ms)', 'BACKLOG', 'LOAD AVG'],
    ...rows.map((r) => [
      `${r.index}${r === result.partialWindow ? ' (end)' : ''}`,
      String(r.atSeconds),
      r.rssMb.toFixed(0),
      r.heapUsedMb.toFixed(0),
      r.probes ? `${r.probes.functionHeapsMb.toFixed(0)}/${r.probes.functionHeapsResidentMb.toFixed(0)}` : '–',
      r.probes ? String(Object.values(r.probes.functions).reduce((sum, f) => sum + f.workers, 0)) : '–',
      r.probes ? r.probes.externalMb.toFixed(0) : '–',
      r.probes && Number.isFinite(r.probes.childRssMb) ? r.probes.childRssMb.toFixed(0) : '–',
      String(r.acknowledged),
      String(r.stored),
      ms(r.p50Ms),
      ms(r.p99Ms),
      String(r.backlog),
      r.loadAverage.toFixed(1),
    ]),
  ];
  const lines = [
    `soak at ${result.rateSource} (${result.state}): ${result.send.acknowledged.toLocaleString('en-US')} readings acknowledged in ${result.send.requests.toLocaleString('en-US')} requests`,
    `accept → stored latency is ingest's receivedAt → ReadingsStored on the bus; RSS is this process (runtime, function workers, sender); DYNALITE: its resident set (LevelDB's write buffers and block cache included); ENVS: live execution environments of the reading path's functions (spares idle ${DEFAULT_IDLE_RETIRE_MS / 60_000} min are retired)`,
    ...alignRight(table),
    '',
    'where the time went: p99 from accept to each event on the bus; this process\'s main-thread event-loop delay; CPU of this process (all threads) and of dynalite, % of one core; the most invocations queued for an execution environment',
    ...alignRight(whereTheTimeWent(rows, result.partialWindow), true),
    '',
    ...result.goals.map((goal) => `${goal.ok ? 'met ' : 'MISSED'} ${goal.name}: ${goal.detail}`),
    ...(result.afterWarmup ? [`info ${result.afterWarmup}`] : []),
    '',
    formatReconcileReport(result.reconcile, 'reconciliation'),
    `${result.ok ? 'PASS' : 'FAIL'}${result.ok ? '' : `: ${result.problems.join('; ')}`} (${(result.durationMs / 1000).toFixed(0)} s)`,
  ];
  return `${lines.join('\n')}\n`;
}

function whereTheTimeWent(rows: readonly SoakWindow[], partial: SoakWindow | undefined): string[][] {
  const ms = (value: number | undefined) => (value !== undefined && Number.isFinite(value) ? value.toFixed(0) : '–');
  return [
    ['WINDOW', '→ RECEIVED', '→ NORMALIZED', '→ ENRICHED', '→ STORED', 'LOOP DELAY p99/max', 'CPU %', 'DYNALITE %', 'MOST QUEUED'],
    ...rows.map((r) => {
      const queued = Object.entries(r.probes?.functions ?? {})
        .filter(([, f]) => f.maxQueue > 0)
        .map(([name, f]) => `${name} ${f.maxQueue}`);
      return [
        `${r.index}${r === partial ? ' (end)' : ''}`,
        ms(r.stagesP99Ms?.received),
        ms(r.stagesP99Ms?.normalized),
        ms(r.stagesP99Ms?.enriched),
        ms(r.p99Ms),
        r.probes ? `${ms(r.probes.loopDelayP99Ms)}/${ms(r.probes.loopDelayMaxMs)}` : '–',
        r.probes ? r.probes.processCpuPercent.toFixed(0) : '–',
        r.probes && Number.isFinite(r.probes.childCpuPercent) ? r.probes.childCpuPercent.toFixed(0) : '–',
        queued.length > 0 ? queued.join(', ') : 'none',
      ];
    }),
  ];
}

/** Columns right-aligned (figures), except a last column of text when `lastIsText`. */
function alignRight(table: readonly (readonly string[])[], lastIsText = false): string[] {
  const widths = table[0].map((_, column) => Math.max(...table.map((row) => row[column].length)));
  return table.map((row) => row.map((cell, column) => (lastIsText && column === row.length - 1 ? cell : cell.padStart(widths[column]))).join('  '));
}

/** `npm run soak -- [--minutes N] [--rate R] …`; exit 0 when every goal is met. */
export function main(args: readonly string[]): Promise<number> {
  return runDrillCli({ name: 'soak', usage: SOAK_USAGE, parse: parseSoakArgs, run: runSoak, format: formatSoakResult }, args);
}

if (require.main === module) runAsScript('soak', main);
