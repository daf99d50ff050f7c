import { spawnSync } from 'node:child_process';
import { FAULTS_ENV, parseFaultRules } from '@pulse/function-runner';
import type { ScenarioName } from '@pulse/simulator';
import { LOCAL_PREFIX, type PortName } from './local-contract';
import { startLocalRuntime, type LocalRuntime } from './local-runtime';
import { formatStatus } from './pipeline-status';
import { startSimulation, type RunningSimulation, type Via } from './simulation';

export interface StartOptions {
  readonly ports: Record<PortName, number>;
  readonly reset: boolean;
  readonly inMemory: boolean;
  readonly sim: boolean;
  readonly build: boolean;
  readonly rate: number;
  readonly devices: number;
  readonly zones: number;
  readonly scenario: ScenarioName;
  readonly via: Via;
  readonly timeScale: number;
  readonly seed: number;
  readonly apiKey: string;
  /** Where alert notifications are posted (default: a local sink that prints them). */
  readonly alertsWebhook?: string;
}

export interface StartIo {
  readonly root: string;
  /** The Nx environment for the build step. */
  readonly env: NodeJS.ProcessEnv;
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Rewrites one status line in place on a terminal; prints a line every few seconds otherwise. */
  readonly interactive: boolean;
}

const SERVICES = ['ingest', 'transform', 'enrich', 'persist', 'alert'];

/** `npm start`: build what is needed, start everything, show it working, drain on Ctrl-C. */
export async function runStart(options: StartOptions, io: StartIo): Promise<{ runtime: LocalRuntime; stop(): Promise<void> }> {
  const startedAt = Date.now();
  const say = (line: string) => io.err(`${line}\n`);
  if (options.build) buildBundles(io, say);
  // Fault drills by hand: PULSE_FAULTS=transform:0.2 npm start (a bad value fails here, by entry).
  const faults = parseFaultRules(io.env[FAULTS_ENV]);
  if (faults.length > 0) say(`${FAULTS_ENV}: injecting ${faults.map((f) => `${f.kind} in ${f.target} ${Math.round(f.probability * 100)} %`).join(', ')}`);

  const runtime = await startLocalRuntime({
    root: io.root,
    ports: options.ports,
    reset: options.reset,
    inMemory: options.inMemory,
    timeScale: options.timeScale,
    apiKey: options.apiKey,
    ...(options.alertsWebhook ? { alertsWebhookUrl: options.alertsWebhook } : {}),
    ...(faults.length > 0 ? { functionRunner: { faults } } : {}),
    log: say,
  });
  const { endpoints } = runtime;
  io.out(
    [
      '',
      `Pulse is running (ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s; pipeline time ×${options.timeScale}, now ${new Date(runtime.time.clock.now()).toISOString()})`,
      `  HTTP API     ${endpoints.api}   (x-api-key: ${endpoints.apiKey}; GET /health, GET /openapi.json)`,
      `  dashboard    ${endpoints.dashboard}   (signed in as the operator of fleet ${runtime.fleetId})`,
      `  EventBridge  ${endpoints.eventbridge}   SQS ${endpoints.sqs}   DynamoDB ${endpoints.dynamodb}`,
      `  Kinesis      ${endpoints.kinesis} (stream ${LOCAL_PREFIX}-readings)   S3 ${endpoints.s3} (bucket ${LOCAL_PREFIX}-drops)`,
      `  endpoints    ${runtime.paths.endpointsFile}`,
      '',
      `Operator token (fleet ${runtime.fleetId}, 12 h):`,
      `  ${endpoints.operatorToken}`,
      '',
      'Try:',
      `  curl -s -H "authorization: Bearer $(node -p "require('./.local/endpoints.json').operatorToken")" ${endpoints.api}/v1/zones`,
      `  npx pulse events tail        npx pulse dlq list        aws --endpoint-url ${endpoints.dynamodb} dynamodb list-tables`,
      '',
    ].join('\n'),
  );

  let simulation: RunningSimulation | undefined;
  if (options.sim) {
    simulation = await startSimulation(
      endpoints,
      {
        fleetId: runtime.fleetId,
        streamName: runtime.channels.streams['Readings'] ?? `${LOCAL_PREFIX}-readings`,
        bucketName: runtime.channels.buckets['Drops'] ?? `${LOCAL_PREFIX}-drops`,
        s3Credentials: runtime.channels.s3Credentials,
      },
      { ...options, clock: () => runtime.time.clock.now() },
      say,
    );
    const incident = simulation.incident;
    if (incident) {
      const realSeconds = (ms: number) => Math.round((ms - runtime.time.clock.now()) / options.timeScale / 1000);
      say(`simulator: incident in ${incident.zoneId} in about ${realSeconds(incident.startMs)} s, for ${Math.round((incident.endMs - incident.startMs) / options.timeScale / 1000)} s (real time)`);
    }
  } else {
    say('simulator off (--no-sim): send readings yourself, e.g. npx tsx tools/simulator/src/main.ts --help');
  }

  const statusTimer = setInterval(() => void showStatus(), 1_000);
  statusTimer.unref();
  let tick = 0;
  let lastOpen: number | undefined;
  async function showStatus(): Promise<void> {
    if (tick++ % 5 === 0) await runtime.refreshStatus();
    const status = runtime.status();
    if (status.openAlerts !== undefined && status.openAlerts !== lastOpen && lastOpen !== undefined) {
      io.err(`${io.interactive ? '\r\x1b[2K' : ''}${status.openAlerts > lastOpen ? 'ALERT raised' : 'alert resolved'}: ${status.openAlerts} open (GET /v1/alerts?status=open)\n`);
    }
    lastOpen = status.openAlerts;
    if (io.interactive) io.err(`\r\x1b[2K${formatStatus(status)}`);
    else if (tick % 5 === 0) io.err(`${formatStatus(status)}\n`);
  }

  let stopping: Promise<void> | undefined;
  return {
    runtime,
    stop() {
      stopping ??= (async () => {
        clearInterval(statusTimer);
        say(`${io.interactive ? '\n' : ''}stopping: the simulator stops sending, accepted work drains…`);
        await simulation?.stop();
        await runtime.close();
        say('stopped; state kept in .local/ (npm start -- --reset starts empty)');
      })();
      return stopping;
    },
  };
}

function buildBundles(io: StartIo, say: (line: string) => void): void {
  say(`building the function bundles (nx run-many -t build -p ${SERVICES.join(',')}; cached after the first time)…`);
  const startedAt = Date.now();
  const result = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', SERVICES.join(','), '--outputStyle=static'], {
    cwd: io.root,
    env: io.env,
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    io.err(result.stdout ?? '');
    io.err(result.stderr ?? '');
    throw new Error('the build failed (output above); fix it and run npm start again');
  }
  say(`built in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
}
