import { parseArgs } from 'node:util';
import type { ChaosOptions } from './chaos';
import { QUICK_CHAOS_BATCH, QUICK_CHAOS_FAULTS, QUICK_CHAOS_READINGS } from './chaos-defaults';

export const CHAOS_USAGE = `Usage: npm run chaos -- [options]

Runs the local runtime in this process with injected faults, sends readings through the HTTP API,
restarts dynalite once and kills and restarts the bus once, then stops the faults, redrives every
DLQ and reconciles.

  --quick               5,000 readings in batches of 100, errors and throttles only (*:0.15,*:0.05:throttle), as npm test runs it
  --readings <n>        readings to send (default 100,000)
  --faults <spec>       PULSE_FAULTS syntax (default *:0.15,*:0.04:throttle,*:0.01:timeout: 20 % in every function)
  --time-scale <n>      pipeline seconds per real second (default 10)
  --devices <n>         devices the readings are spread over (default 20)
  --batch-size <n>      readings per POST /v1/readings (default 200)
  --concurrency <n>     POSTs in flight (default 8)
  --down-ms <n>         how long dynalite stays down (default 2000)
  --no-dynamodb-restart do not restart dynalite
  --bus-down-ms <n>     how long the killed bus keeps its port closed (default 1000)
  --no-bus-restart      do not kill the bus
  --state <dir>         keep the runtime's state there (default: a temporary folder, removed)
  --json                print the whole result as JSON
  --help
`;

export type ChaosArgs =
  | { readonly kind: 'run'; readonly options: ChaosOptions; readonly json: boolean }
  | { readonly kind: 'help' }
  | { readonly kind: 'error'; readonly message: string };

/** Pure: the command line to options, or what is wrong with it. */
export function parseChaosArgs(args: readonly string[]): ChaosArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      strict: true,
      options: {
        quick: { type: 'boolean' },
        readings: { type: 'string' },
        faults: { type: 'string' },
        'time-scale': { type: 'string' },
        devices: { type: 'string' },
        'batch-size': { type: 'string' },
        concurrency: { type: 'string' },
        'down-ms': { type: 'string' },
        'no-dynamodb-restart': { type: 'boolean' },
        'bus-down-ms': { type: 'string' },
        'no-bus-restart': { type: 'boolean' },
        state: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    return { kind: 'error', message: (error as Error).message };
  }
  if (values.help) return { kind: 'help' };
  try {
    const readings = positive('--readings', values.readings) ?? (values.quick ? QUICK_CHAOS_READINGS : undefined);
    const faults = values.faults ?? (values.quick ? QUICK_CHAOS_FAULTS : undefined);
    const downMs = positive('--down-ms', values['down-ms'], true);
    const busDownMs = positive('--bus-down-ms', values['bus-down-ms'], true);
    const options: ChaosOptions = {
      ...(readings !== undefined ? { readings } : {}),
      ...(faults !== undefined ? { faults } : {}),
      ...optional('timeScale', positive('--time-scale', values['time-scale'])),
      ...optional('devices', positive('--devices', values.devices)),
      ...optional('batchSize', positive('--batch-size', values['batch-size']) ?? (values.quick ? QUICK_CHAOS_BATCH : undefined)),
      ...optional('concurrency', positive('--concurrency', values.concurrency)),
      ...(values['no-dynamodb-restart'] ? { dynamodbRestart: false as const } : downMs !== undefined ? { dynamodbRestart: { downMs } } : {}),
      ...(values['no-bus-restart'] ? { busRestart: false as const } : busDownMs !== undefined ? { busRestart: { downMs: busDownMs } } : {}),
      ...(values.state !== undefined ? { stateDirectory: values.state } : {}),
    };
    return { kind: 'run', options, json: values.json === true };
  } catch (error) {
    return { kind: 'error', message: (error as Error).message };
  }
}

function positive(flag: string, text: string | undefined, zeroAllowed = false): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0 || (value === 0 && !zeroAllowed) || text.trim() === '') {
    throw new RangeError(`${flag} must be a ${zeroAllowed ? 'number ≥ 0' : 'positive number'}, got '${text}'`);
  }
  return value;
}

function optional<K extends string>(key: K, value: number | undefined): Partial<Record<K, number>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, number>);
}
