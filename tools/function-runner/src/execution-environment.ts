import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FaultKind } from './fault-rules';
import type { FunctionSpec } from './function-spec';
import { heapLimitsFor } from './heap-limits';

/** Resolved against this file, so it works from source under Jest and tsx alike. */
const WORKER_SCRIPT = path.join(__dirname, 'worker', 'lambda-worker.cjs');

/** Lambda gives the init phase 10 s of its own, separate from the function timeout. */
const INIT_TIMEOUT_MS = 10_000;

export interface ContextFields {
  readonly awsRequestId: string;
  readonly functionName: string;
  readonly functionVersion: string;
  readonly invokedFunctionArn: string;
  /** A string, as in Lambda's context. */
  readonly memoryLimitInMB: string;
  readonly logGroupName: string;
  readonly logStreamName: string;
}

export type EnvironmentOutcome =
  | { readonly ok: true; readonly json: string }
  | { readonly ok: false; readonly errorType: string; readonly errorMessage: string; readonly timedOut?: boolean };

type InitOutcome = { readonly ok: true } | { readonly ok: false; readonly errorType: string; readonly errorMessage: string };

type WorkerMessage =
  | { type: 'log'; stream: 'stdout' | 'stderr'; lines: string[] }
  | { type: 'ready' }
  | { type: 'init-error'; errorType: string; errorMessage: string }
  | { type: 'result'; id: number; heapUsedBytes?: number; heapResidentBytes?: number; ok: true; json: string }
  | { type: 'result'; id: number; heapUsedBytes?: number; heapResidentBytes?: number; ok: false; errorType: string; errorMessage: string };

export interface EnvironmentOptions {
  readonly spec: FunctionSpec;
  readonly env: Record<string, string>;
  readonly logStreamName: string;
  readonly onLine: (line: string) => void;
}

/**
 * One worker thread = one execution environment: its own module scope and process.env,
 * one invocation at a time. Once it failed at init, crashed or timed out it is `dead` and
 * the pool replaces it.
 */
export class ExecutionEnvironment {
  readonly logStreamName: string;
  invocations = 0;
  /** This environment's V8 heap in use after its latest invocation (0 before the first). */
  heapUsedBytes = 0;
  /** …and the memory its heap holds from the system (used, free space in its pages, young generation). */
  heapResidentBytes = 0;
  private readonly worker: Worker;
  private readonly initOutcome: Promise<InitOutcome>;
  private settleInit: (outcome: InitOutcome) => void = () => undefined;
  private current: { id: number; settle: (outcome: EnvironmentOutcome) => void } | undefined;
  private nextId = 1;
  private exited = false;
  private terminating: Promise<void> | undefined;

  constructor(private readonly options: EnvironmentOptions) {
    this.logStreamName = options.logStreamName;
    this.initOutcome = new Promise<InitOutcome>((resolve) => {
      let done = false;
      this.settleInit = (outcome) => {
        if (done) return;
        done = true;
        resolve(outcome);
      };
    });
    this.worker = new Worker(WORKER_SCRIPT, {
      env: options.env,
      // A bundle is plain JavaScript: the parent's loaders (tsx under `npm start`) would only cost start-up time.
      execArgv: [],
      workerData: { bundlePath: options.spec.bundlePath, handlerExport: options.spec.handlerExport },
      resourceLimits: heapLimitsFor(options.spec.memoryMb),
      stdout: false,
      stderr: false,
    });
    this.worker.on('message', (message: WorkerMessage) => this.onMessage(message));
    this.worker.on('error', (error: Error) => this.onCrash(error.name || 'Error', error.message));
    this.worker.on('exit', (code) => {
      this.exited = true;
      this.onCrash('Runtime.ExitError', `Runtime exited with error: exit status ${code}`);
    });
  }

  get dead(): boolean {
    return this.exited || this.terminating !== undefined;
  }

  /** Resolves once the bundle is loaded (or failed to load, or took longer than Lambda allows). */
  async ready(): Promise<InitOutcome> {
    const timer = setTimeout(
      () => this.settleInit({ ok: false, errorType: 'Sandbox.Timedout', errorMessage: 'INIT phase timed out after 10.00 seconds' }),
      INIT_TIMEOUT_MS,
    );
    try {
      const outcome = await this.initOutcome;
      if (!outcome.ok) await this.terminate();
      return outcome;
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Runs one invocation; past `timeoutMs` it fails it as Lambda does and kills this environment.
   * An injected `fault` replaces the handler inside the worker: `error` throws, `timeout` never
   * answers, so both take the same path back as a real failure.
   */
  run(eventJson: string, context: ContextFields, timeoutMs: number, deadlineMs: number, fault?: Exclude<FaultKind, 'throttle'>): Promise<EnvironmentOutcome> {
    if (this.current) throw new Error('an execution environment runs one invocation at a time');
    this.invocations += 1;
    const id = this.nextId++;
    return new Promise<EnvironmentOutcome>((resolve) => {
      const timer = setTimeout(() => {
        const seconds = (timeoutMs / 1000).toFixed(2);
        const errorMessage = `RequestId: ${context.awsRequestId} Error: Task timed out after ${seconds} seconds`;
        this.options.onLine(`${new Date().toISOString()} ${context.awsRequestId} Task timed out after ${seconds} seconds`);
        // Settle only once the worker is gone, so the pool never counts more live workers than allowed.
        this.current = undefined;
        void this.terminate().then(() => resolve({ ok: false, errorType: 'Sandbox.Timedout', errorMessage, timedOut: true }));
      }, timeoutMs);
      this.current = {
        id,
        settle: (outcome) => {
          clearTimeout(timer);
          this.current = undefined;
          if (this.dead) void this.terminate().then(() => resolve(outcome));
          else resolve(outcome);
        },
      };
      this.worker.postMessage({ type: 'invoke', id, eventJson, context, deadlineMs, ...(fault ? { fault } : {}) });
    });
  }

  terminate(): Promise<void> {
    if (!this.terminating) this.terminating = this.exited ? Promise.resolve() : this.worker.terminate().then(() => undefined);
    return this.terminating;
  }

  private onMessage(message: WorkerMessage): void {
    switch (message.type) {
      case 'log':
        for (const line of message.lines) this.options.onLine(line);
        return;
      case 'ready':
        this.settleInit({ ok: true });
        return;
      case 'init-error':
        this.settleInit({ ok: false, errorType: message.errorType, errorMessage: message.errorMessage });
        return;
      case 'result': {
        if (message.heapUsedBytes !== undefined) this.heapUsedBytes = message.heapUsedBytes;
        if (message.heapResidentBytes !== undefined) this.heapResidentBytes = message.heapResidentBytes;
        if (this.current?.id !== message.id) return;
        const outcome: EnvironmentOutcome = message.ok
          ? { ok: true, json: message.json }
          : { ok: false, errorType: message.errorType, errorMessage: message.errorMessage };
        this.current.settle(outcome);
      }
    }
  }

  /** An uncaught exception or exit in the worker ends the environment, as the Lambda runtime does. */
  private onCrash(errorType: string, errorMessage: string): void {
    this.settleInit({ ok: false, errorType, errorMessage });
    if (!this.terminating) this.terminating = this.exited ? Promise.resolve() : this.worker.terminate().then(() => undefined);
    this.current?.settle({ ok: false, errorType, errorMessage });
  }
}
