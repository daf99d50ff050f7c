import { FAULT_KINDS, parseFaultRules, type FaultKind, type FaultRule, type FunctionStats } from '@pulse/function-runner';
import { parseChaosArgs, CHAOS_USAGE } from './chaos-args';
import { CHAOS_FAULTS, CHAOS_READINGS } from './chaos-defaults';
import { drillDevices, registerDrillDevices } from './drill/drill-devices';
import { killBusWhenBusy, type BusKillRecord } from './drill/bus-kill';
import { startDrillRuntime } from './drill/drill-runtime';
import { waitForQuiet } from './drill/pipeline-quiet';
import { progressReporter, type Progress } from './drill/progress';
import { sendReadings, type SendResult } from './drill/reading-sender';
import { redriveDeadLetterQueues, type RedriveOutcome } from './drill/redrive';
import { readAcknowledged } from './reconcile/acknowledged-readings';
import type { ReconcileReport } from './reconcile/compare-readings';
import { formatReconcileReport } from './reconcile/format-report';
import { reconcile } from './reconcile/reconcile';
import { runAsScript, runDrillCli } from './drill/drill-cli';

export interface ChaosOptions {
  /** Readings sent through the HTTP API (default 100,000). */
  readonly readings?: number;
  /** PULSE_FAULTS syntax or rules (default CHAOS_FAULTS). */
  readonly faults?: string | readonly FaultRule[];
  /** Pipeline seconds per real second (default 10): retry backoff and event age run that much faster. */
  readonly timeScale?: number;
  readonly devices?: number;
  readonly batchSize?: number;
  readonly concurrency?: number;
  /** Stop dynalite once, when half the readings are acknowledged, for this long (ms; default 2,000); false: no restart. */
  readonly dynamodbRestart?: { readonly downMs: number } | false;
  /** Kill the bus once, when three quarters are acknowledged, and keep its port closed this long (ms; default 1,000); false: no kill. */
  readonly busRestart?: { readonly downMs: number } | false;
  /** Bus deliveries pending beyond which the sender waits (default 64): faults, not overload, are under test. */
  readonly maxBacklog?: number;
  /** How long to wait for the pipeline to settle, each time (default 10 minutes). */
  readonly settleTimeoutMs?: number;
  /** A batch still unacknowledged this long after sending began is given up (default 1 hour). */
  readonly sendTimeoutMs?: number;
  readonly root?: string;
  /** Kept when given (look at it afterwards); a temporary folder otherwise. */
  readonly stateDirectory?: string;
  /** Progress lines for a person; stderr by default. */
  readonly log?: (line: string) => void;
  readonly signal?: AbortSignal;
}

export interface ChaosResult {
  /** Every goal met; otherwise `problems` says which not. */
  readonly ok: boolean;
  readonly problems: readonly string[];
  readonly faults: readonly FaultRule[];
  readonly send: Omit<SendResult, 'acknowledged'> & { readonly acknowledged: number };
  /** Injected failures per function and kind (from the runner). */
  readonly injected: Readonly<Record<string, Readonly<Record<FaultKind, number>>>>;
  readonly deliveries: { readonly retries: number; readonly deadLettered: number };
  readonly dynamodbRestart: { readonly atAcknowledged: number; readonly downMs: number; readonly tookMs: number } | undefined;
  readonly busRestart: BusKillRecord | undefined;
  readonly beforeRedrive: ReconcileReport;
  readonly redrive: RedriveOutcome;
  readonly afterRedrive: ReconcileReport;
  readonly durationMs: number;
}

/**
 * The fault drill: the local runtime in this process with faults in every function, N readings
 * through the HTTP API, dynalite stopped and restarted mid-run and the bus killed and restarted
 * later; then, once everything accepted is either stored or dead-lettered, the faults stop,
 * every DLQ is redriven and the books must balance: nothing missing, nothing duplicated,
 * everything stored.
 */
export async function runChaos(options: ChaosOptions = {}): Promise<ChaosResult> {
  const started = Date.now();
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const readings = options.readings ?? CHAOS_READINGS;
  const faults = typeof options.faults === 'string' ? parseFaultRules(options.faults) : (options.faults ?? parseFaultRules(CHAOS_FAULTS));
  const settleTimeoutMs = options.settleTimeoutMs ?? 600_000;
  const restart = options.dynamodbRestart === undefined ? { downMs: 2_000 } : options.dynamodbRestart;
  const busKill = options.busRestart === undefined ? { downMs: 1_000 } : options.busRestart;
  const problems: string[] = [];

  log(`chaos: starting the local runtime with ${faults.map((f) => `${f.target}:${f.probability}:${f.kind}`).join(', ') || 'no faults'}`);
  const drill = await startDrillRuntime({
    timeScale: options.timeScale ?? 10,
    faults,
    ...(options.root ? { root: options.root } : {}),
    ...(options.stateDirectory ? { stateDirectory: options.stateDirectory } : {}),
  });
  let progress: Progress | undefined;
  try {
    const { runtime } = drill;
    const target = { api: runtime.endpoints.api, apiKey: runtime.endpoints.apiKey };
    const devices = drillDevices(options.devices ?? 20, 'chaos');
    const registering = Date.now();
    await registerDrillDevices(target, devices, Date.now() + 120_000);
    log(`chaos: registered ${devices.length} devices in ${((Date.now() - registering) / 1000).toFixed(1)} s; sending ${readings.toLocaleString('en-US')} readings`);
    const since = runtime.time.clock.now();
    const maxBacklog = options.maxBacklog ?? 64;

    let acknowledged = 0;
    let restarting: Promise<ChaosResult['dynamodbRestart']> | undefined;
    let killingBus: Promise<ChaosResult['busRestart']> | undefined;
    progress = progressReporter(log, 5_000, () => {
      const bus = runtime.bus.dispatcher.stats();
      const stats = runtime.runner.stats();
      const busy = Object.entries(stats)
        .filter(([, fn]) => fn.busyWorkers > 0 || fn.queueDepth > 0)
        .map(([name, fn]) => `${name} ${fn.busyWorkers}${fn.queueDepth > 0 ? `+${fn.queueDepth}` : ''}`)
        .join(', ');
      return (
        `chaos: acknowledged ${acknowledged.toLocaleString('en-US')}/${readings.toLocaleString('en-US')}; bus pending ${bus.pending}, ` +
        `retries ${bus.retries}, dead-lettered ${bus.deadLettered}; injected ${totalInjected(stats)}; busy ${busy || 'none'}`
      );
    });
    const sent = await sendReadings({
      target,
      devices,
      count: readings,
      firstTimestampMs: since - 60_000,
      batchSize: options.batchSize ?? 200,
      concurrency: options.concurrency ?? 8,
      shouldPause: () => runtime.bus.dispatcher.stats().pending > maxBacklog,
      deadline: Date.now() + (options.sendTimeoutMs ?? 3_600_000),
      ...(options.signal ? { signal: options.signal } : {}),
      onAccepted: (ids) => {
        acknowledged += ids.length;
        if (restart && restarting === undefined && acknowledged >= readings / 2) {
          const atAcknowledged = acknowledged;
          log(`chaos: stopping dynalite for ${restart.downMs} ms (${atAcknowledged.toLocaleString('en-US')} acknowledged)`);
          const t0 = Date.now();
          restarting = runtime.dynamodb.restart({ downMs: restart.downMs }).then(
            () => {
              log('chaos: dynalite is back');
              return { atAcknowledged, downMs: restart.downMs, tookMs: Date.now() - t0 };
            },
            (error: unknown) => {
              problems.push(`the dynalite restart failed: ${error instanceof Error ? error.message : String(error)}`);
              return undefined;
            },
          );
        }
        if (busKill && killingBus === undefined && acknowledged >= (readings * 3) / 4) {
          killingBus = killBusWhenBusy(runtime, { downMs: busKill.downMs, atAcknowledged: acknowledged, log }).catch((error: unknown) => {
            problems.push(`the bus kill and restart failed: ${error instanceof Error ? error.message : String(error)}`);
            return undefined;
          });
        }
      },
    });
    const dynamodbRestart = await restarting;
    const busRestart = await killingBus;
    if (restart && restarting === undefined) problems.push('dynalite was never restarted (fewer than half the readings acknowledged)');
    if (busKill && killingBus === undefined) problems.push('the bus was never killed (fewer than three quarters of the readings acknowledged)');
    if (sent.rejected > 0) problems.push(`${sent.rejected} readings refused with a 4xx: ${sent.rejections.join(' | ')}`);
    if (sent.gaveUp > 0) problems.push(`${sent.gaveUp} readings never acknowledged before the deadline`);

    log('chaos: everything sent; waiting for every accepted event to be delivered or dead-lettered…');
    if (!(await waitForQuiet(runtime, { timeoutMs: settleTimeoutMs, ...(options.signal ? { signal: options.signal } : {}) }))) {
      problems.push(`the pipeline did not settle within ${settleTimeoutMs} ms (faults on)`);
    }
    progress.stop();
    const injected = injectedByFunction(runtime.runner.stats());
    runtime.runner.setFaults([]);
    log('chaos: faults stopped');

    const archived = await readAcknowledged(drill.archiveDirectory, new Date(Math.floor(since / 1000) * 1000), new Date(8.64e15));
    const unarchived = [...sent.acknowledged].filter((id) => !archived.fleetOf.has(id));
    if (unarchived.length > 0) problems.push(`${unarchived.length} readings acknowledged to the sender but absent from the bus archive, e.g. ${unarchived.slice(0, 5).join(', ')}`);

    const endpoints = { archiveDirectory: drill.archiveDirectory, dynamodbEndpoint: runtime.endpoints.dynamodb, sqsEndpoint: runtime.endpoints.sqs, since };
    const beforeRedrive = await reconcile(endpoints);
    checkBefore(beforeRedrive, runtime.bus.dispatcher.stats().undeliverable.length, problems);
    const deliveries = { retries: runtime.bus.dispatcher.stats().retries, deadLettered: runtime.bus.dispatcher.stats().deadLettered };

    const redrive = await redriveDeadLetterQueues({ sqsEndpoint: runtime.endpoints.sqs, busEndpoint: runtime.endpoints.eventbridge, region: runtime.endpoints.region });
    if (redrive.problems.length > 0) problems.push(`redrive left messages: ${redrive.problems.join(' | ')}`);
    log(`chaos: redrove ${redrive.redriven} dead letters; waiting for them to be delivered…`);
    if (!(await waitForQuiet(runtime, { timeoutMs: settleTimeoutMs }))) problems.push(`the pipeline did not settle within ${settleTimeoutMs} ms after the redrive`);
    const afterRedrive = await reconcile(endpoints);
    checkAfter(afterRedrive, problems);

    return {
      ok: problems.length === 0,
      problems,
      faults,
      send: { ...sent, acknowledged: sent.acknowledged.size },
      injected,
      deliveries,
      dynamodbRestart,
      busRestart,
      beforeRedrive,
      redrive,
      afterRedrive,
      durationMs: Date.now() - started,
    };
  } finally {
    progress?.stop();
    await drill.close();
  }
}

/** Before the redrive: nothing lost or doubled, and every permanent failure in a DLQ with its reason. */
function checkBefore(report: ReconcileReport, undeliverable: number, problems: string[]): void {
  if (report.missing > 0) problems.push(`before the redrive ${report.missing} readings were missing (neither stored nor dead-lettered), e.g. ${report.samples.missing.join(', ')}`);
  if (report.duplicated > 0) problems.push(`before the redrive ${report.duplicated} readings were duplicated`);
  const unexplained = report.reasons.filter((reason) => reason.errorCode === 'UNKNOWN' || reason.errorMessage === '');
  if (unexplained.length > 0) problems.push(`${unexplained.length} dead-letter groups carry no reason`);
  if (undeliverable > 0) problems.push(`${undeliverable} deliveries failed with no dead-letter queue to keep them`);
}

/** After the redrive: everything acknowledged is stored, once. */
function checkAfter(report: ReconcileReport, problems: string[]): void {
  if (report.stored !== report.acknowledged) problems.push(`after the redrive ${report.stored} of ${report.acknowledged} acknowledged readings are stored`);
  if (report.duplicated > 0) problems.push(`after the redrive ${report.duplicated} readings are duplicated`);
  if (report.deadLettered > 0) problems.push(`after the redrive ${report.deadLettered} readings are still dead-lettered`);
}

function totalInjected(stats: Record<string, FunctionStats>): number {
  return Object.values(stats).reduce((sum, fn) => sum + fn.injectedFaults, 0);
}

function injectedByFunction(stats: Record<string, FunctionStats>): Record<string, Record<FaultKind, number>> {
  return Object.fromEntries(Object.entries(stats).map(([name, fn]) => [name, { error: 0, timeout: 0, throttle: 0, ...fn.injectedByKind }]));
}

/** `normalize-readings 31 (error 24, throttle 6, timeout 1)`, per function that had any. */
function describeInjected(injected: ChaosResult['injected']): string {
  const byKind = Object.fromEntries(FAULT_KINDS.map((kind) => [kind, Object.values(injected).reduce((sum, fn) => sum + fn[kind], 0)]));
  const perFunction = Object.entries(injected)
    .map(([name, kinds]) => [name, FAULT_KINDS.reduce((sum, kind) => sum + kinds[kind], 0)] as const)
    .filter(([, total]) => total > 0)
    .map(([name, total]) => `${name} ${total}`);
  if (perFunction.length === 0) return 'none';
  return `${FAULT_KINDS.map((kind) => `${byKind[kind]} ${kind}s`).join(', ')} (${perFunction.join(', ')})`;
}

/** What `npm run chaos` prints: the run, the reconciliation before and after the redrive, the verdict. */
export function formatChaosResult(result: ChaosResult): string {
  const retried = Object.entries(result.send.retriedByStatus)
    .map(([status, count]) => `${status === '0' ? 'no answer' : status} ×${count}`)
    .join(', ');
  const lines = [
    `chaos: ${result.send.sent.toLocaleString('en-US')} readings sent in ${result.send.requests.toLocaleString('en-US')} requests (retried: ${retried || 'none'}), ${result.send.acknowledged.toLocaleString('en-US')} acknowledged`,
    `faults: ${result.faults.map((f) => `${f.target}:${f.probability}:${f.kind}`).join(', ')}; injected ${describeInjected(result.injected)}`,
    `bus: ${result.deliveries.retries.toLocaleString('en-US')} retries, ${result.deliveries.deadLettered} dead-lettered before the redrive; ${result.redrive.redriven} redriven`,
    result.dynamodbRestart
      ? `dynalite: stopped at ${result.dynamodbRestart.atAcknowledged.toLocaleString('en-US')} acknowledged for ${result.dynamodbRestart.downMs} ms, back after ${result.dynamodbRestart.tookMs} ms`
      : 'dynalite: not restarted',
    result.busRestart
      ? `bus: killed at ${result.busRestart.atAcknowledged.toLocaleString('en-US')} acknowledged with ${result.busRestart.pendingAtKill} deliveries pending (${result.busRestart.inFlightAtKill} in flight), ` +
        `port closed ${result.busRestart.downMs} ms, back after ${result.busRestart.tookMs} ms, ${result.busRestart.recovered} deliveries recovered from its journal`
      : 'bus: not killed',
    '',
    formatReconcileReport(result.beforeRedrive, 'before the redrive'),
    formatReconcileReport(result.afterRedrive, 'after the faults stopped and every DLQ was redriven'),
    `${result.ok ? 'PASS' : 'FAIL'}: ${result.ok ? '0 missing, 0 duplicated, every permanent failure dead-lettered with its reason, stored 100 % after the redrive' : result.problems.join('; ')} (${(result.durationMs / 1000).toFixed(0)} s)`,
  ];
  return `${lines.join('\n')}\n`;
}

/** `npm run chaos -- [--quick] [--readings N] [--faults SPEC] …`; exit 0 when every goal is met. */
export function main(args: readonly string[]): Promise<number> {
  return runDrillCli({ name: 'chaos', usage: CHAOS_USAGE, parse: parseChaosArgs, run: runChaos, format: formatChaosResult }, args);
}

if (require.main === module) runAsScript('chaos', main);
