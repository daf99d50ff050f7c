import { InvalidArgumentError, Option, type Command } from 'commander';
import { CONTRACT_PORTS, DEFAULT_API_KEY, runStart, type PortName, type StartOptions } from '@pulse/local-runtime';
import { nxEnvironment } from '../nx-environment';
import { workspaceRoot } from '../workspace-root';

const port = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65_535) throw new InvalidArgumentError('a port number 0–65535 (0 = any free port)');
  return n;
};
const positive = (value: string) => {
  const n = Number(value);
  if (!(n > 0) || !Number.isFinite(n)) throw new InvalidArgumentError('a number > 0');
  return n;
};
const whole = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a whole number ≥ 1');
  return n;
};

interface StartFlags {
  apiPort: number;
  dashboardPort: number;
  busPort: number;
  sqsPort: number;
  dynamodbPort: number;
  kinesisPort: number;
  s3Port: number;
  reset: boolean;
  inMemory: boolean;
  sim: boolean;
  build: boolean;
  rate: number;
  devices: number;
  zones: number;
  scenario: StartOptions['scenario'];
  via: StartOptions['via'];
  timeScale: number;
  seed: number;
  alertsWebhook?: string;
}

/** `pulse start` (what `npm start` runs): the whole pipeline locally, with the simulator. */
export function registerStart(program: Command): void {
  const envPort = process.env['PULSE_API_PORT'];
  program
    .command('start')
    .description('Run the whole pipeline locally: build, start every server on the local contract ports, seed, simulate')
    .option('--api-port <port>', 'HTTP API (also PULSE_API_PORT)', port, envPort ? port(envPort) : CONTRACT_PORTS.api)
    .option('--dashboard-port <port>', 'dashboard', port, CONTRACT_PORTS.dashboard)
    .option('--bus-port <port>', 'EventBridge API', port, CONTRACT_PORTS.bus)
    .option('--sqs-port <port>', 'SQS API (dead-letter queues)', port, CONTRACT_PORTS.sqs)
    .option('--dynamodb-port <port>', 'DynamoDB API (dynalite)', port, CONTRACT_PORTS.dynamodb)
    .option('--kinesis-port <port>', 'Kinesis API (kinesalite)', port, CONTRACT_PORTS.kinesis)
    .option('--s3-port <port>', 'S3 API (s3rver)', port, CONTRACT_PORTS.s3)
    .option('--reset', 'start from empty state (deletes .local/)', false)
    .option('--in-memory', 'keep DynamoDB in memory (the bus journal and queues stay on disk)', false)
    .option('--no-sim', 'do not start the sensor simulator')
    .option('--no-build', 'skip building the function bundles')
    .option('--rate <n>', 'simulator: readings per second, at most', positive, 200)
    .option('--devices <n>', 'simulator: devices in the city', whole, 500)
    .option('--zones <n>', 'simulator: zones in the city', whole, 20)
    .addOption(new Option('--scenario <name>', 'simulator: what happens').choices(['incident', 'calm']).default('incident'))
    .addOption(new Option('--via <channel>', 'simulator: how readings arrive').choices(['http', 'kinesis', 's3']).default('http'))
    .option('--time-scale <n>', 'pipeline seconds per real second: alert windows, TTLs and the city run this much faster', positive, 10)
    .option('--seed <n>', 'simulator: the same seed makes the same city', whole, 42)
    .option('--alerts-webhook <url>', "where alert's alerts-webhook destination posts (default: printed in this console)")
    .addHelpText(
      'after',
      '\nState lives in .local/ (endpoints.json, DynamoDB, bus journal, queues, Kinesis, S3). Ctrl-C drains and stops.\nThe default fleet key is pulse-local-key unless PULSE_API_KEY is set.',
    )
    .action(async (flags: StartFlags) => {
      const ports: Record<PortName, number> = {
        api: flags.apiPort,
        dashboard: flags.dashboardPort,
        bus: flags.busPort,
        sqs: flags.sqsPort,
        dynamodb: flags.dynamodbPort,
        kinesis: flags.kinesisPort,
        s3: flags.s3Port,
      };
      const err = (text: string) => void process.stderr.write(text);
      let running: Awaited<ReturnType<typeof runStart>>;
      try {
        running = await runStart(
          { ...flags, ports, apiKey: process.env['PULSE_API_KEY'] ?? DEFAULT_API_KEY },
          { root: workspaceRoot, env: nxEnvironment(), out: (text) => void process.stdout.write(text), err, interactive: process.stderr.isTTY === true },
        );
      } catch (error) {
        err(`pulse start: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = 1;
        return;
      }
      await new Promise<void>((resolve) => {
        let signals = 0;
        const onSignal = () => {
          if (++signals > 1) {
            err('\nstopping now without draining (journaled work resumes at the next start)\n');
            process.exit(130);
          }
          void running.stop().then(resolve, (error: unknown) => {
            err(`stop failed: ${String(error)}\n`);
            process.exitCode = 1;
            resolve();
          });
        };
        process.on('SIGINT', onSignal);
        process.on('SIGTERM', onSignal);
      });
    });
}
