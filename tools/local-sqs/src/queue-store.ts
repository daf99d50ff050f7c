import { FileJournal, journalPath, readJournals } from './file-journal';
import { nullJournal, type JournalRecord } from './journal-record';
import { ACCOUNT_ID, type Clock, type StoredMessage } from './model';
import { Queue } from './queue';
import { defaultAttributes, validateSettableAttributes } from './queue-attributes';
import { invalidParameter, queueDoesNotExist, queueNameExists } from './sqs-error';

export interface QueueStoreOptions {
  region: string;
  clock: Clock;
  /** Persist queues and messages here; in memory when absent. */
  directory?: string;
}

const QUEUE_NAME = /^[A-Za-z0-9_-]{1,80}$/;

/** Every queue of the one local account, by name. */
export class QueueStore {
  private readonly queues = new Map<string, Queue>();

  constructor(private readonly options: QueueStoreOptions) {
    if (options.directory) this.load(options.directory);
  }

  arn(name: string): string {
    return `arn:aws:sqs:${this.options.region}:${ACCOUNT_ID}:${name}`;
  }

  /** CreateQueue: idempotent when the name exists and the given attributes match. */
  create(name: string, attributes: Record<string, string> = {}): Queue {
    if (name.endsWith('.fifo')) throw invalidParameter("FIFO queues are not supported by Pulse's local SQS.");
    if (!QUEUE_NAME.test(name)) {
      throw invalidParameter('Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length');
    }
    const given = validateSettableAttributes(attributes);
    const existing = this.queues.get(name);
    if (existing) {
      const current = existing.settableAttributes();
      const differing = Object.keys(given).filter((key) => current[key] !== given[key]);
      if (differing.length > 0) throw queueNameExists(differing.join(', '));
      return existing;
    }
    const now = this.options.clock.now();
    const queue = this.newQueue({ t: 'queue', name, attributes: { ...defaultAttributes(), ...given }, createdAt: now, lastModifiedAt: now });
    queue.compact();
    return queue;
  }

  find(name: string): Queue | undefined {
    return this.queues.get(name);
  }

  get(name: string): Queue {
    const queue = this.queues.get(name);
    if (!queue) throw queueDoesNotExist();
    return queue;
  }

  /** Resolves `http://host:port/<account>/<name>` (any host: clients rewrite it freely). */
  byUrl(queueUrl: string): Queue {
    return this.get(queueNameFromUrl(queueUrl));
  }

  byArn(arn: string): Queue | undefined {
    const prefix = this.arn('');
    return arn.startsWith(prefix) ? this.queues.get(arn.slice(prefix.length)) : undefined;
  }

  delete(name: string): void {
    const queue = this.get(name);
    this.queues.delete(name);
    queue.removeJournal();
  }

  names(prefix = ''): string[] {
    return [...this.queues.keys()].filter((name) => name.startsWith(prefix)).sort();
  }

  close(): void {
    for (const queue of this.queues.values()) queue.close();
    this.queues.clear();
  }

  private newQueue(record: Extract<JournalRecord, { t: 'queue' }>): Queue {
    const directory = this.options.directory;
    const journal = directory ? new FileJournal(journalPath(directory, record.name)) : nullJournal;
    const queue = new Queue(
      record.name,
      this.arn(record.name),
      record.attributes,
      record.createdAt,
      record.lastModifiedAt,
      this.options.clock,
      journal,
      (targetArn, message) => this.moveToDeadLetter(targetArn, message),
    );
    this.queues.set(record.name, queue);
    return queue;
  }

  private moveToDeadLetter(targetArn: string, message: StoredMessage): boolean {
    const target = this.byArn(targetArn);
    if (!target) return false;
    // Like SQS, the message keeps its id, body, attributes and receive count.
    target.adopt({ ...message, visibleAt: this.options.clock.now(), receiptHandle: undefined });
    return true;
  }

  /** Replays each journal, then compacts it to the queue plus its live messages. */
  private load(directory: string): void {
    for (const { queueName, records } of readJournals(directory)) {
      const creation = records.find((record) => record.t === 'queue');
      if (!creation || creation.t !== 'queue') continue;
      const queue = this.newQueue({ ...creation, name: queueName });
      for (const record of records) queue.replay(record);
      queue.compact();
    }
  }
}

export function queueNameFromUrl(queueUrl: string): string {
  let path = queueUrl;
  try {
    path = new URL(queueUrl).pathname;
  } catch {
    // Not a URL: SQS would reject it; treating it as a path gives the same NonExistentQueue.
  }
  const segments = path.split('/').filter((segment) => segment !== '');
  const name = segments.at(-1);
  if (!name) throw queueDoesNotExist();
  return name;
}
