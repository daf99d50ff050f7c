import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import type { Archive, BusEvent, Delivery, Dispatcher } from '../../model';
import { startBusServer, type BusServer, type BusServerOptions } from '../../server';

// The SDK warns once per process that Node 20 support ends; tests stay quiet.
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';

/** Records every enqueue; `delayMs` makes enqueue slow, to prove PutEvents waits for it. */
export class RecordingDispatcher implements Dispatcher {
  readonly batches: Delivery[][] = [];
  completed = 0;
  constructor(private readonly delayMs = 0) {}

  async enqueue(deliveries: readonly Delivery[]): Promise<void> {
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    this.batches.push([...deliveries]);
    this.completed += 1;
  }

  get deliveries(): Delivery[] {
    return this.batches.flat();
  }
}

export class MemoryArchive implements Archive {
  readonly events: BusEvent[] = [];

  async append(events: readonly BusEvent[]): Promise<void> {
    this.events.push(...events);
  }

  async *read(from: Date, to: Date, keep: (event: BusEvent) => boolean = () => true): AsyncIterable<BusEvent> {
    for (const event of this.events) {
      const time = Date.parse(event.time);
      if (time >= from.getTime() && time < to.getTime() && keep(event)) yield event;
    }
  }
}

export interface TestBus {
  readonly server: BusServer;
  readonly dispatcher: RecordingDispatcher;
  readonly archive: MemoryArchive;
  /** A real SDK client on the bus; the access key id is who calls (unknown ids = a developer). */
  client(accessKeyId?: string): EventBridgeClient;
  close(): Promise<void>;
}

/** A bus on a free loopback port with in-memory fakes; close() also destroys every client made. */
export async function startTestBus(options: Partial<BusServerOptions> & { enqueueDelayMs?: number } = {}): Promise<TestBus> {
  const dispatcher = new RecordingDispatcher(options.enqueueDelayMs);
  const archive = new MemoryArchive();
  const server = await startBusServer({ port: 0, log: () => undefined, dispatcher, archive, ...options });
  const clients: EventBridgeClient[] = [];
  return {
    server,
    dispatcher,
    archive,
    client: (accessKeyId = 'developer-key') => {
      const client = new EventBridgeClient({
        endpoint: server.endpoint,
        region: 'us-east-1',
        credentials: { accessKeyId, secretAccessKey: 'local' },
        maxAttempts: 1,
      });
      clients.push(client);
      return client;
    },
    close: async () => {
      for (const client of clients) client.destroy();
      await server.close();
    },
  };
}
