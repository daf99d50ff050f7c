import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from './model';
import { QueueStore } from './queue-store';

describe('QueueStore journal', () => {
  let directory: string;
  let stores: QueueStore[];

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'local-sqs-store-'));
    stores = [];
  });

  afterEach(() => {
    for (const store of stores) store.close();
    rmSync(directory, { recursive: true, force: true });
  });

  const open = (): QueueStore => {
    const store = new QueueStore({ region: 'us-east-1', clock: systemClock, directory });
    stores.push(store);
    return store;
  };

  it('compacts a long-running journal online, keeping only live messages', () => {
    // Prepare
    const queue = open().create('busy');
    queue.send({ body: 'survivor', attributes: {}, senderId: 'test' });
    queue.receive(1, 3600);

    // Act: 4,000 messages pass through (3 journal lines each), the survivor stays in flight.
    for (let i = 0; i < 4_000; i += 1) {
      queue.send({ body: `transient ${i}`, attributes: {}, senderId: 'test' });
      const [message] = queue.receive(1);
      queue.delete(message.receiptHandle ?? '');
    }
    const lines = readFileSync(join(directory, 'busy.jsonl'), 'utf8').trim().split('\n');
    stores[0].close();
    const reopened = open().get('busy');

    // Assess
    expect(lines.length).toBeLessThan(3_000);
    expect(reopened.peek().map((message) => message.body)).toEqual(['survivor']);
    expect(reopened.counts()).toEqual({ visible: 0, inFlight: 1, delayed: 0 });
  });

  it('skips a torn last line left by a crash mid-write', () => {
    // Prepare
    const queue = open().create('torn');
    queue.send({ body: 'whole', attributes: {}, senderId: 'test' });
    stores[0].close();
    const path = join(directory, 'torn.jsonl');
    appendFileSync(path, '{"t":"send","m":{"id":"half');

    // Act
    const reopened = open().get('torn');

    // Assess
    expect(reopened.peek().map((message) => message.body)).toEqual(['whole']);
  });
});
