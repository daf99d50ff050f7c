import type { BusIncarnation } from './bus-incarnation';

type Replaced = (next: BusIncarnation, previous: BusIncarnation) => void;

/**
 * The bus's current incarnation and its kills and revivals, one at a time. What outlives an
 * incarnation (the views handed to callers, the SQS server) follows it through `onReplaced`.
 */
export class BusLives {
  private incarnation: BusIncarnation;
  private state: 'up' | 'down' | 'closed' = 'up';
  private transition: Promise<unknown> = Promise.resolve();
  private readonly replacedListeners: Replaced[] = [];
  private upWaiters: Array<() => void> = [];

  constructor(
    first: BusIncarnation,
    private readonly startNext: () => Promise<BusIncarnation>,
  ) {
    this.incarnation = first;
  }

  /** The running incarnation, or the killed one until a revival replaces it. */
  get current(): BusIncarnation {
    return this.incarnation;
  }

  get down(): boolean {
    return this.state === 'down';
  }

  onReplaced(listener: Replaced): void {
    this.replacedListeners.push(listener);
  }

  /** Resolves once no kill, revival or close is in progress. */
  async settled(): Promise<void> {
    let seen: Promise<unknown>;
    do {
      seen = this.transition;
      await seen;
    } while (seen !== this.transition);
  }

  /** Resolves once the bus is running again (or closed); at once when it was not killed. */
  async notDown(): Promise<void> {
    for (;;) {
      await this.settled();
      if (this.state !== 'down') return;
      await new Promise<void>((resolve) => this.upWaiters.push(resolve));
    }
  }

  kill(): Promise<void> {
    return this.serially(async () => {
      if (this.state !== 'up') return;
      this.state = 'down';
      await this.incarnation.kill();
    });
  }

  revive(): Promise<BusIncarnation> {
    return this.serially(async () => {
      if (this.state !== 'down') throw new Error(`the bus cannot be revived: it is ${this.state}`);
      const next = await this.startNext();
      const previous = this.incarnation;
      this.incarnation = next;
      this.state = 'up';
      for (const listener of this.replacedListeners) listener(next, previous);
      this.wakeUpWaiters();
      return next;
    });
  }

  /** A clean stop of a running bus; a killed one has nothing left to close. */
  close(): Promise<void> {
    return this.serially(async () => {
      const wasUp = this.state === 'up';
      this.state = 'closed';
      this.wakeUpWaiters();
      if (wasUp) await this.incarnation.close();
    });
  }

  private wakeUpWaiters(): void {
    const waiters = this.upWaiters;
    this.upWaiters = [];
    for (const resolve of waiters) resolve();
  }

  private serially<T>(step: () => Promise<T>): Promise<T> {
    const run = this.transition.then(step);
    this.transition = run.catch(() => undefined);
    return run;
  }
}
