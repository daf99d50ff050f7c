/**
 * Runs the local SQS API on its own: `tsx tools/local-sqs/src/main.ts --port 4011 --directory .local/sqs`.
 * Prints one JSON line `{ "endpoint", "port" }` on stdout once listening, so scripts and
 * tests can wait for it; stops cleanly on SIGINT/SIGTERM.
 */
import { Command, InvalidArgumentError } from 'commander';
import { startSqsServer } from './sqs-server';

function port(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65_535) throw new InvalidArgumentError('expected a port from 0 to 65535');
  return parsed;
}

const program = new Command('local-sqs')
  .description("Pulse's local SQS API (AWS JSON 1.0 and Query protocols) for dead-letter queues")
  .option('--port <port>', 'port to listen on (0 picks a free one)', port, 4011)
  .option('--host <host>', 'address to listen on', '127.0.0.1')
  .option('--region <region>', 'region in queue ARNs', 'us-east-1')
  .option('--directory <dir>', 'keep queues and messages in this directory (in memory without it)')
  .option('--queue <name...>', 'queues to create at start')
  .action(async (options: { port: number; host: string; region: string; directory?: string; queue?: string[] }) => {
    const server = await startSqsServer(options);
    for (const name of options.queue ?? []) server.createQueue(name);
    process.stdout.write(`${JSON.stringify({ endpoint: server.endpoint, port: server.port })}\n`);
    const stop = (): void => {
      void server.close().then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`local-sqs: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
