import type { FaultKind } from './fault-rules';

/** One Pulse function as the runner needs it: where its bundle is and the limits it was declared with. */
export interface FunctionSpec {
  /** The Lambda function name; invocations address it by this name (or by its ARN). */
  readonly name: string;
  readonly service: string;
  /** Absolute path of the built bundle (dist/apps/<service>/<fn>/index.js). */
  readonly bundlePath: string;
  /** The export called for each invocation, as the `index.handler` part of Lambda's handler setting. */
  readonly handlerExport: string;
  /** Declared timeout; fractions are allowed so tests need not wait whole seconds. */
  readonly timeoutSeconds: number;
  readonly memoryMb: number;
  /** Upper bound on execution environments (workers); 0 throttles every invocation, as in Lambda. */
  readonly reservedConcurrency?: number;
  /** The function's own environment variables (on top of the Lambda runtime's). */
  readonly environment: Readonly<Record<string, string>>;
}

export type InvocationMode = 'async' | 'sync';

export interface InvokeOptions {
  readonly mode: InvocationMode;
}

export interface InvokeSuccess {
  readonly ok: true;
  /** The handler's result, JSON round-tripped as Lambda does; null for async invocations. */
  readonly result: unknown;
  readonly durationMs: number;
  readonly coldStart: boolean;
}

export interface InvokeFailure {
  readonly ok: false;
  readonly errorType: string;
  readonly errorMessage: string;
  readonly durationMs: number;
}

export type InvokeResult = InvokeSuccess | InvokeFailure;

export interface FunctionStats {
  readonly invocations: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly coldStarts: number;
  /** Failures injected by fault rules (already counted in `errors`, and timeouts in `timeouts`). */
  readonly injectedFaults: number;
  /** The same, by kind (always set by the runner; optional so hand-made stats in other tests stay valid). */
  readonly injectedByKind?: Readonly<Record<FaultKind, number>>;
  /** Over the most recent invocations (a bounded window). */
  readonly p50DurationMs: number;
  readonly p99DurationMs: number;
  /** Invocations waiting for a free execution environment. */
  readonly queueDepth: number;
  readonly busyWorkers: number;
  /** Live execution environments, busy or idle. */
  readonly workers: number;
  /** Spare environments retired after staying idle (optional, as injectedByKind). */
  readonly retiredEnvironments?: number;
  /** V8 heap in use across the live environments, each as of its latest invocation (optional, as injectedByKind). */
  readonly heapUsedBytes?: number;
  /** The same environments' heaps as resident memory (V8's physical size: used plus free page space and the young generation). */
  readonly heapResidentBytes?: number;
}
