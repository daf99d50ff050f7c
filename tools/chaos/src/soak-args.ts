import { parseArgs } from 'node:util';
import type { SoakOptions } from './soak';

export const SOAK_USAGE = `Usage: npm run soak -- [options]

Offers steady load to the local runtime (in this process) and prints, per window, RSS and the
p99 from accept to stored; then reconciles. Goals: RSS growth < 10 % after warm-up, p99 within
2x its first window after warm-up, no DLQ entries, nothing lost.

  --minutes <n>         how long the load runs (default 10)
  --rate <n>            readings per second (default: 50 % of the newest bench e2e-throughput maximum, else 100)
  --window <seconds>    one row per window (default 60)
  --warmup <windows>    windows before the RSS baseline (default 1)
  --quick               30 s in 10-s windows (as npm test runs it)
  --state <dir>         keep the runtime's state there (default: a temporary folder, removed; in RAM
                        under /dev/shm when it has room for the run, since disk flushes widen the p99)
  --json                print the whole result as JSON
  --help
`;

export type SoakArgs =
  | { readonly kind: 'run'; readonly options: SoakOptions; readonly json: boolean }
  | { readonly kind: 'help' }
  | { readonly kind: 'error'; readonly message: string };

/** Pure: the command line to options, or what is wrong with it. */
export function parseSoakArgs(args: readonly string[]): SoakArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      strict: true,
      options: {
        minutes: { type: 'string' },
        rate: { type: 'string' },
        window: { type: 'string' },
        warmup: { type: 'string' },
        quick: { type: 'boolean' },
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
    const minutes = positive('--minutes', values.minutes) ?? (values.quick ? 0.5 : undefined);
    const windowSeconds = positive('--window', values.window) ?? (values.quick ? 10 : undefined);
    const rate = positive('--rate', values.rate);
    const warmup = positive('--warmup', values.warmup);
    if (warmup !== undefined && !Number.isInteger(warmup)) throw new RangeError(`--warmup must be a whole number of windows, got '${values.warmup}'`);
    return {
      kind: 'run',
      json: values.json === true,
      options: {
        ...(minutes !== undefined ? { minutes } : {}),
        ...(windowSeconds !== undefined ? { windowSeconds } : {}),
        ...(rate !== undefined ? { rate } : {}),
        ...(warmup !== undefined ? { warmupWindows: warmup } : {}),
        ...(values.state !== undefined ? { stateDirectory: values.state } : {}),
      },
    };
  } catch (error) {
    return { kind: 'error', message: (error as Error).message };
  }
}

function positive(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value <= 0) throw new RangeError(`${flag} must be a positive number, got '${text}'`);
  return value;
}
