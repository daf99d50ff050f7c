/**
 * The sensor simulator on its own: `tsx tools/simulator/src/main.ts --endpoint … --register`.
 * Works against the local runtime or any deployed stage; prints a status line every few
 * seconds and a summary at the end. Ctrl-C stops generating and drains what is in flight.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { createCity, incidentWindow, scenario, type ScenarioName } from './city';
import { formatStatus, realClock, registerDevices, runSimulation } from './send';

interface CliOptions {
  endpoint: string;
  apiKey: string;
  rate: number;
  devices: number;
  zones: number;
  scenario: ScenarioName;
  timeScale: number;
  duration?: number;
  register: boolean;
  seed: number;
  concurrency: number;
  start?: number;
}

function positive(value: string): number {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) throw new InvalidArgumentError('expected a positive number');
  return parsed;
}

function isoTime(value: string): number {
  const parsed = Date.parse(value);
  if (Number.isNaN(parsed)) throw new InvalidArgumentError('expected an ISO-8601 date-time such as 2026-06-01T06:00:00Z');
  return parsed;
}

function integer(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed)) throw new InvalidArgumentError('expected an integer');
  return parsed;
}

const program = new Command('simulator')
  .description("Pulse's sensor simulator: a fictional city sending readings through the public HTTP API")
  .option('--endpoint <url>', 'the HTTP API', 'http://127.0.0.1:3000')
  .option('--api-key <key>', 'fleet API key (x-api-key)', process.env['PULSE_API_KEY'] ?? 'pulse-local-key')
  .option('--rate <n>', 'readings per second, at most', positive, 200)
  .option('--devices <n>', 'devices in the city', integer, 500)
  .option('--zones <n>', 'zones in the city', integer, 20)
  .addOption(new Option('--scenario <name>', 'what happens').choices(['incident', 'calm']).default('incident'))
  .option('--time-scale <n>', 'simulated seconds per real second (60: an hour in a minute)', positive, 60)
  .option('--duration <seconds>', 'stop after this many real seconds (default: until Ctrl-C)', positive)
  .option('--register', 'register the devices (PUT /v1/devices/{id}) before sending', false)
  .option('--seed <n>', 'reproduces the same city and readings', integer, 42)
  .option('--concurrency <n>', 'batches in flight at once', integer, 4)
  // Readings carry simulated time: faster than real time, they leave ingest's window
  // (5 min ahead) unless the receiver's clock is compressed too, or they start in the past.
  .option('--start <iso>', 'simulated start time (default: now)', isoTime)
  .action(async (options: CliOptions) => {
    const city = createCity({ zones: options.zones, devices: options.devices, seed: options.seed });
    const target = { endpoint: options.endpoint, apiKey: options.apiKey };
    const run = scenario(options.scenario, options.start ?? Date.now());
    if (options.register) {
      const result = await registerDevices(city, target);
      process.stdout.write(`registered ${result.registered} devices, ${result.failed.length} failed\n`);
      for (const failure of result.failed.slice(0, 5)) process.stdout.write(`  ${failure.deviceId}: ${failure.status} ${failure.message}\n`);
    }
    const incident = incidentWindow(city, run);
    if (incident) {
      const at = (ms: number) => new Date(ms).toISOString();
      process.stdout.write(`incident in ${incident.zoneId} from ${at(incident.startMs)} to ${at(incident.endMs)} (simulated time)\n`);
    }
    const controller = new AbortController();
    process.once('SIGINT', () => controller.abort());
    process.once('SIGTERM', () => controller.abort());
    const summary = await runSimulation({
      city,
      scenario: run,
      target,
      clock: realClock,
      rate: options.rate,
      timeScale: options.timeScale,
      durationMs: options.duration === undefined ? undefined : options.duration * 1000,
      concurrency: options.concurrency,
      onStatus: (status) => process.stdout.write(`${formatStatus(status)}\n`),
      signal: controller.signal,
    });
    process.stdout.write(`summary: ${formatStatus(summary)}\n`);
  });

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`simulator: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
