import type { BusRestart } from '@pulse/local-bus';
import type { LocalRuntime } from '@pulse/local-runtime';
import { sleep } from './sleep';

export interface BusKillRecord extends BusRestart {
  /** Readings acknowledged to the sender when the bus was killed. */
  readonly atAcknowledged: number;
}

export interface BusKillOptions {
  readonly downMs: number;
  readonly atAcknowledged: number;
  /** How long to wait for a delivery in flight before killing anyway. */
  readonly busyWithinMs?: number;
  readonly log: (line: string) => void;
}

/**
 * Kills the runtime's bus while a delivery is at its target (so one is abandoned for sure),
 * leaves its port closed for `downMs`, and starts it again on the same state; the rest of
 * the runtime (functions, dynalite, SQS, the HTTP API) keeps running throughout.
 */
export async function killBusWhenBusy(runtime: Pick<LocalRuntime, 'bus'>, options: BusKillOptions): Promise<BusKillRecord> {
  const deadline = Date.now() + (options.busyWithinMs ?? 30_000);
  while (runtime.bus.dispatcher.stats().inFlight === 0 && Date.now() < deadline) await sleep(5);
  const { pending, inFlight } = runtime.bus.dispatcher.stats();
  options.log(
    `chaos: killing the bus (${options.atAcknowledged.toLocaleString('en-US')} acknowledged; ${pending} deliveries pending, ${inFlight} in flight); ` +
      `its port stays closed ${options.downMs} ms`,
  );
  const restart = await runtime.bus.restart({ downMs: options.downMs });
  options.log(`chaos: the bus is back on its port after ${restart.tookMs} ms; ${restart.recovered} deliveries recovered from its journal`);
  return { ...restart, atAcknowledged: options.atAcknowledged };
}
