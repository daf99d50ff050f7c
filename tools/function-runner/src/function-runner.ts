import { createFaultInjector } from './fault-injector';
import type { FaultRule } from './fault-rules';
import type { FunctionSpec, FunctionStats, InvokeOptions, InvokeResult } from './function-spec';
import { FunctionPool } from './function-pool';

export interface FunctionRunnerOptions {
  readonly functions: readonly FunctionSpec[];
  /** Every line a function writes to stdout or stderr (Powertools JSON logs, EMF metrics). */
  readonly onLog?: (functionName: string, line: string) => void;
  /** Execution environments per function without reservedConcurrency. */
  readonly defaultConcurrency?: number;
  readonly region?: string;
  readonly accountId?: string;
  /**
   * Fault drills: injected failures per function or service (`parseFaultRules(process.env.PULSE_FAULTS)`).
   * A target that names no function or service here throws FaultRulesError.
   */
  readonly faults?: readonly FaultRule[];
  /**
   * A function's spare execution environments idle this long are retired (default 15 minutes;
   * `Infinity` never retires). Its last environment always stays warm.
   */
  readonly idleRetireMs?: number;
  /** The draw that decides each injected fault, [0, 1); Math.random by default (tests make it reproducible). */
  readonly faultRandom?: () => number;
}

export interface FunctionRunner {
  /** Never rejects for a function's failure; throws for an unknown function or an oversized payload. */
  invoke(functionNameOrArn: string, event: unknown, options?: InvokeOptions): Promise<InvokeResult>;
  stats(): Record<string, FunctionStats>;
  /** Loads one execution environment per function now, so the first invocations are warm. */
  prewarm(): void;
  readonly functionNames: readonly string[];
  /** Replaces the fault rules while running; `[]` stops injecting (what a drill does before its redrive). */
  setFaults(rules: readonly FaultRule[]): void;
  faults(): readonly FaultRule[];
  /** Terminates every worker; waiting and running invocations fail with `Runtime.Closed` / `Runtime.ExitError`. */
  close(): Promise<void>;
}

/** Lambda's invocation payload limits. */
const PAYLOAD_LIMIT_BYTES = { async: 256 * 1024, sync: 6 * 1024 * 1024 } as const;
export const DEFAULT_CONCURRENCY = 4;
/**
 * Lambda retires an idle environment after minutes (undocumented; 5 to 15 or more is what users
 * observe). Locally a cold start takes CPU from every other environment, so the runner keeps
 * spares the longest of those: at 750 readings/s on two cores, 5 minutes let the spares of the
 * first minute's burst go at minute 6 and the next peak start seven environments at once (p99
 * 431 ms against 109-177 in the minutes before); 60 s made every blip a cold start.
 */
export const DEFAULT_IDLE_RETIRE_MS = 15 * 60_000;

export function createFunctionRunner(options: FunctionRunnerOptions): FunctionRunner {
  const onLog = options.onLog ?? ((name: string, line: string) => process.stderr.write(`[${name}] ${line}\n`));
  const settings = { region: options.region ?? 'us-east-1', accountId: options.accountId ?? '000000000000' };
  const pools = new Map<string, FunctionPool>();
  const injector = createFaultInjector(options.functions, options.faults ?? [], options.faultRandom ?? Math.random);
  for (const spec of options.functions) {
    if (pools.has(spec.name)) throw new Error(`function ${spec.name} is defined twice`);
    pools.set(
      spec.name,
      new FunctionPool({
        ...settings,
        spec,
        concurrency: spec.reservedConcurrency ?? options.defaultConcurrency ?? DEFAULT_CONCURRENCY,
        onLog: (line) => onLog(spec.name, line),
        idleRetireMs: options.idleRetireMs ?? DEFAULT_IDLE_RETIRE_MS,
      }),
    );
  }

  return {
    functionNames: [...pools.keys()],
    async invoke(functionNameOrArn, event, invokeOptions = { mode: 'async' }) {
      const name = functionNameFromArn(functionNameOrArn);
      const pool = pools.get(name);
      if (!pool) throw Object.assign(new Error(`Function not found: ${functionNameOrArn}`), { name: 'ResourceNotFoundException' });
      const eventJson = JSON.stringify(event ?? null);
      const limit = PAYLOAD_LIMIT_BYTES[invokeOptions.mode];
      if (Buffer.byteLength(eventJson) > limit) {
        throw Object.assign(new Error(`Request must be smaller than ${limit} bytes for the ${invokeOptions.mode} invocation`), {
          name: 'RequestEntityTooLargeException',
        });
      }
      return pool.invoke(eventJson, invokeOptions.mode, injector.draw(name));
    },
    setFaults: (rules) => injector.set(rules),
    faults: () => injector.rules(),
    prewarm() {
      for (const pool of pools.values()) pool.prewarm();
    },
    stats() {
      return Object.fromEntries([...pools].map(([name, pool]) => [name, pool.stats()]));
    },
    async close() {
      await Promise.all([...pools.values()].map((pool) => pool.close()));
    },
  };
}

/** Accepts a plain name or a function ARN (optionally qualified with $LATEST), as Lambda's Invoke does. */
export function functionNameFromArn(nameOrArn: string): string {
  const match = /^arn:[^:]+:lambda:[^:]*:[^:]*:function:([^:]+)(?::\$LATEST)?$/.exec(nameOrArn);
  return match ? match[1] : nameOrArn;
}
