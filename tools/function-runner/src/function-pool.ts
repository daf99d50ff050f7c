import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { DurationWindow } from './duration-window';
import { ExecutionEnvironment, type EnvironmentOutcome } from './execution-environment';
import type { FaultKind } from './fault-rules';
import type { FunctionSpec, FunctionStats, InvocationMode, InvokeResult } from './function-spec';
import { functionArn, lambdaEnvironment, logGroupName, newLogStreamName, type RuntimeSettings } from './lambda-environment';

/** Lambda's limit on what a synchronous invocation may return. */
const SYNC_RESPONSE_LIMIT_BYTES = 6 * 1024 * 1024;

interface IdleEnvironment {
  readonly environment: ExecutionEnvironment;
  /** performance.now() when it last finished an invocation (or loaded, if prewarmed). */
  readonly since: number;
}

interface Waiting {
  /** The payload as Lambda receives it: JSON text, parsed afresh inside the environment. */
  readonly eventJson: string;
  readonly mode: InvocationMode;
  /** Throttles are answered before queuing, so only these reach an environment. */
  readonly fault: Exclude<FaultKind, 'throttle'> | undefined;
  readonly resolve: (result: InvokeResult) => void;
}

export interface PoolOptions extends RuntimeSettings {
  readonly spec: FunctionSpec;
  readonly concurrency: number;
  readonly onLog: (line: string) => void;
  /** A spare environment idle this long is retired; `Infinity` keeps every one. */
  readonly idleRetireMs: number;
}

/**
 * The execution environments of one function: warm ones are reused, new ones start while
 * under the concurrency limit, and invocations beyond it wait in arrival order (as throttled
 * asynchronous invocations do).
 */
export class FunctionPool {
  private readonly live = new Set<ExecutionEnvironment>();
  /** Oldest first (released in order), so the retirement sweep only ever looks at the front. */
  private readonly idle: IdleEnvironment[] = [];
  private readonly queue: Waiting[] = [];
  private readonly durations = new DurationWindow();
  private readonly counts = { invocations: 0, errors: 0, timeouts: 0, coldStarts: 0, injectedFaults: 0, retiredEnvironments: 0 };
  private readonly injectedByKind: Record<FaultKind, number> = { error: 0, timeout: 0, throttle: 0 };
  private busy = 0;
  private closed = false;
  private retireTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: PoolOptions) {}

  /** `fault`: an injected failure for this invocation (fault drills), decided by the runner. */
  invoke(eventJson: string, mode: InvocationMode, fault?: FaultKind): Promise<InvokeResult> {
    if (this.closed) return Promise.resolve(closedFailure());
    // Reserved concurrency 0 throttles every invocation in Lambda (waiting would wait forever);
    // an injected throttle answers the same, as if every environment were busy at the limit.
    if (this.options.concurrency === 0 || fault === 'throttle') {
      this.counts.invocations += 1;
      this.counts.errors += 1;
      if (fault === 'throttle') this.countInjected(fault);
      return Promise.resolve({ ok: false, errorType: 'TooManyRequestsException', errorMessage: 'Rate Exceeded.', durationMs: 0 });
    }
    return new Promise((resolve) => {
      this.queue.push({ eventJson, mode, fault, resolve });
      this.pump();
    });
  }

  stats(): FunctionStats {
    return {
      ...this.counts,
      injectedByKind: { ...this.injectedByKind },
      p50DurationMs: this.durations.percentile(50),
      p99DurationMs: this.durations.percentile(99),
      queueDepth: this.queue.length,
      busyWorkers: this.busy,
      workers: this.live.size,
      heapUsedBytes: [...this.live].reduce((sum, environment) => sum + environment.heapUsedBytes, 0),
      heapResidentBytes: [...this.live].reduce((sum, environment) => sum + environment.heapResidentBytes, 0),
    };
  }

  private countInjected(kind: FaultKind): void {
    this.counts.injectedFaults += 1;
    this.injectedByKind[kind] += 1;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retireTimer);
    for (const waiting of this.queue.splice(0)) waiting.resolve(closedFailure());
    this.idle.length = 0;
    await Promise.all([...this.live].map((environment) => environment.terminate()));
  }

  /** One execution environment loaded ahead of the first invocation, as provisioned concurrency does. */
  prewarm(): void {
    if (this.closed || this.live.size > 0 || this.options.concurrency < 1) return;
    this.makeIdle(this.startEnvironment());
  }

  private pump(): void {
    while (!this.closed && this.queue.length > 0) {
      // Most recently used first, so a burst that has passed leaves the older workers cold-idle.
      let environment = this.idle.pop()?.environment;
      if (!environment) {
        if (this.live.size >= this.options.concurrency) return;
        environment = this.startEnvironment();
      }
      const waiting = this.queue.shift() as Waiting;
      this.busy += 1;
      void this.run(environment, waiting).finally(() => {
        this.busy -= 1;
        this.release(environment);
        this.pump();
      });
    }
  }

  private startEnvironment(): ExecutionEnvironment {
    const { spec } = this.options;
    const logStreamName = newLogStreamName();
    const environment = new ExecutionEnvironment({
      spec,
      env: lambdaEnvironment(spec, this.options, logStreamName),
      logStreamName,
      onLine: this.options.onLog,
    });
    this.live.add(environment);
    return environment;
  }

  private release(environment: ExecutionEnvironment): void {
    if (environment.dead) this.live.delete(environment);
    else if (!this.closed) this.makeIdle(environment);
  }

  private makeIdle(environment: ExecutionEnvironment): void {
    this.idle.push({ environment, since: performance.now() });
    this.scheduleRetirement();
  }

  /**
   * Lambda retires environments that stay idle; here a spare one goes after `idleRetireMs`, so a
   * burst's extra environments do not hold their memory for the rest of the run. The last live
   * environment stays, so a quiet function answers warm as after `prewarm`.
   */
  private scheduleRetirement(): void {
    const oldest = this.idle[0];
    if (this.retireTimer || !oldest || this.live.size <= 1 || !Number.isFinite(this.options.idleRetireMs)) return;
    const dueInMs = Math.max(0, oldest.since + this.options.idleRetireMs - performance.now());
    this.retireTimer = setTimeout(() => {
      this.retireTimer = undefined;
      this.retireIdle();
      this.scheduleRetirement();
    }, dueInMs);
    this.retireTimer.unref();
  }

  private retireIdle(): void {
    const now = performance.now();
    while (this.live.size > 1 && this.idle.length > 0 && now - this.idle[0].since >= this.options.idleRetireMs) {
      const { environment } = this.idle.shift() as IdleEnvironment;
      this.live.delete(environment);
      this.counts.retiredEnvironments += 1;
      void environment.terminate();
    }
  }

  private async run(environment: ExecutionEnvironment, waiting: Waiting): Promise<void> {
    const { spec } = this.options;
    const coldStart = environment.invocations === 0;
    this.counts.invocations += 1;
    if (coldStart) this.counts.coldStarts += 1;
    if (waiting.fault !== undefined) this.countInjected(waiting.fault);
    const init = await environment.ready();
    const started = performance.now();
    let outcome: EnvironmentOutcome;
    if (!init.ok) {
      outcome = init;
    } else {
      const timeoutMs = spec.timeoutSeconds * 1000;
      const context = {
        awsRequestId: randomUUID(),
        functionName: spec.name,
        functionVersion: '$LATEST',
        invokedFunctionArn: functionArn(spec, this.options),
        memoryLimitInMB: String(spec.memoryMb),
        logGroupName: logGroupName(spec),
        logStreamName: environment.logStreamName,
      };
      outcome = await environment.run(waiting.eventJson, context, timeoutMs, Date.now() + timeoutMs, waiting.fault);
    }
    const durationMs = performance.now() - started;
    this.durations.add(durationMs);
    if (outcome.ok && waiting.mode === 'sync' && Buffer.byteLength(outcome.json) > SYNC_RESPONSE_LIMIT_BYTES) {
      outcome = {
        ok: false,
        errorType: 'Function.ResponseSizeTooLarge',
        errorMessage: `Response payload size exceeded maximum allowed payload size (${SYNC_RESPONSE_LIMIT_BYTES} bytes).`,
      };
    }
    if (!outcome.ok) {
      this.counts.errors += 1;
      if ('timedOut' in outcome && outcome.timedOut) this.counts.timeouts += 1;
      waiting.resolve({ ok: false, errorType: outcome.errorType, errorMessage: outcome.errorMessage, durationMs });
      return;
    }
    // An asynchronous invocation hands nothing back to its caller.
    const result = waiting.mode === 'sync' ? (JSON.parse(outcome.json) as unknown) : null;
    waiting.resolve({ ok: true, result, durationMs, coldStart });
  }
}

function closedFailure(): InvokeResult {
  return { ok: false, errorType: 'Runtime.Closed', errorMessage: 'the function runner was closed', durationMs: 0 };
}
