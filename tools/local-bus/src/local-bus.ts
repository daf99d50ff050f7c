import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSqsServer, type SqsServer } from '@pulse/local-sqs';
import type { ServiceDeclaration } from '@pulse/service-kit';
import type { FileArchive } from './archive/file-archive';
import type { DispatcherOptions, RunningDispatcher } from './delivery/dispatcher-types';
import { startBusIncarnation } from './restart/bus-incarnation';
import { BusLives } from './restart/bus-lives';
import { lastingArchive, lastingBusServer, lastingDispatcher } from './restart/lasting-views';
import { declarationRules } from './rules/declaration-rules';
import { DEFAULT_ACCOUNT_ID, DEFAULT_BUS_NAME, DEFAULT_REGION, type BusServer } from './server';
import type { ApiDestinations } from './wiring/api-destination';
import type { FunctionInvoker } from './wiring/function-invoker';
import { queuesForRules } from './wiring/queues-for-rules';
import { createTargetInvoker } from './wiring/target-invoker';

export interface LocalBusOptions {
  /** Durable state (journal/, archive/, sqs/) lives here; a temporary directory (removed on close) when omitted. */
  readonly directory?: string;
  /** Their subscriptions become the bus's rules; their DLQs and queue targets are created. */
  readonly services: readonly ServiceDeclaration[];
  /** Runs function targets (the FunctionRunner, or a fake); without one they fail and go to their DLQ. */
  readonly runner?: FunctionInvoker;
  /** 0 or absent = a free port; the local contract's defaults are 4010 and 4011. */
  readonly busPort?: number;
  readonly sqsPort?: number;
  /** Bus seconds per real second for retry backoff and event age (3600 = an hour a second). */
  readonly timeScale?: number;
  readonly region?: string;
  readonly accountId?: string;
  readonly busName?: string;
  /** API destination name → URL for webhook targets. */
  readonly apiDestinations?: ApiDestinations;
  /** Access key id → allowed source; defaults to `pulse-<service>` → `pulse.<service>`. */
  readonly identities?: Readonly<Record<string, string>>;
  /** Dispatcher observers (delivered, retried, dead-lettered), e.g. for a dashboard or a test. */
  readonly observe?: Pick<DispatcherOptions, 'onDelivered' | 'onDeadLetter' | 'onRetryScheduled'>;
  /** Warnings and unexpected errors of every part; stderr by default. */
  readonly log?: (line: string) => void;
}

export interface LocalBus {
  /** For EventBridgeClient's `endpoint` / the CLI's `--endpoint-url`. */
  readonly busEndpoint: string;
  /** The dead-letter (and stand-in) queues' SQS API. */
  readonly sqsEndpoint: string;
  readonly bus: BusServer;
  readonly sqs: SqsServer;
  readonly dispatcher: RunningDispatcher;
  readonly archive: FileArchive;
  /**
   * Kills the EventBridge side as a process kill would: every connection reset (a PutEvents in
   * progress fails at its caller, whose SDK retries), deliveries in progress abandoned without an
   * acknowledgement, retry timers gone, journal and archive lines not yet handed to the kernel
   * dropped, no drain. Until `revive` the port refuses connections. The SQS server (the DLQs) stays up.
   */
  kill(): Promise<void>;
  /** Starts the EventBridge side again after a kill, on the same port and directory: journal and archive re-read, what was pending redelivered. */
  revive(): Promise<void>;
  /** `kill`, `downMs` with the port closed (default 0), `revive`. */
  restart(options?: { readonly downMs?: number }): Promise<BusRestart>;
  /** Stops the bus, the dispatcher, the archive and SQS, in that order; journaled work resumes on the next start. */
  close(): Promise<void>;
}

/** What a restart found and took. */
export interface BusRestart {
  /** Deliveries accepted and not yet acknowledged when it was killed. */
  readonly pendingAtKill: number;
  /** Of those, the ones at their target (or writing their acknowledgement) at that moment. */
  readonly inFlightAtKill: number;
  /** Deliveries the new incarnation found unacknowledged in the journal: about those pending at the kill (a write the kill caught can add or acknowledge a few). */
  readonly recovered: number;
  readonly downMs: number;
  /** Kill to listening again. */
  readonly tookMs: number;
}

/**
 * The whole local EventBridge: SQS for DLQs, the archive, the dispatcher (delivering to the
 * runner, SQS and webhooks) and the bus API, wired as `npm start` runs them.
 */
export async function startLocalBus(options: LocalBusOptions): Promise<LocalBus> {
  const closers: Array<() => Promise<unknown>> = [];
  const closeAll = async () => {
    // Reverse order of start; each step runs even if an earlier one failed.
    const errors: unknown[] = [];
    for (const close of closers.splice(0).reverse()) await close().catch((error: unknown) => errors.push(error));
    if (errors.length > 0) throw errors[0];
  };
  try {
    const state = await stateDirectory(options.directory);
    closers.push(state.dispose);
    const region = options.region ?? DEFAULT_REGION;
    const accountId = options.accountId ?? DEFAULT_ACCOUNT_ID;
    const busName = options.busName ?? DEFAULT_BUS_NAME;
    const log = options.log;

    const sqs = await startSqsServer({
      port: options.sqsPort ?? 0,
      region,
      ...(state.durable ? { directory: join(state.path, 'sqs') } : {}),
      ...(log ? { log } : {}),
    });
    closers.push(() => sqs.close());
    // Before the dispatcher starts: recovered deliveries may head for these queues at once.
    for (const queue of queuesForRules(declarationRules(options.services, busName, { region, accountId }))) sqs.createQueue(queue);

    const startIncarnation = (port: number) =>
      startBusIncarnation({
        port,
        archiveDirectory: join(state.path, 'archive'),
        ...(state.durable ? { journalDirectory: join(state.path, 'journal') } : {}),
        dispatcher: {
          invoker: createTargetInvoker({
            sqs,
            ...(options.runner ? { runner: options.runner } : {}),
            ...(options.apiDestinations ? { apiDestinations: options.apiDestinations } : {}),
          }),
          ...(options.timeScale === undefined ? {} : { timeScale: options.timeScale }),
          ...options.observe,
          ...(log ? { log } : {}),
        },
        server: {
          region,
          accountId,
          busName,
          services: options.services,
          ...(options.identities ? { identities: options.identities } : {}),
          ...(log ? { log } : {}),
        },
      });
    const first = await startIncarnation(options.busPort ?? 0);
    // A revival listens where the first one did, so clients reconnect to the same endpoint.
    const lives = new BusLives(first, () => startIncarnation(first.server.port));
    closers.push(() => lives.close());
    const bus = lastingBusServer(lives);

    return {
      busEndpoint: bus.endpoint,
      sqsEndpoint: sqs.endpoint,
      bus,
      sqs,
      dispatcher: lastingDispatcher(lives),
      archive: lastingArchive(lives),
      kill: () => lives.kill(),
      revive: async () => void (await lives.revive()),
      restart: (restartOptions) => restartBus(lives, restartOptions?.downMs ?? 0),
      close: closeAll,
    };
  } catch (error) {
    await closeAll().catch(() => undefined);
    throw error;
  }
}

async function restartBus(lives: BusLives, downMs: number): Promise<BusRestart> {
  const started = Date.now();
  const { pending, inFlight } = lives.current.dispatcher.stats();
  await lives.kill();
  await new Promise((resolve) => setTimeout(resolve, downMs));
  const next = await lives.revive();
  return { pendingAtKill: pending, inFlightAtKill: inFlight, recovered: next.dispatcher.stats().recovered, downMs, tookMs: Date.now() - started };
}

interface StateDirectory {
  readonly path: string;
  /** False for a temporary directory: journal and queues then stay in memory. */
  readonly durable: boolean;
  dispose(): Promise<void>;
}

async function stateDirectory(directory: string | undefined): Promise<StateDirectory> {
  if (directory !== undefined) return { path: directory, durable: true, dispose: async () => undefined };
  // The archive is file-based; without a directory it gets a temporary one.
  const path = await mkdtemp(join(tmpdir(), 'pulse-local-bus-'));
  return { path, durable: false, dispose: () => rm(path, { recursive: true, force: true }) };
}
