import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSqsServer, type SqsServer } from '@pulse/local-sqs';
import type { ServiceDeclaration } from '@pulse/service-kit';
import { createFileArchive, type FileArchive } from './archive/file-archive';
import { createDispatcher } from './delivery/dispatcher';
import type { DispatcherOptions, RunningDispatcher } from './delivery/dispatcher-types';
import { declarationRules } from './rules/declaration-rules';
import { DEFAULT_ACCOUNT_ID, DEFAULT_BUS_NAME, DEFAULT_REGION, startBusServer, type BusServer } from './server';
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
  /** Stops the bus, the dispatcher, the archive and SQS, in that order; journaled work resumes on the next start. */
  close(): Promise<void>;
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

    const archive = createFileArchive({ directory: join(state.path, 'archive') });
    closers.push(() => archive.close());

    const dispatcher = createDispatcher({
      ...(state.durable ? { directory: join(state.path, 'journal') } : {}),
      invoker: createTargetInvoker({
        sqs,
        ...(options.runner ? { runner: options.runner } : {}),
        ...(options.apiDestinations ? { apiDestinations: options.apiDestinations } : {}),
      }),
      ...(options.timeScale === undefined ? {} : { timeScale: options.timeScale }),
      ...options.observe,
      ...(log ? { log } : {}),
    });
    closers.push(() => dispatcher.close());
    await dispatcher.start();

    const bus = await startBusServer({
      port: options.busPort ?? 0,
      region,
      accountId,
      busName,
      services: options.services,
      dispatcher,
      archive,
      ...(options.identities ? { identities: options.identities } : {}),
      ...(log ? { log } : {}),
    });
    closers.push(() => bus.close());

    return { busEndpoint: bus.endpoint, sqsEndpoint: sqs.endpoint, bus, sqs, dispatcher, archive, close: closeAll };
  } catch (error) {
    await closeAll().catch(() => undefined);
    throw error;
  }
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
