import type { BusEvent } from '../model';

export type TailListener = (event: BusEvent) => void;

/** Fans every accepted event out to the live `/_pulse/tail` streams; a listener's failure stays its own. */
export class TailHub {
  private readonly listeners = new Set<TailListener>();

  subscribe(listener: TailListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(events: readonly BusEvent[]): void {
    for (const listener of this.listeners) {
      for (const event of events) {
        try {
          listener(event);
        } catch {
          // A broken stream must not fail PutEvents; its connection cleans itself up on close.
        }
      }
    }
  }

  get size(): number {
    return this.listeners.size;
  }
}
