/**
 * The local EventBridge bus on its own, with the five services' rules:
 *   tsx tools/local-bus/src/main.ts --bus-port 4010 --sqs-port 4011 --directory .local/bus
 * Prints one JSON line `{ "eventbridge", "sqs" }` on stdout once both listen; logs go to stderr.
 */
import { resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import type { FunctionRunner } from '@pulse/function-runner';
import { deferredFunctionRunner } from './cli/functions-runner';
import { FIVE_SERVICES } from './five-services';
import { startLocalBus } from './local-bus';
import { DEFAULT_BUS_NAME, DEFAULT_REGION } from './server';

const log = (line: string) => process.stderr.write(`[local-bus] ${line}\n`);

const port = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65_535) throw new InvalidArgumentError('a port number 0–65535 (0 = any free port)');
  return n;
};
const positive = (value: string) => {
  const n = Number(value);
  if (!(n > 0)) throw new InvalidArgumentError('a number > 0');
  return n;
};
const destination = (value: string, previous: Record<string, string>) => {
  const at = value.indexOf('=');
  if (at <= 0) throw new InvalidArgumentError('name=url');
  return { ...previous, [value.slice(0, at)]: value.slice(at + 1) };
};

const program = new Command('local-bus')
  .description('Pulse local EventBridge bus (AWS JSON API), its dead-letter queues (SQS API) and delivery')
  .option('--bus-port <port>', 'EventBridge API port', port, 4010)
  .option('--sqs-port <port>', 'SQS API port (dead-letter queues)', port, 4011)
  .option('--directory <dir>', 'durable state: journal, archive, queues', '.local/bus')
  .option('--time-scale <n>', 'bus seconds per real second for retries and event age', positive, 1)
  .option('--with-functions', 'run function targets from the built bundles in dist/ (otherwise they fail into their DLQs)', false)
  .option('--dynamodb-endpoint <url>', 'DynamoDB endpoint for the functions (with --with-functions)')
  .option('--api-destination <name=url>', 'URL of an API destination (repeatable)', destination, {} as Record<string, string>)
  .action(async (options: { busPort: number; sqsPort: number; directory: string; timeScale: number; withFunctions: boolean; dynamodbEndpoint?: string; apiDestination: Record<string, string> }) => {
    const functions = options.withFunctions
      ? deferredFunctionRunner({ services: FIVE_SERVICES, root: process.cwd(), region: DEFAULT_REGION, busName: DEFAULT_BUS_NAME, log, ...(options.dynamodbEndpoint ? { dynamodbEndpoint: options.dynamodbEndpoint } : {}) })
      : undefined;
    if (!functions) log('no function runner (--with-functions not given): function targets fail and go to their dead-letter queues after their retries');
    const local = await startLocalBus({
      services: FIVE_SERVICES,
      directory: resolve(options.directory),
      busPort: options.busPort,
      sqsPort: options.sqsPort,
      timeScale: options.timeScale,
      apiDestinations: options.apiDestination,
      log,
      ...(functions ? { runner: functions.invoker } : {}),
    });
    const runner: FunctionRunner | undefined = functions?.attach(local.busEndpoint);
    process.stdout.write(`${JSON.stringify({ eventbridge: local.busEndpoint, sqs: local.sqsEndpoint })}\n`);
    let stopping = false;
    const stop = () => {
      if (stopping) return;
      stopping = true;
      void local
        .close()
        .then(() => runner?.close())
        .then(
          () => process.exit(0),
          (error: unknown) => {
            log(`close failed: ${String(error)}`);
            process.exit(1);
          },
        );
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });

program.parseAsync().catch((error: unknown) => {
  log(`failed to start: ${(error as Error).message}`);
  process.exit(1);
});
