/**
 * The runtime as its own process, for the crash test: prints the endpoints as one JSON line
 * once ready; SIGKILL is what the test does to it.
 *   tsx runtime-process.ts <stateDirectory> <timeScale>
 */
import { resolve } from 'node:path';
import { startLocalRuntime } from '../local-runtime';

const [stateDirectory, timeScale = '1'] = process.argv.slice(2);

startLocalRuntime({
  root: resolve(__dirname, '../../../..'),
  stateDirectory,
  timeScale: Number(timeScale),
  ports: { api: 0, dashboard: 0, bus: 0, sqs: 0, dynamodb: 0, kinesis: 0, s3: 0 },
  log: (line) => process.stderr.write(`${line}\n`),
}).then(
  (runtime) => {
    process.stdout.write(`${JSON.stringify(runtime.endpoints)}\n`);
    process.once('SIGTERM', () => void runtime.close().then(() => process.exit(0)));
  },
  (error: unknown) => {
    process.stderr.write(`runtime failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
