import type { LocalBus } from '@pulse/local-bus';

/** An event as the bus accepted it: the envelope a target receives. */
export interface AcceptedEvent {
  readonly id: string;
  readonly source: string;
  readonly 'detail-type': string;
  readonly detail: unknown;
  readonly resources: readonly string[];
  readonly [key: string]: unknown;
}

/**
 * Attributes the events the bus accepts to the work that published them. Invocations run one
 * at a time, and a function's PutEvents is answered (so recorded) before it returns.
 */
export class BusRecorder {
  private current: AcceptedEvent[] | undefined;
  private readonly unsubscribe: () => void;

  constructor(bus: LocalBus) {
    this.unsubscribe = bus.bus.onEvent((event) => this.current?.push(event as unknown as AcceptedEvent));
  }

  async during<T>(work: () => Promise<T>): Promise<{ value: T; published: AcceptedEvent[] }> {
    if (this.current) throw new Error('BusRecorder.during does not nest');
    const published: AcceptedEvent[] = [];
    this.current = published;
    try {
      return { value: await work(), published };
    } finally {
      this.current = undefined;
    }
  }

  close(): void {
    this.unsubscribe();
  }
}
