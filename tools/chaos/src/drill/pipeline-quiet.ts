import type { LocalRuntime } from '@pulse/local-runtime';
import { sleep } from './sleep';

export interface QuietOptions {
  /** Give up (resolve false) after this long. */
  readonly timeoutMs: number;
  /** Nothing pending for this long counts as quiet. */
  readonly quietMs?: number;
  readonly signal?: AbortSignal;
}

/** Nothing journaled on the bus (delivered or dead-lettered, retries included) and no function running or waiting. */
export function pipelineIdle(runtime: Pick<LocalRuntime, 'bus' | 'runner'>): boolean {
  if (runtime.bus.dispatcher.stats().pending > 0) return false;
  return Object.values(runtime.runner.stats()).every((fn) => fn.busyWorkers === 0 && fn.queueDepth === 0);
}

/**
 * Waits until the pipeline has been idle for `quietMs` in a row: every accepted event either
 * delivered or in its DLQ. A function publishes before its invocation ends, so a hop in
 * progress always shows as pending or busy.
 */
export async function waitForQuiet(runtime: Pick<LocalRuntime, 'bus' | 'runner'>, options: QuietOptions): Promise<boolean> {
  const quietMs = options.quietMs ?? 500;
  const deadline = Date.now() + options.timeoutMs;
  let idleSince: number | undefined;
  while (Date.now() < deadline && options.signal?.aborted !== true) {
    if (pipelineIdle(runtime)) {
      idleSince ??= Date.now();
      if (Date.now() - idleSince >= quietMs) return true;
    } else idleSince = undefined;
    await sleep(50, options.signal);
  }
  return false;
}
