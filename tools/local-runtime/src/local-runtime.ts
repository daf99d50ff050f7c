import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  createFunctionRunner,
  functionsFromDeclarations,
  type FunctionRunner,
  type FunctionRunnerOptions,
  type InvokeOptions,
  type InvokeResult,
} from '@pulse/function-runner';
import { startDashboard, type Dashboard } from '@pulse/dashboard';
import { startHttpApi, type HttpApi } from '@pulse/local-api';
import { DEFAULT_BUS_NAME, FIVE_SERVICES, startLocalBus, type LocalBus } from '@pulse/local-bus';
import type { ServiceDeclaration } from '@pulse/service-kit';
import { startChannels, type Channels } from './channel-wiring';
import { startDynamoDb, type LocalDynamoDbServer } from './dynamodb';
import { createFunctionLog, type FunctionLog } from './function-log';
import { functionEnvironment } from './function-environment';
import { CONTRACT_PORTS, DEFAULT_API_KEY, DEFAULT_FLEET, LOCAL_REGION, type LocalEndpoints, type PortName } from './local-contract';
import { loadOperatorIssuer, OPERATOR_TOKEN_TTL_SECONDS } from './operator-issuer';
import { watchPipeline, type PipelineStatus } from './pipeline-status';
import { assertPortsFree, explainListenError } from './port-check';
import { seedDefaultFleet } from './seed-fleet';
import { prepareState, statePaths, type StatePaths } from './state-directory';
import { pipelineTime, type PipelineTime } from './time-anchor';
import { removeEndpointsFile, writeEndpointsFile } from './endpoints-file';
import { startWebhookSink } from './webhook-sink';

export interface LocalRuntimeOptions {
  /** Workspace root: where dist/ holds the built bundles. */
  readonly root?: string;
  /** State folder (default <root>/.local). */
  readonly stateDirectory?: string;
  /** Ports by name; 0 = any free port (tests). Defaults: the local contract. */
  readonly ports?: Partial<Record<PortName, number>>;
  /** DynamoDB in memory instead of on disk (the bus journal and queues stay on disk). */
  readonly inMemory?: boolean;
  /** Start from empty state. */
  readonly reset?: boolean;
  /** Pipeline seconds per real second (1 = real time). */
  readonly timeScale?: number;
  readonly apiKey?: string;
  readonly fleetId?: string;
  readonly services?: readonly ServiceDeclaration[];
  /** Lines for a person: start-up progress, warnings, function errors. */
  readonly log?: (line: string) => void;
  /** Every line every function writes (Powertools logs and EMF); for the dashboard. */
  readonly onFunctionLog?: (functionName: string, line: string) => void;
  /** Write .local/endpoints.json (on by default; tests on free ports may turn it off). */
  readonly writeEndpoints?: boolean;
  /** Faster Kinesis/S3 retries for tests (ms). */
  readonly channelRetryDelayMs?: number;
  /** Serve the operator dashboard (on by default). */
  readonly dashboard?: boolean;
  /** Where alert's `alerts-webhook` API destination posts (default: a local sink that logs each alert). */
  readonly alertsWebhookUrl?: string;
  /** More settings for the function runner (e.g. fault injection for drills). */
  readonly functionRunner?: Partial<Omit<FunctionRunnerOptions, 'functions' | 'onLog'>>;
}

export interface LocalRuntime {
  readonly endpoints: LocalEndpoints;
  readonly fleetId: string;
  readonly paths: StatePaths;
  readonly time: PipelineTime;
  readonly bus: LocalBus;
  readonly runner: FunctionRunner;
  readonly dynamodb: LocalDynamoDbServer;
  readonly channels: Channels;
  readonly dashboard: Dashboard | undefined;
  status(): PipelineStatus;
  /** Asks the read API for open alerts (for the status line). */
  refreshStatus(): Promise<void>;
  /** Mints an operator token for a fleet (Cognito-shaped, `custom:fleet`). */
  mintToken(fleet: string, options?: { expired?: boolean }): string;
  /** Stops taking work, lets what was accepted finish (up to `drainMs`), then stops every part. */
  close(options?: { drainMs?: number }): Promise<void>;
}

type Closer = () => Promise<unknown>;

/**
 * The whole pipeline on this machine: dynalite, the local bus with the five services' rules
 * and their functions from the built bundles, kinesalite and s3rver with their triggers, and
 * the HTTP API with both authorizers; seeds the default fleet; writes `.local/endpoints.json`.
 */
export async function startLocalRuntime(options: LocalRuntimeOptions = {}): Promise<LocalRuntime> {
  const root = options.root ?? process.cwd();
  const services = options.services ?? FIVE_SERVICES;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const ports = { ...CONTRACT_PORTS, ...options.ports };
  const paths = statePaths(resolve(options.stateDirectory ?? join(root, '.local')));
  const apiKey = options.apiKey ?? DEFAULT_API_KEY;
  const fleetId = options.fleetId ?? DEFAULT_FLEET;
  const closers: Closer[] = [];
  const closeAll = async () => {
    const errors: unknown[] = [];
    for (const close of closers.splice(0).reverse()) await close().catch((error: unknown) => errors.push(error));
    if (errors.length > 0) throw errors[0];
  };

  try {
    await assertPortsFree(options.dashboard === false ? withoutDashboard(ports) : ports);
    assertBundlesBuilt(services, root);
    await prepareState(paths, options.reset ?? false);
    const time = await pipelineTime(paths.timeAnchor, options.timeScale ?? 1);
    time.keep();
    closers.push(() => time.stop());

    log('starting dynalite…');
    const dynamodb: LocalDynamoDbServer = await startDynamoDb({
      port: ports.dynamodb,
      services,
      region: LOCAL_REGION,
      ...(options.inMemory ? {} : { directory: paths.dynamodb }),
    });
    closers.push(() => dynamodb.close());

    // The dashboard reads the functions' EMF; it starts once the API it proxies is up.
    let dashboard: Dashboard | undefined;
    const forwardLog = (functionName: string, line: string) => {
      dashboard?.recordLog(functionName, line);
      options.onFunctionLog?.(functionName, line);
    };
    const functionLog: FunctionLog = createFunctionLog(join(paths.root, 'logs', 'functions.log'), log, forwardLog);
    closers.push(() => functionLog.close());

    // The bus starts before the runner (functions need its endpoint); recovered deliveries wait.
    let attachRunner!: (runner: FunctionRunner) => void;
    const runnerReady = new Promise<FunctionRunner>((resolveRunner) => (attachRunner = resolveRunner));
    const invoke = async (name: string, event: unknown, invokeOptions?: InvokeOptions): Promise<InvokeResult> =>
      (await runnerReady).invoke(name, event, invokeOptions);

    // Alert notifications go to a webhook; locally the console is the pager, unless one is given.
    const webhook = await startWebhookSink(log);
    closers.push(() => webhook.close());
    const alertsWebhookUrl = options.alertsWebhookUrl ?? webhook.url;

    log('starting the local bus…');
    const bus = await startLocalBus({
      services,
      directory: paths.bus,
      busPort: ports.bus,
      sqsPort: ports.sqs,
      timeScale: time.time.scale,
      region: LOCAL_REGION,
      runner: { invoke },
      apiDestinations: { 'alerts-webhook': alertsWebhookUrl },
      log: (line) => log(`[bus] ${line}`),
    }).catch((error: unknown) => {
      throw explainListenError(error, 'bus', ports.bus);
    });
    closers.push(() => bus.close());

    log('starting kinesalite and s3rver…');
    const channels = await startChannels({
      services,
      paths,
      ports: { kinesis: ports.kinesis, s3: ports.s3 },
      inMemory: options.inMemory ?? false,
      region: LOCAL_REGION,
      sqs: bus.sqs,
      invoke,
      log,
      ...(options.channelRetryDelayMs === undefined ? {} : { retryDelayMs: options.channelRetryDelayMs }),
    });
    closers.push(() => channels.close());

    const environment = (service: ServiceDeclaration) =>
      functionEnvironment(
        {
          busName: DEFAULT_BUS_NAME,
          region: LOCAL_REGION,
          endpoints: { eventbridge: bus.busEndpoint, dynamodb: dynamodb.endpoint, kinesis: channels.kinesisEndpoint, s3: channels.s3Endpoint },
          tables: dynamodb.tables,
          time: time.environment,
          extra: channels.functionEnvironment,
        },
        service,
      );
    const runner = createFunctionRunner({
      functions: functionsFromDeclarations(services, (name) => environment(serviceNamed(services, name)), { root }),
      region: LOCAL_REGION,
      ...options.functionRunner,
      onLog: functionLog.write,
    });
    attachRunner(runner);
    closers.push(() => runner.close());
    // Load every bundle now, in the background: the first readings then meet warm functions.
    runner.prewarm();
    channels.start();

    const issuer = await loadOperatorIssuer(paths.issuerKey);
    let ready = false;
    log('starting the HTTP API…');
    const api: HttpApi = await startHttpApi({
      port: ports.api,
      services,
      invoke,
      issuer,
      throttle: { rateLimit: 2_000, burstLimit: 5_000 },
      ready: () => ready,
      log: (line) => log(`[api] ${line}`),
    }).catch((error: unknown) => {
      throw explainListenError(error, 'api', ports.api);
    });
    let apiClosed: Promise<void> | undefined;
    const closeApi = () => (apiClosed ??= api.close());
    closers.push(closeApi);

    await seedDefaultFleet({ dynamodbEndpoint: dynamodb.endpoint, region: LOCAL_REGION, tables: dynamodb.tables, fleetId, apiKey });
    const operatorToken = issuer.mint({ fleet: fleetId, ttlSeconds: OPERATOR_TOKEN_TTL_SECONDS });
    if (options.dashboard !== false) {
      dashboard = await startDashboard({
        port: ports.dashboard,
        apiUrl: api.url,
        operatorToken: issuer.mint({ fleet: fleetId, ttlSeconds: OPERATOR_TOKEN_TTL_SECONDS }),
        busEndpoint: bus.busEndpoint,
        sqsEndpoint: bus.sqsEndpoint,
        region: LOCAL_REGION,
        services,
        functionStats: () => runner.stats(),
        clock: time.clock,
        log: (line) => log(`[dashboard] ${line}`),
      }).catch((error: unknown) => {
        throw explainListenError(error, 'dashboard', ports.dashboard);
      });
      const started = dashboard;
      closers.push(() => started.close());
    }
    const endpoints: LocalEndpoints = {
      api: api.url,
      dashboard: dashboard?.url ?? '',
      eventbridge: bus.busEndpoint,
      sqs: bus.sqsEndpoint,
      dynamodb: dynamodb.endpoint,
      kinesis: channels.kinesisEndpoint,
      s3: channels.s3Endpoint,
      apiKey,
      operatorToken,
      region: LOCAL_REGION,
    };

    const watcher = watchPipeline({ bus: bus.bus, sqs: bus.sqs, openAlerts: () => countOpenAlerts(api.url, operatorToken) });
    closers.push(async () => watcher.stop());

    if (options.writeEndpoints ?? true) {
      await writeEndpointsFile(paths.endpointsFile, endpoints);
      closers.push(() => removeEndpointsFile(paths.endpointsFile));
    }
    ready = true;

    let closing: Promise<void> | undefined;
    return {
      endpoints,
      fleetId,
      paths,
      time,
      bus,
      runner,
      dynamodb,
      channels,
      dashboard,
      status: () => watcher.status(),
      refreshStatus: () => watcher.refresh(),
      mintToken: (fleet, mintOptions) => issuer.mint({ fleet, ...(mintOptions?.expired ? { expired: true } : {}) }),
      close(closeOptions = {}) {
        closing ??= (async () => {
          ready = false;
          // Stop the doors first (no new work), then let the bus finish what it accepted.
          await closeApi().catch(() => undefined);
          await channels.stopIntake();
          await drainWithin(bus, closeOptions.drainMs ?? 10_000, log);
          await closeAll();
        })();
        return closing;
      },
    };
  } catch (error) {
    await closeAll().catch(() => undefined);
    throw error;
  }
}

function withoutDashboard(ports: Record<PortName, number>): Partial<Record<PortName, number>> {
  return Object.fromEntries(Object.entries(ports).filter(([name]) => name !== 'dashboard'));
}

function serviceNamed(services: readonly ServiceDeclaration[], name: string): ServiceDeclaration {
  const service = services.find((candidate) => candidate.name === name);
  if (!service) throw new Error(`no service ${name}`);
  return service;
}

function assertBundlesBuilt(services: readonly ServiceDeclaration[], root: string): void {
  const missing = functionsFromDeclarations(services, () => ({}), { root }).filter((fn) => !existsSync(fn.bundlePath));
  if (missing.length === 0) return;
  const projects = [...new Set(missing.map((fn) => fn.service))].join(',');
  throw new Error(
    `not built: ${missing.map((fn) => `${fn.service}/${fn.name}`).join(', ')}. Run \`npx nx run-many -t build -p ${projects}\` (npm start does it for you).`,
  );
}

async function drainWithin(bus: LocalBus, drainMs: number, log: (line: string) => void): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolveTimeout) => (timer = setTimeout(() => resolveTimeout('timeout'), drainMs)));
  const outcome = await Promise.race([bus.dispatcher.drain().then(() => 'drained' as const), timeout]);
  clearTimeout(timer);
  if (outcome === 'timeout') {
    log(`stopping with ${bus.dispatcher.stats().pending} deliveries still pending: they are journaled and resume at the next start`);
  }
}

async function countOpenAlerts(apiUrl: string, token: string): Promise<number> {
  let count = 0;
  let cursor: string | null = null;
  do {
    const query = `status=open&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const response = await fetch(`${apiUrl}/v1/alerts?${query}`, { headers: { authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(`GET /v1/alerts: ${response.status}`);
    const page = (await response.json()) as { items: unknown[]; nextCursor: string | null };
    count += page.items.length;
    cursor = page.nextCursor;
  } while (cursor);
  return count;
}
