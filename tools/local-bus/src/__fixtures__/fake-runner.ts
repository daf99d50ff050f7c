import type { InvokeOptions, InvokeResult } from '@pulse/function-runner';
import type { BusEvent } from '../model';
import type { FunctionInvoker } from '../wiring/function-invoker';

export interface Invocation {
  readonly functionName: string;
  readonly event: BusEvent;
  readonly mode: string | undefined;
  /** performance.now() when the "function" started. */
  readonly startedAt: number;
}

/** Stands in for the FunctionRunner: records every invocation; `fail` names the functions that fail. */
export class FakeRunner implements FunctionInvoker {
  readonly invocations: Invocation[] = [];
  readonly fail = new Map<string, { errorType: string; errorMessage: string }>();

  async invoke(functionName: string, event: unknown, options?: InvokeOptions): Promise<InvokeResult> {
    this.invocations.push({ functionName, event: event as BusEvent, mode: options?.mode, startedAt: performance.now() });
    const failure = this.fail.get(functionName);
    if (failure) return { ok: false, ...failure, durationMs: 0 };
    return { ok: true, result: null, durationMs: 0, coldStart: false };
  }

  of(functionName: string): Invocation[] {
    return this.invocations.filter((i) => i.functionName === functionName);
  }
}

/** Polls until `check` returns a value (not undefined/false); fails with `what` after `timeoutMs`. */
export async function eventually<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 5_000): Promise<T> {
  const giveUpAt = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > giveUpAt) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
